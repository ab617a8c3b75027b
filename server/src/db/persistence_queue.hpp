// What the persistence thread has yet to write, in submission order, with the rules that keep
// it bounded while the database is down: consecutive heartbeats merge, snapshots beyond the
// backlog replace the oldest queued "auto" one (an admin's or a restore's is never dropped), and
// rows with commands are counted for back-pressure.
// Not thread-safe: Persistence guards it with its mutex.
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <optional>
#include <variant>
#include <vector>

#include "engine/engine_hooks.hpp"

namespace galaxy::server {

// One write: consecutive journal rows (one transaction), or one snapshot.
struct PersistenceBatch {
    std::vector<JournalEntry> journal;      // oldest first
    std::optional<SnapshotData> snapshot;   // set instead of journal rows
};

// True when a journal row's commands field holds commands: not empty, and not
// proto::encode_commands of an empty list.
bool commands_present(const std::vector<std::uint8_t>& encoded);

class PersistenceQueue {
public:
    // max_journal_backlog: rows with commands (queued or being written) at which accepting()
    // turns false; max_snapshot_backlog: queued "auto" snapshots kept (at least 1).
    PersistenceQueue(std::size_t max_journal_backlog, std::size_t max_snapshot_backlog);

    bool accepting() const;

    // A heartbeat (no commands, same dt_s as the entry appended before it) replaces the
    // previous queued row when that is a heartbeat too: a replay runs the ticks between rows
    // with the dt in force, so only the newest needs writing. A row that changes dt_s is never
    // replaced, or the ticks after it would replay with the old dt.
    void push_journal(JournalEntry entry);
    // Past max_snapshot_backlog queued "auto" snapshots, the oldest queued "auto" one is
    // dropped. Other kinds are always queued: they are rare, and their requester waits for
    // on_written.
    void push_snapshot(SnapshotData snapshot);

    // Moves the next batch (a snapshot, or up to max_rows consecutive journal rows) out of the
    // queue and marks it in flight; false when nothing is queued.
    bool take_batch(std::size_t max_rows, PersistenceBatch* out);
    // The batch in flight has been committed (one batch is in flight at a time).
    void finish_batch();

    bool has_queued() const { return !items_.empty(); }   // something not yet taken
    std::size_t journal_rows() const { return queued_rows_ + in_flight_rows_; }
    std::size_t queued_snapshots() const { return queued_snapshots_; }   // of any kind
    bool empty() const { return items_.empty() && in_flight_rows_ == 0 && !snapshot_in_flight_; }
    std::uint64_t newest_tick() const { return newest_tick_; }   // newest row appended; 0 none

private:
    struct Item {
        std::variant<JournalEntry, SnapshotData> value;
        bool heartbeat = false;      // a journal row without commands and without a dt change
        bool has_commands = false;
    };

    std::size_t max_journal_backlog_;
    std::size_t max_snapshot_backlog_;
    std::deque<Item> items_;
    std::size_t queued_rows_ = 0;
    std::size_t queued_command_rows_ = 0;
    std::size_t queued_snapshots_ = 0;
    std::size_t queued_auto_snapshots_ = 0;
    std::size_t in_flight_rows_ = 0;
    std::size_t in_flight_command_rows_ = 0;
    bool snapshot_in_flight_ = false;
    bool has_last_dt_ = false;
    double last_dt_s_ = 0.0;            // dt_s of the row appended last
    std::uint64_t newest_tick_ = 0;
};

}  // namespace galaxy::server
