// The ticks of the last minute of real time, for the admin status: how many ran (the actual
// tick rate) and how long they took (p50 and p99). The /metrics histogram covers the whole
// run instead. Thread-safe: the tick thread records, requests read.
#pragma once

#include <cstddef>
#include <deque>
#include <mutex>

namespace galaxy::server {

struct TickWindowSummary {
    std::size_t ticks = 0;     // ticks in the window
    double rate_hz = 0.0;      // ticks / window length (or the time since the first tick, if
                               // shorter)
    double p50_s = 0.0;        // median tick duration, 0 without ticks
    double p99_s = 0.0;
};

class TickWindow {
public:
    // window_s: real seconds covered; at most max_ticks are kept (the oldest go first).
    explicit TickWindow(double window_s = 60.0, std::size_t max_ticks = 4000);

    void record(double now_s, double duration_s);   // now_s: a steady clock, seconds
    TickWindowSummary summary(double now_s) const;  // drops nothing; ignores ticks too old

private:
    struct Sample {
        double at_s;
        double duration_s;
    };
    double window_s_;
    std::size_t max_ticks_;
    mutable std::mutex mutex_;  // protects samples_
    std::deque<Sample> samples_;
    double first_at_s_ = -1.0;  // the first tick ever recorded; -1 before it
};

}  // namespace galaxy::server
