// Sample values of every protocol message, command and frame: the round-trip tests use them,
// and proto/fuzz/make_corpus.cpp writes them out as the fuzzers' seed corpora.
#pragma once

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "galaxy/proto/client_message.hpp"
#include "galaxy/proto/server_message.hpp"
#include "galaxy/proto/sync.hpp"
#include "galaxy/sim/scenario.hpp"
#include "galaxy/sim/world.hpp"

namespace galaxy::proto::test {

inline constexpr std::uint64_t kSampleTime_us = 1'760'000'000'000'000;   // late 2025

// Every client message type, with every optional field present and absent at least once.
inline std::vector<ClientMessage> sample_client_messages() {
    std::vector<ClientMessage> out;
    ClientMessage m;
    m.type = ClientMessageType::Auth;
    m.token = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiI0MiJ9.c2lnbmF0dXJl";
    m.protocol_version = kProtocolVersion;
    out.push_back(m);

    m = ClientMessage{};
    m.type = ClientMessageType::Control;
    m.seq = 1;
    m.throttle = 0.75;
    out.push_back(m);
    m.seq = 4294967295u;
    m.throttle = 1.0;
    m.attitude = sim::AttitudeMode::Manual;
    m.manual_rates_rad_s = sim::Vec3{0.1, -10.0, 1e-9};
    m.rcs_translation = sim::Vec3{-1.0, 0.0, 0.3333333333333333};
    out.push_back(m);
    m = ClientMessage{};
    m.type = ClientMessageType::Control;
    m.seq = 2;
    m.attitude = sim::AttitudeMode::AntiTarget;
    out.push_back(m);
    m = ClientMessage{};
    m.type = ClientMessageType::Control;
    m.seq = 3;
    m.rcs_translation = sim::Vec3{0.0, 0.5, -0.25};
    out.push_back(m);

    m = ClientMessage{};
    m.type = ClientMessageType::Service;
    m.seq = 5;
    m.service = ServiceAction::Refuel;
    out.push_back(m);
    m.service = ServiceAction::Reset;
    out.push_back(m);
    m.ship_class = sim::ShipClass::CargoHauler;
    out.push_back(m);

    m = ClientMessage{};
    m.type = ClientMessageType::Dock;
    m.seq = 6;
    out.push_back(m);
    m.type = ClientMessageType::Undock;
    m.seq = 7;
    out.push_back(m);

    m = ClientMessage{};
    m.type = ClientMessageType::Target;
    m.seq = 8;
    out.push_back(m);   // kind none, id 0
    m.target = sim::TargetRef{sim::TargetKind::Body, 3};
    out.push_back(m);
    m.target = sim::TargetRef{sim::TargetKind::Ship, 4294967295u};
    out.push_back(m);
    m.target = sim::TargetRef{sim::TargetKind::Station, 1};
    out.push_back(m);

    m = ClientMessage{};
    m.type = ClientMessageType::Rename;
    m.seq = 9;
    m.text = "Rocinante \xc3\xa9\xe2\x98\x85";   // "Rocinante é★"
    out.push_back(m);

    m = ClientMessage{};
    m.type = ClientMessageType::Chat;
    m.text = "hello \"world\" \\ \xf0\x9f\x9a\x80";
    out.push_back(m);

    m = ClientMessage{};
    m.type = ClientMessageType::Ping;
    m.nonce = std::uint64_t{1} << 53;
    out.push_back(m);

    m = ClientMessage{};
    m.type = ClientMessageType::KeyframeRequest;
    out.push_back(m);
    return out;
}

// Every server message type and every event kind.
inline std::vector<ServerMessage> sample_server_messages() {
    std::vector<ServerMessage> out;
    ServerMessage m;
    m.type = ServerMessageType::Welcome;
    m.player_id = 42;
    m.username = "alice";
    m.ship_id = 17;
    m.tick_rate_hz = 10.0;
    m.time_scale = 1.0;
    m.paused = false;
    m.hash_interval_ticks = 10;
    out.push_back(m);
    m.paused = true;
    m.tick_rate_hz = 0.1;
    m.time_scale = 100000.0;
    m.ship_id = 0;
    out.push_back(m);

    m = ServerMessage{};
    m.type = ServerMessageType::Ack;
    m.seq = 12;
    m.tick = 123456;
    out.push_back(m);

    m = ServerMessage{};
    m.type = ServerMessageType::Error;
    m.code = ErrorCode::OutOfRange;
    m.message = "\"throttle\": must be within 0.0..1.0";
    m.seq = 13;
    out.push_back(m);
    m.code = ErrorCode::RateLimited;
    m.message = "over 50 messages per second";
    m.seq = 0;
    out.push_back(m);

    m = ServerMessage{};
    m.type = ServerMessageType::Pong;
    m.nonce = 99;
    m.tick = 1000;
    m.server_time_us = kSampleTime_us;
    out.push_back(m);

    const EventKind kinds[] = {EventKind::ShipSpawned,    EventKind::ShipRemoved, EventKind::ShipCrashed,
                               EventKind::StationSpawned, EventKind::StationRemoved, EventKind::Docked,
                               EventKind::Undocked,       EventKind::Targeted,    EventKind::CommandRejected};
    for (EventKind kind : kinds) {
        m = ServerMessage{};
        m.type = ServerMessageType::Event;
        m.event = kind;
        m.tick = 5000;
        switch (kind) {
            case EventKind::ShipSpawned:
            case EventKind::ShipRemoved: m.ship = 21; break;
            case EventKind::ShipCrashed: m.ship = 21; m.body = 0; break;
            case EventKind::StationSpawned:
            case EventKind::StationRemoved: m.station = 3; break;
            case EventKind::Docked:
            case EventKind::Undocked: m.ship = 21; m.station = 1; break;
            case EventKind::Targeted: m.ship = 21; m.by_ship = 22; break;
            case EventKind::CommandRejected: m.seq = 14; m.reason = "refuelling needs the ship docked"; break;
        }
        out.push_back(m);
    }

    m = ServerMessage{};
    m.type = ServerMessageType::Chat;
    m.from = "bob";
    m.from_ship = 22;
    m.text = "o7";
    m.server_time_us = kSampleTime_us;
    out.push_back(m);
    return out;
}

// Every command type, every spawn kind, and awkward values (-0.0, huge ids, empty names).
inline std::vector<sim::Command> sample_commands() {
    using sim::CommandType;
    std::vector<sim::Command> out;
    sim::Command c;
    c.type = CommandType::SetThrottle;
    c.ship = 1;
    c.value = 0.5;
    out.push_back(c);
    c.ship = 4294967295u;
    c.value = -0.0;
    out.push_back(c);

    c = sim::Command{};
    c.type = CommandType::SetAttitudeMode;
    c.ship = 128;
    c.mode = sim::AttitudeMode::Manual;
    out.push_back(c);

    c = sim::Command{};
    c.type = CommandType::SetManualRates;
    c.ship = 2;
    c.vector = sim::Vec3{0.1, -0.2, 5e-324};
    out.push_back(c);
    c.type = CommandType::SetRcsTranslation;
    c.vector = sim::Vec3{1.0, -1.0, 0.0};
    out.push_back(c);

    c = sim::Command{};
    c.type = CommandType::SetTarget;
    c.ship = 3;
    c.target = sim::TargetRef{sim::TargetKind::Station, 2};
    out.push_back(c);
    c.target = sim::TargetRef{sim::TargetKind::None, 0};
    out.push_back(c);

    for (CommandType type : {CommandType::Dock, CommandType::Undock, CommandType::Refuel, CommandType::RemoveShip}) {
        c = sim::Command{};
        c.type = type;
        c.ship = 300;
        out.push_back(c);
    }

    c = sim::Command{};
    c.type = CommandType::ResetShip;
    c.ship = 4;
    c.ship_class = sim::ShipClass::CargoHauler;
    out.push_back(c);

    c = sim::Command{};
    c.type = CommandType::RenameShip;
    c.ship = 5;
    c.name = std::string(sim::kMaxNameLength, 'x');
    out.push_back(c);

    c = sim::Command{};
    c.type = CommandType::SpawnShip;
    c.ship_class = sim::ShipClass::FastFrigate;
    c.name = "";
    c.spawn.kind = sim::SpawnKind::Orbit;
    c.spawn.orbit = sim::OrbitSpawn{2, 500e3, 0.3, -1.0, 3.0};
    out.push_back(c);
    c.name = "Near";
    c.spawn = sim::SpawnDef{};
    c.spawn.kind = sim::SpawnKind::NearStation;
    c.spawn.near_station = sim::StationSpawn{1, 750.0};
    out.push_back(c);

    c = sim::Command{};
    c.type = CommandType::SpawnStation;
    c.name = "Lagrange Hub";
    c.spawn.kind = sim::SpawnKind::Lagrange;
    c.spawn.lagrange = sim::LagrangeSpawn{3, 4, false};
    out.push_back(c);

    c = sim::Command{};
    c.type = CommandType::RemoveStation;
    c.station = 2;
    out.push_back(c);
    return out;
}

// Sun, Earth and Moon with the default stations and two ships in Earth orbit.
inline sim::World sample_world() {
    sim::World world = sim::scenario_bodies({"Sun", "Earth", "Moon"}, true);
    sim::create_default_stations(world);
    const int earth = sim::find_body(world, "Earth");
    sim::step(world, 10.0,
              {sim::spawn_in_orbit(earth, 400e3, 0.5, sim::ShipClass::FastFrigate),
               sim::spawn_in_orbit(earth, 800e3, 1.2, sim::ShipClass::CargoHauler)});
    return world;
}

// Three ticks: commands, an empty tick with the same dt, and a dt that is not whole microseconds.
inline Update sample_update() {
    Update u;
    u.server_time_us = kSampleTime_us;
    u.has_hash = true;
    u.state_hash = 0x0123456789abcdefULL;
    TickRecord t;
    t.tick = 1000;
    t.dt_s = 0.1;
    t.commands = sample_commands();
    u.ticks.push_back(t);
    t.tick = 1001;
    t.commands.clear();
    u.ticks.push_back(t);
    t.tick = 1002;
    t.dt_s = 0.1 / 3.0;
    u.ticks.push_back(t);
    return u;
}

}  // namespace galaxy::proto::test
