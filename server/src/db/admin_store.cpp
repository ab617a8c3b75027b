#include "db/admin_store.hpp"

#include <algorithm>
#include <limits>
#include <utility>

#include <pqxx/pqxx>

#include "db/connection_pool.hpp"

namespace galaxy::server {

struct AdminStore::Impl {
    Impl(std::string database_url, int pool_size)
        : connections(std::move(database_url), pool_size) {}
    ConnectionPool connections;
};

AdminStore::AdminStore(std::string database_url, int pool_size)
    : impl_(std::make_unique<Impl>(std::move(database_url), pool_size)) {}

AdminStore::~AdminStore() = default;

StoreStatus AdminStore::create_if_missing(const std::string& username,
                                          const std::string& password_hash, bool* created) {
    return impl_->connections.run("admin_create", [&](pqxx::connection& connection) {
        pqxx::work tx(connection);
        // ON CONFLICT: two servers bootstrapping at once both succeed, one of them creates.
        const pqxx::result result = tx.exec_params(
            "INSERT INTO admins (username, password_hash) VALUES ($1, $2)"
            " ON CONFLICT (username) DO NOTHING RETURNING id",
            username, password_hash);
        tx.commit();
        *created = !result.empty();
        return StoreStatus::Ok;
    });
}

StoreStatus AdminStore::find_by_username(const std::string& username, AdminRecord* out) {
    return impl_->connections.run("admin_find", [&](pqxx::connection& connection) {
        pqxx::read_transaction tx(connection);
        const pqxx::result result = tx.exec_params(
            "SELECT id, username, password_hash FROM admins WHERE username = $1", username);
        if (result.empty()) return StoreStatus::NotFound;
        out->id = result[0][0].as<std::int64_t>();
        out->username = result[0][1].as<std::string>();
        out->password_hash = result[0][2].as<std::string>();
        return StoreStatus::Ok;
    });
}

StoreStatus AdminStore::set_password_hash(const std::string& username,
                                          const std::string& password_hash) {
    return impl_->connections.run("admin_set_password", [&](pqxx::connection& connection) {
        pqxx::work tx(connection);
        const pqxx::result result = tx.exec_params(
            "UPDATE admins SET password_hash = $2 WHERE username = $1", username, password_hash);
        tx.commit();
        return result.affected_rows() > 0 ? StoreStatus::Ok : StoreStatus::NotFound;
    });
}

StoreStatus AdminStore::append_audit(const AuditEntry& entry) {
    // A default-constructed json is null; the column holds an object for "no parameters".
    // Invalid UTF-8 in a string (a client's bytes) is replaced rather than thrown on.
    const std::string details =
        entry.details.is_null()
            ? std::string("{}")
            : entry.details.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    return impl_->connections.run("admin_audit_append", [&](pqxx::connection& connection) {
        pqxx::work tx(connection);
        tx.exec_params(
            "INSERT INTO admin_audit (admin, ip, action, details, ok)"
            " VALUES ($1, $2, $3, $4::jsonb, $5)",
            entry.admin, entry.ip, entry.action, details, entry.ok);
        tx.commit();
        return StoreStatus::Ok;
    });
}

StoreStatus AdminStore::list_audit(std::size_t limit, std::vector<AuditEntry>* out) {
    return impl_->connections.run("admin_audit_list", [&](pqxx::connection& connection) {
        pqxx::read_transaction tx(connection);
        tx.exec("SET LOCAL extra_float_digits = 3");  // at with its microseconds
        const auto rows_wanted = static_cast<std::int64_t>(
            std::min<std::uint64_t>(limit, std::numeric_limits<std::int64_t>::max()));
        const pqxx::result rows = tx.exec_params(
            "SELECT id, extract(epoch FROM at)::double precision, admin, ip, action,"
            " details::text, ok FROM admin_audit ORDER BY id DESC LIMIT $1",
            rows_wanted);
        std::vector<AuditEntry> entries;
        entries.reserve(rows.size());
        for (const pqxx::row& row : rows) {
            AuditEntry entry;
            entry.id = row[0].as<std::int64_t>();
            entry.at_unix_s = row[1].as<double>();
            entry.admin = row[2].as<std::string>();
            entry.ip = row[3].as<std::string>();
            entry.action = row[4].as<std::string>();
            // jsonb's text form is always valid JSON.
            entry.details = nlohmann::json::parse(row[5].as<std::string>(), nullptr, false);
            entry.ok = row[6].as<bool>();
            entries.push_back(std::move(entry));
        }
        *out = std::move(entries);
        return StoreStatus::Ok;
    });
}

}  // namespace galaxy::server
