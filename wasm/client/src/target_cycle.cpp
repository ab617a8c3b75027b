#include "galaxy/client/target_cycle.hpp"

#include <algorithm>

namespace galaxy::client {

bool target_position(const sim::World& world, sim::TargetRef target, sim::Vec3* position_m) {
    switch (target.kind) {
        case sim::TargetKind::Body:
            if (target.id >= world.bodies.size()) return false;
            *position_m = world.bodies[target.id].position_m;
            return true;
        case sim::TargetKind::Ship:
            if (const sim::Ship* ship = sim::find_ship(world, target.id)) {
                *position_m = ship->position_m;
                return true;
            }
            return false;
        case sim::TargetKind::Station:
            if (const sim::Station* station = sim::find_station(world, target.id)) {
                *position_m = station->position_m;
                return true;
            }
            return false;
        case sim::TargetKind::None:
            break;
    }
    return false;
}

std::vector<TargetChoice> targets_by_distance(const sim::World& world, sim::TargetKind kind,
                                              sim::Vec3 from_m, std::uint32_t exclude_ship) {
    std::vector<TargetChoice> out;
    switch (kind) {
        case sim::TargetKind::Station:
            out.reserve(world.stations.size());
            for (const sim::Station& s : world.stations) {
                out.push_back({{kind, s.id}, norm(s.position_m - from_m)});
            }
            break;
        case sim::TargetKind::Ship:
            out.reserve(world.ships.size());
            for (const sim::Ship& s : world.ships) {
                if (s.id != exclude_ship)
                    out.push_back({{kind, s.id}, norm(s.position_m - from_m)});
            }
            break;
        case sim::TargetKind::Body:
            out.reserve(world.bodies.size());
            for (std::size_t i = 0; i < world.bodies.size(); ++i) {
                const sim::Body& b = world.bodies[i];
                const double surface = norm(b.position_m - from_m) - b.def.mean_radius_m;
                out.push_back({{kind, static_cast<std::uint32_t>(i)}, std::max(0.0, surface)});
            }
            break;
        case sim::TargetKind::None:
            break;
    }
    // Ties (e.g. inside two bodies) keep world order, so the cycle is stable.
    std::stable_sort(out.begin(), out.end(), [](const TargetChoice& a, const TargetChoice& b) {
        return a.distance_m < b.distance_m;
    });
    return out;
}

sim::TargetRef next_target(const sim::World& world, std::uint32_t own_ship,
                           sim::TargetRef current) {
    const sim::Ship* ship = sim::find_ship(world, own_ship);
    const sim::Vec3 from = ship != nullptr ? ship->position_m : sim::Vec3{};
    std::vector<TargetChoice> order;
    for (sim::TargetKind kind :
         {sim::TargetKind::Station, sim::TargetKind::Ship, sim::TargetKind::Body}) {
        const std::vector<TargetChoice> group = targets_by_distance(world, kind, from, own_ship);
        order.insert(order.end(), group.begin(), group.end());
    }
    if (order.empty()) return {};
    const auto it = std::find_if(order.begin(), order.end(), [&](const TargetChoice& c) {
        return c.target.kind == current.kind && c.target.id == current.id;
    });
    if (it == order.end() || it + 1 == order.end()) return order.front().target;
    return (it + 1)->target;
}

}  // namespace galaxy::client
