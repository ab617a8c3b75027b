#include "galaxy/client/navball.hpp"

#include <cmath>

#include "galaxy/client/target_cycle.hpp"
#include "galaxy/sim/quat.hpp"

namespace galaxy::client {

NavballFrame navball_frame(const sim::World& world, const sim::Ship& ship) {
    NavballFrame frame;
    const int reference = sim::reference_body_index(world, ship.position_m);
    if (reference < 0) return frame;
    frame.valid = true;
    const sim::Body& body = world.bodies[static_cast<std::size_t>(reference)];
    const sim::Vec3 r = ship.position_m - body.position_m;
    const sim::Vec3 v = ship.velocity_m_s - body.velocity_m_s;
    const sim::Vec3 h = cross(r, v);
    const auto to_body = [&](sim::Vec3 icrf) { return sim::rotate_inverse(ship.attitude, icrf); };
    frame.prograde = to_body(normalized(v));
    frame.normal = to_body(normalized(h));
    frame.radial_out = to_body(normalized(cross(v, h)));
    frame.up = to_body(normalized(r));
    sim::Vec3 target_m;
    if (target_position(world, ship.controls.target, &target_m) &&
        !(ship.controls.target.kind == sim::TargetKind::Ship &&
          ship.controls.target.id == ship.id)) {
        frame.has_target = true;
        frame.target = to_body(normalized(target_m - ship.position_m));
    }
    return frame;
}

NavballPoint navball_project(sim::Vec3 d) {
    // Seen from behind with +Y up, the pilot's right is -X; screen y grows downwards.
    NavballPoint p{-d.x, -d.y, d.z >= 0.0};
    if (!p.front) {
        const double n = std::sqrt(p.x * p.x + p.y * p.y);
        // Straight behind has no way round: put it at the top of the rim.
        if (n > 0.0) {
            p.x /= n;
            p.y /= n;
        } else {
            p.x = 0.0;
            p.y = -1.0;
        }
    }
    return p;
}

sim::Vec3 navball_unproject(double x, double y) {
    const double rho2 = x * x + y * y;
    if (rho2 >= 1.0) {
        const double n = std::sqrt(rho2);
        return sim::Vec3{-x / n, -y / n, 0.0};
    }
    return sim::Vec3{-x, -y, std::sqrt(1.0 - rho2)};
}

}  // namespace galaxy::client
