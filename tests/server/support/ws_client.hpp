// A small WebSocket client for tests of the player gateway (Beast). It reads all the time in
// the background of its own io_context, which runs only inside its calls: read() waits for the
// next message up to a deadline without ever breaking the stream, and a client that makes no
// calls neither reads nor answers pings (an unresponsive client).
#pragma once

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <deque>
#include <map>
#include <optional>
#include <string>
#include <utility>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/websocket.hpp>

#include "galaxy/proto/server_message.hpp"

namespace galaxy::test {

struct WsFrame {
    bool binary = false;
    std::string data;
};

class WsClient {
public:
    using Headers = std::map<std::string, std::string>;

    WsClient() : ws_(io_) {}

    // Opens ws://127.0.0.1:port/ws with extra upgrade headers (e.g. Origin). False when the
    // server refuses; refused_status is then its HTTP status (0 = no answer), refused_body its
    // body.
    bool connect(std::uint16_t port, const Headers& headers = {}, double timeout_s = 10.0) {
        namespace websocket = boost::beast::websocket;
        boost::beast::error_code ec;
        bool done = false;
        auto& tcp = boost::beast::get_lowest_layer(ws_);
        tcp.expires_after(duration(timeout_s));
        const boost::asio::ip::tcp::endpoint endpoint(boost::asio::ip::make_address("127.0.0.1"),
                                                      port);
        ws_.set_option(websocket::stream_base::decorator([headers](websocket::request_type& req) {
            for (const auto& [name, value] : headers) req.set(name, value);
        }));
        tcp.async_connect(endpoint, [&](boost::beast::error_code e) {
            if (e) {
                ec = e;
                done = true;
                return;
            }
            ws_.async_handshake(handshake_response_, "127.0.0.1:" + std::to_string(port), "/ws",
                                [&](boost::beast::error_code h) {
                                    ec = h;
                                    done = true;
                                });
        });
        run_until([&] { return done; }, timeout_s);
        if (!done || ec) {
            refused_status = static_cast<int>(handshake_response_.result_int());
            refused_body = handshake_response_.body();
            return false;
        }
        tcp.expires_never();
        read_next();
        return true;
    }

    // Sends one message; false if the connection failed.
    bool send_text(const std::string& text) { return write(text, false); }
    bool send_binary(const std::string& bytes) { return write(bytes, true); }

    // Sends one text message as frames of frame_bytes each; false if the connection failed.
    bool send_fragmented(const std::string& text, std::size_t frame_bytes) {
        ws_.text(true);
        for (std::size_t offset = 0; offset < text.size(); offset += frame_bytes) {
            const std::size_t n = std::min(frame_bytes, text.size() - offset);
            bool done = false;
            boost::beast::error_code ec;
            ws_.async_write_some(offset + n == text.size(),
                                 boost::asio::buffer(text.data() + offset, n),
                                 [&](boost::beast::error_code e, std::size_t) {
                                     ec = e;
                                     done = true;
                                 });
            run_until([&] { return done; }, 10.0);
            if (!done || ec) return false;
        }
        return true;
    }

    // The next message, waiting up to timeout_s; nullopt on timeout or once closed.
    std::optional<WsFrame> read(double timeout_s = 10.0) {
        run_until([&] { return !received_.empty() || closed_; }, timeout_s);
        if (received_.empty()) return std::nullopt;
        WsFrame frame = std::move(received_.front());
        received_.pop_front();
        return frame;
    }

    // The next text message of the given type (others are skipped), decoded.
    std::optional<proto::ServerMessage> read_message(proto::ServerMessageType type,
                                                     double timeout_s = 10.0) {
        const auto deadline = std::chrono::steady_clock::now() + duration(timeout_s);
        while (std::chrono::steady_clock::now() < deadline) {
            const double left =
                std::chrono::duration<double>(deadline - std::chrono::steady_clock::now()).count();
            std::optional<WsFrame> frame = read(left);
            if (!frame) return std::nullopt;
            if (frame->binary) continue;
            proto::ServerMessage message;
            proto::DecodeError error;
            if (proto::decode_server_message(frame->data, &message, &error) &&
                message.type == type) {
                return message;
            }
        }
        return std::nullopt;
    }

    // The next binary message (text messages are skipped).
    std::optional<std::string> read_binary(double timeout_s = 10.0) {
        const auto deadline = std::chrono::steady_clock::now() + duration(timeout_s);
        while (std::chrono::steady_clock::now() < deadline) {
            const double left =
                std::chrono::duration<double>(deadline - std::chrono::steady_clock::now()).count();
            std::optional<WsFrame> frame = read(left);
            if (!frame) return std::nullopt;
            if (frame->binary) return std::move(frame->data);
        }
        return std::nullopt;
    }

    // Reads (and discards) until the server closes; true once closed within timeout_s.
    bool wait_closed(double timeout_s = 10.0) {
        run_until([&] { return closed_; }, timeout_s);
        return closed_;
    }

    // Sends a close frame and waits for the server's answer.
    void close(double timeout_s = 5.0) {
        if (closed_) return;
        bool done = false;
        ws_.async_close(boost::beast::websocket::close_code::normal,
                        [&](boost::beast::error_code) { done = true; });
        run_until([&] { return done && closed_; }, timeout_s);
    }

    bool closed() const { return closed_; }
    // The server's close frame: code (0 = the connection dropped without one) and reason.
    std::uint16_t close_code() const { return close_code_; }
    const std::string& close_reason() const { return close_reason_; }
    // Pings the server sent (counted while the client runs).
    int pings_received() const { return pings_; }

    int refused_status = 0;
    std::string refused_body;

private:
    static std::chrono::steady_clock::duration duration(double s) {
        return std::chrono::duration_cast<std::chrono::steady_clock::duration>(
            std::chrono::duration<double>(s));
    }

    void read_next() {
        ws_.control_callback(
            [this](boost::beast::websocket::frame_type kind, boost::beast::string_view) {
                if (kind == boost::beast::websocket::frame_type::ping) ++pings_;
            });
        ws_.async_read(buffer_, [this](boost::beast::error_code ec, std::size_t) {
            if (ec) {
                closed_ = true;
                close_code_ = ws_.reason().code;
                close_reason_ = std::string(ws_.reason().reason.data(), ws_.reason().reason.size());
                return;
            }
            const auto data = buffer_.data();
            received_.push_back({ws_.got_binary(),
                                 std::string(static_cast<const char*>(data.data()), data.size())});
            buffer_.consume(buffer_.size());
            read_next();
        });
    }

    bool write(const std::string& bytes, bool binary) {
        if (closed_) return false;
        bool done = false;
        boost::beast::error_code ec;
        ws_.binary(binary);
        ws_.async_write(boost::asio::buffer(bytes), [&](boost::beast::error_code e, std::size_t) {
            ec = e;
            done = true;
        });
        run_until([&] { return done; }, 10.0);
        return done && !ec;
    }

    template <class Condition>
    void run_until(Condition condition, double timeout_s) {
        const auto deadline = std::chrono::steady_clock::now() + duration(timeout_s);
        io_.restart();
        while (!condition()) {
            const auto now = std::chrono::steady_clock::now();
            if (now >= deadline) break;
            if (io_.run_one_for(deadline - now) == 0 && io_.stopped()) break;
        }
    }

    boost::asio::io_context io_;
    boost::beast::websocket::stream<boost::beast::tcp_stream> ws_;
    boost::beast::websocket::response_type handshake_response_;
    boost::beast::flat_buffer buffer_;
    std::deque<WsFrame> received_;
    bool closed_ = false;
    std::uint16_t close_code_ = 0;
    std::string close_reason_;
    int pings_ = 0;
};

}  // namespace galaxy::test
