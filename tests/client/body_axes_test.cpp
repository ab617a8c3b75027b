// Body-fixed axes: orthonormal, z along the pole, x at the IAU prime meridian angle from the
// equator's ascending node, turning at the catalog's rate.
#include <gtest/gtest.h>

#include <cmath>

#include "galaxy/client/body_axes.hpp"
#include "galaxy/sim/scenario.hpp"

namespace gc = galaxy::client;
namespace gs = galaxy::sim;

namespace {

constexpr double kPi = 3.14159265358979323846;

double angle_between(gs::Vec3 a, gs::Vec3 b) {
    return std::atan2(gs::norm(gs::cross(a, b)), gs::dot(a, b));
}

const gs::Body& earth(const gs::World& world) {
    return world.bodies[static_cast<std::size_t>(gs::find_body(world, "Earth"))];
}

TEST(BodyAxes, AreOrthonormalRightHandedWithZAlongThePole) {
    const gs::World world = gs::scenario_bodies({"Sun", "Earth"}, false);
    const gc::BodyAxes axes = gc::body_axes(earth(world), 12345.0);
    // Built from unit vectors by cross products: rounding only, 1e-12.
    EXPECT_NEAR(gs::norm(axes.x), 1.0, 1e-12);
    EXPECT_NEAR(gs::norm(axes.y), 1.0, 1e-12);
    EXPECT_NEAR(gs::dot(axes.x, axes.z), 0.0, 1e-12);
    EXPECT_NEAR(gs::norm(gs::cross(axes.x, axes.y) - axes.z), 0.0, 1e-12);
    EXPECT_NEAR(gs::norm(axes.z - earth(world).pole), 0.0, 1e-12);
}

TEST(BodyAxes, ThePrimeMeridianSitsAtAngleWFromTheAscendingNode) {
    // Mars's pole is tilted (RA 317.7 deg, Dec 52.9 deg): its node is Z x pole.
    const gs::World mars_world = gs::scenario_bodies({"Sun", "Mars"}, false);
    const gs::Body& mars = mars_world.bodies[1];
    const gc::BodyAxes mars_axes = gc::body_axes(mars, 0.0);
    const gs::Vec3 mars_node = gs::normalized(gs::cross(gs::Vec3{0.0, 0.0, 1.0}, mars.pole));
    const double mars_w = std::atan2(gs::dot(mars_axes.x, gs::cross(mars.pole, mars_node)),
                                     gs::dot(mars_axes.x, mars_node));
    EXPECT_NEAR(std::remainder(mars_w - gs::body_rotation_angle_rad(mars, 0.0), 2.0 * kPi), 0.0,
                1e-9);

    const gs::World world = gs::scenario_bodies({"Sun", "Earth"}, false);
    const gs::Body& body = earth(world);
    const double t = 5000.0;
    const gc::BodyAxes axes = gc::body_axes(body, t);
    // Earth's pole is ICRF-Z (Dec 90 deg, RA 0): its node is at RA 90 deg, along ICRF-Y.
    const gs::Vec3 node{0.0, 1.0, 0.0};
    const double w = gs::body_rotation_angle_rad(body, t);
    const double measured = std::atan2(gs::dot(axes.x, gs::cross(body.pole, node)),
                                       gs::dot(axes.x, node));
    EXPECT_NEAR(std::remainder(measured - w, 2.0 * kPi), 0.0, 1e-9);
}

TEST(BodyAxes, TurnAtTheCatalogRate) {
    const gs::World world = gs::scenario_bodies({"Sun", "Earth"}, false);
    const gs::Body& body = earth(world);
    // A quarter turn: 90 deg at w_rate deg/day.
    const double quarter_s = 90.0 / body.def.w_rate_deg_per_day * 86400.0;
    const gc::BodyAxes a = gc::body_axes(body, 0.0);
    const gc::BodyAxes b = gc::body_axes(body, quarter_s);
    // W is reduced modulo 360 deg in degrees first, ~1e-13 rad; 1e-9 leaves room for the rest.
    EXPECT_NEAR(angle_between(a.x, b.x), kPi / 2.0, 1e-9);
    EXPECT_GT(gs::dot(b.x, a.y), 0.999);   // prograde: x turns toward y
}

}  // namespace
