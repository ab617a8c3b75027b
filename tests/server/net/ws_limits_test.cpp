// What the WebSocket gateway refuses: oversize messages, floods, binary frames, malformed
// input (each with its error code, the connection staying open), silent clients. Runs a real
// server and real clients.
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "galaxy/proto/protocol.hpp"
#include "server/support/ws_fixture.hpp"

namespace galaxy::test {
namespace {

using proto::ErrorCode;
using proto::ServerMessageType;
namespace close_code = proto::close_code;

class WsLimitsTest : public WsServerTest {};

TEST_F(WsLimitsTest, MessageOverTheSizeLimitClosesWith1009) {
    WsPlayer player;
    ASSERT_TRUE(join(&player, "verbose"));
    const std::string huge =
        "{\"type\":\"chat\",\"text\":\"" + std::string(proto::kMaxMessageBytes, 'a') + "\"}";
    player.client->send_text(huge);  // may fail half-way once the server has closed
    ASSERT_TRUE(player.client->wait_closed());
    EXPECT_EQ(player.client->close_code(), close_code::kTooBig);
    EXPECT_EQ(player.client->close_reason(), "Message too big");
}

TEST_F(WsLimitsTest, MessageOverTheSizeLimitInManyFramesClosesWith1009) {
    WsPlayer player;
    ASSERT_TRUE(join(&player, "fragmented"));
    // 20 frames of 1 KiB: no frame is large, the message is.
    player.client->send_fragmented(std::string(20 * 1024, 'a'), 1024);
    ASSERT_TRUE(player.client->wait_closed());
    EXPECT_EQ(player.client->close_code(), close_code::kTooBig);
}

TEST_F(WsLimitsTest, MessageOfExactlyTheLimitIsDecoded) {
    WsPlayer player;
    ASSERT_TRUE(join(&player, "precise"));
    // A valid envelope padded with spaces to the limit: JSON allows the whitespace.
    std::string text = ping_text(77);
    text.append(proto::kMaxMessageBytes - text.size(), ' ');
    ASSERT_TRUE(player.client->send_text(text));
    const auto pong = player.next(ServerMessageType::Pong);
    ASSERT_TRUE(pong);
    EXPECT_EQ(pong->nonce, 77u);
}

TEST_F(WsLimitsTest, FloodIsAnsweredWithE011ThenClosedWith1008) {
    WsPlayer player;
    ASSERT_TRUE(join(&player, "flooder"));
    // Sent back to back: far more than twice the limit within one second.
    for (int i = 0; i < 3 * proto::kMaxMessagesPerSecond; ++i) {
        if (!player.client->send_text(ping_text(static_cast<std::uint64_t>(i)))) break;
    }
    const auto error = player.next(ServerMessageType::Error);
    ASSERT_TRUE(error);
    EXPECT_EQ(error->code, ErrorCode::RateLimited);
    ASSERT_TRUE(player.client->wait_closed());
    EXPECT_EQ(player.client->close_code(), close_code::kPolicy);
    EXPECT_EQ(player.client->close_reason(), "Message rate limit exceeded");
    while (player.pump()) {
    }  // what arrived before the close
    int pongs = 0;
    int refusals = 1;  // the one read above
    for (const proto::ServerMessage& message : player.texts) {
        pongs += message.type == ServerMessageType::Pong ? 1 : 0;
        refusals += message.type == ServerMessageType::Error ? 1 : 0;
    }
    // Both limits count every message, the auth message too if it is still in the window:
    // 50 pass (49 then), the ones after them get E011 up to the 99th, the 100th closes.
    EXPECT_GE(pongs, proto::kMaxMessagesPerSecond - 1);
    EXPECT_LE(pongs, proto::kMaxMessagesPerSecond);
    EXPECT_EQ(refusals, proto::kMaxMessagesPerSecond - 1);
}

TEST_F(WsLimitsTest, BinaryMessageIsRefusedWithE014AndTheConnectionStaysOpen) {
    WsPlayer player;
    ASSERT_TRUE(join(&player, "binary"));
    ASSERT_TRUE(player.client->send_binary(std::string("\x02\x00\x01", 3)));
    const auto error = player.next(ServerMessageType::Error);
    ASSERT_TRUE(error);
    EXPECT_EQ(error->code, ErrorCode::BinaryNotAccepted);
    ASSERT_TRUE(player.client->send_text(ping_text(2)));
    EXPECT_TRUE(player.next(ServerMessageType::Pong));
}

struct MalformedCase {
    const char* what;
    std::string text;
    ErrorCode code;
};

TEST_F(WsLimitsTest, MalformedMessagesGetTheirErrorCodeAndTheConnectionStaysOpen) {
    WsPlayer player;
    ASSERT_TRUE(join(&player, "fuzzy"));
    const std::vector<MalformedCase> cases = {
        {"not JSON", "{\"type\":", ErrorCode::MalformedJson},
        {"JSON array", "[1,2,3]", ErrorCode::MalformedJson},
        {"JSON number", "42", ErrorCode::MalformedJson},
        {"no type", "{\"nonce\":1}", ErrorCode::UnknownType},
        {"unknown type", "{\"type\":\"warp\"}", ErrorCode::UnknownType},
        {"missing field", "{\"type\":\"ping\"}", ErrorCode::InvalidField},
        {"unknown field", "{\"type\":\"ping\",\"nonce\":1,\"x\":0}", ErrorCode::InvalidField},
        {"wrong type", "{\"type\":\"control\",\"seq\":1,\"throttle\":\"full\"}",
         ErrorCode::InvalidField},
        {"empty control", "{\"type\":\"control\",\"seq\":1}", ErrorCode::InvalidField},
        {"throttle over 1", "{\"type\":\"control\",\"seq\":1,\"throttle\":1.5}",
         ErrorCode::OutOfRange},
        {"huge number", "{\"type\":\"control\",\"seq\":1,\"throttle\":1e400}",
         ErrorCode::MalformedJson},
        {"rates too fast", "{\"type\":\"control\",\"seq\":1,\"rates\":[11,0,0]}",
         ErrorCode::OutOfRange},
        {"negative seq", "{\"type\":\"dock\",\"seq\":-1}", ErrorCode::OutOfRange},
        {"bad service", "{\"type\":\"service\",\"seq\":1,\"action\":\"explode\"}",
         ErrorCode::OutOfRange},
        {"empty chat", "{\"type\":\"chat\",\"text\":\"\"}", ErrorCode::InvalidString},
        {"long chat",
         "{\"type\":\"chat\",\"text\":\"" + std::string(proto::kMaxChatBytes + 1, 'a') + "\"}",
         ErrorCode::InvalidString},
        {"control character", "{\"type\":\"chat\",\"text\":\"a\\u0007b\"}",
         ErrorCode::InvalidString},
        {"long ship name",
         "{\"type\":\"rename\",\"seq\":1,\"name\":\"" + std::string(sim::kMaxNameLength + 1, 'n') +
             "\"}",
         ErrorCode::InvalidString},
    };
    for (const MalformedCase& c : cases) {
        SCOPED_TRACE(c.what);
        // Decode checks come before the message rate; stay well under it anyway.
        ASSERT_TRUE(player.client->send_text(c.text));
        const auto error = player.next(ServerMessageType::Error);
        ASSERT_TRUE(error);
        EXPECT_EQ(proto::error_code_string(error->code),
                  std::string(proto::error_code_string(c.code)))
            << error->message;
        EXPECT_FALSE(error->message.empty());
    }
    ASSERT_TRUE(player.client->send_text(ping_text(99)));
    const auto pong = player.next(ServerMessageType::Pong);
    ASSERT_TRUE(pong);
    EXPECT_EQ(pong->nonce, 99u);
    EXPECT_GE(server_.app()
                  .metrics()
                  .messages_rejected_total[static_cast<std::size_t>(ErrorCode::InvalidString)]
                  .load(),
              4u);
}

class WsIdleTest : public WsServerTest {
protected:
    static constexpr double kIdle_s = 1.0;
    void configure(server::ServerConfig& config) override { config.idle_timeout_s = kIdle_s; }
};

TEST_F(WsIdleTest, QuietClientThatAnswersPingsStaysConnected) {
    WsPlayer player;
    ASSERT_TRUE(join(&player, "quiet"));
    // Reading answers the server's pings; nothing closes the connection meanwhile.
    EXPECT_FALSE(player.client->wait_closed(3 * kIdle_s));
    EXPECT_GE(player.client->pings_received(), 1);
    ASSERT_TRUE(player.client->send_text(ping_text(1)));
    EXPECT_TRUE(player.next(ServerMessageType::Pong));
}

TEST_F(WsIdleTest, ClientThatStopsAnsweringIsClosedWith4007) {
    WsPlayer player;
    ASSERT_TRUE(join(&player, "frozen"));
    // The behaviour under test is the passing of time: the client neither reads nor answers
    // pings for longer than the idle timeout (the ping and the close wait in its socket).
    std::this_thread::sleep_for(std::chrono::duration<double>(2 * kIdle_s));
    ASSERT_TRUE(player.client->wait_closed());
    EXPECT_EQ(player.client->close_code(), close_code::kIdleTimeout);
}

}  // namespace
}  // namespace galaxy::test
