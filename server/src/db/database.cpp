#include "db/database.hpp"

#include <array>
#include <exception>

#include <pqxx/pqxx>

#include "core/log.hpp"
#include "db/pg_connection.hpp"

namespace galaxy::server {
namespace {

// Schema migrations, oldest first: kMigrations[i] brings the schema to version i + 1. Never edit
// one that has shipped; append a new one.
constexpr std::array<const char*, 2> kMigrations = {
    // v1: accounts, run-time configuration, snapshots and the command journal.
    R"sql(
CREATE TABLE players (
    id            bigserial PRIMARY KEY,
    username      text NOT NULL,
    username_key  text UNIQUE NOT NULL,
    password_hash text NOT NULL,
    ship_id       bigint NOT NULL DEFAULT 0,
    ship_class    text NOT NULL,
    created_at    timestamptz DEFAULT now()
);
CREATE TABLE admins (
    id            bigserial PRIMARY KEY,
    username      text UNIQUE NOT NULL,
    password_hash text NOT NULL,
    created_at    timestamptz DEFAULT now()
);
CREATE TABLE game_config (
    key        text PRIMARY KEY,
    value      text NOT NULL,
    updated_at timestamptz DEFAULT now()
);
CREATE TABLE snapshots (
    id          bigserial PRIMARY KEY,
    tick        bigint NOT NULL,
    game_time_s double precision,
    dt_s        double precision,
    state_hash  bigint,
    created_at  timestamptz DEFAULT now(),
    world       bytea NOT NULL
);
CREATE TABLE journal (
    tick       bigint PRIMARY KEY,
    dt_s       double precision NOT NULL,
    commands   bytea NOT NULL,
    state_hash bigint NOT NULL,
    created_at timestamptz DEFAULT now()
);
)sql",
    // v2: administration. The audit trail of admin actions, and the kind and label of each
    // snapshot (retention deletes only periodic and restore snapshots, never an admin's).
    R"sql(
CREATE TABLE admin_audit (
    id      bigserial PRIMARY KEY,
    at      timestamptz NOT NULL DEFAULT now(),
    admin   text NOT NULL,
    ip      text NOT NULL,
    action  text NOT NULL,
    details jsonb NOT NULL,
    ok      boolean NOT NULL
);   -- read newest first by id: the primary key's index serves it
ALTER TABLE snapshots ADD COLUMN kind text NOT NULL DEFAULT 'auto',
                      ADD COLUMN label text NOT NULL DEFAULT '';
)sql",
};

// Serialises migrations of servers starting at the same time ("galaxy" in ASCII).
constexpr long long kMigrationLockKey = 0x67616c617879;

}  // namespace

bool migrate_database(const std::string& database_url) {
    int version = 0;
    try {
        PgConnection connection(database_url);
        for (std::size_t i = 0; i < kMigrations.size(); ++i) {
            version = static_cast<int>(i) + 1;
            // One transaction per migration, holding the lock until it commits: a server that
            // waited for it then sees the version recorded and skips it.
            pqxx::work tx(connection.get());
            tx.exec_params("SELECT pg_advisory_xact_lock($1)", kMigrationLockKey);
            tx.exec("CREATE TABLE IF NOT EXISTS schema_migrations ("
                    " version int PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())");
            if (!tx.exec_params("SELECT 1 FROM schema_migrations WHERE version = $1", version)
                     .empty()) {
                continue;   // the transaction aborts on destruction: nothing to write
            }
            tx.exec(kMigrations[i]);
            tx.exec_params("INSERT INTO schema_migrations (version) VALUES ($1)", version);
            tx.commit();
            log_event(LogLevel::Info, "database_migrated", {{"version", version}});
        }
        return true;
    } catch (const std::exception& error) {
        log_event(LogLevel::Error, "database_migration_failed",
                  {{"version", version}, {"error", error_text(error)}});
        return false;
    }
}

bool database_reachable(const std::string& database_url) {
    try {
        PgConnection connection(database_url);
        pqxx::nontransaction tx(connection.get());
        tx.exec("SELECT 1");
        return true;
    } catch (const std::exception&) {
        return false;
    }
}

bool wait_for_database(const std::string& database_url, const std::function<bool()>& should_stop) {
    Backoff backoff(1.0, 60.0);
    for (int attempt = 1;; ++attempt) {
        if (should_stop()) return false;
        std::string error;
        try {
            PgConnection connection(database_url);
            pqxx::nontransaction tx(connection.get());
            tx.exec("SELECT 1");
        } catch (const std::exception& failure) {
            error = error_text(failure);
        }
        if (error.empty()) {
            if (migrate_database(database_url)) return true;
            error = "migration failed";
        }
        const double delay_s = backoff.next_delay_s();
        log_event(LogLevel::Warn, "database_unreachable",
                  {{"attempt", attempt}, {"error", error}, {"retry_in_s", delay_s}});
        if (!sleep_unless_stopped(delay_s, should_stop)) return false;
    }
}

}  // namespace galaxy::server
