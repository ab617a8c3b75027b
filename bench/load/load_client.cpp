#include "load_client.hpp"

#include <utility>

#include "galaxy/proto/client_message.hpp"
#include "galaxy/proto/protocol.hpp"
#include "galaxy/proto/server_message.hpp"
#include "galaxy/proto/sync.hpp"
#include "update_header.hpp"

namespace galaxy::load {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace websocket = beast::websocket;

namespace {

constexpr auto kConnectTimeout = std::chrono::seconds(15);
// How often a client waiting for a join slot looks again.
constexpr auto kJoinSlotPoll = std::chrono::milliseconds(20);
// A read buffer that grew past this (a keyframe) is released after use: thousands of idle
// keyframe-sized buffers would hold gigabytes.
constexpr std::size_t kMaxKeptBufferBytes = 64 * 1024;

// Size of the header of an unmasked (server -> client) WebSocket frame carrying n bytes.
std::uint64_t frame_header_bytes(std::size_t n) {
    if (n < 126) return 2;
    if (n < 65536) return 4;
    return 10;
}

std::int64_t unix_time_us() {
    return std::chrono::duration_cast<std::chrono::microseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

}  // namespace

LoadClient::LoadClient(asio::io_context& io, asio::ip::tcp::endpoint endpoint,
                       std::string host_header, LoadClientDef def, RunControl* run)
    : ws_(asio::make_strand(io)),
      endpoint_(endpoint),
      host_header_(std::move(host_header)),
      def_(std::move(def)),
      run_(run),
      start_timer_(ws_.get_executor()),
      control_timer_(ws_.get_executor()),
      rng_(0x9e3779b97f4a7c15ULL ^ static_cast<std::uint64_t>(def_.index)) {}

void LoadClient::start() {
    start_timer_.expires_after(std::chrono::duration_cast<Clock::duration>(
        std::chrono::duration<double>(def_.start_delay_s)));
    start_timer_.async_wait([self = shared_from_this()](beast::error_code ec) {
        if (!ec) self->on_start();
    });
}

void LoadClient::on_start() {
    if (closing_) return;
    // Joins in flight are bounded: a keyframe grows with the world, and thousands of them
    // streamed at once would finish none (and hold every partial one in memory).
    if (run_->joining.fetch_add(1) >= run_->max_joining) {
        --run_->joining;
        start_timer_.expires_after(kJoinSlotPoll);
        start_timer_.async_wait([self = shared_from_this()](beast::error_code ec) {
            if (!ec) self->on_start();
        });
        return;
    }
    in_joining_ = true;
    beast::get_lowest_layer(ws_).expires_after(kConnectTimeout);
    beast::get_lowest_layer(ws_).async_connect(
        endpoint_, [self = shared_from_this()](beast::error_code ec) { self->on_connect(ec); });
}

void LoadClient::on_connect(beast::error_code ec) {
    if (ec) return end("connect: " + ec.message());
    // The WebSocket layer's own timeouts take over from the TCP stream's.
    beast::get_lowest_layer(ws_).expires_never();
    ws_.set_option(websocket::stream_base::timeout::suggested(beast::role_type::client));
    ws_.set_option(websocket::stream_base::decorator([](websocket::request_type& req) {
        req.set(beast::http::field::user_agent, "galaxy-load");
    }));
    ws_.read_message_max(64 * 1024 * 1024);   // keyframes of large worlds are big
    ws_.async_handshake(handshake_response_, host_header_, "/ws",
                        [self = shared_from_this()](beast::error_code e) { self->on_handshake(e); });
}

void LoadClient::on_handshake(beast::error_code ec) {
    if (ec == websocket::error::upgrade_declined) {
        return end("handshake: HTTP " + std::to_string(handshake_response_.result_int()) + " " +
                   std::string(handshake_response_.body()));
    }
    if (ec) return end("handshake: " + ec.message());
    handshake_response_ = {};
    proto::ClientMessage auth;
    auth.type = proto::ClientMessageType::Auth;
    auth.token = def_.token;
    auth.protocol_version = proto::kProtocolVersion;
    send(proto::encode_client_message(auth));
    read_next();
}

void LoadClient::read_next() {
    ws_.async_read(buffer_, [self = shared_from_this()](beast::error_code ec, std::size_t bytes) {
        self->on_read(ec, bytes);
    });
}

void LoadClient::on_read(beast::error_code ec, std::size_t bytes) {
    if (ec == websocket::error::closed) {
        outcome_.close_code = ws_.reason().code;
        outcome_.close_reason = std::string(ws_.reason().reason.c_str());
        outcome_.closed_by_server = !closing_;
        return end("");
    }
    if (ec) return end(closing_ ? "" : "read: " + ec.message());
    if (ws_.got_text()) {
        if (run_->measuring.load(std::memory_order_relaxed)) {
            stats_.text_bytes += bytes;
            stats_.frame_header_bytes += frame_header_bytes(bytes);
            ++stats_.text_messages;
        }
        on_text(beast::buffers_to_string(buffer_.data()));
    } else {
        const auto* data = static_cast<const std::uint8_t*>(buffer_.cdata().data());
        on_binary(data, buffer_.size());
    }
    buffer_.consume(buffer_.size());
    if (buffer_.capacity() > kMaxKeptBufferBytes) buffer_.shrink_to_fit();
    read_next();
}

void LoadClient::on_text(const std::string& text) {
    proto::ServerMessage message;
    proto::DecodeError error;
    if (!proto::decode_server_message(text, &message, &error)) {
        ++outcome_.errors["undecodable text"];
        return;
    }
    const bool measuring = run_->measuring.load(std::memory_order_relaxed);
    switch (message.type) {
    case proto::ServerMessageType::Welcome: {
        double expected = 0.0;
        run_->tick_rate_hz.compare_exchange_strong(expected, message.tick_rate_hz);
        break;
    }
    case proto::ServerMessageType::Ack: {
        const auto it = unacked_.find(message.seq);
        // unacked_ holds only controls sent in the window; their acks count even when they
        // arrive just after it, so that the ack ratio is not biased by the window's end.
        if (it != unacked_.end()) {
            ++stats_.acks;
            stats_.ack_latency_us.push_back(
                std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - it->second)
                    .count());
            unacked_.erase(it);
        }
        break;
    }
    case proto::ServerMessageType::Error:
        ++outcome_.errors[proto::error_code_string(message.code)];
        if (message.seq != 0) unacked_.erase(message.seq);
        break;
    case proto::ServerMessageType::Event:
        if (measuring) ++stats_.events;
        break;
    case proto::ServerMessageType::Pong:
    case proto::ServerMessageType::Chat:
        break;
    }
}

void LoadClient::on_binary(const std::uint8_t* data, std::size_t size) {
    const bool measuring = run_->measuring.load(std::memory_order_relaxed);
    if (size > 0 && data[0] == proto::kFrameKeyframe) {
        if (measuring) {
            ++stats_.keyframes;
            stats_.keyframe_bytes += size;
        }
        if (def_.capture_keyframes) {
            const std::lock_guard lock(run_->keyframe_mutex);
            run_->keyframe.assign(data, data + size);
            ++run_->keyframes_captured;
            run_->keyframe_arrived.notify_all();
        }
        if (!outcome_.joined) {
            outcome_.joined = true;
            ++run_->joined;
            leave_joining();
            schedule_control();
        }
        return;
    }
    if (!measuring) return;
    stats_.update_bytes += size;
    stats_.frame_header_bytes += frame_header_bytes(size);
    UpdateHeader header;
    if (!read_update_header(data, size, &header)) {
        ++stats_.decode_failures;
        return;
    }
    ++stats_.updates;
    stats_.ticks += header.tick_count;
    if (header.has_hash) ++stats_.hashes;
    stats_.update_latency_us.push_back(unix_time_us() -
                                       static_cast<std::int64_t>(header.server_time_us));
    if (!def_.full_decode) return;
    proto::Update update;
    proto::DecodeError error;
    if (!proto::decode_update(data, size, &update, &error) ||
        update.ticks.size() != header.tick_count || update.server_time_us != header.server_time_us) {
        ++stats_.decode_failures;
        return;
    }
    stats_.decoded_ticks += update.ticks.size();
    for (const auto& tick : update.ticks) stats_.commands += tick.commands.size();
}

void LoadClient::schedule_control() {
    if (def_.control_interval_s <= 0.0 || closing_) return;
    // Uniform within +-50% of the mean: human-like irregular input that does not synchronise
    // the clients into bursts.
    std::uniform_real_distribution<double> jitter(0.5, 1.5);
    control_timer_.expires_after(std::chrono::duration_cast<Clock::duration>(
        std::chrono::duration<double>(def_.control_interval_s * jitter(rng_))));
    control_timer_.async_wait([self = shared_from_this()](beast::error_code ec) {
        if (ec) return;
        self->send_control();
        self->schedule_control();
    });
}

void LoadClient::send_control() {
    if (closing_ || ended_) return;
    // Attitude modes that need no target, so that the world accepts every command.
    constexpr sim::AttitudeMode kModes[] = {
        sim::AttitudeMode::Hold,   sim::AttitudeMode::Prograde,   sim::AttitudeMode::Retrograde,
        sim::AttitudeMode::Normal, sim::AttitudeMode::AntiNormal, sim::AttitudeMode::RadialIn,
        sim::AttitudeMode::RadialOut};
    proto::ClientMessage control;
    control.type = proto::ClientMessageType::Control;
    control.seq = next_seq_++;
    control.throttle = std::uniform_real_distribution<double>(0.0, 1.0)(rng_);
    control.attitude = kModes[std::uniform_int_distribution<std::size_t>(0, std::size(kModes) - 1)(rng_)];
    if (run_->measuring.load(std::memory_order_relaxed)) {
        ++stats_.controls_sent;
        unacked_[control.seq] = Clock::now();
    }
    send(proto::encode_client_message(control));
}

void LoadClient::request_keyframe() {
    asio::post(ws_.get_executor(), [self = shared_from_this()] {
        if (self->closing_ || self->ended_) return;
        proto::ClientMessage request;
        request.type = proto::ClientMessageType::KeyframeRequest;
        self->send(proto::encode_client_message(request));
    });
}

void LoadClient::send(std::string text) {
    queue_.push_back(std::move(text));
    if (queue_.size() == 1) write_next();
}

void LoadClient::write_next() {
    ws_.text(true);
    ws_.async_write(asio::buffer(queue_.front()),
                    [self = shared_from_this()](beast::error_code ec, std::size_t) {
                        if (ec) return self->end(self->closing_ ? "" : "write: " + ec.message());
                        self->queue_.pop_front();
                        if (!self->queue_.empty()) self->write_next();
                    });
}

void LoadClient::close() {
    asio::post(ws_.get_executor(), [self = shared_from_this()] {
        if (self->closing_) return;
        self->closing_ = true;
        self->start_timer_.cancel();
        self->control_timer_.cancel();
        if (self->ended_) return;
        if (!self->ws_.is_open()) {
            // Not connected yet (still waiting to start or connecting): nothing to close.
            beast::get_lowest_layer(self->ws_).cancel();
            return self->end("");
        }
        // Beast suspends the close behind a write in flight; the pending read then ends with
        // error::closed when the server's close frame arrives.
        self->ws_.async_close(websocket::close_code::normal, [self](beast::error_code) {});
    });
}

void LoadClient::leave_joining() {
    if (!in_joining_) return;
    in_joining_ = false;
    --run_->joining;
}

void LoadClient::end(std::string failure) {
    if (ended_) return;
    ended_ = true;
    leave_joining();
    control_timer_.cancel();
    if (!failure.empty()) outcome_.failure = std::move(failure);
    ++run_->ended;
}

}  // namespace galaxy::load
