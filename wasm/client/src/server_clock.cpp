#include "galaxy/client/server_clock.hpp"

#include <algorithm>

namespace galaxy::client {

ServerClock::ServerClock(std::size_t window) : window_(std::max<std::size_t>(window, 1)) {}

void ServerClock::add_round_trip(double sent_ms, double received_ms, std::uint64_t server_time_us) {
    const double rtt_ms = std::max(received_ms - sent_ms, 0.0);
    const double midpoint_ms = sent_ms + rtt_ms / 2.0;
    samples_.push_back({rtt_ms, static_cast<double>(server_time_us) - midpoint_ms * 1000.0});
    while (samples_.size() > window_) samples_.pop_front();
    last_rtt_ms_ = rtt_ms;
    const auto best =
        std::min_element(samples_.begin(), samples_.end(),
                         [](const Sample& a, const Sample& b) { return a.rtt_ms < b.rtt_ms; });
    offset_us_ = best->offset_us;
    synced_ = true;
}

void ServerClock::add_timestamp(double received_ms, std::uint64_t server_time_us) {
    if (synced_) return;
    offset_us_ = static_cast<double>(server_time_us) - received_ms * 1000.0;
    synced_ = true;
}

void ServerClock::clear_round_trips() { samples_.clear(); }

std::uint64_t ServerClock::server_time_us(double now_ms) const {
    if (!synced_) return 0;
    const double t = now_ms * 1000.0 + offset_us_;
    return t > 0.0 ? static_cast<std::uint64_t>(t) : 0;
}

double ServerClock::min_rtt_ms() const {
    double best = -1.0;
    for (const Sample& s : samples_) {
        if (best < 0.0 || s.rtt_ms < best) best = s.rtt_ms;
    }
    return best;
}

}  // namespace galaxy::client
