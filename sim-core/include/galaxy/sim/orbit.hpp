// Orbital elements of ships and bodies relative to their reference body.
#pragma once

#include "galaxy/sim/ship.hpp"
#include "galaxy/sim/vec3.hpp"
#include "galaxy/sim/world.hpp"

namespace galaxy::sim {

enum class OrbitShape : std::uint8_t { Circular, Elliptic, Parabolic, Hyperbolic };

// Keplerian (osculating) elements. Angles in radians. Where an element is undefined (node of an
// equatorial orbit, periapsis of a circular one) the convention in orbit.cpp applies and it is 0.
struct OrbitalElements {
    int reference_body = -1;            // index into World::bodies, -1 if not computed
    OrbitShape shape = OrbitShape::Elliptic;
    double gm_m3_s2 = 0.0;              // of the reference body (plus the body's own, for body_orbit)
    double semi_major_axis_m = 0.0;     // > 0 elliptic, < 0 hyperbolic, +inf parabolic
    double eccentricity = 0.0;
    double inclination_rad = 0.0;       // to the reference plane, 0..pi
    double raan_rad = 0.0;              // longitude of the ascending node, 0..2pi
    double argument_of_periapsis_rad = 0.0;   // 0..2pi
    double true_anomaly_rad = 0.0;      // 0..2pi
    double semi_latus_rectum_m = 0.0;
    double specific_energy_j_kg = 0.0;  // v^2/2 - gm/r
    double periapsis_radius_m = 0.0;
    double apoapsis_radius_m = 0.0;     // +inf when not bound
    double periapsis_altitude_m = 0.0;  // above the reference body's mean radius
    double apoapsis_altitude_m = 0.0;   // +inf when not bound
    double period_s = 0.0;              // +inf when not bound
    double time_to_periapsis_s = 0.0;   // time until the next periapsis passage (past it on an
                                        // escape trajectory: negative, time since periapsis)
    double time_to_apoapsis_s = 0.0;    // +inf when not bound
    double angle_to_periapsis_rad = 0.0;   // true-anomaly angle ahead, in the direction of motion, 0..2pi
    double angle_to_apoapsis_rad = 0.0;
    double angle_to_ascending_node_rad = 0.0;
    double angle_to_descending_node_rad = 0.0;
};

// Elements of relative state (r, v) about a centre of gravitational parameter gm.
// reference_pole is the unit normal of the reference plane (inclination 0 = orbit normal
// along it). body_radius_m turns radii into altitudes.
OrbitalElements elements_from_state(Vec3 r_m, Vec3 v_m_s, double gm_m3_s2, Vec3 reference_pole,
                                    double body_radius_m);

// Normal of the plane inclinations are measured from around body i: its equator (spin axis),
// or the ecliptic for the root body (the Sun), as astronomers do.
Vec3 reference_plane_normal(const World& world, int body_index);

// Elements of a ship about its reference body (innermost Hill sphere containing it).
OrbitalElements ship_orbit(const World& world, const Ship& ship);
// Elements of a body about its parent; reference_body = -1 for the root.
OrbitalElements body_orbit(const World& world, int body_index);

}  // namespace galaxy::sim
