// Server configuration: environment variables (GALAXY_*), optionally a JSON file named by
// GALAXY_CONFIG_FILE whose keys are the variable names; the environment wins. Every value is
// validated at start; docs/server.md has the table of variables, defaults and ranges (strings
// must be non-empty; origins are lowercase http(s)://host[:port]).
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace galaxy::server {

enum class EpochKind { J2000, Now };

inline constexpr std::size_t kMinAdminPasswordBytes = 12;

struct ServerConfig {
    std::string bind_address = "0.0.0.0";          // GALAXY_BIND (non-empty)
    std::uint16_t port = 8000;                     // GALAXY_PORT 1..65535
    int io_threads = 2;                            // GALAXY_IO_THREADS 1..64
    std::string database_url;                      // GALAXY_DATABASE_URL (required, non-empty)
    std::string jwt_secret;                        // GALAXY_JWT_SECRET or GALAXY_JWT_SECRET_FILE, >= 32 bytes
    std::string admin_username = "admin";          // GALAXY_ADMIN_USERNAME: the bootstrap admin
    std::string admin_password;                    // GALAXY_ADMIN_PASSWORD or GALAXY_ADMIN_PASSWORD_FILE,
                                                   // >= 12 bytes; empty = no bootstrap admin
    std::string web_root = "web";                  // GALAXY_WEB_ROOT: static files served at /
    double tick_rate_hz = 10.0;                    // GALAXY_TICK_RATE_HZ 0.1..60
    double time_scale = 1.0;                       // GALAXY_TIME_SCALE 0.1..100000
    bool time_sync = false;                        // GALAXY_TIME_SYNC
    EpochKind epoch = EpochKind::J2000;            // GALAXY_EPOCH j2000 | now
    double snapshot_interval_s = 60.0;             // GALAXY_SNAPSHOT_INTERVAL_S 1..86400
    std::uint32_t hash_interval_ticks = 10;        // GALAXY_HASH_INTERVAL_TICKS 1..10000
    std::uint32_t max_catch_up_ticks = 50;         // GALAXY_MAX_CATCH_UP_TICKS 1..10000
    bool registration_open = true;                 // GALAXY_REGISTRATION_OPEN
    std::vector<std::string> allowed_origins;      // GALAXY_ALLOWED_ORIGINS comma list; empty = same host only
    int max_connections_per_ip = 20;               // GALAXY_MAX_CONNECTIONS_PER_IP 1..100000
    double idle_timeout_s = 30.0;                  // GALAXY_IDLE_TIMEOUT_S 5..3600 (pings at half)
    std::size_t max_send_queue_bytes = 1 << 20;    // GALAXY_MAX_SEND_QUEUE_BYTES 64 KiB..64 MiB
    int login_attempts_per_ip = 20;                // GALAXY_LOGIN_ATTEMPTS_PER_IP 1..100000/min
    int login_attempts_per_user = 5;               // GALAXY_LOGIN_ATTEMPTS_PER_USER 1..100000/min
    unsigned long long argon2_opslimit = 2;        // GALAXY_ARGON2_OPSLIMIT 1..10
    std::size_t argon2_memlimit_bytes = 67108864;  // GALAXY_ARGON2_MEMLIMIT_BYTES 8 KiB..1 GiB
    std::size_t max_journal_backlog = 100000;      // GALAXY_MAX_JOURNAL_BACKLOG 10..10000000
    std::string log_level = "info";                // GALAXY_LOG_LEVEL debug|info|warn|error
};

// Reads a variable; std::nullopt when unset. Tests pass their own.
using EnvLookup = std::function<std::optional<std::string>(const std::string& name)>;
EnvLookup process_environment();   // the real environment (getenv)

// Fills *out from the file (if GALAXY_CONFIG_FILE is set) and the environment. Returns false
// with one line per bad value in *errors ("GALAXY_PORT: must be an integer 1..65535, got 'x'");
// secret values are never quoted. Unset variables keep *out's defaults. In the file, a key that
// is not a variable name is an error (a typo would otherwise be silently ignored). The secret
// pair is one setting: if the environment sets either variable, the file's pair is ignored.
bool load_config(const EnvLookup& env, ServerConfig* out, std::vector<std::string>* errors);

}  // namespace galaxy::server
