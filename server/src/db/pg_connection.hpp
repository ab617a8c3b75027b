// Private helpers shared by the database code: opening a connection, the retry schedule, and
// the exact text forms used for doubles and 64-bit hashes in SQL parameters.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include <pqxx/connection>
#include <pqxx/errorhandler>

namespace galaxy::server {

inline constexpr int kConnectTimeout_s = 10;   // libpq's connect_timeout unless the URL sets one

// A libpq connection whose server notices ("relation exists, skipping") go to the debug log
// instead of stderr. Not movable (pqxx::connection is not): hold it by unique_ptr.
class PgConnection {
public:
    // Throws pqxx::broken_connection (or another pqxx::failure) when it cannot connect.
    explicit PgConnection(const std::string& database_url);

    pqxx::connection& get() { return connection_; }

private:
    class NoticeToLog : public pqxx::errorhandler {
    public:
        explicit NoticeToLog(pqxx::connection_base& connection) : pqxx::errorhandler(connection) {}
        bool operator()(const char message[]) noexcept override;
    };

    pqxx::connection connection_;
    NoticeToLog notices_{connection_};
};

// The URL with connect_timeout added when it has none, so that an unroutable host fails an
// attempt instead of hanging it.
std::string connection_string(const std::string& database_url);

// The first line of an exception's message (libpq's end with newlines and hints).
std::string error_text(const std::exception& error);

// Waits between retries: initial_s, then doubling up to max_s; reset() after a success.
class Backoff {
public:
    Backoff(double initial_s, double max_s)
        : initial_s_(initial_s), max_s_(max_s), next_s_(initial_s) {}
    double next_delay_s();   // the delay to wait now; the following one doubles
    void reset() { next_s_ = initial_s_; }

private:
    double initial_s_;
    double max_s_;
    double next_s_;
};

// Sleeps seconds_s in slices of at most 50 ms; returns false as soon as should_stop() is true.
bool sleep_unless_stopped(double seconds_s, const std::function<bool()>& should_stop);

// Exact text forms for SQL parameters: the shortest decimal that reads back to the same double
// (so a replayed dt_s is bit-identical), and a hash's 64 bits as the signed bigint PostgreSQL
// stores.
std::string double_param(double value);
double double_from_text(std::string_view text);   // throws std::invalid_argument on bad text
std::int64_t hash_to_bigint(std::uint64_t hash);
std::uint64_t hash_from_bigint(std::int64_t value);

}  // namespace galaxy::server
