// The scenario library: the worlds that tests, benchmarks and the runner share.
#pragma once

#include <cstdint>
#include <vector>

#include "galaxy/sim/command.hpp"
#include "galaxy/sim/world.hpp"

namespace galaxy::sim {

// The full J2000 Solar System from the embedded catalog, with the default stations.
World scenario_solar_system();

// Only the bodies named (in catalog order), no stations. j2 = false zeroes every J2.
World scenario_bodies(const std::vector<const char*>& names, bool j2);

// Commands that spawn `count` ships of alternating classes in varied circular orbits around
// the planets and moons chosen by the seed. Apply them with step() (or apply_spawns below).
std::vector<Command> scripted_spawns(const World& world, std::uint32_t count, std::uint64_t seed);

// The scripted pilots' commands for this tick: each ship changes throttle, attitude mode or
// manual rates now and then, chosen deterministically from (seed, tick, ship id).
std::vector<Command> scripted_controls(const World& world, std::uint64_t seed);

// A SpawnShip command for one ship in a circular orbit around a body.
Command spawn_in_orbit(int body_index, double altitude_m, double inclination_rad,
                       ShipClass ship_class);

}  // namespace galaxy::sim
