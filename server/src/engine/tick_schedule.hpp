// When server ticks are due: tick k after the origin is due at origin + k / tick rate. The origin
// moves (reset) when the rate changes, a pause ends or late ticks are skipped, so a change never
// makes a burst of ticks due at once.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>

namespace galaxy::server {

class TickSchedule {
public:
    using Clock = std::chrono::steady_clock;

    // What one wake-up should do: run `run` ticks back to back; `skipped` late ticks were dropped.
    struct Due {
        std::uint64_t run = 0;
        std::uint64_t skipped = 0;
    };

    bool started() const { return origin_.has_value(); }  // false until the first reset()
    void reset(Clock::time_point origin);                 // tick 1 is due at origin + 1 / rate

    // Ticks due at now and not yet taken (0 before the first reset()).
    std::uint64_t due(Clock::time_point now, double rate_hz) const;

    // Takes the ticks due at now, at most max_run. If more are due, the excess is skipped and
    // the origin moves to now, so game time falls behind instead of racing to catch up.
    Due take(Clock::time_point now, double rate_hz, std::uint64_t max_run);

    // When the next tick is due (valid after the first reset()).
    Clock::time_point next_due(double rate_hz) const;

private:
    std::optional<Clock::time_point> origin_;
    std::uint64_t taken_ = 0;  // ticks taken since the origin
};

}  // namespace galaxy::server
