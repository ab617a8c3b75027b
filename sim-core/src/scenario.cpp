// The scenario library shared by tests, benchmarks and the runner.
#include "galaxy/sim/scenario.hpp"

#include <algorithm>
#include <cstring>

#include "galaxy/sim/catalog.hpp"
#include "galaxy/sim/det_math.hpp"

namespace galaxy::sim {

namespace {

// splitmix64: a tiny, well-mixed integer generator; integer-only, so identical everywhere.
std::uint64_t mix(std::uint64_t x) {
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

// Uniform double in [0, 1) from the top 53 bits.
double unit(std::uint64_t x) { return static_cast<double>(x >> 11) * 0x1.0p-53; }

constexpr const char* kSpawnBodies[] = {"Earth", "Moon", "Mars", "Venus", "Mercury",
                                        "Jupiter", "Saturn", "Ganymede", "Titan"};

}  // namespace

World scenario_solar_system() {
    World world = create_world(default_catalog(), 0.0);
    create_default_stations(world);
    return world;
}

World scenario_bodies(const std::vector<const char*>& names, bool j2) {
    std::vector<BodyDef> picked;
    for (const BodyDef& def : default_catalog()) {
        const bool wanted = std::any_of(names.begin(), names.end(),
                                        [&def](const char* n) { return def.name == n; });
        if (!wanted) continue;
        BodyDef copy = def;
        const bool parent_kept = std::any_of(picked.begin(), picked.end(),
                                             [&copy](const BodyDef& p) { return p.name == copy.parent; });
        if (!parent_kept) copy.parent.clear();
        if (!j2) {
            copy.j2 = 0.0;
            copy.reference_radius_m = 0.0;
        }
        picked.push_back(copy);
    }
    return create_world(picked, 0.0);
}

Command spawn_in_orbit(int body_index, double altitude_m, double inclination_rad, ShipClass ship_class) {
    Command c;
    c.type = CommandType::SpawnShip;
    c.ship_class = ship_class;
    c.spawn.kind = SpawnKind::Orbit;
    c.spawn.orbit.body_index = static_cast<std::uint32_t>(body_index);
    c.spawn.orbit.altitude_m = altitude_m;
    c.spawn.orbit.inclination_rad = inclination_rad;
    return c;
}

std::vector<Command> scripted_spawns(const World& world, std::uint32_t count, std::uint64_t seed) {
    std::vector<int> bodies;
    for (const char* name : kSpawnBodies) {
        const int b = find_body(world, name);
        if (b >= 0) bodies.push_back(b);
    }
    if (bodies.empty()) bodies.push_back(0);
    std::vector<Command> out;
    std::uint64_t s = mix(seed);
    for (std::uint32_t i = 0; i < count; ++i) {
        const int body = bodies[(s = mix(s)) % bodies.size()];
        const double radius = world.bodies[static_cast<std::size_t>(body)].def.mean_radius_m;
        // Low to middling orbits: 5% to 100% of the body's radius above its surface.
        const double altitude = radius * (0.05 + 0.95 * unit(s = mix(s)));
        const double inclination = dm::kPi * unit(s = mix(s));
        Command c = spawn_in_orbit(body, altitude, inclination,
                                   i % 2 == 0 ? ShipClass::FastFrigate : ShipClass::CargoHauler);
        c.spawn.orbit.raan_rad = dm::kTwoPi * unit(s = mix(s));
        c.spawn.orbit.argument_of_latitude_rad = dm::kTwoPi * unit(s = mix(s));
        c.name = "Scripted " + std::to_string(i + 1);
        out.push_back(c);
    }
    return out;
}

std::vector<Command> scripted_controls(const World& world, std::uint64_t seed) {
    std::vector<Command> out;
    for (const Ship& ship : world.ships) {
        std::uint64_t s = mix(seed ^ mix(world.tick ^ mix(ship.id)));
        if (s % 64 != 0) continue;   // each pilot acts on about one tick in 64
        Command c;
        c.ship = ship.id;
        const std::uint64_t action = (s = mix(s)) % 100;
        if (action < 40) {
            c.type = CommandType::SetThrottle;
            // Mostly gentle burns so tanks last; sometimes off.
            c.value = (s = mix(s)) % 3 == 0 ? 0.0 : 0.2 * unit(s = mix(s));
        } else if (action < 75) {
            c.type = CommandType::SetAttitudeMode;
            c.mode = static_cast<AttitudeMode>((s = mix(s)) % 7);   // HOLD .. RADIAL_OUT
        } else if (action < 85) {
            c.type = CommandType::SetManualRates;
            const double m = ship_class_def(ship.ship_class).max_rate_rad_s;
            c.vector = Vec3{m * (2.0 * unit(s = mix(s)) - 1.0), m * (2.0 * unit(s = mix(s)) - 1.0),
                            m * (2.0 * unit(s = mix(s)) - 1.0)};
        } else if (action < 93) {
            c.type = CommandType::SetTarget;
            c.target = TargetRef{TargetKind::Body, static_cast<std::uint32_t>((s = mix(s)) % world.bodies.size())};
            out.push_back(c);
            c.type = CommandType::SetAttitudeMode;
            c.mode = (s = mix(s)) % 2 == 0 ? AttitudeMode::Target : AttitudeMode::AntiTarget;
        } else if (action < 98) {
            c.type = CommandType::SetRcsTranslation;
            c.vector = Vec3{2.0 * unit(s = mix(s)) - 1.0, 2.0 * unit(s = mix(s)) - 1.0,
                            2.0 * unit(s = mix(s)) - 1.0};
        } else {
            c.type = CommandType::ResetShip;   // back home with full tanks
            c.ship_class = ship.ship_class;
        }
        out.push_back(c);
    }
    return out;
}

}  // namespace galaxy::sim
