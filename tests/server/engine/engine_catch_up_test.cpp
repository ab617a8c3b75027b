// A late engine: missed ticks run back to back up to the cap, their broadcasts are batched, the
// excess is skipped; status reports how far behind it is.
#include <gtest/gtest.h>

#include "galaxy/sim/hash.hpp"
#include "server/engine/engine_support.hpp"

namespace galaxy::server {
namespace {

using test::at;
using test::FakeHooks;

class EngineCatchUp : public ::testing::Test {
protected:
    EngineCatchUp() {
        def.tick_rate_hz = 60.0;
        def.max_catch_up_ticks = 50;
        def.max_behind_broadcasts_hz = 10.0;
    }
    double utc_s = test::kUtcAtJ2000_s;
    EngineDef def = test::test_def(&utc_s);
    FakeHooks hooks;
    std::uint32_t ship = 0;
    sim::World initial = test::world_with_ship(&ship);
};

// Published ticks are 1..n, each once, in order.
void expect_consecutive(const std::vector<proto::TickRecord>& ticks, std::uint64_t n) {
    ASSERT_EQ(ticks.size(), n);
    for (std::size_t i = 0; i < ticks.size(); ++i) EXPECT_EQ(ticks[i].tick, i + 1);
}

TEST_F(EngineCatchUp, ALateWakeUpRunsTheMissedTicksAndSendsThemTogether) {
    Engine engine(def, initial, 0, &hooks);
    std::vector<std::uint64_t> behind;
    hooks.on_tick = [&](std::uint64_t) { behind.push_back(engine.status().ticks_behind); };
    engine.run_until(at(0.0));
    engine.run_until(at(0.5));  // 30 ticks late

    EXPECT_EQ(engine.status().tick, 30u);
    ASSERT_EQ(hooks.updates.size(), 1u);
    expect_consecutive(hooks.published_ticks(), 30);
    // While catching up, status counts the ticks still to run; caught up, nothing is behind.
    ASSERT_EQ(behind.size(), 30u);
    EXPECT_EQ(behind.front(), 29u);
    EXPECT_EQ(behind.back(), 0u);
    EXPECT_EQ(engine.status().ticks_behind, 0u);
    EXPECT_EQ(engine.status().ticks_skipped, 0u);

    engine.run_until(at(0.5 + 1.0 / 60.0));  // back on time: one tick, one update
    ASSERT_EQ(hooks.updates.size(), 2u);
    EXPECT_EQ(hooks.updates[1].ticks.size(), 1u);
}

TEST_F(EngineCatchUp, AnEngineThatStaysBehindBroadcastsAtMostTenUpdatesASecond) {
    Engine engine(def, initial, 0, &hooks);
    engine.run_until(at(0.0));
    // Every wake-up 50 ms apart finds three ticks due, for two seconds.
    for (int w = 1; w <= 40; ++w) engine.run_until(at(0.05 * w));
    EXPECT_EQ(engine.status().tick, 120u);
    EXPECT_LE(hooks.updates.size(), 21u);  // 10 per second, plus the first wake-up's
    EXPECT_GE(hooks.updates.size(), 19u);
    engine.run_until(at(2.0));  // an idle wake-up: caught up, the rest goes out
    expect_consecutive(hooks.published_ticks(), 120);
}

TEST_F(EngineCatchUp, TicksBeyondTheCapAreSkippedAndTheScheduleRestarts) {
    def.tick_rate_hz = 10.0;
    Engine engine(def, initial, 0, &hooks);
    engine.run_until(at(0.0));
    engine.run_until(at(8.0));  // 80 due, 50 run, 30 skipped
    EXPECT_EQ(engine.status().tick, 50u);
    EXPECT_EQ(engine.status().ticks_skipped, 30u);
    EXPECT_EQ(engine.status().ticks_behind, 0u);
    EXPECT_NEAR(engine.status().game_time_s, initial.game_time_s + 5.0,
                1e-9);  // game time ran slow
    engine.run_until(at(8.05));
    EXPECT_EQ(engine.status().tick, 50u);
    engine.run_until(at(8.1));
    EXPECT_EQ(engine.status().tick, 51u);
    expect_consecutive(hooks.published_ticks(), 51);
}

TEST_F(EngineCatchUp, HeldTicksGoOutBeforeAKeyframe) {
    Engine engine(def, initial, 0, &hooks);
    engine.run_until(at(0.0));
    engine.run_until(at(0.5));
    engine.run_until(at(0.55));  // three ticks, held: the last update was 50 ms ago
    ASSERT_EQ(hooks.updates.size(), 1u);
    engine.request_keyframe(4);
    engine.run_until(at(0.55));
    ASSERT_EQ(hooks.updates.size(), 2u);
    EXPECT_EQ(hooks.updates[1].ticks.back().tick, 33u);
    ASSERT_EQ(hooks.keyframes.size(), 1u);
    EXPECT_EQ(hooks.keyframes[0].tick, 33u);
}

TEST_F(EngineCatchUp, JournalRowsAreNotBatched) {
    def.heartbeat_ticks = 1;
    Engine engine(def, initial, 0, &hooks);
    engine.run_until(at(0.0));
    engine.submit({2, 5}, {test::throttle(ship, 1.0)});
    engine.run_until(at(0.5));
    ASSERT_EQ(hooks.journal.size(), 30u);
    EXPECT_EQ(hooks.journal[0].origins.size(), 1u);
    EXPECT_EQ(hooks.journal.back().tick, 30u);
    EXPECT_EQ(hooks.journal.back().state_hash, sim::state_hash(test::world_of(engine)));
}

}  // namespace
}  // namespace galaxy::server
