// [SECTION] helpers          time limits, close reasons
// [SECTION] connection       admission, accept, reading, sending, closing, timers, teardown
// [SECTION] run_ws_session   starts a session on the connection's strand
#include "net/ws_session.hpp"

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <utility>

#include "core/config.hpp"
#include "core/log.hpp"
#include "core/metrics.hpp"
#include "net/ws_origin.hpp"
#include "net/ws_session_impl.hpp"

namespace galaxy::server {
namespace {

namespace beast = boost::beast;
namespace http = beast::http;
namespace websocket = beast::websocket;
namespace net = boost::asio;
using tcp = net::ip::tcp;

// [SECTION] helpers

std::chrono::steady_clock::duration seconds(double s) {
    return std::chrono::duration_cast<std::chrono::steady_clock::duration>(
        std::chrono::duration<double>(s));
}

// RFC 6455 allows 123 bytes of reason in a close frame (125 minus the code).
websocket::close_reason make_close_reason(std::uint16_t code, std::string reason) {
    constexpr std::size_t kMaxCloseReasonBytes = 123;
    if (reason.size() > kMaxCloseReasonBytes) reason.resize(kMaxCloseReasonBytes);
    websocket::close_reason close(code);
    close.reason = reason;
    return close;
}

// Closes that should not wait for the queued messages to be written: the client is gone,
// too slow, or the server is going down.
bool closes_promptly(std::uint16_t code) {
    return code == proto::close_code::kShuttingDown || code == proto::close_code::kTooSlow ||
           code == proto::close_code::kIdleTimeout;
}

}  // namespace

// [SECTION] connection

void WsSession::start(HttpRequest upgrade) {
    upgrade_ = std::move(upgrade);
    const ServerConfig& config = *context_->config;
    if (context_->shutting_down) {
        refuse(http::status::service_unavailable, proto::ErrorCode::DatabaseUnavailable,
               "Server shutting down");
        return;
    }
    if (!context_->world_ready || context_->engine == nullptr) {
        refuse(http::status::service_unavailable, proto::ErrorCode::DatabaseUnavailable,
               "World loading; try again shortly");
        return;
    }
    const auto origin = upgrade_[http::field::origin];
    const auto host = upgrade_[http::field::host];
    if (!origin_allowed(std::string_view(origin.data(), origin.size()),
                        std::string_view(host.data(), host.size()), config.allowed_origins)) {
        refuse(http::status::forbidden, proto::ErrorCode::AuthFailed, "Origin not allowed");
        return;
    }
    if (!context_->registry->open_connection(remote_ip_, config.max_connections_per_ip)) {
        refuse(http::status::too_many_requests, proto::ErrorCode::TooManyAttempts,
               "Too many connections from this address");
        return;
    }
    counted_connection_ = true;
    context_->registry->attach(shared_from_this());
    // One deadline for the upgrade and the auth message (PROTOCOL.md, section 3).
    auth_timer_.expires_after(seconds(proto::kHandshakeTimeout_s));
    auth_timer_.async_wait(
        beast::bind_front_handler(&WsSession::on_auth_deadline, shared_from_this()));

    // The WebSocket layer keeps its own time limits; the TCP stream's would cut idle players.
    beast::get_lowest_layer(ws_).expires_never();
    websocket::stream_base::timeout timeouts{};
    timeouts.handshake_timeout = seconds(proto::kHandshakeTimeout_s);  // also bounds closing
    timeouts.idle_timeout = websocket::stream_base::none();  // our idle check closes with 4007
    timeouts.keep_alive_pings = false;
    ws_.set_option(timeouts);
    websocket::permessage_deflate deflate;
    deflate.server_enable = false;
    deflate.client_enable = false;
    ws_.set_option(deflate);
    // No limit in Beast: it would fail the connection with a bare 1009. read_next() caps each
    // message itself and closes with the reason the protocol names.
    ws_.read_message_max(0);
    ws_.set_option(websocket::stream_base::decorator(
        [](websocket::response_type& response) { response.set(http::field::server, "galaxy"); }));
    // Pongs (and pings) count as signs of life for the idle check.
    ws_.control_callback([this](websocket::frame_type, beast::string_view) {
        last_received_s_ = steady_now_s();
        pinged_since_received_ = false;
    });
    ws_.async_accept(upgrade_,
                     beast::bind_front_handler(&WsSession::on_accept, shared_from_this()));
}

void WsSession::refuse(http::status status, proto::ErrorCode code, std::string_view message) {
    auto response = std::make_shared<HttpResponse>(error_response(status, code, message));
    response->version(upgrade_.version());
    response->keep_alive(false);
    response->prepare_payload();
    log_event(LogLevel::Info, "ws_refused",
              {{"ip", remote_ip_},
               {"status", static_cast<int>(status)},
               {"reason", std::string(message)}});
    auto& stream = beast::get_lowest_layer(ws_);
    stream.expires_after(seconds(proto::kHandshakeTimeout_s));
    http::async_write(stream, *response,
                      [self = shared_from_this(), response](beast::error_code, std::size_t) {
                          beast::error_code ignored;
                          beast::get_lowest_layer(self->ws_).socket().shutdown(
                              tcp::socket::shutdown_send, ignored);
                      });
}

void WsSession::on_accept(beast::error_code ec) {
    if (ec) {
        log_event(LogLevel::Debug, "ws_handshake_failed",
                  {{"ip", remote_ip_}, {"error", ec.message()}});
        finish();
        return;
    }
    phase_ = Phase::AwaitingAuth;
    if (context_->shutting_down) {  // close_all ran during the handshake
        request_close(proto::close_code::kShuttingDown, "Server shutting down");
        read_next();
        return;
    }
    last_received_s_ = steady_now_s();
    arm_idle_timer();
    read_next();
}

// Reads a message piece by piece so that no more than kMaxMessageBytes + 1 bytes of it are ever
// buffered: one byte over the limit is enough to know it is too big.
void WsSession::read_next() {
    const std::size_t room = proto::kMaxMessageBytes + 1 - buffer_.size();
    ws_.async_read_some(
        buffer_, room,
        [self = shared_from_this()](beast::error_code ec, std::size_t) { self->on_read(ec); });
}

void WsSession::on_read(beast::error_code ec) {
    if (ec) {
        finish();
        return;
    }
    last_received_s_ = steady_now_s();
    pinged_since_received_ = false;
    if (phase_ == Phase::Closing) {
        buffer_.consume(buffer_.size());  // the rest of the conversation is ignored
    } else if (buffer_.size() > proto::kMaxMessageBytes) {
        buffer_.consume(buffer_.size());
        if (context_->metrics != nullptr) {
            context_->metrics->count_rejected(proto::ErrorCode::MessageTooLarge);
        }
        request_close(proto::close_code::kTooBig, "Message too big");
    } else if (ws_.is_message_done()) {
        const auto data = buffer_.data();
        handle_message(std::string_view(static_cast<const char*>(data.data()), data.size()),
                       ws_.got_binary());
        buffer_.consume(buffer_.size());
    }
    read_next();
}

void WsSession::enqueue(WsOutgoing message) {
    if (phase_ == Phase::Admission || phase_ == Phase::Closing) return;
    if (!queue_.push(std::move(message))) {
        if (context_->metrics != nullptr) ++context_->metrics->slow_client_disconnects_total;
        log_event(
            LogLevel::Warn, "ws_client_too_slow",
            {{"ip", remote_ip_}, {"player_id", player_id_}, {"queued_bytes", queue_.bytes()}});
        request_close(proto::close_code::kTooSlow, "Client too slow");
        return;
    }
    pump();
}

// Starts the next write, or the close once everything before it is written. Beast allows one
// write and one ping or close at a time; a close waits for both.
void WsSession::pump() {
    if (writing_ || close_started_ || finished_) return;
    if (!queue_.empty()) {
        writing_ = true;
        // The handler holds the message: its buffer must outlive the write even if the queue
        // is dropped meanwhile.
        const WsOutgoing message = queue_.front();
        ws_.text(message.text != nullptr);
        auto on_written = [self = shared_from_this(), message](beast::error_code ec,
                                                               std::size_t bytes) {
            self->writing_ = false;
            if (self->finished_) return;  // the queue was dropped
            if (ec) {
                self->abort_connection();
                return;
            }
            if (self->context_->metrics != nullptr) {
                self->context_->metrics->bytes_sent_total += bytes;
            }
            self->queue_.pop();
            self->pump();
        };
        if (message.text) {
            ws_.async_write(net::buffer(*message.text), std::move(on_written));
        } else {
            ws_.async_write(net::buffer(*message.binary), std::move(on_written));
        }
        return;
    }
    if (pending_close_ && !ping_in_flight_) {
        close_started_ = true;
        ws_.async_close(*pending_close_, [self = shared_from_this()](beast::error_code ec) {
            if (ec) self->abort_connection();
        });
    }
}

void WsSession::request_close(std::uint16_t code, const std::string& reason) {
    if (phase_ == Phase::Closing || phase_ == Phase::Admission || finished_) return;
    phase_ = Phase::Closing;
    if (closes_promptly(code)) queue_.drop(writing_);
    pending_close_ = make_close_reason(code, reason);
    auth_timer_.cancel();
    idle_timer_.cancel();
    close_timer_.expires_after(seconds(proto::kHandshakeTimeout_s));
    close_timer_.async_wait([self = shared_from_this()](beast::error_code ec) {
        if (!ec) self->abort_connection();
    });
    log_event(LogLevel::Info, "ws_closing",
              {{"ip", remote_ip_}, {"player_id", player_id_}, {"code", code}, {"reason", reason}});
    pump();
}

void WsSession::on_auth_deadline(beast::error_code ec) {
    if (ec) return;
    if (phase_ == Phase::Admission) {
        abort_connection();  // the upgrade itself took the whole time; the accept then fails
    } else if (phase_ == Phase::AwaitingAuth) {
        request_close(proto::close_code::kHandshakeTimeout, "Authentication timeout");
    }
}

// The next check is due when the silence would reach half the idle timeout (time to ping) or,
// once pinged, the whole of it (time to give up).
void WsSession::arm_idle_timer() {
    const double idle_s = context_->config->idle_timeout_s;
    const double due_s = last_received_s_ + (pinged_since_received_ ? idle_s : idle_s / 2.0);
    idle_timer_.expires_after(seconds(std::max(0.0, due_s - steady_now_s())));
    idle_timer_.async_wait(
        beast::bind_front_handler(&WsSession::on_idle_check, shared_from_this()));
}

void WsSession::on_idle_check(beast::error_code ec) {
    if (ec || phase_ == Phase::Closing) return;
    const double idle_s = context_->config->idle_timeout_s;
    const double silent_s = steady_now_s() - last_received_s_;
    if (silent_s >= idle_s) {
        request_close(proto::close_code::kIdleTimeout, "Idle timeout");
        return;
    }
    if (silent_s >= idle_s / 2.0 && !pinged_since_received_ && !ping_in_flight_) {
        pinged_since_received_ = true;
        ping_in_flight_ = true;
        ws_.async_ping({}, [self = shared_from_this()](beast::error_code ping_ec) {
            self->ping_in_flight_ = false;
            if (ping_ec) {
                self->abort_connection();
                return;
            }
            self->pump();
        });
    }
    arm_idle_timer();
}

// Drops the TCP connection without a closing handshake; the pending read then ends the session.
void WsSession::abort_connection() { beast::get_lowest_layer(ws_).close(); }

void WsSession::finish() {
    if (finished_) return;
    finished_ = true;
    phase_ = Phase::Closing;
    auth_timer_.cancel();
    idle_timer_.cancel();
    close_timer_.cancel();
    abort_connection();
    queue_.drop(false);
    SessionRegistry& registry = *context_->registry;
    if (session_id_ != 0) registry.leave(session_id_);
    registry.detach(this);
    if (counted_connection_) registry.close_connection(remote_ip_);
    log_event(LogLevel::Info, "ws_closed",
              {{"ip", remote_ip_}, {"player_id", player_id_}, {"session_id", session_id_}});
}

// [SECTION] run_ws_session

void run_ws_session(beast::tcp_stream stream, HttpRequest upgrade, WsContext* context,
                    std::string remote_ip) {
    auto session = std::make_shared<WsSession>(std::move(stream), context, std::move(remote_ip));
    net::dispatch(session->executor(), [session, upgrade = std::move(upgrade)]() mutable {
        session->start(std::move(upgrade));
    });
}

}  // namespace galaxy::server
