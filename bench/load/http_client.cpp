#include "http_client.hpp"

#include <chrono>
#include <cstdlib>
#include <utility>

namespace galaxy::load {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

HttpClient::HttpClient(std::string host, std::uint16_t port, double timeout_s)
    : host_(std::move(host)), port_(port), timeout_s_(timeout_s), stream_(io_) {}

bool HttpClient::connect(std::string* error) {
    beast::error_code ec;
    stream_.socket().close(ec);
    buffer_.clear();
    tcp::resolver resolver(io_);
    const auto endpoints = resolver.resolve(host_, std::to_string(port_), ec);
    if (ec) {
        *error = "resolve " + host_ + ": " + ec.message();
        return false;
    }
    // The async form is used throughout because tcp_stream's timeout applies only to async
    // operations; io_.run() makes each call synchronous.
    stream_.expires_after(std::chrono::duration_cast<std::chrono::steady_clock::duration>(
        std::chrono::duration<double>(timeout_s_)));
    stream_.async_connect(endpoints, [&ec](beast::error_code e, const tcp::endpoint&) { ec = e; });
    io_.restart();
    io_.run();
    if (ec) {
        *error = "connect: " + ec.message();
        return false;
    }
    connected_ = true;
    return true;
}

bool HttpClient::exchange(http::verb method, const std::string& target, const std::string& body,
                          HttpResponse* out, std::string* error) {
    http::request<http::string_body> req{method, target, 11};
    req.set(http::field::host, host_ + ":" + std::to_string(port_));
    req.set(http::field::user_agent, "galaxy-load");
    if (!body.empty()) {
        req.set(http::field::content_type, "application/json");
        req.body() = body;
    }
    req.prepare_payload();
    http::response<http::string_body> res;
    beast::error_code ec;
    stream_.expires_after(std::chrono::duration_cast<std::chrono::steady_clock::duration>(
        std::chrono::duration<double>(timeout_s_)));
    http::async_write(stream_, req, [&](beast::error_code e, std::size_t) {
        ec = e;
        if (!e) http::async_read(stream_, buffer_, res, [&ec](beast::error_code r, std::size_t) { ec = r; });
    });
    io_.restart();
    io_.run();
    if (ec) {
        connected_ = false;
        *error = std::string(to_string(method)) + " " + target + ": " + ec.message();
        return false;
    }
    out->status = static_cast<int>(res.result_int());
    out->body = std::move(res.body());
    out->retry_after_s = 0.0;
    if (const auto it = res.find(http::field::retry_after); it != res.end()) {
        out->retry_after_s = std::atof(std::string(it->value()).c_str());
    }
    if (!res.keep_alive()) connected_ = false;
    return true;
}

bool HttpClient::request(http::verb method, const std::string& target, const std::string& body,
                         HttpResponse* out, std::string* error) {
    const bool reused = connected_;
    if (!connected_ && !connect(error)) return false;
    if (exchange(method, target, body, out, error)) return true;
    // A kept-alive connection the server closed in the meantime fails on first use: retry once
    // on a fresh one. A fresh connection that fails is a real failure.
    if (!reused || !connect(error)) return false;
    return exchange(method, target, body, out, error);
}

}  // namespace galaxy::load
