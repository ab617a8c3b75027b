// A 64-bit hash over the exact bits of the world state.
#pragma once

#include <cstdint>

#include "galaxy/sim/world.hpp"

namespace galaxy::sim {

// FNV-1a (64-bit) over every field of the world in a fixed order, doubles by their bit
// patterns. Equal worlds give equal hashes on every target; any bit that differs changes it.
std::uint64_t state_hash(const World& world);

}  // namespace galaxy::sim
