#include "engine/tick_schedule.hpp"

#include <cmath>

namespace galaxy::server {

namespace {

// A tick counts as due this fraction of a tick early, so that a wake-up at exactly its time
// point (which chrono rounds to whole nanoseconds) never misses it.
constexpr double kDueTolerance_ticks = 1e-6;

}  // namespace

void TickSchedule::reset(Clock::time_point origin) {
    origin_ = origin;
    taken_ = 0;
}

std::uint64_t TickSchedule::due(Clock::time_point now, double rate_hz) const {
    if (!origin_ || now <= *origin_) return 0;
    const double elapsed_s = std::chrono::duration<double>(now - *origin_).count();
    const double ticks = std::floor(elapsed_s * rate_hz + kDueTolerance_ticks);
    const auto total = static_cast<std::uint64_t>(ticks);
    return total > taken_ ? total - taken_ : 0;
}

TickSchedule::Due TickSchedule::take(Clock::time_point now, double rate_hz, std::uint64_t max_run) {
    const std::uint64_t n = due(now, rate_hz);
    if (n <= max_run) {
        taken_ += n;
        return {n, 0};
    }
    reset(now);
    return {max_run, n - max_run};
}

TickSchedule::Clock::time_point TickSchedule::next_due(double rate_hz) const {
    const std::chrono::duration<double> offset(static_cast<double>(taken_ + 1) / rate_hz);
    return origin_.value_or(Clock::time_point{}) +
           std::chrono::duration_cast<Clock::duration>(offset);
}

}  // namespace galaxy::server
