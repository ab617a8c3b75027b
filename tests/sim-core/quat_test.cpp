// Tests for the quaternion helpers in quat.hpp (quat_from_axis_angle, quat_pointing_z_at and
// the inline operations they rely on).
//
// Tolerances: every operation here is a handful of roundings of O(1) values, so rotated unit
// vectors and quaternion norms are within a few ulp of 1e-16; kTol = 4e-15 (about 18 ulp of 1)
// leaves room for the longest chains (normalise, rotate twice) while still catching any wrong
// sign or axis, which would be O(1) off.

#include "galaxy/sim/quat.hpp"

#include "galaxy/sim/det_math.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>

namespace gs = galaxy::sim;
namespace dm = galaxy::sim::dm;

namespace {

constexpr double kTol = 4e-15;

// SplitMix64, integer-only so the samples are identical on every target.
class Rng {
public:
    explicit Rng(std::uint64_t seed) : state_(seed) {}
    double unit() {
        std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        z ^= z >> 31;
        return static_cast<double>(z >> 11) * 0x1p-53;
    }
    double uniform(double lo, double hi) { return lo + (hi - lo) * unit(); }
    // Uniform direction on the unit sphere (rejection sampling in the cube).
    gs::Vec3 direction() {
        for (;;) {
            const gs::Vec3 v{uniform(-1.0, 1.0), uniform(-1.0, 1.0), uniform(-1.0, 1.0)};
            const double n2 = gs::norm_squared(v);
            if (n2 > 1e-4 && n2 <= 1.0) {
                return gs::normalized(v);
            }
        }
    }

private:
    std::uint64_t state_;
};

double quat_norm(gs::Quat q) { return std::sqrt(q.w * q.w + q.x * q.x + q.y * q.y + q.z * q.z); }

void expect_vec_near(gs::Vec3 a, gs::Vec3 b, double tol) {
    EXPECT_NEAR(a.x, b.x, tol);
    EXPECT_NEAR(a.y, b.y, tol);
    EXPECT_NEAR(a.z, b.z, tol);
}

const gs::Vec3 kX{1.0, 0.0, 0.0};
const gs::Vec3 kY{0.0, 1.0, 0.0};
const gs::Vec3 kZ{0.0, 0.0, 1.0};

TEST(Quat, AxisAngleQuarterTurnsMapAxesRightHanded) {
    const double q = dm::kHalfPi;
    expect_vec_near(gs::rotate(gs::quat_from_axis_angle(kZ, q), kX), kY, kTol);
    expect_vec_near(gs::rotate(gs::quat_from_axis_angle(kX, q), kY), kZ, kTol);
    expect_vec_near(gs::rotate(gs::quat_from_axis_angle(kY, q), kZ), kX, kTol);
    expect_vec_near(gs::rotate(gs::quat_from_axis_angle(kZ, -q), kY), kX, kTol);
    expect_vec_near(gs::rotate(gs::quat_from_axis_angle(kX, dm::kPi), kY), -kY, kTol);
}

TEST(Quat, AxisAngleZeroAngleIsExactIdentity) {
    EXPECT_EQ(gs::quat_from_axis_angle(kZ, 0.0), gs::Quat{});
    EXPECT_EQ(gs::quat_from_axis_angle(gs::Vec3{0.3, -0.4, 0.5}, 0.0), gs::Quat{});
}

TEST(Quat, AxisAngleComponentsAreHalfAngleSinCos) {
    const gs::Quat q = gs::quat_from_axis_angle(kY, 1.0);
    double s = 0.0;
    double c = 0.0;
    dm::sincos(0.5, &s, &c);
    EXPECT_EQ(q, (gs::Quat{c, 0.0, s, 0.0}));  // a unit axis passes through bit for bit
}

TEST(Quat, AxisAngleNormalisesAxisAndHandlesZeroAxis) {
    const gs::Quat a = gs::quat_from_axis_angle(gs::Vec3{0.0, 0.0, 5.0}, 0.7);
    const gs::Quat b = gs::quat_from_axis_angle(kZ, 0.7);
    EXPECT_EQ(a, b);
    EXPECT_EQ(gs::quat_from_axis_angle(gs::Vec3{}, 1.0), gs::Quat{});
}

TEST(Quat, AxisAngleIsUnitAndRotatesAboutItsAxis) {
    Rng rng(1);
    for (int i = 0; i < 2000; ++i) {
        const gs::Vec3 axis = rng.direction();
        const double angle = rng.uniform(-20.0, 20.0);
        const gs::Quat q = gs::quat_from_axis_angle(axis, angle);
        EXPECT_NEAR(quat_norm(q), 1.0, kTol);
        // The axis is fixed; a perpendicular vector turns by the angle (cos from the dot product,
        // sin from the component along the axis of the cross product).
        expect_vec_near(gs::rotate(q, axis), axis, kTol);
        const gs::Vec3 u = gs::normalized(gs::cross(axis, rng.direction()));
        const gs::Vec3 v = gs::rotate(q, u);
        EXPECT_NEAR(gs::dot(u, v), dm::cos(angle), kTol);
        EXPECT_NEAR(gs::dot(gs::cross(u, v), axis), dm::sin(angle), kTol);
        // rotate_inverse undoes rotate.
        expect_vec_near(gs::rotate_inverse(q, v), u, kTol);
    }
}

TEST(Quat, AxisAngleComposesAdditively) {
    const gs::Vec3 axis = gs::normalized(gs::Vec3{1.0, 2.0, -2.0});
    const gs::Quat ab = gs::quat_from_axis_angle(axis, 0.4) * gs::quat_from_axis_angle(axis, 1.1);
    const gs::Quat c = gs::quat_from_axis_angle(axis, 1.5);
    EXPECT_NEAR(ab.w, c.w, kTol);
    EXPECT_NEAR(ab.x, c.x, kTol);
    EXPECT_NEAR(ab.y, c.y, kTol);
    EXPECT_NEAR(ab.z, c.z, kTol);
}

TEST(Quat, PointingAtPlusZIsExactIdentity) {
    EXPECT_EQ(gs::quat_pointing_z_at(kZ), gs::Quat{});
    EXPECT_EQ(gs::quat_pointing_z_at(gs::Vec3{0.0, 0.0, 3.0}), gs::Quat{});
}

TEST(Quat, PointingAtMinusZIsHalfTurnAboutBodyX) {
    const gs::Quat q = gs::quat_pointing_z_at(-kZ);
    EXPECT_EQ(q, (gs::Quat{0.0, 1.0, 0.0, 0.0}));
    EXPECT_EQ(gs::rotate(q, kZ), -kZ);
    EXPECT_EQ(gs::rotate(q, kX), kX);
    EXPECT_EQ(gs::rotate(q, kY), -kY);
    EXPECT_EQ(gs::quat_pointing_z_at(gs::Vec3{0.0, 0.0, -0.25}), q);
}

TEST(Quat, PointingAtZeroVectorIsIdentity) {
    EXPECT_EQ(gs::quat_pointing_z_at(gs::Vec3{}), gs::Quat{});
}

TEST(Quat, PointingMapsZOntoDirectionWithLeastTurn) {
    Rng rng(2);
    for (int i = 0; i < 5000; ++i) {
        const gs::Vec3 d = rng.direction();
        const gs::Quat q = gs::quat_pointing_z_at(d);
        EXPECT_NEAR(quat_norm(q), 1.0, kTol);
        expect_vec_near(gs::rotate(q, kZ), d, kTol);
        // Least turn: the axis is perpendicular to both Z and d (no component along body Z),
        // and the turn angle 2 acos(w) equals the angle between Z and d.
        EXPECT_EQ(q.z, 0.0);
        EXPECT_GE(q.w, 0.0);
        EXPECT_NEAR(2.0 * dm::atan2(std::sqrt(q.x * q.x + q.y * q.y), q.w),
                    dm::atan2(std::sqrt(d.x * d.x + d.y * d.y), d.z), 1e-14);
    }
}

// Directions within ~1e-8 rad of -Z: 1 + d.z cancels there; the result must still be accurate.
TEST(Quat, PointingNearMinusZStaysAccurate) {
    for (double eps : {1e-3, 1e-6, 1e-8, 1e-10, 1e-12}) {
        for (double phi : {0.0, 1.0, 2.5, -2.0}) {
            const gs::Vec3 d{eps * dm::cos(phi), eps * dm::sin(phi), -std::sqrt(1.0 - eps * eps)};
            const gs::Quat q = gs::quat_pointing_z_at(d);
            EXPECT_NEAR(quat_norm(q), 1.0, kTol);
            expect_vec_near(gs::rotate(q, kZ), d, kTol);
            // w = cos(turn / 2) with turn = pi - eps: relative accuracy, not just absolute.
            EXPECT_NEAR(q.w, dm::sin(0.5 * std::asin(eps)), 1e-15 * eps) << eps;
        }
    }
}

TEST(Quat, PointingNormalisesInput) {
    const gs::Vec3 d = gs::normalized(gs::Vec3{3.0, -4.0, 12.0});
    const gs::Quat a = gs::quat_pointing_z_at(gs::Vec3{3.0, -4.0, 12.0});
    const gs::Quat b = gs::quat_pointing_z_at(d);
    EXPECT_NEAR(a.w, b.w, kTol);
    EXPECT_NEAR(a.x, b.x, kTol);
    EXPECT_NEAR(a.y, b.y, kTol);
    EXPECT_EQ(a.z, 0.0);
    expect_vec_near(gs::rotate(a, kZ), d, kTol);
}

}  // namespace
