// The admin API: routing, admin authentication, the audit trail, status, settings.
#include "net/admin_api.hpp"

#include <sodium.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <string_view>

#include "core/log.hpp"
#include "db/admin_store.hpp"
#include "db/config_store.hpp"
#include "db/player_store.hpp"
#include "engine/engine.hpp"
#include "engine/world_factory.hpp"
#include "net/admin_call.hpp"
#include "net/admin_validation.hpp"
#include "net/api_auth.hpp"
#include "net/ws_context.hpp"

namespace galaxy::server {

namespace http = boost::beast::http;
using nlohmann::json;
using proto::ErrorCode;

namespace {

constexpr double kRateWindow_s = 60.0;  // the login limits are per minute
constexpr const char* kBadCredentials = "wrong username or password";
constexpr std::size_t kResetTokenBytes = 16;

// "2000-01-01T12:00:00Z" for Unix seconds.
std::string iso_utc(double unix_s) {
    const auto seconds = static_cast<std::time_t>(std::floor(unix_s));
    std::tm parts{};
    gmtime_r(&seconds, &parts);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &parts);
    return text;
}

std::string config_text(double value) { return json(value).dump(); }
std::string config_text(bool value) { return value ? "true" : "false"; }

}  // namespace

struct AdminApi::Route {
    std::string_view pattern;  // "{id}" matches one decimal segment
    http::verb method;
    Handler handler;
    bool needs_admin;
};

const std::vector<AdminApi::Route>& AdminApi::routes() {
    static const std::vector<Route> kRoutes{
        {"/api/admin/login", http::verb::post, &AdminApi::login, false},
        {"/api/admin/status", http::verb::get, &AdminApi::status, true},
        {"/api/admin/settings", http::verb::get, &AdminApi::get_settings, true},
        {"/api/admin/settings", http::verb::patch, &AdminApi::patch_settings, true},
        {"/api/admin/audit", http::verb::get, &AdminApi::list_audit, true},
        {"/api/admin/snapshots", http::verb::get, &AdminApi::list_snapshots, true},
        {"/api/admin/snapshots", http::verb::post, &AdminApi::create_snapshot, true},
        {"/api/admin/snapshots/{id}/restore", http::verb::post, &AdminApi::restore_snapshot, true},
        {"/api/admin/world/reset", http::verb::post, &AdminApi::reset_world, true},
        {"/api/admin/stations", http::verb::get, &AdminApi::list_stations, true},
        {"/api/admin/stations", http::verb::post, &AdminApi::spawn_station, true},
        {"/api/admin/stations/{id}", http::verb::delete_, &AdminApi::remove_station, true},
        {"/api/admin/map", http::verb::get, &AdminApi::map, true},
        {"/api/admin/players", http::verb::get, &AdminApi::list_players, true},
        {"/api/admin/players/{id}/password", http::verb::post, &AdminApi::reset_password, true},
        {"/api/admin/players/{id}/disconnect", http::verb::post, &AdminApi::disconnect_player,
         true},
        {"/api/admin/players/{id}", http::verb::delete_, &AdminApi::delete_player, true},
    };
    return kRoutes;
}

namespace {

// Whether path matches pattern segment by segment; the {id} segments go to *ids.
bool match(std::string_view pattern, std::string_view path, std::vector<std::string>* ids) {
    ids->clear();
    while (!pattern.empty() || !path.empty()) {
        const std::size_t p = pattern.find('/', 1);
        const std::size_t q = path.find('/', 1);
        const std::string_view pattern_segment = pattern.substr(0, p);
        const std::string_view path_segment = path.substr(0, q);
        if (pattern_segment == "/{id}") {
            if (path_segment.size() < 2) return false;
            ids->emplace_back(path_segment.substr(1));
        } else if (pattern_segment != path_segment) {
            return false;
        }
        pattern = p == std::string_view::npos ? std::string_view{} : pattern.substr(p);
        path = q == std::string_view::npos ? std::string_view{} : path.substr(q);
    }
    return true;
}

}  // namespace

void answer_by_deadline(const std::shared_ptr<AdminApi::Call>& call,
                        boost::asio::thread_pool& workers, double seconds, HttpResponse res) {
    auto timer = std::make_shared<boost::asio::steady_timer>(
        workers.get_executor(), std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                                    std::chrono::duration<double>(seconds)));
    timer->async_wait([timer, call, res = std::move(res)](const boost::system::error_code&) {
        call->answer(res);
    });
}

AdminApi::AdminApi(AdminApiDef def, AdminApiParts parts)
    : def_(std::move(def)),
      parts_(parts),
      failures_by_ip_(def_.login_attempts_per_ip, kRateWindow_s),
      failures_by_user_(def_.login_attempts_per_user, kRateWindow_s) {
    if (!def_.steady_now_s) def_.steady_now_s = steady_seconds;
    if (!def_.unix_now_s) def_.unix_now_s = unix_seconds;
    // Logins naming no admin verify against this hash, so they take as long as a wrong password.
    if (!password_hash("galaxy-unknown-admin", def_.password_params, &dummy_hash_)) {
        log_event(LogLevel::Error, "dummy_hash_failed");
    }
}

AdminApi::~AdminApi() = default;

void AdminApi::handle(HttpRequest request, const std::string& ip, Responder respond) {
    const std::string path(target_path(request.target()));
    std::vector<std::string> ids;
    std::string allowed;
    const Route* found = nullptr;
    for (const Route& route : routes()) {
        if (!match(route.pattern, path, &ids)) continue;
        if (route.method == request.method()) {
            found = &route;
            break;
        }
        if (!allowed.empty()) allowed += ", ";
        allowed += std::string(http::to_string(route.method));
    }
    if (found == nullptr && !allowed.empty()) {
        HttpResponse res = error_response(http::status::method_not_allowed,
                                          ErrorCode::MethodNotAllowed,
                                          "allowed methods of " + path + ": " + allowed);
        res.set(http::field::allow, allowed);
        return respond(std::move(res));
    }
    if (found == nullptr) {
        return respond(
            error_response(http::status::not_found, ErrorCode::NotFound, "no such admin route"));
    }
    match(found->pattern, path, &ids);
    auto call = std::make_shared<Call>();
    call->ip = ip;
    call->ids = std::move(ids);
    call->respond = std::move(respond);
    if (found->needs_admin) {
        if (auto bad = verify_bearer(request, def_.jwt_secret, def_.unix_now_s(), "admin",
                                     &call->admin)) {
            return (void)call->answer(std::move(*bad));
        }
    }
    const bool has_body = request.method() == http::verb::post ||
                          request.method() == http::verb::patch;
    if (has_body && !request.body().empty()) {
        if (auto bad = check_json_request(request)) return (void)call->answer(std::move(*bad));
    }
    call->request = std::move(request);
    boost::asio::post(*parts_.workers, [this, call, handler = found->handler] {
        (this->*handler)(call);
    });
}

// --- Accounts and audit --------------------------------------------------------------------

bool AdminApi::ensure_bootstrap_admin(const std::string& username, const std::string& password) {
    std::string hash;
    if (!password_hash(password, def_.password_params, &hash)) return false;
    bool created = false;
    if (parts_.admins->create_if_missing(username, hash, &created) != StoreStatus::Ok) return false;
    log_event(LogLevel::Info, created ? "bootstrap_admin_created" : "bootstrap_admin_exists",
              {{"username", username}});
    if (created) audit(username, "", "bootstrap_admin_created", json::object(), true);
    return true;
}

void AdminApi::audit(const std::string& admin, const std::string& ip, const std::string& action,
                     const json& details, bool ok) {
    log_audit("admin_action",
              {{"admin", admin}, {"ip", ip}, {"action", action}, {"details", details}, {"ok", ok}});
    AuditEntry entry;
    entry.admin = admin;
    entry.ip = ip;
    entry.action = action;
    entry.details = details;
    entry.ok = ok;
    if (parts_.admins->append_audit(entry) != StoreStatus::Ok) {
        log_event(LogLevel::Error, "admin_audit_not_stored", {{"action", action}});
    }
}

void AdminApi::login(const std::shared_ptr<Call>& call) {
    LoginBody body;
    if (auto e = parse_admin_login_body(call->body(), &body)) return (void)call->answer(invalid(*e));
    const double now = def_.steady_now_s();
    if (!failures_by_ip_.would_allow(call->ip, now) ||
        !failures_by_user_.would_allow(body.username, now)) {
        audit(body.username, call->ip, "login", {{"reason", "rate_limited"}}, false);
        return (void)call->answer(too_many_attempts());
    }
    AdminRecord record;
    const StoreStatus status = parts_.admins->find_by_username(body.username, &record);
    if (status == StoreStatus::Unavailable) return (void)call->answer(unavailable(kDatabaseDown));
    const bool known = status == StoreStatus::Ok;
    const bool verified =
        password_verify(known ? record.password_hash : dummy_hash_, body.password) && known;
    if (!verified) {
        failures_by_ip_.record(call->ip, now);
        failures_by_user_.record(body.username, now);
        audit(body.username, call->ip, "login",
              {{"reason", known ? "wrong_password" : "unknown_admin"}}, false);
        return (void)call->answer(error_response(http::status::unauthorized,
                                                 ErrorCode::BadCredentials, kBadCredentials));
    }
    failures_by_user_.reset(body.username);
    JwtClaims claims;
    claims.player_id = record.id;
    claims.username = record.username;
    claims.role = "admin";
    claims.issued_at = def_.unix_now_s();
    claims.expires_at = claims.issued_at + kAdminTokenLifetime_s;
    audit(record.username, call->ip, "login", json::object(), true);
    call->answer(ok_json({{"token", jwt_sign(claims, def_.jwt_secret)},
                          {"expires_at", claims.expires_at},
                          {"username", record.username}}));
}

void AdminApi::list_audit(const std::shared_ptr<Call>& call) {
    std::size_t limit = kDefaultListLimit;
    if (auto e = parse_limit_query(call->query(), &limit)) return (void)call->answer(invalid(*e));
    std::vector<AuditEntry> entries;
    if (parts_.admins->list_audit(limit, &entries) != StoreStatus::Ok) {
        return (void)call->answer(unavailable(kDatabaseDown));
    }
    json out = json::array();
    for (const AuditEntry& e : entries) {
        out.push_back({{"id", e.id},
                       {"at", e.at_unix_s},
                       {"admin", e.admin},
                       {"ip", e.ip},
                       {"action", e.action},
                       {"details", e.details},
                       {"ok", e.ok}});
    }
    call->answer(ok_json({{"entries", out}}));
}

// --- Status and settings -------------------------------------------------------------------

void AdminApi::status(const std::shared_ptr<Call>& call) {
    json out = def_.server_status ? def_.server_status() : json::object();
    const Engine* engine = parts_.world->world_ready.load() ? parts_.world->engine : nullptr;
    if (engine != nullptr) {
        const EngineStatus s = engine->status();
        out["tick"] = s.tick;
        out["game_time_s"] = s.game_time_s;
        out["game_time_utc"] = iso_utc(s.game_time_s + kJ2000Unix_s - kLeapSecondsSinceJ2000_s);
        out["tick_rate_hz"] = s.tick_rate_hz;
        out["time_scale"] = s.time_scale;
        out["effective_time_scale"] = s.effective_time_scale;
        out["paused"] = s.paused;
        out["time_sync"] = s.time_sync;
        out["time_sync_drift_s"] = s.time_sync_drift_s;
        out["ticks_behind"] = s.ticks_behind;
        out["ships"] = s.ships;
        out["stations"] = s.stations;
        char hash[17];
        std::snprintf(hash, sizeof hash, "%016llx", static_cast<unsigned long long>(s.state_hash));
        out["state_hash"] = hash;
    }
    out["world_ready"] = engine != nullptr;
    out["registration_open"] = parts_.accounts->registration_open();
    std::int64_t total = 0;
    out["players_total"] =
        parts_.players->count(&total) == StoreStatus::Ok ? json(total) : json(nullptr);
    call->answer(ok_json(out));
}

json AdminApi::settings_json() const {
    json out = {{"registration_open", parts_.accounts->registration_open()}};
    if (const Engine* engine = parts_.world->world_ready.load() ? parts_.world->engine : nullptr) {
        const EngineStatus s = engine->status();
        out["paused"] = s.paused;
        out["tick_rate_hz"] = s.tick_rate_hz;
        out["time_scale"] = s.time_scale;
        out["time_sync"] = s.time_sync;
    }
    return out;
}

void AdminApi::get_settings(const std::shared_ptr<Call>& call) {
    call->answer(ok_json({{"settings", settings_json()}}));
}

void AdminApi::patch_settings(const std::shared_ptr<Call>& call) {
    SettingsBody body;
    if (auto e = parse_settings_body(call->body(), &body)) return (void)call->answer(invalid(*e));
    Engine* engine = parts_.world->world_ready.load() ? parts_.world->engine : nullptr;
    if (engine == nullptr) return (void)call->answer(unavailable("world loading"));
    // Stored first: a setting the database did not take would be lost at the next restart.
    std::vector<std::pair<std::string, std::string>> rows;
    json changed = json::object();
    if (body.paused) rows.emplace_back("paused", config_text(*body.paused));
    if (body.tick_rate_hz) rows.emplace_back("tick_rate_hz", config_text(*body.tick_rate_hz));
    if (body.time_scale) rows.emplace_back("time_scale", config_text(*body.time_scale));
    if (body.time_sync) rows.emplace_back("time_sync", config_text(*body.time_sync));
    if (body.registration_open) {
        rows.emplace_back("registration_open", config_text(*body.registration_open));
    }
    for (const auto& [key, value] : rows) {
        changed[key] = json::parse(value);
        if (parts_.config_store->set(key, value) != StoreStatus::Ok) {
            audit(call->admin.username, call->ip, "settings", changed, false);
            return (void)call->answer(unavailable(kDatabaseDown));
        }
    }
    if (body.paused) engine->set_paused(*body.paused);
    if (body.tick_rate_hz) engine->set_tick_rate(*body.tick_rate_hz);
    if (body.time_scale) engine->set_time_scale(*body.time_scale);
    if (body.time_sync) engine->set_time_sync(*body.time_sync);
    if (body.registration_open) parts_.accounts->set_registration_open(*body.registration_open);
    audit(call->admin.username, call->ip, "settings", changed, true);
    // The engine applies them at its next boundary: answer with what was asked for.
    json settings = settings_json();
    for (const auto& item : changed.items()) settings[item.key()] = item.value();
    call->answer(ok_json({{"settings", settings}}));
}

// --- Reset tokens --------------------------------------------------------------------------

std::string AdminApi::issue_reset_token() {
    unsigned char bytes[kResetTokenBytes];
    randombytes_buf(bytes, sizeof bytes);
    char hex[2 * kResetTokenBytes + 1];
    sodium_bin2hex(hex, sizeof hex, bytes, sizeof bytes);
    const double now = def_.steady_now_s();
    const std::lock_guard lock(reset_mutex_);
    std::erase_if(reset_tokens_, [now](const auto& item) { return item.second < now; });
    reset_tokens_[hex] = now + kResetTokenLifetime_s;
    return hex;
}

bool AdminApi::take_reset_token(const std::string& token) {
    const double now = def_.steady_now_s();
    const std::lock_guard lock(reset_mutex_);
    const auto it = reset_tokens_.find(token);
    if (it == reset_tokens_.end()) return false;
    const bool fresh = it->second >= now;
    reset_tokens_.erase(it);
    return fresh;
}

}  // namespace galaxy::server
