// World creation, default stations and lookups.
#include "galaxy/sim/world.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "galaxy/sim/det_math.hpp"
#include "placement.hpp"

namespace galaxy::sim {

namespace {

Vec3 pole_from_ra_dec(double ra_deg, double dec_deg) {
    double sa = 0.0, ca = 1.0, sd = 0.0, cd = 1.0;
    dm::sincos(ra_deg * dm::kDegToRad, &sa, &ca);
    dm::sincos(dec_deg * dm::kDegToRad, &sd, &cd);
    return normalized(Vec3{cd * ca, cd * sa, sd});
}

template <typename T>
auto find_by_id(T& items, std::uint32_t id) -> decltype(items.data()) {
    // Items are kept in ascending id order, so a binary search finds them.
    auto it = std::lower_bound(items.begin(), items.end(), id,
                               [](const auto& item, std::uint32_t key) { return item.id < key; });
    return it != items.end() && it->id == id ? &*it : nullptr;
}

}  // namespace

World create_world(const std::vector<BodyDef>& defs, double epoch_s) {
    World world;
    world.game_time_s = epoch_s;
    world.bodies.reserve(defs.size());
    for (const BodyDef& def : defs) {
        Body body;
        body.def = def;
        body.position_m = def.position_m;
        body.velocity_m_s = def.velocity_m_s;
        body.pole = pole_from_ra_dec(def.pole_ra_deg, def.pole_dec_deg);
        body.hill_radius_m = std::numeric_limits<double>::infinity();
        for (std::size_t p = 0; p < world.bodies.size(); ++p) {
            if (world.bodies[p].def.name == def.parent) body.parent_index = static_cast<std::int32_t>(p);
        }
        if (body.parent_index >= 0) {
            // Hill radius r_H = d (m / 3M)^(1/3) at the epoch distance d from the parent; fixed
            // for the world's life (it selects reference bodies, it does not drive dynamics).
            const Body& parent = world.bodies[static_cast<std::size_t>(body.parent_index)];
            const double d = norm(def.position_m - parent.def.position_m);
            body.hill_radius_m = d * dm::cbrt(def.gm_m3_s2 / (3.0 * parent.def.gm_m3_s2));
        }
        world.bodies.push_back(body);
    }
    return world;
}

namespace {

std::uint32_t add_station(World& world, const std::string& name, const PlacedState& state) {
    Station station;
    station.id = world.next_station_id++;
    station.name = name;
    station.position_m = state.position_m;
    station.velocity_m_s = state.velocity_m_s;
    world.stations.push_back(station);
    return station.id;
}

const Station* find_station_named(const World& world, const std::string& name) {
    for (const Station& s : world.stations) {
        if (s.name == name) return &s;
    }
    return nullptr;
}

}  // namespace

void create_default_stations(World& world) {
    const int earth = find_body(world, "Earth");
    const int moon = find_body(world, "Moon");
    if (earth < 0 || moon < 0) return;
    std::string reason;
    if (find_station_named(world, "Gateway Station") == nullptr) {
        SpawnDef spawn;
        spawn.kind = SpawnKind::Orbit;
        spawn.orbit.body_index = static_cast<std::uint32_t>(earth);
        spawn.orbit.altitude_m = 5500e3;
        PlacedState state;
        if (place(world, spawn, &state, &reason)) add_station(world, "Gateway Station", state);
    }
    if (find_station_named(world, "Frontier Outpost") == nullptr) {
        SpawnDef spawn;
        spawn.kind = SpawnKind::Lagrange;
        spawn.lagrange = {static_cast<std::uint32_t>(earth), static_cast<std::uint32_t>(moon), false};
        PlacedState state;
        if (place(world, spawn, &state, &reason)) add_station(world, "Frontier Outpost", state);
    }
    if (const Station* gateway = find_station_named(world, "Gateway Station")) {
        world.home_station = gateway->id;
    }
}

Ship* find_ship(World& world, std::uint32_t id) { return find_by_id(world.ships, id); }
const Ship* find_ship(const World& world, std::uint32_t id) { return find_by_id(world.ships, id); }
Station* find_station(World& world, std::uint32_t id) { return find_by_id(world.stations, id); }
const Station* find_station(const World& world, std::uint32_t id) {
    return find_by_id(world.stations, id);
}

int find_body(const World& world, const std::string& name) {
    for (std::size_t i = 0; i < world.bodies.size(); ++i) {
        if (world.bodies[i].def.name == name) return static_cast<int>(i);
    }
    return -1;
}

int reference_body_index(const World& world, Vec3 position_m) {
    int best = world.bodies.empty() ? -1 : 0;
    double best_radius = std::numeric_limits<double>::infinity();
    for (std::size_t i = 0; i < world.bodies.size(); ++i) {
        const Body& b = world.bodies[i];
        const double h = b.hill_radius_m;   // +inf for the root, which contains everything
        if (h <= best_radius && norm_squared(position_m - b.position_m) < h * h) {
            best = static_cast<int>(i);
            best_radius = h;
        }
    }
    return best;
}

}  // namespace galaxy::sim
