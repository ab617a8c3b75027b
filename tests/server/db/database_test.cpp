// Connecting and migrating: the schema is created once, re-running is harmless (also when
// several servers start at once), and waiting for an unreachable database can be cancelled.
#include <atomic>
#include <chrono>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>
#include <pqxx/pqxx>

#include "core/log.hpp"
#include "db/database.hpp"
#include "server/support/pg.hpp"

namespace galaxy::server {
namespace {

using test::kUnreachableDatabaseUrl;
using test::TestDatabase;

std::int64_t query_count(const std::string& url, const std::string& sql) {
    pqxx::connection connection(url);
    pqxx::nontransaction tx(connection);
    return tx.exec(sql)[0][0].as<std::int64_t>();
}

TEST(DatabaseTest, MigrationCreatesEveryTableAndRecordsTheVersion) {
    TestDatabase database;
    ASSERT_TRUE(migrate_database(database.url()));
    EXPECT_EQ(query_count(database.url(),
                          "SELECT count(*) FROM information_schema.tables WHERE table_schema ="
                          " 'public' AND table_name IN ('players', 'admins', 'game_config',"
                          " 'snapshots', 'journal', 'admin_audit', 'schema_migrations')"),
              7);
    EXPECT_EQ(query_count(database.url(), "SELECT count(*) FROM schema_migrations"), 2);
    EXPECT_EQ(query_count(database.url(), "SELECT max(version) FROM schema_migrations"), 2);
}

TEST(DatabaseTest, MigratingAgainChangesNothing) {
    TestDatabase database;
    ASSERT_TRUE(migrate_database(database.url()));
    {
        pqxx::connection connection(database.url());
        pqxx::work tx(connection);
        tx.exec("INSERT INTO game_config (key, value) VALUES ('kept', 'yes')");
        tx.commit();
    }
    ASSERT_TRUE(migrate_database(database.url()));
    EXPECT_EQ(query_count(database.url(), "SELECT count(*) FROM schema_migrations"), 2);
    EXPECT_EQ(query_count(database.url(), "SELECT count(*) FROM game_config"), 1);
}

TEST(DatabaseTest, VersionTwoUpgradesAVersionOneDatabaseKeepingItsSnapshots) {
    TestDatabase database;
    ASSERT_TRUE(migrate_database(database.url()));
    {
        // Back to the version 1 schema, with a snapshot stored by a version 1 server.
        pqxx::connection connection(database.url());
        pqxx::work tx(connection);
        tx.exec("DROP TABLE admin_audit");
        tx.exec("ALTER TABLE snapshots DROP COLUMN kind, DROP COLUMN label");
        tx.exec("DELETE FROM schema_migrations WHERE version = 2");
        tx.exec("INSERT INTO snapshots (tick, world) VALUES (7, '\\x01')");
        tx.commit();
    }
    ASSERT_TRUE(migrate_database(database.url()));
    EXPECT_EQ(query_count(database.url(), "SELECT max(version) FROM schema_migrations"), 2);
    EXPECT_EQ(query_count(database.url(), "SELECT count(*) FROM snapshots WHERE tick = 7"
                                          " AND kind = 'auto' AND label = ''"),
              1);
    EXPECT_EQ(query_count(database.url(), "SELECT count(*) FROM admin_audit"), 0);
}

TEST(DatabaseTest, ConcurrentMigrationsAllSucceedAndApplyOnce) {
    TestDatabase database;
    std::atomic<int> succeeded{0};
    std::vector<std::thread> servers;
    for (int i = 0; i < 4; ++i) {
        servers.emplace_back([&] {
            if (migrate_database(database.url())) ++succeeded;
        });
    }
    for (std::thread& server : servers) server.join();
    EXPECT_EQ(succeeded.load(), 4);
    EXPECT_EQ(query_count(database.url(), "SELECT count(*) FROM schema_migrations"), 2);
}

TEST(DatabaseTest, UsernameKeyIsUnique) {
    TestDatabase database;
    ASSERT_TRUE(migrate_database(database.url()));
    pqxx::connection connection(database.url());
    pqxx::work tx(connection);
    tx.exec("INSERT INTO players (username, username_key, password_hash, ship_class)"
            " VALUES ('Ann', 'ann', 'h', 'fast_frigate')");
    EXPECT_THROW(tx.exec("INSERT INTO players (username, username_key, password_hash, ship_class)"
                         " VALUES ('ANN', 'ann', 'h', 'fast_frigate')"),
                 pqxx::unique_violation);
}

TEST(DatabaseTest, MigrationFailsOnAnUnreachableDatabase) {
    EXPECT_FALSE(migrate_database(kUnreachableDatabaseUrl));
}

TEST(DatabaseTest, ReachableOnlyWhenTheServerAnswers) {
    TestDatabase database;
    EXPECT_TRUE(database_reachable(database.url()));
    EXPECT_FALSE(database_reachable(kUnreachableDatabaseUrl));
}

TEST(DatabaseTest, WaitForDatabaseConnectsAndMigrates) {
    TestDatabase database;
    EXPECT_TRUE(wait_for_database(database.url(), [] { return false; }));
    EXPECT_EQ(query_count(database.url(), "SELECT count(*) FROM schema_migrations"), 2);
}

TEST(DatabaseTest, WaitForDatabaseLogsEachFailureAndStopsWhenAsked) {
    std::vector<std::string> lines;
    std::mutex lines_mutex;
    set_log_sink([&](std::string_view line) {
        std::lock_guard lock(lines_mutex);
        lines.emplace_back(line);
    });
    const auto start = std::chrono::steady_clock::now();
    // Asked to stop 1.5 s in: after the first failure (then 1 s of backoff) and the second.
    const bool connected = wait_for_database(kUnreachableDatabaseUrl, [&] {
        return std::chrono::steady_clock::now() - start > std::chrono::milliseconds(1500);
    });
    const double elapsed_s =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    set_log_sink({});
    EXPECT_FALSE(connected);
    // The 2 s backoff after the second failure is cut short by the stop request.
    EXPECT_LT(elapsed_s, 1.5 + 0.5);

    std::vector<nlohmann::json> failures;
    for (const std::string& line : lines) {
        const nlohmann::json event = nlohmann::json::parse(line);
        if (event["event"] == "database_unreachable") failures.push_back(event);
    }
    ASSERT_EQ(failures.size(), 2u);
    EXPECT_EQ(failures[0]["attempt"], 1);
    EXPECT_EQ(failures[0]["retry_in_s"], 1.0);
    EXPECT_EQ(failures[1]["attempt"], 2);
    EXPECT_EQ(failures[1]["retry_in_s"], 2.0);
    EXPECT_FALSE(failures[0]["error"].get<std::string>().empty());
}

}  // namespace
}  // namespace galaxy::server
