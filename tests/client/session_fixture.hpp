// A scripted stand-in for the game server in the session tests: it owns the true world, runs
// ticks with proto::apply_tick as the server does, and encodes the frames a Session receives,
// so each test chooses exactly which frames arrive, when, and whether they are damaged.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "galaxy/client/session.hpp"
#include "galaxy/proto/server_message.hpp"
#include "galaxy/proto/sync.hpp"
#include "galaxy/sim/hash.hpp"
#include "galaxy/sim/scenario.hpp"

namespace galaxy::client::test {

inline constexpr std::uint64_t kServerEpoch_us = 1'700'000'000'000'000;  // server clock at tick 0

class FakeServer {
public:
    // Sun, Earth and Moon (no J2, to keep steps cheap), the default stations, the pilot's ship
    // behind Gateway and one other ship in a 400 km Earth orbit.
    FakeServer() : world(sim::scenario_bodies({"Sun", "Earth", "Moon"}, false)) {
        sim::create_default_stations(world);
        sim::Command pilot;
        pilot.type = sim::CommandType::SpawnShip;
        pilot.name = "Pilot";
        pilot.spawn.kind = sim::SpawnKind::NearStation;
        pilot.spawn.near_station.station_id = world.home_station;
        sim::Command other = sim::spawn_in_orbit(sim::find_body(world, "Earth"), 400000.0, 0.5,
                                                 sim::ShipClass::CargoHauler);
        other.name = "Other";
        sim::step(world, dt_s, {pilot, other});
        ship_id = world.ships.front().id;
        other_id = world.ships.back().id;
    }

    std::string welcome() const {
        proto::ServerMessage m;
        m.type = proto::ServerMessageType::Welcome;
        m.player_id = 42;
        m.username = "alice";
        m.ship_id = ship_id;
        m.tick_rate_hz = 1e6 / tick_us;
        m.time_scale = dt_s * 1e6 / tick_us;
        m.hash_interval_ticks = 10;
        return proto::encode_server_message(m);
    }

    std::vector<std::uint8_t> keyframe() const {
        proto::Keyframe k;
        k.tick = tick;
        k.server_time_us = time_us();
        k.dt_s = dt_s;
        k.world = world;
        return proto::encode_keyframe(k);
    }

    // Runs the next tick with these commands.
    proto::TickRecord run_tick(std::vector<sim::Command> commands = {}) {
        proto::TickRecord r;
        r.tick = tick + 1;
        r.dt_s = dt_s;
        r.commands = std::move(commands);
        proto::apply_tick(world, r);
        tick = r.tick;
        return r;
    }

    // An update frame of the given records, stamped with the current server time.
    std::vector<std::uint8_t> update(std::vector<proto::TickRecord> records, bool hash = false,
                                     std::uint64_t hash_xor = 0) const {
        proto::Update u;
        u.server_time_us = time_us();
        u.ticks = std::move(records);
        u.has_hash = hash;
        u.state_hash = sim::state_hash(world) ^ hash_xor;
        return proto::encode_update(u);
    }

    // Runs a tick and returns its update.
    std::vector<std::uint8_t> tick_update(std::vector<sim::Command> commands = {},
                                          bool hash = false) {
        proto::TickRecord r = run_tick(std::move(commands));
        return update({r}, hash);
    }

    std::uint64_t time_us() const { return kServerEpoch_us + tick * tick_us; }
    // The client clock (ms) at which the current tick's frame arrives after `latency_ms`, for a
    // client whose clock read 0 at server tick 0.
    double arrival_ms(double latency_ms = 0.0) const {
        return static_cast<double>(tick * tick_us) / 1000.0 + latency_ms;
    }

    sim::World world;
    std::uint64_t tick = 0;
    double dt_s = 0.1;               // game seconds per tick (time scale 1 at 10 Hz)
    std::uint64_t tick_us = 100000;  // real time per tick
    std::uint32_t ship_id = 0;
    std::uint32_t other_id = 0;
};

inline void feed(Session& session, const std::vector<std::uint8_t>& frame, double now_ms) {
    session.receive_binary(frame.data(), frame.size(), now_ms);
}

// A session that has the server's welcome and keyframe, received at client time now_ms.
inline void join(Session& session, const FakeServer& server, double now_ms) {
    session.on_connected(now_ms);
    session.receive_text(server.welcome(), now_ms);
    feed(session, server.keyframe(), now_ms);
}

// Counts the outgoing messages of a type ("ping", "keyframe_request", ...).
inline int count_type(const std::vector<std::string>& messages, const std::string& type) {
    int n = 0;
    for (const std::string& m : messages) {
        if (m.find("\"type\":\"" + type + "\"") != std::string::npos) ++n;
    }
    return n;
}

inline proto::ClientMessage throttle_message(double value) {
    proto::ClientMessage m;
    m.type = proto::ClientMessageType::Control;
    m.throttle = value;
    return m;
}

}  // namespace galaxy::client::test
