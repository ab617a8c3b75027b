#include "galaxy/client/session.hpp"

#include <algorithm>
#include <limits>
#include <utility>

#include "galaxy/sim/hash.hpp"

namespace galaxy::client {
namespace {

constexpr std::size_t kMaxUnansweredPings = 16;  // older ones are taken as lost
constexpr double kRateSmoothing = 0.25;          // weight of a new game-rate sample
// A gap between updates longer than this (a pause, a stalled link) says nothing about the rate.
constexpr double kMaxRateGap_us = 5.0e6;
// Replaying more ticks than this to measure the prediction error costs more than the figure is
// worth (a long disconnection); the measurement is skipped then.
constexpr std::uint64_t kMaxErrorTicks = 100;
// Game seconds a prediction may be ahead beyond its lead limit and still count as the same
// timeline: room for the shortest steps that apply own commands at once.
constexpr double kLeadSlack_s = 0.1;

bool is_command(proto::ClientMessageType type) {
    switch (type) {
        case proto::ClientMessageType::Control:
        case proto::ClientMessageType::Service:
        case proto::ClientMessageType::Dock:
        case proto::ClientMessageType::Undock:
        case proto::ClientMessageType::Target:
        case proto::ClientMessageType::Rename:
            return true;
        default:
            return false;
    }
}

std::string encode_simple(proto::ClientMessageType type, std::uint64_t nonce = 0) {
    proto::ClientMessage m;
    m.type = type;
    m.nonce = nonce;
    return proto::encode_client_message(m);
}

}  // namespace

Session::Session(SessionDef def) : def_(def) {}

void Session::on_connected(double now_ms) {
    joined_ = false;
    keyframe_requested_ = false;
    pings_.clear();
    clock_.clear_round_trips();
    next_ping_ms_ = now_ms;
}

void Session::on_disconnected(double) {
    joined_ = false;
    pings_.clear();
}

void Session::receive_text(std::string_view text, double now_ms) {
    stats_.bytes_received += text.size();
    proto::ServerMessage message;
    proto::DecodeError error;
    if (!proto::decode_server_message(text, &message, &error)) {
        ++stats_.decode_errors;
        add_notice(NoticeKind::Error, "Unreadable server message: " + error.message, now_ms);
        return;
    }
    receive_message(message, now_ms);
}

void Session::receive_binary(const std::uint8_t* data, std::size_t size, double now_ms) {
    stats_.bytes_received += size;
    if (data != nullptr && size > 0 && data[0] == proto::kFrameKeyframe) {
        receive_keyframe(data, size, now_ms);
    } else if (data != nullptr && size > 0 && data[0] == proto::kFrameUpdate) {
        receive_update(data, size, now_ms);
    } else {
        ++stats_.decode_errors;
        add_notice(NoticeKind::Error, "Unreadable world frame: unknown frame type", now_ms);
        request_keyframe();
    }
}

void Session::receive_keyframe(const std::uint8_t* data, std::size_t size, double now_ms) {
    proto::Keyframe keyframe;
    proto::DecodeError error;
    if (!proto::decode_keyframe(data, size, &keyframe, &error)) {
        ++stats_.decode_errors;
        add_notice(NoticeKind::Error, "Unreadable keyframe: " + error.message, now_ms);
        request_keyframe();
        return;
    }
    ++stats_.keyframes;
    if (has_world_ && keyframe.tick >= stats_.server_tick) measure_prediction_error(keyframe);
    confirmed_ = std::move(keyframe.world);
    stats_.server_tick = keyframe.tick;
    has_world_ = true;
    keyframe_requested_ = false;
    if (keyframe.dt_s > 0.0) last_dt_s_ = keyframe.dt_s;
    sync_server_us_ = keyframe.server_time_us;
    clock_.add_timestamp(now_ms, keyframe.server_time_us);
    // The keyframe may come from another world (a server restart): no rate sample spans it.
    rate_anchor_ = false;
    drop_confirmed_pending();
    // Rebased now rather than at the next advance(), so that world() is never an empty world
    // while has_world() is true.
    rebase(now_ms);
}

// Replays the ticks between our confirmed world and the keyframe as we would have predicted
// them (the last tick length, our own pending commands) and compares our ship's position.
void Session::measure_prediction_error(const proto::Keyframe& keyframe) {
    const sim::Ship* truth = sim::find_ship(keyframe.world, welcome_.ship_id);
    const std::uint64_t gap = keyframe.tick - stats_.server_tick;
    if (truth == nullptr || gap > kMaxErrorTicks) return;
    const double dt_s = last_dt_s_ > 0.0 ? last_dt_s_ : keyframe.dt_s;
    sim::World replay = confirmed_;
    for (std::uint64_t i = 1; i <= gap; ++i) {
        proto::TickRecord record;
        record.tick = stats_.server_tick + i;
        record.dt_s = dt_s;
        for (const PendingCommand& p : pending_) {
            // Where the server said a command applies, there; the others as soon as possible.
            const bool now = p.acked ? p.ack_tick == record.tick : i == 1;
            if (now)
                record.commands.insert(record.commands.end(), p.commands.begin(), p.commands.end());
        }
        proto::apply_tick(replay, record);
    }
    const sim::Ship* predicted = sim::find_ship(replay, welcome_.ship_id);
    if (predicted != nullptr) {
        stats_.prediction_error_m = sim::norm(predicted->position_m - truth->position_m);
    }
}

void Session::receive_update(const std::uint8_t* data, std::size_t size, double now_ms) {
    proto::Update update;
    proto::DecodeError error;
    if (!proto::decode_update(data, size, &update, &error)) {
        ++stats_.decode_errors;
        add_notice(NoticeKind::Error, "Unreadable update: " + error.message, now_ms);
        request_keyframe();
        return;
    }
    ++stats_.updates;
    // Without a world, or with a keyframe on its way, the update has nothing to apply to.
    if (!has_world_ || keyframe_requested_) return;
    bool applied = false;
    for (const proto::TickRecord& record : update.ticks) {
        if (record.tick <= stats_.server_tick) continue;  // a duplicate
        if (record.tick != stats_.server_tick + 1) {
            request_keyframe();  // we missed ticks
            break;
        }
        proto::apply_tick(confirmed_, record);
        match_relayed_commands(record);
        stats_.server_tick = record.tick;
        last_dt_s_ = record.dt_s;
        applied = true;
    }
    if (applied) {
        rebase_needed_ = true;
        drop_confirmed_pending();
    }
    // The update's time stamp and hash are those of its last tick: only meaningful if we are there.
    if (keyframe_requested_ || stats_.server_tick != update.ticks.back().tick) return;
    if (applied) {
        sync_server_us_ = update.server_time_us;
        clock_.add_timestamp(now_ms, update.server_time_us);
        if (rate_anchor_ && update.server_time_us > rate_server_us_) {
            const double gap_us = static_cast<double>(update.server_time_us - rate_server_us_);
            if (gap_us <= kMaxRateGap_us) {
                const double sample = (confirmed_.game_time_s - rate_game_s_) / (gap_us * 1e-6);
                stats_.game_rate =
                    rate_measured_ ? stats_.game_rate + kRateSmoothing * (sample - stats_.game_rate)
                                   : sample;
                rate_measured_ = true;
            }
        }
        rate_anchor_ = true;
        rate_server_us_ = update.server_time_us;
        rate_game_s_ = confirmed_.game_time_s;
    }
    if (update.has_hash) {
        ++stats_.hash_checks;
        if (sim::state_hash(confirmed_) != update.state_hash) {
            ++stats_.hash_mismatches;
            request_keyframe();
        }
    }
}

// The server relays our commands in its updates, possibly before the ack: a pending command
// whose commands appear (in order) among the tick's commands for our ship applied at that tick.
void Session::match_relayed_commands(const proto::TickRecord& record) {
    std::vector<sim::Command> own;
    for (const sim::Command& c : record.commands) {
        if (c.ship == welcome_.ship_id && c.ship != 0) own.push_back(c);
    }
    std::size_t next = 0;
    for (PendingCommand& p : pending_) {
        if (p.acked || p.commands.empty() || own.size() - next < p.commands.size()) continue;
        const std::vector<sim::Command> slice(
            own.begin() + static_cast<std::ptrdiff_t>(next),
            own.begin() + static_cast<std::ptrdiff_t>(next + p.commands.size()));
        if (proto::encode_commands(slice) != proto::encode_commands(p.commands)) continue;
        p.acked = true;
        p.ack_tick = record.tick;
        next += p.commands.size();
    }
}

void Session::drop_confirmed_pending() {
    const auto confirmed = [this](const PendingCommand& p) {
        return p.acked && p.ack_tick <= stats_.server_tick;
    };
    const std::size_t before = pending_.size();
    pending_.erase(std::remove_if(pending_.begin(), pending_.end(), confirmed), pending_.end());
    if (pending_.size() != before) rebase_needed_ = true;
    stats_.pending_commands = static_cast<std::uint32_t>(pending_.size());
}

void Session::request_keyframe() {
    if (keyframe_requested_) return;  // the server keeps one request per connection anyway
    keyframe_requested_ = true;
    outbox_.push_back(encode_simple(proto::ClientMessageType::KeyframeRequest));
}

void Session::add_notice(NoticeKind kind, std::string text, double now_ms) {
    notices_.push_back({kind, std::move(text), now_ms});
    while (notices_.size() > def_.max_notices) notices_.pop_front();
}

void Session::receive_message(const proto::ServerMessage& m, double now_ms) {
    switch (m.type) {
        case proto::ServerMessageType::Welcome:
            welcome_.received = true;
            welcome_.player_id = m.player_id;
            welcome_.username = m.username;
            welcome_.ship_id = m.ship_id;
            welcome_.tick_rate_hz = m.tick_rate_hz;
            welcome_.time_scale = m.time_scale;
            welcome_.paused = m.paused;
            welcome_.hash_interval_ticks = m.hash_interval_ticks;
            if (!rate_measured_) stats_.game_rate = m.paused ? 0.0 : m.time_scale;
            joined_ = true;
            next_ping_ms_ = now_ms;
            break;
        case proto::ServerMessageType::Ack:
            for (PendingCommand& p : pending_) {
                if (p.seq != m.seq) continue;
                p.acked = true;
                p.ack_tick = m.tick;
            }
            drop_confirmed_pending();
            break;
        case proto::ServerMessageType::Error: {
            const std::string text = m.message + " (" + proto::error_code_string(m.code) + ")";
            if (m.seq == 0) {
                add_notice(NoticeKind::Error, text, now_ms);
                break;
            }
            const std::size_t before = pending_.size();
            pending_.erase(std::remove_if(pending_.begin(), pending_.end(),
                                          [&m](const PendingCommand& p) { return p.seq == m.seq; }),
                           pending_.end());
            if (pending_.size() != before) rebase_needed_ = true;
            stats_.pending_commands = static_cast<std::uint32_t>(pending_.size());
            add_notice(NoticeKind::Warning, "Command refused: " + text, now_ms);
            break;
        }
        case proto::ServerMessageType::Pong: {
            const auto ping = std::find_if(pings_.begin(), pings_.end(),
                                           [&m](const SentPing& p) { return p.nonce == m.nonce; });
            if (ping == pings_.end()) break;  // not ours, or from an earlier connection
            clock_.add_round_trip(ping->sent_ms, now_ms, m.server_time_us);
            stats_.ping_ms = clock_.last_rtt_ms();
            stats_.ping_min_ms = clock_.min_rtt_ms();
            pings_.erase(pings_.begin(), ping + 1);
            break;
        }
        case proto::ServerMessageType::Event:
            add_notice(m.event == proto::EventKind::CommandRejected ? NoticeKind::Warning
                                                                    : NoticeKind::Info,
                       event_text(m), now_ms);
            break;
        case proto::ServerMessageType::Chat:
            chat_.push_back({m.from, m.from_ship, m.text, m.server_time_us});
            while (chat_.size() > def_.max_chat_lines) chat_.pop_front();
            ++chat_received_;
            break;
    }
}

std::string Session::ship_label(std::uint32_t ship_id) const {
    if (ship_id != 0 && ship_id == welcome_.ship_id) return "Your ship";
    const sim::Ship* ship = sim::find_ship(predicted_, ship_id);
    if (ship == nullptr) ship = sim::find_ship(confirmed_, ship_id);
    if (ship != nullptr && !ship->name.empty()) return ship->name;
    return "Ship " + std::to_string(ship_id);
}

std::string Session::station_label(std::uint32_t station_id) const {
    const sim::Station* station = sim::find_station(predicted_, station_id);
    if (station == nullptr) station = sim::find_station(confirmed_, station_id);
    if (station != nullptr && !station->name.empty()) return station->name;
    return "station " + std::to_string(station_id);
}

std::string Session::event_text(const proto::ServerMessage& m) const {
    switch (m.event) {
        case proto::EventKind::ShipSpawned:
            return ship_label(m.ship) + " appeared";
        case proto::EventKind::ShipRemoved:
            return ship_label(m.ship) + " left";
        case proto::EventKind::ShipCrashed: {
            const std::string body = m.body < predicted_.bodies.size()
                                         ? predicted_.bodies[m.body].def.name
                                         : "body " + std::to_string(m.body);
            return ship_label(m.ship) + " crashed into " + body;
        }
        case proto::EventKind::StationSpawned:
            return "New station: " + station_label(m.station);
        case proto::EventKind::StationRemoved:
            return station_label(m.station) + " was removed";
        case proto::EventKind::Docked:
            return ship_label(m.ship) + " docked with " + station_label(m.station);
        case proto::EventKind::Undocked:
            return ship_label(m.ship) + " undocked from " + station_label(m.station);
        case proto::EventKind::Targeted:
            return ship_label(m.by_ship) + " targeted your ship";
        case proto::EventKind::CommandRejected:
            return "Command rejected: " + m.reason;
    }
    return "Event";
}

double Session::target_game_time_s(double now_ms) const {
    double elapsed_s = 0.0;
    const std::uint64_t server_now_us = clock_.server_time_us(now_ms);
    if (server_now_us > sync_server_us_) {
        elapsed_s = static_cast<double>(server_now_us - sync_server_us_) * 1e-6;
    }
    elapsed_s = std::min(elapsed_s, def_.max_lead_ms / 1000.0);
    return confirmed_.game_time_s + elapsed_s * stats_.game_rate;
}

void Session::step_predicted(double dt_s, const std::vector<sim::Command>& commands) {
    static const std::vector<sim::Command> kNone;
    bool first = true;
    while (dt_s >= sim::kMinTick_s) {
        const double step_s = std::min(dt_s, sim::kMaxTick_s);
        sim::step(predicted_, step_s, first ? commands : kNone);
        first = false;
        dt_s -= step_s;
    }
}

void Session::rebase(double now_ms) {
    // The view never runs backwards: the new prediction starts no earlier than the old one, unless
    // the old one is further ahead than the lead (twice over, for rate changes) could have taken
    // it. Then the confirmed world is another timeline, e.g. a restarted server's.
    const double max_ahead_s = 2.0 * def_.max_lead_ms / 1000.0 * stats_.game_rate + kLeadSlack_s;
    const double floor_s = predicted_.game_time_s - confirmed_.game_time_s <= max_ahead_s
                               ? predicted_.game_time_s
                               : -std::numeric_limits<double>::infinity();
    rebase_needed_ = false;
    predicted_ = confirmed_;
    std::vector<sim::Command> commands;
    for (const PendingCommand& p : pending_) {
        commands.insert(commands.end(), p.commands.begin(), p.commands.end());
    }
    double dt_s = std::max(target_game_time_s(now_ms), floor_s) - predicted_.game_time_s;
    // Pending commands need a step to apply in, however short.
    if (!commands.empty()) dt_s = std::max(dt_s, sim::kMinTick_s);
    step_predicted(dt_s, commands);
}

void Session::advance(double now_ms) {
    if (joined_ && now_ms >= next_ping_ms_) {
        pings_.push_back({next_nonce_, now_ms});
        outbox_.push_back(encode_simple(proto::ClientMessageType::Ping, next_nonce_));
        ++next_nonce_;
        while (pings_.size() > kMaxUnansweredPings) pings_.pop_front();
        next_ping_ms_ = now_ms + def_.ping_interval_ms;
    }
    // A command never confirmed in time is taken as lost (acked or not: an ack whose tick never
    // reaches us means the link broke, and the next keyframe holds whatever happened).
    const std::size_t before = pending_.size();
    pending_.erase(std::remove_if(pending_.begin(), pending_.end(),
                                  [&](const PendingCommand& p) {
                                      return now_ms - p.sent_ms > def_.pending_timeout_ms;
                                  }),
                   pending_.end());
    if (pending_.size() != before) rebase_needed_ = true;
    stats_.pending_commands = static_cast<std::uint32_t>(pending_.size());
    if (!has_world_) return;

    if (rebase_needed_) {
        rebase(now_ms);
    } else {
        step_predicted(target_game_time_s(now_ms) - predicted_.game_time_s, {});
    }
    stats_.lead_game_s = predicted_.game_time_s - confirmed_.game_time_s;
}

std::uint32_t Session::send_command(proto::ClientMessage message, double now_ms) {
    if (!has_world_ || welcome_.ship_id == 0 || !is_command(message.type)) return 0;
    if (sim::find_ship(confirmed_, welcome_.ship_id) == nullptr &&
        sim::find_ship(predicted_, welcome_.ship_id) == nullptr) {
        return 0;
    }
    message.seq = next_seq_++;
    outbox_.push_back(proto::encode_client_message(message));
    PendingCommand pending;
    pending.seq = message.seq;
    pending.commands = proto::commands_for(message, welcome_.ship_id);
    pending.sent_ms = now_ms;
    // The pilot sees the command at once: one shortest step applies it to the predicted world
    // (each rebase replays it from the confirmed world with every other pending command).
    const std::vector<sim::Command> commands = pending.commands;
    pending_.push_back(std::move(pending));
    if (rebase_needed_) {
        rebase(now_ms);
    } else {
        step_predicted(sim::kMinTick_s, commands);
    }
    stats_.pending_commands = static_cast<std::uint32_t>(pending_.size());
    return message.seq;
}

bool Session::send_chat(std::string text, double now_ms) {
    if (text.empty() || text.size() > proto::kMaxChatBytes) {
        add_notice(NoticeKind::Warning,
                   "A chat message must be 1.." + std::to_string(proto::kMaxChatBytes) + " bytes",
                   now_ms);
        return false;
    }
    proto::ClientMessage m;
    m.type = proto::ClientMessageType::Chat;
    m.text = std::move(text);
    outbox_.push_back(proto::encode_client_message(m));
    return true;
}

std::vector<std::string> Session::take_outgoing() {
    std::vector<std::string> out;
    out.swap(outbox_);
    return out;
}

std::vector<Notice> Session::take_notices() {
    std::vector<Notice> out(notices_.begin(), notices_.end());
    notices_.clear();
    return out;
}

const sim::Ship* Session::own_ship() const { return sim::find_ship(predicted_, welcome_.ship_id); }

std::uint64_t Session::server_time_us(double now_ms) const { return clock_.server_time_us(now_ms); }

}  // namespace galaxy::client
