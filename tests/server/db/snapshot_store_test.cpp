// Stored snapshots as the admin API sees them: listed newest first with their kind, label and
// size, found and loaded by id (NotFound for an unknown one), values exact, and Unavailable when
// the database cannot be reached.
#include <cmath>
#include <ctime>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <pqxx/pqxx>

#include "db/database.hpp"
#include "db/persistence_writes.hpp"
#include "db/snapshot_store.hpp"
#include "server/support/pg.hpp"

namespace galaxy::server {
namespace {

SnapshotData snapshot(std::uint64_t tick, const std::string& kind, std::size_t world_bytes) {
    SnapshotData data;
    data.tick = tick;
    data.game_time_s = 1.0 / 3.0 + static_cast<double>(tick);  // not a short decimal
    data.dt_s = 0.1;
    data.state_hash = 0x8000000000000000ULL | tick;  // the sign bit exercises the bigint form
    data.kind = kind;
    data.label = kind == "manual" ? "label " + std::to_string(tick) : "";
    for (std::size_t i = 0; i < world_bytes; ++i)
        data.world.push_back(static_cast<std::uint8_t>(i));
    return data;
}

class SnapshotStoreTest : public ::testing::Test {
protected:
    void SetUp() override { ASSERT_TRUE(migrate_database(database_.url())); }

    // Stores data as the persistence thread does; returns the row id.
    std::int64_t write(const SnapshotData& data) {
        pqxx::connection connection(database_.url());
        return write_snapshot_row(connection, data, PruneRule{}, std::nullopt);
    }

    test::TestDatabase database_;
    SnapshotStore store_{database_.url()};
};

TEST_F(SnapshotStoreTest, ListIsNewestFirstByTickThenId) {
    const std::int64_t old_manual = write(snapshot(5, "manual", 3));
    const std::int64_t auto_20 = write(snapshot(20, "auto", 3));
    const std::int64_t auto_10 = write(snapshot(10, "auto", 3));
    const std::int64_t restore_20 = write(snapshot(20, "restore", 3));
    std::vector<SnapshotInfo> infos;
    ASSERT_EQ(store_.list(100, &infos), StoreStatus::Ok);
    ASSERT_EQ(infos.size(), 4u);
    EXPECT_EQ(infos[0].id, restore_20);
    EXPECT_EQ(infos[1].id, auto_20);
    EXPECT_EQ(infos[2].id, auto_10);
    EXPECT_EQ(infos[3].id, old_manual);
    EXPECT_EQ(infos[0].kind, "restore");
    EXPECT_EQ(infos[3].kind, "manual");
    EXPECT_EQ(infos[3].label, "label 5");

    ASSERT_EQ(store_.list(2, &infos), StoreStatus::Ok);
    ASSERT_EQ(infos.size(), 2u);
    EXPECT_EQ(infos[1].id, auto_20);
}

TEST_F(SnapshotStoreTest, ListOfAnEmptyTableIsEmpty) {
    std::vector<SnapshotInfo> infos(3);
    ASSERT_EQ(store_.list(100, &infos), StoreStatus::Ok);
    EXPECT_TRUE(infos.empty());
}

TEST_F(SnapshotStoreTest, FindReturnsEveryFieldExactly) {
    const SnapshotData data = snapshot(42, "manual", 1000);
    const std::int64_t id = write(data);
    SnapshotInfo info;
    ASSERT_EQ(store_.find(id, &info), StoreStatus::Ok);
    EXPECT_EQ(info.id, id);
    EXPECT_EQ(info.tick, 42u);
    EXPECT_EQ(info.game_time_s, data.game_time_s);  // bit-exact, not within a tolerance
    EXPECT_EQ(info.dt_s, 0.1);
    EXPECT_EQ(info.state_hash, data.state_hash);
    EXPECT_EQ(info.kind, "manual");
    EXPECT_EQ(info.label, "label 42");
    EXPECT_EQ(info.bytes, 1000u);
    // Set by the database: within a minute of this machine's clock (they share it).
    EXPECT_LE(std::abs(info.created_at_unix_s - static_cast<double>(std::time(nullptr))), 60.0);
    EXPECT_EQ(store_.find(id + 1000, &info), StoreStatus::NotFound);
}

TEST_F(SnapshotStoreTest, LoadReturnsTheStoredWorldBytes) {
    const SnapshotData data = snapshot(7, "auto", 300);
    const std::int64_t id = write(data);
    SnapshotInfo info;
    std::vector<std::uint8_t> world;
    ASSERT_EQ(store_.load(id, &info, &world), StoreStatus::Ok);
    EXPECT_EQ(world, data.world);
    EXPECT_EQ(info.id, id);
    EXPECT_EQ(info.tick, 7u);
    EXPECT_EQ(info.state_hash, data.state_hash);
    EXPECT_EQ(info.bytes, 300u);
    EXPECT_EQ(store_.load(id + 1000, &info, &world), StoreStatus::NotFound);
}

TEST_F(SnapshotStoreTest, RowsWithoutOptionalValuesReadAsZero) {
    {
        // A row as an early server could leave it: only the required columns.
        pqxx::connection connection(database_.url());
        pqxx::work tx(connection);
        tx.exec("INSERT INTO snapshots (tick, world, created_at) VALUES (3, '\\x0102', NULL)");
        tx.commit();
    }
    std::vector<SnapshotInfo> infos;
    ASSERT_EQ(store_.list(10, &infos), StoreStatus::Ok);
    ASSERT_EQ(infos.size(), 1u);
    EXPECT_EQ(infos[0].tick, 3u);
    EXPECT_EQ(infos[0].game_time_s, 0.0);
    EXPECT_EQ(infos[0].dt_s, 0.0);
    EXPECT_EQ(infos[0].state_hash, 0u);
    EXPECT_EQ(infos[0].created_at_unix_s, 0.0);
    EXPECT_EQ(infos[0].kind, "auto");
    EXPECT_EQ(infos[0].label, "");
    EXPECT_EQ(infos[0].bytes, 2u);
}

TEST(SnapshotStoreUnavailableTest, EveryCallIsUnavailableWhenTheDatabaseIsUnreachable) {
    SnapshotStore store(test::kUnreachableDatabaseUrl);
    std::vector<SnapshotInfo> infos;
    SnapshotInfo info;
    std::vector<std::uint8_t> world;
    EXPECT_EQ(store.list(10, &infos), StoreStatus::Unavailable);
    EXPECT_EQ(store.find(1, &info), StoreStatus::Unavailable);
    EXPECT_EQ(store.load(1, &info, &world), StoreStatus::Unavailable);
}

}  // namespace
}  // namespace galaxy::server
