// Where a new ship or station is placed.
#pragma once

#include <cstdint>

namespace galaxy::sim {

// A circular orbit around a body, oriented relative to the body's equator (plane normal to its
// spin axis). The node line lies along pole x ICRF-Z (ICRF-X when the pole is along ICRF-Z).
struct OrbitSpawn {
    std::uint32_t body_index = 0;        // index into World::bodies
    double altitude_m = 400000.0;        // above the body's mean radius
    double inclination_rad = 0.0;        // to the body's equator
    double raan_rad = 0.0;               // ascending node, measured from the node line
    double argument_of_latitude_rad = 0.0;   // position along the orbit from the node
};

// Co-orbiting a station: same velocity, a small offset behind it along its velocity.
struct StationSpawn {
    std::uint32_t station_id = 0;
    double distance_behind_m = 500.0;    // outside the docking range
};

// At the L4 or L5 point of a primary-secondary pair.
struct LagrangeSpawn {
    std::uint32_t primary_index = 0;     // e.g. Earth
    std::uint32_t secondary_index = 0;   // e.g. Moon
    bool l4 = true;                      // L4 leads the secondary by 60 deg, L5 trails it
};

enum class SpawnKind : std::uint8_t { Orbit = 0, NearStation, Lagrange };

struct SpawnDef {
    SpawnKind kind = SpawnKind::Orbit;
    OrbitSpawn orbit;
    StationSpawn near_station;
    LagrangeSpawn lagrange;
};

}  // namespace galaxy::sim
