// Fixture of the live galaxy-admin suites: one in-process server per suite (the gateway tests'
// TestServer, on a database of ctest's postgres fixture) with a bootstrap admin, galaxy-admin
// runs against it, and direct API calls to check what the commands did.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "admin/support/cli_helpers.hpp"
#include "server/support/api_helpers.hpp"
#include "server/support/test_server.hpp"

namespace galaxy::admin::test {

inline constexpr char kAdminPassword[] = "admin password for tests";  // >= 12 bytes
inline constexpr char kPlayerPassword[] = "correct horse battery";

class LiveAdminTest : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        files_ = new TempFolder("live");
        password_file_ = files_->write("admin.pw", std::string(kAdminPassword) + "\n");
        server_ = new galaxy::test::TestServer();
        server_->config().admin_password = kAdminPassword;
        ASSERT_TRUE(server_->start());
    }
    static void TearDownTestSuite() {
        delete server_;
        server_ = nullptr;
        delete files_;
        files_ = nullptr;
    }

    static std::uint16_t port() { return server_->port(); }
    static std::string url() { return "http://127.0.0.1:" + std::to_string(port()); }

    // Runs galaxy-admin as the bootstrap admin (password file before the command words).
    static CliRun admin(std::vector<std::string> args, const std::string& stdin_text = {}) {
        args.insert(args.begin(), {"--url", url(), "--password-file", password_file_});
        return run_cli(args, env_of(), stdin_text);
    }

    // A fresh admin token straight from the API, for checking effects without the CLI.
    static std::string admin_token() {
        const galaxy::test::HttpResult login = galaxy::test::post_json(
            port(), "/api/admin/login", {{"username", "admin"}, {"password", kAdminPassword}});
        EXPECT_EQ(login.status, 200) << login.body;
        const nlohmann::json body = login.json();
        return body.is_object() && body.contains("token") ? body["token"].get<std::string>() : "";
    }

    // GET target from the admin API; expects 200.
    static nlohmann::json api_get(const std::string& target) {
        const galaxy::test::HttpResult result = galaxy::test::http_request(
            port(), boost::beast::http::verb::get, target, {}, galaxy::test::bearer(admin_token()));
        EXPECT_EQ(result.status, 200) << target << ": " << result.body;
        return result.json();
    }

    // Registers a player and returns its id (0 after a failure).
    static std::int64_t register_player(const std::string& username) {
        const galaxy::test::HttpResult result =
            galaxy::test::register_player(port(), username, kPlayerPassword);
        EXPECT_EQ(result.status, 201) << result.body;
        const nlohmann::json body = result.json();
        return body.is_object() && body.contains("player_id")
                   ? body["player_id"].get<std::int64_t>()
                   : 0;
    }

    static galaxy::test::TestServer* server_;
    static TempFolder* files_;
    static std::string password_file_;
};

inline galaxy::test::TestServer* LiveAdminTest::server_ = nullptr;
inline TempFolder* LiveAdminTest::files_ = nullptr;
inline std::string LiveAdminTest::password_file_;

}  // namespace galaxy::admin::test
