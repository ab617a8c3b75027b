// Session: pings and the server clock, chat, events and errors as notices.
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

// The nonce of the one ping among the outgoing messages.
std::uint64_t ping_nonce(const std::vector<std::string>& out) {
    for (const std::string& text : out) {
        proto::ClientMessage m;
        proto::DecodeError error;
        if (proto::decode_client_message(text, &m, &error) &&
            m.type == proto::ClientMessageType::Ping) {
            return m.nonce;
        }
    }
    ADD_FAILURE() << "no ping sent";
    return 0;
}

std::string pong(std::uint64_t nonce, std::uint64_t server_time_us) {
    proto::ServerMessage m;
    m.type = proto::ServerMessageType::Pong;
    m.nonce = nonce;
    m.tick = 1;
    m.server_time_us = server_time_us;
    return proto::encode_server_message(m);
}

std::string chat(const std::string& text) {
    proto::ServerMessage m;
    m.type = proto::ServerMessageType::Chat;
    m.from = "bob";
    m.from_ship = 22;
    m.text = text;
    m.server_time_us = 1'760'000'000'000'000;
    return proto::encode_server_message(m);
}

proto::ServerMessage event(proto::EventKind kind) {
    proto::ServerMessage m;
    m.type = proto::ServerMessageType::Event;
    m.event = kind;
    m.tick = 1;
    return m;
}

TEST(SessionMessages, PingsGoOutEveryIntervalOnlyWhileJoined) {
    FakeServer server;
    Session session;  // ping_interval_ms 1000
    session.on_connected(0.0);
    session.advance(0.0);
    EXPECT_EQ(count_type(session.take_outgoing(), "ping"), 0);  // not before the welcome
    session.receive_text(server.welcome(), 10.0);
    session.advance(10.0);
    EXPECT_EQ(count_type(session.take_outgoing(), "ping"), 1);
    session.advance(500.0);
    EXPECT_EQ(count_type(session.take_outgoing(), "ping"), 0);
    session.advance(1010.0);
    EXPECT_EQ(count_type(session.take_outgoing(), "ping"), 1);
    session.on_disconnected(1500.0);
    session.advance(5000.0);
    EXPECT_EQ(count_type(session.take_outgoing(), "ping"), 0);
}

TEST(SessionMessages, PongGivesRoundTripAndServerClock) {
    FakeServer server;
    Session session;
    EXPECT_EQ(session.server_time_us(0.0), 0u);  // no sync yet
    session.on_connected(0.0);
    session.receive_text(server.welcome(), 0.0);
    session.advance(100.0);
    const std::uint64_t first = ping_nonce(session.take_outgoing());
    // The server read its clock, S, halfway: at client 120 ms.
    constexpr std::uint64_t S = 1'760'000'000'000'000;
    session.receive_text(pong(first, S), 140.0);
    EXPECT_DOUBLE_EQ(session.stats().ping_ms, 40.0);
    EXPECT_DOUBLE_EQ(session.stats().ping_min_ms, 40.0);
    EXPECT_EQ(session.server_time_us(1120.0), S + 1'000'000);

    session.advance(1100.0);
    const std::uint64_t second = ping_nonce(session.take_outgoing());
    EXPECT_NE(second, first);
    // A slower round trip whose midpoint reading disagrees by 30 ms: the faster one is believed.
    session.receive_text(pong(second, S + 1'030'000 + 30'000), 1200.0);
    EXPECT_DOUBLE_EQ(session.stats().ping_ms, 100.0);
    EXPECT_DOUBLE_EQ(session.stats().ping_min_ms, 40.0);
    EXPECT_EQ(session.server_time_us(1120.0), S + 1'000'000);
}

TEST(SessionMessages, UnknownPongIsIgnored) {
    FakeServer server;
    Session session;
    session.receive_text(server.welcome(), 0.0);
    session.receive_text(pong(999, 1), 50.0);
    EXPECT_LT(session.stats().ping_ms, 0.0);
    EXPECT_EQ(session.server_time_us(50.0), 0u);
}

TEST(SessionMessages, FirstTimestampSyncsTheClockBeforeAnyPong) {
    FakeServer server;
    Session session;
    join(session, server, 5.0);  // the keyframe carries the server's time at tick 0
    EXPECT_EQ(session.server_time_us(105.0), test::kServerEpoch_us + 100'000);
    feed(session, server.tick_update(), 300.0);  // later timestamps do not move it
    EXPECT_EQ(session.server_time_us(105.0), test::kServerEpoch_us + 100'000);
}

TEST(SessionMessages, ChatKeepsTheNewestLines) {
    SessionDef def;
    def.max_chat_lines = 3;
    Session session(def);
    for (int i = 1; i <= 5; ++i) session.receive_text(chat(std::to_string(i)), i);
    ASSERT_EQ(session.chat().size(), 3u);
    EXPECT_EQ(session.chat().front().text, "3");
    EXPECT_EQ(session.chat().back().text, "5");
    EXPECT_EQ(session.chat().back().from, "bob");
    EXPECT_EQ(session.chat().back().from_ship, 22u);
    EXPECT_EQ(session.chat_received(), 5u);
}

TEST(SessionMessages, SendChatChecksTheLength) {
    Session session;
    EXPECT_FALSE(session.send_chat("", 0.0));
    EXPECT_FALSE(session.send_chat(std::string(proto::kMaxChatBytes + 1, 'x'), 0.0));
    EXPECT_EQ(session.take_notices().size(), 2u);
    EXPECT_TRUE(session.send_chat(std::string(proto::kMaxChatBytes, 'x'), 0.0));
    EXPECT_TRUE(session.send_chat("o7", 0.0));
    const std::vector<std::string> out = session.take_outgoing();
    ASSERT_EQ(out.size(), 2u);
    proto::ClientMessage m;
    proto::DecodeError error;
    ASSERT_TRUE(proto::decode_client_message(out[1], &m, &error)) << error.message;
    EXPECT_EQ(m.type, proto::ClientMessageType::Chat);
    EXPECT_EQ(m.text, "o7");
}

TEST(SessionMessages, EventsBecomeNoticesInPlainWords) {
    FakeServer server;
    Session session;
    join(session, server, 0.0);
    session.advance(0.0);
    proto::ServerMessage docked = event(proto::EventKind::Docked);
    docked.ship = server.ship_id;
    docked.station = server.world.home_station;
    proto::ServerMessage crashed = event(proto::EventKind::ShipCrashed);
    crashed.ship = server.other_id;
    crashed.body = static_cast<std::uint32_t>(sim::find_body(server.world, "Earth"));
    proto::ServerMessage removed = event(proto::EventKind::ShipRemoved);
    removed.ship = 999;
    proto::ServerMessage targeted = event(proto::EventKind::Targeted);
    targeted.ship = server.ship_id;
    targeted.by_ship = server.other_id;
    proto::ServerMessage rejected = event(proto::EventKind::CommandRejected);
    rejected.reason = "refuelling needs the ship docked";
    for (const proto::ServerMessage& m : {docked, crashed, removed, targeted, rejected}) {
        session.receive_text(proto::encode_server_message(m), 10.0);
    }
    const std::vector<Notice> n = session.take_notices();
    ASSERT_EQ(n.size(), 5u);
    EXPECT_EQ(n[0].text, "Your ship docked with Gateway Station");
    EXPECT_EQ(n[1].text, "Other crashed into Earth");
    EXPECT_EQ(n[2].text, "Ship 999 left");
    EXPECT_EQ(n[3].text, "Other targeted your ship");
    EXPECT_EQ(n[4].text, "Command rejected: refuelling needs the ship docked");
    EXPECT_EQ(n[0].kind, NoticeKind::Info);
    EXPECT_EQ(n[4].kind, NoticeKind::Warning);
    EXPECT_TRUE(session.take_notices().empty());  // drained
}

TEST(SessionMessages, ErrorWithoutSeqIsAnErrorNotice) {
    Session session;
    proto::ServerMessage e;
    e.type = proto::ServerMessageType::Error;
    e.code = proto::ErrorCode::RateLimited;
    e.message = "too many messages";
    session.receive_text(proto::encode_server_message(e), 5.0);
    const std::vector<Notice> n = session.take_notices();
    ASSERT_EQ(n.size(), 1u);
    EXPECT_EQ(n[0].kind, NoticeKind::Error);
    EXPECT_EQ(n[0].text, "too many messages (E011)");
}

TEST(SessionMessages, UndrainedNoticesKeepTheNewest) {
    SessionDef def;
    def.max_notices = 4;
    Session session(def);
    for (int i = 0; i < 10; ++i) session.receive_text("not json", i);
    const std::vector<Notice> n = session.take_notices();
    ASSERT_EQ(n.size(), 4u);
    EXPECT_DOUBLE_EQ(n.front().time_ms, 6.0);
}

TEST(SessionMessages, WelcomeAfterReconnectMayBringAnotherShip) {
    FakeServer server;
    Session session;
    join(session, server, 0.0);
    session.on_disconnected(10.0);
    server.ship_id = server.other_id;
    join(session, server, 20.0);
    session.advance(20.0);
    EXPECT_EQ(session.own_ship_id(), server.other_id);
    ASSERT_NE(session.own_ship(), nullptr);
    EXPECT_EQ(session.own_ship()->name, "Other");
}

}  // namespace
}  // namespace galaxy::client
