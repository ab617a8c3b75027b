// The database helpers: exact number forms for SQL parameters, the connection string, the retry
// schedule and the stoppable sleep.
#include <chrono>
#include <cmath>
#include <limits>
#include <stdexcept>

#include <gtest/gtest.h>

#include "db/pg_connection.hpp"

namespace galaxy::server {
namespace {

TEST(PgConnectionTest, DoubleTextRoundTripsBitForBit) {
    const double values[] = {1.0 / 60.0, 0.1, 1e-3 * 3.0, 86400.0 * 365.25, -0.0,
                             std::numeric_limits<double>::denorm_min(),
                             std::numeric_limits<double>::max(), 6.02214076e23};
    for (double value : values) {
        const double back = double_from_text(double_param(value));
        EXPECT_EQ(std::signbit(back), std::signbit(value)) << double_param(value);
        EXPECT_EQ(back, value) << double_param(value);
    }
}

TEST(PgConnectionTest, DoubleFromTextRejectsGarbage) {
    EXPECT_THROW(double_from_text("1.5x"), std::invalid_argument);
    EXPECT_THROW(double_from_text(""), std::invalid_argument);
    EXPECT_EQ(double_from_text("1e-05"), 1e-5);   // PostgreSQL's exponent form
}

TEST(PgConnectionTest, HashesKeepAllSixtyFourBitsThroughBigint) {
    const std::uint64_t hashes[] = {0, 1, 0x7fffffffffffffffULL, 0x8000000000000000ULL,
                                    0xcbf29ce484222325ULL, ~0ULL};
    for (std::uint64_t hash : hashes) EXPECT_EQ(hash_from_bigint(hash_to_bigint(hash)), hash);
    EXPECT_EQ(hash_to_bigint(~0ULL), -1);
}

TEST(PgConnectionTest, ConnectionStringAddsATimeoutUnlessTheUrlHasOne) {
    EXPECT_EQ(connection_string("postgresql://galaxy@127.0.0.1:5432/postgres"),
              "postgresql://galaxy@127.0.0.1:5432/postgres?connect_timeout=10");
    EXPECT_EQ(connection_string("postgresql://h/db?sslmode=disable"),
              "postgresql://h/db?sslmode=disable&connect_timeout=10");
    EXPECT_EQ(connection_string("postgresql://h/db?connect_timeout=2"),
              "postgresql://h/db?connect_timeout=2");
    EXPECT_EQ(connection_string("host=h dbname=db"), "host=h dbname=db connect_timeout=10");
}

TEST(PgConnectionTest, BackoffDoublesUpToItsMaximumAndResets) {
    Backoff backoff(1.0, 60.0);
    const double expected[] = {1, 2, 4, 8, 16, 32, 60, 60};
    for (double delay : expected) EXPECT_EQ(backoff.next_delay_s(), delay);
    backoff.reset();
    EXPECT_EQ(backoff.next_delay_s(), 1.0);
}

TEST(PgConnectionTest, SleepReturnsFalseSoonAfterStopIsRequested) {
    const auto start = std::chrono::steady_clock::now();
    int checks = 0;
    // Stop is requested at the third check; the 60 s sleep must end within a few slices.
    EXPECT_FALSE(sleep_unless_stopped(60.0, [&] { return ++checks >= 3; }));
    const double elapsed_s =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    EXPECT_EQ(checks, 3);
    EXPECT_LT(elapsed_s, 1.0);
}

TEST(PgConnectionTest, SleepRunsItsFullLengthWithoutStop) {
    const auto start = std::chrono::steady_clock::now();
    EXPECT_TRUE(sleep_unless_stopped(0.12, [] { return false; }));
    const double elapsed_s =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    EXPECT_GE(elapsed_s, 0.12);
}

}  // namespace
}  // namespace galaxy::server
