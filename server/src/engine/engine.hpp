// The tick engine: owns the one authoritative World and advances it on its own thread at the
// configured tick rate, applying the commands submitted since the previous tick.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "engine/engine_hooks.hpp"
#include "galaxy/sim/world.hpp"

namespace galaxy::server {

// Now as UTC seconds since the Unix epoch (system clock): EngineDef::utc_now_s's default.
double system_utc_now_s();

struct EngineDef {
    double tick_rate_hz = 10.0;             // 0.1..60 ticks per real second
    double time_scale = 1.0;                // 0.1..100,000 game seconds per real second
    bool paused = false;
    bool time_sync = false;                 // keep game time near UTC (only at time scale 1)
    std::uint32_t hash_interval_ticks = 10; // state hash in every Nth update (1..10,000)
    std::uint32_t max_catch_up_ticks = 50;  // most late ticks made up at once; older are skipped
    double max_behind_broadcasts_hz = 10.0; // update rate limit while catching up
    double snapshot_interval_s = 60.0;      // real seconds between snapshots
    std::uint32_t heartbeat_ticks = 10;     // a journal row at least every N ticks
    // Wall clock for Update/Keyframe server_time_us and time sync, UTC s since the Unix epoch;
    // tests pass their own. Called on the tick thread only.
    std::function<double()> utc_now_s = system_utc_now_s;
};

// Limits of the run-time settings (set_* clamp nothing: out-of-range values return false).
inline constexpr double kMinTickRate_hz = 0.1;
inline constexpr double kMaxTickRate_hz = 60.0;
inline constexpr double kMinTimeScale = 0.1;
inline constexpr double kMaxTimeScale = 100000.0;

struct EngineStatus {
    std::uint64_t tick = 0;                 // server tick
    double game_time_s = 0.0;
    double tick_rate_hz = 0.0;
    double time_scale = 0.0;                // admin setting
    double effective_time_scale = 0.0;      // after the time-sync correction
    bool paused = false;
    bool time_sync = false;
    double time_sync_drift_s = 0.0;         // game time minus UTC (time sync on)
    std::uint64_t ticks_behind = 0;         // due but not run: during a catch-up the ticks left
                                            // in it; after a wake-up, due by the clock then
    std::uint64_t ticks_skipped = 0;        // late ticks dropped beyond max_catch_up_ticks
    std::size_t ships = 0;
    std::size_t stations = 0;
    std::uint64_t state_hash = 0;           // the latest computed (journal row, hashed update,
    std::uint64_t state_hash_tick = 0;      // snapshot), after tick state_hash_tick
    double last_tick_duration_s = 0.0;
};

class Engine {
public:
    using Clock = std::chrono::steady_clock;

    // world is at server tick `tick`. hooks must outlive the engine.
    Engine(const EngineDef& def, sim::World world, std::uint64_t tick, EngineHooks* hooks);
    ~Engine();   // stops the thread
    Engine(const Engine&) = delete;
    Engine& operator=(const Engine&) = delete;

    void start();   // launches the tick thread
    void stop();    // finishes the tick in progress, joins, sends held updates; idempotent

    // --- Thread-safe API -----------------------------------------------------------------
    enum class SubmitResult { Accepted, Busy, Stopped };
    // Queues commands for the next tick, in order. Busy when the journal is backlogged. A tick
    // takes at most proto::kMaxCommandsPerTick commands; later submissions wait for the next.
    SubmitResult submit(CommandOrigin origin, std::vector<sim::Command> commands);
    // Makes sure ship_id exists (spawning a new ship near the home station, named name, if it
    // does not, e.g. a new player or a removed ship); done(id) runs on the tick thread after the
    // tick that spawned it (at once if it exists), with 0 if spawning failed. Not refused when busy.
    // "At once" is the next tick boundary, which the thread reaches without waiting for a tick
    // (also while paused); a spawn requested while paused applies at the first tick after the
    // pause. ship_id 0 always spawns; an invalid name or class fails at once; after stop() done(0)
    // runs at once on the calling thread.
    void ensure_ship(std::uint32_t ship_id, sim::ShipClass ship_class, std::string name,
                     std::function<void(std::uint32_t)> done);
    // Removes a ship at the next tick (account deletion); not refused when busy.
    void remove_ship(std::uint32_t ship_id);
    void request_keyframe(std::uint64_t session_id);   // delivered at the next tick boundary
    bool set_tick_rate(double hz);                     // false when out of range
    bool set_time_scale(double scale);                 // false when out of range
    void set_paused(bool paused);
    void set_time_sync(bool on);
    void request_snapshot();                           // at the next tick boundary
    // An admin's snapshot at the next tick boundary (also while paused), of the given kind
    // ("manual") and label; on_written(id) runs on the persistence thread once it is stored.
    // Requests of one boundary share one snapshot.
    void request_snapshot(std::string kind, std::string label,
                          std::function<void(std::int64_t snapshot_id)> on_written);
    EngineStatus status() const;

    // --- Admin ---------------------------------------------------------------------------
    // Called on the tick thread with no lock held; they must return quickly and never block.
    using WorldView = std::function<void(const sim::World& world, std::uint64_t tick)>;
    using AppliedFn = std::function<void(const sim::World& world, std::uint64_t tick,
                                         const std::vector<sim::Event>& events)>;
    using ReplacedFn = std::function<void(std::uint64_t tick, std::uint64_t state_hash)>;
    // Runs view with the world at the next tick boundary (also while paused). False after
    // stop(): view is not called.
    bool inspect(WorldView view);
    // Applies commands (station spawns and removals) in the next tick like a player's, journaled
    // with origin 0, never refused as busy; applied gets the world after that tick and all of the
    // tick's events. While paused they wait for the next tick. False after stop().
    bool submit_admin(std::vector<sim::Command> commands, AppliedFn applied);
    // Replaces the world at the next tick boundary (snapshot restore, world reset): updates held
    // for the old world are sent first, the server tick keeps counting from where it is, a
    // snapshot of kind "restore" is written at once, hooks->world_replaced(tick) is called, then
    // done(tick, hash). Queued commands and spawns apply to the new world. The next ship and
    // station ids carry over when larger, so no id is ever given twice. False after stop().
    bool replace_world(sim::World world, ReplacedFn done);

    // After stop(): the world as it is, for the final snapshot at shutdown.
    SnapshotData snapshot_now() const;

    // --- Testing -------------------------------------------------------------------------
    // Runs what the thread does once at time now (ticks due, keyframes, snapshots) without the
    // thread; tests drive the engine with their own clock. Not to be mixed with start(). Does
    // nothing after stop(). The first call (like start()) sets the schedule's origin.
    void run_until(Clock::time_point now);

private:
    struct State;
    std::unique_ptr<State> state_;
};

}  // namespace galaxy::server
