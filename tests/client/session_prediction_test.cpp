// Session: the predicted world (own commands at once, pending commands until confirmed, game
// time extrapolated from the server clock and clamped when the server goes quiet).
#include "galaxy/client/session.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "client/session_fixture.hpp"
#include "galaxy/proto/client_message.hpp"

namespace galaxy::client {
namespace {

using test::count_type;
using test::FakeServer;
using test::feed;
using test::join;
using test::throttle_message;

// Game times are ~1e0..1e1 s here; stepping and subtracting them loses a few ulps at most.
constexpr double kTimeTolerance_s = 1e-9;

std::string ack(std::uint32_t seq, std::uint64_t tick) {
    proto::ServerMessage m;
    m.type = proto::ServerMessageType::Ack;
    m.seq = seq;
    m.tick = tick;
    return proto::encode_server_message(m);
}

double predicted_throttle(const Session& session) { return session.own_ship()->controls.throttle; }

double confirmed_throttle(const Session& session) {
    return sim::find_ship(session.confirmed_world(), session.own_ship_id())->controls.throttle;
}

TEST(SessionPrediction, OwnCommandIsPredictedBeforeAnyAck) {
    FakeServer server;
    Session session;
    join(session, server, 0.0);
    session.advance(0.0);
    session.take_outgoing();
    EXPECT_EQ(session.send_command(throttle_message(0.7), 10.0), 1u);
    EXPECT_EQ(predicted_throttle(session), 0.7);
    EXPECT_EQ(confirmed_throttle(session), 0.0);
    EXPECT_EQ(session.stats().pending_commands, 1u);
    const std::vector<std::string> out = session.take_outgoing();
    ASSERT_EQ(out.size(), 1u);
    proto::ClientMessage sent;
    proto::DecodeError error;
    ASSERT_TRUE(proto::decode_client_message(out[0], &sent, &error)) << error.message;
    EXPECT_EQ(sent.type, proto::ClientMessageType::Control);
    EXPECT_EQ(sent.seq, 1u);
    EXPECT_EQ(sent.throttle, 0.7);
    EXPECT_EQ(session.send_command(throttle_message(0.2), 11.0), 2u);  // seqs count up
}

TEST(SessionPrediction, CommandsNeedAWorldAndAShip) {
    FakeServer server;
    Session session;
    EXPECT_EQ(session.send_command(throttle_message(0.5), 0.0), 0u);
    join(session, server, 0.0);
    proto::ClientMessage chat;
    chat.type = proto::ClientMessageType::Chat;
    chat.text = "not a command";
    EXPECT_EQ(session.send_command(chat, 0.0), 0u);
    EXPECT_TRUE(session.take_outgoing().empty());
}

TEST(SessionPrediction, AckedCommandIsDroppedOnceTheConfirmedWorldHasIt) {
    FakeServer server;
    Session session;
    join(session, server, 0.0);
    session.advance(0.0);
    const std::uint32_t seq = session.send_command(throttle_message(0.7), 10.0);
    session.receive_text(ack(seq, 1), 50.0);  // applies at tick 1, which we do not have yet
    session.advance(50.0);
    EXPECT_EQ(session.stats().pending_commands, 1u);
    EXPECT_EQ(predicted_throttle(session), 0.7);
    proto::ClientMessage m = throttle_message(0.7);
    feed(session, server.tick_update(proto::commands_for(m, server.ship_id)), 100.0);
    session.advance(100.0);
    EXPECT_EQ(session.stats().pending_commands, 0u);
    EXPECT_EQ(confirmed_throttle(session), 0.7);
    EXPECT_EQ(predicted_throttle(session), 0.7);
}

TEST(SessionPrediction, RelayedCommandIsConfirmedBeforeItsAck) {
    FakeServer server;
    Session session;
    join(session, server, 0.0);
    session.advance(0.0);
    session.send_command(throttle_message(0.4), 10.0);
    session.send_command(throttle_message(0.9), 20.0);
    // The server relays the first in tick 1; the second is still on its way.
    feed(session, server.tick_update(proto::commands_for(throttle_message(0.4), server.ship_id)),
         100.0);
    session.advance(100.0);
    EXPECT_EQ(session.stats().pending_commands, 1u);
    EXPECT_EQ(confirmed_throttle(session), 0.4);
    EXPECT_EQ(predicted_throttle(session), 0.9);  // the pending one replayed on top
    session.receive_text(ack(1, 1), 110.0);       // late ack of the confirmed one: harmless
    EXPECT_EQ(session.stats().pending_commands, 1u);
}

TEST(SessionPrediction, PendingCommandSurvivesUpdatesWithoutIt) {
    FakeServer server;
    Session session;
    join(session, server, 0.0);
    session.advance(0.0);
    session.send_command(throttle_message(0.7), 10.0);
    feed(session, server.tick_update(), 100.0);
    session.advance(100.0);
    EXPECT_EQ(confirmed_throttle(session), 0.0);
    EXPECT_EQ(predicted_throttle(session), 0.7);
    EXPECT_EQ(session.stats().pending_commands, 1u);
}

TEST(SessionPrediction, RefusedCommandIsDroppedWithAWarning) {
    FakeServer server;
    Session session;
    join(session, server, 0.0);
    session.advance(0.0);
    const std::uint32_t seq = session.send_command(throttle_message(0.7), 10.0);
    proto::ServerMessage e;
    e.type = proto::ServerMessageType::Error;
    e.code = proto::ErrorCode::ServerBusy;
    e.message = "the command journal is backlogged";
    e.seq = seq;
    session.receive_text(proto::encode_server_message(e), 30.0);
    session.advance(40.0);
    EXPECT_EQ(session.stats().pending_commands, 0u);
    EXPECT_EQ(predicted_throttle(session), 0.0);
    const std::vector<Notice> notices = session.take_notices();
    ASSERT_EQ(notices.size(), 1u);
    EXPECT_EQ(notices[0].kind, NoticeKind::Warning);
    EXPECT_NE(notices[0].text.find("the command journal is backlogged"), std::string::npos);
    EXPECT_DOUBLE_EQ(notices[0].time_ms, 30.0);
}

TEST(SessionPrediction, UnconfirmedCommandTimesOut) {
    FakeServer server;
    SessionDef def;
    def.pending_timeout_ms = 1000.0;
    Session session(def);
    join(session, server, 0.0);
    session.advance(0.0);
    session.send_command(throttle_message(0.7), 0.0);
    session.advance(1000.0);
    EXPECT_EQ(session.stats().pending_commands, 1u);
    session.advance(1001.0);
    EXPECT_EQ(session.stats().pending_commands, 0u);
    EXPECT_EQ(predicted_throttle(session), 0.0);
}

TEST(SessionPrediction, LeadFollowsTheServerClockAndIsClampedWhenUpdatesStop) {
    FakeServer server;
    Session session;             // max_lead_ms 500
    join(session, server, 0.0);  // the keyframe syncs the clock: server epoch at client 0
    const double t0 = session.confirmed_world().game_time_s;
    session.advance(50.0);
    EXPECT_NEAR(session.stats().lead_game_s, 0.05, kTimeTolerance_s);  // time scale 1
    EXPECT_NEAR(session.world().game_time_s, t0 + 0.05, kTimeTolerance_s);
    session.advance(400.0);
    EXPECT_NEAR(session.stats().lead_game_s, 0.4, kTimeTolerance_s);
    session.advance(2000.0);  // no update for 2 s: the view stops 500 ms past the last one
    EXPECT_NEAR(session.stats().lead_game_s, 0.5, kTimeTolerance_s);
    session.advance(60000.0);
    EXPECT_NEAR(session.world().game_time_s, t0 + 0.5, kTimeTolerance_s);
}

TEST(SessionPrediction, PredictedTimeNeverGoesBack) {
    FakeServer server;
    Session session;
    join(session, server, 0.0);
    double last = session.confirmed_world().game_time_s;
    double now = 0.0;
    for (int i = 0; i < 40; ++i) {
        if (i % 3 != 2) {  // updates arrive late and bunched
            const double latency = (i % 5) * 37.0;
            feed(session, server.tick_update(), server.arrival_ms(latency));
            now = std::max(now, server.arrival_ms(latency));
        } else {
            server.run_tick();  // lost: the session waits for a keyframe
            feed(session, server.keyframe(), server.arrival_ms(5.0));
        }
        for (int f = 0; f < 4; ++f) {
            now += 16.0;
            session.advance(now);
            EXPECT_GE(session.world().game_time_s, last);
            last = session.world().game_time_s;
        }
    }
}

TEST(SessionPrediction, GameRateIsMeasuredBetweenUpdates) {
    FakeServer server;
    Session session;
    join(session, server, 0.0);
    EXPECT_DOUBLE_EQ(session.stats().game_rate, 1.0);  // the welcome's time scale
    server.dt_s = 0.5;                                 // the server now runs 5x
    feed(session, server.tick_update(), server.arrival_ms());
    EXPECT_DOUBLE_EQ(session.stats().game_rate, 1.0);  // one update is no rate
    feed(session, server.tick_update(), server.arrival_ms());
    // 0.5 game s per 0.1 s of server time; game times ~1 s apart in the last bits.
    EXPECT_NEAR(session.stats().game_rate, 5.0, 1e-9);
    session.advance(server.arrival_ms(100.0));
    EXPECT_NEAR(session.stats().lead_game_s, 0.5, 1e-8);
}

TEST(SessionPrediction, RateSamplesSpanningAPauseAreIgnored) {
    FakeServer server;
    Session session;
    join(session, server, 0.0);
    feed(session, server.tick_update(), server.arrival_ms());
    feed(session, server.tick_update(), server.arrival_ms());
    const double rate = session.stats().game_rate;
    server.tick_us = 60'000'000;  // a minute of pause before the next tick
    feed(session, server.tick_update(), server.arrival_ms());
    EXPECT_DOUBLE_EQ(session.stats().game_rate, rate);
}

TEST(SessionPrediction, KeepsTheLastWorldAfterDisconnecting) {
    FakeServer server;
    Session session;
    join(session, server, 0.0);
    session.advance(0.0);
    session.send_command(throttle_message(0.3), 10.0);
    session.on_disconnected(20.0);
    session.advance(5000.0);
    EXPECT_TRUE(session.has_world());
    EXPECT_EQ(session.stats().pending_commands, 1u);      // may still be acked after reconnecting
    EXPECT_NEAR(session.stats().lead_game_s, 0.5, 1e-3);  // 1 ms of it is the command's step
    EXPECT_EQ(count_type(session.take_outgoing(), "ping"), 1);  // only the one before
}

}  // namespace
}  // namespace galaxy::client
