// Initial states for spawned ships and stations: circular orbits, Lagrange points, co-orbits.
#pragma once

#include <string>

#include "galaxy/sim/spawn.hpp"
#include "galaxy/sim/world.hpp"

namespace galaxy::sim {

struct PlacedState {
    Vec3 position_m;     // ICRF, barycentric
    Vec3 velocity_m_s;   // ICRF
};

// The body's equatorial frame: e1 along the node line (pole x ICRF-Z, or ICRF-X when the pole
// is along ICRF-Z), e2 = pole x e1, and the pole itself.
struct EquatorFrame {
    Vec3 e1;
    Vec3 e2;
    Vec3 pole;
};
EquatorFrame equator_frame(Vec3 pole);

// Resolves a spawn definition against the world. Returns false with a reason if it refers to a
// missing body or station or has out-of-range or non-finite values.
bool place(const World& world, const SpawnDef& spawn, PlacedState* out, std::string* reason);

}  // namespace galaxy::sim
