#include "db/connection_pool.hpp"

#include <algorithm>
#include <utility>

#include <pqxx/pqxx>

#include "core/log.hpp"

namespace galaxy::server {

ConnectionPool::ConnectionPool(std::string database_url, int max_connections)
    : database_url_(std::move(database_url)), max_connections_(std::max(1, max_connections)) {}

std::unique_ptr<PgConnection> ConnectionPool::acquire(bool* reused) {
    std::unique_lock lock(mutex_);
    returned_.wait(lock, [this] { return !idle_.empty() || open_ < max_connections_; });
    if (!idle_.empty()) {
        auto connection = std::move(idle_.back());
        idle_.pop_back();
        *reused = true;
        return connection;
    }
    ++open_;   // reserved before connecting (outside the lock) so that the limit holds
    lock.unlock();
    *reused = false;
    try {
        return std::make_unique<PgConnection>(database_url_);
    } catch (...) {
        release(nullptr);   // gives the reservation back
        throw;
    }
}

void ConnectionPool::release(std::unique_ptr<PgConnection> connection) {
    {
        std::lock_guard lock(mutex_);
        if (connection && connection->get().is_open()) {
            idle_.push_back(std::move(connection));
        } else {
            --open_;
        }
    }
    returned_.notify_one();
}

void ConnectionPool::discard_idle() {
    {
        std::lock_guard lock(mutex_);
        open_ -= static_cast<int>(idle_.size());
        idle_.clear();
    }
    returned_.notify_all();
}

StoreStatus ConnectionPool::run(std::string_view what,
                                const std::function<StoreStatus(pqxx::connection&)>& work) {
    for (int attempt = 0; attempt < 2; ++attempt) {
        std::unique_ptr<PgConnection> connection;
        bool reused = false;
        try {
            connection = acquire(&reused);
        } catch (const std::exception& error) {
            log_event(LogLevel::Warn, "database_unavailable",
                      {{"operation", what}, {"error", error_text(error)}});
            return StoreStatus::Unavailable;
        }
        try {
            const StoreStatus status = work(connection->get());
            release(std::move(connection));
            return status;
        } catch (const pqxx::broken_connection& error) {
            connection.reset();
            release(nullptr);
            if (reused && attempt == 0) {
                discard_idle();
                continue;
            }
            log_event(LogLevel::Warn, "database_unavailable",
                      {{"operation", what}, {"error", error_text(error)}});
            return StoreStatus::Unavailable;
        } catch (const std::exception& error) {
            // An SQL error aborts only the transaction: release() keeps the connection if it
            // is still open.
            release(std::move(connection));
            log_event(LogLevel::Error, "database_error",
                      {{"operation", what}, {"error", error_text(error)}});
            return StoreStatus::Unavailable;
        }
    }
    return StoreStatus::Unavailable;
}

}  // namespace galaxy::server
