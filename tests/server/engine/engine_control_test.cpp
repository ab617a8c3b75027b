// Run-time control of the engine: pause, time sync, back-pressure and stop.
#include <gtest/gtest.h>

#include "server/engine/engine_support.hpp"

namespace galaxy::server {
namespace {

using test::at;
using test::FakeHooks;

class EngineControl : public ::testing::Test {
protected:
    double utc_s = test::kUtcAtJ2000_s;
    FakeHooks hooks;
    std::uint32_t ship = 0;
    sim::World initial = test::world_with_ship(&ship);
};

TEST_F(EngineControl, PauseStopsTheTicksAndResumingDoesNotMakeThemUp) {
    Engine engine(test::test_def(&utc_s), initial, 0, &hooks);
    engine.run_until(at(0.0));
    engine.run_until(at(0.3));
    EXPECT_EQ(engine.status().tick, 3u);
    engine.set_paused(true);
    engine.run_until(at(0.3));
    EXPECT_TRUE(engine.status().paused);
    engine.run_until(at(10.0));
    EXPECT_EQ(engine.status().tick, 3u);
    EXPECT_EQ(engine.status().ticks_behind, 0u);

    engine.set_paused(false);
    engine.run_until(at(20.0));  // the schedule restarts here
    EXPECT_EQ(engine.status().tick, 3u);
    EXPECT_FALSE(engine.status().paused);
    engine.run_until(at(20.1));
    EXPECT_EQ(engine.status().tick, 4u);
    EXPECT_EQ(engine.status().ticks_skipped, 0u);
}

TEST_F(EngineControl, CommandsSubmittedWhilePausedApplyAtTheFirstTickAfter) {
    EngineDef def = test::test_def(&utc_s);
    def.paused = true;
    Engine engine(def, initial, 0, &hooks);
    engine.run_until(at(0.0));
    engine.submit({1, 1}, {test::throttle(ship, 0.5)});
    engine.run_until(at(1.0));
    EXPECT_TRUE(hooks.updates.empty());
    engine.set_paused(false);
    engine.run_until(at(1.0));
    engine.run_until(at(1.1));
    ASSERT_EQ(hooks.updates.size(), 1u);
    EXPECT_EQ(hooks.updates[0].ticks.at(0).commands.size(), 1u);
}

TEST_F(EngineControl, TimeSyncSlowsAGameClockThatIsAheadOfUtc) {
    EngineDef def = test::test_def(&utc_s);
    def.time_sync = true;
    utc_s = test::kUtcAtJ2000_s - 30.0;  // the world (at game time 1 s) is 31 s ahead
    Engine engine(def, initial, 0, &hooks);
    engine.run_until(at(0.0));
    engine.run_until(at(0.1));
    EXPECT_NEAR(engine.status().time_sync_drift_s, 31.0, 1e-6);
    EXPECT_DOUBLE_EQ(engine.status().effective_time_scale, 0.969);
    EXPECT_DOUBLE_EQ(hooks.published_ticks().at(0).dt_s, 0.0969);
    EXPECT_EQ(engine.status().time_scale, 1.0);
}

TEST_F(EngineControl, TimeSyncSpeedsUpAGameClockBehindUtcUpToFivePercent) {
    EngineDef def = test::test_def(&utc_s);
    def.time_sync = true;
    utc_s = test::kUtcAtJ2000_s + 3600.0;
    Engine engine(def, initial, 0, &hooks);
    engine.run_until(at(0.0));
    engine.run_until(at(0.1));
    EXPECT_LT(engine.status().time_sync_drift_s, -3000.0);
    EXPECT_EQ(engine.status().effective_time_scale, 1.05);
    EXPECT_DOUBLE_EQ(hooks.published_ticks().at(0).dt_s, 0.105);
}

TEST_F(EngineControl, TimeSyncLeavesASmallDriftAlone) {
    EngineDef def = test::test_def(&utc_s);
    def.time_sync = true;
    utc_s = test::kUtcAtJ2000_s + 5.0;
    Engine engine(def, initial, 0, &hooks);
    engine.run_until(at(0.0));
    engine.run_until(at(0.1));
    EXPECT_NEAR(engine.status().time_sync_drift_s, -4.0, 1e-6);
    EXPECT_EQ(engine.status().effective_time_scale, 1.0);
    EXPECT_EQ(hooks.published_ticks().at(0).dt_s, 0.1);
}

TEST_F(EngineControl, TimeSyncIsOffUnlessTheTimeScaleIsOne) {
    EngineDef def = test::test_def(&utc_s);
    def.time_sync = true;
    def.time_scale = 2.0;
    utc_s = test::kUtcAtJ2000_s + 3600.0;
    Engine engine(def, initial, 0, &hooks);
    engine.run_until(at(0.0));
    engine.run_until(at(0.1));
    EXPECT_EQ(engine.status().effective_time_scale, 2.0);
    EXPECT_EQ(hooks.published_ticks().at(0).dt_s, 0.2);

    engine.set_time_scale(1.0);  // at scale 1 the correction starts
    engine.run_until(at(0.2));
    EXPECT_EQ(engine.status().effective_time_scale, 1.05);

    engine.set_time_sync(false);
    engine.run_until(at(0.3));
    EXPECT_FALSE(engine.status().time_sync);
    EXPECT_EQ(engine.status().effective_time_scale, 1.0);
    EXPECT_EQ(engine.status().time_sync_drift_s, 0.0);
}

TEST_F(EngineControl, SubmitIsBusyWhileTheJournalRefuses) {
    Engine engine(test::test_def(&utc_s), initial, 0, &hooks);
    engine.run_until(at(0.0));
    hooks.accepting = false;
    EXPECT_EQ(engine.submit({1, 1}, {test::throttle(ship, 1.0)}), Engine::SubmitResult::Busy);
    engine.run_until(at(0.1));  // ticks go on without the refused command
    EXPECT_EQ(engine.status().tick, 1u);
    EXPECT_TRUE(hooks.published_ticks().at(0).commands.empty());
    hooks.accepting = true;
    EXPECT_EQ(engine.submit({1, 2}, {test::throttle(ship, 1.0)}), Engine::SubmitResult::Accepted);
}

TEST_F(EngineControl, AfterStopSubmitIsRefusedAndEnsureShipAnswersZero) {
    Engine engine(test::test_def(&utc_s), initial, 0, &hooks);
    engine.run_until(at(0.0));
    engine.stop();
    engine.stop();  // idempotent
    EXPECT_EQ(engine.submit({1, 1}, {test::throttle(ship, 1.0)}), Engine::SubmitResult::Stopped);
    std::vector<std::uint32_t> done;
    engine.ensure_ship(0, sim::ShipClass::FastFrigate, "late",
                       [&](std::uint32_t id) { done.push_back(id); });
    EXPECT_EQ(done, std::vector<std::uint32_t>{0});
    engine.run_until(at(1.0));  // a stopped engine does not tick
    EXPECT_EQ(engine.status().tick, 0u);
}

}  // namespace
}  // namespace galaxy::server
