#include "db/config_store.hpp"

#include <utility>

#include <pqxx/pqxx>

#include "db/connection_pool.hpp"

namespace galaxy::server {

// Configuration is read at start-up and written by rare admin actions: one connection is enough.
struct ConfigStore::Impl {
    explicit Impl(std::string database_url) : connections(std::move(database_url), 1) {}
    ConnectionPool connections;
};

ConfigStore::ConfigStore(std::string database_url)
    : impl_(std::make_unique<Impl>(std::move(database_url))) {}

ConfigStore::~ConfigStore() = default;

StoreStatus ConfigStore::load_all(std::map<std::string, std::string>* out) {
    return impl_->connections.run("config_load", [&](pqxx::connection& connection) {
        pqxx::read_transaction tx(connection);
        std::map<std::string, std::string> values;
        for (const pqxx::row& row : tx.exec("SELECT key, value FROM game_config")) {
            values.emplace(row[0].as<std::string>(), row[1].as<std::string>());
        }
        *out = std::move(values);
        return StoreStatus::Ok;
    });
}

StoreStatus ConfigStore::set(const std::string& key, const std::string& value) {
    return impl_->connections.run("config_set", [&](pqxx::connection& connection) {
        pqxx::work tx(connection);
        tx.exec_params(
            "INSERT INTO game_config (key, value) VALUES ($1, $2)"
            " ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = now()",
            key, value);
        tx.commit();
        return StoreStatus::Ok;
    });
}

}  // namespace galaxy::server
