// The one list of the world's state fields: their order, their names in a save, and the limits
// a loader enforces. state_hash (hash.cpp), save_world and load_world (serialize.cpp) all walk
// the world through these functions, so they cannot disagree about which fields exist.
//
// A visitor V provides, for const (hash, save) or mutable (load) objects:
//   v.value(name, x)            x: an integer, enum, double, Vec3 or Quat (see byte_io.hpp)
//   v.text(name, s, max_bytes)  s: std::string of at most max_bytes bytes
//   v.list(name, items, max_count, visit_item)
//                               items: std::vector of records; visit_item(v2, item) visits one
//                               record's fields with a visitor v2 (possibly another object)
// Names are the C++ member paths ("controls.target.kind"). Changing one breaks old saves:
// bump kFormatVersion in serialize.cpp or keep the old name.
#pragma once

#include <cstddef>
#include <cstdint>

#include "galaxy/sim/body.hpp"
#include "galaxy/sim/command.hpp"
#include "galaxy/sim/ship.hpp"
#include "galaxy/sim/station.hpp"
#include "galaxy/sim/world.hpp"

namespace galaxy::sim::fields {

// Load limits not declared in the public headers (world.hpp has kMaxShips, kMaxStations).
inline constexpr std::size_t kMaxBodies = 1000;
inline constexpr std::size_t kMaxBodyNameLength = 64;  // bytes, BodyDef::name and ::parent

// Number of values of each state enum; a loader rejects underlying values at or above it.
constexpr unsigned enum_count(BodyType) { return static_cast<unsigned>(BodyType::Asteroid) + 1; }
constexpr unsigned enum_count(ShipClass) {
    return static_cast<unsigned>(ShipClass::FastFrigate) + 1;
}
constexpr unsigned enum_count(AttitudeMode) { return kAttitudeModeCount; }
constexpr unsigned enum_count(TargetKind) { return static_cast<unsigned>(TargetKind::Station) + 1; }
static_assert(static_cast<unsigned>(AttitudeMode::Manual) + 1 == kAttitudeModeCount);

template <class V, class B>  // B: Body or const Body
void visit_body(V& v, B& body) {
    auto& def = body.def;
    v.text("def.name", def.name, kMaxBodyNameLength);
    v.value("def.type", def.type);
    v.text("def.parent", def.parent, kMaxBodyNameLength);
    v.value("def.position_m", def.position_m);
    v.value("def.velocity_m_s", def.velocity_m_s);
    v.value("def.gm_m3_s2", def.gm_m3_s2);
    v.value("def.mean_radius_m", def.mean_radius_m);
    v.value("def.j2", def.j2);
    v.value("def.reference_radius_m", def.reference_radius_m);
    v.value("def.pole_ra_deg", def.pole_ra_deg);
    v.value("def.pole_dec_deg", def.pole_dec_deg);
    v.value("def.w0_deg", def.w0_deg);
    v.value("def.w_rate_deg_per_day", def.w_rate_deg_per_day);
    v.value("def.color_rgb", def.color_rgb);
    v.value("parent_index", body.parent_index);
    v.value("pole", body.pole);
    v.value("hill_radius_m", body.hill_radius_m);
    v.value("position_m", body.position_m);
    v.value("velocity_m_s", body.velocity_m_s);
}

template <class V, class S>  // S: Ship or const Ship
void visit_ship(V& v, S& ship) {
    v.value("id", ship.id);
    v.text("name", ship.name, kMaxNameLength);
    v.value("ship_class", ship.ship_class);
    v.value("position_m", ship.position_m);
    v.value("velocity_m_s", ship.velocity_m_s);
    v.value("attitude", ship.attitude);
    v.value("angular_velocity_rad_s", ship.angular_velocity_rad_s);
    v.value("wheel_momentum_nms", ship.wheel_momentum_nms);
    v.value("fuel_kg", ship.fuel_kg);
    auto& controls = ship.controls;
    v.value("controls.throttle", controls.throttle);
    v.value("controls.mode", controls.mode);
    v.value("controls.manual_rates_rad_s", controls.manual_rates_rad_s);
    v.value("controls.rcs_translation", controls.rcs_translation);
    v.value("controls.target.kind", controls.target.kind);
    v.value("controls.target.id", controls.target.id);
    v.value("hold_attitude", ship.hold_attitude);
    v.value("docked_station", ship.docked_station);
    v.value("dock_offset_m", ship.dock_offset_m);
    v.value("wheel_saturation", ship.wheel_saturation);
    v.value("rcs_activity", ship.rcs_activity);
    v.value("thrust_n", ship.thrust_n);
}

template <class V, class S>  // S: Station or const Station
void visit_station(V& v, S& station) {
    v.value("id", station.id);
    v.text("name", station.name, kMaxNameLength);
    v.value("position_m", station.position_m);
    v.value("velocity_m_s", station.velocity_m_s);
}

// The order is the hash order: tick, time, bodies, id counters, ships, stations.
template <class V, class W>  // W: World or const World
void visit_world(V& v, W& world) {
    v.value("tick", world.tick);
    v.value("game_time_s", world.game_time_s);
    v.list("bodies", world.bodies, kMaxBodies, [](auto& rv, auto& b) { visit_body(rv, b); });
    v.value("next_ship_id", world.next_ship_id);
    v.value("next_station_id", world.next_station_id);
    v.value("home_station", world.home_station);
    v.list("ships", world.ships, kMaxShips, [](auto& rv, auto& s) { visit_ship(rv, s); });
    v.list("stations", world.stations, kMaxStations,
           [](auto& rv, auto& s) { visit_station(rv, s); });
}

// Tripwire: a structured binding must name every data member, so adding or removing a member
// of a state struct stops the build here until the visitors above (and the tests' field
// tables) are updated. Never called; compiling it is the check.
[[maybe_unused]] inline void check_member_counts(const World& world, const Body& body,
                                                 const BodyDef& def, const Ship& ship,
                                                 const ShipControls& controls,
                                                 const TargetRef& target, const Station& station,
                                                 Vec3 vec, Quat quat) {
    [[maybe_unused]] const auto& [w1, w2, w3, w4, w5, w6, w7, w8] = world;
    [[maybe_unused]] const auto& [b1, b2, b3, b4, b5, b6] = body;
    [[maybe_unused]] const auto& [d1, d2, d3, d4, d5, d6, d7, d8, d9, d10, d11, d12, d13, d14] =
        def;
    [[maybe_unused]] const auto& [s1, s2, s3, s4, s5, s6, s7, s8, s9, s10, s11, s12, s13, s14, s15,
                                  s16] = ship;
    [[maybe_unused]] const auto& [c1, c2, c3, c4, c5] = controls;
    [[maybe_unused]] const auto& [t1, t2] = target;
    [[maybe_unused]] const auto& [st1, st2, st3, st4] = station;
    [[maybe_unused]] const auto& [v1, v2, v3] = vec;
    [[maybe_unused]] const auto& [q1, q2, q3, q4] = quat;
}

}  // namespace galaxy::sim::fields
