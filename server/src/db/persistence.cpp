#include "db/persistence.hpp"

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>
#include <utility>

#include <pqxx/pqxx>

#include "core/log.hpp"
#include "db/persistence_queue.hpp"
#include "db/persistence_writes.hpp"
#include "db/pg_connection.hpp"

namespace galaxy::server {
namespace {

using Clock = std::chrono::steady_clock;

double unix_now_s() {
    return std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

}  // namespace

struct Persistence::State {
    State(PersistenceDef definition, JournaledFn journaled)
        : def(std::move(definition)),
          on_journaled(std::move(journaled)),
          queue(def.max_journal_backlog, def.max_snapshot_backlog) {}

    void run();
    bool write_until_committed(const PersistenceBatch& batch, std::int64_t* snapshot_id);
    void acknowledge(const PersistenceBatch& batch, std::int64_t snapshot_id);

    const PersistenceDef def;
    const JournaledFn on_journaled;

    mutable std::mutex mutex;        // protects queue, status, timeline_base, stopping,
                                     // stop_deadline
    std::condition_variable wake;    // something was queued, or stop() was called
    PersistenceQueue queue;
    PersistenceStatus status;
    // The tick this run's world continues from, set by the first row or snapshot handed in
    // (later ones may replace it in the queue): rows and snapshots after it left by an earlier
    // run are deleted by the first write.
    DiscardAfterTick timeline_base;
    bool stopping = false;
    Clock::time_point stop_deadline;

    std::thread thread;
    // Used by the thread alone.
    std::unique_ptr<PgConnection> connection;
    bool timeline_started = false;   // the first write (which discards abandoned rows) is done
};

Persistence::Persistence(PersistenceDef def, JournaledFn on_journaled)
    : state_(std::make_unique<State>(std::move(def), std::move(on_journaled))) {}

Persistence::~Persistence() {
    if (state_->thread.joinable()) stop();
}

void Persistence::start() {
    if (state_->thread.joinable()) return;
    {
        std::lock_guard lock(state_->mutex);
        state_->stopping = false;   // a start after stop() runs again
    }
    state_->thread = std::thread([state = state_.get()] { state->run(); });
}

bool Persistence::stop(double timeout_s) {
    State& s = *state_;
    if (s.thread.joinable()) {
        {
            std::lock_guard lock(s.mutex);
            s.stopping = true;
            s.stop_deadline = Clock::now() + std::chrono::duration_cast<Clock::duration>(
                                                 std::chrono::duration<double>(timeout_s));
        }
        s.wake.notify_all();
        s.thread.join();
    }
    std::lock_guard lock(s.mutex);
    if (s.queue.empty()) return true;
    log_event(LogLevel::Error, "persistence_unwritten",
              {{"journal_rows", s.queue.journal_rows()},
               {"snapshots", s.queue.queued_snapshots()},
               {"newest_tick", s.queue.newest_tick()}});
    return false;
}

bool Persistence::accepting() const {
    std::lock_guard lock(state_->mutex);
    return state_->queue.accepting();
}

void Persistence::append(JournalEntry entry) {
    {
        std::lock_guard lock(state_->mutex);
        if (!state_->timeline_base) {
            state_->timeline_base = static_cast<std::int64_t>(entry.tick) - 1;
        }
        state_->queue.push_journal(std::move(entry));
    }
    state_->wake.notify_one();
}

void Persistence::write_snapshot(SnapshotData snapshot) {
    {
        std::lock_guard lock(state_->mutex);
        if (!state_->timeline_base) {
            state_->timeline_base = static_cast<std::int64_t>(snapshot.tick);
        }
        state_->queue.push_snapshot(std::move(snapshot));
    }
    state_->wake.notify_one();
}

PersistenceStatus Persistence::status() const {
    std::lock_guard lock(state_->mutex);
    PersistenceStatus status = state_->status;
    status.journal_queued = state_->queue.journal_rows();
    const std::uint64_t newest = state_->queue.newest_tick();
    status.journal_lag_ticks =
        newest > status.last_journaled_tick ? newest - status.last_journaled_tick : 0;
    return status;
}

void Persistence::State::run() {
    while (true) {
        PersistenceBatch batch;
        {
            std::unique_lock lock(mutex);
            wake.wait(lock, [this] { return stopping || queue.has_queued(); });
            if (!queue.take_batch(def.max_batch_rows, &batch)) return;   // stopping, drained
        }
        std::int64_t snapshot_id = 0;
        if (!write_until_committed(batch, &snapshot_id)) return;   // stop() ran out of time
        acknowledge(batch, snapshot_id);
    }
}

// Writes the batch, reconnecting and retrying with backoff until it commits; a snapshot's row
// id goes to *snapshot_id. Returns false when stop()'s deadline passes first.
bool Persistence::State::write_until_committed(const PersistenceBatch& batch,
                                               std::int64_t* snapshot_id) {
    Backoff backoff(def.retry_initial_s, def.retry_max_s);
    while (true) {
        std::string error;
        try {
            if (!connection) {
                connection = std::make_unique<PgConnection>(def.database_url);
                prepare_persistence_statements(connection->get());
            }
            DiscardAfterTick discard_after;
            if (!timeline_started) {
                std::lock_guard lock(mutex);
                discard_after = timeline_base;
            }
            if (batch.snapshot) {
                *snapshot_id = write_snapshot_row(
                    connection->get(), *batch.snapshot,
                    PruneRule{def.snapshots_kept, def.journal_keep_ticks}, discard_after);
            } else {
                write_journal_rows(connection->get(), batch.journal, discard_after);
            }
            timeline_started = true;
            std::lock_guard lock(mutex);
            status.database_up = true;
            if (batch.snapshot) {
                status.last_snapshot_tick = batch.snapshot->tick;
                status.last_snapshot_unix_s = unix_now_s();
            } else {
                status.last_journaled_tick = batch.journal.back().tick;
            }
            queue.finish_batch();
            return true;
        } catch (const std::exception& failure) {
            error = error_text(failure);
        }

        connection.reset();   // a failed transaction may have left it unusable: start afresh
        const double delay_s = backoff.next_delay_s();
        log_event(LogLevel::Warn, "persistence_write_failed",
                  {{"error", error},
                   {"journal_rows", batch.journal.size()},
                   {"snapshot", batch.snapshot.has_value()},
                   {"retry_in_s", delay_s}});
        std::unique_lock lock(mutex);
        status.database_up = false;
        ++status.database_errors;
        const auto retry_at = Clock::now() + std::chrono::duration_cast<Clock::duration>(
                                                 std::chrono::duration<double>(delay_s));
        while (true) {
            const auto now = Clock::now();
            if (stopping && now >= stop_deadline) return false;
            if (now >= retry_at) break;
            wake.wait_until(lock, stopping ? std::min(retry_at, stop_deadline) : retry_at);
        }
    }
}

void Persistence::State::acknowledge(const PersistenceBatch& batch, std::int64_t snapshot_id) {
    if (batch.snapshot && batch.snapshot->on_written) {
        try {
            batch.snapshot->on_written(snapshot_id);
        } catch (const std::exception& error) {
            log_event(LogLevel::Error, "snapshot_ack_failed",
                      {{"tick", batch.snapshot->tick}, {"error", error.what()}});
        }
    }
    if (!on_journaled) return;
    for (const JournalEntry& entry : batch.journal) {
        if (entry.origins.empty()) continue;
        try {
            on_journaled(entry.origins, entry.tick);
        } catch (const std::exception& error) {
            log_event(LogLevel::Error, "journal_ack_failed",
                      {{"tick", entry.tick}, {"error", error.what()}});
        }
    }
}

}  // namespace galaxy::server
