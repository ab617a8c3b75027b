// Binary serialization of the whole world. Format documented in serialize.cpp.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "galaxy/sim/world.hpp"

namespace galaxy::sim {

// Encodes every field of the world; load_world(save_world(w)) == w bit for bit for any world
// within the limits load_world enforces (which step() and the commands maintain).
std::vector<std::uint8_t> save_world(const World& world);

// Decodes a blob made by save_world. On any defect (bad magic, unsupported version, truncated,
// length that runs past the end, missing required field, value out of range) returns false,
// leaves *out unchanged and describes the defect in *error. Never crashes on any input.
bool load_world(const std::uint8_t* data, std::size_t size, World* out, std::string* error);

}  // namespace galaxy::sim
