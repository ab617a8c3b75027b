// The binary form of sim-core commands, shared by encode_commands (the journal) and the update
// frames (sync.cpp). Layout: PROTOCOL.md, "Commands".
#pragma once

#include "galaxy/sim/command.hpp"
#include "wire.hpp"

namespace galaxy::proto::wire {

// Smallest encoded command (a type byte and a one-byte varint), used to bound counts against
// the bytes left before reserving memory.
inline constexpr std::size_t kMinCommandBytes = 2;

// Writes the fields the command's type uses, nothing else.
void write_command(Writer& out, const sim::Command& command);

// Reads one command written by write_command; fields its type does not use keep their default.
// Fails (see Reader) on a bad enum, a non-finite double or a name over sim::kMaxNameLength.
bool read_command(Reader& in, sim::Command* out);

}  // namespace galaxy::proto::wire
