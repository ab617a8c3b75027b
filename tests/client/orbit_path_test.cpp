// Orbit drawing geometry: ellipse samples lie on the conic and start at the state, and points
// ahead land on the apsides and nodes that sim-core's elements name.
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "galaxy/client/orbit_path.hpp"
#include "galaxy/sim/orbit.hpp"

namespace gc = galaxy::client;
namespace gs = galaxy::sim;

namespace {

constexpr double kGm = 3.986004418e14;   // Earth, m^3/s^2
constexpr double kPi = 3.14159265358979323846;

// An inclined eccentric orbit: 7,000 km from Earth, 20% above circular speed, tilted out of
// the ICRF equator, caught partway between periapsis and apoapsis.
const gs::Vec3 kR{5.0e6, 4.0e6, 2.0e6};
const gs::Vec3 kV{-4.0e3, 5.5e3, 3.5e3};
const gs::Vec3 kPole{0.0, 0.0, 1.0};

TEST(OrbitPath, EllipseSamplesStartAtTheStateAndLieOnTheEllipse) {
    const gc::Conic conic = gc::conic_from_state(kR, kV, kGm);
    ASSERT_TRUE(conic.valid);
    ASSERT_LT(conic.eccentricity, 1.0);
    ASSERT_GT(conic.eccentricity, 0.05);
    std::vector<gs::Vec3> points;
    gc::sample_ellipse(conic, 256, &points);
    ASSERT_EQ(points.size(), 256u);
    // Double precision throughout: 1e-9 relative is a micrometre-scale allowance at 7,000 km.
    EXPECT_NEAR(gs::norm(points[0] - kR), 0.0, 1e-9 * gs::norm(kR));
    // Sum of the distances to both foci is 2a for every point of an ellipse.
    const double e = conic.eccentricity;
    const double a = conic.semi_latus_rectum_m / (1.0 - e * e);
    const gs::Vec3 other_focus = conic.p_hat * (-2.0 * a * e);
    for (const gs::Vec3& p : points) {
        EXPECT_NEAR(gs::norm(p) + gs::norm(p - other_focus), 2.0 * a, 1e-9 * a);
        EXPECT_NEAR(gs::dot(p, gs::cross(conic.p_hat, conic.q_hat)), 0.0, 1e-9 * a);
    }
    // The points go round in the direction of motion: the second is ahead along v.
    EXPECT_GT(gs::dot(points[1] - points[0], kV), 0.0);
}

TEST(OrbitPath, PointsAheadLandOnTheApsidesAndNodesOfTheElements) {
    const gc::Conic conic = gc::conic_from_state(kR, kV, kGm);
    const gs::OrbitalElements el = gs::elements_from_state(kR, kV, kGm, kPole, 6.371e6);
    gs::Vec3 p;
    ASSERT_TRUE(gc::conic_point_ahead(conic, 0.0, &p));
    EXPECT_NEAR(gs::norm(p - kR), 0.0, 1e-9 * gs::norm(kR));
    ASSERT_TRUE(gc::conic_point_ahead(conic, el.angle_to_periapsis_rad, &p));
    EXPECT_NEAR(gs::norm(p), el.periapsis_radius_m, 1e-9 * el.periapsis_radius_m);
    ASSERT_TRUE(gc::conic_point_ahead(conic, el.angle_to_apoapsis_rad, &p));
    EXPECT_NEAR(gs::norm(p), el.apoapsis_radius_m, 1e-9 * el.apoapsis_radius_m);
    // The nodes lie in the reference plane; at the ascending one the orbit climbs through it.
    gs::Vec3 an;
    gs::Vec3 dn;
    ASSERT_TRUE(gc::conic_point_ahead(conic, el.angle_to_ascending_node_rad, &an));
    ASSERT_TRUE(gc::conic_point_ahead(conic, el.angle_to_descending_node_rad, &dn));
    EXPECT_NEAR(an.z, 0.0, 1e-6 * gs::norm(an));
    EXPECT_NEAR(dn.z, 0.0, 1e-6 * gs::norm(dn));
    gs::Vec3 past_an;
    ASSERT_TRUE(gc::conic_point_ahead(conic, el.angle_to_ascending_node_rad + 0.01, &past_an));
    EXPECT_GT(past_an.z, 0.0);
    EXPECT_LT(gs::dot(gs::normalized(an), gs::normalized(dn)), -0.999);   // opposite sides
}

TEST(OrbitPath, AHyperbolaStopsAtItsAsymptoteAndIsNotSampledAsAnEllipse) {
    const gc::Conic conic = gc::conic_from_state(kR, kV * 1.6, kGm);
    ASSERT_TRUE(conic.valid);
    ASSERT_GT(conic.eccentricity, 1.0);
    const double asymptote = std::acos(-1.0 / conic.eccentricity);
    gs::Vec3 p;
    EXPECT_TRUE(gc::conic_point_ahead(conic, asymptote - 0.05 - conic.true_anomaly_rad, &p));
    EXPECT_FALSE(gc::conic_point_ahead(conic, asymptote + 0.05 - conic.true_anomaly_rad, &p));
    EXPECT_FALSE(gc::conic_point_ahead(conic, kPi - conic.true_anomaly_rad, &p));   // no apoapsis
    std::vector<gs::Vec3> points{kR};
    gc::sample_ellipse(conic, 64, &points);
    EXPECT_TRUE(points.empty());
}

TEST(OrbitPath, ACircleIsMeasuredFromTheCurrentPosition) {
    const double r = 7.0e6;
    const gs::Vec3 pos{r, 0.0, 0.0};
    const gs::Vec3 vel{0.0, std::sqrt(kGm / r), 0.0};
    const gc::Conic conic = gc::conic_from_state(pos, vel, kGm);
    ASSERT_TRUE(conic.valid);
    EXPECT_LT(conic.eccentricity, 1e-9);
    EXPECT_NEAR(conic.true_anomaly_rad, 0.0, 1e-12);
    gs::Vec3 quarter;
    ASSERT_TRUE(gc::conic_point_ahead(conic, kPi / 2.0, &quarter));
    EXPECT_NEAR(quarter.x, 0.0, 1e-6);
    EXPECT_NEAR(quarter.y, r, 1e-3);
}

TEST(OrbitPath, ARadialStateHasNoConic) {
    EXPECT_FALSE(gc::conic_from_state(kR, kR * 1e-3, kGm).valid);
    EXPECT_FALSE(gc::conic_from_state(kR, kV, 0.0).valid);
    gs::Vec3 p;
    EXPECT_FALSE(gc::conic_point_ahead(gc::Conic{}, 0.0, &p));
}

}  // namespace
