// What the tick engine hands to persistence and to the connected clients. The engine calls
// these on its tick thread; implementations must return quickly and never block on I/O.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "galaxy/proto/sync.hpp"
#include "galaxy/sim/event.hpp"

namespace galaxy::server {

// Who sent a command, so that it can be acknowledged once it is journaled.
struct CommandOrigin {
    std::uint64_t session_id = 0;   // 0 = the server itself (registration, admin)
    std::uint32_t seq = 0;          // the client's sequence number
};

// One journal row: a server tick that had commands, changed dt, or is a heartbeat.
struct JournalEntry {
    std::uint64_t tick = 0;                  // server tick the commands applied at
    double dt_s = 0.0;                       // this tick's length in game seconds
    std::vector<std::uint8_t> commands;      // proto::encode_commands of the tick's commands
    std::uint64_t state_hash = 0;            // sim::state_hash after the tick
    std::vector<CommandOrigin> origins;      // to acknowledge after commit
};

// A serialized world between ticks.
struct SnapshotData {
    std::uint64_t tick = 0;                  // server tick
    double game_time_s = 0.0;                // TDB seconds since J2000
    double dt_s = 0.0;                       // tick length in force after this tick
    std::uint64_t state_hash = 0;            // sim::state_hash of the world
    std::vector<std::uint8_t> world;         // sim::save_world
    std::string kind = "auto";               // "auto" (periodic, shutdown) | "manual" (admin)
                                             // | "restore" (a restored or reset world)
    std::string label;                       // the admin's label, <= 64 bytes; "" for none
    // Runs on the persistence thread once the row is committed, with its id; never called
    // when the snapshot is dropped (replaced in the queue, or not written before stop).
    std::function<void(std::int64_t snapshot_id)> on_written;
};

using Frame = std::shared_ptr<const std::vector<std::uint8_t>>;

class EngineHooks {
public:
    virtual ~EngineHooks() = default;

    // Persistence. journal_accepting() false means the journal backlog is full: the engine
    // refuses new player commands (E013) until it drains; ticks without commands continue.
    virtual bool journal_accepting() = 0;
    virtual void journal_append(JournalEntry entry) = 0;
    virtual void snapshot_write(SnapshotData snapshot) = 0;

    // Clients. publish_update goes to every session that has its keyframe; update is the
    // decoded form of frame (for notices such as "you are targeted").
    virtual void publish_update(Frame frame, const proto::Update& update) = 0;
    virtual void publish_events(std::uint64_t tick, const std::vector<sim::Event>& events) = 0;
    // A keyframe for one session; updates after it continue from keyframe_tick + 1.
    virtual void deliver_keyframe(std::uint64_t session_id, Frame frame,
                                  std::uint64_t keyframe_tick) = 0;

    // Metrics: the tick thread's work for one tick (apply_tick and bookkeeping, hooks called
    // during it included), steady clock, in seconds. Called after every tick; default ignores it.
    virtual void on_tick_timing(std::uint64_t /*tick*/, double /*work_s*/) {}
    // The world was replaced (an admin restored a snapshot or reset it) at the boundary after
    // tick: clients hold the old one. Called on the tick thread; default ignores it.
    virtual void world_replaced(std::uint64_t /*tick*/) {}
};

}  // namespace galaxy::server
