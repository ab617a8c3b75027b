// A server whose database cannot be reached: it stays alive, says why it is not ready, answers
// account requests with 503 E023, and still shuts down promptly.
#include <chrono>
#include <string>

#include <gtest/gtest.h>

#include "server/support/api_helpers.hpp"
#include "server/support/test_server.hpp"

namespace galaxy::test {
namespace {

using boost::beast::http::verb;

class HttpDatabaseDownTest : public ::testing::Test {
protected:
    void SetUp() override { ASSERT_TRUE(server_.start(/*wait_ready=*/false)); }
    TestServer server_{kUnreachableDatabaseUrl};
};

TEST_F(HttpDatabaseDownTest, LiveButNotReady) {
    const HttpResult live = http_request(server_.port(), verb::get, "/health/live");
    EXPECT_EQ(live.status, 200);
    const HttpResult ready = http_request(server_.port(), verb::get, "/health/ready");
    EXPECT_EQ(ready.status, 503);
    EXPECT_EQ(ready.json(),
              nlohmann::json({{"status", "not_ready"}, {"reason", "database unreachable"}}));
}

TEST_F(HttpDatabaseDownTest, AccountRequestsAre503) {
    const HttpResult reg = register_player(server_.port(), "Hopeful", "password-1234");
    EXPECT_EQ(reg.status, 503);
    EXPECT_EQ(reg.code(), "E023");
    EXPECT_EQ(reg.json()["message"], "database unreachable");
    EXPECT_FALSE(reg.header("retry-after").empty());
    const HttpResult in = login(server_.port(), "Hopeful", "password-1234");
    EXPECT_EQ(in.status, 503);
    EXPECT_EQ(in.code(), "E023");
}

TEST_F(HttpDatabaseDownTest, MetricsReportTheDatabaseDown) {
    const HttpResult res = http_request(server_.port(), verb::get, "/metrics");
    ASSERT_EQ(res.status, 200);
    EXPECT_NE(res.body.find("\ngalaxy_database_up 0"), std::string::npos);
}

TEST_F(HttpDatabaseDownTest, ShutdownDoesNotWaitForTheDatabase) {
    const auto start = std::chrono::steady_clock::now();
    server_.shutdown();
    const double elapsed_s =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    // The limit is 10 s; start-up's wait for the database notices a stop within ~0.1 s.
    EXPECT_LT(elapsed_s, 3.0);
    EXPECT_EQ(server_.app().readiness().reason, "shutting down");
}

}  // namespace
}  // namespace galaxy::test
