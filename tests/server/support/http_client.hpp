// A tiny synchronous HTTP/1.1 client for tests of the gateway (Beast). Every operation has a
// deadline (tcp_stream timeouts apply to async operations, so each call runs its own
// io_context until done). One client keeps its connection alive between requests.
#pragma once

#include <cctype>
#include <chrono>
#include <cstdint>
#include <map>
#include <string>
#include <utility>

#include "net/asio.hpp"  // before any other Boost header: see there

#include <boost/asio/write.hpp>
#include <nlohmann/json.hpp>

namespace galaxy::test {

struct HttpResult {
    int status = 0;     // 0: no answer (see error)
    std::string error;  // transport failure
    std::string body;
    std::map<std::string, std::string> headers;  // names in lower case
    bool keep_alive = false;

    std::string header(const std::string& lower_name) const {
        const auto it = headers.find(lower_name);
        return it == headers.end() ? std::string() : it->second;
    }
    nlohmann::json json() const { return nlohmann::json::parse(body, nullptr, false); }
    std::string code() const {  // "E0xx" of an error body, or ""
        const nlohmann::json j = json();
        return j.is_object() && j.contains("code") && j["code"].is_string()
                   ? j["code"].get<std::string>()
                   : std::string();
    }
};

using HttpHeaders = std::map<std::string, std::string>;

class HttpClient {
public:
    explicit HttpClient(std::uint16_t port, double timeout_s = 10.0)
        : port_(port),
          timeout_(std::chrono::duration_cast<std::chrono::steady_clock::duration>(
              std::chrono::duration<double>(timeout_s))),
          stream_(io_) {}

    // Sends one request (Content-Type application/json when there is a body; headers replace
    // it, an empty value removes it) and reads the answer; reconnects when the previous
    // answer closed the connection.
    HttpResult request(boost::beast::http::verb method, const std::string& target,
                       const std::string& body = {}, const HttpHeaders& headers = {}) {
        namespace http = boost::beast::http;
        HttpResult result;
        if (!connected_ && !connect(&result.error)) return result;
        http::request<http::string_body> req{method, target, 11};
        req.set(http::field::host, "127.0.0.1:" + std::to_string(port_));
        if (!body.empty()) req.set(http::field::content_type, "application/json");
        for (const auto& [name, value] : headers) {
            if (value.empty()) {
                req.erase(name);  // an empty value removes a default header
            } else {
                req.set(name, value);
            }
        }
        req.body() = body;
        req.prepare_payload();
        http::response_parser<http::string_body> parser;
        parser.body_limit(64 * 1024 * 1024);
        if (method == http::verb::head) parser.skip(true);
        boost::beast::error_code ec;
        stream_.expires_after(timeout_);
        http::async_write(stream_, req, [&](boost::beast::error_code e, std::size_t) {
            ec = e;
            if (!e) {
                http::async_read(stream_, buffer_, parser,
                                 [&ec](boost::beast::error_code r, std::size_t) { ec = r; });
            }
        });
        run();
        if (ec) {
            connected_ = false;
            result.error = ec.message();
            return result;
        }
        const auto& res = parser.get();
        result.status = static_cast<int>(res.result_int());
        result.body = res.body();
        result.keep_alive = res.keep_alive();
        for (const auto& field : res) {
            std::string name(field.name_string());
            for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            result.headers[name] = std::string(field.value());
        }
        if (!res.keep_alive()) connected_ = false;
        return result;
    }

    // Writes raw bytes on a fresh connection and returns everything the server sends until
    // it closes (or the deadline passes). For requests a normal client would not send.
    std::string raw(const std::string& bytes) {
        std::string error;
        connected_ = false;
        if (!connect(&error)) return {};
        std::string received;
        boost::beast::flat_buffer buffer;
        stream_.expires_after(timeout_);
        boost::asio::async_write(stream_, boost::asio::buffer(bytes),
                                 [&](boost::beast::error_code e, std::size_t) {
                                     if (!e) read_all(&buffer);
                                 });
        run();
        connected_ = false;
        const auto data = buffer.data();
        return std::string(static_cast<const char*>(data.data()), data.size());
    }

private:
    bool connect(std::string* error) {
        boost::beast::error_code ec;
        stream_.socket().close(ec);
        buffer_.clear();
        stream_.expires_after(timeout_);
        const boost::asio::ip::tcp::endpoint endpoint(boost::asio::ip::make_address("127.0.0.1"),
                                                      port_);
        stream_.async_connect(endpoint, [&ec](boost::beast::error_code e) { ec = e; });
        run();
        if (ec) {
            *error = "connect: " + ec.message();
            return false;
        }
        connected_ = true;
        return true;
    }

    void read_all(boost::beast::flat_buffer* buffer) {
        stream_.async_read_some(buffer->prepare(4096),
                                [this, buffer](boost::beast::error_code e, std::size_t n) {
                                    buffer->commit(n);
                                    if (!e) read_all(buffer);
                                });
    }

    void run() {
        io_.restart();
        io_.run();
    }

    std::uint16_t port_;
    std::chrono::steady_clock::duration timeout_;
    boost::asio::io_context io_;
    boost::beast::tcp_stream stream_;
    boost::beast::flat_buffer buffer_;
    bool connected_ = false;
};

// One request on a fresh connection.
inline HttpResult http_request(std::uint16_t port, boost::beast::http::verb method,
                               const std::string& target, const std::string& body = {},
                               const HttpHeaders& headers = {}) {
    HttpClient client(port);
    return client.request(method, target, body, headers);
}

}  // namespace galaxy::test
