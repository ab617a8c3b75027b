// The REST accounts API under /api/auth: register, login, refresh, delete account. Bodies are
// JSON objects (Content-Type application/json, at most 16 KiB); answers are JSON, errors
// {"code":"E0xx","message":...}. Password hashing and database calls run on the worker pool,
// never on an I/O thread; the answer goes back through the session's Responder.
//
//   POST   /api/auth/register {username, password, ship_class?}
//          201 {player_id, username, ship_id, ship_class, token, expires_at}; 503 while the
//          world is paused (the ship could not spawn)
//   POST   /api/auth/login {username, password}
//          200 {token, expires_at, player_id, username, ship_id}
//   POST   /api/auth/refresh (Authorization: Bearer <token>)
//          200 {token, expires_at, player_id, username, ship_id}
//   DELETE /api/auth/account (Authorization: Bearer <token>) {password}
//          200 {deleted: true, player_id}
// expires_at is in Unix seconds.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "net/asio.hpp"  // first: see there

#include "auth/jwt.hpp"
#include "auth/password.hpp"
#include "auth/rate_limiter.hpp"
#include "net/api_validation.hpp"
#include "net/http_response.hpp"

namespace galaxy::server {

class PlayerStore;
struct WsContext;

struct AccountsApiDef {
    PasswordParams password_params;        // Argon2id cost of new hashes
    std::string jwt_secret;                // HS256 key, >= 32 bytes
    int login_attempts_per_ip = 20;        // failed logins per minute before 429
    int login_attempts_per_user = 5;       // failed logins per minute per username before 429
    bool registration_open = true;         // false: register answers 403 E021
    std::function<Readiness()> readiness;  // why the server is not ready (503 messages); optional
    std::function<double()> steady_now_s;  // rate-limit clock (s); default steady_clock
    std::function<std::int64_t()> unix_now_s;  // token clock (Unix s); default system_clock
};

class AccountsApi {
public:
    // players, world (engine, registry, readiness flags) and workers outlive the API.
    AccountsApi(AccountsApiDef def, PlayerStore* players, WsContext* world,
                boost::asio::thread_pool* workers);
    ~AccountsApi();
    AccountsApi(const AccountsApi&) = delete;
    AccountsApi& operator=(const AccountsApi&) = delete;

    // Answers any request whose path starts with /api (404 E024 for unknown routes, 405 E025
    // with Allow for a wrong method). ip: the peer address, for rate limits and audit lines.
    void handle(HttpRequest request, const std::string& ip, Responder respond);

    void set_registration_open(bool open);  // thread-safe; the ServerApp's override
    bool registration_open() const;

private:
    // Route handlers, on the session's strand: validation, then the worker-pool half.
    void register_account(const HttpRequest& request, const std::string& ip, Responder respond);
    void login(const HttpRequest& request, const std::string& ip, Responder respond);
    void refresh(const HttpRequest& request, const std::string& ip, Responder respond);
    void delete_account(const HttpRequest& request, const std::string& ip, Responder respond);

    // Worker-pool halves (they hash, verify and call the database).
    void create_player(const RegisterBody& body, const std::string& ip, const Responder& respond);
    void finish_registration(std::int64_t player_id, const std::string& username,
                             const std::string& ship_class, std::uint32_t ship_id,
                             const std::string& ip, const Responder& respond);
    void verify_login(const LoginBody& body, const std::string& ip, const Responder& respond);
    void remove_player(std::int64_t player_id, const std::string& password, const std::string& ip,
                       const Responder& respond);

    // 401 E007 unless the request carries a valid player token (claims filled).
    std::optional<HttpResponse> verify_bearer(const HttpRequest& request, JwtClaims* claims) const;
    // A fresh token for the player, in the fields every token answer shares.
    nlohmann::json token_fields(std::int64_t player_id, const std::string& username,
                                std::uint32_t ship_id) const;
    // Why the world cannot take account changes now ("world loading", "shutting down"), or
    // empty when it can.
    std::string world_unavailable_reason() const;

    AccountsApiDef def_;
    PlayerStore* players_;
    WsContext* world_;
    boost::asio::thread_pool* workers_;
    std::atomic<bool> registration_open_;
    KeyedRateLimiter failures_by_ip_;    // failed logins per peer address
    KeyedRateLimiter failures_by_user_;  // failed logins per username_key
    std::string dummy_hash_;             // verified against for unknown users (equal timing)
};

}  // namespace galaxy::server
