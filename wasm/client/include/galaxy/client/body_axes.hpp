// The body-fixed axes of a rotating body, for drawing its surface turning: the IAU model's
// pole and prime meridian, where W is measured along the body's equator from its ascending
// node on the ICRF equator (at right ascension alpha0 + 90 deg).
#pragma once

#include "galaxy/sim/body.hpp"
#include "galaxy/sim/vec3.hpp"

namespace galaxy::client {

// Unit axes in ICRF: z the spin pole, x toward the prime meridian, y = z x x.
struct BodyAxes {
    sim::Vec3 x;
    sim::Vec3 y;
    sim::Vec3 z;
};

// Axes of the body at game time t (TDB s since J2000), from sim::body_rotation_angle_rad.
BodyAxes body_axes(const sim::Body& body, double game_time_s);

}  // namespace galaxy::client
