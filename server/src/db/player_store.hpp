// Player accounts in PostgreSQL. Thread-safe: calls may come from several request threads; each
// call borrows a connection from a small pool and reconnects when the database comes back.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "db/store_status.hpp"

namespace galaxy::server {

struct PlayerRecord {
    std::int64_t id = 0;
    std::string username;          // as registered (unique case-insensitively)
    std::string password_hash;     // crypto_pwhash_str output
    std::uint32_t ship_id = 0;     // 0 until the ship is spawned
    std::string ship_class;        // "fast_frigate" / "cargo_hauler"
    std::int64_t created_at_unix_s = 0;
};

class PlayerStore {
public:
    // pool_size connections at most, opened lazily.
    PlayerStore(std::string database_url, int pool_size = 4);
    ~PlayerStore();

    // Conflict when the name is taken (case-insensitively); fills out->id.
    StoreStatus create(const std::string& username, const std::string& password_hash,
                       const std::string& ship_class, PlayerRecord* out);
    StoreStatus find_by_username(const std::string& username, PlayerRecord* out);  // any case
    StoreStatus find_by_id(std::int64_t id, PlayerRecord* out);
    StoreStatus set_ship(std::int64_t id, std::uint32_t ship_id);
    StoreStatus set_password_hash(std::int64_t id, const std::string& password_hash);
    StoreStatus remove(std::int64_t id);
    StoreStatus count(std::int64_t* out);
    // Accounts whose username contains search (case-insensitive for ASCII letters, as names
    // are unique; LIKE metacharacters such as '%' and '_' match themselves), ordered by id,
    // at most limit of them after skipping offset; *total = all matches ignoring limit/offset.
    StoreStatus list(const std::string& search, std::size_t limit, std::size_t offset,
                     std::vector<PlayerRecord>* out, std::int64_t* total);

private:
    struct Pool;
    std::unique_ptr<Pool> pool_;
};

}  // namespace galaxy::server
