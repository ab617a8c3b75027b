// Spawn placement. Circular speed is sqrt(GM/r) about the body alone: the tidal pull of other
// bodies makes the orbit very slightly eccentric, which is what a real insertion would give.
#include "placement.hpp"

#include <cmath>

#include "galaxy/sim/det_math.hpp"

namespace galaxy::sim {

EquatorFrame equator_frame(Vec3 pole) {
    Vec3 node = cross(pole, Vec3{0.0, 0.0, 1.0});
    // A pole within ~1e-9 rad of ICRF-Z (Earth's, as catalogued) has no meaningful node line.
    if (norm_squared(node) < 1e-18) node = Vec3{1.0, 0.0, 0.0};
    const Vec3 e1 = normalized(node);
    return {e1, cross(pole, e1), pole};
}

namespace {

bool place_orbit(const World& world, const OrbitSpawn& o, PlacedState* out, std::string* reason) {
    if (o.body_index >= world.bodies.size()) {
        *reason = "spawn body index out of range";
        return false;
    }
    const Body& body = world.bodies[o.body_index];
    const double r = body.def.mean_radius_m + o.altitude_m;
    if (!std::isfinite(o.altitude_m) || o.altitude_m < 0.0 || !(r < body.hill_radius_m)) {
        *reason = "spawn altitude must be >= 0 and inside the body's Hill sphere";
        return false;
    }
    if (!std::isfinite(o.inclination_rad) || o.inclination_rad < 0.0 || o.inclination_rad > dm::kPi ||
        !std::isfinite(o.raan_rad) || !std::isfinite(o.argument_of_latitude_rad)) {
        *reason = "spawn angles must be finite, inclination within 0..pi";
        return false;
    }
    const EquatorFrame f = equator_frame(body.pole);
    double sin_o = 0.0, cos_o = 0.0, sin_i = 0.0, cos_i = 0.0, sin_u = 0.0, cos_u = 0.0;
    dm::sincos(o.raan_rad, &sin_o, &cos_o);
    dm::sincos(o.inclination_rad, &sin_i, &cos_i);
    dm::sincos(o.argument_of_latitude_rad, &sin_u, &cos_u);
    // Ascending node N and the in-plane axis 90 deg ahead of it, M (prograde about the pole).
    const Vec3 node = f.e1 * cos_o + f.e2 * sin_o;
    const Vec3 ahead = cross(f.pole, node) * cos_i + f.pole * sin_i;
    const Vec3 radial = node * cos_u + ahead * sin_u;
    const Vec3 along = ahead * cos_u - node * sin_u;
    const double speed = std::sqrt(body.def.gm_m3_s2 / r);
    out->position_m = body.position_m + radial * r;
    out->velocity_m_s = body.velocity_m_s + along * speed;
    return true;
}

// Rodrigues rotation of v by +-60 deg about the unit axis n.
Vec3 rotate60(Vec3 v, Vec3 n, bool positive) {
    const double c = 0.5;
    const double s = (positive ? 0.5 : -0.5) * std::sqrt(3.0);
    return v * c + cross(n, v) * s + n * (dot(n, v) * (1.0 - c));
}

bool place_lagrange(const World& world, const LagrangeSpawn& l, PlacedState* out,
                    std::string* reason) {
    if (l.primary_index >= world.bodies.size() || l.secondary_index >= world.bodies.size() ||
        l.primary_index == l.secondary_index) {
        *reason = "Lagrange spawn needs two different existing bodies";
        return false;
    }
    const Body& p = world.bodies[l.primary_index];
    const Body& s = world.bodies[l.secondary_index];
    const Vec3 r = s.position_m - p.position_m;
    const Vec3 v = s.velocity_m_s - p.velocity_m_s;
    const Vec3 n = normalized(cross(r, v));
    if (norm_squared(n) == 0.0) {
        *reason = "Lagrange spawn: the pair has no orbital plane";
        return false;
    }
    // L4 leads the secondary (rotation in the sense of its motion), L5 trails.
    out->position_m = p.position_m + rotate60(r, n, l.l4);
    out->velocity_m_s = p.velocity_m_s + rotate60(v, n, l.l4);
    return true;
}

bool place_near_station(const World& world, const StationSpawn& st, PlacedState* out,
                        std::string* reason) {
    const Station* station = find_station(world, st.station_id);
    if (station == nullptr) {
        *reason = "spawn station does not exist";
        return false;
    }
    if (!std::isfinite(st.distance_behind_m) || st.distance_behind_m < 0.0 ||
        st.distance_behind_m > 1e6) {
        *reason = "spawn distance behind the station must be within 0..1e6 m";
        return false;
    }
    // "Behind" along the station's velocity relative to its reference body, so the ship
    // trails it on the same orbit.
    const int ref = reference_body_index(world, station->position_m);
    const Vec3 ref_velocity = ref >= 0 ? world.bodies[static_cast<std::size_t>(ref)].velocity_m_s : Vec3{};
    const Vec3 dir = normalized(station->velocity_m_s - ref_velocity);
    out->position_m = station->position_m - dir * st.distance_behind_m;
    out->velocity_m_s = station->velocity_m_s;
    return true;
}

}  // namespace

bool place(const World& world, const SpawnDef& spawn, PlacedState* out, std::string* reason) {
    switch (spawn.kind) {
        case SpawnKind::Orbit: return place_orbit(world, spawn.orbit, out, reason);
        case SpawnKind::NearStation: return place_near_station(world, spawn.near_station, out, reason);
        case SpawnKind::Lagrange: return place_lagrange(world, spawn.lagrange, out, reason);
    }
    *reason = "unknown spawn kind";
    return false;
}

}  // namespace galaxy::sim
