// game_config overrides: which values are taken, which are ignored (and logged).
#include "net/runtime_overrides.hpp"

#include <string>

#include <gtest/gtest.h>

#include "server/support/api_helpers.hpp"

namespace galaxy::server {
namespace {

TEST(RuntimeOverrides, ValidValuesAreTaken) {
    const RuntimeOverrides o = parse_runtime_overrides({{"tick_rate_hz", "20"},
                                                        {"time_scale", "1e3"},
                                                        {"time_sync", "ON"},
                                                        {"registration_open", "0"},
                                                        {"paused", "yes"}});
    EXPECT_EQ(o.tick_rate_hz, 20.0);
    EXPECT_EQ(o.time_scale, 1000.0);
    EXPECT_EQ(o.time_sync, true);
    EXPECT_EQ(o.registration_open, false);
    EXPECT_EQ(o.paused, true);
}

TEST(RuntimeOverrides, AbsentKeysStayUnset) {
    const RuntimeOverrides o = parse_runtime_overrides({{"motd", "hello"}});
    EXPECT_FALSE(o.tick_rate_hz);
    EXPECT_FALSE(o.time_scale);
    EXPECT_FALSE(o.time_sync);
    EXPECT_FALSE(o.registration_open);
    EXPECT_FALSE(o.paused);
}

TEST(RuntimeOverrides, RangeLimitsAreInclusive) {
    EXPECT_EQ(parse_runtime_overrides({{"tick_rate_hz", "0.1"}}).tick_rate_hz, 0.1);
    EXPECT_EQ(parse_runtime_overrides({{"tick_rate_hz", "60"}}).tick_rate_hz, 60.0);
    EXPECT_EQ(parse_runtime_overrides({{"time_scale", "100000"}}).time_scale, 100000.0);
}

TEST(RuntimeOverrides, InvalidValuesAreIgnoredAndLogged) {
    test::LogCapture log;
    const RuntimeOverrides o = parse_runtime_overrides({{"tick_rate_hz", "61"},
                                                        {"time_scale", "fast"},
                                                        {"time_sync", "maybe"},
                                                        {"registration_open", " true"}});
    EXPECT_FALSE(o.tick_rate_hz);
    EXPECT_FALSE(o.time_scale);
    EXPECT_FALSE(o.time_sync);
    EXPECT_FALSE(o.registration_open);
    EXPECT_EQ(log.events("config_override_ignored").size(), 4u);
    for (const char* bad : {"10 ", "", "nan", "inf", "0x10", "1e400"}) {
        EXPECT_FALSE(parse_runtime_overrides({{"tick_rate_hz", bad}}).tick_rate_hz) << bad;
    }
}

}  // namespace
}  // namespace galaxy::server
