// The order the T key steps through targets, and the lists the HUD's target combos show:
// stations, then other ships, then bodies, each nearest first.
#pragma once

#include <cstdint>
#include <vector>

#include "galaxy/sim/ship.hpp"
#include "galaxy/sim/vec3.hpp"
#include "galaxy/sim/world.hpp"

namespace galaxy::client {

// One object a ship can target, with its distance from the viewpoint.
struct TargetChoice {
    sim::TargetRef target;
    double distance_m = 0.0;  // centre to centre; for a body, to its surface (never < 0)
};

// ICRF position of a target; false when it does not exist (or kind is None).
bool target_position(const sim::World& world, sim::TargetRef target, sim::Vec3* position_m);

// Every object of one kind (Station, Ship or Body) nearest first from `from_m`; the ship
// `exclude_ship` (the own ship) is left out.
std::vector<TargetChoice> targets_by_distance(const sim::World& world, sim::TargetKind kind,
                                              sim::Vec3 from_m, std::uint32_t exclude_ship);

// The target after `current` in cycling order (stations, ships, bodies; nearest first from the
// own ship, or the barycentre without one); the first one when `current` is not in the list;
// kind None when there is nothing to target.
sim::TargetRef next_target(const sim::World& world, std::uint32_t own_ship, sim::TargetRef current);

}  // namespace galaxy::client
