// Helpers shared by the sim-core tests.
#pragma once

#include <cmath>
#include <cstdint>
#include <vector>

#include "galaxy/sim/scenario.hpp"
#include "galaxy/sim/world.hpp"

namespace galaxy::sim::test {

// Steps one tick with the given commands and returns the id of the first ship spawned.
inline std::uint32_t spawn(World& world, const Command& command, double dt_s = 1.0) {
    const std::vector<Event> events = step(world, dt_s, {command});
    for (const Event& e : events) {
        if (e.type == EventType::ShipSpawned) return e.ship;
    }
    return 0;
}

// Angle between two vectors, radians (test-side, so std:: functions are fine).
inline double angle_between(Vec3 a, Vec3 b) {
    return std::atan2(norm(cross(a, b)), dot(a, b));
}

// Total energy of the bodies divided by G (GM-weighted): kinetic, pairwise potential and each
// parent's J2 potential acting on its children, matching the forces in gravity.cpp.
inline double body_energy_over_g(const World& world) {
    const auto& b = world.bodies;
    double e = 0.0;
    for (std::size_t i = 0; i < b.size(); ++i) {
        e += 0.5 * b[i].def.gm_m3_s2 * norm_squared(b[i].velocity_m_s);
        for (std::size_t j = i + 1; j < b.size(); ++j) {
            e -= b[i].def.gm_m3_s2 * b[j].def.gm_m3_s2 / norm(b[j].position_m - b[i].position_m);
        }
    }
    for (std::size_t c = 0; c < b.size(); ++c) {
        if (b[c].parent_index < 0) continue;
        const Body& p = b[static_cast<std::size_t>(b[c].parent_index)];
        if (p.def.j2 == 0.0) continue;
        const Vec3 r = b[c].position_m - p.position_m;
        const double rn = norm(r);
        const double s = dot(r, p.pole) / rn;
        const double ratio = p.def.reference_radius_m / rn;
        // U = + GM_p GM_c / r * J2 (R/r)^2 P2(sin phi), P2(x) = (3x^2 - 1) / 2
        e += p.def.gm_m3_s2 * b[c].def.gm_m3_s2 / rn * p.def.j2 * ratio * ratio * 0.5 * (3.0 * s * s - 1.0);
    }
    return e;
}

}  // namespace galaxy::sim::test
