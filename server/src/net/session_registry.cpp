#include "net/session_registry.hpp"

#include <optional>
#include <unordered_set>
#include <utility>

#include "core/metrics.hpp"

namespace galaxy::server {
namespace {

using SinkList = std::vector<std::shared_ptr<SessionSink>>;

std::shared_ptr<const std::string> encode_shared(const proto::ServerMessage& message) {
    return std::make_shared<const std::string>(proto::encode_server_message(message));
}

// The client-visible kind of a world event; nullopt for events clients do not hear about
// (respawns and refuels show in the world state itself).
std::optional<proto::EventKind> client_event_kind(sim::EventType type) {
    switch (type) {
        case sim::EventType::ShipSpawned:
            return proto::EventKind::ShipSpawned;
        case sim::EventType::ShipRemoved:
            return proto::EventKind::ShipRemoved;
        case sim::EventType::ShipCrashed:
            return proto::EventKind::ShipCrashed;
        case sim::EventType::StationSpawned:
            return proto::EventKind::StationSpawned;
        case sim::EventType::StationRemoved:
            return proto::EventKind::StationRemoved;
        case sim::EventType::Docked:
            return proto::EventKind::Docked;
        case sim::EventType::Undocked:
            return proto::EventKind::Undocked;
        case sim::EventType::CommandRejected:
            return proto::EventKind::CommandRejected;
        case sim::EventType::ShipRespawned:
        case sim::EventType::Refueled:
            return std::nullopt;
    }
    return std::nullopt;
}

}  // namespace

SessionRegistry::SessionRegistry(Metrics* metrics) : metrics_(metrics) {}

bool SessionRegistry::open_connection(const std::string& ip, int max_per_ip) {
    std::lock_guard lock(mutex_);
    int& count = connections_by_ip_[ip];
    if (count >= max_per_ip) {
        if (count == 0) connections_by_ip_.erase(ip);
        return false;
    }
    ++count;
    ++connections_;
    if (metrics_ != nullptr) {
        ++metrics_->ws_connections_total;
        metrics_->ws_connections = static_cast<std::int64_t>(connections_);
    }
    return true;
}

void SessionRegistry::close_connection(const std::string& ip) {
    std::lock_guard lock(mutex_);
    auto it = connections_by_ip_.find(ip);
    if (it == connections_by_ip_.end()) return;
    if (--it->second <= 0) connections_by_ip_.erase(it);
    --connections_;
    if (metrics_ != nullptr) metrics_->ws_connections = static_cast<std::int64_t>(connections_);
}

void SessionRegistry::attach(const std::shared_ptr<SessionSink>& sink) {
    std::lock_guard lock(mutex_);
    attached_[sink.get()] = sink;
}

void SessionRegistry::detach(const SessionSink* sink) {
    std::lock_guard lock(mutex_);
    attached_.erase(sink);
}

std::uint64_t SessionRegistry::join(std::int64_t player_id, const std::string& username,
                                    std::uint32_t ship_id, std::weak_ptr<SessionSink> sink) {
    std::shared_ptr<SessionSink> replaced;
    std::uint64_t id = 0;
    {
        std::lock_guard lock(mutex_);
        auto previous = session_by_player_.find(player_id);
        if (previous != session_by_player_.end()) {
            auto entry = sessions_.find(previous->second);
            if (entry != sessions_.end()) {
                replaced = entry->second.sink.lock();
                auto by_ship = session_by_ship_.find(entry->second.ship_id);
                if (by_ship != session_by_ship_.end() && by_ship->second == previous->second) {
                    session_by_ship_.erase(by_ship);
                }
                sessions_.erase(entry);
            }
        }
        id = next_session_id_++;
        sessions_[id] = Entry{player_id, username, ship_id, false, std::move(sink)};
        session_by_player_[player_id] = id;
        session_by_ship_[ship_id] = id;
        if (metrics_ != nullptr) {
            metrics_->players_online = static_cast<std::int64_t>(sessions_.size());
        }
    }
    // Outside the lock: the sink may be the last owner of the old session, whose teardown
    // calls back into the registry.
    if (replaced) replaced->close(proto::close_code::kReplaced, "Connected elsewhere");
    return id;
}

void SessionRegistry::leave(std::uint64_t session_id) {
    std::lock_guard lock(mutex_);
    auto entry = sessions_.find(session_id);
    if (entry == sessions_.end()) return;
    auto by_player = session_by_player_.find(entry->second.player_id);
    if (by_player != session_by_player_.end() && by_player->second == session_id) {
        session_by_player_.erase(by_player);
    }
    auto by_ship = session_by_ship_.find(entry->second.ship_id);
    if (by_ship != session_by_ship_.end() && by_ship->second == session_id) {
        session_by_ship_.erase(by_ship);
    }
    sessions_.erase(entry);
    if (metrics_ != nullptr) {
        metrics_->players_online = static_cast<std::int64_t>(sessions_.size());
    }
}

void SessionRegistry::set_ship(std::uint64_t session_id, std::uint32_t ship_id) {
    std::lock_guard lock(mutex_);
    auto entry = sessions_.find(session_id);
    if (entry == sessions_.end()) return;
    auto by_ship = session_by_ship_.find(entry->second.ship_id);
    if (by_ship != session_by_ship_.end() && by_ship->second == session_id) {
        session_by_ship_.erase(by_ship);
    }
    entry->second.ship_id = ship_id;
    session_by_ship_[ship_id] = session_id;
}

std::shared_ptr<SessionSink> SessionRegistry::sink_of_ship(std::uint32_t ship_id) const {
    auto owner = session_by_ship_.find(ship_id);
    if (owner == session_by_ship_.end()) return nullptr;
    auto entry = sessions_.find(owner->second);
    return entry == sessions_.end() ? nullptr : entry->second.sink.lock();
}

void SessionRegistry::publish_update(Frame frame, const proto::Update& update) {
    SinkList synced;
    std::vector<std::pair<std::shared_ptr<SessionSink>, proto::ServerMessage>> notices;
    {
        std::lock_guard lock(mutex_);
        synced.reserve(sessions_.size());
        for (auto& [id, entry] : sessions_) {
            if (!entry.has_keyframe) continue;
            if (auto sink = entry.sink.lock()) synced.push_back(std::move(sink));
        }
        for (const proto::TickRecord& record : update.ticks) {
            for (const sim::Command& command : record.commands) {
                if (command.type != sim::CommandType::SetTarget ||
                    command.target.kind != sim::TargetKind::Ship ||
                    command.target.id == command.ship) {
                    continue;
                }
                auto sink = sink_of_ship(command.target.id);
                if (!sink) continue;
                proto::ServerMessage notice;
                notice.type = proto::ServerMessageType::Event;
                notice.event = proto::EventKind::Targeted;
                notice.tick = record.tick;
                notice.ship = command.target.id;
                notice.by_ship = command.ship;
                notices.emplace_back(std::move(sink), std::move(notice));
            }
        }
    }
    for (auto& sink : synced) sink->send_binary(frame);
    for (auto& [sink, notice] : notices) sink->send_text(encode_shared(notice));
}

void SessionRegistry::publish_events(std::uint64_t tick, const std::vector<sim::Event>& events) {
    std::vector<std::pair<std::shared_ptr<SessionSink>, std::shared_ptr<const std::string>>> out;
    SinkList joined;  // outside the lock: no session may be destroyed while it is held
    {
        std::lock_guard lock(mutex_);
        for (const sim::Event& event : events) {
            const std::optional<proto::EventKind> kind = client_event_kind(event.type);
            if (!kind) continue;
            proto::ServerMessage message;
            message.type = proto::ServerMessageType::Event;
            message.event = *kind;
            message.tick = tick;
            message.ship = event.ship;
            message.station = event.station;
            message.body = event.body;
            // The wire requires a reason for rejections; sim-core always gives one.
            message.reason = event.reason.empty() && *kind == proto::EventKind::CommandRejected
                                 ? "command rejected"
                                 : event.reason;
            auto text = encode_shared(message);
            if (*kind == proto::EventKind::CommandRejected) {
                auto sink = sink_of_ship(event.ship);
                if (sink) {
                    out.emplace_back(std::move(sink), std::move(text));
                    if (metrics_ != nullptr) {
                        metrics_->count_rejected(proto::ErrorCode::CommandRejected);
                    }
                }
                continue;
            }
            if (joined.empty()) {
                for (auto& [id, entry] : sessions_) {
                    if (auto sink = entry.sink.lock()) joined.push_back(std::move(sink));
                }
            }
            for (const auto& sink : joined) out.emplace_back(sink, text);
        }
    }
    for (auto& [sink, text] : out) sink->send_text(std::move(text));
}

void SessionRegistry::deliver_keyframe(std::uint64_t session_id, Frame frame,
                                       std::uint64_t keyframe_tick) {
    (void)keyframe_tick;  // the frame carries it; updates after it follow from the engine
    std::shared_ptr<SessionSink> sink;
    {
        std::lock_guard lock(mutex_);
        auto entry = sessions_.find(session_id);
        if (entry == sessions_.end()) return;
        entry->second.has_keyframe = true;
        sink = entry->second.sink.lock();
    }
    if (sink) sink->send_binary(std::move(frame));
}

void SessionRegistry::acknowledge(const std::vector<CommandOrigin>& origins, std::uint64_t tick) {
    std::vector<std::pair<std::shared_ptr<SessionSink>, std::uint32_t>> acks;
    {
        std::lock_guard lock(mutex_);
        for (const CommandOrigin& origin : origins) {
            if (origin.session_id == 0) continue;
            auto entry = sessions_.find(origin.session_id);
            if (entry == sessions_.end()) continue;
            if (auto sink = entry->second.sink.lock())
                acks.emplace_back(std::move(sink), origin.seq);
        }
    }
    for (auto& [sink, seq] : acks) {
        proto::ServerMessage ack;
        ack.type = proto::ServerMessageType::Ack;
        ack.seq = seq;
        ack.tick = tick;
        sink->send_text(encode_shared(ack));
    }
}

void SessionRegistry::broadcast_chat(const proto::ServerMessage& chat) {
    SinkList joined;
    {
        std::lock_guard lock(mutex_);
        for (auto& [id, entry] : sessions_) {
            if (auto sink = entry.sink.lock()) joined.push_back(std::move(sink));
        }
    }
    if (joined.empty()) return;
    auto text = encode_shared(chat);
    for (auto& sink : joined) sink->send_text(text);
}

bool SessionRegistry::disconnect_player(std::int64_t player_id, std::uint16_t code,
                                        const std::string& reason) {
    std::shared_ptr<SessionSink> sink;
    {
        std::lock_guard lock(mutex_);
        auto by_player = session_by_player_.find(player_id);
        if (by_player == session_by_player_.end()) return false;
        auto entry = sessions_.find(by_player->second);
        if (entry != sessions_.end()) sink = entry->second.sink.lock();
    }
    if (sink) sink->close(code, reason);
    return true;
}

bool SessionRegistry::is_online(std::int64_t player_id) const {
    std::lock_guard lock(mutex_);
    return session_by_player_.count(player_id) != 0;
}

void SessionRegistry::close_all(std::uint16_t code, const std::string& reason) {
    SinkList all;
    {
        std::lock_guard lock(mutex_);
        std::unordered_set<const SessionSink*> seen;
        auto add = [&](const std::weak_ptr<SessionSink>& weak) {
            auto sink = weak.lock();
            if (sink && seen.insert(sink.get()).second) all.push_back(std::move(sink));
        };
        for (auto& [id, entry] : sessions_) add(entry.sink);
        for (auto& [key, weak] : attached_) add(weak);
    }
    for (auto& sink : all) sink->close(code, reason);
}

std::size_t SessionRegistry::players_online() const {
    std::lock_guard lock(mutex_);
    return sessions_.size();
}

std::size_t SessionRegistry::connections() const {
    std::lock_guard lock(mutex_);
    return connections_;
}

}  // namespace galaxy::server
