// recover_world (declared in persistence.hpp): the newest valid snapshot plus the journal after it.
#include <cstdint>
#include <string>
#include <vector>

#include <pqxx/pqxx>

#include "core/log.hpp"
#include "db/persistence.hpp"
#include "db/persistence_queue.hpp"
#include "db/pg_connection.hpp"
#include "galaxy/proto/sync.hpp"
#include "galaxy/sim/hash.hpp"
#include "galaxy/sim/serialize.hpp"

namespace galaxy::server {
namespace {

struct SnapshotRow {
    std::int64_t id = 0;
    std::uint64_t tick = 0;
    double dt_s = 0.0;
    std::uint64_t state_hash = 0;
};

struct JournalRow {
    std::uint64_t tick = 0;
    double dt_s = 0.0;
    std::vector<std::uint8_t> commands;
    std::uint64_t state_hash = 0;
};

double double_field(const pqxx::field& field) { return double_from_text(field.c_str()); }

std::vector<std::uint8_t> bytes_field(const pqxx::field& field) {
    const pqxx::binarystring blob(field);
    return std::vector<std::uint8_t>(blob.data(), blob.data() + blob.size());
}

// Loads the world stored with the snapshot when it decodes and matches its hash; logs why not.
bool load_snapshot(pqxx::work& tx, const SnapshotRow& snapshot, sim::World* world) {
    const std::vector<std::uint8_t> blob =
        bytes_field(tx.exec_params1("SELECT world FROM snapshots WHERE id = $1", snapshot.id)[0]);
    std::string error;
    sim::World loaded;
    if (!sim::load_world(blob.data(), blob.size(), &loaded, &error)) {
        log_event(LogLevel::Error, "snapshot_invalid",
                  {{"tick", snapshot.tick}, {"error", error}});
        return false;
    }
    const std::uint64_t hash = sim::state_hash(loaded);
    if (hash != snapshot.state_hash) {
        log_event(LogLevel::Error, "snapshot_invalid",
                  {{"tick", snapshot.tick},
                   {"error", "state hash mismatch"},
                   {"stored_hash", snapshot.state_hash},
                   {"loaded_hash", hash}});
        return false;
    }
    *world = std::move(loaded);
    return true;
}

// Replays rows[0..count) onto a world at from_tick: the ticks between rows with the dt in force
// (starting at *dt_s), then each row's commands with its own dt. With check, stops at the first
// row whose commands do not decode or whose stored hash differs (logged). Returns the number
// of rows applied and verified; *dt_s becomes the dt in force after the last of them.
std::size_t replay_rows(sim::World& world, std::uint64_t from_tick, double* dt_s,
                        const std::vector<JournalRow>& rows, std::size_t count, bool check) {
    std::uint64_t tick = from_tick;
    for (std::size_t i = 0; i < count; ++i) {
        const JournalRow& row = rows[i];
        for (; tick + 1 < row.tick; ++tick) {
            proto::apply_tick(world, proto::TickRecord{tick + 1, *dt_s, {}});
        }
        proto::TickRecord record{row.tick, row.dt_s, {}};
        if (commands_present(row.commands)) {
            proto::DecodeError error;
            if (!proto::decode_commands(row.commands.data(), row.commands.size(),
                                        &record.commands, &error)) {
                log_event(LogLevel::Error, "journal_replay_stopped",
                          {{"tick", row.tick}, {"error", error.message}});
                return i;
            }
        }
        proto::apply_tick(world, record);
        tick = row.tick;
        *dt_s = row.dt_s;
        if (check) {
            const std::uint64_t hash = sim::state_hash(world);
            if (hash != row.state_hash) {
                log_event(LogLevel::Error, "journal_replay_stopped",
                          {{"tick", row.tick},
                           {"error", "state hash mismatch"},
                           {"stored_hash", row.state_hash},
                           {"replayed_hash", hash}});
                return i;
            }
        }
    }
    return count;
}

}  // namespace

bool recover_world(const std::string& database_url, RecoveredWorld* out) {
    try {
        PgConnection connection(database_url);
        pqxx::work tx(connection.get());
        // Doubles as their shortest exact decimal, whatever the server's default.
        tx.exec("SET LOCAL extra_float_digits = 3");

        std::vector<SnapshotRow> snapshots;
        for (const pqxx::row& row : tx.exec(
                 "SELECT id, tick, COALESCE(dt_s, 0), COALESCE(state_hash, 0) FROM snapshots"
                 " ORDER BY tick DESC, id DESC")) {
            snapshots.push_back(SnapshotRow{row[0].as<std::int64_t>(),
                                            static_cast<std::uint64_t>(row[1].as<std::int64_t>()),
                                            double_field(row[2]),
                                            hash_from_bigint(row[3].as<std::int64_t>())});
        }
        const SnapshotRow* base = nullptr;
        RecoveredWorld result;
        for (const SnapshotRow& snapshot : snapshots) {
            if (load_snapshot(tx, snapshot, &result.world)) {
                base = &snapshot;
                break;
            }
        }
        if (base == nullptr) {
            const auto rows = tx.exec1("SELECT count(*) FROM journal")[0].as<std::int64_t>();
            log_event(rows > 0 ? LogLevel::Warn : LogLevel::Info, "no_snapshot",
                      {{"snapshots_invalid", snapshots.size()}, {"journal_rows_ignored", rows}});
            *out = RecoveredWorld{};
            return true;
        }

        std::vector<JournalRow> rows;
        for (const pqxx::row& row : tx.exec_params(
                 "SELECT tick, dt_s, commands, state_hash FROM journal WHERE tick > $1"
                 " ORDER BY tick",
                 static_cast<std::int64_t>(base->tick))) {
            rows.push_back(JournalRow{static_cast<std::uint64_t>(row[0].as<std::int64_t>()),
                                      double_field(row[1]), bytes_field(row[2]),
                                      hash_from_bigint(row[3].as<std::int64_t>())});
        }
        tx.commit();

        sim::World start = result.world;
        double dt_s = base->dt_s;
        const std::size_t good =
            replay_rows(result.world, base->tick, &dt_s, rows, rows.size(), true);
        if (good < rows.size()) {
            // The world went past the last verified row (gap ticks, the bad row): replay again
            // up to it.
            result.world = std::move(start);
            dt_s = base->dt_s;
            replay_rows(result.world, base->tick, &dt_s, rows, good, false);
        }
        result.found = true;
        result.snapshot_tick = base->tick;
        result.tick = good > 0 ? rows[good - 1].tick : base->tick;
        result.dt_s = dt_s;
        result.replayed_ticks = result.tick - base->tick;
        result.state_hash = sim::state_hash(result.world);
        log_event(LogLevel::Info, "journal_replayed",
                  {{"snapshot_tick", result.snapshot_tick},
                   {"tick", result.tick},
                   {"replayed_ticks", result.replayed_ticks},
                   {"journal_rows", good},
                   {"journal_rows_not_replayed", rows.size() - good}});
        *out = std::move(result);
        return true;
    } catch (const std::exception& error) {
        log_event(LogLevel::Error, "recovery_failed", {{"error", error_text(error)}});
        return false;
    }
}

}  // namespace galaxy::server
