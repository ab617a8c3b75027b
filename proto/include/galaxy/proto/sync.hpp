// World sync: binary keyframes and per-tick updates (little-endian; layout in PROTOCOL.md), and
// the one function both sides use to advance a world by a server tick.
//
// Server ticks are counted separately from sim::World::tick: a server tick of dt_s game seconds
// is one or more sim-core steps (apply_tick), so a tick may be longer than sim::kMaxTick_s.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "galaxy/proto/client_message.hpp"
#include "galaxy/sim/command.hpp"
#include "galaxy/sim/event.hpp"
#include "galaxy/sim/world.hpp"

namespace galaxy::proto {

inline constexpr std::uint8_t kFrameKeyframe = 1;   // first byte of a binary frame
inline constexpr std::uint8_t kFrameUpdate = 2;

inline constexpr std::size_t kMaxCommandsPerTick = 65536;
inline constexpr std::size_t kMaxTicksPerUpdate = 4096;

// One server tick: the commands applied at it (in order), then dt_s of integration.
struct TickRecord {
    std::uint64_t tick = 0;               // server tick reached after applying this record
    double dt_s = 0.0;                    // game seconds, kMinTick_s..kMaxServerTick_s
    std::vector<sim::Command> commands;   // every player's commands, in application order
};

inline constexpr double kMaxServerTick_s = 1.0e6;   // 100,000x time scale at 0.1 Hz

// Advances the world by one server tick: ceil(dt_s / sim::kMaxTick_s) equal sim-core steps,
// the commands applied in the first. Returns the events of all steps. Returns nothing and
// changes nothing when dt_s is outside kMinTick_s..kMaxServerTick_s.
std::vector<sim::Event> apply_tick(sim::World& world, const TickRecord& record);

// A batch of consecutive ticks (one, or several while the server catches up).
struct Update {
    std::uint64_t server_time_us = 0;     // when the last tick ended, us since the Unix epoch
    std::vector<TickRecord> ticks;        // consecutive, ascending
    bool has_hash = false;
    std::uint64_t state_hash = 0;         // sim::state_hash after the last tick, when has_hash
};

// The whole world at a server tick, for joining clients and hash-mismatch recovery.
struct Keyframe {
    std::uint64_t tick = 0;               // server tick the world is at
    std::uint64_t server_time_us = 0;
    double dt_s = 0.0;                    // game seconds per tick at the moment (informational)
    sim::World world;
};

// Only the first tick number is written (the others follow from it), so update.ticks must be
// consecutive; an update must hold 1..kMaxTicksPerUpdate ticks to decode.
std::vector<std::uint8_t> encode_update(const Update& update);
std::vector<std::uint8_t> encode_keyframe(const Keyframe& keyframe);

// Decoders validate every length, count, enum and number (finite, in range) and never read past
// size; they return false with E016 and a message on any defect, leaving *out untouched. Never
// throw. Every accepted frame is in its one canonical form: encode(decode(bytes)) == bytes.
bool decode_update(const std::uint8_t* data, std::size_t size, Update* out, DecodeError* error);
bool decode_keyframe(const std::uint8_t* data, std::size_t size, Keyframe* out,
                     DecodeError* error);

// A command list alone (the journal stores each tick's commands this way).
std::vector<std::uint8_t> encode_commands(const std::vector<sim::Command>& commands);
bool decode_commands(const std::uint8_t* data, std::size_t size, std::vector<sim::Command>* out,
                     DecodeError* error);

}  // namespace galaxy::proto
