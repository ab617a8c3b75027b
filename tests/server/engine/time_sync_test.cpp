#include "engine/time_sync.hpp"

#include <gtest/gtest.h>

#include "engine/world_factory.hpp"

namespace galaxy::server {
namespace {

// UTC (Unix s) at which the game clock reads game_time_s exactly.
double utc_for(double game_time_s) { return game_time_s + kJ2000Unix_s - kLeapSecondsSinceJ2000_s; }

constexpr double kGameTime_s = 8.0e8;  // mid-2025

TEST(TimeSync, UtcGameTimeCountsTdbSecondsSinceJ2000WithTheLeapSeconds) {
    EXPECT_DOUBLE_EQ(utc_game_time_s(kJ2000Unix_s), 5.0);
    // 2024-01-01T00:00:00Z = Unix 1704067200: 757,339,264.184 s of UTC since J2000 (11:58:55.816
    // UTC) plus the 5 leap seconds inserted since.
    EXPECT_NEAR(utc_game_time_s(1704067200.0), 757339269.184, 1e-6);
}

TEST(TimeSync, OffReportsNoDriftAndKeepsTheAdminScale) {
    const TimeSync s = time_sync_scale(1.0, false, kGameTime_s, utc_for(kGameTime_s - 500.0));
    EXPECT_EQ(s.drift_s, 0.0);
    EXPECT_EQ(s.effective_scale, 1.0);
}

TEST(TimeSync, InsideTheDeadBandRunsAtScaleOne) {
    for (double drift : {-10.0, -3.0, 0.0, 9.5, 10.0}) {
        const TimeSync s = time_sync_scale(1.0, true, kGameTime_s, utc_for(kGameTime_s - drift));
        EXPECT_NEAR(s.drift_s, drift, 1e-6);
        EXPECT_EQ(s.effective_scale, 1.0) << drift;
    }
}

TEST(TimeSync, AGameClockAheadOfUtcRunsSlowAndOneBehindRunsFast) {
    const TimeSync ahead = time_sync_scale(1.0, true, kGameTime_s, utc_for(kGameTime_s - 30.0));
    EXPECT_NEAR(ahead.drift_s, 30.0, 1e-6);
    EXPECT_DOUBLE_EQ(ahead.effective_scale, 0.97);
    const TimeSync behind = time_sync_scale(1.0, true, kGameTime_s, utc_for(kGameTime_s + 20.0));
    EXPECT_NEAR(behind.drift_s, -20.0, 1e-6);
    EXPECT_DOUBLE_EQ(behind.effective_scale, 1.02);
}

TEST(TimeSync, TheCorrectionIsClampedToFivePercent) {
    EXPECT_EQ(
        time_sync_scale(1.0, true, kGameTime_s, utc_for(kGameTime_s - 3600.0)).effective_scale,
        0.95);
    EXPECT_EQ(
        time_sync_scale(1.0, true, kGameTime_s, utc_for(kGameTime_s + 3600.0)).effective_scale,
        1.05);
}

TEST(TimeSync, TheCorrectionMovesInWholeSecondsOfDrift) {
    // So that dt, and with it a journal row, changes about once per 1000 s of correction.
    const double a =
        time_sync_scale(1.0, true, kGameTime_s, utc_for(kGameTime_s - 20.2)).effective_scale;
    const double b =
        time_sync_scale(1.0, true, kGameTime_s, utc_for(kGameTime_s - 19.8)).effective_scale;
    EXPECT_EQ(a, b);
    EXPECT_DOUBLE_EQ(a, 0.98);
}

TEST(TimeSync, OnlyCorrectsAtAdminScaleExactlyOne) {
    const TimeSync s = time_sync_scale(2.0, true, kGameTime_s, utc_for(kGameTime_s - 30.0));
    EXPECT_NEAR(s.drift_s, 30.0, 1e-6);  // still reported
    EXPECT_EQ(s.effective_scale, 2.0);
}

}  // namespace
}  // namespace galaxy::server
