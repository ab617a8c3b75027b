#include "galaxy/client/target_cycle.hpp"

#include <set>
#include <utility>

#include <gtest/gtest.h>

#include "galaxy/sim/scenario.hpp"

namespace galaxy::client {
namespace {

// Sun, Earth, Moon (indices 0, 1, 2), the two default stations, and three ships: 1 and 2 in
// Earth orbits 400 km and 1,000 km up, 3 around the Moon.
sim::World small_world() {
    sim::World world = sim::scenario_bodies({"Sun", "Earth", "Moon"}, false);
    sim::create_default_stations(world);
    sim::step(world, 1.0,
              {sim::spawn_in_orbit(1, 400e3, 0.0, sim::ShipClass::FastFrigate),
               sim::spawn_in_orbit(1, 1000e3, 0.0, sim::ShipClass::CargoHauler),
               sim::spawn_in_orbit(2, 100e3, 0.0, sim::ShipClass::FastFrigate)});
    return world;
}

bool same(sim::TargetRef a, sim::TargetRef b) { return a.kind == b.kind && a.id == b.id; }

TEST(TargetCycle, VisitsStationsThenOtherShipsThenBodiesAndWraps) {
    const sim::World world = small_world();
    ASSERT_EQ(world.ships.size(), 3u);
    ASSERT_EQ(world.stations.size(), 2u);
    std::vector<sim::TargetRef> visited;
    sim::TargetRef current;
    for (int i = 0; i < 7; ++i) {
        current = next_target(world, 1, current);
        visited.push_back(current);
    }
    const std::vector<sim::TargetKind> kinds{sim::TargetKind::Station, sim::TargetKind::Station,
                                             sim::TargetKind::Ship,    sim::TargetKind::Ship,
                                             sim::TargetKind::Body,    sim::TargetKind::Body,
                                             sim::TargetKind::Body};
    for (std::size_t i = 0; i < kinds.size(); ++i) EXPECT_EQ(visited[i].kind, kinds[i]) << i;
    // Nearest first: Gateway (Earth orbit) before Frontier (Earth-Moon L5), the other Earth
    // ship before the Moon's, Earth before the Moon before the Sun.
    ASSERT_NE(sim::find_station(world, visited[0].id), nullptr);
    EXPECT_EQ(sim::find_station(world, visited[0].id)->name, "Gateway Station");
    EXPECT_EQ(visited[2].id, 2u);
    EXPECT_EQ(visited[3].id, 3u);
    EXPECT_EQ(visited[4].id, 1u);
    EXPECT_EQ(visited[5].id, 2u);
    EXPECT_EQ(visited[6].id, 0u);
    EXPECT_TRUE(same(next_target(world, 1, current), visited[0]));
}

TEST(TargetCycle, NeverOffersTheOwnShip) {
    const sim::World world = small_world();
    for (const TargetChoice& c : targets_by_distance(world, sim::TargetKind::Ship, {}, 2)) {
        EXPECT_NE(c.target.id, 2u);
    }
    EXPECT_EQ(targets_by_distance(world, sim::TargetKind::Ship, {}, 2).size(), 2u);
}

TEST(TargetCycle, BodyDistancesAreToTheSurfaceAndSorted) {
    const sim::World world = small_world();
    const sim::Vec3 ship = sim::find_ship(world, 1)->position_m;
    const std::vector<TargetChoice> bodies =
        targets_by_distance(world, sim::TargetKind::Body, ship, 1);
    ASSERT_EQ(bodies.size(), 3u);
    EXPECT_EQ(bodies[0].target.id, 1u);
    // 400 km up, within the few metres the first step moved the orbit (radius unchanged to
    // first order on a circular orbit).
    EXPECT_NEAR(bodies[0].distance_m, 400e3, 10.0);
    for (std::size_t i = 1; i < bodies.size(); ++i) {
        EXPECT_LE(bodies[i - 1].distance_m, bodies[i].distance_m);
    }
}

TEST(TargetCycle, AnUnknownCurrentTargetStartsAtTheFirstAndAnEmptyWorldHasNone) {
    const sim::World world = small_world();
    const sim::TargetRef first = next_target(world, 1, {});
    EXPECT_TRUE(same(next_target(world, 1, {sim::TargetKind::Ship, 99}), first));
    EXPECT_EQ(next_target(sim::World{}, 1, {}).kind, sim::TargetKind::None);
}

TEST(TargetCycle, PositionsOfTargets) {
    const sim::World world = small_world();
    sim::Vec3 p;
    ASSERT_TRUE(target_position(world, {sim::TargetKind::Body, 2}, &p));
    EXPECT_EQ(p, world.bodies[2].position_m);
    ASSERT_TRUE(target_position(world, {sim::TargetKind::Station, world.stations[1].id}, &p));
    EXPECT_EQ(p, world.stations[1].position_m);
    EXPECT_FALSE(target_position(world, {sim::TargetKind::Body, 3}, &p));
    EXPECT_FALSE(target_position(world, {sim::TargetKind::Ship, 99}, &p));
    EXPECT_FALSE(target_position(world, {}, &p));
}

}  // namespace
}  // namespace galaxy::client
