// The navball's geometry: the directions the autopilot modes point at, the target and the local
// vertical, all in the ship's body frame, and their projection onto the ball as seen from behind
// the ship (the forward hemisphere, +Z at the centre; axes as in flight_controls.hpp).
#pragma once

#include "galaxy/sim/ship.hpp"
#include "galaxy/sim/vec3.hpp"
#include "galaxy/sim/world.hpp"

namespace galaxy::client {

// Body-frame unit vectors; the opposite markers (retrograde, anti-normal, radial in,
// anti-target) are the negatives. Directions sim-core cannot define (no velocity) are zero.
struct NavballFrame {
    bool valid = false;       // false without bodies
    sim::Vec3 prograde;       // velocity relative to the reference body
    sim::Vec3 normal;         // orbit normal r x v
    sim::Vec3 radial_out;     // in the orbit plane, away from the body: v x (r x v)
    sim::Vec3 up;             // local vertical, from the reference body's centre to the ship
    bool has_target = false;  // the ship's target exists
    sim::Vec3 target;         // towards the target
};

// The frame for a ship, with the same formulas as sim-core's autopilot (ship_systems.cpp).
NavballFrame navball_frame(const sim::World& world, const sim::Ship& ship);

// A direction on the ball: x right, y down, in units of the ball's radius (so the ball is the
// unit disc). Orthographic view of the forward hemisphere; `front` is false for directions
// behind the ship, which are placed on the rim (x, y then give the way round to turn).
struct NavballPoint {
    double x = 0.0;
    double y = 0.0;
    bool front = true;
};

NavballPoint navball_project(sim::Vec3 body_direction);

// The inverse for a point inside the unit disc (x right, y down): the front-hemisphere
// direction seen there. Points outside the disc map to the rim.
sim::Vec3 navball_unproject(double x, double y);

}  // namespace galaxy::client
