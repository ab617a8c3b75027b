// The REST accounts API end to end: register, login, refresh and delete through HTTP against
// a running ServerApp, with every validation error and every token failure.
#include <chrono>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "auth/jwt.hpp"
#include "auth/password.hpp"
#include "db/player_store.hpp"
#include "server/support/api_helpers.hpp"
#include "server/support/test_server.hpp"

namespace galaxy::test {
namespace {

using boost::beast::http::verb;
using server::JwtClaims;
using server::JwtError;

constexpr char kPassword[] = "correct horse battery";

std::int64_t unix_now() {
    return std::chrono::duration_cast<std::chrono::seconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

// One server for the suite; each test uses its own usernames.
class ApiAccountsTest : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        server_ = new TestServer();
        ASSERT_TRUE(server_->start());
    }
    static void TearDownTestSuite() {
        delete server_;
        server_ = nullptr;
    }
    static std::uint16_t port() { return server_->port(); }

    // Registers and returns the answer's JSON (asserting the 201).
    static nlohmann::json registered(const std::string& username, const std::string& ship = {}) {
        const HttpResult res = register_player(port(), username, kPassword, ship);
        EXPECT_EQ(res.status, 201) << res.body << res.error;
        return res.json();
    }

    static TestServer* server_;
};

TestServer* ApiAccountsTest::server_ = nullptr;

TEST_F(ApiAccountsTest, RegisterAnswersTokenAfterTheShipSpawned) {
    const HttpResult res = register_player(port(), "Reg_Pilot", kPassword);
    ASSERT_EQ(res.status, 201) << res.body;
    const nlohmann::json body = res.json();
    EXPECT_EQ(body["username"], "Reg_Pilot");
    EXPECT_EQ(body["ship_class"], "fast_frigate");
    ASSERT_TRUE(body["player_id"].is_number_integer());
    ASSERT_TRUE(body["ship_id"].is_number_integer());
    EXPECT_GT(body["ship_id"].get<int>(), 0);
    const std::int64_t expires_at = body["expires_at"].get<std::int64_t>();
    EXPECT_NEAR(static_cast<double>(expires_at - unix_now()),
                static_cast<double>(server::kJwtLifetime_s), 60.0);

    JwtClaims claims;
    ASSERT_EQ(
        server::jwt_verify(body["token"].get<std::string>(), kTestJwtSecret, unix_now(), &claims),
        JwtError::None);
    EXPECT_EQ(claims.player_id, body["player_id"].get<std::int64_t>());
    EXPECT_EQ(claims.username, "Reg_Pilot");
    EXPECT_EQ(claims.role, "player");

    server::PlayerRecord record;
    ASSERT_EQ(server_->app().players().find_by_username("reg_pilot", &record),
              server::StoreStatus::Ok);
    EXPECT_EQ(record.ship_id, body["ship_id"].get<std::uint32_t>());
    EXPECT_EQ(record.ship_class, "fast_frigate");
    EXPECT_EQ(record.password_hash.rfind("$argon2id$", 0), 0u);
}

TEST_F(ApiAccountsTest, RegisterKeepsTheChosenShipClass) {
    const nlohmann::json body = registered("Hauler_1", "cargo_hauler");
    EXPECT_EQ(body["ship_class"], "cargo_hauler");
    server::PlayerRecord record;
    ASSERT_EQ(server_->app().players().find_by_username("Hauler_1", &record),
              server::StoreStatus::Ok);
    EXPECT_EQ(record.ship_class, "cargo_hauler");
}

TEST_F(ApiAccountsTest, UsernameIsTakenCaseInsensitively) {
    registered("Taken_Name");
    const HttpResult again = register_player(port(), "taken_NAME", kPassword);
    EXPECT_EQ(again.status, 409);
    EXPECT_EQ(again.code(), "E019");
}

TEST_F(ApiAccountsTest, EveryInvalidBodyIsRefusedWithItsCode) {
    struct Case {
        const char* name;
        std::string body;
        int status;
        const char* code;
    };
    const std::string name33(33, 'n');
    const std::string pass129(129, 'p');
    const std::vector<Case> cases = {
        {"bad JSON", "{\"username\":", 400, "E001"},
        {"not an object", R"(["val_user","12345678"])", 400, "E001"},
        {"missing username", R"({"password":"12345678"})", 400, "E003"},
        {"missing password", R"({"username":"val_user"})", 400, "E003"},
        {"username wrong type", R"({"username":7,"password":"12345678"})", 400, "E003"},
        {"password wrong type", R"({"username":"val_user","password":["x"]})", 400, "E003"},
        {"ship_class wrong type",
         R"({"username":"val_user","password":"12345678","ship_class":{}})", 400, "E003"},
        {"username too short", R"({"username":"ab","password":"12345678"})", 400, "E005"},
        {"username too long", R"({"username":")" + name33 + R"(","password":"12345678"})", 400,
         "E005"},
        {"username bad characters", R"({"username":"val user!","password":"12345678"})", 400,
         "E005"},
        {"password too short", R"({"username":"val_user","password":"1234567"})", 400, "E005"},
        {"password too long", R"({"username":"val_user","password":")" + pass129 + R"("})", 400,
         "E005"},
        {"bad ship_class", R"({"username":"val_user","password":"12345678","ship_class":"x"})", 400,
         "E003"},
        {"unknown field", R"({"username":"val_user","password":"12345678","role":"admin"})", 400,
         "E003"},
        {"oversize body",
         R"({"username":"val_user","password":")" + std::string(16 * 1024, 'p') + R"("})", 413,
         "E026"},
    };
    for (const Case& c : cases) {
        const HttpResult res = http_request(port(), verb::post, "/api/auth/register", c.body);
        EXPECT_EQ(res.status, c.status) << c.name << ": " << res.body;
        EXPECT_EQ(res.code(), c.code) << c.name;
        EXPECT_EQ(res.header("content-type"), "application/json") << c.name;
    }
    // None of them created the account.
    server::PlayerRecord record;
    EXPECT_EQ(server_->app().players().find_by_username("val_user", &record),
              server::StoreStatus::NotFound);
}

TEST_F(ApiAccountsTest, LoginAnswersTokenForAnyCaseOfTheName) {
    const nlohmann::json reg = registered("Login_Ok");
    const HttpResult res = login(port(), "LOGIN_ok", kPassword);
    ASSERT_EQ(res.status, 200) << res.body;
    const nlohmann::json body = res.json();
    EXPECT_EQ(body["username"], "Login_Ok");
    EXPECT_EQ(body["player_id"], reg["player_id"]);
    EXPECT_EQ(body["ship_id"], reg["ship_id"]);
    JwtClaims claims;
    EXPECT_EQ(
        server::jwt_verify(body["token"].get<std::string>(), kTestJwtSecret, unix_now(), &claims),
        JwtError::None);
}

TEST_F(ApiAccountsTest, WrongPasswordAndUnknownUserLookAlike) {
    registered("Login_Bad");
    const HttpResult wrong = login(port(), "Login_Bad", "not the password");
    const HttpResult unknown = login(port(), "Nobody_Here", kPassword);
    EXPECT_EQ(wrong.status, 401);
    EXPECT_EQ(wrong.code(), "E020");
    EXPECT_EQ(unknown.status, 401);
    EXPECT_EQ(unknown.body, wrong.body);
}

TEST_F(ApiAccountsTest, RefreshAnswersANewTokenForTheSamePlayer) {
    const nlohmann::json reg = registered("Refresher");
    const HttpResult res = http_request(port(), verb::post, "/api/auth/refresh", {},
                                        bearer(reg["token"].get<std::string>()));
    ASSERT_EQ(res.status, 200) << res.body;
    JwtClaims claims;
    ASSERT_EQ(server::jwt_verify(res.json()["token"].get<std::string>(), kTestJwtSecret, unix_now(),
                                 &claims),
              JwtError::None);
    EXPECT_EQ(claims.player_id, reg["player_id"].get<std::int64_t>());
    EXPECT_EQ(res.json()["ship_id"], reg["ship_id"]);
}

TEST_F(ApiAccountsTest, BadTokensAre401) {
    const nlohmann::json reg = registered("Token_Owner");
    const std::string token = reg["token"].get<std::string>();
    std::string tampered = token;
    const std::size_t payload = tampered.find('.') + 3;
    tampered[payload] = tampered[payload] == 'A' ? 'B' : 'A';
    JwtClaims expired_claims;
    expired_claims.player_id = reg["player_id"].get<std::int64_t>();
    expired_claims.username = "Token_Owner";
    expired_claims.issued_at = unix_now() - 7200;
    expired_claims.expires_at = unix_now() - 3600;
    const std::string expired = server::jwt_sign(expired_claims, kTestJwtSecret);
    JwtClaims other_claims = expired_claims;
    other_claims.expires_at = unix_now() + 3600;
    const std::string other_secret =
        server::jwt_sign(other_claims, "another-secret-that-is-32-bytes-long!!");
    JwtClaims admin_claims = other_claims;
    admin_claims.role = "admin";
    const std::string admin = server::jwt_sign(admin_claims, kTestJwtSecret);

    const std::vector<std::pair<const char*, HttpHeaders>> cases = {
        {"no header", {}},
        {"other scheme", {{"Authorization", "Basic " + token}}},
        {"empty bearer", {{"Authorization", "Bearer "}}},
        {"garbage", bearer("not.a.token")},
        {"tampered", bearer(tampered)},
        {"expired", bearer(expired)},
        {"other secret", bearer(other_secret)},
        {"admin token", bearer(admin)},
    };
    for (const auto& [name, headers] : cases) {
        const HttpResult res = http_request(port(), verb::post, "/api/auth/refresh", {}, headers);
        EXPECT_EQ(res.status, 401) << name;
        EXPECT_EQ(res.code(), "E007") << name;
        EXPECT_EQ(res.header("www-authenticate"), "Bearer") << name;
    }
    const HttpResult res =
        http_request(port(), verb::post, "/api/auth/refresh", {}, bearer(expired));
    EXPECT_EQ(res.json()["message"], server::jwt_error_message(JwtError::Expired));
}

TEST_F(ApiAccountsTest, DeleteAccountRemovesThePlayer) {
    LogCapture log;
    const nlohmann::json reg = registered("Leaver");
    const std::string token = reg["token"].get<std::string>();
    const HttpResult res =
        http_request(port(), verb::delete_, "/api/auth/account",
                     nlohmann::json{{"password", kPassword}}.dump(), bearer(token));
    ASSERT_EQ(res.status, 200) << res.body;
    EXPECT_EQ(res.json()["deleted"], true);
    EXPECT_EQ(login(port(), "Leaver", kPassword).status, 401);
    EXPECT_EQ(http_request(port(), verb::post, "/api/auth/refresh", {}, bearer(token)).status, 401);
    server::PlayerRecord record;
    EXPECT_EQ(server_->app().players().find_by_username("Leaver", &record),
              server::StoreStatus::NotFound);
    const auto audit = log.events("account_deleted");
    ASSERT_EQ(audit.size(), 1u);
    EXPECT_EQ(audit[0]["ship_id"], reg["ship_id"]);
    EXPECT_EQ(audit[0]["audit"], true);
    // The name is free again.
    EXPECT_EQ(register_player(port(), "Leaver", kPassword).status, 201);
}

TEST_F(ApiAccountsTest, DeleteAccountNeedsTokenAndPassword) {
    const nlohmann::json reg = registered("Stayer");
    const std::string token = reg["token"].get<std::string>();
    const std::string body = nlohmann::json{{"password", "wrong password"}}.dump();
    const HttpResult wrong =
        http_request(port(), verb::delete_, "/api/auth/account", body, bearer(token));
    EXPECT_EQ(wrong.status, 401);
    EXPECT_EQ(wrong.code(), "E020");
    const HttpResult no_token = http_request(port(), verb::delete_, "/api/auth/account", body);
    EXPECT_EQ(no_token.status, 401);
    EXPECT_EQ(no_token.code(), "E007");
    const HttpResult no_body =
        http_request(port(), verb::delete_, "/api/auth/account", "{}", bearer(token));
    EXPECT_EQ(no_body.status, 400);
    EXPECT_EQ(no_body.code(), "E003");
    EXPECT_EQ(login(port(), "Stayer", kPassword).status, 200);
}

TEST_F(ApiAccountsTest, LoginReplacesHashesMadeWithOtherParameters) {
    LogCapture log;
    server::PasswordParams old_params;
    old_params.opslimit = crypto_pwhash_OPSLIMIT_MIN + 1;
    old_params.memlimit_bytes = crypto_pwhash_MEMLIMIT_MIN;
    std::string old_hash;
    ASSERT_TRUE(server::password_hash(kPassword, old_params, &old_hash));
    server::PlayerRecord record;
    ASSERT_EQ(server_->app().players().create("Old_Hash", old_hash, "fast_frigate", &record),
              server::StoreStatus::Ok);

    ASSERT_EQ(login(port(), "Old_Hash", kPassword).status, 200);
    ASSERT_EQ(server_->app().players().find_by_id(record.id, &record), server::StoreStatus::Ok);
    EXPECT_NE(record.password_hash, old_hash);
    server::PasswordParams current;
    current.opslimit = server_->config().argon2_opslimit;
    current.memlimit_bytes = server_->config().argon2_memlimit_bytes;
    EXPECT_FALSE(server::password_needs_rehash(record.password_hash, current));
    EXPECT_TRUE(server::password_verify(record.password_hash, kPassword));
    EXPECT_EQ(log.events("password_changed").size(), 1u);
}

TEST_F(ApiAccountsTest, AuditAndRequestLinesNeverCarrySecrets) {
    LogCapture log;
    const nlohmann::json reg = registered("Audited");
    login(port(), "Audited", "wrong password 1");
    const HttpResult ok = login(port(), "Audited", kPassword);
    ASSERT_EQ(ok.status, 200);

    const auto created = log.events("account_created");
    ASSERT_EQ(created.size(), 1u);
    EXPECT_EQ(created[0]["username"], "Audited");
    EXPECT_EQ(created[0]["ip"], "127.0.0.1");
    const auto failed = log.events("login_failed");
    ASSERT_EQ(failed.size(), 1u);
    EXPECT_EQ(failed[0]["reason"], "wrong_password");
    EXPECT_EQ(failed[0]["username"], "Audited");
    const auto requests = log.events("http_request");
    ASSERT_GE(requests.size(), 3u);
    EXPECT_EQ(requests[0]["method"], "POST");
    EXPECT_EQ(requests[0]["path"], "/api/auth/register");
    EXPECT_EQ(requests[0]["status"], 201);
    EXPECT_TRUE(requests[0]["duration_ms"].is_number());
    EXPECT_TRUE(requests[0]["bytes"].is_number());
    for (const std::string& line : log.lines()) {
        EXPECT_EQ(line.find(kPassword), std::string::npos) << line;
        EXPECT_EQ(line.find("wrong password 1"), std::string::npos) << line;
        EXPECT_EQ(line.find(reg["token"].get<std::string>()), std::string::npos) << line;
        EXPECT_EQ(line.find(ok.json()["token"].get<std::string>()), std::string::npos) << line;
    }
}

}  // namespace
}  // namespace galaxy::test
