// The admin REST API under /api/admin (docs/admin-api.md): login, status, settings, snapshots,
// players, stations, map, world reset and the audit trail. Every route but login needs an admin
// token; every change is audit-logged (admin_audit table and an audit log line). Handlers run on
// the worker pool, never on an I/O thread; answers that wait for the world (a tick, a snapshot
// being stored) are given from the thread that completes them, with a deadline.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "net/asio.hpp"  // first: see there

#include "auth/jwt.hpp"
#include "auth/password.hpp"
#include "auth/rate_limiter.hpp"
#include "core/config.hpp"
#include "galaxy/sim/world.hpp"
#include "net/http_response.hpp"

namespace galaxy::server {

class AccountsApi;
class AdminStore;
class ConfigStore;
class PlayerStore;
class SnapshotStore;
struct WsContext;

inline constexpr std::int64_t kAdminTokenLifetime_s = 12 * 3600;
inline constexpr double kResetTokenLifetime_s = 60.0;
inline constexpr double kAdminWaitTimeout_s = 10.0;  // snapshot written, world replaced, tick

struct AdminApiDef {
    PasswordParams password_params;
    std::string jwt_secret;
    int login_attempts_per_ip = 20;
    int login_attempts_per_user = 5;
    EpochKind epoch = EpochKind::J2000;  // what a world reset creates
    // The status fields the server knows beyond the engine (connections, database, snapshots,
    // journal, tick window, bytes, uptime): merged into GET /api/admin/status.
    std::function<nlohmann::json()> server_status;
    std::function<double()> steady_now_s;      // rate limits, reset tokens; default steady_clock
    std::function<std::int64_t()> unix_now_s;  // tokens; default system_clock
};

// What the API acts on; all outlive it.
struct AdminApiParts {
    AdminStore* admins = nullptr;
    PlayerStore* players = nullptr;
    SnapshotStore* snapshots = nullptr;
    ConfigStore* config_store = nullptr;
    AccountsApi* accounts = nullptr;  // registrations open/closed
    WsContext* world = nullptr;       // engine, registry, readiness flags
    boost::asio::thread_pool* workers = nullptr;
};

class AdminApi {
public:
    AdminApi(AdminApiDef def, AdminApiParts parts);
    ~AdminApi();
    AdminApi(const AdminApi&) = delete;
    AdminApi& operator=(const AdminApi&) = delete;

    // Answers a request whose path starts with /api/admin (404 E024 unknown route, 405 E025
    // wrong method, 401 E007 without an admin token). ip: the peer, for limits and the audit.
    void handle(HttpRequest request, const std::string& ip, Responder respond);

    // Creates the bootstrap admin when none of that name exists (start-up; blocking, worker or
    // start-up thread). False when the database failed.
    bool ensure_bootstrap_admin(const std::string& username, const std::string& password);

    // One audit row and log line; blocking (database). Exposed for tests of the trail.
    void audit(const std::string& admin, const std::string& ip, const std::string& action,
               const nlohmann::json& details, bool ok);

    struct Call;  // one request in flight: its claims, ip, body and responder

private:
    using Handler = void (AdminApi::*)(const std::shared_ptr<Call>&);
    struct Route;
    static const std::vector<Route>& routes();

    // Handlers (admin_api.cpp: accounts, status, settings, audit; admin_world.cpp: snapshots,
    // stations, map, reset; admin_players.cpp: players).
    void login(const std::shared_ptr<Call>& call);
    void status(const std::shared_ptr<Call>& call);
    void get_settings(const std::shared_ptr<Call>& call);
    void patch_settings(const std::shared_ptr<Call>& call);
    void list_audit(const std::shared_ptr<Call>& call);
    void list_snapshots(const std::shared_ptr<Call>& call);
    void create_snapshot(const std::shared_ptr<Call>& call);
    void restore_snapshot(const std::shared_ptr<Call>& call);
    void reset_world(const std::shared_ptr<Call>& call);
    void list_stations(const std::shared_ptr<Call>& call);
    void spawn_station(const std::shared_ptr<Call>& call);
    void remove_station(const std::shared_ptr<Call>& call);
    void map(const std::shared_ptr<Call>& call);
    void list_players(const std::shared_ptr<Call>& call);
    void reset_password(const std::shared_ptr<Call>& call);
    void disconnect_player(const std::shared_ptr<Call>& call);
    void delete_player(const std::shared_ptr<Call>& call);

    nlohmann::json settings_json() const;
    // Replaces the world and answers 200 with extra + {tick, state_hash} (restore and reset).
    void replace_world(const std::shared_ptr<Call>& call, sim::World world, nlohmann::json extra,
                       const std::string& action);
    // A new single-use reset token, valid kResetTokenLifetime_s; and its check (consumes it).
    std::string issue_reset_token();
    bool take_reset_token(const std::string& token);

    AdminApiDef def_;
    AdminApiParts parts_;
    KeyedRateLimiter failures_by_ip_;
    KeyedRateLimiter failures_by_user_;
    std::string dummy_hash_;  // verified against for unknown admins (equal timing)
    std::mutex reset_mutex_;  // protects reset_tokens_
    std::map<std::string, double> reset_tokens_;  // token -> expiry (steady s)
};

}  // namespace galaxy::server
