// A ship's own systems over one integrator substep: attitude autopilot, reaction wheels, RCS,
// main engine. Gravity is not here; the integrator adds the velocity change returned.
#pragma once

#include "galaxy/sim/ship.hpp"

namespace galaxy::sim {

inline constexpr double kAttitudeStep_s = 0.05;        // attitude integration step cap
inline constexpr double kRateTimeConstant_s = 0.25;    // rate loop: error decays e-fold in this
inline constexpr double kPointingTimeConstant_s = 2.0; // pointing loop near the target
inline constexpr double kRestAngle_rad = 1e-6;         // HOLD settles below this error ...
inline constexpr double kRestRate_rad_s = 1e-6;        // ... and this rate

// What the autopilot needs from outside the ship, at the start of the substep.
struct ShipSurroundings {
    Vec3 reference_position_m;     // reference body, ICRF
    Vec3 reference_velocity_m_s;
    double reference_gm_m3_s2 = 0.0;
    bool has_target = false;       // TARGET/ANTI_TARGET point at target_position_m
    Vec3 target_position_m;
};

// Advances attitude, wheels and fuel by dt_s and returns the velocity change (ICRF, m/s) the
// main engine and RCS translation produced over it. Docked ships must not be passed.
Vec3 advance_ship_systems(Ship& ship, const ShipSurroundings& around, double dt_s);

// Unit direction (ICRF) a pointing mode aims the body +Z axis at, given the ship's position and
// velocity relative to its reference body; zero if undefined (e.g. no velocity).
Vec3 mode_direction(AttitudeMode mode, Vec3 r_rel_m, Vec3 v_rel_m_s, const ShipSurroundings& around,
                    Vec3 ship_position_m);

}  // namespace galaxy::sim
