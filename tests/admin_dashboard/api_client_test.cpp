// The dashboard's request plumbing: requests leave through the sender with an id, answers come
// back by id to their handler, and a refused token (401 outside the login) is reported.
#include "api_client.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace galaxy::admin {
namespace {

struct Sent {
    std::uint32_t id;
    std::string method;
    std::string path;
    std::string body;
};

class ApiClientTest : public ::testing::Test {
protected:
    void SetUp() override {
        client.set_sender([this](std::uint32_t id, const std::string& method,
                                 const std::string& path, const std::string& body) {
            sent.push_back({id, method, path, body});
        });
    }
    ApiClient client;
    std::vector<Sent> sent;
};

TEST_F(ApiClientTest, SendsMethodPathAndJsonBodyAndAnswersTheMatchingHandler) {
    std::vector<std::string> answered;
    client.send("PATCH", "/api/admin/settings", {{"paused", true}},
                [&](const ApiResponse& r) { answered.push_back("a:" + std::to_string(r.status)); });
    client.send("GET", "/api/admin/status", nullptr,
                [&](const ApiResponse& r) { answered.push_back("b:" + r.body); });
    ASSERT_EQ(sent.size(), 2u);
    EXPECT_EQ(sent[0].method, "PATCH");
    EXPECT_EQ(sent[0].body, "{\"paused\":true}");
    EXPECT_EQ(sent[1].body, "");  // null body: none sent
    EXPECT_NE(sent[0].id, sent[1].id);
    // Answers may come back in any order.
    client.receive(sent[1].id, 200, "{\"tick\":1}");
    client.receive(sent[0].id, 200, "{}");
    EXPECT_EQ(answered, (std::vector<std::string>{"b:{\"tick\":1}", "a:200"}));
    EXPECT_EQ(client.in_flight(), 0u);
}

TEST_F(ApiClientTest, AnswersToUnknownOrRepeatedIdsAreIgnored) {
    int calls = 0;
    client.send("GET", "/api/admin/map", nullptr, [&](const ApiResponse&) { ++calls; });
    client.receive(sent[0].id + 100, 200, "{}");
    client.receive(sent[0].id, 200, "{}");
    client.receive(sent[0].id, 200, "{}");
    EXPECT_EQ(calls, 1);
}

TEST_F(ApiClientTest, AChannelIsBusyUntilItsAnswerArrives) {
    client.send("GET", "/api/admin/status", nullptr, nullptr, "status");
    EXPECT_TRUE(client.busy("status"));
    EXPECT_FALSE(client.busy("map"));
    client.receive(sent[0].id, 503, "{}");
    EXPECT_FALSE(client.busy("status"));
}

TEST_F(ApiClientTest, ForgottenRequestsAreNotAnsweredAfterALogout) {
    int calls = 0;
    client.send(
        "GET", "/api/admin/status", nullptr, [&](const ApiResponse&) { ++calls; }, "status");
    client.forget_all();
    EXPECT_FALSE(client.busy("status"));
    client.receive(sent[0].id, 200, "{}");
    EXPECT_EQ(calls, 0);
}

TEST_F(ApiClientTest, A401OutsideTheLoginReportsTheLostSessionBeforeTheHandler) {
    std::vector<std::string> order;
    client.set_unauthorized_handler(
        [&](const ApiResponse& r) { order.push_back("lost:" + r.error_text()); });
    client.send("POST", kLoginPath, nullptr, [&](const ApiResponse&) { order.push_back("login"); });
    client.send("GET", "/api/admin/status", nullptr,
                [&](const ApiResponse&) { order.push_back("status"); });
    const std::string refused = R"({"code":"E020","message":"wrong username or password"})";
    client.receive(sent[0].id, 401, refused);  // wrong credentials: not a lost session
    client.receive(sent[1].id, 401, R"({"code":"E007","message":"the token has expired"})");
    EXPECT_EQ(order,
              (std::vector<std::string>{"login", "lost:the token has expired (E007)", "status"}));
}

TEST_F(ApiClientTest, WithoutASenderARequestFailsLikeANetworkError) {
    ApiClient alone;
    int status = -1;
    alone.send("GET", "/api/admin/status", nullptr,
               [&](const ApiResponse& r) { status = r.status; });
    EXPECT_EQ(status, 0);
}

TEST(ApiResponseTest, ErrorTextIsTheServersMessageWithItsCodeAndRetryAfter) {
    ApiResponse response;
    response.status = 429;
    response.json = {{"code", "E022"}, {"message", "too many attempts"}, {"retry_after_s", 30}};
    EXPECT_EQ(response.error_text(), "too many attempts (E022): try again in 30 s");
    response.json = nlohmann::json::parse("<html>", nullptr, false);
    response.status = 502;
    EXPECT_EQ(response.error_text(), "the server answered HTTP 502");
    response.status = 0;
    EXPECT_EQ(response.error_text(), "cannot reach the server");
}

TEST(UrlEncodeTest, KeepsUnreservedCharactersAndEscapesTheRest) {
    EXPECT_EQ(url_encode("ace_01-x.y~"), "ace_01-x.y~");
    EXPECT_EQ(url_encode("a b&c=d/é"), "a%20b%26c%3Dd%2F%C3%A9");
}

}  // namespace
}  // namespace galaxy::admin
