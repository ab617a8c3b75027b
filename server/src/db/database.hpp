// Connecting to PostgreSQL and bringing the schema up to date.
#pragma once

#include <atomic>
#include <functional>
#include <string>

namespace galaxy::server {

// Tries to connect until it succeeds or should_stop() returns true, waiting 1, 2, 4 ... 60 s
// between attempts (each failure logged). Returns true once connected (and migrated).
bool wait_for_database(const std::string& database_url, const std::function<bool()>& should_stop);

// Applies the migrations newer than the schema_migrations table says, each in a transaction.
// Returns false (and logs why) on failure.
bool migrate_database(const std::string& database_url);

// One cheap round trip ("SELECT 1"); false when the database cannot be reached.
bool database_reachable(const std::string& database_url);

}  // namespace galaxy::server
