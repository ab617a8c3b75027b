#include "galaxy/client/telemetry.hpp"

#include <cmath>
#include <limits>

namespace galaxy::client {
namespace {

// Where a target is and how it moves (ICRF); false when it does not exist.
struct TargetState {
    sim::Vec3 position_m;
    sim::Vec3 velocity_m_s;
    double radius_m = 0.0;  // bodies: distances are to the surface
};

bool target_state(const sim::World& world, sim::TargetRef target, TargetState* out) {
    switch (target.kind) {
        case sim::TargetKind::Body: {
            if (target.id >= world.bodies.size()) return false;
            const sim::Body& b = world.bodies[target.id];
            *out = {b.position_m, b.velocity_m_s, b.def.mean_radius_m};
            return true;
        }
        case sim::TargetKind::Ship: {
            const sim::Ship* s = sim::find_ship(world, target.id);
            if (s == nullptr) return false;
            *out = {s->position_m, s->velocity_m_s, 0.0};
            return true;
        }
        case sim::TargetKind::Station: {
            const sim::Station* s = sim::find_station(world, target.id);
            if (s == nullptr) return false;
            *out = {s->position_m, s->velocity_m_s, 0.0};
            return true;
        }
        case sim::TargetKind::None:
            break;
    }
    return false;
}

// Rate at which the distance shrinks, m/s (> 0 approaching) for relative position d, velocity w.
double closing_speed(sim::Vec3 d, sim::Vec3 w) {
    const double r = sim::norm(d);
    return r > 0.0 ? -sim::dot(d, w) / r : 0.0;
}

}  // namespace

ShipTelemetry ship_telemetry(const sim::World& world, std::uint32_t ship_id) {
    ShipTelemetry t;
    const sim::Ship* ship = sim::find_ship(world, ship_id);
    if (ship == nullptr) return t;
    const sim::ShipClassDef& def = sim::ship_class_def(ship->ship_class);
    t.valid = true;
    t.fuel_kg = ship->fuel_kg;
    t.fuel_fraction = def.fuel_capacity_kg > 0.0 ? ship->fuel_kg / def.fuel_capacity_kg : 0.0;
    t.throttle = ship->controls.throttle;
    t.thrust_n = ship->thrust_n;
    t.max_thrust_n = def.max_thrust_n;
    t.mass_kg = sim::ship_mass_kg(*ship);
    const double exhaust_m_s = def.isp_s * sim::kStandardGravity_m_s2;
    t.delta_v_m_s = exhaust_m_s * std::log(t.mass_kg / def.dry_mass_kg);
    const double flow_kg_s = t.throttle * def.max_thrust_n / exhaust_m_s;
    t.burn_time_s =
        flow_kg_s > 0.0 ? ship->fuel_kg / flow_kg_s : std::numeric_limits<double>::infinity();
    t.mode = ship->controls.mode;
    t.wheel_saturation = ship->wheel_saturation;
    t.rcs_activity = ship->rcs_activity;
    t.docked_station = ship->docked_station;

    t.orbit = sim::ship_orbit(world, *ship);
    t.reference_body = t.orbit.reference_body;
    if (t.reference_body >= 0 && static_cast<std::size_t>(t.reference_body) < world.bodies.size()) {
        const sim::Body& body = world.bodies[static_cast<std::size_t>(t.reference_body)];
        t.reference_name = body.def.name;
        t.speed_m_s = sim::norm(ship->velocity_m_s - body.velocity_m_s);
        const double r_m = body.def.mean_radius_m;
        t.altitude_m = sim::norm(ship->position_m - body.position_m) - r_m;
        const double surface_gravity_m_s2 = r_m > 0.0 ? body.def.gm_m3_s2 / (r_m * r_m) : 0.0;
        t.twr = surface_gravity_m_s2 > 0.0 ? def.max_thrust_n / (t.mass_kg * surface_gravity_m_s2)
                                           : 0.0;
    }
    return t;
}

TargetTelemetry target_telemetry(const sim::World& world, std::uint32_t ship_id,
                                 sim::TargetRef target) {
    TargetTelemetry t;
    const sim::Ship* ship = sim::find_ship(world, ship_id);
    TargetState other;
    if (ship == nullptr || !target_state(world, target, &other)) return t;
    t.valid = true;
    t.target = target;
    t.name = target_name(world, target);
    const sim::Vec3 d = other.position_m - ship->position_m;
    const sim::Vec3 w = other.velocity_m_s - ship->velocity_m_s;
    t.distance_m = sim::norm(d) - other.radius_m;
    t.relative_speed_m_s = sim::norm(w);
    t.closing_speed_m_s = closing_speed(d, w);
    // Straight lines: |d + w t| is least at t = -d.w / |w|^2, or now when that is past.
    const double w2 = sim::norm_squared(w);
    const double t_min = w2 > 0.0 ? -sim::dot(d, w) / w2 : 0.0;
    t.time_to_closest_approach_s = t_min > 0.0 ? t_min : 0.0;
    t.closest_approach_m = sim::norm(d + w * t.time_to_closest_approach_s) - other.radius_m;
    return t;
}

DockingTelemetry docking_telemetry(const sim::World& world, std::uint32_t ship_id) {
    DockingTelemetry t;
    const sim::Ship* ship = sim::find_ship(world, ship_id);
    if (ship == nullptr) return t;
    const sim::Station* station = sim::find_station(world, ship->docked_station);
    if (station == nullptr) {
        double best_d2 = std::numeric_limits<double>::infinity();
        for (const sim::Station& s : world.stations) {
            const double d2 = sim::norm_squared(s.position_m - ship->position_m);
            if (d2 < best_d2) {
                best_d2 = d2;
                station = &s;
            }
        }
    }
    if (station == nullptr) return t;
    t.valid = true;
    t.station = station->id;
    t.station_name = station->name;
    const sim::Vec3 d = station->position_m - ship->position_m;
    const sim::Vec3 w = station->velocity_m_s - ship->velocity_m_s;
    t.distance_m = sim::norm(d);
    t.closing_speed_m_s = closing_speed(d, w);
    t.relative_speed_m_s = sim::norm(w);
    t.docked = ship->docked_station == station->id;
    // The same tests as sim-core's Dock command (both limits inclusive).
    t.in_range = t.distance_m <= sim::kStationRadius_m + sim::kDockMargin_m;
    t.can_dock = !t.docked && t.in_range && t.relative_speed_m_s <= sim::kMaxDockSpeed_m_s;
    return t;
}

std::string target_name(const sim::World& world, sim::TargetRef target) {
    switch (target.kind) {
        case sim::TargetKind::Body:
            return target.id < world.bodies.size() ? world.bodies[target.id].def.name : "";
        case sim::TargetKind::Ship: {
            const sim::Ship* s = sim::find_ship(world, target.id);
            return s != nullptr ? s->name : "";
        }
        case sim::TargetKind::Station: {
            const sim::Station* s = sim::find_station(world, target.id);
            return s != nullptr ? s->name : "";
        }
        case sim::TargetKind::None:
            break;
    }
    return "";
}

}  // namespace galaxy::client
