#include "db/snapshot_store.hpp"

#include <algorithm>
#include <limits>
#include <utility>

#include <pqxx/pqxx>

#include "db/connection_pool.hpp"
#include "db/pg_connection.hpp"

namespace galaxy::server {
namespace {

// Doubles come back as text: extra_float_digits = 3 makes it their exact shortest decimal
// whatever the server's default, as recovery reads them.
constexpr const char* kExactFloats = "SET LOCAL extra_float_digits = 3";

// The SnapshotInfo columns, in info_from_row's order.
constexpr const char* kInfoColumns =
    "SELECT id, tick, COALESCE(game_time_s, 0), COALESCE(dt_s, 0), COALESCE(state_hash, 0),"
    " COALESCE(extract(epoch FROM created_at)::double precision, 0), kind, label,"
    " octet_length(world)";

SnapshotInfo info_from_row(const pqxx::row& row) {
    SnapshotInfo info;
    info.id = row[0].as<std::int64_t>();
    info.tick = static_cast<std::uint64_t>(row[1].as<std::int64_t>());
    info.game_time_s = double_from_text(row[2].c_str());
    info.dt_s = double_from_text(row[3].c_str());
    info.state_hash = hash_from_bigint(row[4].as<std::int64_t>());
    info.created_at_unix_s = double_from_text(row[5].c_str());
    info.kind = row[6].as<std::string>();
    info.label = row[7].as<std::string>();
    info.bytes = static_cast<std::size_t>(row[8].as<std::int64_t>());
    return info;
}

}  // namespace

struct SnapshotStore::Impl {
    explicit Impl(std::string database_url) : connections(std::move(database_url), 1) {}
    ConnectionPool connections;
};

SnapshotStore::SnapshotStore(std::string database_url)
    : impl_(std::make_unique<Impl>(std::move(database_url))) {}

SnapshotStore::~SnapshotStore() = default;

StoreStatus SnapshotStore::list(std::size_t limit, std::vector<SnapshotInfo>* out) {
    return impl_->connections.run("snapshot_list", [&](pqxx::connection& connection) {
        pqxx::read_transaction tx(connection);
        tx.exec(kExactFloats);
        const auto rows_wanted = static_cast<std::int64_t>(
            std::min<std::uint64_t>(limit, std::numeric_limits<std::int64_t>::max()));
        const pqxx::result rows = tx.exec_params(
            std::string(kInfoColumns) + " FROM snapshots ORDER BY tick DESC, id DESC LIMIT $1",
            rows_wanted);
        std::vector<SnapshotInfo> infos;
        infos.reserve(rows.size());
        for (const pqxx::row& row : rows) infos.push_back(info_from_row(row));
        *out = std::move(infos);
        return StoreStatus::Ok;
    });
}

StoreStatus SnapshotStore::find(std::int64_t id, SnapshotInfo* out) {
    return impl_->connections.run("snapshot_find", [&](pqxx::connection& connection) {
        pqxx::read_transaction tx(connection);
        tx.exec(kExactFloats);
        const pqxx::result rows =
            tx.exec_params(std::string(kInfoColumns) + " FROM snapshots WHERE id = $1", id);
        if (rows.empty()) return StoreStatus::NotFound;
        *out = info_from_row(rows[0]);
        return StoreStatus::Ok;
    });
}

StoreStatus SnapshotStore::load(std::int64_t id, SnapshotInfo* info,
                                std::vector<std::uint8_t>* world) {
    return impl_->connections.run("snapshot_load", [&](pqxx::connection& connection) {
        pqxx::read_transaction tx(connection);
        tx.exec(kExactFloats);
        const pqxx::result rows =
            tx.exec_params(std::string(kInfoColumns) + ", world FROM snapshots WHERE id = $1", id);
        if (rows.empty()) return StoreStatus::NotFound;
        *info = info_from_row(rows[0]);
        const pqxx::binarystring blob(rows[0][9]);
        world->assign(blob.data(), blob.data() + blob.size());
        return StoreStatus::Ok;
    });
}

}  // namespace galaxy::server
