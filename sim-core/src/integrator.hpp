// The symplectic integrator that moves bodies, stations and ships under gravity.
#pragma once

#include <vector>

#include "gravity.hpp"

namespace galaxy::sim {

// Everything the integrator moves during one substep, in kernel layout.
struct DynamicState {
    BodyField field;                    // body positions live in field.x/y/z
    std::vector<Vec3> body_velocity;    // m/s
    std::vector<Vec3> body_acc;         // scratch
    ParticleSet particles;              // stations and free ships
    std::vector<Vec3> particle_dv;      // velocity change from engines over the substep, m/s
};

// Number of substeps for a tick of dt_s: ceil(dt_s / kMaxSubstep_s), at least 1.
int substep_count(double dt_s);

// Advances the state by h_s with one PEFRL step (see integrator.cpp).
void integrate_substep(DynamicState& state, double h_s);

}  // namespace galaxy::sim
