#include "status_history.hpp"

namespace galaxy::admin {

void StatusHistory::add(double time_s, double p50_ms, double p99_ms, double players_online,
                        double bytes_sent_total) {
    if (!samples_.empty() && time_s <= samples_.back().time_s) return;
    StatusSample sample;
    sample.time_s = time_s;
    sample.p50_ms = static_cast<float>(p50_ms);
    sample.p99_ms = static_cast<float>(p99_ms);
    sample.players_online = static_cast<float>(players_online);
    // A counter that went back means the server restarted: that interval has no rate.
    if (!samples_.empty() && last_bytes_total_ >= 0.0 && bytes_sent_total >= last_bytes_total_) {
        sample.bytes_per_s = static_cast<float>((bytes_sent_total - last_bytes_total_) /
                                                (time_s - samples_.back().time_s));
        sample.has_rate = true;
    }
    last_bytes_total_ = bytes_sent_total;
    samples_.push_back(sample);
    while (samples_.front().time_s < time_s - kWindow_s) samples_.pop_front();
}

std::vector<float> StatusHistory::series(StatusSeries which) const {
    std::vector<float> out;
    out.reserve(samples_.size());
    for (const StatusSample& sample : samples_) {
        switch (which) {
            case StatusSeries::P50Ms:
                out.push_back(sample.p50_ms);
                break;
            case StatusSeries::P99Ms:
                out.push_back(sample.p99_ms);
                break;
            case StatusSeries::PlayersOnline:
                out.push_back(sample.players_online);
                break;
            case StatusSeries::BytesPerS:
                if (sample.has_rate) out.push_back(sample.bytes_per_s);
                break;
        }
    }
    return out;
}

void StatusHistory::clear() {
    samples_.clear();
    last_bytes_total_ = -1.0;
}

}  // namespace galaxy::admin
