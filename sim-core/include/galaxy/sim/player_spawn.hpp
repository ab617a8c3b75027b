// Where a player's new ship appears: the one rule the server and the client's local server share.
#pragma once

#include <string>

#include "galaxy/sim/command.hpp"
#include "galaxy/sim/world.hpp"

namespace galaxy::sim {

inline constexpr double kPlayerFallbackAltitude_m = 400000.0;   // Earth orbit without a home station

// A SpawnShip command for a player's ship of class cls named name: co-orbiting the home station
// distance_behind_m behind it (outside its docking range), or, in a world without a home
// station, in a circular equatorial orbit kPlayerFallbackAltitude_m above Earth (body 0 if the
// world has no Earth). Changes nothing: the command is applied by step() like any other.
Command player_spawn_command(const World& world, ShipClass cls, std::string name,
                             double distance_behind_m);

}  // namespace galaxy::sim
