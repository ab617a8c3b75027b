// Celestial bodies: the Sun, planets, moons, dwarf planets and asteroids.
#pragma once

#include <cstdint>
#include <string>

#include "galaxy/sim/vec3.hpp"

namespace galaxy::sim {

enum class BodyType : std::uint8_t { Star, Planet, DwarfPlanet, Moon, Asteroid };

// Catalog entry describing one body at the epoch, as loaded from config/solar-system.json.
struct BodyDef {
    std::string name;             // unique, e.g. "Earth"
    BodyType type = BodyType::Planet;
    std::string parent;           // name of the body it orbits; empty for the Sun
    Vec3 position_m;              // ICRF, origin the Solar System barycentre, at the epoch
    Vec3 velocity_m_s;            // ICRF, at the epoch
    double gm_m3_s2 = 0.0;        // gravitational parameter
    double mean_radius_m = 0.0;   // crash surface and display radius
    double j2 = 0.0;              // unnormalised J2 zonal coefficient; 0 = point mass
    double reference_radius_m = 0.0;   // radius J2 is referred to (0 when j2 = 0)
    double pole_ra_deg = 0.0;     // spin axis right ascension (ICRF), IAU WGCCRE
    double pole_dec_deg = 90.0;   // spin axis declination (ICRF)
    double w0_deg = 0.0;          // prime meridian angle at J2000
    double w_rate_deg_per_day = 0.0;   // prime meridian rotation rate (negative = retrograde)
    std::uint32_t color_rgb = 0xffffff;   // display colour, 0xRRGGBB
};

// A body in the world: its constants plus its dynamic state.
struct Body {
    BodyDef def;
    std::int32_t parent_index = -1;   // index into World::bodies, -1 for the root
    Vec3 pole;                        // unit spin axis in ICRF (from pole RA/Dec)
    double hill_radius_m = 0.0;       // sphere of gravitational dominance; +inf for the root
    Vec3 position_m;                  // ICRF, barycentric
    Vec3 velocity_m_s;                // ICRF, barycentric
};

// Prime meridian angle W at game time t (TDB seconds since J2000), in radians in [0, 2 pi).
double body_rotation_angle_rad(const Body& body, double game_time_s);

const char* body_type_name(BodyType type);   // "star", "planet", "dwarf_planet", "moon", "asteroid"
bool body_type_from_name(const std::string& name, BodyType* out);   // false if unknown

}  // namespace galaxy::sim
