// A small synchronous HTTP/1.1 client (Boost.Beast) for the REST API and /metrics: one
// keep-alive connection, reopened when the server closes it, every request bounded by a timeout.
#pragma once

#include <cstdint>
#include <string>

#include "boost_net.hpp"

namespace galaxy::load {

struct HttpResponse {
    int status = 0;            // HTTP status code
    std::string body;
    double retry_after_s = 0;  // Retry-After header in seconds; 0 when absent
};

class HttpClient {
public:
    // timeout_s bounds each request (connect + write + read).
    HttpClient(std::string host, std::uint16_t port, double timeout_s = 30.0);

    // Sends one request (body as application/json when not empty). Returns false with a
    // message in *error when no response arrived; an HTTP error status is a response.
    bool request(boost::beast::http::verb method, const std::string& target,
                 const std::string& body, HttpResponse* out, std::string* error);

private:
    bool connect(std::string* error);
    bool exchange(boost::beast::http::verb method, const std::string& target,
                  const std::string& body, HttpResponse* out, std::string* error);

    std::string host_;
    std::uint16_t port_;
    double timeout_s_;
    boost::asio::io_context io_;
    boost::beast::tcp_stream stream_;
    boost::beast::flat_buffer buffer_;
    bool connected_ = false;
};

}  // namespace galaxy::load
