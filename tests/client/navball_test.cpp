#include "galaxy/client/navball.hpp"

#include <cmath>

#include <gtest/gtest.h>

#include "galaxy/sim/quat.hpp"
#include "galaxy/sim/scenario.hpp"

namespace galaxy::client {
namespace {

// Sun, Earth, Moon with the default stations and one ship in a circular 400 km Earth orbit,
// pointed prograde.
struct Fixture {
    sim::World world;
    sim::Ship* ship = nullptr;
    sim::Vec3 v_rel;
};

Fixture prograde_ship() {
    Fixture f;
    f.world = sim::scenario_bodies({"Sun", "Earth", "Moon"}, false);
    sim::create_default_stations(f.world);
    sim::step(f.world, 1.0, {sim::spawn_in_orbit(1, 400e3, 0.3, sim::ShipClass::FastFrigate)});
    f.ship = sim::find_ship(f.world, 1);
    f.v_rel = f.ship->velocity_m_s - f.world.bodies[1].velocity_m_s;
    f.ship->attitude = sim::quat_pointing_z_at(normalized(f.v_rel));
    return f;
}

TEST(Navball, PointingProgradePutsTheProgradeMarkerAtTheCentre) {
    const Fixture f = prograde_ship();
    const NavballFrame frame = navball_frame(f.world, *f.ship);
    ASSERT_TRUE(frame.valid);
    // Rounding of the quaternion and the rotation: a few 1e-16 per component.
    EXPECT_NEAR(frame.prograde.z, 1.0, 1e-12);
    const NavballPoint centre = navball_project(frame.prograde);
    EXPECT_TRUE(centre.front);
    EXPECT_NEAR(centre.x, 0.0, 1e-9);
    EXPECT_NEAR(centre.y, 0.0, 1e-9);
    EXPECT_FALSE(navball_project(-frame.prograde).front);
}

TEST(Navball, OrbitDirectionsAreOrthonormal) {
    const Fixture f = prograde_ship();
    const NavballFrame frame = navball_frame(f.world, *f.ship);
    EXPECT_NEAR(norm(frame.normal), 1.0, 1e-12);
    EXPECT_NEAR(dot(frame.prograde, frame.normal), 0.0, 1e-12);
    EXPECT_NEAR(dot(frame.prograde, frame.radial_out), 0.0, 1e-12);
    EXPECT_NEAR(dot(frame.normal, frame.radial_out), 0.0, 1e-12);
    // On a circular orbit radial out is the local vertical; the Sun's and Moon's pull in the
    // first second leaves a radial speed of well under 1 mm/s out of 7.7 km/s.
    EXPECT_GT(dot(frame.radial_out, frame.up), 1.0 - 1e-9);
}

TEST(Navball, TargetDirectionIsInTheBodyFrame) {
    Fixture f = prograde_ship();
    const sim::Station& gateway = f.world.stations[0];
    f.ship->controls.target = {sim::TargetKind::Station, gateway.id};
    const NavballFrame frame = navball_frame(f.world, *f.ship);
    ASSERT_TRUE(frame.has_target);
    const sim::Vec3 expected =
        sim::rotate_inverse(f.ship->attitude, normalized(gateway.position_m - f.ship->position_m));
    EXPECT_NEAR(frame.target.x, expected.x, 1e-12);
    EXPECT_NEAR(frame.target.y, expected.y, 1e-12);
    EXPECT_NEAR(frame.target.z, expected.z, 1e-12);
}

TEST(Navball, NoTargetForTheOwnShipOrAMissingOne) {
    Fixture f = prograde_ship();
    f.ship->controls.target = {sim::TargetKind::Ship, f.ship->id};
    EXPECT_FALSE(navball_frame(f.world, *f.ship).has_target);
    f.ship->controls.target = {sim::TargetKind::Ship, 42};
    EXPECT_FALSE(navball_frame(f.world, *f.ship).has_target);
}

TEST(Navball, NoFrameWithoutBodies) {
    const sim::World empty;
    const sim::Ship ship;
    EXPECT_FALSE(navball_frame(empty, ship).valid);
}

TEST(NavballProjection, ScreenAxesSeenFromBehind) {
    // Body +Y (up) is the top of the ball (screen y grows down), body -X (right) its right.
    const NavballPoint up = navball_project({0.0, 1.0, 0.0});
    EXPECT_DOUBLE_EQ(up.x, 0.0);
    EXPECT_DOUBLE_EQ(up.y, -1.0);
    const NavballPoint right = navball_project({-1.0, 0.0, 0.0});
    EXPECT_DOUBLE_EQ(right.x, 1.0);
    EXPECT_DOUBLE_EQ(right.y, 0.0);
}

TEST(NavballProjection, DirectionsBehindGoToTheRim) {
    const NavballPoint behind_left = navball_project(normalized(sim::Vec3{0.3, 0.0, -1.0}));
    EXPECT_FALSE(behind_left.front);
    EXPECT_DOUBLE_EQ(behind_left.x, -1.0);
    EXPECT_DOUBLE_EQ(behind_left.y, 0.0);
    const NavballPoint straight_back = navball_project({0.0, 0.0, -1.0});
    EXPECT_DOUBLE_EQ(straight_back.x, 0.0);
    EXPECT_DOUBLE_EQ(straight_back.y, -1.0);
}

TEST(NavballProjection, UnprojectInvertsProjectOnTheFrontHemisphere) {
    for (const sim::Vec3 d : {sim::Vec3{0.0, 0.0, 1.0}, normalized(sim::Vec3{0.2, -0.5, 0.7}),
                              normalized(sim::Vec3{-0.9, 0.1, 0.05})}) {
        const NavballPoint p = navball_project(d);
        const sim::Vec3 back = navball_unproject(p.x, p.y);
        // sqrt(1 - rho^2) loses a few ulps near the rim.
        EXPECT_NEAR(back.x, d.x, 1e-12);
        EXPECT_NEAR(back.y, d.y, 1e-12);
        EXPECT_NEAR(back.z, d.z, 1e-9);
    }
    const sim::Vec3 rim = navball_unproject(2.0, 0.0);
    EXPECT_DOUBLE_EQ(rim.x, -1.0);
    EXPECT_DOUBLE_EQ(rim.z, 0.0);
}

}  // namespace
}  // namespace galaxy::client
