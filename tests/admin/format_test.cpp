// Numbers for people: trimmed decimals, durations, ages, bytes, milliseconds, kilometres.
#include <gtest/gtest.h>

#include "galaxy/admin/format.hpp"

namespace galaxy::admin {
namespace {

TEST(AdminFormat, NumbersDropTrailingZeros) {
    EXPECT_EQ(format_number(10.0, 2), "10");
    EXPECT_EQ(format_number(9.984, 2), "9.98");
    EXPECT_EQ(format_number(0.5, 3), "0.5");
    EXPECT_EQ(format_number(-0.0001, 2), "0");
    EXPECT_EQ(format_number(100000.0, 2), "100000");
}

TEST(AdminFormat, DurationsShowTheLargestTwoWholeUnits) {
    EXPECT_EQ(format_duration(0.4), "0 s");
    EXPECT_EQ(format_duration(12.9), "12 s");
    EXPECT_EQ(format_duration(60.0), "1 min");
    EXPECT_EQ(format_duration(303.0), "5 min 3 s");
    EXPECT_EQ(format_duration(2 * 3600.0 + 14 * 60.0 + 59.0), "2 h 14 min");
    EXPECT_EQ(format_duration(3 * 86400.0 + 4 * 3600.0 + 5.0), "3 d 4 h");
    EXPECT_EQ(format_duration(-5.0), "0 s");
}

TEST(AdminFormat, AgesAreRelativeToTheGivenNow) {
    const double now_s = 1795000000.0;
    EXPECT_EQ(format_age(now_s - 12.0, now_s), "12 s ago");
    EXPECT_EQ(format_age(now_s - 7200.0, now_s), "2 h ago");
    EXPECT_EQ(format_age(now_s + 3.0, now_s), "now");  // a server clock slightly ahead
}

TEST(AdminFormat, BytesUseBinaryUnitsWithOneDecimal) {
    EXPECT_EQ(format_bytes(512.0), "512 B");
    EXPECT_EQ(format_bytes(1536.0), "1.5 KiB");
    EXPECT_EQ(format_bytes(123456.0), "120.6 KiB");
    EXPECT_EQ(format_bytes(3.2 * 1024 * 1024), "3.2 MiB");
    EXPECT_EQ(format_bytes(1024.0 * 1024 * 1024), "1 GiB");
}

TEST(AdminFormat, MillisecondsAndKilometres) {
    EXPECT_EQ(format_ms(0.213), "0.21 ms");
    EXPECT_EQ(format_ms(12.0), "12 ms");
    EXPECT_EQ(format_km(408500.0), "408.5 km");
    EXPECT_EQ(format_km(1e9), "1000000 km");
}

}  // namespace
}  // namespace galaxy::admin
