// Reading the admin API's answers without exceptions: missing fields and fields of another
// type fall back, values are shown as the dashboard shows them, and dumps never throw.
#include "json_fields.hpp"

#include <gtest/gtest.h>

#include "action_log.hpp"

namespace galaxy::admin {
namespace {

TEST(JsonFieldsTest, FieldsOfTheRightTypeAreReadAndOthersFallBack) {
    const nlohmann::json status = parse_json(
        R"({"tick": 12, "paused": true, "game_time_utc": "2000-01-01T12:00:00Z",
            "last_snapshot_tick": null, "players": [1, 2], "ship_id": -3})");
    EXPECT_DOUBLE_EQ(number_field(status, "tick"), 12.0);
    EXPECT_EQ(id_field(status, "tick"), 12u);
    EXPECT_TRUE(bool_field(status, "paused"));
    EXPECT_EQ(string_field(status, "game_time_utc"), "2000-01-01T12:00:00Z");
    EXPECT_EQ(array_field(status, "players").size(), 2u);
    // Wrong types, missing fields, null, negative ids:
    EXPECT_DOUBLE_EQ(number_field(status, "paused", -1.0), -1.0);
    EXPECT_EQ(id_field(status, "last_snapshot_tick", 7), 7u);
    EXPECT_EQ(id_field(status, "ship_id", 0), 0u);
    EXPECT_FALSE(bool_field(status, "missing"));
    EXPECT_EQ(string_field(status, "tick", "?"), "?");
    EXPECT_TRUE(array_field(status, "tick").empty());
    // Not an object at all (a discarded parse):
    const nlohmann::json broken = parse_json("{oops");
    EXPECT_TRUE(broken.is_discarded());
    EXPECT_DOUBLE_EQ(number_field(broken, "tick", 5.0), 5.0);
}

TEST(JsonFieldsTest, ValuesAreShownWithTheirDecimalsAndWords) {
    EXPECT_EQ(display_value(nlohmann::json(3)), "3");
    EXPECT_EQ(display_value(nlohmann::json(0.21), 3), "0.210");
    EXPECT_EQ(display_value(nlohmann::json(true)), "yes");
    EXPECT_EQ(display_value(nlohmann::json(false)), "no");
    EXPECT_EQ(display_value(nlohmann::json()), "-");
    EXPECT_EQ(display_value(nlohmann::json("text")), "text");
}

TEST(JsonFieldsTest, DumpingInvalidUtf8ReplacesItInsteadOfThrowing) {
    const nlohmann::json value = {{"name", std::string("bad\xff")}};
    EXPECT_EQ(dump_json(value), "{\"name\":\"bad\xEF\xBF\xBD\"}");
}

TEST(ActionLogTest, KeepsTheNewestEntriesAndReturnsTheLastOnesOldestFirst) {
    ActionLog log;
    for (std::size_t i = 0; i < ActionLog::kCapacity + 5; ++i) {
        ActionResult result;
        result.action = "action " + std::to_string(i);
        result.ok = i % 2 == 0;
        log.add(result);
    }
    EXPECT_EQ(log.entries().size(), ActionLog::kCapacity);
    EXPECT_EQ(log.entries().front().action, "action 5");
    const nlohmann::json last = log.to_json(2);
    ASSERT_EQ(last.size(), 2u);
    EXPECT_EQ(last[0]["action"], "action " + std::to_string(ActionLog::kCapacity + 3));
    EXPECT_EQ(last[1]["ok"], true);
}

}  // namespace
}  // namespace galaxy::admin
