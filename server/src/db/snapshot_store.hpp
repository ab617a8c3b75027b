// Stored snapshots for the admin API: listing, describing and loading them by id. Thread-safe;
// one pooled connection, since admins list or restore snapshots rarely.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "db/store_status.hpp"

namespace galaxy::server {

// One row of the snapshots table, without the world.
struct SnapshotInfo {
    std::int64_t id = 0;
    std::uint64_t tick = 0;          // server tick
    double game_time_s = 0.0;        // TDB seconds since J2000 (0 when not stored)
    double dt_s = 0.0;               // tick length in force after the tick, game s
    std::uint64_t state_hash = 0;    // sim::state_hash of the stored world
    double created_at_unix_s = 0.0;  // when the row was written (0 when not stored)
    std::string kind;                // "auto" | "manual" | "restore"
    std::string label;               // the admin's label, "" for none
    std::size_t bytes = 0;           // size of the stored world, bytes
};

class SnapshotStore {
public:
    explicit SnapshotStore(std::string database_url);
    ~SnapshotStore();

    // At most limit snapshots, newest first (tick, then id, descending).
    StoreStatus list(std::size_t limit, std::vector<SnapshotInfo>* out);
    // NotFound when no snapshot has the id.
    StoreStatus find(std::int64_t id, SnapshotInfo* out);
    // The stored world bytes (sim::save_world) and info; NotFound when no snapshot has the id.
    // The caller decodes them and checks the hash.
    StoreStatus load(std::int64_t id, SnapshotInfo* info, std::vector<std::uint8_t>* world);

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace galaxy::server
