// Databases for tests: each test gets a fresh database on the PostgreSQL server named by
// GALAXY_TEST_DATABASE_URL (ctest's "postgres" fixture sets it and starts that server).
#pragma once

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <stdexcept>
#include <string>

#include <pqxx/pqxx>

namespace galaxy::test {

// Nothing listens on port 1 of the loopback address: connections are refused at once.
inline constexpr char kUnreachableDatabaseUrl[] = "postgresql://galaxy@127.0.0.1:1/postgres";

// GALAXY_TEST_DATABASE_URL; throws (which fails the running test) when it is not set.
inline std::string test_database_server_url() {
    const char* url = std::getenv("GALAXY_TEST_DATABASE_URL");
    if (url == nullptr || *url == '\0') {
        throw std::runtime_error(
            "GALAXY_TEST_DATABASE_URL is not set: run this test through ctest (its postgres "
            "fixture starts a private cluster and sets it), or export it to point at a "
            "PostgreSQL server where the user may create databases");
    }
    return url;
}

// server_url with its database name replaced by database (query parameters kept).
inline std::string database_url_on(const std::string& server_url, const std::string& database) {
    const auto scheme = server_url.find("://");
    const auto path = server_url.find('/', scheme == std::string::npos ? 0 : scheme + 3);
    const auto query = server_url.find('?');
    std::string url = server_url.substr(0, std::min(path, query)) + "/" + database;
    if (query != std::string::npos) url += server_url.substr(query);
    return url;
}

// A fresh, empty database named galaxy_test_<pid>_<counter>, dropped on destruction (best
// effort: a connection still open forces nothing but is closed by DROP ... WITH (FORCE)).
// The constructor throws when the server is not configured or cannot create it.
class TestDatabase {
public:
    TestDatabase() : server_url_(test_database_server_url()) {
        static std::atomic<int> counter{0};
        name_ = "galaxy_test_" + std::to_string(::getpid()) + "_" + std::to_string(counter++);
        try {
            pqxx::connection connection(server_url_);
            const pqxx::quiet_errorhandler quiet(connection);   // "does not exist, skipping"
            pqxx::nontransaction tx(connection);
            // Identifiers cannot be statement parameters; the name is made of our digits.
            tx.exec("DROP DATABASE IF EXISTS " + tx.quote_name(name_) + " WITH (FORCE)");
            tx.exec("CREATE DATABASE " + tx.quote_name(name_) + " TEMPLATE template0");
        } catch (const std::exception& error) {
            throw std::runtime_error("cannot create test database " + name_ + " on " +
                                     server_url_ + ": " + error.what());
        }
        url_ = database_url_on(server_url_, name_);
    }

    ~TestDatabase() {
        try {
            pqxx::connection connection(server_url_);
            const pqxx::quiet_errorhandler quiet(connection);
            pqxx::nontransaction tx(connection);
            tx.exec("DROP DATABASE IF EXISTS " + tx.quote_name(name_) + " WITH (FORCE)");
        } catch (const std::exception&) {
            // Best effort: a leftover database only costs disk space in the test cluster.
        }
    }

    TestDatabase(const TestDatabase&) = delete;
    TestDatabase& operator=(const TestDatabase&) = delete;

    const std::string& url() const { return url_; }     // postgresql://.../galaxy_test_...
    const std::string& name() const { return name_; }

private:
    std::string server_url_;
    std::string name_;
    std::string url_;
};

}  // namespace galaxy::test
