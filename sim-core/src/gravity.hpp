// Gravitational accelerations: N-body between bodies, and bodies acting on test particles
// (ships and stations, which feel gravity and attract nothing).
#pragma once

#include <cstdint>
#include <vector>

#include "galaxy/sim/body.hpp"

namespace galaxy::sim {

// Body positions and constants laid out for the kernels (structure of arrays).
struct BodyField {
    std::vector<double> x, y, z;        // positions, m (ICRF)
    std::vector<double> gm;             // m^3/s^2
    std::vector<double> j2_gm_r2;       // 1.5 * J2 * GM * R^2 (0 without J2), m^5/s^2
    std::vector<Vec3> pole;             // unit spin axes
    std::vector<std::int32_t> parent;   // index, -1 for the root
};

// Test particles (structure of arrays so the body loop vectorises over particles).
struct ParticleSet {
    std::vector<double> x, y, z;          // positions, m
    std::vector<double> vx, vy, vz;       // velocities, m/s
    std::vector<double> ax, ay, az;       // accelerations, m/s^2 (output of the kernel)
    std::vector<std::int32_t> j2_body;    // body whose J2 acts on the particle, -1 for none
    void resize(std::size_t n);
    std::size_t size() const { return x.size(); }
};

void fill_body_field(const std::vector<Body>& bodies, BodyField* field);

// Accelerations of all bodies: pairwise Newtonian (each pair once, in index order), plus each
// parent's J2 acting on its children with the equal and opposite reaction on the parent.
void body_accelerations(const BodyField& field, std::vector<Vec3>* acc);

// Accelerations of the particles from every body's point mass, plus the J2 of each particle's
// j2_body. Writes particles->ax/ay/az.
void particle_accelerations(const BodyField& field, ParticleSet* particles);

// J2 acceleration at offset r (m) from a body with pole k and coefficient 1.5*J2*GM*R^2.
Vec3 j2_acceleration(Vec3 r, Vec3 pole, double j2_gm_r2);

}  // namespace galaxy::sim
