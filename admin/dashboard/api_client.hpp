// The dashboard's side of the admin API: it does no HTTP itself. Each request gets an id and
// goes to JavaScript through the sender callback (JavaScript adds the admin token and fetches);
// the answer comes back through receive() with the same id and reaches the request's handler.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <string>

#include <nlohmann/json.hpp>

namespace galaxy::admin {

// The one route that needs no token; its 401 means wrong credentials, not a lost session.
inline constexpr const char* kLoginPath = "/api/admin/login";

// One answer of the admin API.
struct ApiResponse {
    int status = 0;       // HTTP status; 0 when the server was not reached
    std::string body;     // the body as received
    nlohmann::json json;  // the body parsed (discarded when it is not JSON)

    bool ok() const { return status >= 200 && status < 300; }  // a 2xx answer
    // The line shown for a failure, always with the code: the server's message, e.g. "wrong
    // username or password (E020)", plus "try again in N s" when JavaScript passed Retry-After.
    std::string error_text() const;
};

// Called with each answer, once.
using ApiHandler = std::function<void(const ApiResponse&)>;
// Hands a request to JavaScript: id, method ("GET", "POST", "PATCH", "DELETE"), path (with the
// query), body (JSON text, empty for none).
using RequestSender = std::function<void(std::uint32_t id, const std::string& method,
                                         const std::string& path, const std::string& body)>;

// The requests that are out and the handlers waiting for their answers.
class ApiClient {
public:
    // Where requests go (the page's fetch); without one a request fails as unreachable.
    void set_sender(RequestSender sender);
    // Called (before the request's own handler) when a request other than the login is
    // answered 401: the admin token was refused or has expired.
    void set_unauthorized_handler(std::function<void(const ApiResponse&)> handler);

    // Sends a request; body null = no body. `channel` names a kind of request (e.g. "status")
    // so that a poll does not start while the previous one is still out (see busy()).
    void send(const std::string& method, const std::string& path, const nlohmann::json& body,
              ApiHandler handler, const std::string& channel = {});
    // An answer from JavaScript; an unknown or forgotten id is ignored.
    void receive(std::uint32_t id, int status, const std::string& body);
    // Whether a request of `channel` is out.
    bool busy(const std::string& channel) const;
    // Forgets every request that is out (logout): their answers will be ignored.
    void forget_all();
    // Requests out, for the test status.
    std::size_t in_flight() const { return pending_.size(); }

private:
    struct Pending {
        ApiHandler handler;
        std::string channel;
        bool is_login = false;
    };
    RequestSender sender_;
    std::function<void(const ApiResponse&)> unauthorized_;
    std::uint32_t next_id_ = 1;
    std::map<std::uint32_t, Pending> pending_;
};

// `text` escaped for a URL query value (RFC 3986 unreserved characters kept).
std::string url_encode(const std::string& text);

}  // namespace galaxy::admin
