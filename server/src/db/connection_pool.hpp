// A small pool of PostgreSQL connections shared by request threads (PlayerStore, ConfigStore).
#pragma once

#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "db/pg_connection.hpp"
#include "db/store_status.hpp"

namespace galaxy::server {

class ConnectionPool {
public:
    // max_connections (at least 1) open at most, opened lazily.
    ConnectionPool(std::string database_url, int max_connections);

    // Runs work on a pooled connection (waiting while max_connections are borrowed) and
    // returns its status. Never throws: a failed connect, a broken connection or any other
    // exception out of work is logged as `what` and answered Unavailable. A reused connection
    // found broken is discarded with every idle one (the server has probably restarted) and
    // work runs once more on a fresh connection. work catches the SQL errors it maps itself
    // (unique_violation -> Conflict).
    StoreStatus run(std::string_view what,
                    const std::function<StoreStatus(pqxx::connection&)>& work);

private:
    std::unique_ptr<PgConnection> acquire(bool* reused);   // throws when it cannot connect
    // Returns a connection to the idle list, or (null or closed) gives its slot back.
    void release(std::unique_ptr<PgConnection> connection);
    void discard_idle();

    const std::string database_url_;
    const int max_connections_;
    std::mutex mutex_;                   // protects idle_ and open_
    std::condition_variable returned_;   // a connection was released or discarded
    std::vector<std::unique_ptr<PgConnection>> idle_;
    int open_ = 0;                       // idle + borrowed
};

}  // namespace galaxy::server
