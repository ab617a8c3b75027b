// Joined players over the WebSocket gateway: commands are acknowledged and change the world
// that every client reproduces from its keyframe and the updates; chat; events; targeted
// notices; pings and keyframe requests. Runs a real server and real clients.
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

#include <gtest/gtest.h>

#include "galaxy/proto/protocol.hpp"
#include "server/support/ws_fixture.hpp"

namespace galaxy::test {
namespace {

using proto::ClientMessage;
using proto::ClientMessageType;
using proto::ErrorCode;
using proto::ServerMessageType;

ClientMessage throttle_command(std::uint32_t seq, double throttle) {
    ClientMessage control;
    control.type = ClientMessageType::Control;
    control.seq = seq;
    control.throttle = throttle;
    return control;
}

ClientMessage chat_message(const std::string& text) {
    ClientMessage chat;
    chat.type = ClientMessageType::Chat;
    chat.text = text;
    return chat;
}

class WsSessionTest : public WsServerTest {};

TEST_F(WsSessionTest, ControlIsAcknowledgedAndTheThrottleShowsInTheReproducedWorld) {
    WsPlayer pilot;
    ASSERT_TRUE(join(&pilot, "pilot"));
    const std::uint64_t keyframe_tick = pilot.world.tick;
    ASSERT_TRUE(pilot.client->send_text(encode(throttle_command(7, 0.5))));
    const auto ack = pilot.next(ServerMessageType::Ack);
    ASSERT_TRUE(ack);
    EXPECT_EQ(ack->seq, 7u);
    EXPECT_GT(ack->tick, keyframe_tick);  // applies at a tick after the one the client has

    ASSERT_TRUE(pilot.follow_until(ack->tick));
    const sim::Ship* ship = sim::find_ship(pilot.world.world, pilot.welcome.ship_id);
    ASSERT_NE(ship, nullptr);
    EXPECT_EQ(ship->controls.throttle, 0.5);
}

TEST_F(WsSessionTest, PlayersWhoJoinedAtDifferentTicksReproduceTheSameWorld) {
    WsPlayer early;
    ASSERT_TRUE(join(&early, "early"));
    ASSERT_TRUE(early.client->send_text(encode(throttle_command(1, 1.0))));
    ASSERT_TRUE(early.next(ServerMessageType::Ack));
    WsPlayer late;
    ASSERT_TRUE(join(&late, "late"));
    // The late keyframe already holds the early player's command and the late ship's spawn;
    // the early player gets there through updates only.
    const std::uint64_t common = late.world.tick + 5;
    ASSERT_TRUE(early.follow_until(common));
    ASSERT_TRUE(late.follow_until(common));
    ASSERT_EQ(early.world.tick, common);
    ASSERT_EQ(late.world.tick, common);
    EXPECT_EQ(sim::state_hash(early.world.world), sim::state_hash(late.world.world));
}

TEST_F(WsSessionTest, EachPlayerSeesTheOthersCommandsInTheUpdates) {
    WsPlayer alice;
    ASSERT_TRUE(join(&alice, "alice"));
    WsPlayer bob;
    ASSERT_TRUE(join(&bob, "bob"));
    ASSERT_TRUE(alice.client->send_text(encode(throttle_command(1, 0.25))));
    const auto ack = alice.next(ServerMessageType::Ack);
    ASSERT_TRUE(ack);

    ASSERT_TRUE(bob.follow_until(ack->tick));
    bool relayed = false;
    for (const proto::Update& update : bob.updates) {
        for (const proto::TickRecord& record : update.ticks) {
            for (const sim::Command& command : record.commands) {
                relayed |= command.type == sim::CommandType::SetThrottle &&
                           command.ship == alice.welcome.ship_id && command.value == 0.25;
            }
        }
    }
    EXPECT_TRUE(relayed);
    const sim::Ship* alices_ship = sim::find_ship(bob.world.world, alice.welcome.ship_id);
    ASSERT_NE(alices_ship, nullptr);
    EXPECT_EQ(alices_ship->controls.throttle, 0.25);
}

TEST_F(WsSessionTest, ChatReachesEveryPlayerIncludingTheSender) {
    WsPlayer alice;
    ASSERT_TRUE(join(&alice, "alice"));
    WsPlayer bob;
    ASSERT_TRUE(join(&bob, "bob"));
    const auto before_us =
        static_cast<std::uint64_t>(std::chrono::duration_cast<std::chrono::microseconds>(
                                       std::chrono::system_clock::now().time_since_epoch())
                                       .count());
    ASSERT_TRUE(alice.client->send_text(encode(chat_message("hello, bob"))));
    for (WsPlayer* player : {&alice, &bob}) {
        const auto chat = player->next(ServerMessageType::Chat);
        ASSERT_TRUE(chat);
        EXPECT_EQ(chat->from, "alice");
        EXPECT_EQ(chat->from_ship, alice.welcome.ship_id);
        EXPECT_EQ(chat->text, "hello, bob");
        EXPECT_GE(chat->server_time_us, before_us);
    }
}

TEST_F(WsSessionTest, ChatBeyondFivePerSecondIsRefusedWithE018) {
    WsPlayer chatter;
    ASSERT_TRUE(join(&chatter, "chatter"));
    // Six messages sent back to back arrive well within one second.
    for (int i = 0; i < proto::kMaxChatPerSecond + 1; ++i) {
        ASSERT_TRUE(chatter.client->send_text(encode(chat_message("msg " + std::to_string(i)))));
    }
    const auto error = chatter.next(ServerMessageType::Error);
    ASSERT_TRUE(error);
    EXPECT_EQ(error->code, ErrorCode::ChatRateLimited);
    int echoed = 0;
    while (chatter.next(ServerMessageType::Chat, 1.0)) ++echoed;
    EXPECT_EQ(echoed, proto::kMaxChatPerSecond);
    EXPECT_FALSE(chatter.client->closed());
}

TEST_F(WsSessionTest, TargetingAShipNotifiesItsPilot) {
    WsPlayer hunter;
    ASSERT_TRUE(join(&hunter, "hunter"));
    WsPlayer prey;
    ASSERT_TRUE(join(&prey, "prey"));
    ClientMessage target;
    target.type = ClientMessageType::Target;
    target.seq = 3;
    target.target = {sim::TargetKind::Ship, prey.welcome.ship_id};
    ASSERT_TRUE(hunter.client->send_text(encode(target)));
    const auto notice = prey.next(ServerMessageType::Event);
    ASSERT_TRUE(notice);
    EXPECT_EQ(notice->event, proto::EventKind::Targeted);
    EXPECT_EQ(notice->ship, prey.welcome.ship_id);
    EXPECT_EQ(notice->by_ship, hunter.welcome.ship_id);
}

TEST_F(WsSessionTest, APlayerJoiningIsAnnouncedToThoseAlreadyThere) {
    WsPlayer host;
    ASSERT_TRUE(join(&host, "host"));
    WsPlayer guest;
    ASSERT_TRUE(join(&guest, "guest"));
    std::optional<proto::ServerMessage> spawned;
    while ((spawned = host.next(ServerMessageType::Event))) {
        if (spawned->event == proto::EventKind::ShipSpawned) break;
    }
    ASSERT_TRUE(spawned);
    EXPECT_EQ(spawned->ship, guest.welcome.ship_id);
}

TEST_F(WsSessionTest, CommandTheWorldRefusesComesBackAsACommandRejectedEvent) {
    WsPlayer pilot;
    ASSERT_TRUE(join(&pilot, "undocked"));
    ClientMessage refuel;
    refuel.type = ClientMessageType::Service;
    refuel.seq = 4;
    refuel.service = proto::ServiceAction::Refuel;  // only while docked; new ships are not
    ASSERT_TRUE(pilot.client->send_text(encode(refuel)));
    std::optional<proto::ServerMessage> event;
    while ((event = pilot.next(ServerMessageType::Event))) {
        if (event->event == proto::EventKind::CommandRejected) break;
    }
    ASSERT_TRUE(event);  // it goes to the ship's pilot only, so it names no ship
    EXPECT_FALSE(event->reason.empty());
}

TEST_F(WsSessionTest, PingIsAnsweredWithTheNonceTheTickAndTheServerTime) {
    WsPlayer pilot;
    ASSERT_TRUE(join(&pilot, "pinger"));
    ASSERT_TRUE(pilot.client->send_text(ping_text(123456789)));
    const auto pong = pilot.next(ServerMessageType::Pong);
    ASSERT_TRUE(pong);
    EXPECT_EQ(pong->nonce, 123456789u);
    EXPECT_GE(pong->tick, pilot.world.tick);
    const auto now_us =
        static_cast<std::uint64_t>(std::chrono::duration_cast<std::chrono::microseconds>(
                                       std::chrono::system_clock::now().time_since_epoch())
                                       .count());
    // Same machine: the server's clock is the test's, give or take the round trip.
    EXPECT_LE(pong->server_time_us, now_us);
    EXPECT_GT(pong->server_time_us, now_us - 10'000'000);
}

TEST_F(WsSessionTest, KeyframeRequestBringsAFreshKeyframeAtMostOncePerSecond) {
    WsPlayer pilot;
    ASSERT_TRUE(join(&pilot, "resync"));
    ClientMessage request;
    request.type = ClientMessageType::KeyframeRequest;
    ASSERT_TRUE(pilot.client->send_text(encode(request)));
    ASSERT_TRUE(pilot.client->send_text(encode(request)));
    const auto error = pilot.next(ServerMessageType::Error);
    ASSERT_TRUE(error);
    EXPECT_EQ(error->code, ErrorCode::RateLimited);
    ASSERT_TRUE(pilot.pump_until([&] { return pilot.keyframes == 2; }));
    EXPECT_FALSE(pilot.client->closed());
}

TEST_F(WsSessionTest, CommandsAfterTheEngineStoppedAreRefusedWithE017) {
    WsPlayer pilot;
    ASSERT_TRUE(join(&pilot, "late"));
    server_.app().engine()->stop();
    ASSERT_TRUE(pilot.client->send_text(encode(throttle_command(9, 1.0))));
    const auto error = pilot.next(ServerMessageType::Error);
    ASSERT_TRUE(error);
    EXPECT_EQ(error->code, ErrorCode::InternalError);
    EXPECT_EQ(error->seq, 9u);
}

}  // namespace
}  // namespace galaxy::test
