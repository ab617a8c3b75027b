// The persistence thread: writes journal rows and snapshots off the tick thread, in order,
// retrying while the database is down. Nothing handed to it is dropped: the journal queue is
// bounded (accepting() turns false when it is full, so the engine refuses new commands) and
// consecutive heartbeat rows are merged instead of queued.
//
// A run's first write also deletes the journal rows and snapshots after the tick the run
// started from (its first row's tick - 1, or its first snapshot's tick): they belong to a world
// that recovery abandoned (a replay stopped at a hash mismatch, or no valid snapshot), and a
// later recovery must not replay them onto this one.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "engine/engine_hooks.hpp"
#include "galaxy/sim/world.hpp"

namespace galaxy::server {

struct PersistenceDef {
    std::string database_url;
    std::size_t max_journal_backlog = 100000;   // queued rows with commands before back-pressure
    std::size_t max_snapshot_backlog = 2;       // newer "auto" snapshots replace the oldest
                                                // queued "auto" one (other kinds never do)
    std::size_t journal_keep_ticks = 0;         // also keep the rows this many ticks before
                                                // the newest snapshot (0 = only the rows the
                                                // kept snapshots need)
    std::size_t snapshots_kept = 10;            // older "auto" snapshots are deleted (see
                                                // PruneRule for the other kinds); journal rows
                                                // up to the oldest kept one's tick too
    std::size_t max_batch_rows = 1000;          // journal rows written per transaction
    double retry_initial_s = 1.0;               // wait after the first failed write; doubles
    double retry_max_s = 60.0;                  // longest wait between retries
};

struct PersistenceStatus {
    bool database_up = false;
    std::uint64_t journal_queued = 0;           // rows waiting to be written
    std::uint64_t journal_lag_ticks = 0;        // newest appended tick - newest committed tick
    std::uint64_t last_journaled_tick = 0;
    std::uint64_t last_snapshot_tick = 0;
    double last_snapshot_unix_s = 0.0;          // 0 = none yet
    std::uint64_t database_errors = 0;          // failed writes since start
};

class Persistence {
public:
    // on_journaled(origins, tick) runs on the persistence thread after the row commits.
    using JournaledFn = std::function<void(const std::vector<CommandOrigin>&, std::uint64_t)>;

    Persistence(PersistenceDef def, JournaledFn on_journaled);
    ~Persistence();   // stop() if started

    void start();
    // Writes everything queued (retrying until timeout_s), then stops the thread. Returns
    // false if something could not be written in time (it is logged).
    bool stop(double timeout_s = 8.0);

    // Thread-safe; never block.
    bool accepting() const;
    void append(JournalEntry entry);
    void write_snapshot(SnapshotData snapshot);
    PersistenceStatus status() const;

private:
    struct State;
    std::unique_ptr<State> state_;
};

// What start-up recovered from the database.
struct RecoveredWorld {
    bool found = false;              // false: no valid snapshot, start a new world
    std::uint64_t tick = 0;          // server tick of the recovered world (last journaled tick)
    double dt_s = 0.0;               // tick length in force
    std::uint64_t state_hash = 0;
    std::uint64_t snapshot_tick = 0; // the snapshot it started from
    std::uint64_t replayed_ticks = 0;
    sim::World world;                // the recovered world
};

// Loads the newest snapshot that decodes and matches its hash, then replays the journal rows
// after it with proto::apply_tick (ticks without a row use the dt in force), checking every
// row's stored hash. A row that disagrees with its stored hash (or whose commands do not
// decode) is logged and the world returned is the one at the last row that agreed (or the
// snapshot's). Returns false only when the database cannot be read.
bool recover_world(const std::string& database_url, RecoveredWorld* out);

}  // namespace galaxy::server
