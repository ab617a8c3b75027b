// The SQL of the persistence thread. Each function is one transaction: all or nothing, and
// safe to repeat after a failure whose outcome is unknown (rows are upserted by tick, a
// snapshot replaces one of the same tick and kind).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include <pqxx/connection>

#include "engine/engine_hooks.hpp"

namespace galaxy::server {

// Which old rows a snapshot write deletes. Only "auto" snapshots count against
// snapshots_kept; "restore" ones keep their newest kRestoreSnapshotsKept; "manual" ones are
// never deleted (an admin removes them in SQL).
struct PruneRule {
    std::size_t snapshots_kept = 10;     // newest "auto" snapshots kept (at least 1)
    std::size_t journal_keep_ticks = 0;  // extra journal ticks kept before the newest snapshot
};

// Newest "restore" snapshots kept by retention.
inline constexpr std::size_t kRestoreSnapshotsKept = 10;

// Prepares the statements below on a newly opened connection.
void prepare_persistence_statements(pqxx::connection& connection);

// A new timeline starts after this tick: the first write of a server run deletes the journal
// rows and snapshots after it, left by a run whose world was abandoned (recovery stopped at a
// hash mismatch, or found no valid snapshot). Otherwise a later recovery would replay them.
// -1 discards everything.
using DiscardAfterTick = std::optional<std::int64_t>;

// Upserts the rows in one transaction.
void write_journal_rows(pqxx::connection& connection, const std::vector<JournalEntry>& rows,
                        DiscardAfterTick discard_after);

// Stores the snapshot (replacing one of the same tick and kind) and returns its id, then
// applies rule: deletes old "auto" and "restore" snapshots, and the journal rows no kept
// non-manual snapshot needs (tick <= the oldest kept one's, and older than journal_keep_ticks
// before the newest). Manual snapshots keep no journal rows: otherwise an old one would keep
// every row after it forever. One transaction.
std::int64_t write_snapshot_row(pqxx::connection& connection, const SnapshotData& snapshot,
                                const PruneRule& rule, DiscardAfterTick discard_after);

}  // namespace galaxy::server
