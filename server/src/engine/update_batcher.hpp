// The ticks run but not yet broadcast. Normally each tick goes out alone; while the engine is
// behind (several ticks per wake-up) ticks are held and sent together, at most max_behind_hz
// updates per second, so that catching up does not flood the clients.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

#include "galaxy/proto/sync.hpp"
#include "galaxy/sim/event.hpp"

namespace galaxy::server {

class UpdateBatcher {
public:
    using Clock = std::chrono::steady_clock;

    // The ticks of one update and each tick's events (only ticks that had events).
    struct Batch {
        std::vector<proto::TickRecord> ticks;
        std::vector<std::pair<std::uint64_t, std::vector<sim::Event>>> events;
    };

    explicit UpdateBatcher(double max_behind_hz);  // > 0, updates per second while behind

    void add(proto::TickRecord record, std::vector<sim::Event> events);
    bool empty() const { return batch_.ticks.empty(); }
    // proto::kMaxTicksPerUpdate ticks held: the update must go out now.
    bool full() const { return batch_.ticks.size() >= proto::kMaxTicksPerUpdate; }

    // Whether a wake-up that ran ticks_run ticks sends what is held: at once when it ran none
    // (caught up or paused) or just this one tick (the normal pace), else once 1 / max_behind_hz
    // has passed since the previous update.
    bool due(Clock::time_point now, std::uint64_t ticks_run) const;

    Batch take(Clock::time_point now);  // everything held; now is remembered as the send time

private:
    double min_interval_s_;
    Batch batch_;
    std::optional<Clock::time_point> last_sent_;
};

}  // namespace galaxy::server
