// Start-up recovery: a world run tick by tick (as the engine does, through proto::apply_tick)
// with its rows and snapshots written by Persistence comes back bit for bit from the newest
// valid snapshot plus the journal; corrupt snapshots and rows that disagree with their hash are
// handled as documented in persistence.hpp.
#include <algorithm>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <pqxx/pqxx>

#include "db/database.hpp"
#include "db/persistence.hpp"
#include "galaxy/proto/sync.hpp"
#include "galaxy/sim/hash.hpp"
#include "galaxy/sim/scenario.hpp"
#include "galaxy/sim/serialize.hpp"
#include "server/support/pg.hpp"

namespace galaxy::server {
namespace {

constexpr std::uint64_t kSeed = 7;
constexpr std::uint64_t kLastTick = 40;
constexpr std::uint64_t kSnapshotTicks[] = {12, 30};   // besides the first, at tick 0
constexpr std::uint64_t kDtChangeTick = 20;   // dt 30 s before, 60 s from here on
constexpr std::uint64_t kHeartbeatTicks = 5;

// A world advanced the way the server does it, handing rows and snapshots to Persistence: a
// row for a tick with commands, a dt change, every kHeartbeatTicks, and the last tick.
struct LiveRun {
    sim::World world = sim::scenario_bodies({"Sun", "Earth", "Moon"}, false);
    std::map<std::uint64_t, std::uint64_t> hash_at;          // state hash after each tick
    std::map<std::uint64_t, std::vector<std::uint8_t>> saved_at;   // save_world after each tick
    std::vector<std::uint64_t> journaled;                     // ticks with a row in the table
    std::map<std::uint64_t, double> dt_at;                    // dt of each tick

    void run(Persistence& persistence) {
        record(0, 30.0);
        persistence.write_snapshot(snapshot(0, 30.0));
        double last_row_dt = 30.0;
        for (std::uint64_t tick = 1; tick <= kLastTick; ++tick) {
            const double dt_s = tick >= kDtChangeTick ? 60.0 : 30.0;
            std::vector<sim::Command> commands;
            if (tick == 1) commands = sim::scripted_spawns(world, 3, kSeed);
            if (tick % 3 == 0) {
                // The scripted pilots act only now and then: one command every third tick is
                // certain, so that these ticks have rows.
                commands = sim::scripted_controls(world, kSeed);
                sim::Command throttle;
                throttle.type = sim::CommandType::SetThrottle;
                throttle.ship = 1;
                throttle.value = static_cast<double>(tick % 10) / 10.0;
                commands.push_back(throttle);
            }
            proto::apply_tick(world, proto::TickRecord{tick, dt_s, commands});
            record(tick, dt_s);
            if (!commands.empty() || dt_s != last_row_dt || tick % kHeartbeatTicks == 0 ||
                tick == kLastTick) {
                JournalEntry entry;
                entry.tick = tick;
                entry.dt_s = dt_s;
                entry.commands = proto::encode_commands(commands);
                entry.state_hash = hash_at[tick];
                persistence.append(std::move(entry));
                last_row_dt = dt_s;
            }
            for (std::uint64_t snapshot_tick : kSnapshotTicks) {
                if (tick == snapshot_tick) persistence.write_snapshot(snapshot(tick, dt_s));
            }
        }
    }

    void record(std::uint64_t tick, double dt_s) {
        hash_at[tick] = sim::state_hash(world);
        saved_at[tick] = sim::save_world(world);
        dt_at[tick] = dt_s;
    }

    SnapshotData snapshot(std::uint64_t tick, double dt_s) const {
        SnapshotData data;
        data.tick = tick;
        data.game_time_s = world.game_time_s;
        data.dt_s = dt_s;
        data.state_hash = sim::state_hash(world);
        data.world = sim::save_world(world);
        return data;
    }

    // The first journaled tick after `tick` (0 when none).
    std::uint64_t row_after(std::uint64_t tick) const {
        for (std::uint64_t t : journaled) {
            if (t > tick) return t;
        }
        return 0;
    }

    // The journaled tick before `tick` (or `floor` when none lies in between).
    std::uint64_t row_before(std::uint64_t tick, std::uint64_t floor) const {
        std::uint64_t previous = floor;
        for (std::uint64_t t : journaled) {
            if (t > floor && t < tick) previous = t;
        }
        return previous;
    }
};

class RecoveryTest : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_TRUE(migrate_database(database_.url()));
        PersistenceDef def;
        def.database_url = database_.url();
        Persistence persistence(def, {});
        persistence.start();
        live_.run(persistence);
        ASSERT_TRUE(persistence.stop());
        // Heartbeats may have been merged while the thread was behind: take the rows written.
        pqxx::connection connection(database_.url());
        pqxx::nontransaction tx(connection);
        for (const pqxx::row& row : tx.exec("SELECT tick FROM journal ORDER BY tick")) {
            live_.journaled.push_back(row[0].as<std::uint64_t>());
        }
    }

    void execute(const std::string& sql) {
        pqxx::connection connection(database_.url());
        pqxx::work tx(connection);
        tx.exec(sql);
        tx.commit();
    }

    // The recovered world is the live one at `tick`, bit for bit.
    void expect_world_at(const RecoveredWorld& recovered, std::uint64_t tick) {
        EXPECT_TRUE(recovered.found);
        EXPECT_EQ(recovered.tick, tick);
        EXPECT_EQ(recovered.state_hash, live_.hash_at.at(tick));
        EXPECT_EQ(sim::state_hash(recovered.world), live_.hash_at.at(tick));
        EXPECT_EQ(sim::save_world(recovered.world), live_.saved_at.at(tick));
        EXPECT_EQ(recovered.dt_s, live_.dt_at.at(tick));
        EXPECT_EQ(recovered.replayed_ticks, tick - recovered.snapshot_tick);
    }

    test::TestDatabase database_;
    LiveRun live_;
};

TEST_F(RecoveryTest, NewestSnapshotPlusJournalGivesTheLiveWorld) {
    RecoveredWorld recovered;
    ASSERT_TRUE(recover_world(database_.url(), &recovered));
    EXPECT_EQ(recovered.snapshot_tick, 30u);
    expect_world_at(recovered, kLastTick);
}

TEST_F(RecoveryTest, ACorruptNewestSnapshotFallsBackToTheOlderOne) {
    execute("UPDATE snapshots SET world = '\\xdeadbeef' WHERE tick = 30");
    RecoveredWorld recovered;
    ASSERT_TRUE(recover_world(database_.url(), &recovered));
    EXPECT_EQ(recovered.snapshot_tick, 12u);
    expect_world_at(recovered, kLastTick);   // across the dt change at tick 20
}

TEST_F(RecoveryTest, ASnapshotThatDisagreesWithItsHashIsSkipped) {
    execute("UPDATE snapshots SET state_hash = state_hash # 1 WHERE tick = 30");
    RecoveredWorld recovered;
    ASSERT_TRUE(recover_world(database_.url(), &recovered));
    EXPECT_EQ(recovered.snapshot_tick, 12u);
    expect_world_at(recovered, kLastTick);
}

TEST_F(RecoveryTest, AJournalHashMismatchStopsAtThePreviousGoodRow) {
    const std::uint64_t bad = 35;
    const auto& rows = live_.journaled;
    ASSERT_NE(std::find(rows.begin(), rows.end(), bad), rows.end());
    execute("UPDATE journal SET state_hash = state_hash # 1 WHERE tick = " + std::to_string(bad));
    RecoveredWorld recovered;
    ASSERT_TRUE(recover_world(database_.url(), &recovered));
    EXPECT_EQ(recovered.snapshot_tick, 30u);
    const std::uint64_t good = live_.row_before(bad, 30);
    ASSERT_LT(good, bad);
    expect_world_at(recovered, good);
}

TEST_F(RecoveryTest, UndecodableCommandsStopTheReplayLikeAMismatch) {
    const std::uint64_t bad = live_.journaled.back();
    execute("UPDATE journal SET commands = '\\xff' WHERE tick = " + std::to_string(bad));
    RecoveredWorld recovered;
    ASSERT_TRUE(recover_world(database_.url(), &recovered));
    expect_world_at(recovered, live_.row_before(bad, 30));
}

TEST_F(RecoveryTest, TheFirstRowAfterTheSnapshotDisagreeingLeavesTheSnapshotWorld) {
    const std::uint64_t first = live_.row_after(30);
    ASSERT_GT(first, 30u);
    execute("UPDATE journal SET state_hash = state_hash # 1 WHERE tick = " + std::to_string(first));
    RecoveredWorld recovered;
    ASSERT_TRUE(recover_world(database_.url(), &recovered));
    EXPECT_EQ(recovered.snapshot_tick, 30u);
    expect_world_at(recovered, 30);
    EXPECT_EQ(recovered.replayed_ticks, 0u);
}

TEST_F(RecoveryTest, NoValidSnapshotMeansANewWorld) {
    execute("UPDATE snapshots SET world = '\\x00'");
    RecoveredWorld recovered;
    recovered.found = true;
    ASSERT_TRUE(recover_world(database_.url(), &recovered));
    EXPECT_FALSE(recovered.found);   // the journal alone is ignored
    execute("DELETE FROM snapshots");
    ASSERT_TRUE(recover_world(database_.url(), &recovered));
    EXPECT_FALSE(recovered.found);
}

TEST(RecoveryEmptyTest, AnEmptyDatabaseHasNothingToRecover) {
    test::TestDatabase database;
    ASSERT_TRUE(migrate_database(database.url()));
    RecoveredWorld recovered;
    ASSERT_TRUE(recover_world(database.url(), &recovered));
    EXPECT_FALSE(recovered.found);
}

TEST(RecoveryEmptyTest, AnUnreadableDatabaseIsAFailure) {
    RecoveredWorld recovered;
    EXPECT_FALSE(recover_world(test::kUnreachableDatabaseUrl, &recovered));
    test::TestDatabase unmigrated;
    EXPECT_FALSE(recover_world(unmigrated.url(), &recovered));
}

}  // namespace
}  // namespace galaxy::server
