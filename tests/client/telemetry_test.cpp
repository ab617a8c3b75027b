// Telemetry: the HUD's figures from worlds whose answers can be checked by hand.
#include "galaxy/client/telemetry.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "galaxy/sim/scenario.hpp"

namespace galaxy::client {
namespace {

// Sun, Earth, Moon (no J2), the default stations, and one fast frigate with full tanks in a
// circular 400 km equatorial Earth orbit (1 ms after spawning).
struct OrbitWorld {
    OrbitWorld() : world(sim::scenario_bodies({"Sun", "Earth", "Moon"}, false)) {
        sim::create_default_stations(world);
        earth = sim::find_body(world, "Earth");
        sim::Command c = sim::spawn_in_orbit(earth, 400000.0, 0.0, sim::ShipClass::FastFrigate);
        c.name = "Probe";
        sim::step(world, sim::kMinTick_s, {c});
        ship_id = world.ships.front().id;
    }
    sim::Ship& ship() { return *sim::find_ship(world, ship_id); }

    sim::World world;
    int earth = -1;
    std::uint32_t ship_id = 0;
};

TEST(ShipTelemetry, MissingShipIsInvalid) {
    OrbitWorld w;
    EXPECT_FALSE(ship_telemetry(w.world, 9999).valid);
}

TEST(ShipTelemetry, CircularLowEarthOrbit) {
    OrbitWorld w;
    const ShipTelemetry t = ship_telemetry(w.world, w.ship_id);
    ASSERT_TRUE(t.valid);
    EXPECT_EQ(t.reference_body, w.earth);
    EXPECT_EQ(t.reference_name, "Earth");
    // sqrt(GM / r) with GM = 3.986004354e14 m^3/s^2, r = 6371.0084 + 400 km: 7672.59 m/s; the
    // Sun's and Moon's pulls over 1 ms change it far less than the 0.05 m/s allowed.
    EXPECT_NEAR(t.speed_m_s, 7672.59, 0.05);
    EXPECT_NEAR(t.altitude_m, 400000.0, 1.0);  // 1 ms of motion is radial only to ~1e-3 m
    // 2 pi sqrt(r^3 / GM) = 5544.87 s; the third-body perturbation makes the osculating orbit
    // differ from the ideal by well under a second.
    EXPECT_NEAR(t.orbit.period_s, 5544.87, 1.0);
    EXPECT_NEAR(t.orbit.eccentricity, 0.0, 1e-4);
    EXPECT_EQ(t.docked_station, 0u);
}

TEST(ShipTelemetry, PropulsionFiguresOfAFullFrigate) {
    OrbitWorld w;
    // Fast frigate: dry 8000 kg, fuel 15000 kg, 600 kN, Isp 20000 s.
    const ShipTelemetry t = ship_telemetry(w.world, w.ship_id);
    EXPECT_DOUBLE_EQ(t.fuel_kg, 15000.0);
    EXPECT_DOUBLE_EQ(t.fuel_fraction, 1.0);
    EXPECT_DOUBLE_EQ(t.mass_kg, 23000.0);
    EXPECT_DOUBLE_EQ(t.max_thrust_n, 600000.0);
    // Isp g0 ln(23000 / 8000) = 196133 m/s x 1.05605 = 207126.78 m/s.
    EXPECT_NEAR(t.delta_v_m_s, 207126.78, 0.01);
    // 600 kN / (23000 kg x GM/R^2 = 9.82022 m/s^2) = 2.65645.
    EXPECT_NEAR(t.twr, 2.65645, 1e-5);
    EXPECT_TRUE(std::isinf(t.burn_time_s));  // throttle 0
    EXPECT_DOUBLE_EQ(t.throttle, 0.0);
}

TEST(ShipTelemetry, BurnTimeAtHalfThrottle) {
    OrbitWorld w;
    w.ship().controls.throttle = 0.5;
    w.ship().fuel_kg = 7500.0;
    const ShipTelemetry t = ship_telemetry(w.world, w.ship_id);
    // Flow = 0.5 x 600 kN / 196133 m/s = 1.52957 kg/s; 7500 kg last 4903.33 s.
    EXPECT_NEAR(t.burn_time_s, 4903.325, 1e-3);
    EXPECT_DOUBLE_EQ(t.fuel_fraction, 0.5);
    EXPECT_DOUBLE_EQ(t.mass_kg, 15500.0);
}

TEST(ShipTelemetry, CopiesControlAndDockState) {
    OrbitWorld w;
    w.ship().controls.mode = sim::AttitudeMode::Prograde;
    w.ship().wheel_saturation = 0.25;
    w.ship().rcs_activity = 0.75;
    w.ship().thrust_n = 1234.0;
    w.ship().docked_station = 1;
    const ShipTelemetry t = ship_telemetry(w.world, w.ship_id);
    EXPECT_EQ(t.mode, sim::AttitudeMode::Prograde);
    EXPECT_DOUBLE_EQ(t.wheel_saturation, 0.25);
    EXPECT_DOUBLE_EQ(t.rcs_activity, 0.75);
    EXPECT_DOUBLE_EQ(t.thrust_n, 1234.0);
    EXPECT_EQ(t.docked_station, 1u);
}

// A second ship 1 km ahead along +x, moving at (-10, +10, 0) m/s relative to the first.
struct PairWorld : OrbitWorld {
    PairWorld() {
        sim::Command c = sim::spawn_in_orbit(earth, 900000.0, 1.0, sim::ShipClass::CargoHauler);
        c.name = "Target";
        sim::step(world, sim::kMinTick_s, {c});
        other_id = world.ships.back().id;
        sim::Ship& other = *sim::find_ship(world, other_id);
        other.position_m = ship().position_m + sim::Vec3{1000.0, 0.0, 0.0};
        other.velocity_m_s = ship().velocity_m_s + sim::Vec3{-10.0, 10.0, 0.0};
    }
    std::uint32_t other_id = 0;
};

TEST(TargetTelemetry, StraightLineClosestApproach) {
    PairWorld w;
    const TargetTelemetry t =
        target_telemetry(w.world, w.ship_id, {sim::TargetKind::Ship, w.other_id});
    ASSERT_TRUE(t.valid);
    EXPECT_EQ(t.name, "Target");
    // Positions ~7e6 m from Earth (1e11 m from the Sun): differences keep ~1e-5 m.
    EXPECT_NEAR(t.distance_m, 1000.0, 1e-3);
    EXPECT_NEAR(t.relative_speed_m_s, std::sqrt(200.0), 1e-6);
    EXPECT_NEAR(t.closing_speed_m_s, 10.0, 1e-6);
    // d + w t is shortest at t = -d.w / |w|^2 = 10000 / 200 = 50 s, at (500, 500, 0).
    EXPECT_NEAR(t.time_to_closest_approach_s, 50.0, 1e-5);
    EXPECT_NEAR(t.closest_approach_m, 707.10678, 1e-3);
}

TEST(TargetTelemetry, RecedingTargetIsClosestNow) {
    PairWorld w;
    sim::Ship& other = *sim::find_ship(w.world, w.other_id);
    other.velocity_m_s = w.ship().velocity_m_s + sim::Vec3{5.0, 0.0, 0.0};
    const TargetTelemetry t =
        target_telemetry(w.world, w.ship_id, {sim::TargetKind::Ship, w.other_id});
    EXPECT_NEAR(t.closing_speed_m_s, -5.0, 1e-6);
    EXPECT_EQ(t.time_to_closest_approach_s, 0.0);
    EXPECT_NEAR(t.closest_approach_m, 1000.0, 1e-3);
}

TEST(TargetTelemetry, BodyDistancesAreToTheSurface) {
    OrbitWorld w;
    const TargetTelemetry t = target_telemetry(
        w.world, w.ship_id, {sim::TargetKind::Body, static_cast<std::uint32_t>(w.earth)});
    ASSERT_TRUE(t.valid);
    EXPECT_EQ(t.name, "Earth");
    EXPECT_NEAR(t.distance_m, 400000.0, 1.0);
    // A circular orbit neither closes nor opens: the closest point is now, 400 km up.
    EXPECT_NEAR(t.closing_speed_m_s, 0.0, 0.01);
    EXPECT_NEAR(t.closest_approach_m, 400000.0, 1.0);
}

TEST(TargetTelemetry, MissingTargetsAreInvalid) {
    OrbitWorld w;
    EXPECT_FALSE(target_telemetry(w.world, w.ship_id, {}).valid);
    EXPECT_FALSE(target_telemetry(w.world, w.ship_id, {sim::TargetKind::Ship, 999}).valid);
    EXPECT_FALSE(target_telemetry(w.world, w.ship_id, {sim::TargetKind::Station, 999}).valid);
    EXPECT_FALSE(target_telemetry(w.world, w.ship_id, {sim::TargetKind::Body, 999}).valid);
    EXPECT_FALSE(target_telemetry(w.world, 999, {sim::TargetKind::Body, 0}).valid);
}

TEST(TargetTelemetry, StationTarget) {
    OrbitWorld w;
    const sim::Station& s = w.world.stations.front();
    const TargetTelemetry t =
        target_telemetry(w.world, w.ship_id, {sim::TargetKind::Station, s.id});
    ASSERT_TRUE(t.valid);
    EXPECT_EQ(t.name, s.name);
    EXPECT_DOUBLE_EQ(t.distance_m, sim::norm(s.position_m - w.ship().position_m));
}

TEST(TargetName, NamesEveryKindAndNothingForMissing) {
    OrbitWorld w;
    EXPECT_EQ(target_name(w.world, {sim::TargetKind::Body, 0}), "Sun");
    EXPECT_EQ(target_name(w.world, {sim::TargetKind::Ship, w.ship_id}), "Probe");
    EXPECT_EQ(target_name(w.world, {sim::TargetKind::Station, w.world.home_station}),
              "Gateway Station");
    EXPECT_EQ(target_name(w.world, {}), "");
    EXPECT_EQ(target_name(w.world, {sim::TargetKind::Ship, 999}), "");
}

// Puts the ship at `distance_m` from the home station moving at `speed_m_s` relative to it.
void place_near_station(OrbitWorld& w, double distance_m, double speed_m_s) {
    const sim::Station& s = *sim::find_station(w.world, w.world.home_station);
    w.ship().position_m = s.position_m + sim::Vec3{0.0, distance_m, 0.0};
    w.ship().velocity_m_s = s.velocity_m_s + sim::Vec3{0.0, -speed_m_s, 0.0};
}

TEST(DockingTelemetry, InRangeAndSlowCanDock) {
    OrbitWorld w;
    place_near_station(w, 80.0, 1.0);
    const DockingTelemetry t = docking_telemetry(w.world, w.ship_id);
    ASSERT_TRUE(t.valid);
    EXPECT_EQ(t.station, w.world.home_station);
    EXPECT_EQ(t.station_name, "Gateway Station");
    EXPECT_NEAR(t.distance_m, 80.0, 1e-3);  // ~1e7 m coordinates: ~1e-9 m rounding
    EXPECT_NEAR(t.closing_speed_m_s, 1.0, 1e-6);
    EXPECT_NEAR(t.relative_speed_m_s, 1.0, 1e-6);
    EXPECT_TRUE(t.in_range);
    EXPECT_TRUE(t.can_dock);
    EXPECT_FALSE(t.docked);
}

TEST(DockingTelemetry, TooFastOrTooFarCannotDock) {
    OrbitWorld w;
    place_near_station(w, 80.0, 3.0);  // over the 2 m/s limit
    DockingTelemetry t = docking_telemetry(w.world, w.ship_id);
    EXPECT_TRUE(t.in_range);
    EXPECT_FALSE(t.can_dock);
    place_near_station(w, 120.0, 0.5);  // over 50 m + 50 m
    t = docking_telemetry(w.world, w.ship_id);
    EXPECT_FALSE(t.in_range);
    EXPECT_FALSE(t.can_dock);
}

TEST(DockingTelemetry, AgreesWithSimCoresDockCommand) {
    for (const double speed : {1.0, 3.0}) {
        OrbitWorld w;
        place_near_station(w, 90.0, speed);
        const bool predicted = docking_telemetry(w.world, w.ship_id).can_dock;
        sim::Command dock;
        dock.type = sim::CommandType::Dock;
        dock.ship = w.ship_id;
        sim::step(w.world, sim::kMinTick_s, {dock});
        EXPECT_EQ(predicted, w.ship().docked_station != 0) << "speed " << speed;
    }
}

TEST(DockingTelemetry, DockedShipReportsItsStation) {
    OrbitWorld w;
    place_near_station(w, 60.0, 0.0);
    sim::Command dock;
    dock.type = sim::CommandType::Dock;
    dock.ship = w.ship_id;
    sim::step(w.world, sim::kMinTick_s, {dock});
    ASSERT_NE(w.ship().docked_station, 0u);
    const DockingTelemetry t = docking_telemetry(w.world, w.ship_id);
    EXPECT_TRUE(t.docked);
    EXPECT_FALSE(t.can_dock);
    EXPECT_EQ(t.station, w.ship().docked_station);
}

TEST(DockingTelemetry, NoStationsIsInvalid) {
    OrbitWorld w;
    w.world.stations.clear();
    EXPECT_FALSE(docking_telemetry(w.world, w.ship_id).valid);
    EXPECT_FALSE(docking_telemetry(w.world, 999).valid);
}

}  // namespace
}  // namespace galaxy::client
