// Fixture of the WebSocket gateway tests: an in-process server (test_server.hpp) and players
// that register over REST, connect, authenticate and follow the world from their keyframe.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "galaxy/proto/client_message.hpp"
#include "galaxy/proto/server_message.hpp"
#include "galaxy/proto/sync.hpp"
#include "galaxy/sim/hash.hpp"
#include "server/support/api_helpers.hpp"
#include "server/support/test_server.hpp"
#include "server/support/ws_client.hpp"

namespace galaxy::test {

inline constexpr char kTestPassword[] = "correct horse battery";

// A joined player: the connection, its welcome, and the world it follows (keyframe +
// updates). Text messages read while waiting for something else are kept for next().
struct WsPlayer {
    std::unique_ptr<WsClient> client = std::make_unique<WsClient>();
    proto::ServerMessage welcome;
    proto::Keyframe world;  // the latest keyframe, advanced by each update
    bool has_world = false;
    int keyframes = 0;                       // keyframes received
    std::vector<proto::Update> updates;      // every update received, in order
    std::deque<proto::ServerMessage> texts;  // text messages not yet taken by next()

    // Reads one message: text is kept, a keyframe replaces the world, an update advances it
    // (every state hash it carries is checked). False on timeout, close or an undecodable frame.
    bool pump(double timeout_s = 10.0) {
        std::optional<WsFrame> frame = client->read(timeout_s);
        if (!frame) return false;
        proto::DecodeError error;
        if (!frame->binary) {
            proto::ServerMessage message;
            if (!proto::decode_server_message(frame->data, &message, &error)) {
                ADD_FAILURE() << "undecodable text: " << frame->data;
                return false;
            }
            texts.push_back(std::move(message));
            return true;
        }
        const auto* bytes = reinterpret_cast<const std::uint8_t*>(frame->data.data());
        if (!frame->data.empty() && bytes[0] == proto::kFrameKeyframe) {
            proto::Keyframe keyframe;
            if (!proto::decode_keyframe(bytes, frame->data.size(), &keyframe, &error)) {
                ADD_FAILURE() << "keyframe: " << error.message;
                return false;
            }
            world = std::move(keyframe);
            has_world = true;
            ++keyframes;
            return true;
        }
        proto::Update update;
        if (!proto::decode_update(bytes, frame->data.size(), &update, &error)) {
            ADD_FAILURE() << "update: " << error.message;
            return false;
        }
        EXPECT_TRUE(has_world) << "an update before the keyframe";
        for (const proto::TickRecord& record : update.ticks) {
            if (record.tick <= world.tick) continue;  // already in the keyframe
            EXPECT_EQ(record.tick, world.tick + 1) << "updates skipped a tick";
            proto::apply_tick(world.world, record);
            world.tick = record.tick;
        }
        if (update.has_hash && !update.ticks.empty() && update.ticks.back().tick == world.tick) {
            EXPECT_EQ(sim::state_hash(world.world), update.state_hash)
                << "state hash differs at tick " << world.tick;
        }
        updates.push_back(std::move(update));
        return true;
    }

    // The next text message of the given type (earlier ones of other types stay kept).
    std::optional<proto::ServerMessage> next(proto::ServerMessageType type,
                                             double timeout_s = 10.0) {
        const auto deadline = std::chrono::steady_clock::now() + seconds(timeout_s);
        std::size_t checked = 0;
        while (true) {
            for (; checked < texts.size(); ++checked) {
                if (texts[checked].type == type) {
                    proto::ServerMessage found = std::move(texts[checked]);
                    texts.erase(texts.begin() + static_cast<std::ptrdiff_t>(checked));
                    return found;
                }
            }
            const auto now = std::chrono::steady_clock::now();
            if (now >= deadline || !pump(std::chrono::duration<double>(deadline - now).count())) {
                return std::nullopt;
            }
        }
    }

    // Reads until the world has reached tick.
    bool follow_until(std::uint64_t tick, double timeout_s = 10.0) {
        return pump_until([&] { return has_world && world.tick >= tick; }, timeout_s);
    }

    // Reads until condition() holds; false on timeout or close.
    template <class Condition>
    bool pump_until(Condition condition, double timeout_s = 10.0) {
        const auto deadline = std::chrono::steady_clock::now() + seconds(timeout_s);
        while (!condition()) {
            const auto now = std::chrono::steady_clock::now();
            if (now >= deadline || !pump(std::chrono::duration<double>(deadline - now).count())) {
                return false;
            }
        }
        return true;
    }

    static std::chrono::steady_clock::duration seconds(double s) {
        return std::chrono::duration_cast<std::chrono::steady_clock::duration>(
            std::chrono::duration<double>(s));
    }
};

// Polls condition (every 5 ms) until it holds or timeout_s passes: for server state that
// changes a moment after what the client can observe.
template <class Condition>
bool eventually(Condition condition, double timeout_s = 5.0) {
    const auto deadline = std::chrono::steady_clock::now() +
                          std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                              std::chrono::duration<double>(timeout_s));
    while (!condition()) {
        if (std::chrono::steady_clock::now() >= deadline) return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    return true;
}

inline std::string encode(const proto::ClientMessage& message) {
    return proto::encode_client_message(message);
}

inline std::string auth_text(const std::string& token, int version = proto::kProtocolVersion) {
    proto::ClientMessage auth;
    auth.type = proto::ClientMessageType::Auth;
    auth.token = token;
    auth.protocol_version = version;
    return encode(auth);
}

inline std::string ping_text(std::uint64_t nonce) {
    proto::ClientMessage ping;
    ping.type = proto::ClientMessageType::Ping;
    ping.nonce = nonce;
    return encode(ping);
}

class WsServerTest : public ::testing::Test {
protected:
    // Changes the configuration before the server starts.
    virtual void configure(server::ServerConfig& config) { (void)config; }

    void SetUp() override {
        configure(server_.config());
        ASSERT_TRUE(server_.start());
    }

    std::uint16_t port() const { return server_.port(); }

    // Registers a player and returns its token ("" after a test failure).
    std::string token_for(const std::string& username) {
        const HttpResult result = register_player(port(), username, kTestPassword);
        EXPECT_EQ(result.status, 201) << result.body;
        const nlohmann::json body = result.json();
        return body.is_object() && body.contains("token") ? body["token"].get<std::string>() : "";
    }

    // Authenticates an open client with token: a welcome, then the keyframe.
    ::testing::AssertionResult authenticate(WsPlayer* player, const std::string& token) {
        if (!player->client->send_text(auth_text(token))) {
            return ::testing::AssertionFailure() << "auth not sent";
        }
        std::optional<proto::ServerMessage> welcome =
            player->next(proto::ServerMessageType::Welcome);
        if (!welcome) {
            return ::testing::AssertionFailure()
                   << "no welcome (close " << player->client->close_code() << " "
                   << player->client->close_reason() << ")";
        }
        player->welcome = *welcome;
        if (!player->pump_until([&] { return player->has_world; })) {
            return ::testing::AssertionFailure() << "no keyframe";
        }
        return ::testing::AssertionSuccess();
    }

    // Registers username, connects and authenticates.
    ::testing::AssertionResult join(WsPlayer* player, const std::string& username) {
        const std::string token = token_for(username);
        if (token.empty()) return ::testing::AssertionFailure() << "registration failed";
        if (!player->client->connect(port())) {
            return ::testing::AssertionFailure() << "refused: " << player->client->refused_status;
        }
        return authenticate(player, token);
    }

    TestServer server_;
};

}  // namespace galaxy::test
