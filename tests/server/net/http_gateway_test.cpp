// The HTTP side of the gateway through a running ServerApp: static files, health, metrics,
// routing errors, request limits and connection handling.
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "server/support/http_client.hpp"
#include "server/support/test_server.hpp"

namespace galaxy::test {
namespace {

using boost::beast::http::verb;

// A Prometheus sample line: name{labels} value (std::regex is avoided: with the sanitizers
// g++ 12 warns inside its implementation).
bool is_sample_line(const std::string& line) {
    std::size_t i = 0;
    const auto name_char = [](char c, bool first) {
        return std::isalpha(static_cast<unsigned char>(c)) || c == '_' || c == ':' ||
               (!first && std::isdigit(static_cast<unsigned char>(c)));
    };
    while (i < line.size() && name_char(line[i], i == 0)) ++i;
    if (i == 0) return false;
    if (i < line.size() && line[i] == '{') {
        i = line.find('}', i);
        if (i == std::string::npos) return false;
        ++i;
    }
    if (i >= line.size() || line[i] != ' ') return false;
    const std::string value = line.substr(i + 1);
    if (value == "NaN" || value == "+Inf" || value == "-Inf") return true;
    char* end = nullptr;
    std::strtod(value.c_str(), &end);
    return !value.empty() && end == value.c_str() + value.size();
}

// One server for the suite: these tests only read, apart from the /admin files they add.
class HttpGatewayTest : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        server_ = new TestServer();
        const TempDir& web = server_->web();
        web.write("index.html", "<!doctype html><title>Galaxy</title>");
        web.write("js/app.js", "console.log(1);");
        web.write("css/site.css", "body{}");
        web.write("wasm/client.wasm", std::string("\0asm\1\0\0\0", 8));
        web.write("img/ship.png", "\x89PNG");
        web.write("img/logo.svg", "<svg/>");
        web.write("data/catalog.json", "{}");
        web.write("favicon.ico", "ico");
        web.write("sub/index.html", "sub page");
        web.write(".env", "SECRET=1");
        std::filesystem::create_symlink("/etc/passwd", web.path() / "escape.txt");
        ASSERT_TRUE(server_->start());
    }
    static void TearDownTestSuite() {
        delete server_;
        server_ = nullptr;
    }

    static HttpResult get(const std::string& target) {
        return http_request(server_->port(), verb::get, target);
    }
    // The status line of a raw exchange ("HTTP/1.1 400 Bad Request").
    static std::string raw_status(const std::string& bytes) {
        HttpClient client(server_->port());
        const std::string answer = client.raw(bytes);
        return answer.substr(0, answer.find("\r\n"));
    }

    static TestServer* server_;
};

TestServer* HttpGatewayTest::server_ = nullptr;

TEST_F(HttpGatewayTest, RootServesIndexHtml) {
    const HttpResult res = get("/");
    ASSERT_EQ(res.status, 200) << res.error;
    EXPECT_EQ(res.body, "<!doctype html><title>Galaxy</title>");
    EXPECT_EQ(res.header("content-type"), "text/html; charset=utf-8");
    EXPECT_EQ(res.header("x-content-type-options"), "nosniff");
}

TEST_F(HttpGatewayTest, FilesHaveTheContentTypeOfTheirExtension) {
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"/js/app.js", "text/javascript; charset=utf-8"},
        {"/css/site.css", "text/css; charset=utf-8"},
        {"/wasm/client.wasm", "application/wasm"},
        {"/img/ship.png", "image/png"},
        {"/img/logo.svg", "image/svg+xml"},
        {"/data/catalog.json", "application/json"},
        {"/favicon.ico", "image/x-icon"},
    };
    for (const auto& [target, type] : cases) {
        const HttpResult res = get(target);
        EXPECT_EQ(res.status, 200) << target;
        EXPECT_EQ(res.header("content-type"), type) << target;
    }
    EXPECT_EQ(get("/wasm/client.wasm").body, std::string("\0asm\1\0\0\0", 8));
}

TEST_F(HttpGatewayTest, DirectoryServesIndexAndRedirectsWithoutSlash) {
    EXPECT_EQ(get("/sub/").body, "sub page");
    const HttpResult redirect = get("/sub");
    EXPECT_EQ(redirect.status, 301);
    EXPECT_EQ(redirect.header("location"), "/sub/");
}

TEST_F(HttpGatewayTest, HeadAnswersLengthWithoutBody) {
    const HttpResult res = http_request(server_->port(), verb::head, "/js/app.js");
    EXPECT_EQ(res.status, 200);
    EXPECT_EQ(res.header("content-length"), "15");
    EXPECT_TRUE(res.body.empty());
}

TEST_F(HttpGatewayTest, TraversalAttemptsAreRefused) {
    // Sent raw: these targets are what an attacker's client sends, unnormalised.
    EXPECT_EQ(raw_status("GET /../etc/passwd HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"),
              "HTTP/1.1 400 Bad Request");
    EXPECT_EQ(raw_status("GET /%2e%2e/%2e%2e/etc/passwd HTTP/1.1\r\nHost: x\r\n"
                         "Connection: close\r\n\r\n"),
              "HTTP/1.1 400 Bad Request");
    EXPECT_EQ(raw_status("GET /sub/..%2f..%2fetc/passwd HTTP/1.1\r\nHost: x\r\n"
                         "Connection: close\r\n\r\n"),
              "HTTP/1.1 400 Bad Request");
    EXPECT_EQ(get("/escape.txt").status, 404);  // a symbolic link out of the root
    EXPECT_EQ(get("/.env").status, 404);        // dotfiles
}

TEST_F(HttpGatewayTest, MissingPageIsPlainAndMissingApiRouteIsJson) {
    const HttpResult page = get("/no/such/page.html");
    EXPECT_EQ(page.status, 404);
    EXPECT_EQ(page.header("content-type"), "text/html; charset=utf-8");
    const HttpResult api = get("/api/no/such/route");
    EXPECT_EQ(api.status, 404);
    EXPECT_EQ(api.header("content-type"), "application/json");
    EXPECT_EQ(api.code(), "E024");
}

TEST_F(HttpGatewayTest, AdminIsServedOnlyWhenItsFolderExists) {
    EXPECT_EQ(get("/admin/").status, 404);
    server_->web().write("admin/index.html", "admin page");
    const HttpResult res = get("/admin/");
    EXPECT_EQ(res.status, 200);
    EXPECT_EQ(res.body, "admin page");
    std::filesystem::remove_all(server_->web().path() / "admin");
}

TEST_F(HttpGatewayTest, WrongMethodIs405WithAllow) {
    const HttpResult api = http_request(server_->port(), verb::get, "/api/auth/login");
    EXPECT_EQ(api.status, 405);
    EXPECT_EQ(api.code(), "E025");
    EXPECT_EQ(api.header("allow"), "POST");
    const HttpResult del = http_request(server_->port(), verb::get, "/api/auth/account");
    EXPECT_EQ(del.status, 405);
    EXPECT_EQ(del.header("allow"), "DELETE");
    const HttpResult page = http_request(server_->port(), verb::post, "/", "{}");
    EXPECT_EQ(page.status, 405);
    EXPECT_EQ(page.header("allow"), "GET, HEAD");
    const HttpResult health = http_request(server_->port(), verb::delete_, "/health/live");
    EXPECT_EQ(health.status, 405);
    EXPECT_EQ(health.code(), "E025");
}

TEST_F(HttpGatewayTest, HealthLiveAndReady) {
    const HttpResult live = get("/health/live");
    EXPECT_EQ(live.status, 200);
    EXPECT_EQ(live.json(), nlohmann::json({{"status", "live"}}));
    const HttpResult ready = get("/health/ready");
    EXPECT_EQ(ready.status, 200);
    EXPECT_EQ(ready.json(), nlohmann::json({{"status", "ready"}}));
}

TEST_F(HttpGatewayTest, MetricsArePrometheusText) {
    get("/health/live");  // at least one request counted
    const HttpResult res = get("/metrics");
    ASSERT_EQ(res.status, 200);
    EXPECT_EQ(res.header("content-type"), "text/plain; version=0.0.4; charset=utf-8");
    std::istringstream lines(res.body);
    std::string line;
    int samples = 0;
    while (std::getline(lines, line)) {
        if (line.empty() || line[0] == '#') continue;
        EXPECT_TRUE(is_sample_line(line)) << line;
        ++samples;
    }
    EXPECT_GT(samples, 20);
    EXPECT_NE(res.body.find("\ngalaxy_database_up 1"), std::string::npos);
    EXPECT_NE(res.body.find("\ngalaxy_http_requests_total "), std::string::npos);
    EXPECT_NE(res.body.find("\ngalaxy_stations "), std::string::npos);
    EXPECT_EQ(res.body.find("\ngalaxy_http_requests_total 0\n"), std::string::npos);
}

TEST_F(HttpGatewayTest, KeepAliveConnectionServesSeveralRequests) {
    HttpClient client(server_->port());
    for (const char* target : {"/", "/health/live", "/js/app.js", "/nope"}) {
        const HttpResult res = client.request(verb::get, target);
        EXPECT_NE(res.status, 0) << target << ": " << res.error;
        EXPECT_TRUE(res.keep_alive) << target;
    }
}

TEST_F(HttpGatewayTest, OversizeBodyIs413) {
    const std::string body =
        R"({"username":"ann","password":")" + std::string(17 * 1024, 'p') + R"("})";
    const HttpResult res = http_request(server_->port(), verb::post, "/api/auth/register", body);
    EXPECT_EQ(res.status, 413) << res.error;
    EXPECT_EQ(res.code(), "E026");
    EXPECT_FALSE(res.keep_alive);
}

TEST_F(HttpGatewayTest, OversizeHeadersAre431) {
    const HttpResult res = http_request(server_->port(), verb::get, "/", {},
                                        {{"X-Filler", std::string(10 * 1024, 'x')}});
    EXPECT_EQ(res.status, 431) << res.error;
}

TEST_F(HttpGatewayTest, MalformedRequestIs400) {
    EXPECT_EQ(raw_status("NOT A REQUEST\r\n\r\n"), "HTTP/1.1 400 Bad Request");
}

TEST_F(HttpGatewayTest, WebSocketPathWithoutUpgradeIs426) { EXPECT_EQ(get("/ws").status, 426); }

TEST_F(HttpGatewayTest, JsonRoutesRefuseOtherContentTypes) {
    const HttpResult res = http_request(server_->port(), verb::post, "/api/auth/login",
                                        R"({"username":"ann","password":"12345678"})",
                                        {{"Content-Type", "text/plain"}});
    EXPECT_EQ(res.status, 415);
    EXPECT_EQ(res.code(), "E001");
    const HttpResult charset = http_request(server_->port(), verb::post, "/api/auth/login",
                                            R"({"username":"ann","password":"x"})",
                                            {{"Content-Type", "Application/JSON; charset=utf-8"}});
    EXPECT_EQ(charset.status, 401);  // accepted as JSON; the user does not exist
}

}  // namespace
}  // namespace galaxy::test
