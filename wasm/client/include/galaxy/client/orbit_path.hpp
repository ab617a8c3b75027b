// Points along a Keplerian orbit for drawing: body orbit ellipses and the own ship's apsis and
// node markers. Pure double-precision geometry of the two-body conic through a relative state.
#pragma once

#include <cstdint>
#include <vector>

#include "galaxy/sim/vec3.hpp"

namespace galaxy::client {

// The conic through a state relative to the attracting body, in its own plane: p_hat toward
// periapsis (toward the current position for a circle), q_hat 90 deg ahead along the motion.
struct Conic {
    bool valid = false;                 // false for a radial or degenerate state
    double semi_latus_rectum_m = 0.0;
    double eccentricity = 0.0;
    double true_anomaly_rad = 0.0;      // of the state, -pi..pi
    sim::Vec3 p_hat;
    sim::Vec3 q_hat;
};

// From the position and velocity relative to the attracting body (m, m/s) and its gm (m^3/s^2).
Conic conic_from_state(sim::Vec3 r_m, sim::Vec3 v_m_s, double gm_m3_s2);

// The point angle_ahead_rad further along the orbit than the state (0 = the state itself),
// relative to the attracting body; false where an open conic does not go.
bool conic_point_ahead(const Conic& conic, double angle_ahead_rad, sim::Vec3* out_m);

// count points evenly spaced in eccentric anomaly around a closed orbit, starting at the
// state, relative to the attracting body (one loop; the caller closes it). Clears *out; leaves
// it empty for an open or invalid conic. Even in eccentric anomaly rather than true anomaly, so
// the slow far end of an eccentric orbit gets as many points as the fast near end.
void sample_ellipse(const Conic& conic, std::uint32_t count, std::vector<sim::Vec3>* out);

}  // namespace galaxy::client
