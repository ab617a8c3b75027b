// The Status window's plot data: readings over the last five minutes and the bytes-per-second
// rate derived from two readings of a running counter.
#include "status_history.hpp"

#include <gtest/gtest.h>

namespace galaxy::admin {
namespace {

TEST(StatusHistoryTest, TheRateIsTheCounterDifferenceOverTheServerTimeDifference) {
    StatusHistory history;
    history.add(1000.0, 0.2, 0.9, 1.0, 5000.0);
    history.add(1002.0, 0.3, 1.1, 2.0, 9000.0);
    // The first reading has nothing to compare with: no rate.
    const std::vector<float> rate = history.series(StatusSeries::BytesPerS);
    ASSERT_EQ(rate.size(), 1u);
    EXPECT_FLOAT_EQ(rate[0], 2000.0f);  // 4000 B in 2 s
    EXPECT_EQ(history.series(StatusSeries::P50Ms), (std::vector<float>{0.2f, 0.3f}));
    EXPECT_EQ(history.series(StatusSeries::P99Ms), (std::vector<float>{0.9f, 1.1f}));
    EXPECT_EQ(history.series(StatusSeries::PlayersOnline), (std::vector<float>{1.0f, 2.0f}));
}

TEST(StatusHistoryTest, ACounterThatWentBackGivesNoRateForThatInterval) {
    StatusHistory history;
    history.add(1000.0, 0.0, 0.0, 0.0, 9000.0);
    history.add(1001.0, 0.0, 0.0, 0.0, 100.0);  // the server restarted
    history.add(1002.0, 0.0, 0.0, 0.0, 600.0);
    EXPECT_EQ(history.series(StatusSeries::BytesPerS), (std::vector<float>{500.0f}));
}

TEST(StatusHistoryTest, ReadingsOlderThanFiveMinutesBeforeTheNewestAreDropped) {
    StatusHistory history;
    for (int i = 0; i <= 400; ++i) history.add(1000.0 + i, 0.0, 0.0, 0.0, 0.0);
    ASSERT_FALSE(history.samples().empty());
    EXPECT_DOUBLE_EQ(history.samples().back().time_s, 1400.0);
    EXPECT_DOUBLE_EQ(history.samples().front().time_s, 1400.0 - StatusHistory::kWindow_s);
    EXPECT_EQ(history.samples().size(), 301u);
}

TEST(StatusHistoryTest, AReadingNotLaterThanTheLastIsIgnored) {
    StatusHistory history;
    history.add(1000.0, 1.0, 1.0, 1.0, 0.0);
    history.add(1000.0, 2.0, 2.0, 2.0, 10.0);
    history.add(999.0, 3.0, 3.0, 3.0, 20.0);
    EXPECT_EQ(history.samples().size(), 1u);
    history.clear();
    EXPECT_TRUE(history.samples().empty());
}

}  // namespace
}  // namespace galaxy::admin
