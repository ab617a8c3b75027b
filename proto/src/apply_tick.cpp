#include <cstddef>
#include <iterator>

#include "galaxy/proto/sync.hpp"

namespace galaxy::proto {

std::vector<sim::Event> apply_tick(sim::World& world, const TickRecord& record) {
    const double dt_s = record.dt_s;
    if (!(dt_s >= sim::kMinTick_s && dt_s <= kMaxServerTick_s)) {   // also rejects NaN
        return {};
    }
    // The smallest step count whose equal steps fit step()'s limit. Found by counting up
    // (at most kMaxServerTick_s / kMaxTick_s = 278 tries) and tested with the very division the
    // steps use, so the chosen step length is certain to be accepted on every target.
    std::size_t steps = 1;
    while (dt_s / static_cast<double>(steps) > sim::kMaxTick_s) {
        ++steps;
    }
    const double step_s = dt_s / static_cast<double>(steps);
    std::vector<sim::Event> events = sim::step(world, step_s, record.commands);
    const std::vector<sim::Command> none;
    for (std::size_t i = 1; i < steps; ++i) {
        std::vector<sim::Event> more = sim::step(world, step_s, none);
        events.insert(events.end(), std::make_move_iterator(more.begin()),
                      std::make_move_iterator(more.end()));
    }
    return events;
}

}  // namespace galaxy::proto
