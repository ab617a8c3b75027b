// What the engine hands out besides updates: keyframes for joining sessions and snapshots.
#include <gtest/gtest.h>

#include "galaxy/sim/hash.hpp"
#include "server/engine/engine_support.hpp"

namespace galaxy::server {
namespace {

using test::at;
using test::FakeHooks;

class EngineOutput : public ::testing::Test {
protected:
    double utc_s = test::kUtcAtJ2000_s + 100.0;
    FakeHooks hooks;
    std::uint32_t ship = 0;
    sim::World initial = test::world_with_ship(&ship);
};

TEST_F(EngineOutput, AKeyframeComesAtTheNextBoundaryAndDecodesToTheCurrentWorld) {
    Engine engine(test::test_def(&utc_s), initial, 500, &hooks);
    engine.run_until(at(0.0));
    engine.submit({1, 1}, {test::throttle(ship, 0.5)});
    engine.run_until(at(0.2));
    engine.request_keyframe(11);
    engine.request_keyframe(12);
    engine.request_keyframe(11);  // twice at one boundary: delivered once
    EXPECT_TRUE(hooks.keyframes.empty());
    engine.run_until(at(0.25));  // a boundary without a tick

    ASSERT_EQ(hooks.keyframes.size(), 2u);
    EXPECT_EQ(hooks.keyframes[0].session, 11u);
    EXPECT_EQ(hooks.keyframes[1].session, 12u);
    EXPECT_EQ(hooks.keyframes[0].tick, 502u);
    EXPECT_EQ(hooks.keyframes[0].frame, hooks.keyframes[1].frame);  // one encoding for all

    proto::Keyframe keyframe;
    proto::DecodeError error;
    const Frame& frame = hooks.keyframes[0].frame;
    ASSERT_TRUE(proto::decode_keyframe(frame->data(), frame->size(), &keyframe, &error))
        << error.message;
    EXPECT_EQ(keyframe.tick, 502u);
    EXPECT_EQ(keyframe.dt_s, 0.1);
    EXPECT_EQ(keyframe.server_time_us, static_cast<std::uint64_t>(utc_s * 1e6));
    EXPECT_EQ(sim::state_hash(keyframe.world), sim::state_hash(test::world_of(engine)));
    EXPECT_EQ(sim::find_ship(keyframe.world, ship)->controls.throttle, 0.5);
    // Lending the world to the encoder left the engine's intact: it goes on ticking.
    engine.run_until(at(0.3));
    EXPECT_EQ(engine.status().tick, 503u);
    EXPECT_EQ(test::world_of(engine).ships.size(), initial.ships.size());
}

TEST_F(EngineOutput, KeyframesAreServedWhilePaused) {
    EngineDef def = test::test_def(&utc_s);
    def.paused = true;
    Engine engine(def, initial, 7, &hooks);
    engine.run_until(at(0.0));
    engine.request_keyframe(3);
    engine.run_until(at(0.01));
    ASSERT_EQ(hooks.keyframes.size(), 1u);
    EXPECT_EQ(hooks.keyframes[0].tick, 7u);
}

TEST_F(EngineOutput, SnapshotsAreWrittenEveryIntervalAndOnRequest) {
    EngineDef def = test::test_def(&utc_s);
    def.snapshot_interval_s = 2.0;
    Engine engine(def, initial, 0, &hooks);
    engine.run_until(at(0.0));
    engine.run_until(at(1.9));
    EXPECT_TRUE(hooks.snapshots.empty());
    engine.run_until(at(2.0));
    ASSERT_EQ(hooks.snapshots.size(), 1u);
    const SnapshotData& s = hooks.snapshots[0];
    EXPECT_EQ(s.tick, 20u);
    EXPECT_EQ(s.dt_s, 0.1);
    sim::World loaded;
    std::string error;
    ASSERT_TRUE(sim::load_world(s.world.data(), s.world.size(), &loaded, &error)) << error;
    EXPECT_EQ(sim::state_hash(loaded), s.state_hash);
    EXPECT_EQ(s.state_hash, sim::state_hash(test::world_of(engine)));
    EXPECT_EQ(s.game_time_s, loaded.game_time_s);

    engine.request_snapshot();
    engine.run_until(at(2.05));
    ASSERT_EQ(hooks.snapshots.size(), 2u);
    EXPECT_EQ(hooks.snapshots[1].tick, 20u);
    engine.run_until(at(3.9));  // the interval counts from the last snapshot
    EXPECT_EQ(hooks.snapshots.size(), 2u);
    engine.run_until(at(4.05));
    ASSERT_EQ(hooks.snapshots.size(), 3u);
    EXPECT_EQ(hooks.snapshots[2].tick, 40u);
}

TEST_F(EngineOutput, SnapshotNowAfterStopIsTheFinalWorld) {
    Engine engine(test::test_def(&utc_s), initial, 0, &hooks);
    engine.run_until(at(0.0));
    engine.submit({1, 1}, {test::throttle(ship, 1.0)});
    engine.run_until(at(0.5));
    engine.stop();
    const SnapshotData s = engine.snapshot_now();
    EXPECT_EQ(s.tick, 5u);
    sim::World replica = initial;
    for (const proto::TickRecord& r : hooks.published_ticks()) proto::apply_tick(replica, r);
    EXPECT_EQ(s.state_hash, sim::state_hash(replica));
    sim::World loaded;
    std::string error;
    ASSERT_TRUE(sim::load_world(s.world.data(), s.world.size(), &loaded, &error)) << error;
    EXPECT_EQ(sim::state_hash(loaded), s.state_hash);
    EXPECT_EQ(sim::find_ship(loaded, ship)->controls.throttle, 1.0);
}

}  // namespace
}  // namespace galaxy::server
