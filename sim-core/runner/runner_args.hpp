// Command-line arguments of galaxy-sim, the headless runner (native binary or galaxy-sim.js).
//
// Parsing never throws: the WebAssembly build cannot catch C++ exceptions, so numbers are read
// with std::strtod / std::strtoull and checked through their end pointers.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace galaxy::runner {

inline constexpr double kMaxDuration_s = 1e10;          // --duration upper bound
inline constexpr std::uint64_t kMaxTicks = 1000000000;  // round(duration / dt) limit
inline constexpr std::uint32_t kMaxCheckpoints = 1000;  // --checkpoints upper bound

// What galaxy-sim was asked to do.
struct RunnerArgs {
    std::uint32_t ships = 0;        // --ships: scripted ships spawned on the first tick
    std::uint64_t seed = 1;         // --seed: chooses spawns and the pilots' inputs
    double duration_s = 0.0;        // --duration: game seconds to simulate (0 = none)
    double dt_s = 1.0;              // --dt: game seconds per tick
    std::uint32_t checkpoints = 0;  // --checkpoints: {tick, hash} samples to report
    std::uint64_t ticks = 0;        // derived: round(duration_s / dt_s)
};

enum class ParseStatus : std::uint8_t {
    Run = 0,  // arguments valid: run the simulation
    Help,     // --help / -h: print the usage text and exit 0
    Error,    // invalid: print the error and the usage text to stderr and exit 2
};

struct ParseResult {
    ParseStatus status = ParseStatus::Error;
    RunnerArgs args;    // meaningful when status == Run
    std::string error;  // one line, no trailing newline, when status == Error
};

// Parses argv[1..argc-1]. Options take their value as the next argument or after '='
// (`--ships 20`, `--ships=20`); each may be given at most once.
ParseResult parse_runner_args(int argc, const char* const* argv);

// The usage text (several lines, ending with a newline) naming the program as `program`.
std::string runner_usage(const char* program);

// The ticks (1..ticks, ascending, distinct) after which a checkpoint hash is taken: `count`
// evenly spaced ticks ending with the last one. Fewer than `count` when ticks < count; the
// single tick 0 (the initial state) when ticks == 0 and count > 0; empty when count == 0.
std::vector<std::uint64_t> checkpoint_ticks(std::uint64_t ticks, std::uint32_t count);

}  // namespace galaxy::runner
