// The admin API end to end against a running ServerApp (docs/admin-api.md): authentication on
// every route, validation, what each route does to the world and the database, the audit trail,
// and settings that survive a restart.
#include <chrono>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "auth/jwt.hpp"
#include "db/admin_store.hpp"
#include "engine/engine.hpp"
#include "server/support/api_helpers.hpp"
#include "server/support/test_server.hpp"

namespace galaxy::test {
namespace {

using boost::beast::http::verb;

constexpr char kAdminPassword[] = "admin-password-for-tests";
constexpr char kPlayerPassword[] = "correct horse battery";

// Every route of the API but login, with a body that would be valid.
struct RouteCase {
    verb method;
    std::string target;
    std::string body;
};
const std::vector<RouteCase>& admin_routes() {
    static const std::vector<RouteCase> kRoutes{
        {verb::get, "/api/admin/status", ""},
        {verb::get, "/api/admin/settings", ""},
        {verb::patch, "/api/admin/settings", R"({"paused":false})"},
        {verb::get, "/api/admin/audit", ""},
        {verb::get, "/api/admin/snapshots", ""},
        {verb::post, "/api/admin/snapshots", "{}"},
        {verb::post, "/api/admin/snapshots/1/restore", "{}"},
        {verb::post, "/api/admin/world/reset", "{}"},
        {verb::get, "/api/admin/stations", ""},
        {verb::post, "/api/admin/stations",
         R"({"name":"X","body":"Earth","altitude_m":500000})"},
        {verb::delete_, "/api/admin/stations/1", ""},
        {verb::get, "/api/admin/map", ""},
        {verb::get, "/api/admin/players", ""},
        {verb::post, "/api/admin/players/1/password", R"({"password":"new-password"})"},
        {verb::post, "/api/admin/players/1/disconnect", "{}"},
        {verb::delete_, "/api/admin/players/1", ""},
    };
    return kRoutes;
}

class ApiAdminTest : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        server_ = new TestServer();
        server_->config().admin_password = kAdminPassword;
        ASSERT_TRUE(server_->start());
        token_ = admin_token();
    }
    static void TearDownTestSuite() {
        delete server_;
        server_ = nullptr;
    }
    static std::uint16_t port() { return server_->port(); }

    static std::string admin_token() {
        const HttpResult res = post_json(port(), "/api/admin/login",
                                         {{"username", "admin"}, {"password", kAdminPassword}});
        EXPECT_EQ(res.status, 200) << res.body;
        return res.json().value("token", "");
    }
    static HttpResult call(verb method, const std::string& target, const std::string& body = {}) {
        return http_request(port(), method, target, body, bearer(token_));
    }
    static nlohmann::json ok(verb method, const std::string& target, const std::string& body = {},
                             int status = 200) {
        const HttpResult res = call(method, target, body);
        EXPECT_EQ(res.status, status) << target << ": " << res.body;
        return res.json();
    }
    static std::uint64_t tick() {
        return ok(verb::get, "/api/admin/status")["tick"].get<std::uint64_t>();
    }

    static TestServer* server_;
    static std::string token_;
};

TestServer* ApiAdminTest::server_ = nullptr;
std::string ApiAdminTest::token_;

TEST_F(ApiAdminTest, EveryRouteRefusesRequestsWithoutAnAdminToken) {
    // A player's token is a valid token of the wrong role.
    const HttpResult reg = register_player(port(), "auth_probe", kPlayerPassword);
    ASSERT_EQ(reg.status, 201) << reg.body;
    const std::string player_token = reg.json()["token"];
    server::JwtClaims expired;
    expired.player_id = 1;
    expired.username = "admin";
    expired.role = "admin";
    expired.issued_at = 1000;
    expired.expires_at = 2000;
    const std::string expired_token = server::jwt_sign(expired, kTestJwtSecret);

    for (const RouteCase& route : admin_routes()) {
        SCOPED_TRACE(route.target);
        const HttpResult none = http_request(port(), route.method, route.target, route.body);
        EXPECT_EQ(none.status, 401);
        EXPECT_EQ(none.json().value("code", ""), "E007");
        EXPECT_EQ(none.header("www-authenticate"), "Bearer");
        const HttpResult player =
            http_request(port(), route.method, route.target, route.body, bearer(player_token));
        EXPECT_EQ(player.status, 401);
        EXPECT_EQ(player.json().value("message", ""), "an admin token is required");
        const HttpResult old =
            http_request(port(), route.method, route.target, route.body, bearer(expired_token));
        EXPECT_EQ(old.status, 401);
        const HttpResult forged =
            http_request(port(), route.method, route.target, route.body, bearer(token_ + "x"));
        EXPECT_EQ(forged.status, 401);
    }
}

TEST_F(ApiAdminTest, LoginRefusesWrongCredentialsAndAuditsThem) {
    const HttpResult wrong = post_json(port(), "/api/admin/login",
                                       {{"username", "admin"}, {"password", "not-the-password"}});
    EXPECT_EQ(wrong.status, 401);
    EXPECT_EQ(wrong.json().value("code", ""), "E020");
    const HttpResult unknown = post_json(port(), "/api/admin/login",
                                         {{"username", "nobody"}, {"password", kAdminPassword}});
    EXPECT_EQ(unknown.status, 401);
    EXPECT_EQ(unknown.json().value("code", ""), "E020");
    // The player API does not accept admins, nor the admin API players.
    EXPECT_EQ(login(port(), "admin", kAdminPassword).status, 401);

    const nlohmann::json audit = ok(verb::get, "/api/admin/audit?limit=50");
    int failed_logins = 0;
    for (const nlohmann::json& e : audit["entries"]) {
        if (e["action"] == "login" && !e["ok"].get<bool>()) ++failed_logins;
        EXPECT_EQ(e["details"].dump().find(kAdminPassword), std::string::npos);
    }
    EXPECT_GE(failed_logins, 2);
}

TEST_F(ApiAdminTest, UnknownRoutesAndWrongMethodsAreNamed) {
    EXPECT_EQ(call(verb::get, "/api/admin/nothing").status, 404);
    const HttpResult wrong = call(verb::put, "/api/admin/status");
    EXPECT_EQ(wrong.status, 405);
    EXPECT_EQ(wrong.header("allow"), "GET");
    EXPECT_EQ(call(verb::get, "/api/admin/players/abc/password").status, 405);
    EXPECT_EQ(call(verb::post, "/api/admin/players/abc/password",
                   R"({"password":"new-password"})").status, 404);
}

TEST_F(ApiAdminTest, ValidationErrorsSayWhatIsWrong) {
    struct Bad {
        verb method;
        std::string target;
        std::string body;
        std::string code;
    };
    const std::vector<Bad> cases{
        {verb::patch, "/api/admin/settings", "{}", "E003"},
        {verb::patch, "/api/admin/settings", "[1]", "E001"},
        {verb::patch, "/api/admin/settings", "{nope", "E001"},
        {verb::patch, "/api/admin/settings", R"({"tick_rate_hz":100})", "E004"},
        {verb::patch, "/api/admin/settings", R"({"tick_rate_hz":"10"})", "E003"},
        {verb::patch, "/api/admin/settings", R"({"time_scale":0})", "E004"},
        {verb::patch, "/api/admin/settings", R"({"paused":1})", "E003"},
        {verb::patch, "/api/admin/settings", R"({"colour":"red"})", "E003"},
        {verb::post, "/api/admin/snapshots", R"({"label":"bad\nlabel"})", "E005"},
        {verb::post, "/api/admin/snapshots", R"({"label":")" + std::string(65, 'x') + "\"}",
         "E005"},
        {verb::post, "/api/admin/stations", R"({"name":"S","body":"Earth"})", "E003"},
        {verb::post, "/api/admin/stations", R"({"name":"S","body":"Earth","altitude_m":10})",
         "E004"},
        {verb::post, "/api/admin/stations", R"({"name":"S","body":"Vulcan","altitude_m":5e5})",
         "E003"},
        {verb::post, "/api/admin/stations",
         R"({"name":"S","body":"Earth","altitude_m":5e5,"inclination_deg":200})", "E004"},
        {verb::get, "/api/admin/players?limit=0", "", "E004"},
        {verb::get, "/api/admin/players?limit=501", "", "E004"},
        {verb::get, "/api/admin/players?sort=name", "", "E003"},
        {verb::get, "/api/admin/audit?limit=x", "", "E004"},
    };
    for (const Bad& bad : cases) {
        SCOPED_TRACE(bad.target + " " + bad.body);
        const HttpResult res = call(bad.method, bad.target, bad.body);
        EXPECT_EQ(res.status, 400) << res.body;
        EXPECT_EQ(res.json().value("code", ""), bad.code) << res.body;
        EXPECT_FALSE(res.json().value("message", "").empty());
    }
    const HttpResult short_password =
        call(verb::post, "/api/admin/players/1/password", R"({"password":"short"})");
    EXPECT_EQ(short_password.status, 400);
    EXPECT_EQ(short_password.json().value("code", ""), "E005");
}

TEST_F(ApiAdminTest, StatusReportsTheWorldAndTheServer) {
    const nlohmann::json s = ok(verb::get, "/api/admin/status");
    for (const char* key : {"tick", "game_time_s", "game_time_utc", "tick_rate_hz",
                            "actual_tick_rate_hz", "time_scale", "paused", "time_sync",
                            "time_sync_drift_s", "ticks_behind", "tick_duration_p50_ms",
                            "tick_duration_p99_ms", "players_online", "players_total", "ships",
                            "stations", "connections", "database_up", "last_snapshot_tick",
                            "last_snapshot_age_s", "journal_lag_ticks", "registration_open",
                            "bytes_sent_total", "uptime_s"}) {
        EXPECT_TRUE(s.contains(key)) << key;
    }
    EXPECT_TRUE(s["database_up"].get<bool>());
    EXPECT_EQ(s["stations"], 2);  // Gateway Station and Frontier Outpost
    EXPECT_EQ(s["game_time_utc"].get<std::string>().substr(0, 4), "2000");
    EXPECT_GE(s["tick_duration_p99_ms"].get<double>(), s["tick_duration_p50_ms"].get<double>());
}

TEST_F(ApiAdminTest, PauseStopsTheTicksAndResumeRestartsThem) {
    ok(verb::patch, "/api/admin/settings", R"({"paused":true})");
    std::this_thread::sleep_for(std::chrono::milliseconds(300));  // the boundary applies it
    const std::uint64_t paused_at = tick();
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
    EXPECT_EQ(tick(), paused_at);
    EXPECT_TRUE(ok(verb::get, "/api/admin/status")["paused"].get<bool>());
    // A paused world spawns no ship, so a registration cannot complete: refused at once.
    const HttpResult refused = register_player(port(), "paused_pilot", kPlayerPassword);
    EXPECT_EQ(refused.status, 503);
    EXPECT_EQ(refused.json().value("code", ""), "E023");
    ok(verb::patch, "/api/admin/settings", R"({"paused":false})");
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
    EXPECT_GT(tick(), paused_at);
}

TEST_F(ApiAdminTest, SnapshotsAreCreatedListedAndRestored) {
    const nlohmann::json created =
        ok(verb::post, "/api/admin/snapshots", R"({"label":"before the station"})", 201);
    const nlohmann::json snapshot = created["snapshot"];
    EXPECT_EQ(snapshot["kind"], "manual");
    EXPECT_EQ(snapshot["label"], "before the station");
    EXPECT_EQ(snapshot["state_hash"].get<std::string>().size(), 16u);
    const std::int64_t id = snapshot["id"];

    const nlohmann::json listed = ok(verb::get, "/api/admin/snapshots");
    bool found = false;
    for (const nlohmann::json& s : listed["snapshots"]) found = found || s["id"] == id;
    EXPECT_TRUE(found);

    const nlohmann::json station = ok(verb::post, "/api/admin/stations",
                                      R"({"name":"Temporary","body":"Earth","altitude_m":7e5})",
                                      201)["station"];
    EXPECT_EQ(ok(verb::get, "/api/admin/status")["stations"], 3);

    const std::uint64_t before = tick();
    const nlohmann::json restored =
        ok(verb::post, "/api/admin/snapshots/" + std::to_string(id) + "/restore", "{}");
    EXPECT_EQ(restored["restored_id"], id);
    EXPECT_GE(restored["tick"].get<std::uint64_t>(), before);  // ticks never go back
    // Not the snapshot's hash: the restored world keeps the ids already given (next ship and
    // station id), so that no id is given twice.
    EXPECT_EQ(restored["state_hash"].get<std::string>().size(), 16u);
    const nlohmann::json stations = ok(verb::get, "/api/admin/stations")["stations"];
    for (const nlohmann::json& s : stations) EXPECT_NE(s["name"], "Temporary");
    EXPECT_EQ(call(verb::post, "/api/admin/snapshots/999999/restore", "{}").status, 404);
}

TEST_F(ApiAdminTest, StationsAreSpawnedAndRemoved) {
    const nlohmann::json station =
        ok(verb::post, "/api/admin/stations",
           R"({"name":"Luna Base","body":"moon","altitude_m":200000,"inclination_deg":30})",
           201)["station"];
    EXPECT_EQ(station["body"], "Moon");
    EXPECT_NEAR(station["altitude_m"].get<double>(), 200000.0, 1.0);
    const std::string target = "/api/admin/stations/" + std::to_string(station["id"].get<int>());
    EXPECT_EQ(ok(verb::delete_, target)["removed"], station["id"]);
    EXPECT_EQ(call(verb::delete_, target).status, 404);
}

TEST_F(ApiAdminTest, PlayersAreListedSearchedAndManaged) {
    ASSERT_EQ(register_player(port(), "Managed_Pilot", kPlayerPassword).status, 201);
    const nlohmann::json found = ok(verb::get, "/api/admin/players?search=managed_p");
    ASSERT_EQ(found["total"], 1);
    const nlohmann::json player = found["players"][0];
    EXPECT_EQ(player["username"], "Managed_Pilot");
    EXPECT_FALSE(player["online"].get<bool>());
    const std::string base = "/api/admin/players/" + std::to_string(player["id"].get<int>());

    ok(verb::post, base + "/password", R"({"password":"a-new-password"})");
    EXPECT_EQ(login(port(), "Managed_Pilot", kPlayerPassword).status, 401);
    EXPECT_EQ(login(port(), "Managed_Pilot", "a-new-password").status, 200);

    EXPECT_FALSE(ok(verb::post, base + "/disconnect", "{}")["was_online"].get<bool>());
    const std::size_t ships = ok(verb::get, "/api/admin/status")["ships"];
    EXPECT_TRUE(ok(verb::delete_, base)["deleted"].get<bool>());
    EXPECT_EQ(ok(verb::get, "/api/admin/players?search=managed_p")["total"], 0);
    EXPECT_EQ(call(verb::delete_, base).status, 404);
    std::this_thread::sleep_for(std::chrono::milliseconds(300));  // removed at the next tick
    EXPECT_EQ(ok(verb::get, "/api/admin/status")["ships"], ships - 1);
}

TEST_F(ApiAdminTest, WorldResetNeedsItsConfirmationToken) {
    const HttpResult ask = call(verb::post, "/api/admin/world/reset", "{}");
    ASSERT_EQ(ask.status, 409);
    EXPECT_EQ(ask.json()["code"], "E027");
    const std::string token = ask.json()["confirm_token"];
    const HttpResult wrong =
        call(verb::post, "/api/admin/world/reset", R"({"confirm_token":"guess"})");
    EXPECT_EQ(wrong.status, 409);
    EXPECT_NE(wrong.json()["confirm_token"], token);

    ASSERT_EQ(register_player(port(), "reset_pilot", kPlayerPassword).status, 201);
    EXPECT_GT(ok(verb::get, "/api/admin/status")["ships"], 0);
    const nlohmann::json reset =
        ok(verb::post, "/api/admin/world/reset", "{\"confirm_token\":\"" + token + "\"}");
    EXPECT_TRUE(reset["reset"].get<bool>());
    EXPECT_EQ(ok(verb::get, "/api/admin/status")["ships"], 0);
    // Single use.
    EXPECT_EQ(call(verb::post, "/api/admin/world/reset", "{\"confirm_token\":\"" + token + "\"}")
                  .status,
              409);
}

TEST_F(ApiAdminTest, MapShowsBodiesShipsAndStations) {
    const nlohmann::json map = ok(verb::get, "/api/admin/map");
    std::set<std::string> names;
    for (const nlohmann::json& b : map["bodies"]) names.insert(b["name"].get<std::string>());
    EXPECT_TRUE(names.count("Earth"));
    EXPECT_TRUE(names.count("Moon"));
    EXPECT_FALSE(map["stations"].empty());
    EXPECT_TRUE(map["ships"].is_array());
}

TEST_F(ApiAdminTest, ActionsAreAudited) {
    ok(verb::patch, "/api/admin/settings", R"({"time_scale":2})");
    ok(verb::patch, "/api/admin/settings", R"({"time_scale":1})");
    const nlohmann::json entries = ok(verb::get, "/api/admin/audit?limit=5")["entries"];
    ASSERT_GE(entries.size(), 2u);
    EXPECT_EQ(entries[0]["action"], "settings");
    EXPECT_EQ(entries[0]["admin"], "admin");
    EXPECT_EQ(entries[0]["ip"], "127.0.0.1");
    EXPECT_EQ(entries[0]["details"]["time_scale"], 1.0);
    EXPECT_TRUE(entries[0]["ok"].get<bool>());
    EXPECT_EQ(entries[1]["details"]["time_scale"], 2.0);
}

// A restart on the same database keeps every setting an admin changed, and the bootstrap admin
// is not created twice (its password is not overwritten).
TEST(ApiAdminRestart, SettingsSurviveARestart) {
    TestDatabase database;
    {
        TestServer first(database.url());
        first.config().admin_password = kAdminPassword;
        ASSERT_TRUE(first.start());
        const HttpResult login_res = post_json(
            first.port(), "/api/admin/login", {{"username", "admin"}, {"password", kAdminPassword}});
        ASSERT_EQ(login_res.status, 200);
        const HttpResult res = http_request(
            first.port(), verb::patch, "/api/admin/settings",
            R"({"paused":true,"tick_rate_hz":20,"time_scale":50,"time_sync":true,"registration_open":false})",
            bearer(login_res.json()["token"]));
        ASSERT_EQ(res.status, 200) << res.body;
        first.shutdown();
    }
    TestServer second(database.url());
    second.config().admin_password = "a-different-password";
    ASSERT_TRUE(second.start());
    const server::EngineStatus s = second.app().engine()->status();
    EXPECT_TRUE(s.paused);
    EXPECT_EQ(s.tick_rate_hz, 20.0);
    EXPECT_EQ(s.time_scale, 50.0);
    EXPECT_TRUE(s.time_sync);
    EXPECT_FALSE(second.app().accounts().registration_open());
    EXPECT_EQ(register_player(second.port(), "late_pilot", kPlayerPassword).status, 403);
    EXPECT_EQ(post_json(second.port(), "/api/admin/login",
                        {{"username", "admin"}, {"password", kAdminPassword}})
                  .status,
              200);
}

}  // namespace
}  // namespace galaxy::test
