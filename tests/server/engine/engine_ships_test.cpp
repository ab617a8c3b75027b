// Ships the server makes and removes: ensure_ship and remove_ship.
#include <gtest/gtest.h>

#include "server/engine/engine_support.hpp"

namespace galaxy::server {
namespace {

using test::at;
using test::FakeHooks;

class EngineShips : public ::testing::Test {
protected:
    double utc_s = test::kUtcAtJ2000_s;
    FakeHooks hooks;
    std::uint32_t ship = 0;
    sim::World initial = test::world_with_ship(&ship);

    // Records the ids done() is called with.
    std::function<void(std::uint32_t)> recorder(std::vector<std::uint32_t>* out) {
        return [out](std::uint32_t id) { out->push_back(id); };
    }
};

TEST_F(EngineShips, AMissingShipIsSpawnedOnceNearTheHomeStationAndReported) {
    Engine engine(test::test_def(&utc_s), initial, 0, &hooks);
    engine.run_until(at(0.0));
    std::vector<std::uint32_t> first, second;
    engine.ensure_ship(0, sim::ShipClass::CargoHauler, "alice", recorder(&first));
    engine.run_until(at(0.05));
    EXPECT_TRUE(first.empty());  // a spawn waits for the tick
    engine.run_until(at(0.1));

    ASSERT_EQ(first.size(), 1u);
    const std::uint32_t id = first[0];
    EXPECT_EQ(id, initial.next_ship_id);
    const sim::World world = test::world_of(engine);
    const sim::Ship* spawned = sim::find_ship(world, id);
    ASSERT_NE(spawned, nullptr);
    EXPECT_EQ(spawned->name, "alice");
    EXPECT_EQ(spawned->ship_class, sim::ShipClass::CargoHauler);
    EXPECT_EQ(world.ships.size(), initial.ships.size() + 1);

    const std::vector<proto::TickRecord> ticks = hooks.published_ticks();
    ASSERT_EQ(ticks.at(0).commands.size(), 1u);
    const sim::Command& c = ticks[0].commands[0];
    EXPECT_EQ(c.type, sim::CommandType::SpawnShip);
    EXPECT_EQ(c.spawn.kind, sim::SpawnKind::NearStation);
    EXPECT_EQ(c.spawn.near_station.station_id, initial.home_station);
    EXPECT_EQ(c.spawn.near_station.distance_behind_m, 500.0);
    ASSERT_EQ(hooks.journal.at(0).tick, 1u);  // server-made commands are journaled without origins
    EXPECT_TRUE(hooks.journal[0].origins.empty());

    // The ship exists now: asking again answers at the next boundary without a tick.
    engine.ensure_ship(id, sim::ShipClass::CargoHauler, "alice", recorder(&second));
    engine.run_until(at(0.1));
    EXPECT_EQ(second, std::vector<std::uint32_t>{id});
    EXPECT_EQ(test::world_of(engine).ships.size(), initial.ships.size() + 1);
}

TEST_F(EngineShips, AnExistingShipIsReportedAtOnceWithoutATick) {
    Engine engine(test::test_def(&utc_s), initial, 0, &hooks);
    engine.run_until(at(0.0));
    std::vector<std::uint32_t> done;
    engine.ensure_ship(ship, sim::ShipClass::FastFrigate, "bob", recorder(&done));
    engine.run_until(at(0.01));
    EXPECT_EQ(done, std::vector<std::uint32_t>{ship});
    EXPECT_EQ(engine.status().tick, 0u);
}

TEST_F(EngineShips, TwoRequestsForTheSameMissingShipSpawnOneShip) {
    Engine engine(test::test_def(&utc_s), initial, 0, &hooks);
    engine.run_until(at(0.0));
    std::vector<std::uint32_t> a, b;
    engine.ensure_ship(999, sim::ShipClass::FastFrigate, "carol", recorder(&a));
    engine.ensure_ship(999, sim::ShipClass::FastFrigate, "carol", recorder(&b));
    engine.run_until(at(0.1));
    ASSERT_EQ(a.size(), 1u);
    EXPECT_EQ(a, b);
    EXPECT_EQ(test::world_of(engine).ships.size(), initial.ships.size() + 1);
}

TEST_F(EngineShips, SpawnsInOneTickGetTheirOwnIdsAndSpacing) {
    Engine engine(test::test_def(&utc_s), initial, 0, &hooks);
    engine.run_until(at(0.0));
    std::vector<std::uint32_t> done;
    for (int i = 0; i < 3; ++i)
        engine.ensure_ship(0, sim::ShipClass::FastFrigate, "p" + std::to_string(i),
                           recorder(&done));
    engine.run_until(at(0.1));
    const std::uint32_t first = initial.next_ship_id;
    EXPECT_EQ(done, (std::vector<std::uint32_t>{first, first + 1, first + 2}));
    const sim::World world = test::world_of(engine);
    EXPECT_EQ(sim::find_ship(world, first + 2)->name, "p2");
    const std::vector<sim::Command> commands = hooks.published_ticks().at(0).commands;
    ASSERT_EQ(commands.size(), 3u);
    EXPECT_EQ(commands[1].spawn.near_station.distance_behind_m, 600.0);
    EXPECT_EQ(commands[2].spawn.near_station.distance_behind_m, 700.0);
}

TEST_F(EngineShips, WithoutAHomeStationShipsSpawnInA400KmEarthOrbit) {
    sim::World bare = sim::scenario_bodies({"Sun", "Earth", "Moon"}, true);
    Engine engine(test::test_def(&utc_s), bare, 0, &hooks);
    engine.run_until(at(0.0));
    std::vector<std::uint32_t> done;
    engine.ensure_ship(0, sim::ShipClass::FastFrigate, "dave", recorder(&done));
    engine.run_until(at(0.1));
    ASSERT_EQ(done.size(), 1u);
    EXPECT_NE(done[0], 0u);
    const std::vector<proto::TickRecord> ticks = hooks.published_ticks();
    const sim::Command& c = ticks.at(0).commands.at(0);
    EXPECT_EQ(c.spawn.kind, sim::SpawnKind::Orbit);
    EXPECT_EQ(c.spawn.orbit.body_index, static_cast<std::uint32_t>(sim::find_body(bare, "Earth")));
    EXPECT_EQ(c.spawn.orbit.altitude_m, 400000.0);
}

TEST_F(EngineShips, AnInvalidNameFailsAtOnceWithZero) {
    Engine engine(test::test_def(&utc_s), initial, 0, &hooks);
    engine.run_until(at(0.0));
    std::vector<std::uint32_t> done;
    engine.ensure_ship(0, sim::ShipClass::FastFrigate, std::string(65, 'x'), recorder(&done));
    engine.ensure_ship(0, sim::ShipClass::FastFrigate, "tab\there", recorder(&done));
    engine.run_until(at(0.01));
    EXPECT_EQ(done, (std::vector<std::uint32_t>{0, 0}));
    engine.run_until(at(0.1));
    EXPECT_TRUE(hooks.published_ticks().at(0).commands.empty());
}

TEST_F(EngineShips, ASpawnRequestedWhilePausedAppliesAtTheFirstTickAfterThePause) {
    EngineDef def = test::test_def(&utc_s);
    def.paused = true;
    Engine engine(def, initial, 0, &hooks);
    engine.run_until(at(0.0));
    std::vector<std::uint32_t> done;
    engine.ensure_ship(0, sim::ShipClass::FastFrigate, "erin", recorder(&done));
    engine.run_until(at(5.0));
    EXPECT_TRUE(done.empty());
    engine.set_paused(false);
    engine.run_until(at(5.0));
    engine.run_until(at(5.1));
    EXPECT_EQ(done, std::vector<std::uint32_t>{initial.next_ship_id});
}

TEST_F(EngineShips, ASpawnWaitsOneTickWhenTheTickHasAnotherSpawn) {
    Engine engine(test::test_def(&utc_s), initial, 0, &hooks);
    engine.run_until(at(0.0));
    std::vector<std::uint32_t> done;
    sim::Command admin_spawn = sim::spawn_in_orbit(sim::find_body(initial, "Moon"), 100000.0, 0.0,
                                                   sim::ShipClass::FastFrigate);
    engine.submit({0, 0}, {admin_spawn});
    engine.ensure_ship(0, sim::ShipClass::FastFrigate, "frank", recorder(&done));
    engine.run_until(at(0.1));
    EXPECT_TRUE(done.empty());
    engine.run_until(at(0.2));
    // The admin's ship took the next id; this one the id after it.
    EXPECT_EQ(done, std::vector<std::uint32_t>{initial.next_ship_id + 1});
    EXPECT_EQ(sim::find_ship(test::world_of(engine), initial.next_ship_id + 1)->name, "frank");
}

TEST_F(EngineShips, RemoveShipRemovesItAtTheNextTick) {
    Engine engine(test::test_def(&utc_s), initial, 0, &hooks);
    engine.run_until(at(0.0));
    engine.remove_ship(ship);
    EXPECT_NE(sim::find_ship(test::world_of(engine), ship), nullptr);
    engine.run_until(at(0.1));
    EXPECT_EQ(sim::find_ship(test::world_of(engine), ship), nullptr);
    const std::vector<proto::TickRecord> ticks = hooks.published_ticks();
    const sim::Command& c = ticks.at(0).commands.at(0);
    EXPECT_EQ(c.type, sim::CommandType::RemoveShip);
    EXPECT_EQ(c.ship, ship);
    ASSERT_EQ(hooks.events.size(), 1u);
    EXPECT_EQ(hooks.events[0].first, 1u);
    EXPECT_EQ(hooks.events[0].second.at(0).type, sim::EventType::ShipRemoved);
}

}  // namespace
}  // namespace galaxy::server
