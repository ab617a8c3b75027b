#include "galaxy/client/local_server.hpp"

#include <algorithm>
#include <cmath>
#include <utility>

#include "galaxy/proto/client_message.hpp"
#include "galaxy/proto/server_message.hpp"
#include "galaxy/proto/sync.hpp"
#include "galaxy/sim/catalog.hpp"
#include "galaxy/sim/hash.hpp"
#include "galaxy/sim/player_spawn.hpp"
#include "galaxy/sim/scenario.hpp"

namespace galaxy::client {
namespace {

// The local server's clock reads the client clock plus a fixed epoch (2023-11-14), so that its
// server_time_us values look like the real server's (us since the Unix epoch) and stay below 2^53.
constexpr double kEpoch_us = 1.7e15;
// Like the server: a late poll runs at most this many ticks; the rest are skipped.
constexpr std::uint64_t kMaxCatchUpTicks = 10;
// Where the pilot appears: behind the home station, outside its docking range (as the server's
// first spawn slot).
constexpr double kPilotSpawnDistance_m = 500.0;

std::uint64_t server_clock_us(double now_ms) {
    return static_cast<std::uint64_t>(kEpoch_us + std::max(now_ms, 0.0) * 1000.0);
}

void deliver(Session& session, const proto::ServerMessage& message, double now_ms) {
    session.receive_text(proto::encode_server_message(message), now_ms);
}


// The server's event message for a sim-core event, when the protocol has one.
bool event_message(const sim::Event& event, std::uint64_t tick, proto::ServerMessage* out) {
    proto::ServerMessage m;
    m.type = proto::ServerMessageType::Event;
    m.tick = tick;
    m.ship = event.ship;
    switch (event.type) {
        case sim::EventType::ShipSpawned:
            m.event = proto::EventKind::ShipSpawned;
            break;
        case sim::EventType::ShipRemoved:
            m.event = proto::EventKind::ShipRemoved;
            break;
        case sim::EventType::ShipCrashed:
            m.event = proto::EventKind::ShipCrashed;
            m.body = event.body;
            break;
        case sim::EventType::Docked:
            m.event = proto::EventKind::Docked;
            m.station = event.station;
            break;
        case sim::EventType::Undocked:
            m.event = proto::EventKind::Undocked;
            m.station = event.station;
            break;
        case sim::EventType::CommandRejected:
            m.event = proto::EventKind::CommandRejected;
            m.ship = 0;
            m.reason = event.reason.empty() ? "rejected" : event.reason;
            break;
        default:
            return false;
    }
    *out = std::move(m);
    return true;
}

}  // namespace

LocalServer::LocalServer(const LocalServerDef& def, double now_ms) : def_(def), start_ms_(now_ms) {
    def_.tick_rate_hz = std::clamp(def_.tick_rate_hz, 0.1, 60.0);
    def_.time_scale = std::clamp(def_.time_scale, 0.1, 100000.0);
    def_.ships = static_cast<std::uint32_t>(std::min<std::size_t>(def_.ships, sim::kMaxShips - 1));
    world_ = sim::create_world(sim::default_catalog(), 0.0);
    sim::create_default_stations(world_);
    // One setup step spawns everyone; its result is the keyframe at tick 0, so the session
    // never sees the spawns as commands.
    std::vector<sim::Command> spawns{sim::player_spawn_command(
        world_, sim::ShipClass::FastFrigate, "Pilot", kPilotSpawnDistance_m)};
    const std::vector<sim::Command> scripted = sim::scripted_spawns(world_, def_.ships, def_.seed);
    spawns.insert(spawns.end(), scripted.begin(), scripted.end());
    for (const sim::Event& e : sim::step(world_, tick_dt_s(), spawns)) {
        if (e.type == sim::EventType::ShipSpawned) {
            pilot_ = e.ship;
            break;
        }
    }
}

double LocalServer::tick_dt_s() const { return def_.time_scale / def_.tick_rate_hz; }

double LocalServer::tick_due_ms(std::uint64_t tick) const {
    return start_ms_ + static_cast<double>(tick - origin_tick_) * 1000.0 / def_.tick_rate_hz;
}

void LocalServer::send_keyframe(double now_ms, Session& session) {
    proto::Keyframe k;
    k.tick = tick_;
    k.server_time_us = server_clock_us(now_ms);
    k.dt_s = tick_dt_s();
    k.world = world_;
    const std::vector<std::uint8_t> bytes = proto::encode_keyframe(k);
    session.receive_binary(bytes.data(), bytes.size(), now_ms);
}

void LocalServer::poll(double now_ms, Session& session) {
    if (!welcomed_) {
        welcomed_ = true;
        proto::ServerMessage w;
        w.type = proto::ServerMessageType::Welcome;
        w.player_id = 1;
        w.username = "pilot";
        w.ship_id = pilot_;
        w.tick_rate_hz = def_.tick_rate_hz;
        w.time_scale = def_.time_scale;
        w.hash_interval_ticks = def_.hash_interval_ticks;
        deliver(session, w, now_ms);
        send_keyframe(now_ms, session);
    }
    handle_outgoing(now_ms, session);

    std::uint64_t ran = 0;
    while (tick_due_ms(tick_ + 1) <= now_ms && ran < kMaxCatchUpTicks) {
        run_tick(now_ms, session);
        ++ran;
    }
    if (tick_due_ms(tick_ + 1) <= now_ms) {
        // Still late: skip the rest and let game time fall behind, as the server does.
        start_ms_ = now_ms;
        origin_tick_ = tick_;
    }
}

void LocalServer::handle_outgoing(double now_ms, Session& session) {
    for (const std::string& text : session.take_outgoing()) {
        proto::ClientMessage m;
        proto::DecodeError error;
        if (!proto::decode_client_message(text, &m, &error)) {
            proto::ServerMessage e;
            e.type = proto::ServerMessageType::Error;
            e.code = error.code;
            e.message = error.message.empty() ? "malformed message" : error.message;
            deliver(session, e, now_ms);
            continue;
        }
        switch (m.type) {
            case proto::ClientMessageType::Ping: {
                proto::ServerMessage p;
                p.type = proto::ServerMessageType::Pong;
                p.nonce = m.nonce;
                p.tick = tick_;
                p.server_time_us = server_clock_us(now_ms);
                deliver(session, p, now_ms);
                break;
            }
            case proto::ClientMessageType::Chat: {
                proto::ServerMessage c;
                c.type = proto::ServerMessageType::Chat;
                c.from = "pilot";
                c.from_ship = pilot_;
                c.text = m.text;
                c.server_time_us = server_clock_us(now_ms);
                deliver(session, c, now_ms);
                break;
            }
            case proto::ClientMessageType::KeyframeRequest:
                send_keyframe(now_ms, session);
                break;
            case proto::ClientMessageType::Auth:
                break;
            default: {
                const std::vector<sim::Command> commands = proto::commands_for(m, pilot_);
                queued_.insert(queued_.end(), commands.begin(), commands.end());
                queued_seqs_.push_back(m.seq);
                break;
            }
        }
    }
}

void LocalServer::run_tick(double now_ms, Session& session) {
    proto::TickRecord record;
    record.tick = tick_ + 1;
    record.dt_s = tick_dt_s();
    record.commands = std::move(queued_);
    queued_.clear();
    // The scripted pilots fly every ship but the session's.
    for (sim::Command& c : sim::scripted_controls(world_, def_.seed)) {
        if (c.ship != pilot_) record.commands.push_back(std::move(c));
    }
    for (std::uint32_t seq : queued_seqs_) {
        proto::ServerMessage ack;
        ack.type = proto::ServerMessageType::Ack;
        ack.seq = seq;
        ack.tick = record.tick;
        deliver(session, ack, now_ms);
    }
    queued_seqs_.clear();

    const std::vector<sim::Event> events = proto::apply_tick(world_, record);
    tick_ = record.tick;
    proto::Update update;
    // When the tick was due, as the server stamps the end of a tick run on schedule.
    update.server_time_us = server_clock_us(tick_due_ms(tick_));
    update.has_hash = def_.hash_interval_ticks > 0 && tick_ % def_.hash_interval_ticks == 0;
    if (update.has_hash) update.state_hash = sim::state_hash(world_);
    update.ticks.push_back(std::move(record));
    const std::vector<std::uint8_t> bytes = proto::encode_update(update);
    session.receive_binary(bytes.data(), bytes.size(), now_ms);

    // Only the pilot's own events: with a hundred scripted ships the others would drown them.
    for (const sim::Event& e : events) {
        proto::ServerMessage m;
        if (e.ship == pilot_ && event_message(e, tick_, &m)) deliver(session, m, now_ms);
    }
}

}  // namespace galaxy::client
