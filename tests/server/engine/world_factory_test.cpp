#include "engine/world_factory.hpp"

#include <gtest/gtest.h>

#include <vector>

#include "galaxy/sim/hash.hpp"
#include "galaxy/sim/scenario.hpp"

namespace galaxy::server {
namespace {

TEST(WorldFactory, J2000IsTheScenarioSolarSystem) {
    std::vector<double> reports;
    const sim::World world =
        create_new_world(EpochKind::J2000, 1.7e9, [&](double f) { reports.push_back(f); });
    EXPECT_EQ(world.game_time_s, 0.0);
    EXPECT_EQ(sim::state_hash(world), sim::state_hash(sim::scenario_solar_system()));
    ASSERT_FALSE(reports.empty());
    EXPECT_EQ(reports.back(), 1.0);
}

TEST(WorldFactory, NowPropagatesTheBodiesToTheUtcDateThenAddsTheStations) {
    // Ten days and a half-hour step after J2000 keep the test short; the real date takes minutes.
    const double target_s = 10.0 * 86400.0 + 1800.0;
    const double utc_s = target_s + kJ2000Unix_s - kLeapSecondsSinceJ2000_s;
    std::vector<double> reports;
    const sim::World world =
        create_new_world(EpochKind::Now, utc_s, [&](double f) { reports.push_back(f); });

    EXPECT_DOUBLE_EQ(world.game_time_s, target_s);
    EXPECT_EQ(world.tick, 241u);  // 240 full steps and the half-hour remainder
    ASSERT_EQ(world.stations.size(), 2u);
    EXPECT_NE(world.home_station, 0u);

    const sim::World j2000 = sim::scenario_solar_system();
    const int earth = sim::find_body(world, "Earth");
    EXPECT_NE(world.bodies[static_cast<std::size_t>(earth)].position_m,
              j2000.bodies[static_cast<std::size_t>(earth)].position_m);

    // About every 1%, rising, ending at 1.
    ASSERT_GE(reports.size(), 90u);
    ASSERT_LE(reports.size(), 102u);
    for (std::size_t i = 1; i < reports.size(); ++i) EXPECT_GT(reports[i], reports[i - 1]);
    EXPECT_EQ(reports.back(), 1.0);
}

TEST(WorldFactory, NowIsTheSameWorldEveryTime) {
    const double utc_s = 2.0 * 86400.0 + kJ2000Unix_s;
    const sim::World a = create_new_world(EpochKind::Now, utc_s, {});
    const sim::World b = create_new_world(EpochKind::Now, utc_s, {});
    EXPECT_EQ(sim::state_hash(a), sim::state_hash(b));
}

}  // namespace
}  // namespace galaxy::server
