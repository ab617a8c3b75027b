// Quaternion constructors that need transcendental functions; det_math keeps them bit-identical
// on the native and WebAssembly builds.

#include "galaxy/sim/quat.hpp"

#include "galaxy/sim/det_math.hpp"

namespace galaxy::sim {

Quat quat_from_axis_angle(Vec3 axis, double angle_rad) {
    // The axis is normalised here so a slightly off-unit axis (accumulated rounding) still gives
    // a unit quaternion; an exactly unit axis passes through unchanged. A zero axis has no
    // direction, so the rotation is the identity.
    const Vec3 n = normalized(axis);
    if (n == Vec3{}) {
        return Quat{};
    }
    double s = 0.0;
    double c = 0.0;
    dm::sincos(0.5 * angle_rad, &s, &c);
    return Quat{c, n.x * s, n.y * s, n.z * s};
}

Quat quat_pointing_z_at(Vec3 dir) {
    // Shortest arc from +Z to d: q ~ (1 + z.d, z x d) = (1 + d.z, -d.y, d.x, 0), normalised.
    // Its axis lies in the body XY plane, so the rotation has no twist about the pointing axis.
    const Vec3 d = normalized(dir);
    if (d == Vec3{}) {
        return Quat{};  // no direction to point at
    }
    const double sxy = d.x * d.x + d.y * d.y;  // sin^2 of the turn angle
    if (sxy == 0.0) {
        // Along the Z axis: identity for +Z; for -Z every axis in the XY plane is a shortest
        // turn, and the convention is half a turn about body X.
        return d.z > 0.0 ? Quat{} : Quat{0.0, 1.0, 0.0, 0.0};
    }
    // 1 + d.z cancels catastrophically near -Z; there use 1 + d.z = (1 - d.z^2) / (1 - d.z)
    // = sxy / (1 - d.z) for a unit d, which keeps full relative accuracy.
    const double w = d.z >= 0.0 ? 1.0 + d.z : sxy / (1.0 - d.z);
    return normalized(Quat{w, -d.y, d.x, 0.0});
}

}  // namespace galaxy::sim
