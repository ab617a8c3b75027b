// Player ships: classes, propulsion, attitude control state.
#pragma once

#include <cstdint>
#include <string>

#include "galaxy/sim/quat.hpp"
#include "galaxy/sim/vec3.hpp"

namespace galaxy::sim {

inline constexpr double kStandardGravity_m_s2 = 9.80665;   // g0 for specific impulse

enum class ShipClass : std::uint8_t { CargoHauler = 0, FastFrigate = 1 };

// Fixed performance figures of a ship class.
struct ShipClassDef {
    const char* name;                  // "cargo_hauler" / "fast_frigate"
    double dry_mass_kg;
    double fuel_capacity_kg;
    double max_thrust_n;               // main engine, along body +Z
    double isp_s;                      // specific impulse of the main engine
    double max_wheel_torque_nm;        // per body axis
    double wheel_capacity_nms;         // reaction wheel momentum capacity per body axis
    double max_rcs_torque_nm;          // per body axis
    double rcs_fuel_rate_kg_s;         // RCS fuel flow at full torque on one axis
    double max_rcs_force_n;            // RCS translation force per body axis at full input
    double max_rate_rad_s;             // attitude autopilot and manual rate limit
    Vec3 inertia_dry_kgm2;             // principal moments [Ix, Iy, Iz] with empty tanks
    Vec3 inertia_full_kgm2;            // principal moments with full tanks
};

const ShipClassDef& ship_class_def(ShipClass cls);
// Unknown names fall back to FastFrigate.
ShipClass ship_class_from_name(const std::string& name);

enum class AttitudeMode : std::uint8_t {
    Hold = 0, Prograde, Retrograde, Normal, AntiNormal, RadialIn, RadialOut, Target, AntiTarget,
    Manual
};
inline constexpr int kAttitudeModeCount = 10;
const char* attitude_mode_name(AttitudeMode mode);   // "HOLD", "PROGRADE", ...
bool attitude_mode_from_name(const std::string& name, AttitudeMode* out);   // false if unknown

enum class TargetKind : std::uint8_t { None = 0, Body, Ship, Station };

// What a ship is pointed at or measuring against (TARGET modes, HUD target panel).
struct TargetRef {
    TargetKind kind = TargetKind::None;
    std::uint32_t id = 0;   // body index, ship id or station id
};

// The pilot's standing inputs; they stay in force until changed by a command.
struct ShipControls {
    double throttle = 0.0;               // 0..1 of max thrust
    AttitudeMode mode = AttitudeMode::Hold;
    Vec3 manual_rates_rad_s;             // body-frame rate demand in MANUAL mode
    Vec3 rcs_translation;                // body-frame RCS translation demand, each axis -1..1
    TargetRef target;
};

struct Ship {
    std::uint32_t id = 0;                // unique for the world's lifetime, never reused
    std::string name;
    ShipClass ship_class = ShipClass::FastFrigate;
    Vec3 position_m;                     // ICRF, barycentric
    Vec3 velocity_m_s;                   // ICRF
    Quat attitude;                       // body -> ICRF
    Vec3 angular_velocity_rad_s;         // body frame
    Vec3 wheel_momentum_nms;             // reaction wheel stored momentum, body frame
    double fuel_kg = 0.0;
    ShipControls controls;
    Quat hold_attitude;                  // attitude HOLD keeps (captured when HOLD engages)
    std::uint32_t docked_station = 0;    // station id, 0 = not docked
    Vec3 dock_offset_m;                  // ICRF offset from the station while docked
    // Telemetry from the last step (part of the state so that saves continue bit-exactly).
    double wheel_saturation = 0.0;       // 0..1, max over axes of |momentum| / capacity
    double rcs_activity = 0.0;           // 0..1, RCS torque use as a fraction of maximum
    double thrust_n = 0.0;               // main engine thrust actually produced
};

double ship_mass_kg(const Ship& ship);                // dry + fuel
Vec3 ship_inertia_kgm2(const Ship& ship);             // interpolated by fuel fraction

}  // namespace galaxy::sim
