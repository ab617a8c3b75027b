// The session object behind run_ws_session (ws_session.hpp), shared by its two source files:
// ws_session.cpp runs the connection (admission, reading, the send queue, closing, timers) and
// ws_session_protocol.cpp the protocol's state machine (auth, commands, chat, pings). Every
// member function runs on the session's strand unless its comment says otherwise.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "net/asio.hpp"  // first: it quiets a false warning in Asio's headers

#include <boost/asio/steady_timer.hpp>
#include <boost/beast/websocket.hpp>

#include "auth/rate_limiter.hpp"
#include "core/config.hpp"
#include "db/player_store.hpp"
#include "galaxy/proto/client_message.hpp"
#include "galaxy/proto/server_message.hpp"
#include "net/http_response.hpp"
#include "net/session_registry.hpp"
#include "net/ws_context.hpp"
#include "net/ws_send_queue.hpp"

namespace galaxy::server {

// One player's connection. Kept alive by the handlers it has pending (shared_from_this); the
// registry holds it weakly.
class WsSession final : public SessionSink, public std::enable_shared_from_this<WsSession> {
public:
    // stream's executor is the session's strand; context outlives the session.
    WsSession(boost::beast::tcp_stream stream, WsContext* context, std::string remote_ip)
        : ws_(std::move(stream)),
          context_(context),
          remote_ip_(std::move(remote_ip)),
          queue_(context->config->max_send_queue_bytes),
          auth_timer_(ws_.get_executor()),
          idle_timer_(ws_.get_executor()),
          close_timer_(ws_.get_executor()) {}

    // The session's strand.
    boost::asio::any_io_executor executor() { return ws_.get_executor(); }
    // On the strand: admission checks, then the WebSocket handshake.
    void start(HttpRequest upgrade);

    // SessionSink, from any thread: the work is posted to the strand.
    void send_text(std::shared_ptr<const std::string> text) override {
        boost::asio::post(ws_.get_executor(), [self = shared_from_this(), text = std::move(text)] {
            self->enqueue(WsOutgoing{text, nullptr});
        });
    }
    void send_binary(Frame frame) override {
        boost::asio::post(ws_.get_executor(),
                          [self = shared_from_this(), frame = std::move(frame)] {
                              self->enqueue(WsOutgoing{nullptr, frame});
                          });
    }
    void close(std::uint16_t code, std::string reason) override {
        boost::asio::post(ws_.get_executor(),
                          [self = shared_from_this(), code, reason = std::move(reason)] {
                              self->request_close(code, reason);
                          });
    }

private:
    // Seconds on the steady clock (rate limits, idle detection).
    static double steady_now_s() {
        return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch())
            .count();
    }

    // Admission: HTTP upgrade checks and handshake. Authenticating: token good, the player and
    // ship are being looked up. Closing: a close was requested or the connection ended.
    enum class Phase { Admission, AwaitingAuth, Authenticating, Joined, Closing };

    // ws_session.cpp: the connection.
    void refuse(boost::beast::http::status status, proto::ErrorCode code, std::string_view message);
    void on_accept(boost::beast::error_code ec);
    void read_next();
    void on_read(boost::beast::error_code ec);
    void enqueue(WsOutgoing message);
    void pump();
    void request_close(std::uint16_t code, const std::string& reason);
    void on_auth_deadline(boost::beast::error_code ec);
    void arm_idle_timer();
    void on_idle_check(boost::beast::error_code ec);
    void abort_connection();
    void finish();  // undoes the registrations once the connection has ended

    // ws_session_protocol.cpp: the messages.
    void handle_message(std::string_view text, bool binary);
    void handle_auth(const proto::ClientMessage& message);
    void on_player_found(StoreStatus status, PlayerRecord record);
    void on_ship_ready(std::uint32_t ship_id);
    void handle_joined(const proto::ClientMessage& message, double now_s);

    void send_message(const proto::ServerMessage& message);
    void send_error(proto::ErrorCode code, std::string message, std::uint32_t seq = 0);

    boost::beast::websocket::stream<boost::beast::tcp_stream> ws_;
    WsContext* context_;
    std::string remote_ip_;
    HttpRequest upgrade_;               // kept: async_accept reads it until it completes
    boost::beast::flat_buffer buffer_;  // the message being read
    Phase phase_ = Phase::Admission;

    // Registrations to undo in finish().
    bool counted_connection_ = false;
    bool finished_ = false;
    std::uint64_t session_id_ = 0;  // from the registry once joined

    // The authenticated player.
    std::int64_t player_id_ = 0;
    std::string username_;
    std::uint32_t stored_ship_id_ = 0;  // as in the players table
    std::uint32_t ship_id_ = 0;

    SlidingWindowLimiter message_limiter_{proto::kMaxMessagesPerSecond, 1.0};  // E011
    // Counts the messages past the limit too: the 2x-limit-th message within a second closes the
    // connection (PROTOCOL.md: 100 within one second).
    SlidingWindowLimiter flood_limiter_{2 * proto::kMaxMessagesPerSecond - 1, 1.0};
    SlidingWindowLimiter chat_limiter_{proto::kMaxChatPerSecond, 1.0};  // E018
    SlidingWindowLimiter keyframe_limiter_{1, 1.0};                     // keyframe requests

    WsSendQueue queue_;
    bool writing_ = false;  // the queue's front is being written
    bool ping_in_flight_ = false;
    // Sent once the queue has drained (Beast allows no close while a write or ping is pending).
    std::optional<boost::beast::websocket::close_reason> pending_close_;
    bool close_started_ = false;

    // Idle detection: anything received (message or control frame) resets it.
    double last_received_s_ = 0.0;
    bool pinged_since_received_ = false;

    boost::asio::steady_timer auth_timer_;   // kHandshakeTimeout_s from the upgrade to a good auth
    boost::asio::steady_timer idle_timer_;   // pings at half the idle timeout, 4007 at all of it
    boost::asio::steady_timer close_timer_;  // a close that cannot finish (peer not reading)
};

}  // namespace galaxy::server
