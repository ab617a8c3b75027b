// Tests for galaxy::sim orbital elements (orbit.hpp): circular, elliptic, parabolic, hyperbolic
// and radial cases against hand-computed values, the conventions for undefined elements, the
// reference planes and the World queries.
//
// Tolerances (unless a test says otherwise):
//  - kRel = 1e-12 relative for lengths, energies and times, kAbs = 1e-12 rad for angles and
//    eccentricity. The inputs are rounded to one ulp (1.1e-16) per component and the formulas
//    amplify that by at most ~10 (a = -gm/2E at the periapsis of e = 5/7 has a condition number
//    of 2 v^2 a/gm = 12), so the errors are ~1e-15; 1e-12 leaves a 1000x margin and still
//    catches a wrong formula or convention, which is off by 1e-6 or (usually) far more.
//  - Expected values are closed forms; where a decimal is written, it was evaluated with 30-digit
//    arithmetic from the formula in the comment.

#include "galaxy/sim/orbit.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>

#include "galaxy/sim/det_math.hpp"

namespace {

using galaxy::sim::Body;
using galaxy::sim::OrbitalElements;
using galaxy::sim::OrbitShape;
using galaxy::sim::Ship;
using galaxy::sim::Vec3;
using galaxy::sim::World;

constexpr double kPi = 3.14159265358979323846;
constexpr double kDeg = kPi / 180.0;
constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kRel = 1e-12;
constexpr double kAbs = 1e-12;

constexpr double kGmEarth = 398600.4418e9;   // m^3/s^2
constexpr double kGmMoon = 4902.800066e9;    // m^3/s^2
constexpr double kGmSun = 1.32712440018e20;  // m^3/s^2
constexpr double kEarthRadius = 6371e3;      // m
constexpr double kAu = 149597870700.0;       // m
const Vec3 kZ{0.0, 0.0, 1.0};

// An orthonormal reference frame (x the node-line direction, z the pole), in ICRF.
struct Basis {
    Vec3 x{1.0, 0.0, 0.0};
    Vec3 y{0.0, 1.0, 0.0};
    Vec3 z{0.0, 0.0, 1.0};
};

struct State {
    Vec3 r;  // m
    Vec3 v;  // m/s
};

// Inverse of the code under test, written independently: perifocal position and velocity,
// r = p/(1 + e cos nu) (cos nu, sin nu, 0), v = sqrt(gm/p) (-sin nu, e + cos nu, 0), rotated by
// Rz(raan) Rx(i) Rz(omega) into the reference frame and then expressed in ICRF through `basis`.
State state_from_elements(double p, double e, double inc, double raan, double argp, double nu,
                          double gm, const Basis& basis = Basis{}) {
    const double co = std::cos(raan);
    const double so = std::sin(raan);
    const double cw = std::cos(argp);
    const double sw = std::sin(argp);
    const double ci = std::cos(inc);
    const double si = std::sin(inc);
    // Periapsis direction P and the in-plane direction Q 90 deg ahead, in the reference frame.
    const Vec3 pp{co * cw - so * sw * ci, so * cw + co * sw * ci, sw * si};
    const Vec3 qq{-co * sw - so * cw * ci, -so * sw + co * cw * ci, cw * si};
    const double r = p / (1.0 + e * std::cos(nu));
    const double vs = std::sqrt(gm / p);
    const Vec3 r_ref = pp * (r * std::cos(nu)) + qq * (r * std::sin(nu));
    const Vec3 v_ref = pp * (-vs * std::sin(nu)) + qq * (vs * (e + std::cos(nu)));
    const auto to_icrf = [&basis](Vec3 w) { return basis.x * w.x + basis.y * w.y + basis.z * w.z; };
    return {to_icrf(r_ref), to_icrf(v_ref)};
}

OrbitalElements elements(const State& s, Vec3 pole = kZ, double radius_m = kEarthRadius) {
    return galaxy::sim::elements_from_state(s.r, s.v, kGmEarth, pole, radius_m);
}

// Angles compared on the circle, so 2 pi - 1e-15 and 0 are 1e-15 apart.
void expect_angle(double actual, double expected, const char* what) {
    const double d = std::remainder(actual - expected, 2.0 * kPi);
    EXPECT_NEAR(d, 0.0, kAbs) << what << ": " << actual << " vs " << expected;
}

void expect_rel(double actual, double expected, const char* what) {
    EXPECT_NEAR(actual, expected, kRel * std::fabs(expected)) << what;
}

// Every angle of a valid orbit lies in [0, 2 pi), the inclination in [0, pi].
void expect_ranges(const OrbitalElements& el) {
    for (const double a : {el.raan_rad, el.argument_of_periapsis_rad, el.true_anomaly_rad,
                           el.angle_to_periapsis_rad, el.angle_to_apoapsis_rad,
                           el.angle_to_ascending_node_rad, el.angle_to_descending_node_rad}) {
        EXPECT_GE(a, 0.0);
        EXPECT_LT(a, 2.0 * kPi);
    }
    EXPECT_GE(el.inclination_rad, 0.0);
    EXPECT_LE(el.inclination_rad, kPi);
}

// --- Circular -----------------------------------------------------------------------------------

// LEO at r = 6778 km, v = sqrt(gm/r) = 7668.6357 m/s, 30 deg of true longitude past ICRF-X.
// a = r = 6778e3 m; e = 0; altitude 6778 - 6371 = 407 km at both apsides;
// T = 2 pi sqrt(a^3/gm) = 5553.455896959871 s; energy -gm/(2a).
// Circular equatorial: Omega = omega = 0, nu = true longitude = 30 deg. Periapsis (and the
// "ascending node", X_ref = ICRF-X) at 0: 330 deg ahead, i.e. 11/12 T; apoapsis (and the
// descending node) at 180 deg: 150 deg ahead, 5/12 T.
TEST(Orbit, CircularEquatorialLeo) {
    const double r = 6778e3;
    const double v = std::sqrt(kGmEarth / r);
    const double c = std::sqrt(3.0) / 2.0;
    const State s{{r * c, r * 0.5, 0.0}, {-v * 0.5, v * c, 0.0}};
    const OrbitalElements el = elements(s);
    const double period = 5553.455896959871;
    EXPECT_EQ(el.shape, OrbitShape::Circular);
    EXPECT_LT(el.eccentricity, 1e-9);
    EXPECT_EQ(el.reference_body, -1);  // not set by elements_from_state
    EXPECT_EQ(el.gm_m3_s2, kGmEarth);
    expect_rel(el.semi_major_axis_m, r, "a");
    expect_rel(el.semi_latus_rectum_m, r, "p");
    expect_rel(el.specific_energy_j_kg, -kGmEarth / (2.0 * r), "energy");
    expect_rel(el.periapsis_radius_m, r, "rp");
    expect_rel(el.apoapsis_radius_m, r, "ra");
    EXPECT_NEAR(el.periapsis_altitude_m, 407e3, kRel * r);
    EXPECT_NEAR(el.apoapsis_altitude_m, 407e3, kRel * r);
    expect_rel(el.period_s, period, "period");
    EXPECT_EQ(el.inclination_rad, 0.0);
    EXPECT_EQ(el.raan_rad, 0.0);
    EXPECT_EQ(el.argument_of_periapsis_rad, 0.0);
    expect_angle(el.true_anomaly_rad, 30.0 * kDeg, "nu (true longitude)");
    expect_angle(el.angle_to_periapsis_rad, 330.0 * kDeg, "to Pe");
    expect_angle(el.angle_to_apoapsis_rad, 150.0 * kDeg, "to Ap");
    expect_angle(el.angle_to_ascending_node_rad, 330.0 * kDeg, "to AN");
    expect_angle(el.angle_to_descending_node_rad, 150.0 * kDeg, "to DN");
    expect_rel(el.time_to_periapsis_s, period * 11.0 / 12.0, "t to Pe");
    expect_rel(el.time_to_apoapsis_s, period * 5.0 / 12.0, "t to Ap");
    expect_ranges(el);
}

// Circular at i = 30 deg, Omega = 45 deg, argument of latitude u = 70 deg. Convention: omega = 0
// (periapsis at the ascending node) and nu = u = 70 deg; the AN is 290 deg ahead (= to Pe, so
// 290/360 T), the DN at 180 deg is 110 deg ahead.
TEST(Orbit, CircularInclinedUsesArgumentOfLatitude) {
    const double r = 7000e3;
    const State s =
        state_from_elements(r, 0.0, 30.0 * kDeg, 45.0 * kDeg, 0.0, 70.0 * kDeg, kGmEarth);
    const OrbitalElements el = elements(s);
    const double period = 2.0 * kPi * std::sqrt(r * r * r / kGmEarth);
    EXPECT_EQ(el.shape, OrbitShape::Circular);
    expect_angle(el.inclination_rad, 30.0 * kDeg, "i");
    expect_angle(el.raan_rad, 45.0 * kDeg, "raan");
    EXPECT_EQ(el.argument_of_periapsis_rad, 0.0);
    expect_angle(el.true_anomaly_rad, 70.0 * kDeg, "nu = u");
    expect_angle(el.angle_to_ascending_node_rad, 290.0 * kDeg, "to AN");
    expect_angle(el.angle_to_descending_node_rad, 110.0 * kDeg, "to DN");
    expect_rel(el.time_to_periapsis_s, period * 290.0 / 360.0, "t to Pe");
}

// --- Elliptic -----------------------------------------------------------------------------------

// At periapsis r_p = 7000 km of an orbit with r_a = 42000 km:
// a = (rp + ra)/2 = 24500 km; e = (ra - rp)/(ra + rp) = 35/49 = 5/7; p = a (1 - e^2) = 12000 km;
// v_p^2 = gm (2/rp - 1/a) (vis-viva); T = 2 pi sqrt(a^3/gm) = 38164.54657983222 s;
// altitudes 7000 - 6371 = 629 km and 42000 - 6371 = 35629 km; at periapsis t_Pe = 0, t_Ap = T/2.
TEST(Orbit, EllipticAtPeriapsis) {
    const double rp = 7000e3;
    const double ra = 42000e3;
    const double a = 24500e3;
    const double vp = std::sqrt(kGmEarth * (2.0 / rp - 1.0 / a));
    const OrbitalElements el = elements({{rp, 0.0, 0.0}, {0.0, vp, 0.0}});
    const double period = 38164.54657983222;
    EXPECT_EQ(el.shape, OrbitShape::Elliptic);
    expect_rel(el.semi_major_axis_m, (rp + ra) / 2.0, "a");
    EXPECT_NEAR(el.eccentricity, 5.0 / 7.0, kAbs);
    expect_rel(el.semi_latus_rectum_m, 12000e3, "p");
    expect_rel(el.specific_energy_j_kg, -kGmEarth / (2.0 * a), "energy");
    expect_rel(el.periapsis_radius_m, rp, "rp");
    expect_rel(el.apoapsis_radius_m, ra, "ra");
    expect_rel(el.periapsis_altitude_m, 629e3, "Pe altitude");
    expect_rel(el.apoapsis_altitude_m, 35629e3, "Ap altitude");
    expect_rel(el.period_s, period, "period");
    expect_angle(el.true_anomaly_rad, 0.0, "nu");
    EXPECT_NEAR(el.time_to_periapsis_s, 0.0, kRel * period);
    expect_rel(el.time_to_apoapsis_s, period / 2.0, "t to Ap");
    expect_angle(el.angle_to_periapsis_rad, 0.0, "to Pe");
    expect_angle(el.angle_to_apoapsis_rad, kPi, "to Ap");
    expect_ranges(el);
}

// The same ellipse (p = 12000 km, e = 5/7) inclined like the ISS: i = 51.6 deg, Omega = 40 deg,
// omega = 75 deg, seen at nu = 120 deg, reference pole ICRF-Z (so X_ref = ICRF-X).
// r = p/(1 + e cos nu) = 12000 km / (1 - 5/14) = 18666.667 km.
// cos E = (e + cos nu)/(1 + e cos nu) = (3/14)/(9/14) = 1/3,
// sin E = sqrt(1 - e^2) sin nu/(1 + e cos nu) = (2 sqrt 6/7)(sqrt 3/2)(14/9) = 2 sqrt 2/3,
// E = acos(1/3) = 1.2309594173407747; M = E - e sin E = acos(1/3) - 10 sqrt 2/21
//   = 0.5575243876393008; n = sqrt(gm/a^3);
// t_Pe = (2 pi - M)/n = 34778.10094418635 s, t_Ap = (pi - M)/n = 15695.827654270245 s.
// AN at nu = 360 - 75 = 285 deg: 165 deg ahead; DN at 105 deg: 345 deg ahead.
TEST(Orbit, EllipticInclinedRecoversAllAngles) {
    const double e = 5.0 / 7.0;
    const State s = state_from_elements(12000e3, e, 51.6 * kDeg, 40.0 * kDeg, 75.0 * kDeg,
                                        120.0 * kDeg, kGmEarth);
    const OrbitalElements el = elements(s);
    EXPECT_EQ(el.shape, OrbitShape::Elliptic);
    expect_rel(el.semi_major_axis_m, 24500e3, "a");
    EXPECT_NEAR(el.eccentricity, e, kAbs);
    expect_angle(el.inclination_rad, 51.6 * kDeg, "i");
    expect_angle(el.raan_rad, 40.0 * kDeg, "raan");
    expect_angle(el.argument_of_periapsis_rad, 75.0 * kDeg, "omega");
    expect_angle(el.true_anomaly_rad, 120.0 * kDeg, "nu");
    expect_angle(el.angle_to_periapsis_rad, 240.0 * kDeg, "to Pe");
    expect_angle(el.angle_to_apoapsis_rad, 60.0 * kDeg, "to Ap");
    expect_angle(el.angle_to_ascending_node_rad, 165.0 * kDeg, "to AN");
    expect_angle(el.angle_to_descending_node_rad, 345.0 * kDeg, "to DN");
    expect_rel(el.time_to_periapsis_s, 34778.10094418635, "t to Pe");
    expect_rel(el.time_to_apoapsis_s, 15695.827654270245, "t to Ap");
    expect_ranges(el);
}

// Inclination and node measured from a tilted reference plane, not the ICRF equator. Pole at
// RA 90 deg, Dec 60 deg: z = (0, 1/2, sqrt3/2). X_ref = normalized(z x ICRF-Z)
// = normalized((1/2, 0, 0)) = (1, 0, 0); Y_ref = z x X_ref = (0, sqrt3/2, -1/2).
// The orbit is built in that frame with i = 20, Omega = 300, omega = 10 deg, nu = 200 deg.
TEST(Orbit, InclinationIsToTheReferencePlane) {
    const double h = std::sqrt(3.0) / 2.0;
    Basis b;
    b.x = {1.0, 0.0, 0.0};
    b.y = {0.0, h, -0.5};
    b.z = {0.0, 0.5, h};
    const State s = state_from_elements(9000e3, 0.3, 20.0 * kDeg, 300.0 * kDeg, 10.0 * kDeg,
                                        200.0 * kDeg, kGmEarth, b);
    const OrbitalElements el = elements(s, b.z);
    expect_angle(el.inclination_rad, 20.0 * kDeg, "i");
    expect_angle(el.raan_rad, 300.0 * kDeg, "raan");
    expect_angle(el.argument_of_periapsis_rad, 10.0 * kDeg, "omega");
    expect_angle(el.true_anomaly_rad, 200.0 * kDeg, "nu");
    expect_rel(el.semi_latus_rectum_m, 9000e3, "p");
}

// A pole built from Dec = 90 deg through cos(pi/2) = 6e-17 is "along ICRF-Z": X_ref is ICRF-X
// (not the rounding-noise direction of pole x Z, here -ICRF-Y), so Omega = 20 deg comes back.
TEST(Orbit, PoleAlongIcrfZUsesIcrfX) {
    const Vec3 pole{std::cos(kPi / 2.0), 0.0, 1.0};
    const State s = state_from_elements(8000e3, 0.1, 30.0 * kDeg, 20.0 * kDeg, 50.0 * kDeg,
                                        10.0 * kDeg, kGmEarth);
    const OrbitalElements el = elements(s, pole);
    expect_angle(el.raan_rad, 20.0 * kDeg, "raan");
    expect_angle(el.argument_of_periapsis_rad, 50.0 * kDeg, "omega");
}

// Retrograde: i = 150 deg, Omega = 200, omega = 10, nu = 300 deg. AN at nu = 350 deg: 50 deg
// ahead; DN at 170 deg: 230 deg ahead.
TEST(Orbit, Retrograde) {
    const State s = state_from_elements(10000e3, 0.2, 150.0 * kDeg, 200.0 * kDeg, 10.0 * kDeg,
                                        300.0 * kDeg, kGmEarth);
    const OrbitalElements el = elements(s);
    EXPECT_EQ(el.shape, OrbitShape::Elliptic);
    expect_angle(el.inclination_rad, 150.0 * kDeg, "i");
    expect_angle(el.raan_rad, 200.0 * kDeg, "raan");
    expect_angle(el.argument_of_periapsis_rad, 10.0 * kDeg, "omega");
    expect_angle(el.true_anomaly_rad, 300.0 * kDeg, "nu");
    expect_angle(el.angle_to_ascending_node_rad, 50.0 * kDeg, "to AN");
    expect_angle(el.angle_to_descending_node_rad, 230.0 * kDeg, "to DN");
    expect_ranges(el);
}

// Equatorial prograde: Omega = 0 and omega is the longitude of periapsis from X_ref (100 deg).
TEST(Orbit, EquatorialProgradeOmegaIsLongitudeOfPeriapsis) {
    const State s =
        state_from_elements(10000e3, 0.2, 0.0, 0.0, 100.0 * kDeg, 30.0 * kDeg, kGmEarth);
    const OrbitalElements el = elements(s);
    EXPECT_EQ(el.inclination_rad, 0.0);
    EXPECT_EQ(el.raan_rad, 0.0);
    expect_angle(el.argument_of_periapsis_rad, 100.0 * kDeg, "omega");
    expect_angle(el.true_anomaly_rad, 30.0 * kDeg, "nu");
}

// Equatorial retrograde (i = 180 deg): omega is measured from X_ref in the direction of motion,
// i.e. clockwise about the pole. Built with Omega = 0, omega = 100 deg, the periapsis points to
// Rx(pi)(cos 100, sin 100, 0) = (cos 100, -sin 100, 0): 100 deg clockwise from X_ref.
TEST(Orbit, EquatorialRetrogradeOmegaAlongTheMotion) {
    const State s =
        state_from_elements(10000e3, 0.2, kPi, 0.0, 100.0 * kDeg, 30.0 * kDeg, kGmEarth);
    const OrbitalElements el = elements(s);
    EXPECT_NEAR(el.inclination_rad, kPi, kAbs);
    EXPECT_EQ(el.raan_rad, 0.0);
    expect_angle(el.argument_of_periapsis_rad, 100.0 * kDeg, "omega");
    expect_angle(el.true_anomaly_rad, 30.0 * kDeg, "nu");
    expect_ranges(el);
}

// --- Parabolic ----------------------------------------------------------------------------------

// At r = 7000 km with v = sqrt(2 gm/r) (escape speed): energy 0, e = 1, a = +inf,
// p = h^2/gm = r^2 (2 gm/r)/gm = 2r = 14000 km, periapsis p/2 = 7000 km (here), altitude 629 km.
TEST(Orbit, ParabolicAtPeriapsis) {
    const double r = 7000e3;
    const OrbitalElements el = elements({{r, 0.0, 0.0}, {0.0, std::sqrt(2.0 * kGmEarth / r), 0.0}});
    EXPECT_EQ(el.shape, OrbitShape::Parabolic);
    EXPECT_NEAR(el.eccentricity, 1.0, kAbs);
    EXPECT_EQ(el.semi_major_axis_m, kInf);
    EXPECT_NEAR(el.specific_energy_j_kg, 0.0, kRel * kGmEarth / r);
    expect_rel(el.semi_latus_rectum_m, 2.0 * r, "p");
    expect_rel(el.periapsis_radius_m, el.semi_latus_rectum_m / 2.0, "rp = p/2");
    expect_rel(el.periapsis_altitude_m, 629e3, "Pe altitude");
    EXPECT_EQ(el.apoapsis_radius_m, kInf);
    EXPECT_EQ(el.apoapsis_altitude_m, kInf);
    EXPECT_EQ(el.period_s, kInf);
    EXPECT_EQ(el.time_to_apoapsis_s, kInf);
    EXPECT_NEAR(el.time_to_periapsis_s, 0.0, 1e-9);
    expect_angle(el.true_anomaly_rad, 0.0, "nu");
}

// p = 14000 km at nu = +-90 deg: r = p/(1 + cos 90) = p, v = sqrt(gm/p) (-sin nu, 1 + cos nu).
// Barker: t - T = (1/2) sqrt(p^3/gm) (D + D^3/3), D = tan 45 = 1: (2/3) sqrt(p^3/gm)
// = 1749.1695426339586 s, so time to periapsis -1749.17 s after it and +1749.17 s before it.
TEST(Orbit, ParabolicTimeFromBarkersEquation) {
    const double t = 1749.1695426339586;
    const OrbitalElements after =
        elements(state_from_elements(14000e3, 1.0, 0.0, 0.0, 0.0, 90.0 * kDeg, kGmEarth));
    EXPECT_EQ(after.shape, OrbitShape::Parabolic);
    expect_angle(after.true_anomaly_rad, 90.0 * kDeg, "nu");
    expect_rel(after.time_to_periapsis_s, -t, "t to Pe after");
    const OrbitalElements before =
        elements(state_from_elements(14000e3, 1.0, 0.0, 0.0, 0.0, -90.0 * kDeg, kGmEarth));
    expect_angle(before.true_anomaly_rad, 270.0 * kDeg, "nu");
    expect_rel(before.time_to_periapsis_s, t, "t to Pe before");
}

// --- Hyperbolic ---------------------------------------------------------------------------------

// At periapsis r_p = 7000 km with v = 1.2 v_esc: v^2 = 1.44 (2 gm/rp) = 2.88 gm/rp;
// energy = v^2/2 - gm/rp = 0.44 gm/rp; a = -gm/(2 energy) = -rp/0.88 = -7954545.4545 m;
// e = rp v^2/gm - 1 = 1.88 (e vector at periapsis = (v^2/gm - 1/r) r); p = rp^2 v^2/gm
// = 2.88 rp = 20160 km; apoapsis, period and t to Ap infinite; t to Pe = 0.
TEST(Orbit, HyperbolicAtPeriapsis) {
    const double rp = 7000e3;
    const double v = 1.2 * std::sqrt(2.0 * kGmEarth / rp);
    const OrbitalElements el = elements({{rp, 0.0, 0.0}, {0.0, v, 0.0}});
    EXPECT_EQ(el.shape, OrbitShape::Hyperbolic);
    expect_rel(el.semi_major_axis_m, -rp / 0.88, "a");
    EXPECT_NEAR(el.eccentricity, 1.88, kAbs);
    expect_rel(el.specific_energy_j_kg, 0.44 * kGmEarth / rp, "energy");
    expect_rel(el.semi_latus_rectum_m, 2.88 * rp, "p");
    expect_rel(el.periapsis_radius_m, rp, "rp");
    EXPECT_EQ(el.apoapsis_radius_m, kInf);
    EXPECT_EQ(el.apoapsis_altitude_m, kInf);
    EXPECT_EQ(el.period_s, kInf);
    EXPECT_EQ(el.time_to_apoapsis_s, kInf);
    EXPECT_NEAR(el.time_to_periapsis_s, 0.0, 1e-9);
    expect_ranges(el);
}

// The same hyperbola at nu = +-60 deg. sinh F = sqrt(e^2 - 1) sin nu/(1 + e cos nu)
// = sqrt(2.5344) (sqrt3/2)/1.94 = 0.7106675439016118 (cosh F = (e + cos nu)/(1 + e cos nu)
// = 2.38/1.94, consistent); F = asinh(.) = 0.6613838589709368; M = e sinh F - F
// = 0.6746711235640934; n = sqrt(gm/(-a)^3); t - T = M/n = 758.1345455069420 s.
TEST(Orbit, HyperbolicTimeFromHyperbolicAnomaly) {
    const double t = 758.1345455069420;
    const OrbitalElements after =
        elements(state_from_elements(20160e3, 1.88, 0.0, 0.0, 0.0, 60.0 * kDeg, kGmEarth));
    EXPECT_EQ(after.shape, OrbitShape::Hyperbolic);
    expect_rel(after.semi_major_axis_m, -7000e3 / 0.88, "a");
    expect_angle(after.true_anomaly_rad, 60.0 * kDeg, "nu");
    expect_rel(after.time_to_periapsis_s, -t, "t to Pe after (negative)");
    const OrbitalElements before =
        elements(state_from_elements(20160e3, 1.88, 0.0, 0.0, 0.0, -60.0 * kDeg, kGmEarth));
    expect_angle(before.true_anomaly_rad, 300.0 * kDeg, "nu");
    expect_rel(before.time_to_periapsis_s, t, "t to Pe before");
}

// --- Degenerate input ---------------------------------------------------------------------------

// At rest at r = 6778 km: a radial ellipse with a = r/2 (energy -gm/r), apoapsis 2a = r here,
// periapsis the centre; it reaches the centre in half a period, pi sqrt(a^3/gm)
// = 981.7215809401864 s, and is at apoapsis now. No NaN anywhere.
TEST(Orbit, RadialFallFromRest) {
    const double r = 6778e3;
    const OrbitalElements el = elements({{0.0, r, 0.0}, {}});
    EXPECT_EQ(el.shape, OrbitShape::Elliptic);
    EXPECT_EQ(el.eccentricity, 1.0);
    expect_rel(el.semi_major_axis_m, r / 2.0, "a");
    expect_rel(el.apoapsis_radius_m, r, "ra");
    EXPECT_EQ(el.periapsis_radius_m, 0.0);
    expect_rel(el.period_s, 2.0 * 981.7215809401864, "period");
    expect_rel(el.time_to_periapsis_s, 981.7215809401864, "t to centre");
    EXPECT_NEAR(el.time_to_apoapsis_s, 0.0, kRel * el.period_s);
    expect_ranges(el);
}

TEST(Orbit, InvalidInputGivesZeros) {
    const Vec3 r{7000e3, 0.0, 0.0};
    const Vec3 v{0.0, 7500.0, 0.0};
    const double nan = std::numeric_limits<double>::quiet_NaN();
    for (const OrbitalElements& el :
         {galaxy::sim::elements_from_state(r, v, 0.0, kZ, 0.0),
          galaxy::sim::elements_from_state({}, v, kGmEarth, kZ, 0.0),
          galaxy::sim::elements_from_state({nan, 0.0, 0.0}, v, kGmEarth, kZ, 0.0)}) {
        EXPECT_EQ(el.semi_major_axis_m, 0.0);
        EXPECT_EQ(el.eccentricity, 0.0);
        EXPECT_EQ(el.period_s, 0.0);
        EXPECT_EQ(el.time_to_periapsis_s, 0.0);
    }
}

// Thrown almost straight up (100 m/s radial, 1e-6 m/s tangential) from 7000 km: e is within
// ~1e-20 of 1 yet the energy is clearly negative, so the orbit is Elliptic with a finite
// period, not Parabolic: a = -gm/(2 E), E = 100^2/2 - gm/r.
TEST(Orbit, NearlyRadialBoundIsElliptic) {
    const double r = 7000e3;
    const OrbitalElements el = elements({{r, 0.0, 0.0}, {100.0, 1e-6, 0.0}});
    EXPECT_EQ(el.shape, OrbitShape::Elliptic);
    EXPECT_NEAR(el.eccentricity, 1.0, 1e-9);
    expect_rel(el.semi_major_axis_m, -kGmEarth / (2.0 * (5000.0 - kGmEarth / r)), "a");
    EXPECT_TRUE(std::isfinite(el.period_s));
    EXPECT_TRUE(std::isfinite(el.time_to_periapsis_s));
    EXPECT_TRUE(std::isfinite(el.time_to_apoapsis_s));
    expect_ranges(el);
}

// An inclined hyperbola (e = 1.88, p = 20160 km as above) approaching periapsis: i = 30 deg,
// Omega = 60, omega = 45, nu = -40 deg. AN at nu = -45 deg (already passed): 355 deg ahead,
// reached only in the formal sense; DN at 135 deg: 175 deg ahead (beyond the asymptote
// acos(-1/1.88) = 122 deg, so never reached; still computed).
TEST(Orbit, HyperbolicInclinedAngles) {
    const OrbitalElements el = elements(state_from_elements(20160e3, 1.88, 30.0 * kDeg, 60.0 * kDeg,
                                                            45.0 * kDeg, -40.0 * kDeg, kGmEarth));
    EXPECT_EQ(el.shape, OrbitShape::Hyperbolic);
    expect_angle(el.inclination_rad, 30.0 * kDeg, "i");
    expect_angle(el.raan_rad, 60.0 * kDeg, "raan");
    expect_angle(el.argument_of_periapsis_rad, 45.0 * kDeg, "omega");
    expect_angle(el.true_anomaly_rad, 320.0 * kDeg, "nu");
    expect_angle(el.angle_to_periapsis_rad, 40.0 * kDeg, "to Pe");
    expect_angle(el.angle_to_ascending_node_rad, 355.0 * kDeg, "to AN");
    expect_angle(el.angle_to_descending_node_rad, 175.0 * kDeg, "to DN");
    EXPECT_GT(el.time_to_periapsis_s, 0.0);
    expect_ranges(el);
}

// --- World queries ------------------------------------------------------------------------------

// Sun (root) at the origin; Earth at 1 AU on ICRF-X with pole ICRF-Z, moving along the ecliptic
// in a circle (v = sqrt((gm_sun + gm_earth)/AU) along the ecliptic's Y = pole x X = (0, cos eps,
// sin eps)); Moon on a circle of 384400 km in Earth's equator, 90 deg ahead of X_ref.
World make_world() {
    World w;
    Body sun;
    sun.def.name = "Sun";
    sun.def.gm_m3_s2 = kGmSun;
    sun.def.mean_radius_m = 695700e3;
    sun.parent_index = -1;
    sun.pole = {0.1, 0.2, 0.97};  // deliberately not the ecliptic pole: the root ignores it
    sun.hill_radius_m = kInf;
    Body earth;
    earth.def.name = "Earth";
    earth.def.gm_m3_s2 = kGmEarth;
    earth.def.mean_radius_m = kEarthRadius;
    earth.parent_index = 0;
    earth.pole = kZ;
    earth.hill_radius_m = 1.5e9;
    const double eps = 84381.406 / 3600.0 * kDeg;
    const double ve = std::sqrt((kGmSun + kGmEarth) / kAu);
    earth.position_m = {kAu, 0.0, 0.0};
    earth.velocity_m_s = {0.0, ve * std::cos(eps), ve * std::sin(eps)};
    Body moon;
    moon.def.name = "Moon";
    moon.def.gm_m3_s2 = kGmMoon;
    moon.def.mean_radius_m = 1737.4e3;
    moon.parent_index = 1;
    moon.pole = kZ;
    moon.hill_radius_m = 6.0e7;
    const double rm = 384400e3;
    const double vm = std::sqrt((kGmEarth + kGmMoon) / rm);
    moon.position_m = earth.position_m + Vec3{0.0, rm, 0.0};
    moon.velocity_m_s = earth.velocity_m_s + Vec3{-vm, 0.0, 0.0};
    w.bodies = {sun, earth, moon};
    return w;
}

// eps = 84381.406 arcsec = 23.439279444 deg; the ecliptic pole is (0, -sin eps, cos eps)
// = (0, -0.3977769691126060, 0.9174821430652418). Tolerance 1e-15: dm::sin/cos are within a few
// ulp. A non-root body's plane is its own equator.
TEST(Orbit, ReferencePlaneNormal) {
    const World w = make_world();
    const Vec3 ecl = galaxy::sim::reference_plane_normal(w, 0);
    EXPECT_EQ(ecl.x, 0.0);
    EXPECT_NEAR(ecl.y, -0.3977769691126060, 1e-15);
    EXPECT_NEAR(ecl.z, 0.9174821430652418, 1e-15);
    EXPECT_EQ(galaxy::sim::reference_plane_normal(w, 1), w.bodies[1].pole);
}

TEST(Orbit, BodyOrbitOfRootIsEmpty) {
    const World w = make_world();
    const OrbitalElements el = galaxy::sim::body_orbit(w, 0);
    EXPECT_EQ(el.reference_body, -1);
    EXPECT_EQ(el.semi_major_axis_m, 0.0);
    EXPECT_EQ(el.period_s, 0.0);
    EXPECT_EQ(galaxy::sim::body_orbit(w, 7).reference_body, -1);  // out of range
}

// Earth about the Sun, gm = gm_sun + gm_earth (two-body relative motion): a = 1 AU, circular,
// i = 0 to the ecliptic, T = 2 pi sqrt(AU^3/(gm_sun + gm_earth)) = 31558148.62599006 s.
// Node-line convention: X_ref = normalized(ecliptic pole x ICRF-Z) = (-1, 0, 0), the autumnal
// equinox; the Earth sits on +X, so its true longitude from X_ref is 180 deg.
// Tolerance 1e-10: the circular velocity is built from rounded cos/sin(eps) at 1 AU.
TEST(Orbit, BodyOrbitEarthAboutSunInEcliptic) {
    const World w = make_world();
    const OrbitalElements el = galaxy::sim::body_orbit(w, 1);
    EXPECT_EQ(el.reference_body, 0);
    EXPECT_EQ(el.gm_m3_s2, kGmSun + kGmEarth);
    EXPECT_EQ(el.shape, OrbitShape::Circular);
    EXPECT_NEAR(el.inclination_rad, 0.0, 1e-10);
    EXPECT_NEAR(el.semi_major_axis_m, kAu, 1e-10 * kAu);
    EXPECT_NEAR(el.period_s, 31558148.62599006, 1e-10 * el.period_s);
    EXPECT_NEAR(el.true_anomaly_rad, kPi, 1e-10);
}

// Moon about Earth in Earth's equator (pole Z, X_ref = ICRF-X): a = 384400 km, circular, i = 0,
// true longitude 90 deg, T = 2 pi sqrt(a^3/(gm_earth + gm_moon)) = 2357389.922702462 s.
// Tolerance 1e-10 relative: the geocentric state is a difference of 1.5e11 m coordinates, so
// it carries ~1.5e11 * 1.1e-16 = 1.7e-5 m of rounding on 3.8e8 m (4e-14), amplified a little.
TEST(Orbit, BodyOrbitMoonAboutEarth) {
    const World w = make_world();
    const OrbitalElements el = galaxy::sim::body_orbit(w, 2);
    EXPECT_EQ(el.reference_body, 1);
    EXPECT_EQ(el.shape, OrbitShape::Circular);
    EXPECT_NEAR(el.semi_major_axis_m, 384400e3, 1e-10 * 384400e3);
    EXPECT_NEAR(el.period_s, 2357389.922702462, 1e-10 * el.period_s);
    EXPECT_NEAR(el.inclination_rad, 0.0, 1e-10);
    EXPECT_NEAR(el.true_anomaly_rad, kPi / 2.0, 1e-10);
    EXPECT_NEAR(el.periapsis_altitude_m, 384400e3 - kEarthRadius, 1e-10 * 384400e3);
}

// A ship in the elliptic 7000 x 42000 km orbit of EllipticAtPeriapsis, placed relative to the
// Earth of make_world (inside its Hill sphere), docked or not: reference body Earth, gm Earth's
// alone (the ship's mass is negligible). Tolerance 1e-9 relative: the heliocentric position
// rounds to 1.5e11 * 1.1e-16 = 1.7e-5 m, 2.4e-12 of the 7000 km radius, and a's condition
// number at this periapsis is 12.
TEST(Orbit, ShipOrbitAboutItsReferenceBody) {
    const World w = make_world();
    const Body& earth = w.bodies[1];
    const double rp = 7000e3;
    const double vp = std::sqrt(kGmEarth * (2.0 / rp - 1.0 / 24500e3));
    Ship ship;
    ship.id = 1;
    ship.position_m = earth.position_m + Vec3{rp, 0.0, 0.0};
    ship.velocity_m_s = earth.velocity_m_s + Vec3{0.0, vp, 0.0};
    for (const std::uint32_t docked : {0u, 5u}) {
        ship.docked_station = docked;
        const OrbitalElements el = galaxy::sim::ship_orbit(w, ship);
        EXPECT_EQ(el.reference_body, 1);
        EXPECT_EQ(el.gm_m3_s2, kGmEarth);
        EXPECT_EQ(el.shape, OrbitShape::Elliptic);
        EXPECT_NEAR(el.semi_major_axis_m, 24500e3, 1e-9 * 24500e3);
        EXPECT_NEAR(el.eccentricity, 5.0 / 7.0, 1e-9);
        EXPECT_NEAR(el.apoapsis_altitude_m, 35629e3, 1e-9 * 42000e3);
    }
}

// --- Determinism --------------------------------------------------------------------------------

// SplitMix64: the same sequence on every target (integer arithmetic only).
std::uint64_t split_mix(std::uint64_t& state) {
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

// Uniform in [-half_width, half_width), exactly: a 53-bit integer times a power of two, and
// half_width is a power of two too, so the subtraction is exact.
double uniform(std::uint64_t& state, double half_width) {
    return (static_cast<double>(split_mix(state) >> 11) * 0x1p-52 - 1.0) * half_width;
}

// FNV-1a over the bits of every field of the elements of 5000 states (elliptic and hyperbolic,
// all orientations, two reference poles). The inputs use exact arithmetic only, so the native
// and the WebAssembly build must both produce this constant; if one target changes alone, ship
// HUDs and anything in the step path that reads elements would diverge. Update the constant
// only when the algorithm changes on purpose, on both targets at once.
TEST(Orbit, GoldenHash) {
    std::uint64_t h = 0xCBF29CE484222325ULL;
    const auto mix = [&h](double x) {
        std::uint64_t u = 0;
        std::memcpy(&u, &x, sizeof u);
        for (int i = 0; i < 8; ++i) {
            h ^= u & 0xFFU;
            h *= 0x100000001B3ULL;
            u >>= 8;
        }
    };
    const Vec3 tilted{0.0, 0.6, 0.8};
    std::uint64_t rng = 42;
    for (int k = 0; k < 5000; ++k) {
        // Braced initialisers evaluate left to right, so the draw order is fixed.
        const Vec3 r{uniform(rng, 0x1p25), uniform(rng, 0x1p25), uniform(rng, 0x1p25)};  // m
        const Vec3 v{uniform(rng, 0x1p13), uniform(rng, 0x1p13), uniform(rng, 0x1p13)};  // m/s
        const OrbitalElements el = galaxy::sim::elements_from_state(
            r, v, kGmEarth, (k & 1) != 0 ? tilted : kZ, kEarthRadius);
        mix(static_cast<double>(el.shape));
        for (const double x :
             {el.semi_major_axis_m, el.eccentricity, el.inclination_rad, el.raan_rad,
              el.argument_of_periapsis_rad, el.true_anomaly_rad, el.semi_latus_rectum_m,
              el.specific_energy_j_kg, el.periapsis_radius_m, el.apoapsis_radius_m,
              el.periapsis_altitude_m, el.apoapsis_altitude_m, el.period_s, el.time_to_periapsis_s,
              el.time_to_apoapsis_s, el.angle_to_periapsis_rad, el.angle_to_apoapsis_rad,
              el.angle_to_ascending_node_rad, el.angle_to_descending_node_rad}) {
            mix(x);
        }
    }
    EXPECT_EQ(h, 0xFDE1831BDED7E7E4ULL) << std::hex << h;
}

}  // namespace
