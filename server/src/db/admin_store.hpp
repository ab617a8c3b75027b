// Admin accounts and the audit trail of admin actions, in PostgreSQL. Thread-safe: calls come
// from request threads; each borrows a connection from a small pool.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "db/store_status.hpp"

namespace galaxy::server {

struct AdminRecord {
    std::int64_t id = 0;
    std::string username;       // exact (admin names are case-sensitive)
    std::string password_hash;  // crypto_pwhash_str output
};

// One row of admin_audit.
struct AuditEntry {
    std::int64_t id = 0;     // set by the database
    double at_unix_s = 0.0;  // when it was written, Unix s; set by the database
    std::string admin;       // the admin's username ("" when a login names no admin)
    std::string ip;          // the peer address
    std::string action;      // e.g. "login", "settings", "snapshot_restore"
    nlohmann::json details;  // the action's parameters (never passwords); null = {}
    bool ok = false;         // whether the action succeeded
};

class AdminStore {
public:
    // pool_size connections at most, opened lazily.
    explicit AdminStore(std::string database_url, int pool_size = 2);
    ~AdminStore();

    // Inserts unless an admin of that name exists (exact name); *created tells which. An
    // existing admin's password is left alone.
    StoreStatus create_if_missing(const std::string& username, const std::string& password_hash,
                                  bool* created);
    // NotFound when no admin has exactly that name.
    StoreStatus find_by_username(const std::string& username, AdminRecord* out);
    // NotFound when no admin has exactly that name.
    StoreStatus set_password_hash(const std::string& username, const std::string& password_hash);
    // Writes entry; its id and at are ignored (the database sets them).
    StoreStatus append_audit(const AuditEntry& entry);
    // At most limit entries, newest first.
    StoreStatus list_audit(std::size_t limit, std::vector<AuditEntry>* out);

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace galaxy::server
