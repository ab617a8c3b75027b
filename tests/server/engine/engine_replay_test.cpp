// What clients and crash recovery rely on: the published tick records, applied with
// proto::apply_tick to the engine's starting world, reproduce the engine's world bit for bit.
#include <gtest/gtest.h>

#include "galaxy/sim/hash.hpp"
#include "server/engine/engine_support.hpp"

namespace galaxy::server {
namespace {

using test::at;
using test::FakeHooks;

TEST(EngineReplay, PublishedUpdatesReproduceTheEnginesWorld) {
    double utc_s = test::kUtcAtJ2000_s;
    FakeHooks hooks;
    std::uint32_t ship = 0;
    const sim::World initial = test::world_with_ship(&ship);
    EngineDef def = test::test_def(&utc_s);
    def.tick_rate_hz = 20.0;
    def.hash_interval_ticks = 4;
    Engine engine(def, initial, 1000, &hooks);

    // A mix of everything that changes the world: player commands, spawns, removals, dt
    // changes, late wake-ups that batch their updates, and a skip.
    double t = 0.0;
    engine.run_until(at(t));
    std::vector<std::uint32_t> spawned;
    for (int step = 1; step <= 60; ++step) {
        if (step % 7 == 0)
            engine.submit({9, static_cast<std::uint32_t>(step)},
                          {test::throttle(ship, (step % 3) / 2.0)});
        if (step == 10)
            engine.ensure_ship(0, sim::ShipClass::CargoHauler, "g",
                               [&](std::uint32_t id) { spawned.push_back(id); });
        if (step == 20) engine.set_time_scale(40.0);
        if (step == 30 && !spawned.empty()) engine.remove_ship(spawned[0]);
        if (step == 40) engine.set_tick_rate(5.0);
        t += step % 10 == 0 ? 0.6 : 0.05;  // every tenth wake-up is late
        if (step == 50) t += 30.0;         // beyond the catch-up cap: ticks are skipped
        engine.run_until(at(t));
    }
    engine.stop();  // sends what is held
    ASSERT_EQ(spawned.size(), 1u);
    EXPECT_GT(engine.status().ticks_skipped, 0u);

    sim::World replica = initial;
    std::uint64_t expected_tick = 1001;
    std::size_t hashes_checked = 0;
    bool batched = false;
    for (const proto::Update& u : hooks.updates) {
        batched = batched || u.ticks.size() > 1;
        for (const proto::TickRecord& r : u.ticks) {
            ASSERT_EQ(r.tick, expected_tick++);
            proto::apply_tick(replica, r);
        }
        if (u.has_hash) {
            EXPECT_EQ(u.state_hash, sim::state_hash(replica)) << u.ticks.back().tick;
            ++hashes_checked;
        }
    }
    EXPECT_TRUE(batched);
    EXPECT_GE(hashes_checked, 5u);
    EXPECT_EQ(expected_tick - 1, engine.status().tick);
    EXPECT_EQ(sim::state_hash(replica), engine.snapshot_now().state_hash);
    EXPECT_EQ(sim::find_ship(replica, spawned[0]), nullptr);

    // Crash recovery replays journal rows instead: commands at their ticks, the last row's dt
    // for the ticks in between. It must land on the same world.
    sim::World recovered = initial;
    std::size_t row = 0;
    double dt_s = 0.0;
    for (std::uint64_t tick = 1001; tick <= engine.status().tick; ++tick) {
        proto::TickRecord r;
        r.tick = tick;
        if (row < hooks.journal.size() && hooks.journal[row].tick == tick) {
            const JournalEntry& e = hooks.journal[row++];
            dt_s = e.dt_s;
            proto::DecodeError error;
            ASSERT_TRUE(
                proto::decode_commands(e.commands.data(), e.commands.size(), &r.commands, &error));
            r.dt_s = dt_s;
            proto::apply_tick(recovered, r);
            EXPECT_EQ(sim::state_hash(recovered), e.state_hash) << tick;
        } else {
            r.dt_s = dt_s;
            proto::apply_tick(recovered, r);
        }
    }
    EXPECT_EQ(row, hooks.journal.size());
    EXPECT_EQ(sim::state_hash(recovered), sim::state_hash(replica));
}

}  // namespace
}  // namespace galaxy::server
