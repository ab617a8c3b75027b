// Account API policies that need their own server: closed registration (configuration and
// game_config override) and the login rate limits per username and per address.
#include <string>

#include <gtest/gtest.h>

#include "db/config_store.hpp"
#include "db/database.hpp"
#include "server/support/api_helpers.hpp"
#include "server/support/test_server.hpp"

namespace galaxy::test {
namespace {

constexpr char kPassword[] = "limits-password";

TEST(ApiLimitsTest, ClosedRegistrationIs403) {
    TestServer server;
    server.config().registration_open = false;
    ASSERT_TRUE(server.start());
    const HttpResult res = register_player(server.port(), "Too_Late", kPassword);
    EXPECT_EQ(res.status, 403);
    EXPECT_EQ(res.code(), "E021");
}

TEST(ApiLimitsTest, GameConfigOverrideClosesRegistration) {
    TestServer server;
    ASSERT_TRUE(server::migrate_database(server.database_url()));
    server::ConfigStore store(server.database_url());
    ASSERT_EQ(store.set("registration_open", "false"), server::StoreStatus::Ok);
    ASSERT_TRUE(server.config().registration_open);
    ASSERT_TRUE(server.start());
    EXPECT_EQ(register_player(server.port(), "Too_Late", kPassword).status, 403);
    EXPECT_FALSE(server.app().accounts().registration_open());
}

TEST(ApiLimitsTest, FailedLoginsPerUsernameAreLimited) {
    TestServer server;
    server.config().login_attempts_per_user = 3;
    ASSERT_TRUE(server.start());
    ASSERT_EQ(register_player(server.port(), "Target", kPassword).status, 201);
    ASSERT_EQ(register_player(server.port(), "Bystander", kPassword).status, 201);
    for (int i = 0; i < 3; ++i) {
        EXPECT_EQ(login(server.port(), "Target", "guess " + std::to_string(i)).status, 401);
    }
    // Over the limit even the right password waits, under any spelling of the name.
    const HttpResult limited = login(server.port(), "TARGET", kPassword);
    EXPECT_EQ(limited.status, 429);
    EXPECT_EQ(limited.code(), "E022");
    EXPECT_EQ(limited.header("retry-after"), "60");
    // Another account from the same address is not affected.
    EXPECT_EQ(login(server.port(), "Bystander", kPassword).status, 200);
}

TEST(ApiLimitsTest, FailedLoginsPerAddressAreLimited) {
    TestServer server;
    server.config().login_attempts_per_ip = 3;
    server.config().login_attempts_per_user = 100;
    ASSERT_TRUE(server.start());
    ASSERT_EQ(register_player(server.port(), "Real_User", kPassword).status, 201);
    for (int i = 0; i < 3; ++i) {
        EXPECT_EQ(login(server.port(), "Ghost_" + std::to_string(i), kPassword).status, 401);
    }
    const HttpResult limited = login(server.port(), "Real_User", kPassword);
    EXPECT_EQ(limited.status, 429);
    EXPECT_EQ(limited.code(), "E022");
    EXPECT_FALSE(limited.header("retry-after").empty());
}

TEST(ApiLimitsTest, SuccessfulLoginsAreNotLimited) {
    TestServer server;
    server.config().login_attempts_per_user = 2;
    server.config().login_attempts_per_ip = 2;
    ASSERT_TRUE(server.start());
    ASSERT_EQ(register_player(server.port(), "Frequent", kPassword).status, 201);
    for (int i = 0; i < 5; ++i) EXPECT_EQ(login(server.port(), "Frequent", kPassword).status, 200);
}

}  // namespace
}  // namespace galaxy::test
