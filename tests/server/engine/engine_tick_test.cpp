// The engine's ticks: their schedule, their length, the commands they apply and their journal
// rows and hashes. Driven with run_until and a test clock.
#include <gtest/gtest.h>

#include <cmath>

#include "galaxy/sim/hash.hpp"
#include "server/engine/engine_support.hpp"

namespace galaxy::server {
namespace {

using test::at;
using test::FakeHooks;

class EngineTick : public ::testing::Test {
protected:
    double utc_s = test::kUtcAtJ2000_s;
    FakeHooks hooks;
    std::uint32_t ship = 0;
    sim::World initial = test::world_with_ship(&ship);
};

TEST_F(EngineTick, TicksHappenAtTheTickRate) {
    Engine engine(test::test_def(&utc_s), initial, 100, &hooks);
    engine.run_until(at(0.0));  // sets the origin
    EXPECT_EQ(engine.status().tick, 100u);
    engine.run_until(at(0.09));
    EXPECT_EQ(engine.status().tick, 100u);
    engine.run_until(at(0.1));
    EXPECT_EQ(engine.status().tick, 101u);
    engine.run_until(at(1.0));
    EXPECT_EQ(engine.status().tick, 110u);
    ASSERT_EQ(hooks.timings.size(), 10u);
    EXPECT_EQ(hooks.timings.front().first, 101u);
    EXPECT_EQ(hooks.timings.back().first, 110u);
    EXPECT_GT(engine.status().last_tick_duration_s, 0.0);
}

TEST_F(EngineTick, EachTickIsTimeScaleOverTickRateGameSeconds) {
    EngineDef def = test::test_def(&utc_s);
    def.tick_rate_hz = 20.0;
    def.time_scale = 50.0;
    Engine engine(def, initial, 0, &hooks);
    engine.run_until(at(0.0));
    engine.run_until(at(0.05));
    engine.run_until(at(0.1));
    const std::vector<proto::TickRecord> ticks = hooks.published_ticks();
    ASSERT_EQ(ticks.size(), 2u);
    EXPECT_EQ(ticks[0].dt_s, 2.5);
    EXPECT_EQ(ticks[1].dt_s, 2.5);
    EXPECT_NEAR(engine.status().game_time_s, initial.game_time_s + 5.0, 1e-9);
}

TEST_F(EngineTick, OnTimeTicksGoOutOneUpdateEach) {
    Engine engine(test::test_def(&utc_s), initial, 0, &hooks);
    engine.run_until(at(0.0));
    for (int k = 1; k <= 5; ++k) engine.run_until(at(0.1 * k));
    ASSERT_EQ(hooks.updates.size(), 5u);
    for (std::size_t i = 0; i < 5; ++i) {
        ASSERT_EQ(hooks.updates[i].ticks.size(), 1u);
        EXPECT_EQ(hooks.updates[i].ticks[0].tick, i + 1);
        EXPECT_EQ(hooks.updates[i].server_time_us, static_cast<std::uint64_t>(utc_s * 1e6));
        // The frame is the encoding of the update handed alongside it.
        proto::Update decoded;
        proto::DecodeError error;
        ASSERT_TRUE(proto::decode_update(hooks.update_frames[i]->data(),
                                         hooks.update_frames[i]->size(), &decoded, &error))
            << error.message;
        EXPECT_EQ(decoded.ticks[0].tick, i + 1);
    }
}

TEST_F(EngineTick, CommandsApplyAtTheNextTickInArrivalOrderWithTheirOrigins) {
    Engine engine(test::test_def(&utc_s), initial, 0, &hooks);
    engine.run_until(at(0.0));
    EXPECT_EQ(engine.submit({7, 1}, {test::throttle(ship, 0.25)}), Engine::SubmitResult::Accepted);
    EXPECT_EQ(engine.submit({8, 40}, {test::throttle(ship, 0.75), test::throttle(ship, 0.5)}),
              Engine::SubmitResult::Accepted);
    engine.run_until(at(0.05));
    EXPECT_TRUE(hooks.updates.empty());  // not before the tick
    engine.run_until(at(0.1));

    ASSERT_EQ(hooks.updates.size(), 1u);
    const proto::TickRecord& record = hooks.updates[0].ticks.at(0);
    ASSERT_EQ(record.commands.size(), 3u);
    EXPECT_EQ(record.commands[0].value, 0.25);
    EXPECT_EQ(record.commands[1].value, 0.75);
    EXPECT_EQ(record.commands[2].value, 0.5);
    EXPECT_EQ(sim::find_ship(test::world_of(engine), ship)->controls.throttle, 0.5);

    ASSERT_EQ(hooks.journal.size(), 1u);
    const JournalEntry& row = hooks.journal[0];
    EXPECT_EQ(row.tick, 1u);
    EXPECT_EQ(row.dt_s, 0.1);
    ASSERT_EQ(row.origins.size(), 2u);
    EXPECT_EQ(row.origins[0].session_id, 7u);
    EXPECT_EQ(row.origins[0].seq, 1u);
    EXPECT_EQ(row.origins[1].session_id, 8u);
    EXPECT_EQ(row.origins[1].seq, 40u);
    std::vector<sim::Command> journaled;
    proto::DecodeError error;
    ASSERT_TRUE(
        proto::decode_commands(row.commands.data(), row.commands.size(), &journaled, &error));
    ASSERT_EQ(journaled.size(), 3u);
    EXPECT_EQ(journaled[2].value, 0.5);
    EXPECT_EQ(row.state_hash, sim::state_hash(test::world_of(engine)));

    // Applied once: the next tick has no commands.
    engine.run_until(at(0.2));
    EXPECT_TRUE(hooks.updates.at(1).ticks.at(0).commands.empty());
}

TEST_F(EngineTick, JournalRowsComeWithCommandsDtChangesAndHeartbeats) {
    EngineDef def = test::test_def(&utc_s);
    def.heartbeat_ticks = 5;
    Engine engine(def, initial, 0, &hooks);
    engine.run_until(at(0.0));
    for (int k = 1; k <= 12; ++k) engine.run_until(at(0.1 * k));
    ASSERT_EQ(hooks.journal.size(), 3u);
    EXPECT_EQ(hooks.journal[0].tick, 1u);  // the first tick states the dt in force
    EXPECT_EQ(hooks.journal[1].tick, 6u);  // heartbeats
    EXPECT_EQ(hooks.journal[2].tick, 11u);

    ASSERT_TRUE(engine.set_time_scale(3.0));
    engine.run_until(at(1.3));
    ASSERT_EQ(hooks.journal.size(), 4u);
    EXPECT_EQ(hooks.journal[3].tick, 13u);
    EXPECT_DOUBLE_EQ(hooks.journal[3].dt_s, 0.3);

    engine.submit({3, 9}, {test::throttle(ship, 1.0)});
    engine.run_until(at(1.4));
    ASSERT_EQ(hooks.journal.size(), 5u);
    EXPECT_EQ(hooks.journal[4].tick, 14u);
    EXPECT_EQ(hooks.journal[4].origins.size(), 1u);

    engine.run_until(at(1.8));  // ticks 15..18: within the heartbeat
    EXPECT_EQ(hooks.journal.size(), 5u);
    engine.run_until(at(1.9));
    ASSERT_EQ(hooks.journal.size(), 6u);
    EXPECT_EQ(hooks.journal[5].tick, 19u);
    EXPECT_TRUE(hooks.journal[5].origins.empty());
}

TEST_F(EngineTick, EveryNthUpdateCarriesTheStateHashAfterItsTick) {
    EngineDef def = test::test_def(&utc_s);
    def.hash_interval_ticks = 3;
    Engine engine(def, initial, 0, &hooks);
    engine.run_until(at(0.0));
    sim::World replica = initial;
    for (int k = 1; k <= 9; ++k) {
        if (k == 4) engine.submit({1, 1}, {test::throttle(ship, 1.0)});
        engine.run_until(at(0.1 * k));
        const proto::Update& u = hooks.updates.back();
        proto::apply_tick(replica, u.ticks.at(0));
        EXPECT_EQ(u.has_hash, k % 3 == 0) << k;
        if (u.has_hash) {
            EXPECT_EQ(u.state_hash, sim::state_hash(replica)) << k;
        }
    }
    EXPECT_EQ(engine.status().state_hash, sim::state_hash(replica));
    EXPECT_EQ(engine.status().state_hash_tick, 9u);
}

TEST_F(EngineTick, RateAndScaleOutsideTheirRangesAreRefused) {
    Engine engine(test::test_def(&utc_s), initial, 0, &hooks);
    EXPECT_FALSE(engine.set_tick_rate(0.09));
    EXPECT_FALSE(engine.set_tick_rate(60.5));
    EXPECT_FALSE(engine.set_tick_rate(std::nan("")));
    EXPECT_FALSE(engine.set_time_scale(0.05));
    EXPECT_FALSE(engine.set_time_scale(100001.0));
    EXPECT_FALSE(engine.set_time_scale(std::nan("")));
    engine.run_until(at(0.0));
    EXPECT_EQ(engine.status().tick_rate_hz, 10.0);
    EXPECT_EQ(engine.status().time_scale, 1.0);

    EXPECT_TRUE(engine.set_tick_rate(kMinTickRate_hz));
    EXPECT_TRUE(engine.set_time_scale(kMaxTimeScale));
    engine.run_until(at(0.0));
    EXPECT_EQ(engine.status().tick_rate_hz, kMinTickRate_hz);
    EXPECT_EQ(engine.status().time_scale, kMaxTimeScale);
    EXPECT_TRUE(engine.set_tick_rate(kMaxTickRate_hz));
    EXPECT_TRUE(engine.set_time_scale(kMinTimeScale));
    engine.run_until(at(0.0));
    EXPECT_EQ(engine.status().tick_rate_hz, kMaxTickRate_hz);
    EXPECT_EQ(engine.status().time_scale, kMinTimeScale);
}

TEST_F(EngineTick, ARateChangeRestartsTheScheduleWithoutABurst) {
    EngineDef def = test::test_def(&utc_s);
    def.tick_rate_hz = 1.0;
    Engine engine(def, initial, 0, &hooks);
    engine.run_until(at(0.0));
    engine.run_until(at(0.9));
    EXPECT_EQ(engine.status().tick, 0u);
    engine.set_tick_rate(10.0);
    engine.run_until(at(0.9));  // at 10 Hz nine ticks would be overdue; none run
    EXPECT_EQ(engine.status().tick, 0u);
    engine.run_until(at(1.0));
    EXPECT_EQ(engine.status().tick, 1u);
    EXPECT_EQ(hooks.published_ticks().back().dt_s, 0.1);
}

}  // namespace
}  // namespace galaxy::server
