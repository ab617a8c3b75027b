// The engine on its own thread with the real clock: the one engine test that waits real time.
#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "server/engine/engine_support.hpp"

namespace galaxy::server {
namespace {

TEST(EngineThread, StartTicksOnItsOwnThreadUntilStop) {
    test::FakeHooks hooks;  // read only after stop(), which joins the thread
    std::uint32_t ship = 0;
    EngineDef def;
    def.tick_rate_hz = 60.0;
    def.snapshot_interval_s = 1e9;
    Engine engine(def, test::world_with_ship(&ship), 0, &hooks);

    const auto started = std::chrono::steady_clock::now();
    engine.start();
    engine.request_keyframe(1);
    ASSERT_EQ(engine.submit({5, 1}, {test::throttle(ship, 1.0)}), Engine::SubmitResult::Accepted);
    std::this_thread::sleep_for(std::chrono::milliseconds(200));  // about 12 ticks
    const std::uint64_t running_tick = engine.status().tick;
    engine.stop();
    const double elapsed_s =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();

    // A loaded machine may run fewer ticks, never none, and never more than the time allows.
    EXPECT_GE(running_tick, 1u);
    const std::uint64_t final_tick = engine.status().tick;
    EXPECT_GE(final_tick, running_tick);
    EXPECT_LE(static_cast<double>(final_tick), elapsed_s * 60.0 + 1.0);
    ASSERT_EQ(hooks.keyframes.size(), 1u);
    EXPECT_EQ(hooks.keyframes[0].session, 1u);

    // Every tick was published once, in order, and the command applied at one of them.
    const std::vector<proto::TickRecord> ticks = hooks.published_ticks();
    ASSERT_EQ(ticks.size(), final_tick);
    std::size_t commands = 0;
    for (std::size_t i = 0; i < ticks.size(); ++i) {
        EXPECT_EQ(ticks[i].tick, i + 1);
        commands += ticks[i].commands.size();
    }
    EXPECT_EQ(commands, 1u);
    EXPECT_EQ(sim::find_ship(test::world_of(engine), ship)->controls.throttle, 1.0);
    EXPECT_EQ(engine.submit({5, 2}, {}), Engine::SubmitResult::Stopped);
}

}  // namespace
}  // namespace galaxy::server
