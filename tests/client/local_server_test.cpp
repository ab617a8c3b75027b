// The local server drives a Session through the real protocol frames: the session's confirmed
// world must stay bit-identical to the server's, commands are acknowledged, pings answered.
#include "galaxy/client/local_server.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "galaxy/client/session.hpp"
#include "galaxy/proto/client_message.hpp"
#include "galaxy/sim/hash.hpp"

namespace galaxy::client {
namespace {

constexpr double kTickMs = 100.0;  // LocalServerDef's default 10 Hz

LocalServerDef small_def(std::uint32_t ships) {
    LocalServerDef def;
    def.ships = ships;
    def.seed = 7;
    return def;
}

proto::ClientMessage throttle(double value) {
    proto::ClientMessage m;
    m.type = proto::ClientMessageType::Control;
    m.throttle = value;
    return m;
}

TEST(LocalServer, FirstPollWelcomesAndSendsTheWorld) {
    LocalServer server(small_def(5), 1000.0);
    Session session;
    server.poll(1000.0, session);
    EXPECT_TRUE(session.welcome().received);
    EXPECT_EQ(session.own_ship_id(), server.pilot_ship_id());
    EXPECT_NE(server.pilot_ship_id(), 0u);
    ASSERT_TRUE(session.has_world());
    EXPECT_EQ(session.stats().keyframes, 1u);
    EXPECT_EQ(session.confirmed_world().ships.size(), 6u);  // the pilot and 5 scripted ships
    EXPECT_EQ(sim::state_hash(session.confirmed_world()), sim::state_hash(server.world()));
    EXPECT_EQ(session.confirmed_world().ships.front().name, "Pilot");
}

TEST(LocalServer, RunsOneTickPerTickIntervalAndAtMostTenPerPoll) {
    LocalServer server(small_def(0), 0.0);
    Session session;
    server.poll(0.0, session);
    server.poll(kTickMs * 3.5, session);
    EXPECT_EQ(session.stats().server_tick, 3u);
    server.poll(kTickMs * 100.0, session);  // 96 ticks late: 10 run, the rest skipped
    EXPECT_EQ(session.stats().server_tick, 13u);
    server.poll(kTickMs * 101.0, session);  // the schedule restarted at the late poll
    EXPECT_EQ(session.stats().server_tick, 14u);
}

TEST(LocalServer, HundredTicksWithCommandsKeepTheHashes) {
    LocalServer server(small_def(20), 0.0);
    Session session;
    double now = 0.0;
    server.poll(now, session);
    std::uint32_t last_seq = 0;
    for (int i = 1; i <= 100; ++i) {
        now = i * kTickMs;
        if (i % 10 == 3) last_seq = session.send_command(throttle(0.1 * (i % 7)), now);
        server.poll(now, session);
        session.advance(now);
    }
    const NetworkStats& stats = session.stats();
    EXPECT_EQ(stats.server_tick, 100u);
    EXPECT_EQ(stats.hash_checks, 10u);  // every 10th tick
    EXPECT_EQ(stats.hash_mismatches, 0u);
    EXPECT_EQ(stats.decode_errors, 0u);
    EXPECT_EQ(stats.pending_commands, 0u);
    EXPECT_EQ(last_seq, 10u);
    EXPECT_EQ(sim::state_hash(session.confirmed_world()), sim::state_hash(server.world()));
    const sim::Ship* own = sim::find_ship(session.confirmed_world(), session.own_ship_id());
    ASSERT_NE(own, nullptr);
    EXPECT_EQ(own->controls.throttle, 0.1 * (93 % 7));
    EXPECT_GT(stats.ping_ms, -1.0);  // pings went out with the commands and came back
}

TEST(LocalServer, AnswersKeyframeRequestsAndEchoesChat) {
    LocalServer server(small_def(0), 0.0);
    Session session;
    server.poll(0.0, session);
    server.poll(kTickMs, session);
    const std::uint8_t garbage[] = {proto::kFrameUpdate, 0xff};
    session.receive_binary(garbage, sizeof garbage, kTickMs);  // -> keyframe_request
    ASSERT_TRUE(session.send_chat("hello", kTickMs));
    server.poll(kTickMs * 2.0, session);
    EXPECT_EQ(session.stats().keyframes, 2u);
    ASSERT_EQ(session.chat().size(), 1u);
    EXPECT_EQ(session.chat().front().text, "hello");
    EXPECT_EQ(session.chat().front().from_ship, server.pilot_ship_id());
    EXPECT_EQ(sim::state_hash(session.confirmed_world()), sim::state_hash(server.world()));
}

TEST(LocalServer, ForwardsThePilotsEventsAsNotices) {
    LocalServer server(small_def(10), 0.0);
    Session session;
    server.poll(0.0, session);
    session.advance(0.0);
    proto::ClientMessage dock;
    dock.type = proto::ClientMessageType::Dock;
    ASSERT_NE(session.send_command(dock, 0.0), 0u);  // 500 m out: sim-core refuses it
    server.poll(kTickMs, session);
    const std::vector<Notice> notices = session.take_notices();
    ASSERT_EQ(notices.size(), 1u);
    EXPECT_EQ(notices[0].kind, NoticeKind::Warning);
    EXPECT_EQ(notices[0].text, "Command rejected: no station within docking range (100 m)");
}

}  // namespace
}  // namespace galaxy::client
