// Ship class table and mass properties.
#include "galaxy/sim/ship.hpp"

namespace galaxy::sim {

namespace {

// Figures from the design table (issue "Foundation"). RCS translation force and the rate limit
// are Galaxy's choices: the force gives about 0.1 m/s^2 to a full ship of either class (docking
// approaches are slow and precise), the rate limits keep a 90 deg turn under a minute for the
// frigate and about two for the hauler.
constexpr ShipClassDef kClasses[] = {
    {"cargo_hauler", 100000.0, 60000.0, 400000.0, 15000.0, 2000.0, 40000.0, 20000.0, 0.68,
     16000.0, 0.05, {4e6, 4e6, 8e5}, {6.4e6, 6.4e6, 1.28e6}},
    {"fast_frigate", 8000.0, 15000.0, 600000.0, 20000.0, 500.0, 5000.0, 8000.0, 0.27, 2300.0,
     0.1, {4e4, 4e4, 1.5e4}, {8e4, 8e4, 3e4}},
};

constexpr const char* kModeNames[kAttitudeModeCount] = {
    "HOLD", "PROGRADE", "RETROGRADE", "NORMAL", "ANTI_NORMAL", "RADIAL_IN", "RADIAL_OUT",
    "TARGET", "ANTI_TARGET", "MANUAL"};

}  // namespace

const ShipClassDef& ship_class_def(ShipClass cls) {
    return cls == ShipClass::CargoHauler ? kClasses[0] : kClasses[1];
}

ShipClass ship_class_from_name(const std::string& name) {
    return name == kClasses[0].name ? ShipClass::CargoHauler : ShipClass::FastFrigate;
}

const char* attitude_mode_name(AttitudeMode mode) {
    const int i = static_cast<int>(mode);
    return i >= 0 && i < kAttitudeModeCount ? kModeNames[i] : "UNKNOWN";
}

bool attitude_mode_from_name(const std::string& name, AttitudeMode* out) {
    for (int i = 0; i < kAttitudeModeCount; ++i) {
        if (name == kModeNames[i]) {
            *out = static_cast<AttitudeMode>(i);
            return true;
        }
    }
    return false;
}

double ship_mass_kg(const Ship& ship) {
    return ship_class_def(ship.ship_class).dry_mass_kg + ship.fuel_kg;
}

Vec3 ship_inertia_kgm2(const Ship& ship) {
    const ShipClassDef& def = ship_class_def(ship.ship_class);
    const double f = ship.fuel_kg / def.fuel_capacity_kg;   // 0 empty .. 1 full
    return def.inertia_dry_kgm2 + (def.inertia_full_kgm2 - def.inertia_dry_kgm2) * f;
}

}  // namespace galaxy::sim
