// The naive alternative to our sync protocol: a server that sends every client the whole world
// as JSON every tick, as a straightforward implementation without a shared deterministic
// simulation would. Its size is the baseline our bytes per client per tick are compared with.
#pragma once

#include <cstddef>
#include <string>

#include "galaxy/sim/world.hpp"

namespace galaxy::load {

struct NaiveStateSize {
    std::size_t full_bytes = 0;        // bodies + ships + stations, one JSON text message
    std::size_t ships_only_bytes = 0;  // ships alone (a client that computes the ephemeris itself)
    std::size_t bodies = 0;
    std::size_t ships = 0;
    std::size_t stations = 0;
};

// The JSON a naive server would send for `world` at one tick (compact, shortest round-trip
// doubles, as JSON.stringify or nlohmann::json::dump produce). ships_only leaves out bodies and
// stations.
std::string naive_state_json(const sim::World& world, bool ships_only);

NaiveStateSize naive_state_size(const sim::World& world);

}  // namespace galaxy::load
