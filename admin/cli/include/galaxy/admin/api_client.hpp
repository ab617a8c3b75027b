// A synchronous HTTP/1.1 client of the admin API (Boost.Beast, plain http:// only: reach a
// server in a cluster through `kubectl port-forward`). One connection is kept alive between
// requests; every phase has a deadline.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace galaxy::admin {

inline constexpr double kConnectTimeout_s = 5.0;   // name resolution and TCP connect
inline constexpr double kRequestTimeout_s = 30.0;  // writing a request and reading its answer

// http://host[:port][/prefix] split up.
struct BaseUrl {
    std::string host;         // name or IPv4 address
    std::uint16_t port = 80;  // default 80
    std::string prefix;       // path before /api, without a trailing slash ("" by default)
};

// Parses a base URL; false with a one-line *error (https:// is refused with a hint).
bool parse_base_url(std::string_view url, BaseUrl* out, std::string* error);

// One answer, or why there was none.
struct ApiResponse {
    int status = 0;               // HTTP status; 0 when no answer came (see transport_error)
    std::string transport_error;  // "cannot connect to localhost:8000: Connection refused"
    nlohmann::json body;          // the parsed JSON answer; discarded (null) when not JSON
    std::string raw_body;         // the answer as received

    bool ok() const { return status >= 200 && status < 300; }
    std::string error_code() const;     // "E024" of an error body, or ""
    std::string error_message() const;  // its "message", or the raw body's first line
};

class ApiClient {
public:
    explicit ApiClient(BaseUrl base, double connect_timeout_s = kConnectTimeout_s,
                       double request_timeout_s = kRequestTimeout_s);
    ~ApiClient();
    ApiClient(const ApiClient&) = delete;
    ApiClient& operator=(const ApiClient&) = delete;

    void set_token(std::string token);  // sent as "Authorization: Bearer" from now on
    // Sends method ("GET", "POST", "PATCH", "DELETE") to prefix + target with a JSON body
    // (none when body is null) and reads the answer.
    ApiResponse request(std::string_view method, const std::string& target,
                        const nlohmann::json& body = nullptr);

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace galaxy::admin
