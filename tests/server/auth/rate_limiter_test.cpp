// Sliding-window limits with explicit times: window edges, refused events not counted, keys
// independent, eviction of the stalest key, and thread safety.
#include "auth/rate_limiter.hpp"

#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

namespace galaxy::server {
namespace {

// Times are multiples of 0.25 s, exact in binary, so the edge cases are exact.

TEST(SlidingWindowLimiter, AllowsMaxEventsThenRefusesUntilTheOldestLeavesTheWindow) {
    SlidingWindowLimiter limiter(3, 1.0);
    EXPECT_TRUE(limiter.allow(0.0));
    EXPECT_TRUE(limiter.allow(0.25));
    EXPECT_TRUE(limiter.allow(0.5));
    EXPECT_FALSE(limiter.allow(0.75));
    EXPECT_FALSE(limiter.allow(0.99));
    EXPECT_TRUE(limiter.allow(1.0));   // the event at 0.0 is exactly one window old: gone
    EXPECT_FALSE(limiter.allow(1.0));  // 0.25, 0.5 and 1.0 are in (0, 1]
    EXPECT_TRUE(limiter.allow(1.25));
}

TEST(SlidingWindowLimiter, RefusedEventsDoNotExtendTheBlock) {
    SlidingWindowLimiter limiter(1, 1.0);
    EXPECT_TRUE(limiter.allow(0.0));
    for (double t = 0.25; t < 1.0; t += 0.25) EXPECT_FALSE(limiter.allow(t));
    EXPECT_TRUE(limiter.allow(1.0));
}

TEST(SlidingWindowLimiter, LongQuietPeriodRestoresTheFullAllowance) {
    SlidingWindowLimiter limiter(50, 1.0);
    for (int i = 0; i < 50; ++i) EXPECT_TRUE(limiter.allow(0.5));
    EXPECT_FALSE(limiter.allow(0.5));
    for (int i = 0; i < 50; ++i) EXPECT_TRUE(limiter.allow(100.0));
    EXPECT_FALSE(limiter.allow(100.0));
}

TEST(SlidingWindowLimiter, ZeroMaxRefusesEverything) {
    SlidingWindowLimiter limiter(0, 1.0);
    EXPECT_FALSE(limiter.allow(0.0));
    EXPECT_FALSE(limiter.allow(10.0));
}

TEST(KeyedRateLimiter, KeysAreLimitedIndependently) {
    KeyedRateLimiter limiter(2, 60.0);
    EXPECT_TRUE(limiter.allow("10.0.0.1", 0.0));
    EXPECT_TRUE(limiter.allow("10.0.0.1", 1.0));
    EXPECT_FALSE(limiter.allow("10.0.0.1", 2.0));
    EXPECT_TRUE(limiter.allow("10.0.0.2", 2.0));
    EXPECT_TRUE(limiter.allow("10.0.0.1", 60.0));  // the event at 0 left the window
    EXPECT_FALSE(limiter.allow("10.0.0.1", 60.5));
}

TEST(KeyedRateLimiter, WouldAllowDoesNotRecord) {
    KeyedRateLimiter limiter(1, 60.0);
    EXPECT_TRUE(limiter.would_allow("ada", 0.0));
    EXPECT_TRUE(limiter.would_allow("ada", 0.0));
    EXPECT_EQ(limiter.key_count(), 0u);
    limiter.record("ada", 0.0);
    EXPECT_FALSE(limiter.would_allow("ada", 59.75));
    EXPECT_TRUE(limiter.would_allow("ada", 60.0));
}

// Failed logins are recorded even when over the limit, so persisting keeps the key blocked.
TEST(KeyedRateLimiter, RecordCountsEvenOverTheLimit) {
    KeyedRateLimiter limiter(2, 10.0);
    limiter.record("ada", 0.0);
    limiter.record("ada", 1.0);
    limiter.record("ada", 9.0);
    EXPECT_FALSE(limiter.would_allow("ada", 10.0));   // 1.0 and 9.0 still in the window
    EXPECT_FALSE(limiter.would_allow("ada", 10.75));  // 9.0 alone does not free a slot...
    EXPECT_TRUE(limiter.would_allow("ada", 11.0));    // ...until 1.0 leaves
    EXPECT_FALSE(limiter.allow("ada", 10.0));
}

TEST(KeyedRateLimiter, ResetForgetsTheKey) {
    KeyedRateLimiter limiter(1, 60.0);
    EXPECT_TRUE(limiter.allow("ada", 0.0));
    EXPECT_FALSE(limiter.allow("ada", 1.0));
    limiter.reset("ada");
    EXPECT_EQ(limiter.key_count(), 0u);
    EXPECT_TRUE(limiter.allow("ada", 1.0));
    limiter.reset("nobody");  // unknown keys are fine
    EXPECT_EQ(limiter.key_count(), 1u);
}

TEST(KeyedRateLimiter, StalestKeyIsForgottenWhenFull) {
    KeyedRateLimiter limiter(1, 60.0, 2);
    EXPECT_TRUE(limiter.allow("a", 0.0));
    EXPECT_TRUE(limiter.allow("b", 1.0));
    limiter.record("a", 2.0);  // a is now fresher than b
    EXPECT_TRUE(limiter.allow("c", 3.0));
    EXPECT_EQ(limiter.key_count(), 2u);
    EXPECT_TRUE(limiter.would_allow("b", 4.0));   // b was forgotten
    EXPECT_FALSE(limiter.would_allow("a", 4.0));  // a and c are remembered
    EXPECT_FALSE(limiter.would_allow("c", 4.0));
}

TEST(KeyedRateLimiter, RefusedAttemptsDoNotMakeAKeyFresher) {
    KeyedRateLimiter limiter(1, 60.0, 2);
    EXPECT_TRUE(limiter.allow("a", 0.0));
    EXPECT_TRUE(limiter.allow("b", 1.0));
    EXPECT_FALSE(limiter.allow("a", 2.0));
    EXPECT_TRUE(limiter.allow("c", 3.0));  // evicts a: its last recorded event is oldest
    EXPECT_TRUE(limiter.would_allow("a", 4.0));
    EXPECT_FALSE(limiter.would_allow("b", 4.0));
}

TEST(KeyedRateLimiter, ZeroMaxRefusesEverything) {
    KeyedRateLimiter limiter(0, 60.0);
    EXPECT_FALSE(limiter.would_allow("a", 0.0));
    EXPECT_FALSE(limiter.allow("a", 0.0));
    EXPECT_EQ(limiter.key_count(), 0u);
}

TEST(KeyedRateLimiter, ConcurrentCallersGetExactlyTheLimit) {
    KeyedRateLimiter limiter(100, 60.0);
    std::atomic<int> allowed{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&] {
            for (int i = 0; i < 1000; ++i) {
                if (limiter.allow("shared", 1.0)) ++allowed;
                limiter.allow("own" + std::to_string(i), 1.0);
            }
        });
    }
    for (auto& thread : threads) thread.join();
    EXPECT_EQ(allowed.load(), 100);
    EXPECT_EQ(limiter.key_count(), 1001u);
}

}  // namespace
}  // namespace galaxy::server
