// A stand-in for the game server inside the client, for the offline demo and the benchmarks:
// it owns a world with scripted ships and talks to a Session in the real protocol's frames
// (welcome, keyframe, per-tick updates with hashes, acks), so the whole client path runs.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "galaxy/client/session.hpp"
#include "galaxy/sim/world.hpp"

namespace galaxy::client {

struct LocalServerDef {
    std::uint32_t ships = 100;             // scripted ships besides the pilot's (0..sim::kMaxShips)
    std::uint64_t seed = 1;                // of the scripted spawns and controls
    double tick_rate_hz = 10.0;
    double time_scale = 1.0;
    std::uint32_t hash_interval_ticks = 10;
};

class LocalServer {
public:
    LocalServer(const LocalServerDef& def, double now_ms);

    // Delivers every frame due by now_ms into the session (the first call: welcome and
    // keyframe), after taking the session's outgoing messages as the pilot's commands.
    void poll(double now_ms, Session& session);

    const sim::World& world() const { return world_; }

    std::uint32_t pilot_ship_id() const { return pilot_; }   // the session's ship

private:
    void handle_outgoing(double now_ms, Session& session);
    void run_tick(double now_ms, Session& session);
    void send_keyframe(double now_ms, Session& session);
    double tick_dt_s() const;
    double tick_due_ms(std::uint64_t tick) const;

    LocalServerDef def_;
    sim::World world_;
    std::uint64_t tick_ = 0;                 // server ticks run since the keyframe world was built
    double start_ms_ = 0.0;                  // client clock when tick origin_tick_ was due
    std::uint64_t origin_tick_ = 0;          // moves forward when late ticks are skipped
    bool welcomed_ = false;
    std::uint32_t pilot_ = 0;
    std::vector<sim::Command> queued_;       // the pilot's commands for the next tick
    std::vector<std::uint32_t> queued_seqs_; // acknowledged once that tick has run
};

}  // namespace galaxy::client
