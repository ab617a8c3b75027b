#include "db/persistence_writes.hpp"

#include <algorithm>

#include <pqxx/pqxx>

#include "db/pg_connection.hpp"

namespace galaxy::server {
namespace {

constexpr const char* kJournalUpsert = "galaxy_journal_upsert";

void discard_abandoned(pqxx::work& tx, DiscardAfterTick discard_after) {
    if (!discard_after) return;
    tx.exec_params("DELETE FROM journal WHERE tick > $1", *discard_after);
    tx.exec_params("DELETE FROM snapshots WHERE tick > $1", *discard_after);
}

}  // namespace

void prepare_persistence_statements(pqxx::connection& connection) {
    connection.prepare(kJournalUpsert,
                       "INSERT INTO journal (tick, dt_s, commands, state_hash)"
                       " VALUES ($1, $2::double precision, $3, $4)"
                       " ON CONFLICT (tick) DO UPDATE SET dt_s = excluded.dt_s,"
                       " commands = excluded.commands, state_hash = excluded.state_hash,"
                       " created_at = now()");
}

void write_journal_rows(pqxx::connection& connection, const std::vector<JournalEntry>& rows,
                        DiscardAfterTick discard_after) {
    pqxx::work tx(connection);
    discard_abandoned(tx, discard_after);
    for (const JournalEntry& row : rows) {
        tx.exec_prepared(kJournalUpsert, static_cast<std::int64_t>(row.tick),
                         double_param(row.dt_s),
                         pqxx::binarystring(row.commands.data(), row.commands.size()),
                         hash_to_bigint(row.state_hash));
    }
    tx.commit();
}

std::int64_t write_snapshot_row(pqxx::connection& connection, const SnapshotData& snapshot,
                                const PruneRule& rule, DiscardAfterTick discard_after) {
    pqxx::work tx(connection);
    discard_abandoned(tx, discard_after);
    const auto tick = static_cast<std::int64_t>(snapshot.tick);
    tx.exec_params("DELETE FROM snapshots WHERE tick = $1 AND kind = $2", tick, snapshot.kind);
    const auto id =
        tx.exec_params1(
              "INSERT INTO snapshots (tick, game_time_s, dt_s, state_hash, world, kind, label)"
              " VALUES ($1, $2::double precision, $3::double precision, $4, $5, $6, $7)"
              " RETURNING id",
              tick, double_param(snapshot.game_time_s), double_param(snapshot.dt_s),
              hash_to_bigint(snapshot.state_hash),
              pqxx::binarystring(snapshot.world.data(), snapshot.world.size()), snapshot.kind,
              snapshot.label)[0]
            .as<std::int64_t>();

    const auto kept = static_cast<std::int64_t>(std::max<std::size_t>(1, rule.snapshots_kept));
    const char* const prune_kind =
        "DELETE FROM snapshots WHERE id IN (SELECT id FROM snapshots WHERE kind = $1"
        " ORDER BY tick DESC, id DESC OFFSET $2)";
    tx.exec_params(prune_kind, "auto", kept);
    tx.exec_params(prune_kind, "restore", static_cast<std::int64_t>(kRestoreSnapshotsKept));
    // A replay from a snapshot reads only the rows after it, so rows up to the oldest kept one
    // are never needed; journal_keep_ticks may keep some of them for inspection. Until a
    // non-manual snapshot exists nothing is pruned.
    const pqxx::row range =
        tx.exec1("SELECT min(tick), max(tick) FROM snapshots WHERE kind <> 'manual'");
    if (!range[0].is_null()) {
        std::int64_t prune_through = range[0].as<std::int64_t>();
        const auto keep = static_cast<std::int64_t>(rule.journal_keep_ticks);
        prune_through = std::min(prune_through, range[1].as<std::int64_t>() - keep);
        tx.exec_params("DELETE FROM journal WHERE tick <= $1", prune_through);
    }
    tx.commit();
    return id;
}

}  // namespace galaxy::server
