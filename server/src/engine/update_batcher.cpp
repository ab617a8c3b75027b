#include "engine/update_batcher.hpp"

namespace galaxy::server {

UpdateBatcher::UpdateBatcher(double max_behind_hz) : min_interval_s_(1.0 / max_behind_hz) {}

void UpdateBatcher::add(proto::TickRecord record, std::vector<sim::Event> events) {
    if (!events.empty()) batch_.events.emplace_back(record.tick, std::move(events));
    batch_.ticks.push_back(std::move(record));
}

bool UpdateBatcher::due(Clock::time_point now, std::uint64_t ticks_run) const {
    if (empty()) return false;
    // An idle wake-up means caught up (or paused); one tick alone is the normal pace.
    if (ticks_run == 0 || (ticks_run == 1 && batch_.ticks.size() == 1) || !last_sent_) return true;
    return std::chrono::duration<double>(now - *last_sent_).count() >= min_interval_s_;
}

UpdateBatcher::Batch UpdateBatcher::take(Clock::time_point now) {
    last_sent_ = now;
    Batch out = std::move(batch_);
    batch_ = Batch{};
    return out;
}

}  // namespace galaxy::server
