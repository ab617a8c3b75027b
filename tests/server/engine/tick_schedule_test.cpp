#include "engine/tick_schedule.hpp"

#include <gtest/gtest.h>

#include "server/engine/engine_support.hpp"

namespace galaxy::server {
namespace {

using test::at;

TEST(TickSchedule, NothingIsDueBeforeTheFirstReset) {
    TickSchedule s;
    EXPECT_FALSE(s.started());
    EXPECT_EQ(s.due(at(100.0), 10.0), 0u);
}

TEST(TickSchedule, TickKIsDueAtOriginPlusKOverRate) {
    TickSchedule s;
    s.reset(at(0.0));
    EXPECT_EQ(s.due(at(0.0), 10.0), 0u);
    EXPECT_EQ(s.due(at(0.099), 10.0), 0u);
    EXPECT_EQ(s.due(at(0.1), 10.0), 1u);
    EXPECT_EQ(s.due(at(0.35), 10.0), 3u);
    // 60 Hz time points are not whole nanoseconds; each is due exactly at its rounded time.
    for (int k = 1; k <= 600; ++k)
        EXPECT_EQ(s.due(at(k / 60.0), 60.0), static_cast<std::uint64_t>(k)) << k;
}

TEST(TickSchedule, TakenTicksAreNoLongerDue) {
    TickSchedule s;
    s.reset(at(0.0));
    const TickSchedule::Due d = s.take(at(0.3), 10.0, 50);
    EXPECT_EQ(d.run, 3u);
    EXPECT_EQ(d.skipped, 0u);
    EXPECT_EQ(s.due(at(0.3), 10.0), 0u);
    EXPECT_EQ(s.due(at(0.4), 10.0), 1u);
    EXPECT_EQ(s.next_due(10.0), at(0.4));
}

TEST(TickSchedule, TicksBeyondTheCapAreSkippedAndTheOriginMoves) {
    TickSchedule s;
    s.reset(at(0.0));
    const TickSchedule::Due d = s.take(at(8.0), 10.0, 50);
    EXPECT_EQ(d.run, 50u);
    EXPECT_EQ(d.skipped, 30u);
    EXPECT_EQ(s.due(at(8.0), 10.0), 0u);
    EXPECT_EQ(s.next_due(10.0), at(8.1));
}

TEST(TickSchedule, ResetStartsCountingFromTheNewOrigin) {
    TickSchedule s;
    s.reset(at(0.0));
    s.take(at(0.5), 10.0, 50);
    s.reset(at(10.0));  // e.g. a pause ended: the 9.5 s in between are not made up
    EXPECT_EQ(s.due(at(10.05), 10.0), 0u);
    EXPECT_EQ(s.due(at(10.1), 10.0), 1u);
}

}  // namespace
}  // namespace galaxy::server
