// Command validation and application. Every check happens before any change, so a rejected
// command leaves the world exactly as it was.
#include "commands.hpp"

#include <algorithm>
#include <cmath>

#include "placement.hpp"

namespace galaxy::sim {

namespace {

void emit(std::vector<Event>* events, const World& world, EventType type, std::uint32_t ship,
          std::uint32_t station = 0, std::uint32_t body = 0) {
    Event e;
    e.type = type;
    e.tick = world.tick + 1;
    e.ship = ship;
    e.station = station;
    e.body = body;
    events->push_back(e);
}

void reject(std::vector<Event>* events, const World& world, const Command& c, std::string reason) {
    Event e;
    e.type = EventType::CommandRejected;
    e.tick = world.tick + 1;
    e.ship = c.ship;
    e.station = c.station;
    e.reason = std::move(reason);
    events->push_back(e);
}

bool in_unit_range(double x, double lo, double hi) { return std::isfinite(x) && x >= lo && x <= hi; }

bool valid_name(const std::string& name) {
    if (name.size() > kMaxNameLength) return false;
    // Printable text only; control bytes would corrupt logs and HUD labels.
    return std::none_of(name.begin(), name.end(),
                        [](char ch) { return static_cast<unsigned char>(ch) < 0x20 || ch == 0x7f; });
}

bool target_exists(const World& world, const TargetRef& t, std::uint32_t self) {
    switch (t.kind) {
        case TargetKind::None: return true;
        case TargetKind::Body: return t.id < world.bodies.size();
        case TargetKind::Ship: return t.id != self && find_ship(world, t.id) != nullptr;
        case TargetKind::Station: return find_station(world, t.id) != nullptr;
    }
    return false;
}

// Nearest station within docking range of the ship, or nullptr.
const Station* station_in_range(const World& world, const Ship& ship) {
    const double range = kStationRadius_m + kDockMargin_m;
    const Station* best = nullptr;
    double best_d2 = range * range;
    for (const Station& s : world.stations) {
        const double d2 = norm_squared(ship.position_m - s.position_m);
        if (d2 <= best_d2) {
            best = &s;
            best_d2 = d2;
        }
    }
    return best;
}

void set_home_state(World& world, Ship& ship) {
    SpawnDef spawn;
    if (world.home_station != 0 && find_station(world, world.home_station) != nullptr) {
        spawn.kind = SpawnKind::NearStation;
        spawn.near_station.station_id = world.home_station;
    } else {
        const int earth = find_body(world, "Earth");
        spawn.kind = SpawnKind::Orbit;
        spawn.orbit.body_index = static_cast<std::uint32_t>(earth >= 0 ? earth : 0);
        spawn.orbit.altitude_m = 400e3;
    }
    PlacedState state;
    std::string reason;
    if (!place(world, spawn, &state, &reason)) {
        // Only a world without bodies (a loaded blob may hold one), or whose only body has a
        // Hill sphere smaller than 400 km, gets here: leave the ship where it is.
        return;
    }
    ship.position_m = state.position_m;
    ship.velocity_m_s = state.velocity_m_s;
}

void undock_ship(World& world, Ship& ship, std::vector<Event>* events) {
    const Station* station = find_station(world, ship.docked_station);
    if (station != nullptr) {
        // Push gently away from the station so the ship does not sit inside it.
        Vec3 away = normalized(ship.dock_offset_m);
        if (norm_squared(away) == 0.0) away = Vec3{0.0, 0.0, 1.0};
        ship.velocity_m_s = station->velocity_m_s + away * kUndockSpeed_m_s;
    }
    emit(events, world, EventType::Undocked, ship.id, ship.docked_station);
    ship.docked_station = 0;
    ship.dock_offset_m = Vec3{};
}

void apply_ship_command(World& world, const Command& c, Ship& ship, std::vector<Event>* events) {
    const ShipClassDef& def = ship_class_def(ship.ship_class);
    switch (c.type) {
        case CommandType::SetThrottle:
            if (!in_unit_range(c.value, 0.0, 1.0)) return reject(events, world, c, "throttle must be within 0..1");
            ship.controls.throttle = c.value;
            return;
        case CommandType::SetAttitudeMode:
            if (static_cast<int>(c.mode) >= kAttitudeModeCount) return reject(events, world, c, "unknown attitude mode");
            ship.controls.mode = c.mode;
            if (c.mode == AttitudeMode::Hold) ship.hold_attitude = ship.attitude;
            return;
        case CommandType::SetManualRates: {
            const double m = def.max_rate_rad_s;
            const Vec3 r = c.vector;
            if (!in_unit_range(r.x, -m, m) || !in_unit_range(r.y, -m, m) || !in_unit_range(r.z, -m, m)) {
                return reject(events, world, c, "manual rates must be finite and within the class rate limit");
            }
            ship.controls.mode = AttitudeMode::Manual;
            ship.controls.manual_rates_rad_s = r;
            return;
        }
        case CommandType::SetRcsTranslation: {
            const Vec3 r = c.vector;
            if (!in_unit_range(r.x, -1, 1) || !in_unit_range(r.y, -1, 1) || !in_unit_range(r.z, -1, 1)) {
                return reject(events, world, c, "RCS translation must be within -1..1 on each axis");
            }
            ship.controls.rcs_translation = r;
            return;
        }
        case CommandType::SetTarget:
            if (!target_exists(world, c.target, ship.id)) return reject(events, world, c, "target does not exist");
            ship.controls.target = c.target;
            return;
        case CommandType::Dock: {
            if (ship.docked_station != 0) return reject(events, world, c, "already docked");
            const Station* s = station_in_range(world, ship);
            if (s == nullptr) return reject(events, world, c, "no station within docking range (100 m)");
            if (norm(ship.velocity_m_s - s->velocity_m_s) > kMaxDockSpeed_m_s) {
                return reject(events, world, c, "relative speed above the docking limit (2 m/s)");
            }
            ship.docked_station = s->id;
            ship.dock_offset_m = ship.position_m - s->position_m;
            ship.velocity_m_s = s->velocity_m_s;
            ship.angular_velocity_rad_s = Vec3{};
            return emit(events, world, EventType::Docked, ship.id, s->id);
        }
        case CommandType::Undock:
            if (ship.docked_station == 0) return reject(events, world, c, "not docked");
            return undock_ship(world, ship, events);
        case CommandType::Refuel:
            if (ship.docked_station == 0) return reject(events, world, c, "refuelling needs the ship docked");
            ship.fuel_kg = def.fuel_capacity_kg;
            return emit(events, world, EventType::Refueled, ship.id, ship.docked_station);
        case CommandType::ResetShip:
            if (static_cast<int>(c.ship_class) > 1) return reject(events, world, c, "unknown ship class");
            ship.ship_class = c.ship_class;
            respawn_ship(world, ship);
            return emit(events, world, EventType::ShipRespawned, ship.id);
        case CommandType::RenameShip:
            if (c.name.empty() || !valid_name(c.name)) return reject(events, world, c, "name must be 1..64 printable bytes");
            ship.name = c.name;
            return;
        case CommandType::RemoveShip: {
            const std::uint32_t id = ship.id;
            for (Ship& other : world.ships) {
                if (other.controls.target.kind == TargetKind::Ship && other.controls.target.id == id) other.controls.target = {};
            }
            world.ships.erase(world.ships.begin() + (&ship - world.ships.data()));
            return emit(events, world, EventType::ShipRemoved, id);
        }
        default: return reject(events, world, c, "not a ship command");
    }
}

void spawn_ship(World& world, const Command& c, std::vector<Event>* events) {
    if (world.ships.size() >= kMaxShips) return reject(events, world, c, "ship limit reached");
    if (static_cast<int>(c.ship_class) > 1) return reject(events, world, c, "unknown ship class");
    if (!valid_name(c.name)) return reject(events, world, c, "name must be at most 64 printable bytes");
    PlacedState state;
    std::string reason;
    if (!place(world, c.spawn, &state, &reason)) return reject(events, world, c, reason);
    Ship ship;
    ship.id = world.next_ship_id++;
    ship.name = c.name.empty() ? "Ship " + std::to_string(ship.id) : c.name;
    ship.ship_class = c.ship_class;
    ship.position_m = state.position_m;
    ship.velocity_m_s = state.velocity_m_s;
    ship.fuel_kg = ship_class_def(c.ship_class).fuel_capacity_kg;
    world.ships.push_back(ship);   // ids ascend, so the order stays sorted
    emit(events, world, EventType::ShipSpawned, ship.id);
}

void spawn_station(World& world, const Command& c, std::vector<Event>* events) {
    if (world.stations.size() >= kMaxStations) return reject(events, world, c, "station limit reached");
    if (c.name.empty() || !valid_name(c.name)) return reject(events, world, c, "name must be 1..64 printable bytes");
    if (c.spawn.kind == SpawnKind::NearStation) return reject(events, world, c, "a station spawns in orbit or at L4/L5");
    PlacedState state;
    std::string reason;
    if (!place(world, c.spawn, &state, &reason)) return reject(events, world, c, reason);
    Station station;
    station.id = world.next_station_id++;
    station.name = c.name;
    station.position_m = state.position_m;
    station.velocity_m_s = state.velocity_m_s;
    world.stations.push_back(station);
    emit(events, world, EventType::StationSpawned, 0, station.id);
}

void remove_station(World& world, const Command& c, std::vector<Event>* events) {
    Station* station = find_station(world, c.station);
    if (station == nullptr) return reject(events, world, c, "station does not exist");
    const std::uint32_t id = station->id;
    for (Ship& ship : world.ships) {
        if (ship.docked_station == id) undock_ship(world, ship, events);
        if (ship.controls.target.kind == TargetKind::Station && ship.controls.target.id == id) ship.controls.target = {};
    }
    if (world.home_station == id) world.home_station = 0;
    world.stations.erase(world.stations.begin() + (station - world.stations.data()));
    emit(events, world, EventType::StationRemoved, 0, id);
}

}  // namespace

void respawn_ship(World& world, Ship& ship) {
    if (ship.docked_station != 0) {
        ship.docked_station = 0;
        ship.dock_offset_m = Vec3{};
    }
    set_home_state(world, ship);
    ship.attitude = Quat{};
    ship.hold_attitude = Quat{};
    ship.angular_velocity_rad_s = Vec3{};
    ship.wheel_momentum_nms = Vec3{};
    ship.fuel_kg = ship_class_def(ship.ship_class).fuel_capacity_kg;
    ship.controls = ShipControls{};
    ship.wheel_saturation = 0.0;
    ship.rcs_activity = 0.0;
    ship.thrust_n = 0.0;
}

void apply_command(World& world, const Command& c, std::vector<Event>* events) {
    switch (c.type) {
        case CommandType::SpawnShip: return spawn_ship(world, c, events);
        case CommandType::SpawnStation: return spawn_station(world, c, events);
        case CommandType::RemoveStation: return remove_station(world, c, events);
        default: break;
    }
    Ship* ship = find_ship(world, c.ship);
    if (ship == nullptr) return reject(events, world, c, "ship does not exist");
    apply_ship_command(world, c, *ship, events);
}

}  // namespace galaxy::sim
