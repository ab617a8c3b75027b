// Run-time configuration overrides: stored, replaced, listed; Unavailable without a database.
#include <map>
#include <string>

#include <gtest/gtest.h>

#include "db/config_store.hpp"
#include "db/database.hpp"
#include "server/support/pg.hpp"

namespace galaxy::server {
namespace {

class ConfigStoreTest : public ::testing::Test {
protected:
    void SetUp() override { ASSERT_TRUE(migrate_database(database_.url())); }

    test::TestDatabase database_;
    ConfigStore store_{database_.url()};
};

TEST_F(ConfigStoreTest, EmptyAtFirst) {
    std::map<std::string, std::string> values{{"stale", "x"}};
    ASSERT_EQ(store_.load_all(&values), StoreStatus::Ok);
    EXPECT_TRUE(values.empty());
}

TEST_F(ConfigStoreTest, SetThenLoadAll) {
    ASSERT_EQ(store_.set("tick_rate_hz", "20"), StoreStatus::Ok);
    ASSERT_EQ(store_.set("time_scale", "2.5"), StoreStatus::Ok);
    std::map<std::string, std::string> values;
    ASSERT_EQ(store_.load_all(&values), StoreStatus::Ok);
    EXPECT_EQ(values, (std::map<std::string, std::string>{{"tick_rate_hz", "20"},
                                                          {"time_scale", "2.5"}}));
}

TEST_F(ConfigStoreTest, SetReplacesTheValue) {
    ASSERT_EQ(store_.set("registration_open", "true"), StoreStatus::Ok);
    ASSERT_EQ(store_.set("registration_open", "false"), StoreStatus::Ok);
    std::map<std::string, std::string> values;
    ASSERT_EQ(store_.load_all(&values), StoreStatus::Ok);
    ASSERT_EQ(values.size(), 1u);
    EXPECT_EQ(values["registration_open"], "false");
}

TEST_F(ConfigStoreTest, ValuesSurviveANewStore) {
    ASSERT_EQ(store_.set("time_sync", "it's \"quoted\""), StoreStatus::Ok);
    ConfigStore other(database_.url());
    std::map<std::string, std::string> values;
    ASSERT_EQ(other.load_all(&values), StoreStatus::Ok);
    EXPECT_EQ(values["time_sync"], "it's \"quoted\"");
}

TEST(ConfigStoreUnavailableTest, UnreachableDatabaseIsUnavailable) {
    ConfigStore store(test::kUnreachableDatabaseUrl);
    std::map<std::string, std::string> values{{"kept", "1"}};
    EXPECT_EQ(store.load_all(&values), StoreStatus::Unavailable);
    EXPECT_EQ(values.size(), 1u);   // untouched on failure
    EXPECT_EQ(store.set("k", "v"), StoreStatus::Unavailable);
}

}  // namespace
}  // namespace galaxy::server
