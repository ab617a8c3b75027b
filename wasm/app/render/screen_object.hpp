// An object of the scene as it landed on screen this frame: what the overlay marks and labels
// and what a click can pick.
#pragma once

#include "galaxy/sim/ship.hpp"

namespace galaxy::app::render {

struct ScreenObject {
    sim::TargetRef target;
    double x_px = 0.0;          // projected centre, framebuffer px, x right, y down
    double y_px = 0.0;
    double depth_m = 0.0;       // along the view axis
    double distance_m = 0.0;    // from the eye
    double radius_px = 0.0;     // the body's disc or the hull's size on screen
    double radius_m = 0.0;      // as drawn (a body's mean radius, a hull's half-length)
};

}  // namespace galaxy::app::render
