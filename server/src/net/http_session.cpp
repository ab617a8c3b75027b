#include "net/http_session.hpp"

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <utility>

#include "core/log.hpp"
#include "core/metrics.hpp"
#include "net/api_validation.hpp"
#include "net/http_response.hpp"
#include "net/http_routes.hpp"
#include "net/ws_session.hpp"

namespace galaxy::server {

namespace beast = boost::beast;
namespace http = beast::http;
using tcp = boost::asio::ip::tcp;

namespace {

constexpr std::size_t kLingerChunkBytes = 4096;
constexpr std::size_t kMaxLingerBytes = 1 << 20;  // read at most this much before closing

std::chrono::steady_clock::duration seconds(double s) {
    return std::chrono::duration_cast<std::chrono::steady_clock::duration>(
        std::chrono::duration<double>(s));
}

bool is_http_parse_error(const beast::error_code& ec) {
    return ec.category() == http::make_error_code(http::error::bad_target).category();
}

class HttpSession : public std::enable_shared_from_this<HttpSession> {
public:
    HttpSession(tcp::socket socket, const GatewayContext* context)
        : stream_(std::move(socket)), strand_(stream_.get_executor()), context_(context) {
        beast::error_code ec;
        const tcp::endpoint peer = stream_.socket().remote_endpoint(ec);
        if (!ec) ip_ = peer.address().to_string();
    }

    void run() {
        // The socket's executor is this session's strand; start there.
        boost::asio::dispatch(
            stream_.get_executor(),
            beast::bind_front_handler(&HttpSession::read_request, shared_from_this()));
    }

private:
    void read_request() {
        parser_.emplace();
        // Only the account API takes bodies, all small: a larger one is refused (413) before
        // it is read.
        parser_->body_limit(kMaxApiBodyBytes);
        stream_.expires_after(seconds(kHttpRequestTimeout_s));
        http::async_read(stream_, buffer_, *parser_,
                         beast::bind_front_handler(&HttpSession::on_read, shared_from_this()));
    }

    void on_read(beast::error_code ec, std::size_t) {
        if (ec) return on_read_error(ec);
        HttpRequest request = parser_->release();
        begin_request(request);
        const bool ws_path = target_path(request.target()) == "/ws";
        if (beast::websocket::is_upgrade(request) && ws_path) {
            // The WebSocket session decides the status (101, or 403/429/503) and logs it.
            log_event(LogLevel::Info, "http_upgrade", {{"path", path_}, {"ip", ip_}});
            // It also sets its own timeouts.
            stream_.expires_never();
            run_ws_session(std::move(stream_), std::move(request), context_->ws, ip_);
            return;
        }
        auto self = shared_from_this();
        context_->routes->handle(std::move(request), ip_, [self](HttpResponse res) {
            boost::asio::post(self->strand_, [self, res = std::move(res)]() mutable {
                self->send(std::move(res));
            });
        });
    }

    void on_read_error(const beast::error_code& ec) {
        if (ec == http::error::body_limit || ec == http::error::header_limit) {
            if (parser_->is_header_done()) begin_request(parser_->get());
            const bool body = ec == http::error::body_limit;
            close_after_ = true;
            send(error_response(body ? http::status::payload_too_large
                                     : http::status::request_header_fields_too_large,
                                proto::ErrorCode::PayloadTooLarge,
                                body ? "body is larger than 16 KiB" : "headers are too large"));
            return;
        }
        if (is_http_parse_error(ec) && ec != http::error::end_of_stream &&
            ec != http::error::partial_message) {
            close_after_ = true;
            send(plain_error_page(http::status::bad_request));
            return;
        }
        // End of stream, timeout, reset: nothing to answer.
        close();
    }

    // Remembers what the log line and the response need from the request.
    void begin_request(const HttpRequest& request) {
        start_ = std::chrono::steady_clock::now();
        method_ = std::string(request.method_string());
        // The query is not logged: it is not needed, and a client might put a secret there.
        path_ = std::string(target_path(request.target()));
        version_ = request.version();
        keep_alive_ = request.keep_alive();
        head_ = request.method() == http::verb::head;
        context_->metrics->http_requests_total.fetch_add(1, std::memory_order_relaxed);
    }

    void send(HttpResponse res) {
        res.version(version_);
        res.keep_alive(keep_alive_ && !close_after_);
        res.set(http::field::server, "galaxy-server");
        const std::size_t bytes = res.body().size();
        if (head_) {
            res.content_length(bytes);
            res.body().clear();
        } else {
            res.prepare_payload();
        }
        // Logged before the write, so the line exists by the time the client has its answer.
        log_request(res.result_int(), bytes);
        response_.emplace(std::move(res));
        stream_.expires_after(seconds(kHttpWriteTimeout_s));
        http::async_write(stream_, *response_,
                          beast::bind_front_handler(&HttpSession::on_write, shared_from_this()));
    }

    void on_write(beast::error_code ec, std::size_t) {
        const bool eof = response_->need_eof();
        response_.reset();
        if (ec) return;
        if (eof) return close();
        read_request();
    }

    void log_request(unsigned status, std::size_t bytes) const {
        const double duration_ms =
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start_)
                .count();
        log_event(LogLevel::Info, "http_request",
                  {{"method", method_},
                   {"path", path_},
                   {"status", status},
                   {"duration_ms", duration_ms},
                   {"ip", ip_},
                   {"bytes", bytes}});
    }

    // Half-closes, then reads until the client closes too: closing with unread bytes (the
    // rest of a refused body) would reset the connection and could destroy the answer
    // before the client reads it.
    void close() {
        beast::error_code ec;
        stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
        if (ec) return;
        stream_.expires_after(seconds(kHttpLingerTimeout_s));
        linger();
    }

    void linger() {
        buffer_.clear();
        stream_.async_read_some(
            buffer_.prepare(kLingerChunkBytes),
            beast::bind_front_handler(&HttpSession::on_linger, shared_from_this()));
    }

    void on_linger(beast::error_code ec, std::size_t bytes) {
        lingered_ += bytes;
        if (ec || lingered_ > kMaxLingerBytes) return;  // the socket closes with the session
        linger();
    }

    beast::tcp_stream stream_;
    // The socket's strand, kept apart so that answers from other threads can be posted to it
    // without touching the stream.
    const beast::tcp_stream::executor_type strand_;
    beast::flat_buffer buffer_;
    const GatewayContext* context_;
    std::string ip_;
    std::optional<http::request_parser<http::string_body>> parser_;
    std::optional<HttpResponse> response_;  // the one response being written

    // The request being answered.
    std::chrono::steady_clock::time_point start_;
    std::string method_;
    std::string path_;
    unsigned version_ = 11;
    bool keep_alive_ = false;
    bool head_ = false;
    bool close_after_ = false;  // the request could not be read whole: close after answering
    std::size_t lingered_ = 0;
};

}  // namespace

void run_http_session(tcp::socket socket, const GatewayContext* context) {
    std::make_shared<HttpSession>(std::move(socket), context)->run();
}

}  // namespace galaxy::server
