// player_spawn_command: where the server (and the client's local server) put a player's ship.
#include <gtest/gtest.h>

#include "galaxy/sim/catalog.hpp"
#include "galaxy/sim/player_spawn.hpp"
#include "sim-core/support.hpp"

namespace galaxy::sim {
namespace {

TEST(PlayerSpawn, CoOrbitsTheHomeStationAtTheGivenDistance) {
    World world = create_world(default_catalog());
    create_default_stations(world);
    const Command c = player_spawn_command(world, ShipClass::CargoHauler, "Ada", 700.0);
    EXPECT_EQ(c.type, CommandType::SpawnShip);
    EXPECT_EQ(c.ship_class, ShipClass::CargoHauler);
    EXPECT_EQ(c.name, "Ada");
    EXPECT_EQ(c.spawn.kind, SpawnKind::NearStation);
    EXPECT_EQ(c.spawn.near_station.station_id, world.home_station);

    const std::uint32_t id = test::spawn(world, c);
    const Ship* ship = find_ship(world, id);
    const Station* home = find_station(world, world.home_station);
    ASSERT_NE(ship, nullptr);
    ASSERT_NE(home, nullptr);
    // 700 m behind after a 1 s tick; both move together, so within a metre of it.
    EXPECT_NEAR(norm(ship->position_m - home->position_m), 700.0, 1.0);
}

TEST(PlayerSpawn, WithoutAHomeStationOrbitsEarth) {
    World world = create_world(default_catalog());
    const Command c = player_spawn_command(world, ShipClass::FastFrigate, "Bo", 500.0);
    EXPECT_EQ(c.spawn.kind, SpawnKind::Orbit);
    EXPECT_EQ(static_cast<int>(c.spawn.orbit.body_index), find_body(world, "Earth"));
    EXPECT_EQ(c.spawn.orbit.altitude_m, kPlayerFallbackAltitude_m);
    EXPECT_NE(test::spawn(world, c), 0u);
}

}  // namespace
}  // namespace galaxy::sim
