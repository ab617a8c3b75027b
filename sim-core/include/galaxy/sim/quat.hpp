// Unit quaternion for attitude: rotates body-frame vectors into the ICRF frame.
#pragma once

#include "galaxy/sim/vec3.hpp"

namespace galaxy::sim {

struct Quat {
    double w = 1.0;
    double x = 0.0;
    double y = 0.0;
    double z = 0.0;
};

constexpr Quat operator*(Quat a, Quat b) {
    return {a.w * b.w - a.x * b.x - a.y * b.y - a.z * b.z,
            a.w * b.x + a.x * b.w + a.y * b.z - a.z * b.y,
            a.w * b.y - a.x * b.z + a.y * b.w + a.z * b.x,
            a.w * b.z + a.x * b.y - a.y * b.x + a.z * b.w};
}
constexpr bool operator==(Quat a, Quat b) { return a.w == b.w && a.x == b.x && a.y == b.y && a.z == b.z; }
constexpr Quat conjugate(Quat q) { return {q.w, -q.x, -q.y, -q.z}; }
inline Quat normalized(Quat q) {
    const double n = std::sqrt(q.w * q.w + q.x * q.x + q.y * q.y + q.z * q.z);
    return n > 0.0 ? Quat{q.w / n, q.x / n, q.y / n, q.z / n} : Quat{};
}
// v rotated by q (body frame -> ICRF when q is a ship's attitude).
constexpr Vec3 rotate(Quat q, Vec3 v) {
    const Vec3 u{q.x, q.y, q.z};
    const Vec3 t = cross(u, v) * 2.0;
    return v + t * q.w + cross(u, t);
}
// v rotated by the inverse of q (ICRF -> body frame).
constexpr Vec3 rotate_inverse(Quat q, Vec3 v) { return rotate(conjugate(q), v); }
// Rotation by angle_rad about the unit vector axis (uses det_math, so it is deterministic).
Quat quat_from_axis_angle(Vec3 axis, double angle_rad);
// The rotation that maps the body +Z axis onto the unit direction dir with the least turn.
Quat quat_pointing_z_at(Vec3 dir);

}  // namespace galaxy::sim
