#include "net/ws_session_impl.hpp"

#include <chrono>
#include <cstdint>
#include <string>
#include <utility>

#include "auth/jwt.hpp"
#include "core/config.hpp"
#include "core/log.hpp"
#include "core/metrics.hpp"
#include "engine/engine.hpp"

namespace galaxy::server {
namespace {

namespace net = boost::asio;

std::uint64_t unix_now_us() {
    return static_cast<std::uint64_t>(std::chrono::duration_cast<std::chrono::microseconds>(
                                          std::chrono::system_clock::now().time_since_epoch())
                                          .count());
}

std::int64_t unix_now_s() {
    return std::chrono::duration_cast<std::chrono::seconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

}  // namespace

void WsSession::handle_message(std::string_view text, bool binary) {
    if (context_->metrics != nullptr) ++context_->metrics->messages_received_total;
    const double now = steady_now_s();
    if (!flood_limiter_.allow(now)) {
        if (context_->metrics != nullptr) {
            context_->metrics->count_rejected(proto::ErrorCode::RateLimited);
        }
        request_close(proto::close_code::kPolicy, "Message rate limit exceeded");
        return;
    }
    if (!message_limiter_.allow(now)) {
        send_error(proto::ErrorCode::RateLimited, "more than " +
                                                      std::to_string(proto::kMaxMessagesPerSecond) +
                                                      " messages per second; message dropped");
        return;
    }
    if (binary) {
        send_error(proto::ErrorCode::BinaryNotAccepted, "clients send text messages only");
        return;
    }
    proto::ClientMessage message;
    proto::DecodeError error;
    if (!proto::decode_client_message(text, &message, &error)) {
        send_error(error.code, error.message);
        return;
    }
    const bool is_auth = message.type == proto::ClientMessageType::Auth;
    switch (phase_) {
        case Phase::AwaitingAuth:
            if (is_auth) {
                handle_auth(message);
            } else {
                send_error(proto::ErrorCode::NotAuthenticated, "send \"auth\" first");
            }
            return;
        case Phase::Authenticating:
            if (is_auth) {
                send_error(proto::ErrorCode::AlreadyAuthenticated, "authentication in progress");
            } else {
                send_error(proto::ErrorCode::NotAuthenticated, "authentication in progress");
            }
            return;
        case Phase::Joined:
            handle_joined(message, now);
            return;
        case Phase::Admission:
        case Phase::Closing:
            return;
    }
}

void WsSession::handle_auth(const proto::ClientMessage& message) {
    if (message.protocol_version != proto::kProtocolVersion) {
        const std::string reason = "Protocol version " + std::to_string(message.protocol_version) +
                                   " not supported; server speaks " +
                                   std::to_string(proto::kProtocolVersion);
        send_error(proto::ErrorCode::VersionMismatch, reason);
        request_close(proto::close_code::kVersionMismatch, reason);
        return;
    }
    JwtClaims claims;
    const JwtError jwt = jwt_verify(message.token, context_->jwt_secret, unix_now_s(), &claims);
    if (jwt != JwtError::None) {
        send_error(proto::ErrorCode::AuthFailed, jwt_error_message(jwt));
        request_close(proto::close_code::kAuthFailed, "Authentication failed");
        return;
    }
    phase_ = Phase::Authenticating;
    net::post(*context_->database_workers, [self = shared_from_this(), id = claims.player_id] {
        PlayerRecord record;
        const StoreStatus status = self->context_->players->find_by_id(id, &record);
        net::post(self->ws_.get_executor(), [self, status, record = std::move(record)]() mutable {
            self->on_player_found(status, std::move(record));
        });
    });
}

void WsSession::on_player_found(StoreStatus status, PlayerRecord record) {
    if (phase_ != Phase::Authenticating) return;
    if (status == StoreStatus::Unavailable) {
        send_error(proto::ErrorCode::DatabaseUnavailable, "database unavailable; try again later");
        request_close(proto::close_code::kInternalError, "Internal error");
        return;
    }
    if (status != StoreStatus::Ok) {
        send_error(proto::ErrorCode::AuthFailed, "account not found");
        request_close(proto::close_code::kAuthFailed, "Authentication failed");
        return;
    }
    player_id_ = record.id;
    username_ = record.username;
    stored_ship_id_ = record.ship_id;
    // The callback holds the session so that a ship spawned for it is recorded even if the
    // connection closes meanwhile; otherwise the next login would spawn another one.
    auto self = shared_from_this();
    context_->engine->ensure_ship(record.ship_id, sim::ship_class_from_name(record.ship_class),
                                  record.username, [self](std::uint32_t ship_id) {
                                      net::post(self->ws_.get_executor(),
                                                [self, ship_id] { self->on_ship_ready(ship_id); });
                                  });
}

void WsSession::on_ship_ready(std::uint32_t ship_id) {
    if (ship_id != 0 && ship_id != stored_ship_id_) {
        net::post(*context_->database_workers, [context = context_, player = player_id_, ship_id] {
            if (context->players->set_ship(player, ship_id) != StoreStatus::Ok) {
                log_event(LogLevel::Error, "ship_id_not_saved",
                          {{"player_id", player}, {"ship_id", ship_id}});
            }
        });
        stored_ship_id_ = ship_id;
    }
    if (phase_ != Phase::Authenticating) return;
    if (ship_id == 0) {
        send_error(proto::ErrorCode::NoShip, "your ship could not be spawned");
        request_close(proto::close_code::kInternalError, "Internal error");
        return;
    }
    if (context_->shutting_down) {
        request_close(proto::close_code::kShuttingDown, "Server shutting down");
        return;
    }
    ship_id_ = ship_id;
    session_id_ = context_->registry->join(player_id_, username_, ship_id_, weak_from_this());
    phase_ = Phase::Joined;
    auth_timer_.cancel();

    const EngineStatus status = context_->engine->status();
    proto::ServerMessage welcome;
    welcome.type = proto::ServerMessageType::Welcome;
    welcome.player_id = static_cast<std::uint64_t>(player_id_);
    welcome.username = username_;
    welcome.ship_id = ship_id_;
    welcome.tick_rate_hz = status.tick_rate_hz;
    welcome.time_scale = status.time_scale;
    welcome.paused = status.paused;
    welcome.hash_interval_ticks = context_->config->hash_interval_ticks;
    send_message(welcome);
    // After the welcome in the queue: the keyframe arrives through send_binary, posted later.
    context_->engine->request_keyframe(session_id_);
    log_event(LogLevel::Info, "player_joined",
              {{"player_id", player_id_},
               {"username", username_},
               {"ship_id", ship_id_},
               {"session_id", session_id_},
               {"ip", remote_ip_}});
}

void WsSession::handle_joined(const proto::ClientMessage& message, double now_s) {
    switch (message.type) {
        case proto::ClientMessageType::Auth:
            send_error(proto::ErrorCode::AlreadyAuthenticated, "already authenticated");
            return;
        case proto::ClientMessageType::Chat: {
            if (!chat_limiter_.allow(now_s)) {
                send_error(proto::ErrorCode::ChatRateLimited,
                           "more than " + std::to_string(proto::kMaxChatPerSecond) +
                               " chat messages per second");
                return;
            }
            proto::ServerMessage chat;
            chat.type = proto::ServerMessageType::Chat;
            chat.from = username_;
            chat.from_ship = ship_id_;
            chat.text = message.text;
            chat.server_time_us = unix_now_us();
            context_->registry->broadcast_chat(chat);
            return;
        }
        case proto::ClientMessageType::Ping: {
            proto::ServerMessage pong;
            pong.type = proto::ServerMessageType::Pong;
            pong.nonce = message.nonce;
            pong.tick = context_->engine->status().tick;
            pong.server_time_us = unix_now_us();
            send_message(pong);
            return;
        }
        case proto::ClientMessageType::KeyframeRequest:
            if (!keyframe_limiter_.allow(now_s)) {
                send_error(proto::ErrorCode::RateLimited,
                           "at most one keyframe request per second");
                return;
            }
            context_->engine->request_keyframe(session_id_);
            return;
        case proto::ClientMessageType::Control:
        case proto::ClientMessageType::Service:
        case proto::ClientMessageType::Dock:
        case proto::ClientMessageType::Undock:
        case proto::ClientMessageType::Target:
        case proto::ClientMessageType::Rename:
            break;
    }
    const Engine::SubmitResult result = context_->engine->submit(
        CommandOrigin{session_id_, message.seq}, proto::commands_for(message, ship_id_));
    if (result == Engine::SubmitResult::Busy) {
        send_error(proto::ErrorCode::ServerBusy, "the server is busy; command not applied",
                   message.seq);
    } else if (result == Engine::SubmitResult::Stopped) {
        send_error(proto::ErrorCode::InternalError, "the world is stopped; command not applied",
                   message.seq);
    }
}

void WsSession::send_message(const proto::ServerMessage& message) {
    enqueue(WsOutgoing{std::make_shared<const std::string>(proto::encode_server_message(message)),
                       nullptr});
}

void WsSession::send_error(proto::ErrorCode code, std::string message, std::uint32_t seq) {
    if (context_->metrics != nullptr) context_->metrics->count_rejected(code);
    proto::ServerMessage error;
    error.type = proto::ServerMessageType::Error;
    error.code = code;
    error.message = std::move(message);
    error.seq = seq;
    send_message(error);
}

}  // namespace galaxy::server
