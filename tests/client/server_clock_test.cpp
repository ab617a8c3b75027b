// ServerClock: the offset of the fastest recent round trip, and the fallback timestamp.
#include "galaxy/client/server_clock.hpp"

#include <gtest/gtest.h>

namespace galaxy::client {
namespace {

constexpr std::uint64_t S = 1'760'000'000'000'000;  // a server reading, us since the epoch

TEST(ServerClock, UnsyncedReadsZero) {
    ServerClock clock;
    EXPECT_FALSE(clock.synced());
    EXPECT_EQ(clock.server_time_us(1000.0), 0u);
    EXPECT_LT(clock.last_rtt_ms(), 0.0);
    EXPECT_LT(clock.min_rtt_ms(), 0.0);
}

TEST(ServerClock, RoundTripPutsTheServerReadingAtTheMidpoint) {
    ServerClock clock;
    clock.add_round_trip(1000.0, 1060.0, S);  // read at client 1030 ms
    EXPECT_TRUE(clock.synced());
    EXPECT_DOUBLE_EQ(clock.last_rtt_ms(), 60.0);
    EXPECT_EQ(clock.server_time_us(1030.0), S);
    EXPECT_EQ(clock.server_time_us(2030.0), S + 1'000'000);
}

TEST(ServerClock, TheFastestRecentRoundTripWins) {
    ServerClock clock(3);
    clock.add_round_trip(0.0, 100.0, S);                  // slow: offset S - 50 ms
    clock.add_round_trip(1000.0, 1010.0, S + 1'000'000);  // fast: reading at 1005 -> S - 5 ms
    clock.add_round_trip(2000.0, 2080.0, S + 2'100'000);
    EXPECT_DOUBLE_EQ(clock.min_rtt_ms(), 10.0);
    EXPECT_DOUBLE_EQ(clock.last_rtt_ms(), 80.0);
    EXPECT_EQ(clock.server_time_us(1005.0), S + 1'000'000);
    // Three more slow ones push the fast one out of the window of 3.
    clock.add_round_trip(3000.0, 3040.0, S + 3'000'000);  // reading at 3020 -> S - 20 ms
    clock.add_round_trip(4000.0, 4050.0, S + 4'000'000);
    clock.add_round_trip(5000.0, 5060.0, S + 5'000'000);
    EXPECT_DOUBLE_EQ(clock.min_rtt_ms(), 40.0);
    EXPECT_EQ(clock.server_time_us(3020.0), S + 3'000'000);
}

TEST(ServerClock, TimestampSyncsOnlyWhenNothingElseDid) {
    ServerClock clock;
    clock.add_timestamp(500.0, S);
    EXPECT_EQ(clock.server_time_us(600.0), S + 100'000);
    clock.add_timestamp(700.0, S + 900'000);  // ignored: the first one stands
    EXPECT_EQ(clock.server_time_us(600.0), S + 100'000);
    clock.add_round_trip(1000.0, 1020.0, S);  // a round trip replaces it
    EXPECT_EQ(clock.server_time_us(1010.0), S);
}

TEST(ServerClock, ClearingRoundTripsKeepsTheOffsetUntilTheNextOne) {
    ServerClock clock;
    clock.add_round_trip(0.0, 10.0, S);
    clock.clear_round_trips();
    EXPECT_LT(clock.min_rtt_ms(), 0.0);
    EXPECT_EQ(clock.server_time_us(5.0), S);
    clock.add_round_trip(100.0, 300.0, S);  // slower, but now the only one
    EXPECT_EQ(clock.server_time_us(200.0), S);
}

TEST(ServerClock, NeverReadsBeforeTheEpoch) {
    ServerClock clock;
    clock.add_timestamp(1e9, 1000);  // a client clock far ahead of a tiny server reading
    EXPECT_EQ(clock.server_time_us(0.0), 0u);
}

}  // namespace
}  // namespace galaxy::client
