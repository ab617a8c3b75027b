// Player accounts: create, find in any case, name conflicts, updates, removal, count, listing
// by substring (any case, metacharacters literal, paged), and Unavailable (never an exception)
// when the database cannot be reached.
#include <algorithm>
#include <cstdlib>
#include <ctime>
#include <limits>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "db/database.hpp"
#include "db/player_store.hpp"
#include "server/support/pg.hpp"

namespace galaxy::server {
namespace {

class PlayerStoreTest : public ::testing::Test {
protected:
    void SetUp() override { ASSERT_TRUE(migrate_database(database_.url())); }

    test::TestDatabase database_;
    PlayerStore store_{database_.url()};
};

TEST_F(PlayerStoreTest, CreateFillsTheRecord) {
    PlayerRecord created;
    ASSERT_EQ(store_.create("Ann", "hash-1", "fast_frigate", &created), StoreStatus::Ok);
    EXPECT_GT(created.id, 0);
    EXPECT_EQ(created.username, "Ann");
    EXPECT_EQ(created.password_hash, "hash-1");
    EXPECT_EQ(created.ship_id, 0u);
    EXPECT_EQ(created.ship_class, "fast_frigate");
    const auto now_s = static_cast<std::int64_t>(std::time(nullptr));
    EXPECT_LE(std::abs(created.created_at_unix_s - now_s), 60);
}

TEST_F(PlayerStoreTest, FindByUsernameIgnoresCase) {
    PlayerRecord created;
    ASSERT_EQ(store_.create("CamelCase", "h", "cargo_hauler", &created), StoreStatus::Ok);
    for (const char* name : {"CamelCase", "camelcase", "CAMELCASE"}) {
        PlayerRecord found;
        ASSERT_EQ(store_.find_by_username(name, &found), StoreStatus::Ok) << name;
        EXPECT_EQ(found.id, created.id);
        EXPECT_EQ(found.username, "CamelCase");   // as registered
        EXPECT_EQ(found.ship_class, "cargo_hauler");
        EXPECT_EQ(found.created_at_unix_s, created.created_at_unix_s);
    }
    PlayerRecord missing;
    EXPECT_EQ(store_.find_by_username("nobody", &missing), StoreStatus::NotFound);
}

TEST_F(PlayerStoreTest, NameTakenInAnotherCaseIsAConflict) {
    PlayerRecord first;
    ASSERT_EQ(store_.create("Ann", "h", "fast_frigate", &first), StoreStatus::Ok);
    PlayerRecord second;
    EXPECT_EQ(store_.create("ANN", "h2", "cargo_hauler", &second), StoreStatus::Conflict);
    std::int64_t players = 0;
    ASSERT_EQ(store_.count(&players), StoreStatus::Ok);
    EXPECT_EQ(players, 1);
    // The connection that saw the conflict is still usable.
    PlayerRecord other;
    EXPECT_EQ(store_.create("Bob", "h", "fast_frigate", &other), StoreStatus::Ok);
}

TEST_F(PlayerStoreTest, FindById) {
    PlayerRecord created;
    ASSERT_EQ(store_.create("Ann", "h", "fast_frigate", &created), StoreStatus::Ok);
    PlayerRecord found;
    ASSERT_EQ(store_.find_by_id(created.id, &found), StoreStatus::Ok);
    EXPECT_EQ(found.username, "Ann");
    EXPECT_EQ(store_.find_by_id(created.id + 1000, &found), StoreStatus::NotFound);
}

TEST_F(PlayerStoreTest, SetShipStoresTheFullUint32Range) {
    PlayerRecord created;
    ASSERT_EQ(store_.create("Ann", "h", "fast_frigate", &created), StoreStatus::Ok);
    ASSERT_EQ(store_.set_ship(created.id, 4000000000u), StoreStatus::Ok);
    PlayerRecord found;
    ASSERT_EQ(store_.find_by_id(created.id, &found), StoreStatus::Ok);
    EXPECT_EQ(found.ship_id, 4000000000u);
    EXPECT_EQ(store_.set_ship(created.id + 1000, 5), StoreStatus::NotFound);
}

TEST_F(PlayerStoreTest, SetPasswordHash) {
    PlayerRecord created;
    ASSERT_EQ(store_.create("Ann", "old", "fast_frigate", &created), StoreStatus::Ok);
    ASSERT_EQ(store_.set_password_hash(created.id, "new"), StoreStatus::Ok);
    PlayerRecord found;
    ASSERT_EQ(store_.find_by_username("ann", &found), StoreStatus::Ok);
    EXPECT_EQ(found.password_hash, "new");
    EXPECT_EQ(store_.set_password_hash(created.id + 1000, "x"), StoreStatus::NotFound);
}

TEST_F(PlayerStoreTest, RemoveFreesTheName) {
    PlayerRecord created;
    ASSERT_EQ(store_.create("Ann", "h", "fast_frigate", &created), StoreStatus::Ok);
    ASSERT_EQ(store_.remove(created.id), StoreStatus::Ok);
    EXPECT_EQ(store_.remove(created.id), StoreStatus::NotFound);
    PlayerRecord found;
    EXPECT_EQ(store_.find_by_id(created.id, &found), StoreStatus::NotFound);
    PlayerRecord again;
    EXPECT_EQ(store_.create("ann", "h", "fast_frigate", &again), StoreStatus::Ok);
}

TEST_F(PlayerStoreTest, CountsPlayers) {
    std::int64_t players = -1;
    ASSERT_EQ(store_.count(&players), StoreStatus::Ok);
    EXPECT_EQ(players, 0);
    PlayerRecord record;
    ASSERT_EQ(store_.create("a", "h", "fast_frigate", &record), StoreStatus::Ok);
    ASSERT_EQ(store_.create("b", "h", "fast_frigate", &record), StoreStatus::Ok);
    ASSERT_EQ(store_.count(&players), StoreStatus::Ok);
    EXPECT_EQ(players, 2);
}

// The usernames of records, in order.
std::vector<std::string> names(const std::vector<PlayerRecord>& records) {
    std::vector<std::string> result;
    for (const PlayerRecord& record : records) result.push_back(record.username);
    return result;
}

TEST_F(PlayerStoreTest, ListFindsSubstringsInAnyCaseOrderedById) {
    PlayerRecord record;
    for (const char* name : {"Zed", "alice", "ALICIA", "bob", "Malice"}) {
        ASSERT_EQ(store_.create(name, "h", "fast_frigate", &record), StoreStatus::Ok) << name;
    }
    std::vector<PlayerRecord> found;
    std::int64_t total = -1;
    ASSERT_EQ(store_.list("aLi", 100, 0, &found, &total), StoreStatus::Ok);
    EXPECT_EQ(names(found), (std::vector<std::string>{"alice", "ALICIA", "Malice"}));
    EXPECT_EQ(total, 3);
    EXPECT_EQ(found[2].id, record.id);
    EXPECT_EQ(found[2].password_hash, "h");
    EXPECT_EQ(found[2].ship_class, "fast_frigate");

    ASSERT_EQ(store_.list("", 100, 0, &found, &total), StoreStatus::Ok);   // "" matches all
    EXPECT_EQ(names(found), (std::vector<std::string>{"Zed", "alice", "ALICIA", "bob", "Malice"}));
    EXPECT_EQ(total, 5);
    ASSERT_EQ(store_.list("nobody", 100, 0, &found, &total), StoreStatus::Ok);
    EXPECT_TRUE(found.empty());
    EXPECT_EQ(total, 0);
}

TEST_F(PlayerStoreTest, ListPagesWithLimitAndOffsetWhileTotalCountsEveryMatch) {
    PlayerRecord record;
    for (const char* name : {"p1", "p2", "p3", "p4", "p5", "other"}) {
        ASSERT_EQ(store_.create(name, "h", "fast_frigate", &record), StoreStatus::Ok) << name;
    }
    std::vector<PlayerRecord> found;
    std::int64_t total = -1;
    ASSERT_EQ(store_.list("p", 2, 1, &found, &total), StoreStatus::Ok);
    EXPECT_EQ(names(found), (std::vector<std::string>{"p2", "p3"}));
    EXPECT_EQ(total, 5);
    ASSERT_EQ(store_.list("p", 2, 4, &found, &total), StoreStatus::Ok);
    EXPECT_EQ(names(found), (std::vector<std::string>{"p5"}));
    ASSERT_EQ(store_.list("p", 2, 50, &found, &total), StoreStatus::Ok);   // past the end
    EXPECT_TRUE(found.empty());
    EXPECT_EQ(total, 5);
    // Limits beyond a bigint are clamped, not an error.
    ASSERT_EQ(store_.list("p", std::numeric_limits<std::size_t>::max(), 0, &found, &total),
              StoreStatus::Ok);
    EXPECT_EQ(found.size(), 5u);
}

TEST_F(PlayerStoreTest, ListMatchesLikeMetacharactersLiterally) {
    PlayerRecord record;
    for (const char* name : {"a_b", "axb", "a%b", "ab\\c"}) {
        ASSERT_EQ(store_.create(name, "h", "fast_frigate", &record), StoreStatus::Ok) << name;
    }
    std::vector<PlayerRecord> found;
    std::int64_t total = -1;
    ASSERT_EQ(store_.list("_", 100, 0, &found, &total), StoreStatus::Ok);
    EXPECT_EQ(names(found), (std::vector<std::string>{"a_b"}));
    EXPECT_EQ(total, 1);
    ASSERT_EQ(store_.list("a_", 100, 0, &found, &total), StoreStatus::Ok);
    EXPECT_EQ(names(found), (std::vector<std::string>{"a_b"}));
    ASSERT_EQ(store_.list("%", 100, 0, &found, &total), StoreStatus::Ok);
    EXPECT_EQ(names(found), (std::vector<std::string>{"a%b"}));
    ASSERT_EQ(store_.list("\\", 100, 0, &found, &total), StoreStatus::Ok);
    EXPECT_EQ(names(found), (std::vector<std::string>{"ab\\c"}));
}

TEST_F(PlayerStoreTest, ValuesAreParametersNotSql) {
    const std::string name = "x'); DROP TABLE players; --";
    PlayerRecord created;
    ASSERT_EQ(store_.create(name, "h'\\", "fast_frigate", &created), StoreStatus::Ok);
    PlayerRecord found;
    ASSERT_EQ(store_.find_by_username(name, &found), StoreStatus::Ok);
    EXPECT_EQ(found.username, name);
    EXPECT_EQ(found.password_hash, "h'\\");
}

TEST_F(PlayerStoreTest, ConcurrentCreatesOfOneNameYieldOneAccount) {
    PlayerStore shared(database_.url(), 3);
    std::vector<StoreStatus> results(8);
    std::vector<std::thread> threads;
    for (std::size_t i = 0; i < results.size(); ++i) {
        threads.emplace_back([&, i] {
            PlayerRecord record;
            results[i] = shared.create(i % 2 == 0 ? "Race" : "RACE", "h", "fast_frigate", &record);
        });
    }
    for (std::thread& thread : threads) thread.join();
    EXPECT_EQ(std::count(results.begin(), results.end(), StoreStatus::Ok), 1);
    EXPECT_EQ(std::count(results.begin(), results.end(), StoreStatus::Conflict), 7);
}

TEST_F(PlayerStoreTest, ReconnectsAfterTheServerClosedItsConnections) {
    PlayerRecord created;
    ASSERT_EQ(store_.create("Ann", "h", "fast_frigate", &created), StoreStatus::Ok);
    // What a database restart does to pooled connections.
    {
        pqxx::connection admin(database_.url());
        pqxx::nontransaction tx(admin);
        tx.exec_params("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                       " WHERE datname = $1 AND pid <> pg_backend_pid()",
                       database_.name());
    }
    PlayerRecord found;
    EXPECT_EQ(store_.find_by_id(created.id, &found), StoreStatus::Ok);
}

TEST(PlayerStoreUnavailableTest, EveryCallIsUnavailableWhenTheDatabaseIsUnreachable) {
    PlayerStore store(test::kUnreachableDatabaseUrl);
    PlayerRecord record;
    std::int64_t players = 0;
    EXPECT_EQ(store.create("Ann", "h", "fast_frigate", &record), StoreStatus::Unavailable);
    EXPECT_EQ(store.find_by_username("Ann", &record), StoreStatus::Unavailable);
    EXPECT_EQ(store.find_by_id(1, &record), StoreStatus::Unavailable);
    EXPECT_EQ(store.set_ship(1, 2), StoreStatus::Unavailable);
    EXPECT_EQ(store.set_password_hash(1, "h"), StoreStatus::Unavailable);
    EXPECT_EQ(store.remove(1), StoreStatus::Unavailable);
    EXPECT_EQ(store.count(&players), StoreStatus::Unavailable);
    std::vector<PlayerRecord> found;
    EXPECT_EQ(store.list("", 10, 0, &found, &players), StoreStatus::Unavailable);
}

TEST(PlayerStoreUnavailableTest, MissingSchemaIsUnavailable) {
    test::TestDatabase database;   // not migrated: every statement fails
    PlayerStore store(database.url());
    std::int64_t players = 0;
    EXPECT_EQ(store.count(&players), StoreStatus::Unavailable);
}

}  // namespace
}  // namespace galaxy::server
