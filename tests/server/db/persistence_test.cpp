// The persistence thread against a real PostgreSQL: rows and snapshots are written in order and
// acknowledged only after they commit; old rows are pruned; the queue stays bounded and pushes
// back while the database is down; everything queued is written once it comes back. Snapshot
// kinds: "manual" ones outlive retention and keep no journal rows, "restore" ones keep ten.
#include <atomic>
#include <bit>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include <gtest/gtest.h>
#include <pqxx/pqxx>

#include "db/database.hpp"
#include "db/persistence.hpp"
#include "galaxy/proto/sync.hpp"
#include "server/support/pg.hpp"
#include "server/support/pg_cluster.hpp"

namespace galaxy::server {
namespace {

constexpr double kWaitTimeout_s = 60.0;   // generous: the machine is shared

// Acknowledgements as the persistence thread reports them.
class Acks {
public:
    Persistence::JournaledFn callback(std::function<void(std::uint64_t)> check = {}) {
        return [this, check](const std::vector<CommandOrigin>& origins, std::uint64_t tick) {
            if (check) check(tick);
            std::lock_guard lock(mutex_);
            for (const CommandOrigin& origin : origins) seqs_.push_back(origin.seq);
            ticks_.push_back(tick);
            changed_.notify_all();
        };
    }
    bool wait_for(std::size_t count) {
        std::unique_lock lock(mutex_);
        return changed_.wait_for(lock, std::chrono::duration<double>(kWaitTimeout_s),
                                 [&] { return ticks_.size() >= count; });
    }
    std::vector<std::uint64_t> ticks() const {
        std::lock_guard lock(mutex_);
        return ticks_;
    }
    std::vector<std::uint32_t> seqs() const {
        std::lock_guard lock(mutex_);
        return seqs_;
    }

private:
    mutable std::mutex mutex_;
    std::condition_variable changed_;
    std::vector<std::uint64_t> ticks_;
    std::vector<std::uint32_t> seqs_;
};

// Polls the persistence status until pred holds (the thread offers no event for these).
bool wait_for_status(const Persistence& persistence,
                     const std::function<bool(const PersistenceStatus&)>& pred) {
    const auto deadline = std::chrono::steady_clock::now() +
                          std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                              std::chrono::duration<double>(kWaitTimeout_s));
    while (std::chrono::steady_clock::now() < deadline) {
        if (pred(persistence.status())) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return false;
}

JournalEntry command_row(std::uint64_t tick, double dt_s = 1.0) {
    sim::Command command;
    command.type = sim::CommandType::SetThrottle;
    command.ship = 1;
    command.value = 0.5;
    JournalEntry entry;
    entry.tick = tick;
    entry.dt_s = dt_s;
    entry.commands = proto::encode_commands({command});
    entry.state_hash = 0x8000000000000000ULL | tick;   // the sign bit exercises the bigint form
    entry.origins = {CommandOrigin{42, static_cast<std::uint32_t>(tick)}};
    return entry;
}

JournalEntry heartbeat_row(std::uint64_t tick, double dt_s = 1.0) {
    JournalEntry entry;
    entry.tick = tick;
    entry.dt_s = dt_s;
    entry.commands = proto::encode_commands({});
    entry.state_hash = tick;
    return entry;
}

SnapshotData snapshot(std::uint64_t tick) {
    SnapshotData data;
    data.tick = tick;
    data.game_time_s = 1000.0 + static_cast<double>(tick);
    data.dt_s = 1.0;
    data.state_hash = ~tick;
    data.world = {0xde, 0xad, static_cast<std::uint8_t>(tick)};
    return data;
}

std::vector<std::uint64_t> ticks_in(const std::string& url, const std::string& table) {
    pqxx::connection connection(url);
    pqxx::nontransaction tx(connection);
    std::vector<std::uint64_t> ticks;
    for (const pqxx::row& row : tx.exec("SELECT tick FROM " + table + " ORDER BY tick")) {
        ticks.push_back(row[0].as<std::uint64_t>());
    }
    return ticks;
}

std::vector<std::uint64_t> range(std::uint64_t first, std::uint64_t last) {
    std::vector<std::uint64_t> ticks;
    for (std::uint64_t tick = first; tick <= last; ++tick) ticks.push_back(tick);
    return ticks;
}

PersistenceDef def_for(const std::string& url) {
    PersistenceDef def;
    def.database_url = url;
    def.retry_initial_s = 0.05;   // retries within a test's patience
    def.retry_max_s = 0.2;
    return def;
}

class PersistenceTest : public ::testing::Test {
protected:
    void SetUp() override { ASSERT_TRUE(migrate_database(database_.url())); }
    test::TestDatabase database_;
};

TEST_F(PersistenceTest, RowsAreWrittenExactlyAndAcknowledgedAfterCommit) {
    std::vector<std::uint64_t> committed_before_ack;
    Acks acks;
    Persistence persistence(def_for(database_.url()), acks.callback([&](std::uint64_t tick) {
        // Another connection already sees the row: the acknowledgement follows the commit.
        pqxx::connection connection(database_.url());
        pqxx::nontransaction tx(connection);
        const auto tick_param = static_cast<std::int64_t>(tick);
        if (!tx.exec_params("SELECT 1 FROM journal WHERE tick = $1", tick_param).empty()) {
            committed_before_ack.push_back(tick);
        }
    }));
    persistence.start();
    persistence.append(command_row(1, 1.0 / 60.0));
    persistence.append(heartbeat_row(2, 0.1));   // no origins: not acknowledged
    persistence.append(command_row(3, 0.1));
    ASSERT_TRUE(acks.wait_for(2));
    EXPECT_EQ(acks.ticks(), (std::vector<std::uint64_t>{1, 3}));
    EXPECT_EQ(acks.seqs(), (std::vector<std::uint32_t>{1, 3}));
    EXPECT_EQ(committed_before_ack, (std::vector<std::uint64_t>{1, 3}));

    pqxx::connection connection(database_.url());
    pqxx::nontransaction tx(connection);
    const pqxx::result rows = tx.exec(
        "SELECT tick, float8send(dt_s), commands, state_hash FROM journal ORDER BY tick");
    ASSERT_EQ(rows.size(), 3u);
    const JournalEntry expected[] = {command_row(1, 1.0 / 60.0), heartbeat_row(2, 0.1),
                                     command_row(3, 0.1)};
    for (std::size_t i = 0; i < 3; ++i) {
        EXPECT_EQ(rows[i][0].as<std::uint64_t>(), expected[i].tick);
        // float8send: the stored double's 8 bytes, big-endian.
        const pqxx::binarystring dt_bytes(rows[i][1]);
        std::uint64_t bits = 0;
        for (std::size_t b = 0; b < dt_bytes.size(); ++b) bits = (bits << 8) | dt_bytes.data()[b];
        EXPECT_EQ(std::bit_cast<double>(bits), expected[i].dt_s);
        const pqxx::binarystring commands(rows[i][2]);
        EXPECT_EQ(std::vector<std::uint8_t>(commands.data(), commands.data() + commands.size()),
                  expected[i].commands);
        EXPECT_EQ(static_cast<std::uint64_t>(rows[i][3].as<std::int64_t>()),
                  expected[i].state_hash);
    }

    const PersistenceStatus status = persistence.status();
    EXPECT_TRUE(status.database_up);
    EXPECT_EQ(status.last_journaled_tick, 3u);
    EXPECT_EQ(status.journal_queued, 0u);
    EXPECT_EQ(status.journal_lag_ticks, 0u);
    EXPECT_EQ(status.database_errors, 0u);
    EXPECT_TRUE(persistence.stop());
}

TEST_F(PersistenceTest, StopWritesEverythingQueuedInSeveralBatches) {
    PersistenceDef def = def_for(database_.url());
    def.max_batch_rows = 100;
    Acks acks;
    Persistence persistence(def, acks.callback());
    for (std::uint64_t tick = 1; tick <= 450; ++tick) persistence.append(command_row(tick));
    EXPECT_EQ(persistence.status().journal_queued, 450u);
    EXPECT_EQ(persistence.status().journal_lag_ticks, 450u);
    persistence.start();
    EXPECT_TRUE(persistence.stop());
    EXPECT_EQ(ticks_in(database_.url(), "journal"), range(1, 450));
    EXPECT_EQ(acks.ticks(), range(1, 450));   // in order
    EXPECT_EQ(persistence.status().last_journaled_tick, 450u);
}

TEST_F(PersistenceTest, SnapshotsBeyondTheKeptNumberAndTheRowsTheyNoLongerNeedAreDeleted) {
    PersistenceDef def = def_for(database_.url());
    def.snapshots_kept = 2;
    Persistence persistence(def, {});
    persistence.start();
    persistence.write_snapshot(snapshot(10));
    for (std::uint64_t tick = 11; tick <= 15; ++tick) persistence.append(command_row(tick));
    persistence.write_snapshot(snapshot(20));
    for (std::uint64_t tick = 21; tick <= 25; ++tick) persistence.append(command_row(tick));
    persistence.write_snapshot(snapshot(30));
    for (std::uint64_t tick = 31; tick <= 32; ++tick) persistence.append(command_row(tick));
    ASSERT_TRUE(persistence.stop());

    EXPECT_EQ(ticks_in(database_.url(), "snapshots"), (std::vector<std::uint64_t>{20, 30}));
    // Rows after the oldest kept snapshot stay, so that it can still be replayed.
    std::vector<std::uint64_t> expected = range(21, 25);
    expected.push_back(31);
    expected.push_back(32);
    EXPECT_EQ(ticks_in(database_.url(), "journal"), expected);

    const PersistenceStatus status = persistence.status();
    EXPECT_EQ(status.last_snapshot_tick, 30u);
    EXPECT_GT(status.last_snapshot_unix_s, 1.7e9);

    pqxx::connection connection(database_.url());
    pqxx::nontransaction tx(connection);
    const pqxx::row row = tx.exec1(
        "SELECT game_time_s, dt_s, state_hash, world FROM snapshots WHERE tick = 30");
    EXPECT_EQ(row[0].as<double>(), 1030.0);
    EXPECT_EQ(row[1].as<double>(), 1.0);
    EXPECT_EQ(static_cast<std::uint64_t>(row[2].as<std::int64_t>()), ~std::uint64_t{30});
    const pqxx::binarystring world(row[3]);
    EXPECT_EQ(std::vector<std::uint8_t>(world.data(), world.data() + world.size()),
              (std::vector<std::uint8_t>{0xde, 0xad, 30}));
}

TEST_F(PersistenceTest, JournalKeepTicksKeepsRowsBeforeTheNewestSnapshot) {
    PersistenceDef def = def_for(database_.url());
    def.snapshots_kept = 1;
    def.journal_keep_ticks = 3;
    Persistence persistence(def, {});
    persistence.start();
    for (std::uint64_t tick = 1; tick <= 12; ++tick) persistence.append(command_row(tick));
    persistence.write_snapshot(snapshot(10));
    ASSERT_TRUE(persistence.stop());
    EXPECT_EQ(ticks_in(database_.url(), "snapshots"), (std::vector<std::uint64_t>{10}));
    EXPECT_EQ(ticks_in(database_.url(), "journal"), range(8, 12));
}

TEST_F(PersistenceTest, FirstWriteDiscardsRowsAndSnapshotsOfAnAbandonedRun) {
    {
        Persistence earlier(def_for(database_.url()), {});
        earlier.start();
        earlier.write_snapshot(snapshot(5));
        for (std::uint64_t tick = 6; tick <= 20; ++tick) earlier.append(command_row(tick));
        earlier.write_snapshot(snapshot(15));
        ASSERT_TRUE(earlier.stop());
    }
    // The next run continues from tick 10 (its recovery stopped there).
    Persistence next(def_for(database_.url()), {});
    next.start();
    next.append(command_row(11));
    next.append(command_row(12));
    ASSERT_TRUE(next.stop());
    EXPECT_EQ(ticks_in(database_.url(), "snapshots"), (std::vector<std::uint64_t>{5}));
    EXPECT_EQ(ticks_in(database_.url(), "journal"), range(6, 12));
}

TEST_F(PersistenceTest, ARowWrittenAgainReplacesTheStoredOne) {
    Acks acks;
    Persistence persistence(def_for(database_.url()), acks.callback());
    persistence.start();
    persistence.append(command_row(1));
    ASSERT_TRUE(acks.wait_for(1));
    {
        // As if a commit succeeded but its reply was lost, and the batch is retried.
        pqxx::connection connection(database_.url());
        pqxx::work tx(connection);
        tx.exec("INSERT INTO journal (tick, dt_s, commands, state_hash) VALUES (2, 9, '\\x00', 9)");
        tx.commit();
    }
    persistence.append(command_row(2));
    ASSERT_TRUE(acks.wait_for(2));
    pqxx::connection connection(database_.url());
    pqxx::nontransaction tx(connection);
    const pqxx::row row = tx.exec1("SELECT dt_s, state_hash FROM journal WHERE tick = 2");
    EXPECT_EQ(row[0].as<double>(), 1.0);
    EXPECT_EQ(static_cast<std::uint64_t>(row[1].as<std::int64_t>()), command_row(2).state_hash);
}

SnapshotData snapshot_of_kind(std::uint64_t tick, const std::string& kind) {
    SnapshotData data = snapshot(tick);
    data.kind = kind;
    return data;
}

// The (tick, kind) of every stored snapshot, by tick then id.
std::vector<std::pair<std::uint64_t, std::string>> snapshot_kinds(const std::string& url) {
    pqxx::connection connection(url);
    pqxx::nontransaction tx(connection);
    std::vector<std::pair<std::uint64_t, std::string>> kinds;
    for (const pqxx::row& row : tx.exec("SELECT tick, kind FROM snapshots ORDER BY tick, id")) {
        kinds.emplace_back(row[0].as<std::uint64_t>(), row[1].as<std::string>());
    }
    return kinds;
}

TEST_F(PersistenceTest, KindAndLabelAreStoredAndOnWrittenGetsTheRowId) {
    std::mutex mutex;
    std::condition_variable written;
    std::vector<std::int64_t> ids;
    auto record_id = [&](std::int64_t id) {
        std::lock_guard lock(mutex);
        ids.push_back(id);
        written.notify_all();
    };
    Persistence persistence(def_for(database_.url()), {});
    persistence.start();
    SnapshotData manual = snapshot_of_kind(10, "manual");
    manual.label = "before the 'big' burn";
    manual.on_written = record_id;
    persistence.write_snapshot(manual);
    SnapshotData periodic = snapshot(10);   // same tick, another kind: both are kept
    periodic.on_written = record_id;
    persistence.write_snapshot(periodic);
    {
        std::unique_lock lock(mutex);
        ASSERT_TRUE(written.wait_for(lock, std::chrono::duration<double>(kWaitTimeout_s),
                                     [&] { return ids.size() == 2; }));
    }
    ASSERT_TRUE(persistence.stop());

    pqxx::connection connection(database_.url());
    pqxx::nontransaction tx(connection);
    const pqxx::result rows = tx.exec("SELECT id, kind, label FROM snapshots ORDER BY id");
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[0][0].as<std::int64_t>(), ids[0]);
    EXPECT_EQ(rows[0][1].as<std::string>(), "manual");
    EXPECT_EQ(rows[0][2].as<std::string>(), "before the 'big' burn");
    EXPECT_EQ(rows[1][0].as<std::int64_t>(), ids[1]);
    EXPECT_EQ(rows[1][1].as<std::string>(), "auto");
    EXPECT_EQ(rows[1][2].as<std::string>(), "");
}

TEST_F(PersistenceTest, ASnapshotReplacesOnlyOneOfTheSameTickAndKind) {
    PersistenceDef def = def_for(database_.url());
    def.max_snapshot_backlog = 100;   // replaced in the database, not in the queue
    Persistence persistence(def, {});
    persistence.start();
    persistence.write_snapshot(snapshot_of_kind(10, "manual"));
    persistence.write_snapshot(snapshot(10));
    persistence.write_snapshot(snapshot(10));   // replaces the auto one
    persistence.write_snapshot(snapshot_of_kind(10, "restore"));
    ASSERT_TRUE(persistence.stop());
    EXPECT_EQ(snapshot_kinds(database_.url()),
              (std::vector<std::pair<std::uint64_t, std::string>>{
                  {10, "manual"}, {10, "auto"}, {10, "restore"}}));
}

TEST_F(PersistenceTest, RetentionCountsAutoSnapshotsKeepsManualOnesAndTenRestoreOnes) {
    PersistenceDef def = def_for(database_.url());   // snapshots_kept = 10
    def.max_snapshot_backlog = 100;                   // every snapshot reaches the database
    Persistence persistence(def, {});
    persistence.start();
    persistence.write_snapshot(snapshot_of_kind(1, "manual"));
    for (std::uint64_t tick = 2; tick <= 13; ++tick) {
        persistence.write_snapshot(snapshot_of_kind(tick, "restore"));
    }
    for (std::uint64_t tick = 101; tick <= 115; ++tick) persistence.write_snapshot(snapshot(tick));
    ASSERT_TRUE(persistence.stop());

    std::vector<std::pair<std::uint64_t, std::string>> expected{{1, "manual"}};
    for (std::uint64_t tick = 4; tick <= 13; ++tick) expected.emplace_back(tick, "restore");
    for (std::uint64_t tick = 106; tick <= 115; ++tick) expected.emplace_back(tick, "auto");
    EXPECT_EQ(snapshot_kinds(database_.url()), expected);
}

TEST_F(PersistenceTest, JournalPruningIgnoresManualSnapshots) {
    PersistenceDef def = def_for(database_.url());
    def.snapshots_kept = 1;
    Persistence persistence(def, {});
    persistence.start();
    for (std::uint64_t tick = 1; tick <= 5; ++tick) persistence.append(command_row(tick));
    persistence.write_snapshot(snapshot_of_kind(5, "manual"));
    for (std::uint64_t tick = 6; tick <= 10; ++tick) persistence.append(command_row(tick));
    persistence.write_snapshot(snapshot(10));
    for (std::uint64_t tick = 11; tick <= 15; ++tick) persistence.append(command_row(tick));
    persistence.write_snapshot(snapshot(15));
    for (std::uint64_t tick = 16; tick <= 20; ++tick) persistence.append(command_row(tick));
    ASSERT_TRUE(persistence.stop());
    // The kept manual snapshot at tick 5 does not keep rows 6..15: only the auto one at 15
    // needs rows, those after it.
    EXPECT_EQ(snapshot_kinds(database_.url()),
              (std::vector<std::pair<std::uint64_t, std::string>>{{5, "manual"}, {15, "auto"}}));
    EXPECT_EQ(ticks_in(database_.url(), "journal"), range(16, 20));
}

TEST_F(PersistenceTest, OnlyManualSnapshotsPruneNoJournalRows) {
    Persistence persistence(def_for(database_.url()), {});
    persistence.start();
    for (std::uint64_t tick = 1; tick <= 8; ++tick) persistence.append(command_row(tick));
    persistence.write_snapshot(snapshot_of_kind(8, "manual"));
    ASSERT_TRUE(persistence.stop());
    EXPECT_EQ(ticks_in(database_.url(), "snapshots"), (std::vector<std::uint64_t>{8}));
    EXPECT_EQ(ticks_in(database_.url(), "journal"), range(1, 8));
}

TEST(PersistenceDownTest, OnWrittenIsNeverCalledForASnapshotNotWritten) {
    PersistenceDef def = def_for(test::kUnreachableDatabaseUrl);
    def.max_snapshot_backlog = 1;
    std::atomic<int> calls{0};
    Persistence persistence(def, {});
    persistence.start();
    for (std::uint64_t tick = 1; tick <= 3; ++tick) {
        SnapshotData data = snapshot(tick);   // ticks 1 and 2 are replaced in the queue
        data.on_written = [&](std::int64_t) { ++calls; };
        persistence.write_snapshot(data);
    }
    ASSERT_TRUE(wait_for_status(persistence, [](const PersistenceStatus& s) {
        return s.database_errors >= 1;
    }));
    EXPECT_FALSE(persistence.stop(0.1));   // tick 3 (or the one in flight) not written either
    EXPECT_EQ(calls.load(), 0);
}

TEST(PersistenceDownTest, QueuedRowsWithCommandsTurnAcceptingOffAtTheBacklog) {
    PersistenceDef def = def_for(test::kUnreachableDatabaseUrl);
    def.max_journal_backlog = 5;
    Persistence persistence(def, {});
    persistence.start();
    for (std::uint64_t tick = 1; tick <= 4; ++tick) {
        persistence.append(command_row(tick));
        EXPECT_TRUE(persistence.accepting()) << tick;
    }
    persistence.append(heartbeat_row(5));
    EXPECT_TRUE(persistence.accepting());   // heartbeats do not count
    persistence.append(command_row(6));
    EXPECT_FALSE(persistence.accepting());
    ASSERT_TRUE(wait_for_status(persistence, [](const PersistenceStatus& s) {
        return s.database_errors >= 2;
    }));
    const PersistenceStatus status = persistence.status();
    EXPECT_FALSE(status.database_up);
    EXPECT_EQ(status.journal_queued, 6u);
    EXPECT_EQ(status.journal_lag_ticks, 6u);
    EXPECT_FALSE(persistence.accepting());
    EXPECT_FALSE(persistence.stop(0.1));   // nothing could be written
}

TEST(PersistenceDownTest, HeartbeatsDoNotGrowTheQueue) {
    PersistenceDef def = def_for(test::kUnreachableDatabaseUrl);
    def.retry_initial_s = 60.0;   // the thread holds its first batch for the whole test
    def.retry_max_s = 60.0;
    Persistence persistence(def, {});
    persistence.start();
    persistence.append(command_row(1));
    ASSERT_TRUE(wait_for_status(persistence, [](const PersistenceStatus& s) {
        return s.database_errors >= 1;
    }));
    persistence.append(command_row(2));
    for (std::uint64_t tick = 3; tick <= 1000; ++tick) persistence.append(heartbeat_row(tick));
    const PersistenceStatus status = persistence.status();
    EXPECT_EQ(status.journal_queued, 3u);   // tick 1 in flight; 2 and the newest heartbeat
    EXPECT_EQ(status.journal_lag_ticks, 1000u);
    EXPECT_FALSE(persistence.stop(0.1));
}

TEST(PersistenceDownTest, StopGivesUpAfterItsTimeout) {
    PersistenceDef def = def_for(test::kUnreachableDatabaseUrl);
    def.retry_initial_s = 60.0;
    def.retry_max_s = 60.0;
    Persistence persistence(def, {});
    persistence.start();
    persistence.append(command_row(1));
    persistence.write_snapshot(snapshot(1));
    ASSERT_TRUE(wait_for_status(persistence, [](const PersistenceStatus& s) {
        return s.database_errors >= 1;
    }));
    const auto start = std::chrono::steady_clock::now();
    EXPECT_FALSE(persistence.stop(0.3));
    const double elapsed_s =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    EXPECT_GE(elapsed_s, 0.3);
    EXPECT_LT(elapsed_s, 1.5);   // not the 60 s backoff
}

TEST(PersistenceRestartTest, EverythingQueuedIsWrittenOnceTheDatabaseIsBack) {
    test::ScratchCluster cluster;
    Acks acks;
    PersistenceDef def = def_for(cluster.url());
    def.max_batch_rows = 4;
    Persistence persistence(def, acks.callback());
    persistence.start();
    persistence.write_snapshot(snapshot(0));
    for (std::uint64_t tick = 1; tick <= 10; ++tick) persistence.append(command_row(tick));
    ASSERT_TRUE(wait_for_status(persistence, [](const PersistenceStatus& s) {
        return s.database_errors >= 2;
    }));
    EXPECT_TRUE(acks.ticks().empty());

    ASSERT_TRUE(cluster.start());
    ASSERT_TRUE(migrate_database(cluster.url()));
    ASSERT_TRUE(acks.wait_for(10));
    EXPECT_EQ(acks.ticks(), range(1, 10));
    EXPECT_TRUE(persistence.status().database_up);

    // The server goes away under an open connection, then comes back.
    ASSERT_TRUE(cluster.stop());
    const std::uint64_t errors_before = persistence.status().database_errors;
    for (std::uint64_t tick = 11; tick <= 15; ++tick) persistence.append(command_row(tick));
    ASSERT_TRUE(wait_for_status(persistence, [&](const PersistenceStatus& s) {
        return s.database_errors > errors_before;
    }));
    EXPECT_FALSE(persistence.status().database_up);
    ASSERT_TRUE(cluster.start());
    ASSERT_TRUE(acks.wait_for(15));
    ASSERT_TRUE(persistence.stop());
    EXPECT_EQ(ticks_in(cluster.url(), "journal"), range(1, 15));
    EXPECT_EQ(ticks_in(cluster.url(), "snapshots"), (std::vector<std::uint64_t>{0}));
}

}  // namespace
}  // namespace galaxy::server
