#include "galaxy/client/orbit_path.hpp"

#include <cmath>

namespace galaxy::client {
namespace {

constexpr double kTwoPi = 6.28318530717958647692;
// Below this eccentricity the periapsis direction is rounding noise (see sim-core's orbit.cpp),
// so a circle is measured from the current position instead.
constexpr double kCircularE = 1e-9;
// Radial when |h| is below this fraction of |r||v|: the orbit plane is undefined.
constexpr double kRadialSinGamma = 1e-14;

}  // namespace

Conic conic_from_state(sim::Vec3 r_m, sim::Vec3 v_m_s, double gm_m3_s2) {
    Conic c;
    const double r = sim::norm(r_m);
    const sim::Vec3 h_vec = sim::cross(r_m, v_m_s);
    const double h = sim::norm(h_vec);
    if (!(gm_m3_s2 > 0.0) || !(r > 0.0) || !(h > kRadialSinGamma * r * sim::norm(v_m_s)) ||
        !std::isfinite(h)) {
        return c;
    }
    const sim::Vec3 h_hat = h_vec / h;
    const sim::Vec3 e_vec = sim::cross(v_m_s, h_vec) / gm_m3_s2 - r_m / r;
    c.eccentricity = sim::norm(e_vec);
    c.semi_latus_rectum_m = h * h / gm_m3_s2;
    c.p_hat = c.eccentricity < kCircularE ? r_m / r : e_vec / c.eccentricity;
    c.q_hat = sim::cross(h_hat, c.p_hat);
    c.true_anomaly_rad = std::atan2(sim::dot(r_m, c.q_hat), sim::dot(r_m, c.p_hat));
    c.valid = true;
    return c;
}

bool conic_point_ahead(const Conic& conic, double angle_ahead_rad, sim::Vec3* out_m) {
    if (!conic.valid) return false;
    const double nu = conic.true_anomaly_rad + angle_ahead_rad;
    const double denominator = 1.0 + conic.eccentricity * std::cos(nu);
    // At or past the asymptote of a hyperbola the radius is infinite or negative.
    if (!(denominator > 1e-12)) return false;
    const double radius = conic.semi_latus_rectum_m / denominator;
    *out_m = (conic.p_hat * std::cos(nu) + conic.q_hat * std::sin(nu)) * radius;
    return true;
}

void sample_ellipse(const Conic& conic, std::uint32_t count, std::vector<sim::Vec3>* out) {
    out->clear();
    const double e = conic.eccentricity;
    if (!conic.valid || !(e < 1.0) || count == 0) return;
    const double root = std::sqrt(1.0 - e * e);
    const double a = conic.semi_latus_rectum_m / (1.0 - e * e);
    const double b = a * root;
    const double nu = conic.true_anomaly_rad;
    const double start = std::atan2(root * std::sin(nu), e + std::cos(nu));
    out->reserve(count);
    for (std::uint32_t k = 0; k < count; ++k) {
        const double ecc_anomaly = start + kTwoPi * k / count;
        out->push_back(conic.p_hat * (a * (std::cos(ecc_anomaly) - e)) +
                       conic.q_hat * (b * std::sin(ecc_anomaly)));
    }
}

}  // namespace galaxy::client
