// Orbital elements from a relative state vector (the classical vector method), for ships and
// bodies about their reference body.
//
// [SECTION] Conventions and thresholds
// [SECTION] Reference frame of a plane
// [SECTION] Time from the anomaly
// [SECTION] elements_from_state
// [SECTION] World queries
//
// Conventions (the header's "where an element is undefined" cases):
//  - Reference frame. Z_ref is the unit reference pole. X_ref = normalized(pole x ICRF-Z), or
//    ICRF-X (made orthogonal to the pole) when the pole lies within kPoleAlongZ of +-ICRF-Z;
//    Y_ref = Z_ref x X_ref. This is the node line of spawn.hpp's OrbitSpawn, so a ship spawned
//    with raan R shows raan R. Omega is measured from X_ref toward Y_ref.
//  - In-plane angles (omega, nu) are measured in the direction of motion, from the ascending
//    node for omega and from periapsis for nu.
//  - Equatorial (sin i < kEquatorialSinI, prograde or retrograde): Omega = 0 and the node line is
//    replaced by X_ref, so omega is the longitude of periapsis, measured from X_ref in the
//    direction of motion. "Ascending node" then means X_ref's direction.
//  - Circular (e < kCircularE): omega = 0 (periapsis placed at the ascending node), so nu is the
//    argument of latitude; circular and equatorial: nu is the true longitude from X_ref.
//  - Parabolic when |energy| < kParabolicEnergy * gm/r: a = +inf, apoapsis, period and
//    time_to_apoapsis +inf; eccentricity keeps its computed value (within ~2e-9 of 1).
//  - Hyperbolic: a < 0; apoapsis, period and time_to_apoapsis +inf; time_to_periapsis from the
//    hyperbolic anomaly, negative once past periapsis. The node and apoapsis angles are computed
//    by the same formulas although the trajectory may never reach those points.
//  - Radial (h ~ 0, the velocity along the radius or zero): no plane, so i = Omega = omega = 0,
//    nu = pi (the limit of a degenerate conic away from its focus), e = 1, p = 0, periapsis
//    radius 0 (the centre); period and times from the radial Kepler equations.
//  - Invalid input (gm <= 0, r = 0, non-finite values): every element 0 except gm_m3_s2.
//
// Determinism: only + - * / sqrt and galaxy::sim::dm functions, so native and WebAssembly builds
// produce the same bits.

#include "galaxy/sim/orbit.hpp"

#include <cmath>
#include <cstddef>
#include <limits>

#include "galaxy/sim/det_math.hpp"

namespace galaxy::sim {
namespace {

// ---------------------------------------------------------------------------------------------
// [SECTION] Conventions and thresholds
// ---------------------------------------------------------------------------------------------

constexpr double kInf = std::numeric_limits<double>::infinity();

// Circular below this eccentricity. The eccentricity vector v x h / gm - r/|r| is a difference of
// two unit-size vectors, so rounding leaves ~1e-15 of noise in it: an exactly circular state
// always lands below 1e-9, and above it the periapsis direction is good to ~1e-15/1e-9 = 1e-6
// rad. Physically e = 1e-9 in LEO is a 13 mm difference between apoapsis and periapsis.
constexpr double kCircularE = 1e-9;

// Equatorial below this sin(inclination). The node vector pole x h carries ~1e-16 |h| of rounding,
// so above the threshold the node direction is good to ~1e-7 rad.
constexpr double kEquatorialSinI = 1e-9;

// Parabolic when |v^2/2 - gm/r| < kParabolicEnergy * gm/r, i.e. the speed is within 5e-10 of the
// local escape speed. Then |a| > 5e8 r, far beyond any Hill sphere, and the elliptic and
// hyperbolic formulas (which divide by the energy) would lose ~9 digits. Energy rather than
// |e - 1| is tested because a nearly radial trajectory has e within 1e-9 of 1 for any energy:
// a ship falling almost straight down is bound, with a finite period, not parabolic. The test
// still implies |e - 1| <= 1e-9 * 2 p/(r (1 + e)) <= ~2e-9, from e^2 = 1 + 2 E h^2 / gm^2.
constexpr double kParabolicEnergy = 1e-9;

// Radial when |h| <= kRadialSinGamma * |r| |v| (the angle between r and v below 1e-14 rad): the
// cross product r x v has rounding ~2e-16 |r||v|, so below ~50x that its direction is noise.
constexpr double kRadialSinGamma = 1e-14;

// The pole counts as along +-ICRF-Z when |pole x Z| (the sine of their angle) is below this. It
// catches poles built from dec = 90 deg through sin/cos (cos(pi/2) ~ 6e-17), whose pole x Z would
// otherwise point along a direction set by rounding. placement.cpp (the spawn code) makes the same
// test (|pole x Z|^2 < 1e-18), so spawn and elements share one node line.
constexpr double kPoleAlongZ = 1e-9;

// Obliquity of the ecliptic at J2000, IAU 2006: 84381.406 arcsec, in rad.
constexpr double kObliquityJ2000_rad = 84381.406 / 3600.0 * dm::kDegToRad;

// ---------------------------------------------------------------------------------------------
// [SECTION] Reference frame of a plane
// ---------------------------------------------------------------------------------------------

// Orthonormal right-handed basis of a reference plane: x the node-line reference direction,
// z the pole.
struct Frame {
    Vec3 x;
    Vec3 y;
    Vec3 z;
};

Frame reference_frame(Vec3 pole) {
    Vec3 z = normalized(pole);
    if (z == Vec3{}) {
        z = Vec3{0.0, 0.0, 1.0};  // no usable pole (zero or NaN): the ICRF equator
    }
    const Vec3 node = cross(z, Vec3{0.0, 0.0, 1.0});
    const double sin_tilt = norm(node);
    Vec3 x;
    if (sin_tilt > kPoleAlongZ) {
        x = node / sin_tilt;
    } else {
        // ICRF-X with its (at most 1e-9) component along the pole removed, to stay orthonormal.
        const Vec3 icrf_x{1.0, 0.0, 0.0};
        x = normalized(icrf_x - z * dot(z, icrf_x));
    }
    return {x, cross(z, x), z};
}

// Angle of w in the plane spanned by unit vectors (u, u_ahead), from u toward u_ahead, in
// [-pi, pi].
double angle_in_plane(Vec3 w, Vec3 u, Vec3 u_ahead) {
    return dm::atan2(dot(w, u_ahead), dot(w, u));
}

// asinh from log (no dm::asinh); odd symmetry avoids the cancellation of x + sqrt(x^2 + 1) for
// x < 0.
double asinh_det(double x) {
    const double ax = std::fabs(x);
    const double y = dm::log(ax + std::sqrt(ax * ax + 1.0));
    return x < 0.0 ? -y : y;
}

// ---------------------------------------------------------------------------------------------
// [SECTION] Time from the anomaly
// ---------------------------------------------------------------------------------------------

// Fills period_s, time_to_periapsis_s and time_to_apoapsis_s of a non-radial orbit from the
// signed true anomaly nu in [-pi, pi] (sin_nu, cos_nu its sine and cosine) and r the current
// radius (m). Needs shape, a, e, p and gm already set.
void set_times(OrbitalElements& el, double sin_nu, double cos_nu, double r_m) {
    const double gm = el.gm_m3_s2;
    const double e = el.eccentricity;
    const double p = el.semi_latus_rectum_m;
    if (el.shape == OrbitShape::Parabolic) {
        // Barker's equation: t - T = (1/2) sqrt(p^3/gm) (D + D^3/3), D = tan(nu/2)
        // = sin(nu) / (1 + cos(nu)), and 1 + e cos(nu) = p/r exactly on the conic (e ~ 1 here),
        // which stays finite where 1 + cos(nu) would cancel.
        const double d = sin_nu * (r_m / p);
        const double since_pe_s = 0.5 * std::sqrt(p * p * p / gm) * (d + d * d * d / 3.0);
        el.period_s = kInf;
        el.time_to_periapsis_s = -since_pe_s;
        el.time_to_apoapsis_s = kInf;
        return;
    }
    if (el.shape == OrbitShape::Hyperbolic) {
        // sinh F = sqrt(e^2 - 1) sin(nu) / (1 + e cos(nu)), M = e sinh F - F, n = sqrt(gm/(-a)^3).
        // The clamp keeps a nearly radial e (rounded to <= 1) out of sqrt's negative domain.
        const double minus_a = -el.semi_major_axis_m;
        const double sinh_f = std::sqrt(e > 1.0 ? e * e - 1.0 : 0.0) * sin_nu * (r_m / p);
        const double mean_anomaly = e * sinh_f - asinh_det(sinh_f);
        const double mean_motion_rad_s = std::sqrt(gm / minus_a) / minus_a;
        el.period_s = kInf;
        el.time_to_periapsis_s = -mean_anomaly / mean_motion_rad_s;
        el.time_to_apoapsis_s = kInf;
        return;
    }
    // Elliptic or circular: E = atan2(sqrt(1 - e^2) sin(nu), e + cos(nu)) (the half-angle form
    // tan(E/2) = sqrt((1-e)/(1+e)) tan(nu/2) without its tan), M = E - e sin E, n = sqrt(gm/a^3).
    // The clamp covers a bound nearly radial orbit whose e rounded to >= 1.
    const double a = el.semi_major_axis_m;
    const double sqrt_1me2 = std::sqrt(e < 1.0 ? 1.0 - e * e : 0.0);
    const double ecc_anomaly = dm::atan2(sqrt_1me2 * sin_nu, e + cos_nu);
    const double mean_anomaly = ecc_anomaly - e * dm::sin(ecc_anomaly);
    const double mean_motion_rad_s = std::sqrt(gm / a) / a;
    el.period_s = dm::kTwoPi / mean_motion_rad_s;
    el.time_to_periapsis_s = dm::wrap_two_pi(-mean_anomaly) / mean_motion_rad_s;
    el.time_to_apoapsis_s = dm::wrap_two_pi(dm::kPi - mean_anomaly) / mean_motion_rad_s;
}

// Period and times of a radial trajectory (e = 1, through the centre, which plays periapsis).
// sigma_m2_s = r . v (m^2/s), positive moving outward.
void set_radial_times(OrbitalElements& el, double r_m, double sigma_m2_s) {
    const double gm = el.gm_m3_s2;
    const double a = el.semi_major_axis_m;
    if (el.shape == OrbitShape::Parabolic) {
        // r^(3/2) = (3/2) sqrt(2 gm) |t - T|  =>  |t - T| = sqrt(2 r^3 / gm) / 3.
        const double since_pe_s = std::sqrt(2.0 * r_m * r_m * r_m / gm) / 3.0;
        el.period_s = kInf;
        el.time_to_periapsis_s = sigma_m2_s < 0.0 ? since_pe_s : -since_pe_s;
        el.time_to_apoapsis_s = kInf;
    } else if (el.shape == OrbitShape::Hyperbolic) {
        // e cosh F = 1 - r/a, e sinh F = sigma / sqrt(-gm a), e = 1; M = sinh F - F.
        const double sinh_f = sigma_m2_s / std::sqrt(-gm * a);
        const double mean_anomaly = sinh_f - asinh_det(sinh_f);
        const double mean_motion_rad_s = std::sqrt(gm / -a) / -a;
        el.period_s = kInf;
        el.time_to_periapsis_s = -mean_anomaly / mean_motion_rad_s;
        el.time_to_apoapsis_s = kInf;
    } else {
        // e cos E = 1 - r/a, e sin E = sigma / sqrt(gm a), e = 1; M = E - sin E.
        const double sin_e = sigma_m2_s / std::sqrt(gm * a);
        const double ecc_anomaly = dm::atan2(sin_e, 1.0 - r_m / a);
        const double mean_anomaly = ecc_anomaly - sin_e;
        const double mean_motion_rad_s = std::sqrt(gm / a) / a;
        el.period_s = dm::kTwoPi / mean_motion_rad_s;
        el.time_to_periapsis_s = dm::wrap_two_pi(-mean_anomaly) / mean_motion_rad_s;
        el.time_to_apoapsis_s = dm::wrap_two_pi(dm::kPi - mean_anomaly) / mean_motion_rad_s;
    }
}

// ---------------------------------------------------------------------------------------------
// [SECTION] elements_from_state
// ---------------------------------------------------------------------------------------------

// elements_from_state; false (elements all zero but gm) for invalid input.
bool compute_elements(Vec3 r_vec, Vec3 v_vec, double gm, Vec3 reference_pole, double body_radius_m,
                      OrbitalElements* out) {
    OrbitalElements& el = *out;
    el = OrbitalElements{};
    el.gm_m3_s2 = gm;
    const double r = norm(r_vec);
    if (!(gm > 0.0) || !std::isfinite(gm) || !(r > 0.0) || !is_finite(r_vec) || !is_finite(v_vec) ||
        !std::isfinite(body_radius_m)) {
        return false;
    }
    const double v2 = norm_squared(v_vec);
    const Vec3 h_vec = cross(r_vec, v_vec);  // specific angular momentum, m^2/s
    const double h = norm(h_vec);
    const double energy = 0.5 * v2 - gm / r;  // J/kg
    const bool parabolic = std::fabs(energy) < kParabolicEnergy * (gm / r);
    const bool bound = !parabolic && energy < 0.0;
    el.specific_energy_j_kg = energy;
    el.semi_major_axis_m = parabolic ? kInf : -gm / (2.0 * energy);
    const Frame frame = reference_frame(reference_pole);

    if (h <= kRadialSinGamma * r * std::sqrt(v2)) {
        el.shape = parabolic ? OrbitShape::Parabolic
                             : (bound ? OrbitShape::Elliptic : OrbitShape::Hyperbolic);
        el.eccentricity = 1.0;
        el.true_anomaly_rad = dm::kPi;
        el.apoapsis_radius_m = bound ? 2.0 * el.semi_major_axis_m : kInf;  // a (1 + e)
        set_radial_times(el, r, dot(r_vec, v_vec));
    } else {
        const Vec3 h_hat = h_vec / h;
        const Vec3 e_vec = cross(v_vec, h_vec) / gm - r_vec / r;
        const double e = norm(e_vec);
        el.eccentricity = e;
        el.semi_latus_rectum_m = h * h / gm;
        if (parabolic) {
            el.shape = OrbitShape::Parabolic;
        } else if (!bound) {
            el.shape = OrbitShape::Hyperbolic;
        } else {
            el.shape = e < kCircularE ? OrbitShape::Circular : OrbitShape::Elliptic;
        }

        // Inclination from atan2(|pole x h|, pole . h): accurate near 0 and pi, where acos is not.
        const Vec3 n_vec = cross(frame.z, h_vec);  // toward the ascending node, |n| = h sin i
        const double n = norm(n_vec);
        el.inclination_rad = dm::atan2(n, dot(frame.z, h_vec));
        Vec3 node_hat = frame.x;  // equatorial: X_ref stands in for the node line
        if (n > kEquatorialSinI * h) {
            node_hat = n_vec / n;
            el.raan_rad = dm::wrap_two_pi(angle_in_plane(node_hat, frame.x, frame.y));
        }
        const Vec3 node_ahead = cross(h_hat, node_hat);  // 90 deg past the node along the motion

        double nu = 0.0;  // signed true anomaly, [-pi, pi]
        if (el.shape == OrbitShape::Circular) {
            nu = angle_in_plane(r_vec, node_hat, node_ahead);  // argument of latitude
        } else {
            const Vec3 e_hat = e_vec / e;
            el.argument_of_periapsis_rad =
                dm::wrap_two_pi(angle_in_plane(e_vec, node_hat, node_ahead));
            nu = angle_in_plane(r_vec, e_hat, cross(h_hat, e_hat));
        }
        el.true_anomaly_rad = dm::wrap_two_pi(nu);
        el.apoapsis_radius_m = bound ? el.semi_major_axis_m * (1.0 + e) : kInf;
        double sin_nu = 0.0;
        double cos_nu = 0.0;
        dm::sincos(nu, &sin_nu, &cos_nu);
        set_times(el, sin_nu, cos_nu, r);
    }

    // p/(1 + e) rather than a (1 - e): it holds for every conic, parabola included.
    el.periapsis_radius_m = el.semi_latus_rectum_m / (1.0 + el.eccentricity);
    el.periapsis_altitude_m = el.periapsis_radius_m - body_radius_m;
    el.apoapsis_altitude_m = el.apoapsis_radius_m - body_radius_m;  // stays +inf when unbound

    // Angles ahead along the motion: periapsis at nu = 0, apoapsis at pi, the ascending node at
    // nu = -omega, the descending node at pi - omega.
    const double nu = el.true_anomaly_rad;
    const double omega = el.argument_of_periapsis_rad;
    el.angle_to_periapsis_rad = dm::wrap_two_pi(-nu);
    el.angle_to_apoapsis_rad = dm::wrap_two_pi(dm::kPi - nu);
    el.angle_to_ascending_node_rad = dm::wrap_two_pi(-omega - nu);
    el.angle_to_descending_node_rad = dm::wrap_two_pi(dm::kPi - omega - nu);
    return true;
}

bool valid_body_index(const World& world, int index) {
    return index >= 0 && static_cast<std::size_t>(index) < world.bodies.size();
}

}  // namespace

OrbitalElements elements_from_state(Vec3 r_m, Vec3 v_m_s, double gm_m3_s2, Vec3 reference_pole,
                                    double body_radius_m) {
    OrbitalElements el;
    compute_elements(r_m, v_m_s, gm_m3_s2, reference_pole, body_radius_m, &el);
    return el;
}

// ---------------------------------------------------------------------------------------------
// [SECTION] World queries
// ---------------------------------------------------------------------------------------------

Vec3 reference_plane_normal(const World& world, int body_index) {
    if (!valid_body_index(world, body_index)) {
        return Vec3{0.0, 0.0, 1.0};  // no such body: the ICRF equator
    }
    const Body& body = world.bodies[static_cast<std::size_t>(body_index)];
    if (body.parent_index >= 0) {
        return body.pole;
    }
    // Ecliptic north pole in ICRF: RA 270 deg, Dec 90 deg - obliquity.
    double sin_eps = 0.0;
    double cos_eps = 0.0;
    dm::sincos(kObliquityJ2000_rad, &sin_eps, &cos_eps);
    return Vec3{0.0, -sin_eps, cos_eps};
}

OrbitalElements ship_orbit(const World& world, const Ship& ship) {
    // A docked ship's stored state is kept on its station, so it needs no special case.
    const int ref = reference_body_index(world, ship.position_m);
    OrbitalElements el;
    if (!valid_body_index(world, ref)) {
        return el;
    }
    const Body& body = world.bodies[static_cast<std::size_t>(ref)];
    if (compute_elements(ship.position_m - body.position_m, ship.velocity_m_s - body.velocity_m_s,
                         body.def.gm_m3_s2, reference_plane_normal(world, ref),
                         body.def.mean_radius_m, &el)) {
        el.reference_body = ref;
    }
    return el;
}

OrbitalElements body_orbit(const World& world, int body_index) {
    OrbitalElements el;
    if (!valid_body_index(world, body_index)) {
        return el;
    }
    const Body& body = world.bodies[static_cast<std::size_t>(body_index)];
    const int parent_index = body.parent_index;
    if (!valid_body_index(world, parent_index)) {
        return el;  // the root: no parent, all zero
    }
    const Body& parent = world.bodies[static_cast<std::size_t>(parent_index)];
    // Two-body relative motion: r'' = -G (M + m) r / r^3, so the body's own gm counts too (the
    // Moon's is 1.2% of Earth's; leaving it out would make its period 0.6% long).
    const double gm = parent.def.gm_m3_s2 + body.def.gm_m3_s2;
    if (compute_elements(
            body.position_m - parent.position_m, body.velocity_m_s - parent.velocity_m_s, gm,
            reference_plane_normal(world, parent_index), parent.def.mean_radius_m, &el)) {
        el.reference_body = parent_index;
    }
    return el;
}

}  // namespace galaxy::sim
