// A hand-built world with every state field set to a distinctive value, the table of one-field
// changes to it, and a bit-exact world comparison. Shared by hash_test and serialize_test.
//
// These lists are written out by hand, independently of sim-core/src/world_fields.hpp, on
// purpose: a field the shared visitor forgets makes a table entry leave the hash unchanged (or
// get lost in a save/load round trip), so the tests fail. When a state struct gains a member,
// world_fields.hpp stops compiling until it is visited; then add it here too.
#pragma once

#include <bit>
#include <cstdint>
#include <limits>
#include <string>
#include <type_traits>
#include <vector>

#include "galaxy/sim/world.hpp"

namespace galaxy::sim::test {

// Distinct, non-round doubles: every field gets its own value, so swapped fields show.
class Distinct {
public:
    double next() {
        ++k_;
        return 1000.0 * k_ + 1.0 / (k_ + 0.5);
    }
    Vec3 vec() { return Vec3{next(), -next(), next()}; }
    Quat quat() { return Quat{next(), next(), -next(), next()}; }

private:
    int k_ = 0;
};

inline Body sample_body(Distinct& d, const char* name, BodyType type, const char* parent,
                        std::int32_t parent_index, std::uint32_t color) {
    Body b;
    b.def.name = name;
    b.def.type = type;
    b.def.parent = parent;
    b.def.position_m = d.vec();
    b.def.velocity_m_s = d.vec();
    b.def.gm_m3_s2 = d.next();
    b.def.mean_radius_m = d.next();
    b.def.j2 = d.next();
    b.def.reference_radius_m = d.next();
    b.def.pole_ra_deg = d.next();
    b.def.pole_dec_deg = d.next();
    b.def.w0_deg = d.next();
    b.def.w_rate_deg_per_day = -d.next();
    b.def.color_rgb = color;
    b.parent_index = parent_index;
    b.pole = d.vec();
    b.hill_radius_m = d.next();
    b.position_m = d.vec();
    b.velocity_m_s = d.vec();
    return b;
}

inline Ship sample_ship(Distinct& d, std::uint32_t id, const std::string& name, ShipClass cls) {
    Ship s;
    s.id = id;
    s.name = name;
    s.ship_class = cls;
    s.position_m = d.vec();
    s.velocity_m_s = d.vec();
    s.attitude = d.quat();
    s.angular_velocity_rad_s = d.vec();
    s.wheel_momentum_nms = d.vec();
    s.fuel_kg = d.next();
    s.controls.throttle = d.next();
    s.controls.manual_rates_rad_s = d.vec();
    s.controls.rcs_translation = d.vec();
    s.hold_attitude = d.quat();
    s.dock_offset_m = d.vec();
    s.wheel_saturation = d.next();
    s.rcs_activity = d.next();
    s.thrust_n = d.next();
    return s;
}

// 4 bodies, 3 ships (docked, manual mode with a body target, a ship target), 2 stations, with
// id gaps (removed ships and stations), edge-case doubles and a 64-byte UTF-8 name.
inline World sample_world() {
    Distinct d;
    World w;
    w.tick = 123456789012ULL;
    w.game_time_s = 1.5e8 + 0.125;
    w.bodies.push_back(sample_body(d, "Sun", BodyType::Star, "", -1, 0xffcc33));
    w.bodies.push_back(sample_body(d, "Earth", BodyType::Planet, "Sun", 0, 0x3366ff));
    w.bodies.push_back(sample_body(d, "Moon", BodyType::Moon, "Earth", 1, 0xaaaaaa));
    w.bodies.push_back(
        sample_body(d, "\xc3\x98rsted-3 (test)", BodyType::Asteroid, "Sun", 0, 0x000001));
    w.bodies[0].hill_radius_m = std::numeric_limits<double>::infinity();  // as for the root
    w.bodies[0].def.j2 = 0.0;
    w.bodies[0].def.reference_radius_m = -0.0;  // sign of zero is state too
    w.bodies[3].def.gm_m3_s2 = std::numeric_limits<double>::denorm_min();

    w.ships.push_back(sample_ship(d, 1, "Hauler One", ShipClass::CargoHauler));
    w.ships.push_back(sample_ship(d, 4, "Frigate \xe2\x9c\xa6", ShipClass::FastFrigate));
    // 62 ASCII bytes + a 2-byte UTF-8 character: exactly kMaxNameLength bytes.
    w.ships.push_back(sample_ship(d, 9, std::string(62, 'x') + "\xc3\xa9", ShipClass::FastFrigate));
    w.ships[0].docked_station = 2;
    w.ships[0].controls.mode = AttitudeMode::Hold;
    w.ships[0].controls.target = TargetRef{TargetKind::Station, 2};
    w.ships[1].controls.mode = AttitudeMode::Manual;
    w.ships[1].controls.target = TargetRef{TargetKind::Body, 2};
    w.ships[2].controls.mode = AttitudeMode::Target;
    w.ships[2].controls.target = TargetRef{TargetKind::Ship, 4};
    w.ships[2].fuel_kg = -0.0;
    w.next_ship_id = 12;

    w.stations.push_back(Station{2, "Gateway Station", d.vec(), d.vec()});
    w.stations.push_back(Station{5, "Frontier Outpost", d.vec(), d.vec()});
    w.next_station_id = 7;
    w.home_station = 2;
    return w;
}

// The lowest mantissa bit: the smallest change a double can have.
inline void flip_low_bit(double& x) {
    x = std::bit_cast<double>(std::bit_cast<std::uint64_t>(x) ^ 1u);
}

struct FieldChange {
    const char* field;
    void (*apply)(World& w);
};

// Each entry changes exactly one field of sample_world() (or one list's length) and keeps the
// world valid for load_world (ids ascending, parents first, docked station exists...).
// The macros only spell out one lambda per double / vector component / quaternion component.
#define GALAXY_DBL(path)                               \
    FieldChange {                                      \
#path, [](World & w) { flip_low_bit(w.path); } \
    }
#define GALAXY_VEC(path) GALAXY_DBL(path.x), GALAXY_DBL(path.y), GALAXY_DBL(path.z)
#define GALAXY_QUAT(path) GALAXY_DBL(path.w), GALAXY_VEC(path)
inline std::vector<FieldChange> field_changes() {
    return {
        FieldChange{"tick", [](World& w) { w.tick += 1; }},
        GALAXY_DBL(game_time_s),
        FieldChange{"bodies[1].def.name", [](World& w) { w.bodies[1].def.name[0] = 'e'; }},
        FieldChange{"bodies[1].def.name length", [](World& w) { w.bodies[1].def.name += ' '; }},
        FieldChange{"bodies[3].def.type",
                    [](World& w) { w.bodies[3].def.type = BodyType::DwarfPlanet; }},
        FieldChange{"bodies[2].def.parent", [](World& w) { w.bodies[2].def.parent = "Eartj"; }},
        GALAXY_VEC(bodies[1].def.position_m),
        GALAXY_VEC(bodies[1].def.velocity_m_s),
        GALAXY_DBL(bodies[1].def.gm_m3_s2),
        GALAXY_DBL(bodies[1].def.mean_radius_m),
        GALAXY_DBL(bodies[1].def.j2),
        GALAXY_DBL(bodies[1].def.reference_radius_m),
        GALAXY_DBL(bodies[1].def.pole_ra_deg),
        GALAXY_DBL(bodies[1].def.pole_dec_deg),
        GALAXY_DBL(bodies[1].def.w0_deg),
        GALAXY_DBL(bodies[1].def.w_rate_deg_per_day),
        FieldChange{"bodies[1].def.color_rgb", [](World& w) { w.bodies[1].def.color_rgb ^= 1u; }},
        FieldChange{"bodies[2].parent_index", [](World& w) { w.bodies[2].parent_index = 0; }},
        GALAXY_VEC(bodies[1].pole),
        GALAXY_DBL(bodies[1].hill_radius_m),
        GALAXY_DBL(bodies[0].hill_radius_m),  // +inf -> a NaN: still just bits
        GALAXY_VEC(bodies[1].position_m),
        GALAXY_VEC(bodies[1].velocity_m_s),
        FieldChange{"bodies (one fewer)", [](World& w) { w.bodies.pop_back(); }},
        FieldChange{"next_ship_id", [](World& w) { w.next_ship_id += 1; }},
        FieldChange{"next_station_id", [](World& w) { w.next_station_id += 1; }},
        FieldChange{"home_station", [](World& w) { w.home_station = 5; }},
        FieldChange{"ships[1].id", [](World& w) { w.ships[1].id = 5; }},
        FieldChange{"ships[1].name", [](World& w) { w.ships[1].name[0] = 'f'; }},
        FieldChange{"ships[0].name length", [](World& w) { w.ships[0].name.pop_back(); }},
        FieldChange{"ships[0].ship_class",
                    [](World& w) { w.ships[0].ship_class = ShipClass::FastFrigate; }},
        GALAXY_VEC(ships[1].position_m),
        GALAXY_VEC(ships[1].velocity_m_s),
        GALAXY_QUAT(ships[1].attitude),
        GALAXY_VEC(ships[1].angular_velocity_rad_s),
        GALAXY_VEC(ships[1].wheel_momentum_nms),
        GALAXY_DBL(ships[1].fuel_kg),
        GALAXY_DBL(ships[1].controls.throttle),
        FieldChange{"ships[1].controls.mode",
                    [](World& w) { w.ships[1].controls.mode = AttitudeMode::Prograde; }},
        GALAXY_VEC(ships[1].controls.manual_rates_rad_s),
        GALAXY_VEC(ships[1].controls.rcs_translation),
        FieldChange{"ships[2].controls.target.kind",
                    [](World& w) { w.ships[2].controls.target.kind = TargetKind::Station; }},
        FieldChange{"ships[2].controls.target.id",
                    [](World& w) { w.ships[2].controls.target.id = 1; }},
        GALAXY_QUAT(ships[1].hold_attitude),
        FieldChange{"ships[0].docked_station", [](World& w) { w.ships[0].docked_station = 5; }},
        GALAXY_VEC(ships[1].dock_offset_m),
        GALAXY_DBL(ships[1].wheel_saturation),
        GALAXY_DBL(ships[1].rcs_activity),
        GALAXY_DBL(ships[1].thrust_n),
        FieldChange{"ships (one fewer)", [](World& w) { w.ships.pop_back(); }},
        FieldChange{"stations[1].id", [](World& w) { w.stations[1].id = 6; }},
        FieldChange{"stations[1].name", [](World& w) { w.stations[1].name.back() = 's'; }},
        GALAXY_VEC(stations[1].position_m),
        GALAXY_VEC(stations[1].velocity_m_s),
        FieldChange{"stations (one more)",
                    [](World& w) {
                        w.stations.push_back(Station{6, "New", {}, {}});
                    }},
    };
}
#undef GALAXY_QUAT
#undef GALAXY_VEC
#undef GALAXY_DBL

// Names of the fields where a and b differ in any bit (doubles compared by bit pattern).
class WorldDiff {
public:
    std::vector<std::string> differences;

    template <class T>
    void same(const std::string& field, const T& a, const T& b) {
        if constexpr (std::is_same_v<T, double>) {
            note(field, std::bit_cast<std::uint64_t>(a) == std::bit_cast<std::uint64_t>(b));
        } else if constexpr (std::is_same_v<T, Vec3>) {
            same(field + ".x", a.x, b.x);
            same(field + ".y", a.y, b.y);
            same(field + ".z", a.z, b.z);
        } else if constexpr (std::is_same_v<T, Quat>) {
            same(field + ".w", a.w, b.w);
            same(field + ".x", a.x, b.x);
            same(field + ".y", a.y, b.y);
            same(field + ".z", a.z, b.z);
        } else {
            note(field, a == b);
        }
    }
    template <class T, class F>
    void same_list(const std::string& field, const std::vector<T>& a, const std::vector<T>& b,
                   F compare_item) {
        note(field + " size", a.size() == b.size());
        for (std::size_t i = 0; i < a.size() && i < b.size(); ++i) {
            compare_item(*this, field + "[" + std::to_string(i) + "].", a[i], b[i]);
        }
    }

private:
    void note(const std::string& field, bool equal) {
        if (!equal) differences.push_back(field);
    }
};

inline std::vector<std::string> world_differences(const World& a, const World& b) {
    WorldDiff d;
    d.same("tick", a.tick, b.tick);
    d.same("game_time_s", a.game_time_s, b.game_time_s);
    d.same_list("bodies", a.bodies, b.bodies,
                [](WorldDiff& e, const std::string& p, const Body& x, const Body& y) {
                    e.same(p + "def.name", x.def.name, y.def.name);
                    e.same(p + "def.type", x.def.type, y.def.type);
                    e.same(p + "def.parent", x.def.parent, y.def.parent);
                    e.same(p + "def.position_m", x.def.position_m, y.def.position_m);
                    e.same(p + "def.velocity_m_s", x.def.velocity_m_s, y.def.velocity_m_s);
                    e.same(p + "def.gm_m3_s2", x.def.gm_m3_s2, y.def.gm_m3_s2);
                    e.same(p + "def.mean_radius_m", x.def.mean_radius_m, y.def.mean_radius_m);
                    e.same(p + "def.j2", x.def.j2, y.def.j2);
                    e.same(p + "def.reference_radius_m", x.def.reference_radius_m,
                           y.def.reference_radius_m);
                    e.same(p + "def.pole_ra_deg", x.def.pole_ra_deg, y.def.pole_ra_deg);
                    e.same(p + "def.pole_dec_deg", x.def.pole_dec_deg, y.def.pole_dec_deg);
                    e.same(p + "def.w0_deg", x.def.w0_deg, y.def.w0_deg);
                    e.same(p + "def.w_rate_deg_per_day", x.def.w_rate_deg_per_day,
                           y.def.w_rate_deg_per_day);
                    e.same(p + "def.color_rgb", x.def.color_rgb, y.def.color_rgb);
                    e.same(p + "parent_index", x.parent_index, y.parent_index);
                    e.same(p + "pole", x.pole, y.pole);
                    e.same(p + "hill_radius_m", x.hill_radius_m, y.hill_radius_m);
                    e.same(p + "position_m", x.position_m, y.position_m);
                    e.same(p + "velocity_m_s", x.velocity_m_s, y.velocity_m_s);
                });
    d.same("next_ship_id", a.next_ship_id, b.next_ship_id);
    d.same("next_station_id", a.next_station_id, b.next_station_id);
    d.same("home_station", a.home_station, b.home_station);
    d.same_list("ships", a.ships, b.ships,
                [](WorldDiff& e, const std::string& p, const Ship& x, const Ship& y) {
                    e.same(p + "id", x.id, y.id);
                    e.same(p + "name", x.name, y.name);
                    e.same(p + "ship_class", x.ship_class, y.ship_class);
                    e.same(p + "position_m", x.position_m, y.position_m);
                    e.same(p + "velocity_m_s", x.velocity_m_s, y.velocity_m_s);
                    e.same(p + "attitude", x.attitude, y.attitude);
                    e.same(p + "angular_velocity_rad_s", x.angular_velocity_rad_s,
                           y.angular_velocity_rad_s);
                    e.same(p + "wheel_momentum_nms", x.wheel_momentum_nms, y.wheel_momentum_nms);
                    e.same(p + "fuel_kg", x.fuel_kg, y.fuel_kg);
                    e.same(p + "controls.throttle", x.controls.throttle, y.controls.throttle);
                    e.same(p + "controls.mode", x.controls.mode, y.controls.mode);
                    e.same(p + "controls.manual_rates_rad_s", x.controls.manual_rates_rad_s,
                           y.controls.manual_rates_rad_s);
                    e.same(p + "controls.rcs_translation", x.controls.rcs_translation,
                           y.controls.rcs_translation);
                    e.same(p + "controls.target.kind", x.controls.target.kind,
                           y.controls.target.kind);
                    e.same(p + "controls.target.id", x.controls.target.id, y.controls.target.id);
                    e.same(p + "hold_attitude", x.hold_attitude, y.hold_attitude);
                    e.same(p + "docked_station", x.docked_station, y.docked_station);
                    e.same(p + "dock_offset_m", x.dock_offset_m, y.dock_offset_m);
                    e.same(p + "wheel_saturation", x.wheel_saturation, y.wheel_saturation);
                    e.same(p + "rcs_activity", x.rcs_activity, y.rcs_activity);
                    e.same(p + "thrust_n", x.thrust_n, y.thrust_n);
                });
    d.same_list("stations", a.stations, b.stations,
                [](WorldDiff& e, const std::string& p, const Station& x, const Station& y) {
                    e.same(p + "id", x.id, y.id);
                    e.same(p + "name", x.name, y.name);
                    e.same(p + "position_m", x.position_m, y.position_m);
                    e.same(p + "velocity_m_s", x.velocity_m_s, y.velocity_m_s);
                });
    return d.differences;
}

}  // namespace galaxy::sim::test
