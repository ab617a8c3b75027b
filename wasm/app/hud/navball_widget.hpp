// The navball as an ImGui widget: a ball seen from behind the ship (nose at the centre), sky and
// ground split by the reference body's horizon, and markers for the autopilot directions and
// the target (geometry from client/navball.hpp).
#pragma once

#include "galaxy/sim/world.hpp"

namespace galaxy::app::hud {

// Draws the navball at the cursor as an item diameter_px wide and high. world/ship may be null
// (no ship: an empty ball).
void draw_navball(const sim::World* world, const sim::Ship* ship, float diameter_px);

}  // namespace galaxy::app::hud
