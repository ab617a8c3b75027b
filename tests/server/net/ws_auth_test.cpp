// The WebSocket gateway before a player has joined: admission (Origin, per-IP cap, world not
// ready), the auth state machine and its errors, welcome + keyframe, replacement of a previous
// session, shutdown. Runs a real server (test_server.hpp) and real clients (ws_client.hpp).
#include <string>
#include <thread>

#include <gtest/gtest.h>

#include "auth/jwt.hpp"
#include "galaxy/proto/protocol.hpp"
#include "net/session_registry.hpp"
#include "server/support/ws_fixture.hpp"

namespace galaxy::test {
namespace {

using proto::ErrorCode;
using proto::ServerMessageType;
namespace close_code = proto::close_code;

std::string error_code_of(const std::string& body) {
    const nlohmann::json json = nlohmann::json::parse(body, nullptr, false);
    return json.is_object() && json.contains("code") ? json["code"].get<std::string>() : "";
}

class WsAuthTest : public WsServerTest {};

TEST_F(WsAuthTest, MessagesBeforeAuthAreRefusedWithE006AndTheConnectionStaysOpen) {
    WsPlayer player;
    ASSERT_TRUE(player.client->connect(port()));
    ASSERT_TRUE(player.client->send_text(ping_text(1)));
    const auto error = player.client->read_message(ServerMessageType::Error);
    ASSERT_TRUE(error);
    EXPECT_EQ(error->code, ErrorCode::NotAuthenticated);
    EXPECT_TRUE(authenticate(&player, token_for("patient")));
}

TEST_F(WsAuthTest, BadTokenIsRefusedWithE007ThenClose4001) {
    WsClient client;
    ASSERT_TRUE(client.connect(port()));
    ASSERT_TRUE(client.send_text(auth_text("not.a.token")));
    const auto error = client.read_message(ServerMessageType::Error);
    ASSERT_TRUE(error);
    EXPECT_EQ(error->code, ErrorCode::AuthFailed);
    ASSERT_TRUE(client.wait_closed());
    EXPECT_EQ(client.close_code(), close_code::kAuthFailed);
    EXPECT_EQ(client.close_reason(), "Authentication failed");
}

TEST_F(WsAuthTest, TokenSignedWithAnotherSecretIsRefused) {
    server::JwtClaims claims;
    claims.player_id = 1;
    claims.username = "forger";
    claims.issued_at = 1;
    claims.expires_at = 4102444800;  // 2100
    const std::string forged = server::jwt_sign(claims, "another-secret-of-at-least-32-bytes!!");
    WsClient client;
    ASSERT_TRUE(client.connect(port()));
    ASSERT_TRUE(client.send_text(auth_text(forged)));
    const auto error = client.read_message(ServerMessageType::Error);
    ASSERT_TRUE(error);
    EXPECT_EQ(error->code, ErrorCode::AuthFailed);
    ASSERT_TRUE(client.wait_closed());
    EXPECT_EQ(client.close_code(), close_code::kAuthFailed);
}

TEST_F(WsAuthTest, TokenOfAnUnknownPlayerIsRefused) {
    server::JwtClaims claims;
    claims.player_id = 999999;
    claims.username = "ghost";
    claims.issued_at = 1;
    claims.expires_at = 4102444800;
    WsClient client;
    ASSERT_TRUE(client.connect(port()));
    ASSERT_TRUE(client.send_text(auth_text(server::jwt_sign(claims, kTestJwtSecret))));
    const auto error = client.read_message(ServerMessageType::Error);
    ASSERT_TRUE(error);
    EXPECT_EQ(error->code, ErrorCode::AuthFailed);
    ASSERT_TRUE(client.wait_closed());
    EXPECT_EQ(client.close_code(), close_code::kAuthFailed);
}

TEST_F(WsAuthTest, ProtocolVersionMismatchIsRefusedWithE008ThenClose4002NamingBothVersions) {
    const std::string token = token_for("timetraveller");
    WsClient client;
    ASSERT_TRUE(client.connect(port()));
    ASSERT_TRUE(client.send_text(auth_text(token, proto::kProtocolVersion + 41)));
    const auto error = client.read_message(ServerMessageType::Error);
    ASSERT_TRUE(error);
    EXPECT_EQ(error->code, ErrorCode::VersionMismatch);
    const std::string theirs = std::to_string(proto::kProtocolVersion + 41);
    const std::string ours = std::to_string(proto::kProtocolVersion);
    EXPECT_NE(error->message.find(theirs), std::string::npos) << error->message;
    EXPECT_NE(error->message.find(ours), std::string::npos) << error->message;
    ASSERT_TRUE(client.wait_closed());
    EXPECT_EQ(client.close_code(), close_code::kVersionMismatch);
    EXPECT_NE(client.close_reason().find(theirs), std::string::npos);
}

TEST_F(WsAuthTest, NoAuthWithinTheHandshakeTimeoutCloses4003) {
    WsClient client;
    ASSERT_TRUE(client.connect(port()));
    // The deadline is the protocol's 5 s; allow for scheduling on a loaded machine.
    ASSERT_TRUE(client.wait_closed(proto::kHandshakeTimeout_s + 5.0));
    EXPECT_EQ(client.close_code(), close_code::kHandshakeTimeout);
    EXPECT_EQ(client.close_reason(), "Authentication timeout");
}

TEST_F(WsAuthTest, WelcomeDescribesThePlayerAndTheKeyframeHoldsItsShip) {
    WsPlayer player;
    ASSERT_TRUE(join(&player, "newcomer"));
    const proto::ServerMessage& welcome = player.welcome;
    EXPECT_EQ(welcome.protocol_version, proto::kProtocolVersion);
    EXPECT_EQ(welcome.username, "newcomer");
    EXPECT_NE(welcome.player_id, 0u);
    EXPECT_NE(welcome.ship_id, 0u);
    EXPECT_DOUBLE_EQ(welcome.tick_rate_hz, server_.config().tick_rate_hz);
    EXPECT_EQ(welcome.hash_interval_ticks, server_.config().hash_interval_ticks);
    const sim::Ship* ship = sim::find_ship(player.world.world, welcome.ship_id);
    ASSERT_NE(ship, nullptr);
    EXPECT_EQ(ship->name, "newcomer");
    EXPECT_EQ(server_.app().registry().players_online(), 1u);
    EXPECT_EQ(server_.app().metrics().players_online.load(), 1);
}

TEST_F(WsAuthTest, ReconnectingPlayerFliesTheSameShip) {
    const std::string token = token_for("returning");
    WsPlayer first;
    ASSERT_TRUE(first.client->connect(port()));
    ASSERT_TRUE(authenticate(&first, token));
    first.client->close();
    WsPlayer second;
    ASSERT_TRUE(second.client->connect(port()));
    ASSERT_TRUE(authenticate(&second, token));
    EXPECT_EQ(second.welcome.ship_id, first.welcome.ship_id);
}

TEST_F(WsAuthTest, SecondAuthOnTheSameConnectionIsRefusedWithE009) {
    WsPlayer player;
    ASSERT_TRUE(join(&player, "eager"));
    ASSERT_TRUE(player.client->send_text(auth_text("whatever")));
    const auto error = player.client->read_message(ServerMessageType::Error);
    ASSERT_TRUE(error);
    EXPECT_EQ(error->code, ErrorCode::AlreadyAuthenticated);
    EXPECT_FALSE(player.client->closed());
}

TEST_F(WsAuthTest, SecondLoginOfAPlayerClosesTheFirstSessionWith4005) {
    const std::string token = token_for("twin");
    WsPlayer first;
    ASSERT_TRUE(first.client->connect(port()));
    ASSERT_TRUE(authenticate(&first, token));
    WsPlayer second;
    ASSERT_TRUE(second.client->connect(port()));
    ASSERT_TRUE(authenticate(&second, token));
    ASSERT_TRUE(first.client->wait_closed());
    EXPECT_EQ(first.client->close_code(), close_code::kReplaced);

    ASSERT_TRUE(second.client->send_text(ping_text(5)));
    const auto pong = second.client->read_message(ServerMessageType::Pong);
    ASSERT_TRUE(pong);
    EXPECT_EQ(pong->nonce, 5u);
    EXPECT_EQ(server_.app().registry().players_online(), 1u);
}

TEST_F(WsAuthTest, ForeignOriginIsRefusedWith403BeforeUpgrading) {
    WsClient client;
    EXPECT_FALSE(client.connect(port(), {{"Origin", "https://evil.example"}}));
    EXPECT_EQ(client.refused_status, 403);
    EXPECT_FALSE(error_code_of(client.refused_body).empty()) << client.refused_body;
}

TEST_F(WsAuthTest, OriginOfTheServersOwnHostIsAccepted) {
    WsClient client;
    EXPECT_TRUE(client.connect(port(), {{"Origin", "http://127.0.0.1:" + std::to_string(port())}}));
}

class WsAllowListTest : public WsServerTest {
protected:
    void configure(server::ServerConfig& config) override {
        config.allowed_origins = {"https://galaxy.example"};
    }
};

TEST_F(WsAllowListTest, OnlyListedOriginsAreAccepted) {
    WsClient listed;
    EXPECT_TRUE(listed.connect(port(), {{"Origin", "https://galaxy.example"}}));
    WsClient own_host;
    EXPECT_FALSE(
        own_host.connect(port(), {{"Origin", "http://127.0.0.1:" + std::to_string(port())}}));
    EXPECT_EQ(own_host.refused_status, 403);
}

class WsConnectionCapTest : public WsServerTest {
protected:
    void configure(server::ServerConfig& config) override { config.max_connections_per_ip = 2; }
};

TEST_F(WsConnectionCapTest, ConnectionsOverThePerIpCapAreRefusedWith429UntilOneCloses) {
    WsClient first;
    WsClient second;
    ASSERT_TRUE(first.connect(port()));
    ASSERT_TRUE(second.connect(port()));
    WsClient third;
    EXPECT_FALSE(third.connect(port()));
    EXPECT_EQ(third.refused_status, 429);
    EXPECT_EQ(error_code_of(third.refused_body), "E022");

    first.close();
    ASSERT_TRUE(first.closed());
    // The server's session ends a moment after the client sees the close.
    ASSERT_TRUE(eventually([&] { return server_.app().registry().connections() == 1; }));
    WsClient fourth;
    EXPECT_TRUE(fourth.connect(port()));
}

TEST_F(WsAuthTest, ShutdownClosesJoinedAndUnauthenticatedSessionsWith1001) {
    WsPlayer player;
    ASSERT_TRUE(join(&player, "leaving"));
    WsClient anonymous;
    ASSERT_TRUE(anonymous.connect(port()));
    // Clients read while the server shuts down, as real ones do: the closing handshakes must
    // finish within the server's short drain period. Each client runs on its own thread.
    std::thread stopper([&] { server_.shutdown(); });
    std::thread other([&] { anonymous.wait_closed(); });
    const bool player_closed = player.client->wait_closed();
    other.join();
    stopper.join();
    ASSERT_TRUE(player_closed);
    EXPECT_EQ(player.client->close_code(), close_code::kShuttingDown);
    EXPECT_EQ(player.client->close_reason(), "Server shutting down");
    ASSERT_TRUE(anonymous.closed());
    EXPECT_EQ(anonymous.close_code(), close_code::kShuttingDown);
}

class WsNotReadyTest : public ::testing::Test {
protected:
    // Nothing listens on port 1: the world never loads.
    TestServer server_{"postgresql://galaxy@127.0.0.1:1/postgres"};
};

TEST_F(WsNotReadyTest, UpgradesAreRefusedWith503WhileTheWorldLoads) {
    ASSERT_TRUE(server_.start(false));
    WsClient client;
    EXPECT_FALSE(client.connect(server_.port()));
    EXPECT_EQ(client.refused_status, 503);
    EXPECT_EQ(error_code_of(client.refused_body), "E023");
}

}  // namespace
}  // namespace galaxy::test
