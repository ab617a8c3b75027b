#include "galaxy/client/units_format.hpp"

#include <cmath>
#include <limits>

#include <gtest/gtest.h>

namespace galaxy::client {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kDay_s = 86400.0;

TEST(FormatDistance, PicksTheUnitByMagnitude) {
    EXPECT_EQ(format_distance(0.0), "0.0 m");
    EXPECT_EQ(format_distance(850.24), "850.2 m");
    EXPECT_EQ(format_distance(412300.0), "412.3 km");
    EXPECT_EQ(format_distance(384400.0e3), "384,400 km");
    EXPECT_EQ(format_distance(0.387 * kAstronomicalUnit_m), "0.387 AU");
    EXPECT_EQ(format_distance(1.52 * kAstronomicalUnit_m), "1.52 AU");
}

TEST(FormatDistance, SwitchesUnitWhereTheSmallerOneWouldRoundUpToAThousand) {
    EXPECT_EQ(format_distance(999.94), "999.9 m");
    EXPECT_EQ(format_distance(999.96), "1.0 km");
    EXPECT_EQ(format_distance(999.96e3), "1,000 km");
}

TEST(FormatDistance, PutsTheSignInFrontAndDropsItForZero) {
    EXPECT_EQ(format_distance(-1234.5), "-1.2 km");
    EXPECT_EQ(format_distance(-0.01), "0.0 m");
}

TEST(FormatDistance, PrintsNonFiniteValuesAsWords) {
    EXPECT_EQ(format_distance(kInf), "inf");
    EXPECT_EQ(format_distance(-kInf), "-inf");
    EXPECT_EQ(format_distance(std::nan("")), "--");
}

TEST(FormatSpeed, MetresPerSecondBelowOneKilometrePerSecond) {
    EXPECT_EQ(format_speed(12.34), "12.3 m/s");
    EXPECT_EQ(format_speed(7669.0), "7.67 km/s");
    EXPECT_EQ(format_speed(-2.0), "-2.0 m/s");
}

TEST(FormatDuration, CountsDownInWholeUnits) {
    EXPECT_EQ(format_duration(45.23), "45.2 s");
    EXPECT_EQ(format_duration(725.9), "12 m 05 s");
    EXPECT_EQ(format_duration(5552.0), "1 h 32 m");  // a 400 km orbit's period
    EXPECT_EQ(format_duration(3 * kDay_s + 4 * 3600.0 + 59.0), "3 d 04 h");
    EXPECT_EQ(format_duration(2 * 365.25 * kDay_s + 10.5 * kDay_s), "2 y 10 d");
}

TEST(FormatDuration, NegativeAndInfiniteDurations) {
    EXPECT_EQ(format_duration(-90.0), "-1 m 30 s");
    EXPECT_EQ(format_duration(kInf), "inf");
}

TEST(FormatOtherUnits, MassForceAnglePercent) {
    EXPECT_EQ(format_mass(999.0), "999 kg");
    EXPECT_EQ(format_mass(12345.4), "12,345 kg");
    EXPECT_EQ(format_mass(1234567.0), "1,234,567 kg");
    EXPECT_EQ(format_force(950.0), "950 N");
    EXPECT_EQ(format_force(200000.0), "200.0 kN");
    EXPECT_EQ(format_force(1.2e6), "1.20 MN");
    EXPECT_EQ(format_angle(0.5), "28.65 deg");
    EXPECT_EQ(format_angle(-0.5), "-28.65 deg");
    EXPECT_EQ(format_percent(0.42), "42.0 %");
}

// Game time of a UTC midnight, from the day count since 2000-01-01 and TT-UTC then.
double game_time_of_utc_midnight(double days_since_2000, double tt_minus_utc) {
    return days_since_2000 * kDay_s - 0.5 * kDay_s + tt_minus_utc;
}

TEST(TtMinusUtc, FollowsTheLeapSecondTable) {
    EXPECT_DOUBLE_EQ(tt_minus_utc_s(0.0), 64.184);
    // 2006-01-01 is day 2192 after 2000-01-01; 2017-01-01 is day 6210.
    EXPECT_DOUBLE_EQ(tt_minus_utc_s(game_time_of_utc_midnight(2191.0, 64.184)), 64.184);
    EXPECT_DOUBLE_EQ(tt_minus_utc_s(game_time_of_utc_midnight(2193.0, 65.184)), 65.184);
    EXPECT_DOUBLE_EQ(tt_minus_utc_s(game_time_of_utc_midnight(6211.0, 69.184)), 69.184);
    EXPECT_DOUBLE_EQ(tt_minus_utc_s(-1.0e9), 64.184);
}

TEST(FormatUtc, J2000IsElevenFiftyEightUtc) {
    // 12:00:00 TT minus 64.184 s = 11:58:55.816 UTC; seconds are truncated.
    EXPECT_EQ(format_utc(0.0), "2000-01-01 11:58:55 UTC");
}

TEST(FormatUtc, CrossesALeapDayAndTheYearBoundaryBackwards) {
    // 2024-03-01 is day 8826 after 2000-01-01 (24 years with 6 leap days, plus 31 + 29 days).
    const double march_first = game_time_of_utc_midnight(8826.0, 69.184);
    EXPECT_EQ(format_utc(march_first), "2024-03-01 00:00:00 UTC");
    EXPECT_EQ(format_utc(march_first - 1.0), "2024-02-29 23:59:59 UTC");
    EXPECT_EQ(format_utc(game_time_of_utc_midnight(-1.0, 64.184)), "1999-12-31 00:00:00 UTC");
    EXPECT_EQ(format_utc(std::nan("")), "--");
}

}  // namespace
}  // namespace galaxy::client
