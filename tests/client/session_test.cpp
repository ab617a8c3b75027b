// Session: keeping the confirmed world in step with the server (keyframes, updates, hashes,
// repairs) and surviving whatever bytes arrive.
#include "galaxy/client/session.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

#include "client/session_fixture.hpp"
#include "galaxy/sim/hash.hpp"

namespace galaxy::client {
namespace {

using test::count_type;
using test::FakeServer;
using test::feed;
using test::join;

TEST(SessionSync, KeyframeGivesTheServersWorld) {
    FakeServer server;
    Session session;
    EXPECT_FALSE(session.has_world());
    join(session, server, 0.0);
    ASSERT_TRUE(session.has_world());
    EXPECT_EQ(sim::state_hash(session.confirmed_world()), sim::state_hash(server.world));
    EXPECT_EQ(session.stats().server_tick, 0u);
    EXPECT_EQ(session.stats().keyframes, 1u);
    EXPECT_EQ(session.own_ship_id(), server.ship_id);
    EXPECT_EQ(session.welcome().username, "alice");
    EXPECT_DOUBLE_EQ(session.welcome().tick_rate_hz, 10.0);
    session.advance(0.0);
    ASSERT_NE(session.own_ship(), nullptr);
    EXPECT_EQ(session.own_ship()->name, "Pilot");
}

TEST(SessionSync, UpdatesReproduceTheServerBitForBit) {
    FakeServer server;
    Session session;
    join(session, server, 0.0);
    for (int i = 0; i < 30; ++i) {
        std::vector<sim::Command> commands;
        if (i % 4 == 1) {
            sim::Command c;
            c.type = sim::CommandType::SetThrottle;
            c.ship = server.other_id;
            c.value = 0.25 * (i % 5);
            commands.push_back(c);
        }
        feed(session, server.tick_update(commands, i % 10 == 9), server.arrival_ms());
        session.advance(server.arrival_ms());
    }
    EXPECT_EQ(session.stats().server_tick, 30u);
    EXPECT_EQ(session.stats().updates, 30u);
    EXPECT_EQ(session.stats().hash_checks, 3u);
    EXPECT_EQ(session.stats().hash_mismatches, 0u);
    EXPECT_EQ(sim::state_hash(session.confirmed_world()), sim::state_hash(server.world));
}

TEST(SessionSync, BatchedTicksApplyInOrder) {
    FakeServer server;
    Session session;
    join(session, server, 0.0);
    std::vector<proto::TickRecord> batch;
    for (int i = 0; i < 5; ++i) batch.push_back(server.run_tick());
    feed(session, server.update(batch, true), server.arrival_ms());
    EXPECT_EQ(session.stats().server_tick, 5u);
    EXPECT_EQ(session.stats().hash_mismatches, 0u);
    EXPECT_EQ(sim::state_hash(session.confirmed_world()), sim::state_hash(server.world));
}

TEST(SessionSync, DuplicateAndOldTicksAreIgnored) {
    FakeServer server;
    Session session;
    join(session, server, 0.0);
    const proto::TickRecord t1 = server.run_tick();
    const std::vector<std::uint8_t> u1 = server.update({t1});
    feed(session, u1, 100.0);
    feed(session, u1, 101.0);  // the same frame again
    const proto::TickRecord t2 = server.run_tick();
    feed(session, server.update({t1, t2}, true), 200.0);  // overlaps the tick we have
    feed(session, u1, 201.0);                             // an old tick after a newer one
    EXPECT_EQ(session.stats().server_tick, 2u);
    EXPECT_EQ(session.stats().hash_checks, 1u);
    EXPECT_EQ(session.stats().hash_mismatches, 0u);
    EXPECT_EQ(sim::state_hash(session.confirmed_world()), sim::state_hash(server.world));
    EXPECT_EQ(count_type(session.take_outgoing(), "keyframe_request"), 0);
}

TEST(SessionSync, GapRequestsOneKeyframeAndStopsApplyingUntilItArrives) {
    FakeServer server;
    Session session;
    join(session, server, 0.0);
    feed(session, server.tick_update(), 100.0);
    server.run_tick();  // tick 2 never arrives
    feed(session, server.tick_update(), 300.0);
    EXPECT_EQ(session.stats().server_tick, 1u);
    EXPECT_EQ(count_type(session.take_outgoing(), "keyframe_request"), 1);
    feed(session, server.tick_update(), 400.0);  // after the gap: dropped, no second request
    EXPECT_EQ(session.stats().server_tick, 1u);
    EXPECT_EQ(count_type(session.take_outgoing(), "keyframe_request"), 0);

    feed(session, server.keyframe(), 450.0);
    EXPECT_EQ(session.stats().server_tick, 4u);
    feed(session, server.tick_update({}, true), 500.0);
    EXPECT_EQ(session.stats().server_tick, 5u);
    EXPECT_EQ(session.stats().hash_mismatches, 0u);
    EXPECT_EQ(sim::state_hash(session.confirmed_world()), sim::state_hash(server.world));
}

TEST(SessionSync, HashMismatchIsCountedAndRequestsExactlyOneKeyframe) {
    FakeServer server;
    Session session;
    join(session, server, 0.0);
    feed(session, server.update({server.run_tick()}, true, 1), 100.0);  // a wrong hash
    EXPECT_EQ(session.stats().hash_checks, 1u);
    EXPECT_EQ(session.stats().hash_mismatches, 1u);
    for (int i = 0; i < 3; ++i) {
        feed(session, server.update({server.run_tick()}, true, 1), 200.0 + 100.0 * i);
    }
    EXPECT_EQ(session.stats().hash_mismatches, 1u);  // updates wait for the keyframe
    EXPECT_EQ(count_type(session.take_outgoing(), "keyframe_request"), 1);

    feed(session, server.keyframe(), 500.0);
    feed(session, server.update({server.run_tick()}, true, 1), 600.0);
    EXPECT_EQ(session.stats().hash_mismatches, 2u);
    EXPECT_EQ(count_type(session.take_outgoing(), "keyframe_request"), 1);  // a new one
}

TEST(SessionSync, UpdatesBeforeTheFirstKeyframeAreDropped) {
    FakeServer server;
    Session session;
    session.receive_text(server.welcome(), 0.0);
    feed(session, server.tick_update(), 100.0);
    EXPECT_FALSE(session.has_world());
    EXPECT_EQ(session.stats().updates, 1u);
    feed(session, server.keyframe(), 150.0);
    feed(session, server.tick_update(), 200.0);
    EXPECT_EQ(session.stats().server_tick, 2u);
    EXPECT_EQ(sim::state_hash(session.confirmed_world()), sim::state_hash(server.world));
}

TEST(SessionSync, ReconnectKeepsTheWorldAndTakesTheNewKeyframe) {
    FakeServer server;
    Session session;
    join(session, server, 0.0);
    feed(session, server.tick_update(), 100.0);
    session.on_disconnected(150.0);
    EXPECT_TRUE(session.has_world());
    for (int i = 0; i < 5; ++i) server.run_tick();
    join(session, server, 700.0);
    EXPECT_EQ(session.stats().server_tick, 6u);
    EXPECT_EQ(session.stats().keyframes, 2u);
    feed(session, server.tick_update({}, true), 800.0);
    EXPECT_EQ(session.stats().hash_mismatches, 0u);
}

TEST(SessionSync, ConnectingAgainAllowsANewKeyframeRequest) {
    FakeServer server;
    Session session;
    join(session, server, 0.0);
    server.run_tick();
    feed(session, server.tick_update(), 200.0);  // gap: a request, which the old link lost
    EXPECT_EQ(count_type(session.take_outgoing(), "keyframe_request"), 1);
    session.on_disconnected(250.0);
    session.on_connected(300.0);
    server.run_tick();
    feed(session, server.tick_update(), 400.0);
    EXPECT_EQ(count_type(session.take_outgoing(), "keyframe_request"), 1);
}

TEST(SessionSync, PredictionErrorIsZeroWhenTheKeyframeMatchesOurReplay) {
    FakeServer server;
    Session session;
    join(session, server, 0.0);
    EXPECT_LT(session.stats().prediction_error_m, 0.0);  // nothing to compare yet
    feed(session, server.tick_update(), 100.0);
    for (int i = 0; i < 4; ++i) server.run_tick();  // ticks 2..5 are lost
    feed(session, server.keyframe(), 500.0);
    // The replay applies the same ticks with the same dt, so it is bit-exact.
    EXPECT_EQ(session.stats().prediction_error_m, 0.0);
}

TEST(SessionSync, PredictionErrorMeasuresWhatTheServerDidDifferently) {
    FakeServer server;
    Session session;
    join(session, server, 0.0);
    sim::Command burn;
    burn.type = sim::CommandType::SetThrottle;
    burn.ship = server.ship_id;
    burn.value = 1.0;
    server.run_tick({burn});  // a command we never heard of
    for (int i = 0; i < 9; ++i) server.run_tick();
    feed(session, server.keyframe(), 1000.0);
    // A full-throttle frigate for 1 s: a = F/m, so it moved about a/2 t^2 off the coasting
    // path. Bounds: more than a quarter and less than four times that.
    const sim::Ship& ship = *sim::find_ship(server.world, server.ship_id);
    const double a = sim::ship_class_def(ship.ship_class).max_thrust_n / sim::ship_mass_kg(ship);
    EXPECT_GT(session.stats().prediction_error_m, 0.25 * 0.5 * a);
    EXPECT_LT(session.stats().prediction_error_m, 4.0 * 0.5 * a);
}

TEST(SessionSync, AnOlderKeyframeIsNotMeasured) {
    FakeServer server;
    Session session;
    join(session, server, 0.0);
    const std::vector<std::uint8_t> old = server.keyframe();
    feed(session, server.tick_update(), 100.0);
    feed(session, old, 150.0);
    EXPECT_LT(session.stats().prediction_error_m, 0.0);
    EXPECT_EQ(session.stats().server_tick, 0u);  // the keyframe is the truth, even if older
}

TEST(SessionSync, MalformedBinaryFramesAreCountedAndAnsweredWithAKeyframeRequest) {
    FakeServer server;
    Session session;
    join(session, server, 0.0);
    feed(session, server.tick_update(), 100.0);
    const std::uint64_t hash = sim::state_hash(session.confirmed_world());

    std::vector<std::vector<std::uint8_t>> bad;
    bad.push_back({});
    bad.push_back({0x00});
    bad.push_back({0x7f, 1, 2, 3});
    const std::vector<std::uint8_t> key = server.keyframe();
    const std::vector<std::uint8_t> upd = server.update({server.run_tick()}, true);
    for (std::size_t n = 1; n < upd.size(); n += 3) {
        bad.emplace_back(upd.begin(), upd.begin() + static_cast<std::ptrdiff_t>(n));
    }
    for (std::size_t n = 1; n < key.size(); n += key.size() / 50) {
        bad.emplace_back(key.begin(), key.begin() + static_cast<std::ptrdiff_t>(n));
    }
    std::uint64_t lcg = 12345;
    for (int i = 0; i < 200; ++i) {  // random bytes behind both frame types
        std::vector<std::uint8_t> junk(1 + i % 64);
        for (std::uint8_t& b : junk) {
            lcg = lcg * 6364136223846793005ULL + 1;
            b = static_cast<std::uint8_t>(lcg >> 56);
        }
        junk[0] = i % 2 == 0 ? proto::kFrameUpdate : proto::kFrameKeyframe;
        bad.push_back(junk);
    }
    for (const std::vector<std::uint8_t>& frame : bad) {
        session.receive_binary(frame.data(), frame.size(), 200.0);
    }
    session.receive_binary(nullptr, 0, 200.0);
    EXPECT_EQ(session.stats().decode_errors, bad.size() + 1);
    EXPECT_EQ(sim::state_hash(session.confirmed_world()), hash);
    EXPECT_EQ(count_type(session.take_outgoing(), "keyframe_request"), 1);
    const std::vector<Notice> notices = session.take_notices();
    ASSERT_FALSE(notices.empty());
    EXPECT_EQ(notices.back().kind, NoticeKind::Error);
    EXPECT_LE(notices.size(), SessionDef{}.max_notices);
    session.advance(300.0);  // still steps
}

TEST(SessionSync, MalformedTextIsCountedWithoutAKeyframeRequest) {
    FakeServer server;
    Session session;
    join(session, server, 0.0);
    const char* bad[] = {"",
                         "{",
                         "null",
                         "[]",
                         "{\"type\":\"nope\"}",
                         "{\"type\":\"ack\"}",
                         "{\"type\":\"ack\",\"seq\":-1,\"tick\":1}",
                         "\xff\xfe",
                         "{\"type\":\"welcome\",\"protocol\":1}"};
    for (const char* text : bad) session.receive_text(text, 10.0);
    EXPECT_EQ(session.stats().decode_errors, std::size(bad));
    EXPECT_EQ(count_type(session.take_outgoing(), "keyframe_request"), 0);
    EXPECT_EQ(session.take_notices().size(), std::size(bad));
    EXPECT_EQ(session.own_ship_id(), server.ship_id);  // the broken welcome changed nothing
}

TEST(SessionSync, BytesReceivedCountsTextAndBinary) {
    FakeServer server;
    Session session;
    const std::string welcome = server.welcome();
    const std::vector<std::uint8_t> key = server.keyframe();
    session.receive_text(welcome, 0.0);
    feed(session, key, 0.0);
    EXPECT_EQ(session.stats().bytes_received, welcome.size() + key.size());
}

}  // namespace
}  // namespace galaxy::client
