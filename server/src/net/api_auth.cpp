#include "net/api_auth.hpp"

#include <array>
#include <chrono>
#include <optional>
#include <string_view>
#include <utility>

#include "auth/jwt.hpp"
#include "core/log.hpp"
#include "db/player_store.hpp"
#include "engine/engine.hpp"
#include "net/api_validation.hpp"
#include "net/session_registry.hpp"
#include "net/ws_context.hpp"

namespace galaxy::server {

namespace http = boost::beast::http;
using proto::ErrorCode;

namespace {

constexpr double kRateWindow_s = 60.0;  // the login limits are per minute
constexpr int kRetryAfterBusy_s = 5;    // suggested wait after a 503
constexpr const char* kDatabaseDown = "database unavailable";
constexpr const char* kBadCredentials = "wrong username or password";

HttpResponse unavailable(std::string_view reason) {
    HttpResponse res =
        error_response(http::status::service_unavailable, ErrorCode::DatabaseUnavailable, reason);
    res.set(http::field::retry_after, std::to_string(kRetryAfterBusy_s));
    return res;
}

HttpResponse too_many_attempts() {
    HttpResponse res = error_response(http::status::too_many_requests, ErrorCode::TooManyAttempts,
                                      "too many failed attempts; try again later");
    // The window is a minute: waiting that long always frees an attempt.
    res.set(http::field::retry_after, std::to_string(static_cast<int>(kRateWindow_s)));
    return res;
}

HttpResponse bad_token(std::string_view message) {
    HttpResponse res = error_response(http::status::unauthorized, ErrorCode::AuthFailed, message);
    res.set(http::field::www_authenticate, "Bearer");
    return res;
}

HttpResponse internal_error(std::string_view message) {
    return error_response(http::status::internal_server_error, ErrorCode::InternalError, message);
}

HttpResponse invalid(const ValidationError& e) {
    return error_response(http::status::bad_request, e.code, e.message);
}

// The account a valid token names; an error answer when it is gone or the database cannot say.
std::optional<HttpResponse> find_token_player(PlayerStore& players, std::int64_t player_id,
                                              PlayerRecord* record) {
    switch (players.find_by_id(player_id, record)) {
        case StoreStatus::Ok:
            return std::nullopt;
        case StoreStatus::NotFound:
            return bad_token("the account no longer exists");
        case StoreStatus::Unavailable:
        case StoreStatus::Conflict:
            break;
    }
    return unavailable(kDatabaseDown);
}

bool iequals(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        const auto lower = [](char c) {
            return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
        };
        if (lower(a[i]) != lower(b[i])) return false;
    }
    return true;
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

// 415 unless the body is declared JSON (parameters such as charset are allowed); 413 when it
// is over the limit (the session's parser already refuses more, this guards direct callers).
std::optional<HttpResponse> check_json_request(const HttpRequest& request) {
    if (request.body().size() > kMaxApiBodyBytes) {
        return error_response(http::status::payload_too_large, ErrorCode::PayloadTooLarge,
                              "body is larger than 16 KiB");
    }
    std::string_view type = to_std(request[http::field::content_type]);
    type = trim(type.substr(0, type.find(';')));
    if (!iequals(type, "application/json")) {
        return error_response(http::status::unsupported_media_type, ErrorCode::MalformedJson,
                              "Content-Type must be application/json");
    }
    return std::nullopt;
}

}  // namespace

AccountsApi::AccountsApi(AccountsApiDef def, PlayerStore* players, WsContext* world,
                         boost::asio::thread_pool* workers)
    : def_(std::move(def)),
      players_(players),
      world_(world),
      workers_(workers),
      registration_open_(def_.registration_open),
      failures_by_ip_(def_.login_attempts_per_ip, kRateWindow_s),
      failures_by_user_(def_.login_attempts_per_user, kRateWindow_s) {
    if (!def_.steady_now_s) {
        def_.steady_now_s = [] {
            return std::chrono::duration<double>(
                       std::chrono::steady_clock::now().time_since_epoch())
                .count();
        };
    }
    if (!def_.unix_now_s) {
        def_.unix_now_s = [] {
            return static_cast<std::int64_t>(
                std::chrono::duration_cast<std::chrono::seconds>(
                    std::chrono::system_clock::now().time_since_epoch())
                    .count());
        };
    }
    // Logins of unknown users verify against this hash so that they take as long as a wrong
    // password and do not reveal which names exist.
    if (!password_hash("galaxy-unknown-user", def_.password_params, &dummy_hash_)) {
        log_event(LogLevel::Error, "dummy_hash_failed");
    }
}

AccountsApi::~AccountsApi() = default;

void AccountsApi::set_registration_open(bool open) { registration_open_.store(open); }

bool AccountsApi::registration_open() const { return registration_open_.load(); }

void AccountsApi::handle(HttpRequest request, const std::string& ip, Responder respond) {
    using Handler = void (AccountsApi::*)(const HttpRequest&, const std::string&, Responder);
    struct Route {
        std::string_view path;
        http::verb method;
        Handler handler;
    };
    static const std::array<Route, 4> kRoutes{{
        {"/api/auth/register", http::verb::post, &AccountsApi::register_account},
        {"/api/auth/login", http::verb::post, &AccountsApi::login},
        {"/api/auth/refresh", http::verb::post, &AccountsApi::refresh},
        {"/api/auth/account", http::verb::delete_, &AccountsApi::delete_account},
    }};
    const std::string path(target_path(request.target()));
    for (const Route& route : kRoutes) {
        if (route.path != path) continue;
        if (request.method() != route.method) {
            HttpResponse res = error_response(
                http::status::method_not_allowed, ErrorCode::MethodNotAllowed,
                std::string(http::to_string(route.method)) + " is the only method of " + path);
            res.set(http::field::allow, http::to_string(route.method));
            respond(std::move(res));
            return;
        }
        (this->*route.handler)(request, ip, std::move(respond));
        return;
    }
    respond(error_response(http::status::not_found, ErrorCode::NotFound, "no such API route"));
}

std::string AccountsApi::world_unavailable_reason() const {
    if (world_->shutting_down.load()) return "shutting down";
    if (world_->world_ready.load()) return {};
    // Not ready yet: say why ("database unreachable" while start-up waits for it).
    if (def_.readiness) {
        const Readiness readiness = def_.readiness();
        if (!readiness.ready && !readiness.reason.empty()) return readiness.reason;
    }
    return "world loading";
}

nlohmann::json AccountsApi::token_fields(std::int64_t player_id, const std::string& username,
                                         std::uint32_t ship_id) const {
    JwtClaims claims;
    claims.player_id = player_id;
    claims.username = username;
    claims.issued_at = def_.unix_now_s();
    claims.expires_at = claims.issued_at + kJwtLifetime_s;
    return {{"token", jwt_sign(claims, def_.jwt_secret)},
            {"expires_at", claims.expires_at},
            {"player_id", player_id},
            {"username", username},
            {"ship_id", ship_id}};
}

std::optional<HttpResponse> AccountsApi::verify_bearer(const HttpRequest& request,
                                                       JwtClaims* claims) const {
    const std::string_view header = trim(to_std(request[http::field::authorization]));
    constexpr std::string_view kScheme = "Bearer ";
    if (header.size() <= kScheme.size() || !iequals(header.substr(0, kScheme.size()), kScheme)) {
        return bad_token("missing Authorization: Bearer token");
    }
    const std::string_view token = trim(header.substr(kScheme.size()));
    if (token.size() > proto::kMaxTokenBytes) return bad_token("token is too long");
    const JwtError error = jwt_verify(token, def_.jwt_secret, def_.unix_now_s(), claims);
    if (error != JwtError::None) return bad_token(jwt_error_message(error));
    if (claims->role != "player") return bad_token("not a player token");
    return std::nullopt;
}

// --- Register ------------------------------------------------------------------------------

void AccountsApi::register_account(const HttpRequest& request, const std::string& ip,
                                   Responder respond) {
    if (auto bad = check_json_request(request)) return respond(std::move(*bad));
    RegisterBody body;
    if (auto e = parse_register_body(request.body(), &body)) return respond(invalid(*e));
    if (!registration_open()) {
        return respond(error_response(http::status::forbidden, ErrorCode::RegistrationClosed,
                                      "registration is closed"));
    }
    // The new player's ship is spawned before the answer, so the world must be running.
    if (const std::string reason = world_unavailable_reason(); !reason.empty()) {
        return respond(unavailable(reason));
    }
    boost::asio::post(*workers_, [this, body = std::move(body), ip, respond = std::move(respond)] {
        create_player(body, ip, respond);
    });
}

void AccountsApi::create_player(const RegisterBody& body, const std::string& ip,
                                const Responder& respond) {
    std::string hash;
    if (!password_hash(body.password, def_.password_params, &hash)) {
        log_event(LogLevel::Error, "password_hash_failed");
        return respond(internal_error("could not hash the password"));
    }
    const std::string ship_class = sim::ship_class_def(body.ship_class).name;
    PlayerRecord record;
    switch (players_->create(body.username, hash, ship_class, &record)) {
        case StoreStatus::Ok:
            break;
        case StoreStatus::Conflict:
            return respond(error_response(http::status::conflict, ErrorCode::UsernameTaken,
                                          "username is taken"));
        case StoreStatus::Unavailable:
            return respond(unavailable(kDatabaseDown));
        case StoreStatus::NotFound:
            return respond(internal_error("could not create the account"));
    }
    Engine* engine = world_->world_ready.load() ? world_->engine : nullptr;
    if (engine == nullptr || world_->shutting_down.load()) {
        players_->remove(record.id);
        return respond(unavailable(world_unavailable_reason()));
    }
    const std::int64_t player_id = record.id;
    engine->ensure_ship(0, body.ship_class, body.username,
                        [this, player_id, username = body.username, ship_class, ip,
                         respond](std::uint32_t ship_id) {
                            // This runs on the tick thread, which must not wait for the
                            // database: the rest is the worker pool's.
                            boost::asio::post(*workers_, [=, this] {
                                finish_registration(player_id, username, ship_class, ship_id, ip,
                                                    respond);
                            });
                        });
}

void AccountsApi::finish_registration(std::int64_t player_id, const std::string& username,
                                      const std::string& ship_class, std::uint32_t ship_id,
                                      const std::string& ip, const Responder& respond) {
    if (ship_id == 0) {
        players_->remove(player_id);
        // A stopped engine answers every spawn with 0: that is the shutdown, not a failure.
        if (world_->shutting_down.load()) return respond(unavailable("shutting down"));
        log_event(LogLevel::Error, "ship_spawn_failed", {{"player_id", player_id}});
        return respond(internal_error("the ship could not be spawned"));
    }
    if (players_->set_ship(player_id, ship_id) != StoreStatus::Ok) {
        // Undo both halves so that a retry of the registration starts clean.
        if (Engine* engine = world_->engine) engine->remove_ship(ship_id);
        players_->remove(player_id);
        return respond(unavailable(kDatabaseDown));
    }
    log_audit("account_created", {{"player_id", player_id},
                                  {"username", username},
                                  {"ship_id", ship_id},
                                  {"ship_class", ship_class},
                                  {"ip", ip}});
    nlohmann::json answer = token_fields(player_id, username, ship_id);
    answer["ship_class"] = ship_class;
    respond(json_response(http::status::created, answer));
}

// --- Login and refresh ---------------------------------------------------------------------

void AccountsApi::login(const HttpRequest& request, const std::string& ip, Responder respond) {
    if (auto bad = check_json_request(request)) return respond(std::move(*bad));
    LoginBody body;
    if (auto e = parse_login_body(request.body(), &body)) return respond(invalid(*e));
    // Checked before the password is: a refused attempt costs no hashing and is not counted.
    const double now = def_.steady_now_s();
    if (!failures_by_ip_.would_allow(ip, now) ||
        !failures_by_user_.would_allow(username_key(body.username), now)) {
        log_audit("login_failed",
                  {{"username", body.username}, {"ip", ip}, {"reason", "rate_limited"}});
        return respond(too_many_attempts());
    }
    boost::asio::post(*workers_, [this, body = std::move(body), ip, respond = std::move(respond)] {
        verify_login(body, ip, respond);
    });
}

void AccountsApi::verify_login(const LoginBody& body, const std::string& ip,
                               const Responder& respond) {
    PlayerRecord record;
    const StoreStatus status = players_->find_by_username(body.username, &record);
    if (status == StoreStatus::Unavailable) return respond(unavailable(kDatabaseDown));
    const bool known = status == StoreStatus::Ok;
    const bool verified =
        password_verify(known ? record.password_hash : dummy_hash_, body.password) && known;
    const std::string key = username_key(body.username);
    if (!verified) {
        const double now = def_.steady_now_s();
        failures_by_ip_.record(ip, now);
        failures_by_user_.record(key, now);
        log_audit("login_failed", {{"username", body.username},
                                   {"ip", ip},
                                   {"reason", known ? "wrong_password" : "unknown_user"}});
        return respond(
            error_response(http::status::unauthorized, ErrorCode::BadCredentials, kBadCredentials));
    }
    failures_by_user_.reset(key);
    if (password_needs_rehash(record.password_hash, def_.password_params)) {
        std::string hash;
        if (password_hash(body.password, def_.password_params, &hash) &&
            players_->set_password_hash(record.id, hash) == StoreStatus::Ok) {
            log_audit(
                "password_changed",
                {{"player_id", record.id}, {"username", record.username}, {"reason", "rehash"}});
        }
    }
    respond(
        json_response(http::status::ok, token_fields(record.id, record.username, record.ship_id)));
}

void AccountsApi::refresh(const HttpRequest& request, const std::string&, Responder respond) {
    JwtClaims claims;
    if (auto bad = verify_bearer(request, &claims)) return respond(std::move(*bad));
    boost::asio::post(
        *workers_, [this, player_id = claims.player_id, respond = std::move(respond)] {
            PlayerRecord record;
            if (auto bad = find_token_player(*players_, player_id, &record)) {
                return respond(std::move(*bad));
            }
            respond(json_response(http::status::ok,
                                  token_fields(record.id, record.username, record.ship_id)));
        });
}

// --- Delete --------------------------------------------------------------------------------

void AccountsApi::delete_account(const HttpRequest& request, const std::string& ip,
                                 Responder respond) {
    JwtClaims claims;
    if (auto bad = verify_bearer(request, &claims)) return respond(std::move(*bad));
    if (auto bad = check_json_request(request)) return respond(std::move(*bad));
    DeleteAccountBody body;
    if (auto e = parse_delete_account_body(request.body(), &body)) return respond(invalid(*e));
    // The ship is removed from the running world together with the account.
    if (const std::string reason = world_unavailable_reason(); !reason.empty()) {
        return respond(unavailable(reason));
    }
    // A stolen token must not become a way around the login limits.
    const double now = def_.steady_now_s();
    if (!failures_by_ip_.would_allow(ip, now) ||
        !failures_by_user_.would_allow(username_key(claims.username), now)) {
        return respond(too_many_attempts());
    }
    boost::asio::post(*workers_, [this, player_id = claims.player_id, body = std::move(body), ip,
                                  respond = std::move(respond)] {
        remove_player(player_id, body.password, ip, respond);
    });
}

void AccountsApi::remove_player(std::int64_t player_id, const std::string& password,
                                const std::string& ip, const Responder& respond) {
    PlayerRecord record;
    if (auto bad = find_token_player(*players_, player_id, &record)) return respond(std::move(*bad));
    if (!password_verify(record.password_hash, password)) {
        const double now = def_.steady_now_s();
        failures_by_ip_.record(ip, now);
        failures_by_user_.record(username_key(record.username), now);
        log_audit("login_failed", {{"username", record.username},
                                   {"ip", ip},
                                   {"reason", "wrong_password"},
                                   {"action", "delete_account"}});
        return respond(
            error_response(http::status::unauthorized, ErrorCode::BadCredentials, kBadCredentials));
    }
    switch (players_->remove(player_id)) {
        case StoreStatus::Ok:
            break;
        case StoreStatus::NotFound:
            return respond(bad_token("the account no longer exists"));
        case StoreStatus::Unavailable:
        case StoreStatus::Conflict:
            return respond(unavailable(kDatabaseDown));
    }
    if (Engine* engine = world_->engine; engine != nullptr && record.ship_id != 0) {
        engine->remove_ship(record.ship_id);
    }
    world_->registry->disconnect_player(player_id, proto::close_code::kAccountDeleted,
                                        "Account deleted");
    log_audit("account_deleted", {{"player_id", player_id},
                                  {"username", record.username},
                                  {"ship_id", record.ship_id},
                                  {"ip", ip}});
    respond(json_response(http::status::ok, {{"deleted", true}, {"player_id", player_id}}));
}

}  // namespace galaxy::server
