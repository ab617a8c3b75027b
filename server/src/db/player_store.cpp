#include "db/player_store.hpp"

#include <algorithm>
#include <limits>
#include <utility>

#include <pqxx/pqxx>

#include "db/connection_pool.hpp"

namespace galaxy::server {
namespace {

// Names are unique case-insensitively. The key is lowered here, ASCII only, rather than by
// SQL lower(), whose result depends on the database's locale.
std::string username_key(const std::string& username) {
    std::string key = username;
    for (char& c : key) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return key;
}

constexpr const char* kSelectPlayer =
    "SELECT id, username, password_hash, ship_id, ship_class,"
    " COALESCE(extract(epoch FROM created_at)::bigint, 0) FROM players ";

PlayerRecord player_from_row(const pqxx::row& row) {
    PlayerRecord record;
    record.id = row[0].as<std::int64_t>();
    record.username = row[1].as<std::string>();
    record.password_hash = row[2].as<std::string>();
    record.ship_id = static_cast<std::uint32_t>(row[3].as<std::int64_t>());
    record.ship_class = row[4].as<std::string>();
    record.created_at_unix_s = row[5].as<std::int64_t>();
    return record;
}

// A count for a bigint parameter: LIMIT and OFFSET take at most INT64_MAX.
std::int64_t bigint_count(std::size_t value) {
    return static_cast<std::int64_t>(
        std::min<std::uint64_t>(value, std::numeric_limits<std::int64_t>::max()));
}

// Ok when the statement changed a row, NotFound when no player has the id.
StoreStatus changed_one(const pqxx::result& result) {
    return result.affected_rows() > 0 ? StoreStatus::Ok : StoreStatus::NotFound;
}

}  // namespace

struct PlayerStore::Pool {
    Pool(std::string database_url, int pool_size)
        : connections(std::move(database_url), pool_size) {}
    ConnectionPool connections;
};

PlayerStore::PlayerStore(std::string database_url, int pool_size)
    : pool_(std::make_unique<Pool>(std::move(database_url), pool_size)) {}

PlayerStore::~PlayerStore() = default;

StoreStatus PlayerStore::create(const std::string& username, const std::string& password_hash,
                                const std::string& ship_class, PlayerRecord* out) {
    return pool_->connections.run("player_create", [&](pqxx::connection& connection) {
        try {
            pqxx::work tx(connection);
            const pqxx::row row = tx.exec_params1(
                "INSERT INTO players (username, username_key, password_hash, ship_class)"
                " VALUES ($1, $2, $3, $4)"
                " RETURNING id, COALESCE(extract(epoch FROM created_at)::bigint, 0)",
                username, username_key(username), password_hash, ship_class);
            tx.commit();
            out->id = row[0].as<std::int64_t>();
            out->username = username;
            out->password_hash = password_hash;
            out->ship_id = 0;
            out->ship_class = ship_class;
            out->created_at_unix_s = row[1].as<std::int64_t>();
            return StoreStatus::Ok;
        } catch (const pqxx::unique_violation&) {
            return StoreStatus::Conflict;
        }
    });
}

StoreStatus PlayerStore::find_by_username(const std::string& username, PlayerRecord* out) {
    return pool_->connections.run("player_find", [&](pqxx::connection& connection) {
        pqxx::read_transaction tx(connection);
        const pqxx::result result = tx.exec_params(
            std::string(kSelectPlayer) + "WHERE username_key = $1", username_key(username));
        if (result.empty()) return StoreStatus::NotFound;
        *out = player_from_row(result[0]);
        return StoreStatus::Ok;
    });
}

StoreStatus PlayerStore::find_by_id(std::int64_t id, PlayerRecord* out) {
    return pool_->connections.run("player_find", [&](pqxx::connection& connection) {
        pqxx::read_transaction tx(connection);
        const pqxx::result result =
            tx.exec_params(std::string(kSelectPlayer) + "WHERE id = $1", id);
        if (result.empty()) return StoreStatus::NotFound;
        *out = player_from_row(result[0]);
        return StoreStatus::Ok;
    });
}

StoreStatus PlayerStore::set_ship(std::int64_t id, std::uint32_t ship_id) {
    return pool_->connections.run("player_set_ship", [&](pqxx::connection& connection) {
        pqxx::work tx(connection);
        const pqxx::result result = tx.exec_params("UPDATE players SET ship_id = $2 WHERE id = $1",
                                                   id, static_cast<std::int64_t>(ship_id));
        tx.commit();
        return changed_one(result);
    });
}

StoreStatus PlayerStore::set_password_hash(std::int64_t id, const std::string& password_hash) {
    return pool_->connections.run("player_set_password", [&](pqxx::connection& connection) {
        pqxx::work tx(connection);
        const pqxx::result result = tx.exec_params(
            "UPDATE players SET password_hash = $2 WHERE id = $1", id, password_hash);
        tx.commit();
        return changed_one(result);
    });
}

StoreStatus PlayerStore::remove(std::int64_t id) {
    return pool_->connections.run("player_remove", [&](pqxx::connection& connection) {
        pqxx::work tx(connection);
        const pqxx::result result = tx.exec_params("DELETE FROM players WHERE id = $1", id);
        tx.commit();
        return changed_one(result);
    });
}

StoreStatus PlayerStore::count(std::int64_t* out) {
    return pool_->connections.run("player_count", [&](pqxx::connection& connection) {
        pqxx::read_transaction tx(connection);
        *out = tx.exec("SELECT count(*) FROM players")[0][0].as<std::int64_t>();
        return StoreStatus::Ok;
    });
}

StoreStatus PlayerStore::list(const std::string& search, std::size_t limit, std::size_t offset,
                              std::vector<PlayerRecord>* out, std::int64_t* total) {
    return pool_->connections.run("player_list", [&](pqxx::connection& connection) {
        // One snapshot of the table for both statements, so that total matches the page.
        pqxx::transaction<pqxx::isolation_level::repeatable_read, pqxx::readwrite_policy::read_only>
            tx(connection);
        // strpos rather than LIKE: the search is a plain substring, with no metacharacters to
        // escape. The key is lowered the way it was stored.
        const std::string needle = username_key(search);
        const pqxx::result rows =
            tx.exec_params(std::string(kSelectPlayer) +
                               "WHERE strpos(username_key, $1) > 0 ORDER BY id LIMIT $2 OFFSET $3",
                           needle, bigint_count(limit), bigint_count(offset));
        const pqxx::row count = tx.exec_params1(
            "SELECT count(*) FROM players WHERE strpos(username_key, $1) > 0", needle);
        tx.commit();
        std::vector<PlayerRecord> records;
        records.reserve(rows.size());
        for (const pqxx::row& row : rows) records.push_back(player_from_row(row));
        *out = std::move(records);
        *total = count[0].as<std::int64_t>();
        return StoreStatus::Ok;
    });
}

}  // namespace galaxy::server
