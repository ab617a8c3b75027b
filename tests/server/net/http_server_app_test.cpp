// ServerApp's life cycle: start-up overrides, the final snapshot at shutdown, a restart that
// continues the same world, run() and request_stop(), and a port that is taken.
#include <string>
#include <thread>

#include <gtest/gtest.h>

#include "db/config_store.hpp"
#include "db/database.hpp"
#include "db/persistence.hpp"
#include "galaxy/sim/world.hpp"
#include "server/support/api_helpers.hpp"
#include "server/support/test_server.hpp"

namespace galaxy::test {
namespace {

constexpr char kPassword[] = "lifecycle-password";

TEST(HttpServerAppTest, ShutdownWritesAFinalSnapshotWithTheNewShip) {
    TestServer server;
    ASSERT_TRUE(server.start());
    const HttpResult reg = register_player(server.port(), "Survivor", kPassword);
    ASSERT_EQ(reg.status, 201) << reg.body;
    const auto ship_id = reg.json()["ship_id"].get<std::uint32_t>();
    LogCapture log;
    server.shutdown();
    const std::uint64_t final_tick = server.app().engine()->snapshot_now().tick;

    const auto done = log.events("shutdown_complete");
    ASSERT_EQ(done.size(), 1u);
    EXPECT_EQ(done[0]["final_snapshot_written"], true);
    EXPECT_LT(done[0]["duration_s"].get<double>(), 10.0);
    server::RecoveredWorld recovered;
    ASSERT_TRUE(server::recover_world(server.database_url(), &recovered));
    ASSERT_TRUE(recovered.found);
    EXPECT_EQ(recovered.tick, final_tick);
    EXPECT_NE(sim::find_ship(recovered.world, ship_id), nullptr);
}

TEST(HttpServerAppTest, RestartContinuesTheSameWorld) {
    TestServer first;
    ASSERT_TRUE(first.start());
    const HttpResult reg = register_player(first.port(), "Returner", kPassword);
    ASSERT_EQ(reg.status, 201);
    first.shutdown();
    const std::uint64_t stopped_at = first.app().engine()->snapshot_now().tick;

    LogCapture log;
    TestServer second(first.database_url());
    ASSERT_TRUE(second.start());
    const auto recovered = log.events("world_recovered");
    ASSERT_EQ(recovered.size(), 1u);
    EXPECT_EQ(recovered[0]["tick"], stopped_at);
    EXPECT_TRUE(log.events("world_created").empty());
    const HttpResult in = login(second.port(), "Returner", kPassword);
    ASSERT_EQ(in.status, 200);
    EXPECT_EQ(in.json()["ship_id"], reg.json()["ship_id"]);
}

TEST(HttpServerAppTest, DeletedAccountsShipLeavesTheWorld) {
    TestServer server;
    ASSERT_TRUE(server.start());
    const HttpResult reg = register_player(server.port(), "Quitter", kPassword);
    ASSERT_EQ(reg.status, 201);
    const HttpResult del =
        http_request(server.port(), boost::beast::http::verb::delete_, "/api/auth/account",
                     nlohmann::json{{"password", kPassword}}.dump(),
                     bearer(reg.json()["token"].get<std::string>()));
    ASSERT_EQ(del.status, 200);
    // The removal applies at the next tick boundary; a registration answers after the tick
    // of its spawn, which is that tick or a later one.
    const HttpResult later = register_player(server.port(), "Newcomer", kPassword);
    ASSERT_EQ(later.status, 201);
    server.shutdown();
    server::RecoveredWorld recovered;
    ASSERT_TRUE(server::recover_world(server.database_url(), &recovered));
    ASSERT_TRUE(recovered.found);
    EXPECT_EQ(sim::find_ship(recovered.world, reg.json()["ship_id"].get<std::uint32_t>()), nullptr);
    EXPECT_NE(sim::find_ship(recovered.world, later.json()["ship_id"].get<std::uint32_t>()),
              nullptr);
}

TEST(HttpServerAppTest, GameConfigOverridesApplyAtStart) {
    TestServer server;
    ASSERT_TRUE(server::migrate_database(server.database_url()));
    server::ConfigStore store(server.database_url());
    ASSERT_EQ(store.set("tick_rate_hz", "20"), server::StoreStatus::Ok);
    ASSERT_EQ(store.set("time_scale", "2.5"), server::StoreStatus::Ok);
    ASSERT_EQ(store.set("time_sync", "maybe"), server::StoreStatus::Ok);
    LogCapture log;
    ASSERT_TRUE(server.start());
    const server::EngineStatus status = server.app().engine()->status();
    EXPECT_EQ(status.tick_rate_hz, 20.0);
    EXPECT_EQ(status.time_scale, 2.5);
    EXPECT_FALSE(status.time_sync);
    const auto ignored = log.events("config_override_ignored");
    ASSERT_EQ(ignored.size(), 1u);
    EXPECT_EQ(ignored[0]["key"], "time_sync");
}

TEST(HttpServerAppTest, RunReturnsZeroAfterRequestStop) {
    TestDatabase database;
    TempDir web("web");
    server::ServerApp app(test_server_config(database.url(), web.path().string()));
    int exit_code = -1;
    std::thread runner([&] { exit_code = app.run(); });
    EXPECT_TRUE(app.wait_until_ready(kTestReadyTimeout_s));
    app.request_stop();
    runner.join();
    EXPECT_EQ(exit_code, 0);
    EXPECT_EQ(app.readiness().reason, "shutting down");
}

TEST(HttpServerAppTest, TakenPortFailsToStart) {
    TestServer first;
    ASSERT_TRUE(first.start(/*wait_ready=*/false));
    TestServer second(first.database_url());
    second.config().port = first.port();
    const ::testing::AssertionResult started = second.start(false);
    EXPECT_FALSE(started);
    EXPECT_NE(std::string(started.message()).find("bind"), std::string::npos) << started.message();
}

}  // namespace
}  // namespace galaxy::test
