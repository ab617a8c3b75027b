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
#include "net/api_common.hpp"
#include "net/api_validation.hpp"
#include "net/session_registry.hpp"
#include "net/ws_context.hpp"

namespace galaxy::server {

namespace http = boost::beast::http;
using proto::ErrorCode;

namespace {

constexpr double kRateWindow_s = 60.0;  // the login limits are per minute
constexpr const char* kBadCredentials = "wrong username or password";

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
    if (!def_.steady_now_s) def_.steady_now_s = steady_seconds;
    if (!def_.unix_now_s) def_.unix_now_s = unix_seconds;
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
    return server::verify_bearer(request, def_.jwt_secret, def_.unix_now_s(), "player", claims);
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
    // The new player's ship is spawned before the answer, so the world must be running: a
    // paused world spawns nothing until it resumes.
    if (const std::string reason = world_unavailable_reason(); !reason.empty()) {
        return respond(unavailable(reason));
    }
    if (world_->engine->status().paused) {
        return respond(unavailable("the world is paused by an admin; try again later"));
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
