// Figures the HUD shows, computed from a world: pure functions of the state, so they can be
// tested natively and give the same numbers in the browser.
#pragma once

#include <cstdint>
#include <string>

#include "galaxy/sim/orbit.hpp"
#include "galaxy/sim/ship.hpp"
#include "galaxy/sim/world.hpp"

namespace galaxy::client {

struct ShipTelemetry {
    bool valid = false;                    // false when the ship does not exist
    double fuel_kg = 0.0;
    double fuel_fraction = 0.0;            // 0..1 of the class's capacity
    double throttle = 0.0;                 // 0..1 (the standing control)
    double thrust_n = 0.0;                 // produced in the last step
    double max_thrust_n = 0.0;
    double mass_kg = 0.0;
    double delta_v_m_s = 0.0;              // Tsiolkovsky: isp g0 ln(m / m_dry)
    double twr = 0.0;                      // max thrust / (mass x surface gravity of the reference body)
    double burn_time_s = 0.0;              // fuel / flow at the current throttle; +inf at throttle 0
    double speed_m_s = 0.0;                // relative to the reference body
    double altitude_m = 0.0;               // above the reference body's mean radius
    int reference_body = -1;               // index into World::bodies
    std::string reference_name;
    sim::OrbitalElements orbit;            // about the reference body
    sim::AttitudeMode mode = sim::AttitudeMode::Hold;
    double wheel_saturation = 0.0;         // 0..1
    double rcs_activity = 0.0;             // 0..1
    std::uint32_t docked_station = 0;      // 0 = not docked
};

ShipTelemetry ship_telemetry(const sim::World& world, std::uint32_t ship_id);

struct TargetTelemetry {
    bool valid = false;                    // false when there is no target or it no longer exists
    sim::TargetRef target;
    std::string name;
    double distance_m = 0.0;               // centre to centre (surface distance for a body: minus radius)
    double relative_speed_m_s = 0.0;       // |v_target - v_ship|
    double closing_speed_m_s = 0.0;        // > 0 when the distance shrinks
    double closest_approach_m = 0.0;       // straight-line motion estimate; a body: above its surface
    double time_to_closest_approach_s = 0.0;   // 0 when it is now or past
};

TargetTelemetry target_telemetry(const sim::World& world, std::uint32_t ship_id,
                                 sim::TargetRef target);

// The docking panel: the nearest station and whether sim-core would accept a Dock now.
struct DockingTelemetry {
    bool valid = false;                    // false when there is no station
    std::uint32_t station = 0;             // nearest station (or the one docked to)
    std::string station_name;
    double distance_m = 0.0;               // centre to centre
    double closing_speed_m_s = 0.0;        // > 0 when approaching
    double relative_speed_m_s = 0.0;
    bool in_range = false;                 // within sim::kStationRadius_m + sim::kDockMargin_m
    bool can_dock = false;                 // in range and slower than sim::kMaxDockSpeed_m_s
    bool docked = false;
};

DockingTelemetry docking_telemetry(const sim::World& world, std::uint32_t ship_id);

// The name shown for a target (body, ship or station name; "" when it does not exist).
std::string target_name(const sim::World& world, sim::TargetRef target);

}  // namespace galaxy::client
