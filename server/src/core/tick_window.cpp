#include "core/tick_window.hpp"

#include <algorithm>
#include <vector>

namespace galaxy::server {

TickWindow::TickWindow(double window_s, std::size_t max_ticks)
    : window_s_(window_s), max_ticks_(max_ticks) {}

void TickWindow::record(double now_s, double duration_s) {
    const std::lock_guard lock(mutex_);
    if (first_at_s_ < 0.0) first_at_s_ = now_s;
    samples_.push_back({now_s, duration_s});
    while (samples_.size() > max_ticks_ ||
           (!samples_.empty() && samples_.front().at_s < now_s - window_s_)) {
        samples_.pop_front();
    }
}

TickWindowSummary TickWindow::summary(double now_s) const {
    std::vector<double> durations;
    double span_s = window_s_;
    {
        const std::lock_guard lock(mutex_);
        if (first_at_s_ >= 0.0 && now_s - first_at_s_ < window_s_) span_s = now_s - first_at_s_;
        for (const Sample& s : samples_) {
            if (s.at_s >= now_s - window_s_) durations.push_back(s.duration_s);
        }
    }
    TickWindowSummary out;
    out.ticks = durations.size();
    out.rate_hz = span_s > 0.0 ? static_cast<double>(durations.size()) / span_s : 0.0;
    if (durations.empty()) return out;
    // Nearest rank: the smallest value with at least q of the samples at or below it.
    const auto rank = [&](double q) {
        const auto n = static_cast<double>(durations.size());
        const auto index = static_cast<std::size_t>(std::max(0.0, q * n - 1e-9));
        auto it = durations.begin() + static_cast<std::ptrdiff_t>(
                                          std::min(index, durations.size() - 1));
        std::nth_element(durations.begin(), it, durations.end());
        return *it;
    };
    out.p50_s = rank(0.5);
    out.p99_s = rank(0.99);
    return out;
}

}  // namespace galaxy::server
