// Celestial bodies: prime-meridian rotation and the body-type names used by the catalog.
#include "galaxy/sim/body.hpp"

#include <cmath>

#include "galaxy/sim/det_math.hpp"

namespace galaxy::sim {

namespace {

constexpr double kSecondsPerDay = 86400.0;   // IAU rotation rates are per day of 86400 s TDB
constexpr double kDegreesPerTurn = 360.0;

// The catalog spellings, indexed by BodyType's underlying value.
constexpr const char* kBodyTypeNames[] = {"star", "planet", "dwarf_planet", "moon", "asteroid"};
constexpr BodyType kBodyTypes[] = {BodyType::Star, BodyType::Planet, BodyType::DwarfPlanet,
                                   BodyType::Moon, BodyType::Asteroid};
static_assert(sizeof kBodyTypeNames / sizeof kBodyTypeNames[0] ==
              sizeof kBodyTypes / sizeof kBodyTypes[0]);
static_assert(static_cast<unsigned>(BodyType::Star) == 0 &&
              static_cast<unsigned>(BodyType::Asteroid) == 4,
              "kBodyTypeNames is indexed by BodyType's value");

}  // namespace

double body_rotation_angle_rad(const Body& body, double game_time_s) {
    // IAU WGCCRE model W = W0 + W_rate * d, with d in days since J2000 (TDB).
    const double days = game_time_s / kSecondsPerDay;
    const double w_deg = body.def.w0_deg + body.def.w_rate_deg_per_day * days;
    // Reduce whole turns in degrees first: fmod is exact (IEEE-754 remainder arithmetic, same
    // bits on glibc and musl) and 360 is exact, whereas a large angle converted to radians would
    // carry the product's rounding error of the order of ulp(angle) into the result. After this
    // the radian value is at most 2 pi in magnitude, so the conversion is accurate to ~1e-15 rad.
    const double turn_deg = std::fmod(w_deg, kDegreesPerTurn);
    // wrap_two_pi maps negative (retrograde) angles and a product that rounds up to 2 pi into
    // [0, 2 pi).
    return dm::wrap_two_pi(turn_deg * dm::kDegToRad);
}

const char* body_type_name(BodyType type) {
    const auto index = static_cast<unsigned>(type);
    if (index < sizeof kBodyTypeNames / sizeof kBodyTypeNames[0]) {
        return kBodyTypeNames[index];
    }
    return "unknown";   // only reachable through a cast of an out-of-range value
}

bool body_type_from_name(const std::string& name, BodyType* out) {
    for (const BodyType type : kBodyTypes) {
        if (name == kBodyTypeNames[static_cast<unsigned>(type)]) {
            if (out != nullptr) {
                *out = type;
            }
            return true;
        }
    }
    return false;
}

}  // namespace galaxy::sim
