// The database vanishes under a running server (a proxy in front of it is cut): readiness turns
// to 503, account requests answer 503 E023, and shutdown still ends within its 10 s budget,
// saying that the final snapshot could not be written.
#include <chrono>
#include <functional>
#include <string>
#include <thread>

#include <gtest/gtest.h>

#include "server/support/api_helpers.hpp"
#include "server/support/tcp_proxy.hpp"
#include "server/support/test_server.hpp"

namespace galaxy::test {
namespace {

using boost::beast::http::verb;

// Polls until done() or the deadline: persistence notices the loss on its next write, and
// there is no event to wait for from outside.
bool eventually(const std::function<bool()>& done, double timeout_s) {
    const auto deadline = std::chrono::steady_clock::now() +
                          std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                              std::chrono::duration<double>(timeout_s));
    while (!done()) {
        if (std::chrono::steady_clock::now() > deadline) return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return true;
}

TEST(HttpDatabaseLostTest, ServerReportsTheLossAndStillShutsDownInTime) {
    TestDatabase database;
    TcpProxy proxy("127.0.0.1", url_port(database.url()));
    TestServer server(url_with_port(database.url(), proxy.port()));
    ASSERT_TRUE(server.start());
    ASSERT_EQ(register_player(server.port(), "Before_Loss", "password-1234").status, 201);

    proxy.cut();
    // Heartbeat journal rows go out every second at 10 Hz; the first failure shows.
    EXPECT_TRUE(eventually(
        [&] {
            return http_request(server.port(), verb::get, "/health/ready").json() ==
                   nlohmann::json({{"status", "not_ready"}, {"reason", "database unreachable"}});
        },
        10.0));
    const HttpResult reg = register_player(server.port(), "After_Loss", "password-1234");
    EXPECT_EQ(reg.status, 503);
    EXPECT_EQ(reg.code(), "E023");
    EXPECT_EQ(http_request(server.port(), verb::get, "/health/live").status, 200);

    LogCapture log;
    const auto start = std::chrono::steady_clock::now();
    server.shutdown();
    const double elapsed_s =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    EXPECT_LT(elapsed_s, 10.0);
    EXPECT_EQ(log.events("final_snapshot_not_written").size(), 1u);
    const auto done = log.events("shutdown_complete");
    ASSERT_EQ(done.size(), 1u);
    EXPECT_EQ(done[0]["final_snapshot_written"], false);
}

}  // namespace
}  // namespace galaxy::test
