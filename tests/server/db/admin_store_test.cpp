// Admin accounts (created only when missing, exact names, password changes) and the audit trail
// (details round-trip as JSON, newest first, limited), and Unavailable when the database cannot
// be reached.
#include <cmath>
#include <ctime>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "db/admin_store.hpp"
#include "db/database.hpp"
#include "server/support/pg.hpp"

namespace galaxy::server {
namespace {

class AdminStoreTest : public ::testing::Test {
protected:
    void SetUp() override { ASSERT_TRUE(migrate_database(database_.url())); }

    test::TestDatabase database_;
    AdminStore store_{database_.url()};
};

AuditEntry audit(const std::string& action, nlohmann::json details, bool ok) {
    AuditEntry entry;
    entry.admin = "root";
    entry.ip = "203.0.113.7";
    entry.action = action;
    entry.details = std::move(details);
    entry.ok = ok;
    return entry;
}

TEST_F(AdminStoreTest, CreateIfMissingCreatesOnceAndNeverOverwritesThePassword) {
    bool created = false;
    ASSERT_EQ(store_.create_if_missing("admin", "hash-1", &created), StoreStatus::Ok);
    EXPECT_TRUE(created);
    ASSERT_EQ(store_.create_if_missing("admin", "hash-2", &created), StoreStatus::Ok);
    EXPECT_FALSE(created);
    AdminRecord found;
    ASSERT_EQ(store_.find_by_username("admin", &found), StoreStatus::Ok);
    EXPECT_GT(found.id, 0);
    EXPECT_EQ(found.username, "admin");
    EXPECT_EQ(found.password_hash, "hash-1");
}

TEST_F(AdminStoreTest, NamesAreExact) {
    bool created = false;
    ASSERT_EQ(store_.create_if_missing("admin", "lower", &created), StoreStatus::Ok);
    ASSERT_EQ(store_.create_if_missing("Admin", "upper", &created), StoreStatus::Ok);
    EXPECT_TRUE(created);  // another name
    AdminRecord found;
    ASSERT_EQ(store_.find_by_username("Admin", &found), StoreStatus::Ok);
    EXPECT_EQ(found.password_hash, "upper");
    EXPECT_EQ(store_.find_by_username("ADMIN", &found), StoreStatus::NotFound);
    EXPECT_EQ(store_.find_by_username("nobody", &found), StoreStatus::NotFound);
}

TEST_F(AdminStoreTest, SetPasswordHashChangesOnlyThatAdmin) {
    bool created = false;
    ASSERT_EQ(store_.create_if_missing("admin", "old", &created), StoreStatus::Ok);
    ASSERT_EQ(store_.create_if_missing("other", "kept", &created), StoreStatus::Ok);
    ASSERT_EQ(store_.set_password_hash("admin", "new"), StoreStatus::Ok);
    AdminRecord found;
    ASSERT_EQ(store_.find_by_username("admin", &found), StoreStatus::Ok);
    EXPECT_EQ(found.password_hash, "new");
    ASSERT_EQ(store_.find_by_username("other", &found), StoreStatus::Ok);
    EXPECT_EQ(found.password_hash, "kept");
    EXPECT_EQ(store_.set_password_hash("nobody", "x"), StoreStatus::NotFound);
}

TEST_F(AdminStoreTest, AuditEntriesRoundTripWithTheirDetails) {
    const nlohmann::json details = {{"label", "pre-launch 'test' \"quoted\" \u00e9t\u00e9"},
                                    {"settings", {{"time_scale", 1000.5}, {"paused", true}}},
                                    {"ids", {1, 2, 9007199254740993LL}},
                                    {"none", nullptr}};
    ASSERT_EQ(store_.append_audit(audit("settings", details, true)), StoreStatus::Ok);
    std::vector<AuditEntry> entries;
    ASSERT_EQ(store_.list_audit(10, &entries), StoreStatus::Ok);
    ASSERT_EQ(entries.size(), 1u);
    EXPECT_GT(entries[0].id, 0);
    EXPECT_EQ(entries[0].admin, "root");
    EXPECT_EQ(entries[0].ip, "203.0.113.7");
    EXPECT_EQ(entries[0].action, "settings");
    EXPECT_EQ(entries[0].details, details);
    EXPECT_TRUE(entries[0].ok);
    // Set by the database: within a minute of this machine's clock (they share it).
    EXPECT_LE(std::abs(entries[0].at_unix_s - static_cast<double>(std::time(nullptr))), 60.0);
}

TEST_F(AdminStoreTest, AuditWithoutDetailsStoresAnEmptyObject) {
    AuditEntry entry = audit("login", nullptr, false);
    entry.admin = "";  // a failed login naming no admin
    ASSERT_EQ(store_.append_audit(entry), StoreStatus::Ok);
    std::vector<AuditEntry> entries;
    ASSERT_EQ(store_.list_audit(10, &entries), StoreStatus::Ok);
    ASSERT_EQ(entries.size(), 1u);
    EXPECT_EQ(entries[0].details, nlohmann::json::object());
    EXPECT_EQ(entries[0].admin, "");
    EXPECT_FALSE(entries[0].ok);
}

TEST_F(AdminStoreTest, AuditListsNewestFirstUpToTheLimit) {
    for (int i = 0; i < 5; ++i) {
        ASSERT_EQ(store_.append_audit(audit("action" + std::to_string(i), {{"i", i}}, true)),
                  StoreStatus::Ok);
    }
    std::vector<AuditEntry> entries;
    ASSERT_EQ(store_.list_audit(3, &entries), StoreStatus::Ok);
    ASSERT_EQ(entries.size(), 3u);
    EXPECT_EQ(entries[0].action, "action4");
    EXPECT_EQ(entries[1].action, "action3");
    EXPECT_EQ(entries[2].action, "action2");
    EXPECT_GT(entries[0].id, entries[1].id);
    EXPECT_GE(entries[0].at_unix_s, entries[2].at_unix_s);
    ASSERT_EQ(store_.list_audit(100, &entries), StoreStatus::Ok);
    EXPECT_EQ(entries.size(), 5u);
}

TEST(AdminStoreUnavailableTest, EveryCallIsUnavailableWhenTheDatabaseIsUnreachable) {
    AdminStore store(test::kUnreachableDatabaseUrl);
    bool created = false;
    AdminRecord record;
    std::vector<AuditEntry> entries;
    EXPECT_EQ(store.create_if_missing("admin", "h", &created), StoreStatus::Unavailable);
    EXPECT_EQ(store.find_by_username("admin", &record), StoreStatus::Unavailable);
    EXPECT_EQ(store.set_password_hash("admin", "h"), StoreStatus::Unavailable);
    EXPECT_EQ(store.append_audit(audit("login", nullptr, false)), StoreStatus::Unavailable);
    EXPECT_EQ(store.list_audit(10, &entries), StoreStatus::Unavailable);
}

}  // namespace
}  // namespace galaxy::server
