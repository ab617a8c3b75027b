// step(): one tick. Order, fixed on every target:
//   1. commands, in the order given;
//   2. per tick: each ship's reference body and each particle's J2 body (innermost Hill sphere);
//   3. per substep (ceil(dt / 30 s) equal substeps): ship systems (autopilot, wheels, RCS,
//      engine) produce each free ship's velocity change; one PEFRL step moves bodies, stations
//      and free ships; docked ships follow their stations; ships inside a body crash and respawn;
//   4. tick and game time advance.
#include <cmath>
#include <limits>

#include "commands.hpp"
#include "galaxy/sim/world.hpp"
#include "integrator.hpp"
#include "ship_systems.hpp"

namespace galaxy::sim {

namespace {

// Which world object each particle slot holds: stations first, then free (undocked) ships.
struct ParticleMap {
    std::vector<std::size_t> station_slots;   // station index -> slot (all stations are free)
    std::vector<std::size_t> ship_index;      // free ship slot - stations.size() -> ship index
};

ParticleMap map_particles(const World& world) {
    ParticleMap m;
    for (std::size_t i = 0; i < world.stations.size(); ++i) m.station_slots.push_back(i);
    for (std::size_t i = 0; i < world.ships.size(); ++i) {
        if (world.ships[i].docked_station == 0) m.ship_index.push_back(i);
    }
    return m;
}

// Innermost body with a J2 term whose Hill sphere contains the point; -1 if none does.
std::int32_t j2_body_for(const World& world, Vec3 position_m) {
    std::int32_t best = -1;
    double best_radius = std::numeric_limits<double>::infinity();
    for (std::size_t i = 0; i < world.bodies.size(); ++i) {
        const Body& b = world.bodies[i];
        const double h = b.hill_radius_m;
        if (b.def.j2 == 0.0 || h > best_radius) continue;
        if (norm_squared(position_m - b.position_m) < h * h) {
            best = static_cast<std::int32_t>(i);
            best_radius = h;
        }
    }
    return best;
}

void gather(const World& world, const ParticleMap& map, DynamicState& s) {
    BodyField& f = s.field;
    for (std::size_t i = 0; i < world.bodies.size(); ++i) {
        f.x[i] = world.bodies[i].position_m.x;
        f.y[i] = world.bodies[i].position_m.y;
        f.z[i] = world.bodies[i].position_m.z;
        s.body_velocity[i] = world.bodies[i].velocity_m_s;
    }
    ParticleSet& p = s.particles;
    auto put = [&p](std::size_t k, Vec3 x, Vec3 v) {
        p.x[k] = x.x;
        p.y[k] = x.y;
        p.z[k] = x.z;
        p.vx[k] = v.x;
        p.vy[k] = v.y;
        p.vz[k] = v.z;
    };
    const std::size_t ns = world.stations.size();
    for (std::size_t i = 0; i < ns; ++i) put(i, world.stations[i].position_m, world.stations[i].velocity_m_s);
    for (std::size_t k = 0; k < map.ship_index.size(); ++k) {
        const Ship& ship = world.ships[map.ship_index[k]];
        put(ns + k, ship.position_m, ship.velocity_m_s);
    }
}

void scatter(const DynamicState& s, const ParticleMap& map, World& world) {
    const BodyField& f = s.field;
    for (std::size_t i = 0; i < world.bodies.size(); ++i) {
        world.bodies[i].position_m = Vec3{f.x[i], f.y[i], f.z[i]};
        world.bodies[i].velocity_m_s = s.body_velocity[i];
    }
    const ParticleSet& p = s.particles;
    const std::size_t ns = world.stations.size();
    for (std::size_t i = 0; i < ns; ++i) {
        world.stations[i].position_m = Vec3{p.x[i], p.y[i], p.z[i]};
        world.stations[i].velocity_m_s = Vec3{p.vx[i], p.vy[i], p.vz[i]};
    }
    for (std::size_t k = 0; k < map.ship_index.size(); ++k) {
        Ship& ship = world.ships[map.ship_index[k]];
        ship.position_m = Vec3{p.x[ns + k], p.y[ns + k], p.z[ns + k]};
        ship.velocity_m_s = Vec3{p.vx[ns + k], p.vy[ns + k], p.vz[ns + k]};
    }
}

bool target_position(const World& world, const TargetRef& t, Vec3* out) {
    switch (t.kind) {
        case TargetKind::Body:
            if (t.id >= world.bodies.size()) return false;
            *out = world.bodies[t.id].position_m;
            return true;
        case TargetKind::Ship:
            if (const Ship* s = find_ship(world, t.id)) {
                *out = s->position_m;
                return true;
            }
            return false;
        case TargetKind::Station:
            if (const Station* s = find_station(world, t.id)) {
                *out = s->position_m;
                return true;
            }
            return false;
        case TargetKind::None: break;
    }
    return false;
}

void run_ship_systems(World& world, const ParticleMap& map, const std::vector<int>& reference,
                      double h, DynamicState& s) {
    const std::size_t ns = world.stations.size();
    for (std::size_t k = 0; k < map.ship_index.size(); ++k) {
        Ship& ship = world.ships[map.ship_index[k]];
        if (reference[k] < 0) continue;   // a world without bodies: nothing to fly relative to
        const Body& ref = world.bodies[static_cast<std::size_t>(reference[k])];
        ShipSurroundings around;
        around.reference_position_m = ref.position_m;
        around.reference_velocity_m_s = ref.velocity_m_s;
        around.reference_gm_m3_s2 = ref.def.gm_m3_s2;
        around.has_target = target_position(world, ship.controls.target, &around.target_position_m);
        s.particle_dv[ns + k] = advance_ship_systems(ship, around, h);
    }
}

void follow_stations(World& world) {
    for (Ship& ship : world.ships) {
        if (ship.docked_station == 0) continue;
        if (const Station* st = find_station(world, ship.docked_station)) {
            ship.position_m = st->position_m + ship.dock_offset_m;
            ship.velocity_m_s = st->velocity_m_s;
        }
    }
}

// Ships inside a body's mean radius crash and respawn at home. Returns true if any did (the
// particle map then changes, since respawned ships are undocked and elsewhere).
bool resolve_crashes(World& world, std::vector<Event>* events) {
    bool any = false;
    for (Ship& ship : world.ships) {
        if (ship.docked_station != 0) continue;
        for (std::size_t b = 0; b < world.bodies.size(); ++b) {
            const double r = world.bodies[b].def.mean_radius_m;
            if (norm_squared(ship.position_m - world.bodies[b].position_m) >= r * r) continue;
            Event crashed;
            crashed.type = EventType::ShipCrashed;
            crashed.tick = world.tick + 1;
            crashed.ship = ship.id;
            crashed.body = static_cast<std::uint32_t>(b);
            events->push_back(crashed);
            respawn_ship(world, ship);
            Event respawned = crashed;
            respawned.type = EventType::ShipRespawned;
            events->push_back(respawned);
            any = true;
            break;
        }
    }
    return any;
}

}  // namespace

std::vector<Event> step(World& world, double dt_s, const std::vector<Command>& commands) {
    std::vector<Event> events;
    if (!(dt_s >= kMinTick_s && dt_s <= kMaxTick_s)) return events;
    for (const Command& c : commands) apply_command(world, c, &events);

    ParticleMap map = map_particles(world);
    DynamicState state;
    fill_body_field(world.bodies, &state.field);
    state.body_velocity.resize(world.bodies.size());
    const std::size_t ns = world.stations.size();
    auto prepare = [&]() {
        state.particles.resize(ns + map.ship_index.size());
        state.particle_dv.assign(state.particles.size(), Vec3{});
        std::vector<int> reference(map.ship_index.size());
        for (std::size_t i = 0; i < ns; ++i) state.particles.j2_body[i] = j2_body_for(world, world.stations[i].position_m);
        for (std::size_t k = 0; k < map.ship_index.size(); ++k) {
            const Vec3 x = world.ships[map.ship_index[k]].position_m;
            state.particles.j2_body[ns + k] = j2_body_for(world, x);
            reference[k] = reference_body_index(world, x);
        }
        return reference;
    };
    std::vector<int> reference = prepare();

    const int n = substep_count(dt_s);
    const double h = dt_s / n;
    for (int sub = 0; sub < n; ++sub) {
        run_ship_systems(world, map, reference, h, state);
        gather(world, map, state);
        integrate_substep(state, h);
        scatter(state, map, world);
        follow_stations(world);
        if (resolve_crashes(world, &events)) {
            map = map_particles(world);
            reference = prepare();
        }
    }
    world.tick += 1;
    world.game_time_s += dt_s;
    return events;
}

}  // namespace galaxy::sim
