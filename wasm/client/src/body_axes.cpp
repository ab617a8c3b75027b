#include "galaxy/client/body_axes.hpp"

#include <cmath>

namespace galaxy::client {
namespace {

constexpr double kPi = 3.14159265358979323846;

}  // namespace

BodyAxes body_axes(const sim::Body& body, double game_time_s) {
    const sim::Vec3 z = sim::normalized(body.pole);
    // The ascending node of the body's equator on the ICRF equator, Z x pole, is at right
    // ascension alpha0 + 90 deg. Taken from alpha0 rather than the cross product, it stays
    // defined for a pole along ICRF-Z (Earth's in the catalog), as the IAU model has it.
    const double ra_rad = body.def.pole_ra_deg * (kPi / 180.0);
    const sim::Vec3 node{-std::sin(ra_rad), std::cos(ra_rad), 0.0};
    const sim::Vec3 node_ahead = sim::cross(z, node);
    const double w = sim::body_rotation_angle_rad(body, game_time_s);
    const sim::Vec3 x = node * std::cos(w) + node_ahead * std::sin(w);
    return {x, sim::cross(z, x), z};
}

}  // namespace galaxy::client
