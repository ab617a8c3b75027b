#include "command_codec.hpp"

#include <string>
#include <utility>

#include "galaxy/proto/sync.hpp"

namespace galaxy::proto::wire {

namespace {

constexpr std::uint8_t kLastCommandType = static_cast<std::uint8_t>(sim::CommandType::RemoveStation);
constexpr std::uint8_t kLastShipClass = static_cast<std::uint8_t>(sim::ShipClass::FastFrigate);
constexpr std::uint8_t kLastTargetKind = static_cast<std::uint8_t>(sim::TargetKind::Station);
constexpr std::uint8_t kLastSpawnKind = static_cast<std::uint8_t>(sim::SpawnKind::Lagrange);

void write_vec3(Writer& out, const sim::Vec3& v) {
    out.f64(v.x);
    out.f64(v.y);
    out.f64(v.z);
}

void write_name(Writer& out, const std::string& name) {
    out.varint(name.size());
    out.raw(name);
}

void write_spawn(Writer& out, const sim::SpawnDef& spawn) {
    out.u8(static_cast<std::uint8_t>(spawn.kind));
    switch (spawn.kind) {
        case sim::SpawnKind::Orbit:
            out.varint(spawn.orbit.body_index);
            out.f64(spawn.orbit.altitude_m);
            out.f64(spawn.orbit.inclination_rad);
            out.f64(spawn.orbit.raan_rad);
            out.f64(spawn.orbit.argument_of_latitude_rad);
            return;
        case sim::SpawnKind::NearStation:
            out.varint(spawn.near_station.station_id);
            out.f64(spawn.near_station.distance_behind_m);
            return;
        case sim::SpawnKind::Lagrange:
            out.varint(spawn.lagrange.primary_index);
            out.varint(spawn.lagrange.secondary_index);
            out.u8(spawn.lagrange.l4 ? 1 : 0);
            return;
    }
}

// An enum stored as one byte, at most `last`.
template <class Enum>
bool read_enum(Reader& in, std::uint8_t last, const char* what, Enum* out) {
    std::uint8_t raw = 0;
    if (!in.u8(&raw)) {
        return false;
    }
    if (raw > last) {
        return in.fail(std::string("unknown ") + what + " " + std::to_string(raw));
    }
    *out = static_cast<Enum>(raw);
    return true;
}

bool read_vec3(Reader& in, sim::Vec3* v) { return in.f64(&v->x) && in.f64(&v->y) && in.f64(&v->z); }

bool read_name(Reader& in, std::string* name) {
    std::uint64_t size = 0;
    if (!in.varint(&size, sim::kMaxNameLength)) {
        return false;
    }
    const std::uint8_t* bytes = nullptr;
    if (!in.raw(static_cast<std::size_t>(size), &bytes)) {
        return false;
    }
    name->assign(reinterpret_cast<const char*>(bytes), static_cast<std::size_t>(size));
    return true;
}

bool read_spawn(Reader& in, sim::SpawnDef* spawn) {
    if (!read_enum(in, kLastSpawnKind, "spawn kind", &spawn->kind)) {
        return false;
    }
    switch (spawn->kind) {
        case sim::SpawnKind::Orbit:
            return in.u32(&spawn->orbit.body_index) && in.f64(&spawn->orbit.altitude_m) &&
                   in.f64(&spawn->orbit.inclination_rad) && in.f64(&spawn->orbit.raan_rad) &&
                   in.f64(&spawn->orbit.argument_of_latitude_rad);
        case sim::SpawnKind::NearStation:
            return in.u32(&spawn->near_station.station_id) &&
                   in.f64(&spawn->near_station.distance_behind_m);
        case sim::SpawnKind::Lagrange: {
            std::uint8_t l4 = 0;
            if (!in.u32(&spawn->lagrange.primary_index) || !in.u32(&spawn->lagrange.secondary_index) ||
                !in.u8(&l4)) {
                return false;
            }
            if (l4 > 1) {
                return in.fail("l4 must be 0 or 1");
            }
            spawn->lagrange.l4 = l4 == 1;
            return true;
        }
    }
    return false;   // unreachable: read_enum checked the kind
}

}  // namespace

void write_command(Writer& out, const sim::Command& c) {
    using sim::CommandType;
    out.u8(static_cast<std::uint8_t>(c.type));
    switch (c.type) {
        case CommandType::SetThrottle:
            out.varint(c.ship);
            out.f64(c.value);
            return;
        case CommandType::SetAttitudeMode:
            out.varint(c.ship);
            out.u8(static_cast<std::uint8_t>(c.mode));
            return;
        case CommandType::SetManualRates:
        case CommandType::SetRcsTranslation:
            out.varint(c.ship);
            write_vec3(out, c.vector);
            return;
        case CommandType::SetTarget:
            // The id travels even for TargetKind::None: the ship stores the whole TargetRef,
            // so it is part of the state.
            out.varint(c.ship);
            out.u8(static_cast<std::uint8_t>(c.target.kind));
            out.varint(c.target.id);
            return;
        case CommandType::Dock:
        case CommandType::Undock:
        case CommandType::Refuel:
        case CommandType::RemoveShip:
            out.varint(c.ship);
            return;
        case CommandType::ResetShip:
            out.varint(c.ship);
            out.u8(static_cast<std::uint8_t>(c.ship_class));
            return;
        case CommandType::RenameShip:
            out.varint(c.ship);
            write_name(out, c.name);
            return;
        case CommandType::SpawnShip:
            out.u8(static_cast<std::uint8_t>(c.ship_class));
            write_name(out, c.name);
            write_spawn(out, c.spawn);
            return;
        case CommandType::SpawnStation:
            write_name(out, c.name);
            write_spawn(out, c.spawn);
            return;
        case CommandType::RemoveStation:
            out.varint(c.station);
            return;
    }
}

bool read_command(Reader& in, sim::Command* out) {
    using sim::CommandType;
    sim::Command c;
    if (!read_enum(in, kLastCommandType, "command type", &c.type)) {
        return false;
    }
    bool ok = false;
    switch (c.type) {
        case CommandType::SetThrottle:
            ok = in.u32(&c.ship) && in.f64(&c.value);
            break;
        case CommandType::SetAttitudeMode:
            ok = in.u32(&c.ship) &&
                 read_enum(in, static_cast<std::uint8_t>(sim::kAttitudeModeCount - 1), "attitude mode",
                           &c.mode);
            break;
        case CommandType::SetManualRates:
        case CommandType::SetRcsTranslation:
            ok = in.u32(&c.ship) && read_vec3(in, &c.vector);
            break;
        case CommandType::SetTarget:
            ok = in.u32(&c.ship) && read_enum(in, kLastTargetKind, "target kind", &c.target.kind) &&
                 in.u32(&c.target.id);
            break;
        case CommandType::Dock:
        case CommandType::Undock:
        case CommandType::Refuel:
        case CommandType::RemoveShip:
            ok = in.u32(&c.ship);
            break;
        case CommandType::ResetShip:
            ok = in.u32(&c.ship) && read_enum(in, kLastShipClass, "ship class", &c.ship_class);
            break;
        case CommandType::RenameShip:
            ok = in.u32(&c.ship) && read_name(in, &c.name);
            break;
        case CommandType::SpawnShip:
            ok = read_enum(in, kLastShipClass, "ship class", &c.ship_class) && read_name(in, &c.name) &&
                 read_spawn(in, &c.spawn);
            break;
        case CommandType::SpawnStation:
            ok = read_name(in, &c.name) && read_spawn(in, &c.spawn);
            break;
        case CommandType::RemoveStation:
            ok = in.u32(&c.station);
            break;
    }
    if (!ok) {
        return false;
    }
    *out = std::move(c);
    return true;
}

}  // namespace galaxy::proto::wire

namespace galaxy::proto {

std::vector<std::uint8_t> encode_commands(const std::vector<sim::Command>& commands) {
    wire::Writer out;
    out.varint(commands.size());
    for (const sim::Command& c : commands) {
        wire::write_command(out, c);
    }
    return std::move(out.bytes());
}

bool decode_commands(const std::uint8_t* data, std::size_t size, std::vector<sim::Command>* out,
                     DecodeError* error) {
    wire::Reader in(data, size);
    std::vector<sim::Command> commands;
    std::uint64_t count = 0;
    if (in.varint(&count, kMaxCommandsPerTick)) {
        if (count > in.remaining() / wire::kMinCommandBytes) {
            in.fail("command count larger than the bytes left can hold");
        } else {
            commands.resize(static_cast<std::size_t>(count));
            for (sim::Command& c : commands) {
                if (!wire::read_command(in, &c)) {
                    break;
                }
            }
        }
    }
    if (in.ok() && in.remaining() != 0) {
        in.fail("bytes after the last command");
    }
    if (!in.ok()) {
        *error = DecodeError{ErrorCode::MalformedBinary, "commands: " + in.error()};
        return false;
    }
    *out = std::move(commands);
    return true;
}

}  // namespace galaxy::proto
