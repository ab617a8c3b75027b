// Tests for galaxy-sim's argument parsing (sim-core/runner/runner_args.cpp): strict numbers,
// ranges, the tick limit, usage errors, and where the checkpoints fall.
#include "runner_args.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <initializer_list>
#include <string>
#include <vector>

#include "galaxy/sim/world.hpp"

namespace galaxy::runner {
namespace {

// Parses the given arguments as if they followed the program name.
ParseResult parse(std::initializer_list<const char*> args) {
    std::vector<const char*> argv = {"galaxy-sim"};
    argv.insert(argv.end(), args.begin(), args.end());
    return parse_runner_args(static_cast<int>(argv.size()), argv.data());
}

void expect_error(std::initializer_list<const char*> args, const std::string& fragment) {
    const ParseResult result = parse(args);
    EXPECT_EQ(result.status, ParseStatus::Error);
    EXPECT_NE(result.error.find(fragment), std::string::npos)
        << "error '" << result.error << "' should mention '" << fragment << "'";
}

TEST(RunnerArgs, DefaultsRunNothingWithoutArguments) {
    const ParseResult result = parse({});
    ASSERT_EQ(result.status, ParseStatus::Run);
    EXPECT_EQ(result.args.ships, 0u);
    EXPECT_EQ(result.args.seed, 1u);
    EXPECT_EQ(result.args.duration_s, 0.0);
    EXPECT_EQ(result.args.dt_s, 1.0);
    EXPECT_EQ(result.args.checkpoints, 0u);
    EXPECT_EQ(result.args.ticks, 0u);
}

TEST(RunnerArgs, ReadsEveryOptionInBothForms) {
    const ParseResult result = parse({"--ships", "20", "--seed=18446744073709551615", "--duration",
                                      "86400", "--dt=10", "--checkpoints", "5"});
    ASSERT_EQ(result.status, ParseStatus::Run) << result.error;
    EXPECT_EQ(result.args.ships, 20u);
    EXPECT_EQ(result.args.seed, UINT64_MAX);
    EXPECT_EQ(result.args.duration_s, 86400.0);
    EXPECT_EQ(result.args.dt_s, 10.0);
    EXPECT_EQ(result.args.checkpoints, 5u);
    EXPECT_EQ(result.args.ticks, 8640u);
}

TEST(RunnerArgs, TicksAreDurationOverDtRoundedToNearest) {
    EXPECT_EQ(parse({"--duration", "10", "--dt", "3"}).args.ticks, 3u);  // 3.33 -> 3
    EXPECT_EQ(parse({"--duration", "11", "--dt", "3"}).args.ticks, 4u);  // 3.67 -> 4
    EXPECT_EQ(parse({"--duration", "100000", "--dt", "0.1"}).args.ticks, 1000000u);
    EXPECT_EQ(parse({"--duration", "0.0004", "--dt", "0.001"}).args.ticks, 0u);
}

TEST(RunnerArgs, HelpWinsOverEverythingBeforeIt) {
    EXPECT_EQ(parse({"--help"}).status, ParseStatus::Help);
    EXPECT_EQ(parse({"-h"}).status, ParseStatus::Help);
    EXPECT_EQ(parse({"--ships", "3", "--help"}).status, ParseStatus::Help);
}

TEST(RunnerArgs, RejectsUnknownOptionsAndStrayArguments) {
    expect_error({"--ship", "3"}, "unknown option '--ship'");
    expect_error({"20"}, "unexpected argument '20'");
    expect_error({"--ships"}, "--ships needs a value");
    expect_error({"--ships", "1", "--ships", "2"}, "more than once");
}

TEST(RunnerArgs, IntegersMustBeWholeDecimalTokens) {
    for (const char* bad : {"", " 1", "1 ", "+1", "-1", "1.0", "1e3", "0x10", "12abc", "abc"}) {
        expect_error({"--ships", bad}, "--ships");
        expect_error({"--seed", bad}, "--seed");
    }
    expect_error({"--seed", "18446744073709551616"}, "--seed");  // 2^64 does not fit
    EXPECT_EQ(parse({"--seed", "0"}).args.seed, 0u);
    EXPECT_EQ(parse({"--ships", "007"}).args.ships, 7u);  // decimal, not octal
}

TEST(RunnerArgs, IntegerRangesAreEnforced) {
    const std::string max_ships = std::to_string(sim::kMaxShips);
    const std::string too_many_ships = std::to_string(sim::kMaxShips + 1);
    EXPECT_EQ(parse({"--ships", max_ships.c_str()}).status, ParseStatus::Run);
    expect_error({"--ships", too_many_ships.c_str()}, "--ships");
    EXPECT_EQ(parse({"--checkpoints", "1000"}).status, ParseStatus::Run);
    expect_error({"--checkpoints", "1001"}, "--checkpoints");
}

TEST(RunnerArgs, RealsMustBeWholeFiniteTokens) {
    for (const char* bad : {"", " 1", "1 ", "1s", "inf", "-inf", "nan", "NaN", "1e999", "--1"}) {
        expect_error({"--duration", bad}, "--duration");
        expect_error({"--dt", bad}, "--dt");
    }
    EXPECT_EQ(parse({"--dt", ".5"}).args.dt_s, 0.5);
    EXPECT_EQ(parse({"--dt", "2.5e1"}).args.dt_s, 25.0);
}

TEST(RunnerArgs, RealRangesAreEnforced) {
    expect_error({"--duration", "-1"}, "--duration");
    expect_error({"--duration", "1e10", "--dt", "1"}, "ticks");  // in range, but 1e10 ticks
    EXPECT_EQ(parse({"--duration", "1e10", "--dt", "3600"}).status, ParseStatus::Run);
    expect_error({"--duration", "1.0000001e10"}, "--duration");
    EXPECT_EQ(parse({"--dt", "0.001"}).status, ParseStatus::Run);
    EXPECT_EQ(parse({"--dt", "3600"}).status, ParseStatus::Run);
    expect_error({"--dt", "0.0009"}, "--dt");
    expect_error({"--dt", "3600.5"}, "--dt");
    expect_error({"--dt", "0"}, "--dt");
    expect_error({"--dt", "-10"}, "--dt");
}

TEST(RunnerArgs, TickLimitIsInclusive) {
    EXPECT_EQ(parse({"--duration", "1000000", "--dt", "0.001"}).args.ticks, kMaxTicks);
    expect_error({"--duration", "1000000.001", "--dt", "0.001"}, "ticks");
}

TEST(RunnerArgs, UsageNamesEveryOption) {
    const std::string usage = runner_usage("galaxy-sim");
    for (const char* option :
         {"--ships", "--seed", "--duration", "--dt", "--checkpoints", "--help"}) {
        EXPECT_NE(usage.find(option), std::string::npos) << option;
    }
    EXPECT_EQ(usage.back(), '\n');
}

TEST(CheckpointTicks, EvenlySpacedEndingWithTheLastTick) {
    EXPECT_EQ(checkpoint_ticks(1000000, 10),
              (std::vector<std::uint64_t>{100000, 200000, 300000, 400000, 500000, 600000, 700000,
                                          800000, 900000, 1000000}));
    EXPECT_EQ(checkpoint_ticks(10, 3), (std::vector<std::uint64_t>{3, 6, 10}));
    EXPECT_EQ(checkpoint_ticks(7, 1), (std::vector<std::uint64_t>{7}));
}

TEST(CheckpointTicks, FewerThanAskedWhenThereAreFewerTicks) {
    EXPECT_EQ(checkpoint_ticks(3, 5), (std::vector<std::uint64_t>{1, 2, 3}));
    EXPECT_EQ(checkpoint_ticks(0, 5), (std::vector<std::uint64_t>{0}));
    EXPECT_TRUE(checkpoint_ticks(100, 0).empty());
}

}  // namespace
}  // namespace galaxy::runner
