// SessionRegistry: who receives updates, events, notices, acks and chat; replacement of a
// player's previous session; the per-IP connection cap; close_all. Sessions are fake sinks
// that record what they were given.
#include "net/session_registry.hpp"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "core/metrics.hpp"
#include "galaxy/proto/server_message.hpp"

namespace galaxy::server {
namespace {

struct RecordingSink final : SessionSink {
    struct Close {
        std::uint16_t code = 0;
        std::string reason;
    };
    std::vector<std::string> texts;
    std::vector<Frame> frames;
    std::vector<Close> closes;

    void send_text(std::shared_ptr<const std::string> text) override { texts.push_back(*text); }
    void send_binary(Frame frame) override { frames.push_back(std::move(frame)); }
    void close(std::uint16_t code, std::string reason) override {
        closes.push_back({code, std::move(reason)});
    }

    // The text messages decoded; fails the test on any that does not decode.
    std::vector<proto::ServerMessage> messages() const {
        std::vector<proto::ServerMessage> out;
        for (const std::string& text : texts) {
            proto::ServerMessage message;
            proto::DecodeError error;
            EXPECT_TRUE(proto::decode_server_message(text, &message, &error)) << text;
            out.push_back(message);
        }
        return out;
    }
};

Frame make_frame(std::uint8_t kind, std::uint8_t marker) {
    return std::make_shared<const std::vector<std::uint8_t>>(
        std::vector<std::uint8_t>{kind, marker});
}

class RegistryTest : public ::testing::Test {
protected:
    Metrics metrics;
    SessionRegistry registry{&metrics};
    std::shared_ptr<RecordingSink> alice = std::make_shared<RecordingSink>();
    std::shared_ptr<RecordingSink> bob = std::make_shared<RecordingSink>();
};

TEST_F(RegistryTest, JoinGivesDistinctNonZeroIdsAndCountsPlayersOnline) {
    const std::uint64_t a = registry.join(1, "alice", 10, alice);
    const std::uint64_t b = registry.join(2, "bob", 11, bob);
    EXPECT_NE(a, 0u);
    EXPECT_NE(b, 0u);
    EXPECT_NE(a, b);
    EXPECT_EQ(registry.players_online(), 2u);
    EXPECT_EQ(metrics.players_online.load(), 2);
    registry.leave(a);
    EXPECT_EQ(registry.players_online(), 1u);
    EXPECT_EQ(metrics.players_online.load(), 1);
}

TEST_F(RegistryTest, SecondJoinOfAPlayerClosesThePreviousSessionWith4005) {
    auto second = std::make_shared<RecordingSink>();
    const std::uint64_t first_id = registry.join(1, "alice", 10, alice);
    const std::uint64_t second_id = registry.join(1, "alice", 10, second);
    ASSERT_EQ(alice->closes.size(), 1u);
    EXPECT_EQ(alice->closes[0].code, proto::close_code::kReplaced);
    EXPECT_FALSE(alice->closes[0].reason.empty());
    EXPECT_TRUE(second->closes.empty());
    EXPECT_EQ(registry.players_online(), 1u);

    // The old session leaving later must not unregister the new one.
    registry.leave(first_id);
    registry.deliver_keyframe(second_id, make_frame(1, 0), 5);
    EXPECT_EQ(second->frames.size(), 1u);
    registry.broadcast_chat(proto::ServerMessage{});
    EXPECT_EQ(second->texts.size(), 1u);
    EXPECT_TRUE(alice->texts.empty());
}

TEST_F(RegistryTest, UpdatesGoOnlyToSessionsThatHaveHadTheirKeyframe) {
    const std::uint64_t a = registry.join(1, "alice", 10, alice);
    registry.join(2, "bob", 11, bob);
    const Frame keyframe = make_frame(1, 7);
    registry.deliver_keyframe(a, keyframe, 7);
    const Frame update = make_frame(2, 8);
    registry.publish_update(update, proto::Update{});

    ASSERT_EQ(alice->frames.size(), 2u);
    EXPECT_EQ(alice->frames[0], keyframe);
    EXPECT_EQ(alice->frames[1], update);
    EXPECT_TRUE(bob->frames.empty());
}

TEST_F(RegistryTest, KeyframeForAnUnknownSessionIsDropped) {
    registry.join(1, "alice", 10, alice);
    registry.deliver_keyframe(12345, make_frame(1, 0), 3);
    registry.publish_update(make_frame(2, 0), proto::Update{});
    EXPECT_TRUE(alice->frames.empty());
}

TEST_F(RegistryTest, WorldEventsGoToEveryJoinedSessionAndRejectionsOnlyToTheShipsOwner) {
    registry.join(1, "alice", 10, alice);
    registry.join(2, "bob", 11, bob);
    std::vector<sim::Event> events(4);
    events[0].type = sim::EventType::ShipSpawned;
    events[0].ship = 12;
    events[1].type = sim::EventType::Docked;
    events[1].ship = 11;
    events[1].station = 3;
    events[2].type = sim::EventType::CommandRejected;
    events[2].ship = 10;
    events[2].reason = "not docked";
    events[3].type = sim::EventType::Refueled;  // not a client event
    events[3].ship = 11;
    registry.publish_events(42, events);

    const auto to_alice = alice->messages();
    ASSERT_EQ(to_alice.size(), 3u);
    EXPECT_EQ(to_alice[0].event, proto::EventKind::ShipSpawned);
    EXPECT_EQ(to_alice[0].ship, 12u);
    EXPECT_EQ(to_alice[0].tick, 42u);
    EXPECT_EQ(to_alice[1].event, proto::EventKind::Docked);
    EXPECT_EQ(to_alice[1].station, 3u);
    EXPECT_EQ(to_alice[2].event, proto::EventKind::CommandRejected);
    EXPECT_EQ(to_alice[2].reason, "not docked");

    const auto to_bob = bob->messages();
    ASSERT_EQ(to_bob.size(), 2u);
    EXPECT_EQ(to_bob[0].event, proto::EventKind::ShipSpawned);
    EXPECT_EQ(to_bob[1].event, proto::EventKind::Docked);
    EXPECT_EQ(
        metrics.messages_rejected_total[static_cast<std::size_t>(proto::ErrorCode::CommandRejected)]
            .load(),
        1u);
}

TEST_F(RegistryTest, TargetingAShipSendsATargetedNoticeToThatShipsSession) {
    registry.join(1, "alice", 10, alice);
    registry.join(2, "bob", 11, bob);
    proto::Update update;
    update.ticks.resize(2);
    update.ticks[0].tick = 5;
    update.ticks[1].tick = 6;
    sim::Command at_alice;
    at_alice.type = sim::CommandType::SetTarget;
    at_alice.ship = 11;
    at_alice.target = {sim::TargetKind::Ship, 10};
    sim::Command at_body = at_alice;
    at_body.target = {sim::TargetKind::Body, 10};  // same id, but a body
    sim::Command at_self = at_alice;
    at_self.ship = 10;  // alice targets herself
    sim::Command throttle;
    throttle.type = sim::CommandType::SetThrottle;
    throttle.ship = 11;
    update.ticks[0].commands = {throttle, at_body};
    update.ticks[1].commands = {at_self, at_alice};
    registry.publish_update(make_frame(2, 0), update);

    const auto to_alice = alice->messages();
    ASSERT_EQ(to_alice.size(), 1u);
    EXPECT_EQ(to_alice[0].type, proto::ServerMessageType::Event);
    EXPECT_EQ(to_alice[0].event, proto::EventKind::Targeted);
    EXPECT_EQ(to_alice[0].ship, 10u);
    EXPECT_EQ(to_alice[0].by_ship, 11u);
    EXPECT_EQ(to_alice[0].tick, 6u);
    EXPECT_TRUE(bob->texts.empty());
}

TEST_F(RegistryTest, AcknowledgeSendsEachAckToItsOriginsSessionOnly) {
    const std::uint64_t a = registry.join(1, "alice", 10, alice);
    const std::uint64_t b = registry.join(2, "bob", 11, bob);
    registry.acknowledge({{a, 7}, {0, 8}, {b + a + 100, 9}, {b, 10}, {a, 11}}, 99);

    const auto to_alice = alice->messages();
    ASSERT_EQ(to_alice.size(), 2u);
    EXPECT_EQ(to_alice[0].type, proto::ServerMessageType::Ack);
    EXPECT_EQ(to_alice[0].seq, 7u);
    EXPECT_EQ(to_alice[0].tick, 99u);
    EXPECT_EQ(to_alice[1].seq, 11u);
    const auto to_bob = bob->messages();
    ASSERT_EQ(to_bob.size(), 1u);
    EXPECT_EQ(to_bob[0].seq, 10u);
}

TEST_F(RegistryTest, ChatReachesEveryJoinedSessionIncludingTheSender) {
    registry.join(1, "alice", 10, alice);
    registry.join(2, "bob", 11, bob);
    proto::ServerMessage chat;
    chat.type = proto::ServerMessageType::Chat;
    chat.from = "alice";
    chat.from_ship = 10;
    chat.text = "hello";
    chat.server_time_us = 1700000000000000;
    registry.broadcast_chat(chat);
    for (const auto& sink : {alice, bob}) {
        const auto received = sink->messages();
        ASSERT_EQ(received.size(), 1u);
        EXPECT_EQ(received[0].type, proto::ServerMessageType::Chat);
        EXPECT_EQ(received[0].from, "alice");
        EXPECT_EQ(received[0].text, "hello");
    }
}

TEST_F(RegistryTest, LeftSessionsReceiveNothing) {
    const std::uint64_t a = registry.join(1, "alice", 10, alice);
    registry.deliver_keyframe(a, make_frame(1, 0), 1);
    registry.leave(a);
    registry.publish_update(make_frame(2, 0), proto::Update{});
    registry.broadcast_chat(proto::ServerMessage{});
    registry.acknowledge({{a, 1}}, 2);
    EXPECT_EQ(alice->frames.size(), 1u);
    EXPECT_TRUE(alice->texts.empty());
    EXPECT_EQ(registry.players_online(), 0u);
}

TEST_F(RegistryTest, SessionsThatNoLongerExistAreSkipped) {
    registry.join(1, "alice", 10, alice);
    registry.join(2, "bob", 11, bob);
    bob.reset();  // the session object is gone without having left
    registry.broadcast_chat(proto::ServerMessage{});
    EXPECT_EQ(alice->texts.size(), 1u);
}

TEST_F(RegistryTest, RespawnedShipIdRoutesNoticesToTheNewShip) {
    const std::uint64_t a = registry.join(1, "alice", 10, alice);
    registry.set_ship(a, 20);
    std::vector<sim::Event> events(1);
    events[0].type = sim::EventType::CommandRejected;
    events[0].ship = 10;
    registry.publish_events(1, events);
    EXPECT_TRUE(alice->texts.empty());
    events[0].ship = 20;
    registry.publish_events(1, events);
    EXPECT_EQ(alice->texts.size(), 1u);
}

TEST_F(RegistryTest, DisconnectPlayerClosesOnlyThatPlayersSession) {
    registry.join(1, "alice", 10, alice);
    registry.join(2, "bob", 11, bob);
    registry.disconnect_player(2, proto::close_code::kAccountDeleted, "Account deleted");
    registry.disconnect_player(3, proto::close_code::kAccountDeleted, "Account deleted");
    EXPECT_TRUE(alice->closes.empty());
    ASSERT_EQ(bob->closes.size(), 1u);
    EXPECT_EQ(bob->closes[0].code, proto::close_code::kAccountDeleted);
}

TEST_F(RegistryTest, PerIpCapRefusesConnectionsOverTheLimitUntilOneCloses) {
    EXPECT_TRUE(registry.open_connection("10.0.0.1", 2));
    EXPECT_TRUE(registry.open_connection("10.0.0.1", 2));
    EXPECT_FALSE(registry.open_connection("10.0.0.1", 2));
    EXPECT_TRUE(registry.open_connection("10.0.0.2", 2));
    EXPECT_EQ(registry.connections(), 3u);
    EXPECT_EQ(metrics.ws_connections.load(), 3);
    EXPECT_EQ(metrics.ws_connections_total.load(), 3u);

    registry.close_connection("10.0.0.1");
    EXPECT_TRUE(registry.open_connection("10.0.0.1", 2));
    EXPECT_EQ(registry.connections(), 3u);
    EXPECT_EQ(metrics.ws_connections_total.load(), 4u);
}

TEST_F(RegistryTest, CloseAllClosesJoinedAndNotYetAuthenticatedSessionsOnce) {
    auto pending = std::make_shared<RecordingSink>();
    registry.attach(alice);
    registry.join(1, "alice", 10, alice);
    registry.attach(pending);
    registry.close_all(proto::close_code::kShuttingDown, "Server shutting down");
    for (const auto& sink : {alice, pending}) {
        ASSERT_EQ(sink->closes.size(), 1u);
        EXPECT_EQ(sink->closes[0].code, proto::close_code::kShuttingDown);
        EXPECT_EQ(sink->closes[0].reason, "Server shutting down");
    }
    registry.detach(pending.get());
    registry.close_all(proto::close_code::kShuttingDown, "again");
    EXPECT_EQ(pending->closes.size(), 1u);
}

}  // namespace
}  // namespace galaxy::server
