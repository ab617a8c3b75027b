// Trajectory prediction: where a ship will go, without changing the world.
#pragma once

#include <cstdint>
#include <vector>

#include "galaxy/sim/world.hpp"

namespace galaxy::sim {

struct TrajectoryDef {
    double duration_s = 6000.0;       // how far ahead to look, game seconds
    std::uint32_t samples = 256;      // points returned (2..4096), evenly spaced in time
    bool coast = true;                // true: engines and RCS off; false: current controls
};

struct TrajectoryPoint {
    double time_s = 0.0;              // game time (TDB s since J2000)
    Vec3 position_m;                  // ship, ICRF barycentric
    Vec3 velocity_m_s;
    Vec3 reference_position_m;        // the reference body at that time (for drawing relative)
};

// Propagates a copy of the world holding only the bodies and this ship. The reference body is
// the ship's at the start. Empty if the ship does not exist or def is out of range. The
// prediction stops early at a crash (the last point is the impact).
std::vector<TrajectoryPoint> predict_trajectory(const World& world, std::uint32_t ship_id,
                                                const TrajectoryDef& def);

}  // namespace galaxy::sim
