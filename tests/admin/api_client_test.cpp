// The admin API client without a server: base URLs, and a server that accepts a connection
// but never answers (the request deadline).
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>

#include <gtest/gtest.h>

#include "galaxy/admin/api_client.hpp"

namespace galaxy::admin {
namespace {

TEST(AdminApiClient, BaseUrlsSplitIntoHostPortAndPrefix) {
    BaseUrl base;
    std::string error;
    ASSERT_TRUE(parse_base_url("http://localhost:8000", &base, &error)) << error;
    EXPECT_EQ(base.host, "localhost");
    EXPECT_EQ(base.port, 8000);
    EXPECT_EQ(base.prefix, "");

    ASSERT_TRUE(parse_base_url("http://galaxy.internal/game/", &base, &error)) << error;
    EXPECT_EQ(base.host, "galaxy.internal");
    EXPECT_EQ(base.port, 80);
    EXPECT_EQ(base.prefix, "/game");
}

TEST(AdminApiClient, UnusableBaseUrlsAreRefused) {
    const char* const bad[] = {
        "https://localhost:8443", "ftp://x",           "http://",          "http://:80",
        "http://host:0",          "http://host:65536", "http://host:port", "http://user@host",
        "http://host/?q=1"};
    for (const char* url : bad) {
        BaseUrl base;
        std::string error;
        EXPECT_FALSE(parse_base_url(url, &base, &error)) << url;
        EXPECT_FALSE(error.empty()) << url;
    }
    BaseUrl base;
    std::string error;
    parse_base_url("https://localhost:8443", &base, &error);
    EXPECT_NE(error.find("kubectl port-forward"), std::string::npos) << error;
}

TEST(AdminApiClient, AServerThatNeverAnswersTimesOut) {
    // A listening socket that never accepts: the kernel completes the handshake, nobody reads.
    const int listener = ::socket(AF_INET, SOCK_STREAM, 0);
    ASSERT_GE(listener, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    auto* generic = reinterpret_cast<sockaddr*>(&address);
    ASSERT_EQ(::bind(listener, generic, length), 0);
    ASSERT_EQ(::listen(listener, 1), 0);
    ASSERT_EQ(::getsockname(listener, generic, &length), 0);

    BaseUrl base{"127.0.0.1", ntohs(address.sin_port), ""};
    constexpr double kRequestTimeout_s = 0.3;  // short, so the test is quick
    ApiClient client(base, 5.0, kRequestTimeout_s);
    const auto start = std::chrono::steady_clock::now();
    const ApiResponse response = client.request("GET", "/api/admin/status");
    const double waited_s =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    ::close(listener);

    EXPECT_EQ(response.status, 0);
    EXPECT_EQ(response.transport_error,
              "no answer from 127.0.0.1:" + std::to_string(base.port) + " within 0.3 s");
    // It waited for the deadline, and not much longer (a loaded 2-core machine: 2 s margin).
    EXPECT_GE(waited_s, kRequestTimeout_s);
    EXPECT_LT(waited_s, kRequestTimeout_s + 2.0);
}

}  // namespace
}  // namespace galaxy::admin
