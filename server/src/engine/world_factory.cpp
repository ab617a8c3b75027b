#include "engine/world_factory.hpp"

#include <algorithm>
#include <cmath>

#include "galaxy/sim/catalog.hpp"

namespace galaxy::server {

double utc_game_time_s(double utc_unix_s) {
    return utc_unix_s - kJ2000Unix_s + kLeapSecondsSinceJ2000_s;
}

sim::World create_new_world(EpochKind epoch, double utc_now_s,
                            const std::function<void(double fraction)>& progress) {
    sim::World world = sim::create_world(sim::default_catalog(), 0.0);
    if (epoch == EpochKind::Now) {
        const double target_s = utc_game_time_s(utc_now_s);
        double next_report = 0.01;
        // The stations are created at the present date, so only the bodies are propagated.
        while (target_s - world.game_time_s >= sim::kMinTick_s) {
            const double dt_s = std::min(kPropagationStep_s, target_s - world.game_time_s);
            sim::step(world, dt_s, {});
            const double fraction = world.game_time_s / target_s;
            if (progress && fraction >= next_report && fraction < 1.0) {
                progress(fraction);
                next_report = std::floor(fraction * 100.0) / 100.0 + 0.01;
            }
        }
    }
    sim::create_default_stations(world);
    if (progress) progress(1.0);
    return world;
}

}  // namespace galaxy::server
