// Stations: passive orbiting structures ships dock with.
#pragma once

#include <cstdint>
#include <string>

#include "galaxy/sim/vec3.hpp"

namespace galaxy::sim {

inline constexpr double kStationMass_kg = 420000.0;
inline constexpr double kStationRadius_m = 50.0;

struct Station {
    std::uint32_t id = 0;       // unique for the world's lifetime, never reused
    std::string name;
    Vec3 position_m;            // ICRF, barycentric
    Vec3 velocity_m_s;          // ICRF
};

}  // namespace galaxy::sim
