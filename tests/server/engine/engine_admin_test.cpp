// The engine's admin requests: looking at the world, station commands with their outcome,
// admin snapshots, and replacing the world (snapshot restore, world reset).
#include <gtest/gtest.h>

#include "galaxy/sim/hash.hpp"
#include "server/engine/engine_support.hpp"

namespace galaxy::server {
namespace {

using test::at;
using test::FakeHooks;

class EngineAdmin : public ::testing::Test {
protected:
    double utc_s = test::kUtcAtJ2000_s;
    FakeHooks hooks;
    std::uint32_t ship = 0;
    sim::World initial = test::world_with_ship(&ship);
};

sim::Command spawn_station(const sim::World& world, const std::string& name) {
    sim::Command c;
    c.type = sim::CommandType::SpawnStation;
    c.name = name;
    c.spawn.kind = sim::SpawnKind::Orbit;
    c.spawn.orbit.body_index = static_cast<std::uint32_t>(sim::find_body(world, "Earth"));
    c.spawn.orbit.altitude_m = 800000.0;
    return c;
}

TEST_F(EngineAdmin, InspectSeesTheWorldAtTheNextBoundaryEvenWhilePaused) {
    EngineDef def = test::test_def(&utc_s);
    def.paused = true;
    Engine engine(def, initial, 7, &hooks);
    std::size_t ships_seen = 0;
    std::uint64_t tick_seen = 0;
    ASSERT_TRUE(engine.inspect([&](const sim::World& world, std::uint64_t tick) {
        ships_seen = world.ships.size();
        tick_seen = tick;
    }));
    EXPECT_EQ(ships_seen, 0u);  // not before the boundary
    engine.run_until(at(0.0));
    EXPECT_EQ(ships_seen, 1u);
    EXPECT_EQ(tick_seen, 7u);
}

TEST_F(EngineAdmin, AdminCommandsReportTheTickAndItsEvents) {
    Engine engine(test::test_def(&utc_s), initial, 0, &hooks);
    engine.run_until(at(0.0));
    std::uint32_t spawned = 0;
    std::string name_in_world;
    std::uint64_t applied_tick = 0;
    ASSERT_TRUE(engine.submit_admin(
        {spawn_station(initial, "Admin Station")},
        [&](const sim::World& world, std::uint64_t tick, const std::vector<sim::Event>& events) {
            applied_tick = tick;
            for (const sim::Event& e : events) {
                if (e.type != sim::EventType::StationSpawned) continue;
                spawned = e.station;
                name_in_world = sim::find_station(world, e.station)->name;
            }
        }));
    engine.run_until(at(0.1));
    EXPECT_EQ(applied_tick, 1u);
    EXPECT_NE(spawned, 0u);
    EXPECT_EQ(name_in_world, "Admin Station");
    // Journaled like any command, with origin 0 (nobody to acknowledge).
    ASSERT_FALSE(hooks.journal.empty());
    EXPECT_EQ(hooks.journal.back().tick, 1u);
    ASSERT_EQ(hooks.journal.back().origins.size(), 1u);
    EXPECT_EQ(hooks.journal.back().origins[0].session_id, 0u);
}

TEST_F(EngineAdmin, AdminSnapshotsCarryKindAndLabelAndShareOneBoundary) {
    Engine engine(test::test_def(&utc_s), initial, 0, &hooks);
    engine.run_until(at(0.0));
    engine.run_until(at(0.2));
    std::vector<std::int64_t> ids;
    engine.request_snapshot("manual", "before test", [&](std::int64_t id) { ids.push_back(id); });
    engine.request_snapshot("manual", "second", [&](std::int64_t id) { ids.push_back(id); });
    engine.run_until(at(0.2));
    ASSERT_EQ(hooks.snapshots.size(), 1u);
    const SnapshotData& s = hooks.snapshots[0];
    EXPECT_EQ(s.kind, "manual");
    EXPECT_EQ(s.label, "before test");
    EXPECT_EQ(s.tick, 2u);
    EXPECT_EQ(s.state_hash, sim::state_hash(test::world_of(engine)));
    ASSERT_TRUE(s.on_written);
    s.on_written(42);  // what persistence does once the row is stored
    EXPECT_EQ(ids, (std::vector<std::int64_t>{42, 42}));
}

TEST_F(EngineAdmin, ReplacingTheWorldKeepsTheTickCountingAndSavesTheNewWorldAtOnce) {
    Engine engine(test::test_def(&utc_s), initial, 0, &hooks);
    engine.run_until(at(0.0));
    engine.run_until(at(0.5));
    ASSERT_EQ(engine.status().tick, 5u);
    sim::World replacement = sim::scenario_solar_system();  // no ships
    EXPECT_LT(replacement.next_ship_id, initial.next_ship_id);
    // Ids are never given twice: the new world continues the old one's ship ids.
    replacement.next_ship_id = initial.next_ship_id;
    const std::uint64_t replacement_hash = sim::state_hash(replacement);
    std::uint64_t done_tick = 0;
    std::uint64_t done_hash = 0;
    ASSERT_TRUE(engine.replace_world(sim::scenario_solar_system(), [&](std::uint64_t tick, std::uint64_t hash) {
        done_tick = tick;
        done_hash = hash;
    }));
    engine.run_until(at(0.5));
    EXPECT_EQ(done_tick, 5u);
    EXPECT_EQ(done_hash, replacement_hash);
    EXPECT_EQ(hooks.replaced, (std::vector<std::uint64_t>{5}));
    ASSERT_EQ(hooks.snapshots.size(), 1u);
    EXPECT_EQ(hooks.snapshots[0].kind, "restore");
    EXPECT_EQ(hooks.snapshots[0].tick, 5u);
    EXPECT_EQ(hooks.snapshots[0].state_hash, replacement_hash);
    EXPECT_EQ(engine.status().ships, 0u);
    // Updates of the old world went out before the replacement.
    ASSERT_FALSE(hooks.updates.empty());
    EXPECT_EQ(hooks.updates.back().ticks.back().tick, 5u);

    engine.run_until(at(0.6));
    EXPECT_EQ(engine.status().tick, 6u);
    // The first tick after it is journaled, so a replay from the restore snapshot has its dt.
    ASSERT_FALSE(hooks.journal.empty());
    EXPECT_EQ(hooks.journal.back().tick, 6u);
    sim::World expected = replacement;
    proto::TickRecord record;
    record.tick = 6;
    record.dt_s = hooks.journal.back().dt_s;
    proto::apply_tick(expected, record);
    EXPECT_EQ(hooks.journal.back().state_hash, sim::state_hash(expected));
}

TEST_F(EngineAdmin, RequestsAfterStopAreRefused) {
    Engine engine(test::test_def(&utc_s), initial, 0, &hooks);
    engine.stop();
    EXPECT_FALSE(engine.inspect([](const sim::World&, std::uint64_t) {}));
    EXPECT_FALSE(engine.submit_admin({}, {}));
    EXPECT_FALSE(engine.replace_world(initial, {}));
}

}  // namespace
}  // namespace galaxy::server
