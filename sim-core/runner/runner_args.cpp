// Argument parsing for galaxy-sim. No exceptions (see runner_args.hpp): every failure becomes
// a ParseResult with status Error and a one-line message.
#include "runner_args.hpp"

#include <cerrno>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <utility>
#include <vector>

#include "galaxy/sim/world.hpp"

namespace galaxy::runner {
namespace {

bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }

// A finite double from the whole token. strtod alone would skip leading blanks, stop at the
// first bad character and accept "inf"/"nan"; all of those are refused here. glibc's and musl's
// strtod both round correctly, so native and WASM runs read the same bits from the same text.
bool parse_double(const std::string& text, double* out) {
    if (text.empty()) return false;
    const char first = text.front();
    if (!is_ascii_digit(first) && first != '-' && first != '+' && first != '.') return false;
    errno = 0;
    char* end = nullptr;
    const double value = std::strtod(text.c_str(), &end);
    if (end != text.c_str() + text.size()) return false;
    // ERANGE on underflow still yields a usable (tiny or zero) value; overflow yields inf,
    // which the finiteness check refuses.
    if (!std::isfinite(value)) return false;
    *out = value;
    return true;
}

// An unsigned decimal integer from the whole token, at most `max`. Digits only: strtoull would
// otherwise accept blanks, a sign ("-1" wraps to 2^64 - 1) and, with base 0, octal and hex.
bool parse_unsigned(const std::string& text, std::uint64_t max, std::uint64_t* out) {
    if (text.empty()) return false;
    for (const char c : text) {
        if (!is_ascii_digit(c)) return false;
    }
    errno = 0;
    char* end = nullptr;
    const unsigned long long value = std::strtoull(text.c_str(), &end, 10);
    if (errno == ERANGE || end != text.c_str() + text.size()) return false;
    if (value > max) return false;
    *out = static_cast<std::uint64_t>(value);
    return true;
}

std::string format_double(double value) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%g", value);
    return buffer;
}

ParseResult failure(std::string message) {
    ParseResult result;
    result.status = ParseStatus::Error;
    result.error = std::move(message);
    return result;
}

enum class Option : std::uint8_t { Ships = 0, Seed, Duration, Dt, Checkpoints, Count };

struct OptionName {
    const char* flag;
    Option option;
};

constexpr OptionName kOptions[] = {
    {"--ships", Option::Ships},
    {"--seed", Option::Seed},
    {"--duration", Option::Duration},
    {"--dt", Option::Dt},
    {"--checkpoints", Option::Checkpoints},
};

// Stores one option's value into args; returns an error message, empty on success.
std::string apply_option(Option option, const std::string& flag, const std::string& value,
                         RunnerArgs* args) {
    std::uint64_t integer = 0;
    double real = 0.0;
    switch (option) {
        case Option::Ships:
            if (!parse_unsigned(value, sim::kMaxShips, &integer)) {
                return flag + " must be a whole number from 0 to " +
                       std::to_string(sim::kMaxShips) + ", got '" + value + "'";
            }
            args->ships = static_cast<std::uint32_t>(integer);
            return {};
        case Option::Seed:
            if (!parse_unsigned(value, UINT64_MAX, &integer)) {
                return flag + " must be a whole number from 0 to " + std::to_string(UINT64_MAX) +
                       ", got '" + value + "'";
            }
            args->seed = integer;
            return {};
        case Option::Duration:
            if (!parse_double(value, &real) || !(real >= 0.0) || real > kMaxDuration_s) {
                return flag + " must be a number of seconds from 0 to " +
                       format_double(kMaxDuration_s) + ", got '" + value + "'";
            }
            args->duration_s = real;
            return {};
        case Option::Dt:
            if (!parse_double(value, &real) || !(real >= sim::kMinTick_s) ||
                real > sim::kMaxTick_s) {
                return flag + " must be a number of seconds from " +
                       format_double(sim::kMinTick_s) + " to " + format_double(sim::kMaxTick_s) +
                       ", got '" + value + "'";
            }
            args->dt_s = real;
            return {};
        case Option::Checkpoints:
            if (!parse_unsigned(value, kMaxCheckpoints, &integer)) {
                return flag + " must be a whole number from 0 to " +
                       std::to_string(kMaxCheckpoints) + ", got '" + value + "'";
            }
            args->checkpoints = static_cast<std::uint32_t>(integer);
            return {};
        case Option::Count:
            break;
    }
    return "internal error: unknown option " + flag;
}

}  // namespace

ParseResult parse_runner_args(int argc, const char* const* argv) {
    RunnerArgs args;
    bool seen[static_cast<int>(Option::Count)] = {};
    for (int i = 1; i < argc; ++i) {
        const std::string token = argv[i] != nullptr ? argv[i] : "";
        if (token == "--help" || token == "-h") {
            ParseResult result;
            result.status = ParseStatus::Help;
            return result;
        }
        // Split "--name=value"; otherwise the value is the next argument.
        const std::size_t equals = token.find('=');
        const std::string flag = token.substr(0, equals);
        const OptionName* match = nullptr;
        for (const OptionName& candidate : kOptions) {
            if (flag == candidate.flag) match = &candidate;
        }
        if (match == nullptr) {
            if (token.rfind("-", 0) == 0) return failure("unknown option '" + token + "'");
            return failure("unexpected argument '" + token + "'");
        }
        std::string value;
        if (equals != std::string::npos) {
            value = token.substr(equals + 1);
        } else if (i + 1 < argc && argv[i + 1] != nullptr) {
            value = argv[++i];
        } else {
            return failure(flag + " needs a value");
        }
        const int slot = static_cast<int>(match->option);
        if (seen[slot]) return failure(flag + " given more than once");
        seen[slot] = true;
        std::string error = apply_option(match->option, flag, value, &args);
        if (!error.empty()) return failure(std::move(error));
    }

    // duration <= 1e10 and dt >= 1e-3 bound the quotient by 1e13: finite, and once it passes
    // the limit check the conversion to an integer is exact.
    const double ticks = std::round(args.duration_s / args.dt_s);
    if (ticks > static_cast<double>(kMaxTicks)) {
        return failure("--duration / --dt gives " + format_double(ticks) + " ticks; the limit is " +
                       std::to_string(kMaxTicks));
    }
    args.ticks = static_cast<std::uint64_t>(ticks);

    ParseResult result;
    result.status = ParseStatus::Run;
    result.args = args;
    return result;
}

std::string runner_usage(const char* program) {
    const std::string name = program != nullptr && program[0] != '\0' ? program : "galaxy-sim";
    return "usage: " + name +
           " [--ships N] [--seed K] [--duration SECONDS] [--dt SECONDS] [--checkpoints K]\n"
           "\n"
           "Loads the J2000 Solar System, spawns N scripted ships on the first tick, steps the\n"
           "world round(duration / dt) times and prints one JSON document: tick, game_time_s,\n"
           "hash (16 hex digits), bodies, ships and, with --checkpoints, checkpoints.\n"
           "\n"
           "  --ships N            scripted ships, 0.." +
           std::to_string(sim::kMaxShips) +
           " (default 0)\n"
           "  --seed K             seed of the ships' orbits and pilot inputs, 0..2^64-1 "
           "(default 1)\n"
           "  --duration SECONDS   game time to simulate, 0.." +
           format_double(kMaxDuration_s) +
           " (default 0)\n"
           "  --dt SECONDS         game time per tick, " +
           format_double(sim::kMinTick_s) + ".." + format_double(sim::kMaxTick_s) +
           " (default 1)\n"
           "  --checkpoints K      report the state hash at K evenly spaced ticks, the last\n"
           "                       included, 0.." +
           std::to_string(kMaxCheckpoints) +
           " (default 0)\n"
           "  -h, --help           print this text\n"
           "\n"
           "round(duration / dt) must not exceed " +
           std::to_string(kMaxTicks) + ". Invalid arguments exit with status 2.\n";
}

std::vector<std::uint64_t> checkpoint_ticks(std::uint64_t ticks, std::uint32_t count) {
    std::vector<std::uint64_t> result;
    if (count == 0) return result;
    if (ticks == 0) {
        result.push_back(0);
        return result;
    }
    // Integer arithmetic: ticks <= 1e9 and count <= 1000 keep the product far below 2^64, and
    // the ticks are the same on every target. i = count gives exactly `ticks`.
    for (std::uint64_t i = 1; i <= count; ++i) {
        const std::uint64_t tick = ticks * i / count;
        if (tick == 0) continue;
        if (!result.empty() && result.back() == tick) continue;
        result.push_back(tick);
    }
    return result;
}

}  // namespace galaxy::runner
