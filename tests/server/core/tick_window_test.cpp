// The admin status's minute of ticks: rate and duration percentiles over the window.
#include <gtest/gtest.h>

#include "core/tick_window.hpp"

namespace galaxy::server {
namespace {

TEST(TickWindow, EmptyWindowReportsZeros) {
    const TickWindow window(60.0);
    const TickWindowSummary s = window.summary(100.0);
    EXPECT_EQ(s.ticks, 0u);
    EXPECT_EQ(s.rate_hz, 0.0);
    EXPECT_EQ(s.p50_s, 0.0);
    EXPECT_EQ(s.p99_s, 0.0);
}

TEST(TickWindow, RateAndPercentilesCoverTheLastMinuteOnly) {
    TickWindow window(60.0);
    // A minute of 10 Hz ticks taking 1..600 ms (one each), after an old slow tick.
    window.record(0.0, 5.0);
    for (int i = 1; i <= 600; ++i) window.record(100.0 + 0.1 * i, 0.001 * i);
    const TickWindowSummary s = window.summary(160.0);
    EXPECT_EQ(s.ticks, 600u);
    EXPECT_DOUBLE_EQ(s.rate_hz, 10.0);
    EXPECT_DOUBLE_EQ(s.p50_s, 0.300);  // nearest rank: the 300th of 600
    EXPECT_DOUBLE_EQ(s.p99_s, 0.594);  // the 594th of 600
}

TEST(TickWindow, TicksOlderThanTheWindowAreIgnoredWhenRead) {
    TickWindow window(60.0);
    window.record(10.0, 0.002);
    EXPECT_EQ(window.summary(69.0).ticks, 1u);
    EXPECT_EQ(window.summary(71.0).ticks, 0u);  // a paused world records nothing new
}

TEST(TickWindow, RateCoversOnlyTheTimeSinceTheFirstTickWhenShorter) {
    TickWindow window(60.0);
    for (int i = 0; i < 50; ++i) window.record(10.0 + 0.1 * i, 0.001);
    EXPECT_DOUBLE_EQ(window.summary(15.0).rate_hz, 10.0);  // 50 ticks in 5 s, not in 60 s
}

TEST(TickWindow, KeepsAtMostMaxTicks) {
    TickWindow window(60.0, 100);
    for (int i = 0; i < 250; ++i) window.record(1.0 + 0.001 * i, 0.001);
    EXPECT_EQ(window.summary(2.0).ticks, 100u);
}

}  // namespace
}  // namespace galaxy::server
