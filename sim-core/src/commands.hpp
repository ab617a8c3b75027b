// Applying commands to the world (validation included).
#pragma once

#include <vector>

#include "galaxy/sim/command.hpp"
#include "galaxy/sim/event.hpp"
#include "galaxy/sim/world.hpp"

namespace galaxy::sim {

// Validates and applies one command; appends what happened (or why it was rejected).
// event tick = world.tick + 1, the tick the command takes effect in.
void apply_command(World& world, const Command& command, std::vector<Event>* events);

// Puts a ship back at the home station (or in a 400 km orbit of Earth, or of the first body,
// when there is none) with full tanks, at rest, controls cleared, undocked.
void respawn_ship(World& world, Ship& ship);

}  // namespace galaxy::sim
