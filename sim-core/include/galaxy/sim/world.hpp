// The world: the one state value of the simulation, and the step that advances it.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "galaxy/sim/body.hpp"
#include "galaxy/sim/command.hpp"
#include "galaxy/sim/event.hpp"
#include "galaxy/sim/ship.hpp"
#include "galaxy/sim/station.hpp"

namespace galaxy::sim {

inline constexpr double kMinTick_s = 1e-3;      // shortest tick step() accepts
inline constexpr double kMaxTick_s = 3600.0;    // longest tick step() accepts
inline constexpr double kMaxSubstep_s = 30.0;   // integrator substep cap (see integrator.cpp)
inline constexpr double kDockMargin_m = 50.0;   // docking range = station radius + this
inline constexpr double kMaxDockSpeed_m_s = 2.0;   // relative speed limit for docking
inline constexpr double kUndockSpeed_m_s = 0.5;    // separation speed given on undock
inline constexpr std::size_t kMaxShips = 100000;
inline constexpr std::size_t kMaxStations = 1000;

struct World {
    std::uint64_t tick = 0;              // ticks stepped since the world was created
    double game_time_s = 0.0;            // TDB seconds since J2000
    std::vector<Body> bodies;            // fixed order: catalog order, parents before children
    std::vector<Ship> ships;             // ascending id
    std::vector<Station> stations;       // ascending id
    std::uint32_t next_ship_id = 1;      // ids are never reused; 0 means "none"
    std::uint32_t next_station_id = 1;
    std::uint32_t home_station = 0;      // station ships respawn at; 0 = none (orbit Earth)
};

// A world holding the given bodies at game time epoch_s, without ships or stations.
// Bodies must be ordered so that every parent precedes its children (the catalog is).
World create_world(const std::vector<BodyDef>& bodies, double epoch_s = 0.0);

// Creates "Gateway Station" (Earth equatorial, 5,500 km) and "Frontier Outpost" (Earth-Moon L5)
// when a station of that name is missing, and makes Gateway the home station.
// Needs bodies named Earth and Moon; does nothing for a world without them.
void create_default_stations(World& world);

// Advances the world by one tick of dt_s game seconds (kMinTick_s..kMaxTick_s): applies the
// commands in the order given, then integrates. Returns what happened. A command that is
// invalid (unknown ship, out-of-range value, NaN) is rejected with a CommandRejected event and
// changes nothing. Returns an empty list and changes nothing if dt_s is out of range.
std::vector<Event> step(World& world, double dt_s, const std::vector<Command>& commands);

// Lookups; nullptr / -1 when absent.
Ship* find_ship(World& world, std::uint32_t id);
const Ship* find_ship(const World& world, std::uint32_t id);
Station* find_station(World& world, std::uint32_t id);
const Station* find_station(const World& world, std::uint32_t id);
int find_body(const World& world, const std::string& name);

// Index of the innermost body whose Hill sphere contains the point (the root if none; -1 for
// a world without bodies).
int reference_body_index(const World& world, Vec3 position_m);

}  // namespace galaxy::sim
