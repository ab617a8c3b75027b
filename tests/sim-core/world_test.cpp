// World lifecycle: default stations, spawning, docking, services, crashes, command validation.
#include <gtest/gtest.h>

#include <cmath>

#include "galaxy/sim/hash.hpp"
#include "sim-core/support.hpp"

namespace galaxy::sim {
namespace {

const Station* station_named(const World& world, const std::string& name) {
    for (const Station& s : world.stations) {
        if (s.name == name) return &s;
    }
    return nullptr;
}

bool has_event(const std::vector<Event>& events, EventType type) {
    for (const Event& e : events) {
        if (e.type == type) return true;
    }
    return false;
}

TEST(World, DefaultStationsAreCreatedOnceWhereTheDesignPutsThem) {
    World world = scenario_solar_system();
    ASSERT_EQ(world.stations.size(), 2u);
    const Body& earth = world.bodies[static_cast<std::size_t>(find_body(world, "Earth"))];
    const Station* gateway = station_named(world, "Gateway Station");
    ASSERT_NE(gateway, nullptr);
    EXPECT_EQ(world.home_station, gateway->id);
    const Vec3 r = gateway->position_m - earth.position_m;
    const Vec3 v = gateway->velocity_m_s - earth.velocity_m_s;
    // Positions are barycentric (~1.5e11 m), so differences carry ~3e-5 m of rounding.
    EXPECT_NEAR(norm(r), earth.def.mean_radius_m + 5500e3, 1e-3);
    EXPECT_NEAR(dot(normalized(r), earth.pole), 0.0, 1e-12);        // equatorial
    EXPECT_NEAR(dot(normalized(cross(r, v)), earth.pole), 1.0, 1e-12);   // prograde
    EXPECT_NEAR(norm(v), std::sqrt(earth.def.gm_m3_s2 / norm(r)), 1e-9);  // circular
    ASSERT_NE(station_named(world, "Frontier Outpost"), nullptr);
    create_default_stations(world);   // only when missing
    EXPECT_EQ(world.stations.size(), 2u);
}

TEST(World, HillSpheresAndReferenceBodies) {
    World world = scenario_solar_system();
    const int earth = find_body(world, "Earth"), moon = find_body(world, "Moon"), sun = find_body(world, "Sun");
    // r_H = d (m / 3M)^(1/3) at the J2000 distances: Earth 1.471e11 m from the Sun -> 1.47e9 m;
    // the Moon 4.02e8 m from Earth (near apogee at J2000) -> 6.44e7 m.
    EXPECT_NEAR(world.bodies[earth].hill_radius_m, 1.47e9, 0.01e9);
    EXPECT_NEAR(world.bodies[moon].hill_radius_m, 6.44e7, 0.01e7);
    EXPECT_TRUE(std::isinf(world.bodies[sun].hill_radius_m));
    const Vec3 e = world.bodies[earth].position_m;
    EXPECT_EQ(reference_body_index(world, e + Vec3{7e6, 0, 0}), earth);
    EXPECT_EQ(reference_body_index(world, world.bodies[moon].position_m + Vec3{2e6, 0, 0}), moon);
    EXPECT_EQ(reference_body_index(world, e + Vec3{1e10, 0, 0}), sun);
}

TEST(World, SpawnedShipsGetFreshIdsFullTanksAndNames) {
    World world = scenario_solar_system();
    Command c = spawn_in_orbit(find_body(world, "Mars"), 300e3, 0.2, ShipClass::CargoHauler);
    c.name = "Ares";
    const std::uint32_t a = test::spawn(world, c);
    c.name.clear();
    const std::uint32_t b = test::spawn(world, c);
    EXPECT_EQ(b, a + 1);
    EXPECT_EQ(find_ship(world, a)->name, "Ares");
    EXPECT_EQ(find_ship(world, b)->name, "Ship " + std::to_string(b));
    EXPECT_EQ(find_ship(world, a)->fuel_kg, 60000.0);
}

// Docking range is the station radius plus kDockMargin_m (50 + 50 = 100 m), and the relative
// speed must be under kMaxDockSpeed_m_s (2 m/s): close enough to touch, slow enough not to.
TEST(Docking, DockFollowRefuelUndock) {
    World world = scenario_solar_system();
    Command spawn;
    spawn.type = CommandType::SpawnShip;
    spawn.spawn.kind = SpawnKind::NearStation;
    spawn.spawn.near_station.station_id = world.home_station;
    const std::uint32_t id = test::spawn(world, spawn, 0.1);
    Command dock;
    dock.type = CommandType::Dock;
    dock.ship = id;
    std::vector<Event> events = step(world, 0.1, {dock});   // 500 m behind: out of range
    ASSERT_TRUE(has_event(events, EventType::CommandRejected));

    Ship& ship = *find_ship(world, id);
    const Station& gateway = *find_station(world, world.home_station);
    ship.position_m = gateway.position_m + Vec3{60.0, 0.0, 0.0};
    ship.velocity_m_s = gateway.velocity_m_s + Vec3{0.0, 2.5, 0.0};   // too fast
    events = step(world, 0.1, {dock});
    ASSERT_TRUE(has_event(events, EventType::CommandRejected));
    Ship& again = *find_ship(world, id);
    again.position_m = find_station(world, world.home_station)->position_m + Vec3{60.0, 0.0, 0.0};
    again.velocity_m_s = find_station(world, world.home_station)->velocity_m_s + Vec3{0.0, 1.0, 0.0};
    again.fuel_kg = 10.0;
    events = step(world, 0.1, {dock});
    ASSERT_TRUE(has_event(events, EventType::Docked));

    for (int i = 0; i < 100; ++i) step(world, 60.0, {});   // docked ships move with the station
    const Ship& docked = *find_ship(world, id);
    const Station& st = *find_station(world, world.home_station);
    EXPECT_EQ(docked.position_m, st.position_m + docked.dock_offset_m);
    EXPECT_EQ(docked.velocity_m_s, st.velocity_m_s);

    Command refuel;
    refuel.type = CommandType::Refuel;
    refuel.ship = id;
    ASSERT_TRUE(has_event(step(world, 0.1, {refuel}), EventType::Refueled));
    EXPECT_EQ(find_ship(world, id)->fuel_kg, 15000.0);

    Command undock;
    undock.type = CommandType::Undock;
    undock.ship = id;
    ASSERT_TRUE(has_event(step(world, 0.1, {undock}), EventType::Undocked));
    const Ship& free_ship = *find_ship(world, id);
    EXPECT_EQ(free_ship.docked_station, 0u);
    const Station& s2 = *find_station(world, world.home_station);
    EXPECT_NEAR(norm(free_ship.velocity_m_s - s2.velocity_m_s), kUndockSpeed_m_s, 1e-3);
    EXPECT_TRUE(has_event(step(world, 0.1, {refuel}), EventType::CommandRejected));   // not docked
}

TEST(Services, ResetRespawnsAtHomeWithANewClass) {
    World world = scenario_solar_system();
    const std::uint32_t id = test::spawn(world, spawn_in_orbit(find_body(world, "Mars"), 500e3, 0.0, ShipClass::FastFrigate));
    find_ship(world, id)->fuel_kg = 1.0;
    Command reset;
    reset.type = CommandType::ResetShip;
    reset.ship = id;
    reset.ship_class = ShipClass::CargoHauler;
    ASSERT_TRUE(has_event(step(world, 0.1, {reset}), EventType::ShipRespawned));
    const Ship& ship = *find_ship(world, id);
    EXPECT_EQ(ship.ship_class, ShipClass::CargoHauler);
    EXPECT_EQ(ship.fuel_kg, 60000.0);
    EXPECT_LT(norm(ship.position_m - find_station(world, world.home_station)->position_m), 600.0);
}

TEST(Lifecycle, EnteringABodyCrashesAndRespawnsTheShip) {
    World world = scenario_solar_system();
    const int moon = find_body(world, "Moon");
    const std::uint32_t id = test::spawn(world, spawn_in_orbit(moon, 100e3, 0.0, ShipClass::FastFrigate));
    Ship& ship = *find_ship(world, id);
    ship.velocity_m_s = world.bodies[moon].velocity_m_s;   // dead stop 100 km up: it falls
    bool crashed = false;
    for (int i = 0; i < 200 && !crashed; ++i) {
        for (const Event& e : step(world, 10.0, {})) {
            if (e.type == EventType::ShipCrashed) {
                crashed = true;
                EXPECT_EQ(e.ship, id);
                EXPECT_EQ(e.body, static_cast<std::uint32_t>(moon));
            }
        }
    }
    ASSERT_TRUE(crashed);
    EXPECT_LT(norm(find_ship(world, id)->position_m - find_station(world, world.home_station)->position_m), 600.0);
}

// A rejected command must leave the world exactly as if it had not been sent.
TEST(Commands, InvalidCommandsAreRejectedAndChangeNothing) {
    World base = scenario_solar_system();
    const std::uint32_t id = test::spawn(base, spawn_in_orbit(find_body(base, "Earth"), 400e3, 0.0, ShipClass::FastFrigate));
    std::vector<Command> bad;
    auto add = [&bad, id](CommandType type, auto&& set) {
        Command c;
        c.type = type;
        c.ship = id;
        set(c);
        bad.push_back(c);
    };
    const double nan = std::nan("");
    add(CommandType::SetThrottle, [](Command& c) { c.value = 1.5; });
    add(CommandType::SetThrottle, [](Command& c) { c.value = -0.1; });
    add(CommandType::SetThrottle, [nan](Command& c) { c.value = nan; });
    add(CommandType::SetThrottle, [](Command& c) { c.ship = 999; c.value = 0.5; });
    add(CommandType::SetManualRates, [](Command& c) { c.vector = Vec3{1.0, 0.0, 0.0}; });
    add(CommandType::SetManualRates, [nan](Command& c) { c.vector = Vec3{0.0, nan, 0.0}; });
    add(CommandType::SetRcsTranslation, [](Command& c) { c.vector = Vec3{0.0, 0.0, 2.0}; });
    add(CommandType::SetTarget, [](Command& c) { c.target = TargetRef{TargetKind::Ship, 424242}; });
    add(CommandType::SetTarget, [id](Command& c) { c.target = TargetRef{TargetKind::Ship, id}; });
    add(CommandType::SetTarget, [](Command& c) { c.target = TargetRef{TargetKind::Body, 34}; });
    add(CommandType::Undock, [](Command&) {});
    add(CommandType::Refuel, [](Command&) {});
    add(CommandType::RenameShip, [](Command& c) { c.name = std::string(65, 'x'); });
    add(CommandType::RenameShip, [](Command& c) { c.name = "bad\nname"; });
    add(CommandType::SpawnShip, [](Command& c) { c.spawn.orbit.body_index = 99; });
    add(CommandType::SpawnShip, [nan](Command& c) { c.spawn.orbit.altitude_m = nan; });
    add(CommandType::SpawnShip, [](Command& c) { c.spawn.orbit.altitude_m = -5.0; });
    add(CommandType::SpawnStation, [](Command& c) { c.name = ""; });
    add(CommandType::RemoveStation, [](Command& c) { c.station = 77; });
    for (const Command& c : bad) {
        World with = base, without = base;
        const std::vector<Event> events = step(with, 1.0, {c});
        step(without, 1.0, {});
        ASSERT_EQ(events.size(), 1u) << "command type " << static_cast<int>(c.type);
        EXPECT_EQ(events[0].type, EventType::CommandRejected);
        EXPECT_FALSE(events[0].reason.empty());
        EXPECT_EQ(state_hash(with), state_hash(without)) << events[0].reason;
    }
}

TEST(Commands, RemovingAStationUndocksItsShipsAndClearsTargets) {
    World world = scenario_solar_system();
    const std::uint32_t outpost = station_named(world, "Frontier Outpost")->id;
    const std::uint32_t id = test::spawn(world, spawn_in_orbit(find_body(world, "Earth"), 400e3, 0.0, ShipClass::FastFrigate));
    Command target;
    target.type = CommandType::SetTarget;
    target.ship = id;
    target.target = TargetRef{TargetKind::Station, outpost};
    step(world, 1.0, {target});
    Command remove;
    remove.type = CommandType::RemoveStation;
    remove.station = outpost;
    ASSERT_TRUE(has_event(step(world, 1.0, {remove}), EventType::StationRemoved));
    EXPECT_EQ(find_station(world, outpost), nullptr);
    EXPECT_EQ(find_ship(world, id)->controls.target.kind, TargetKind::None);
}

// A save may hold ships but no bodies (load_world accepts it); stepping it must be safe.
TEST(World, ShipsWithoutBodiesStepSafely) {
    World world;
    Ship ship;
    ship.id = 1;
    ship.fuel_kg = 100.0;
    ship.controls.mode = AttitudeMode::Prograde;
    world.ships.push_back(ship);
    world.next_ship_id = 2;
    Command reset;
    reset.type = CommandType::ResetShip;
    reset.ship = 1;
    Command throttle;
    throttle.type = CommandType::SetThrottle;
    throttle.ship = 1;
    throttle.value = 1.0;
    step(world, 1.0, {reset, throttle});
    step(world, 60.0, {});
    EXPECT_EQ(world.tick, 2u);
    EXPECT_EQ(reference_body_index(world, Vec3{}), -1);
}

}  // namespace
}  // namespace galaxy::sim
