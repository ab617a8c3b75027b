// Trajectory prediction: the same physics as the world, without touching it.
#include <gtest/gtest.h>

#include "galaxy/sim/hash.hpp"
#include "galaxy/sim/trajectory.hpp"
#include "sim-core/support.hpp"

namespace galaxy::sim {
namespace {

// A coasting ship's predicted points are exactly (bit for bit) where stepping the world at the
// same interval puts it: other ships and stations attract nothing, so leaving them out of the
// prediction changes no bit. The world itself is unchanged by predicting.
TEST(Trajectory, CoastingPredictionMatchesTheWorldExactly) {
    World world = scenario_solar_system();
    const std::uint32_t id = test::spawn(world, spawn_in_orbit(find_body(world, "Earth"), 400e3, 0.9, ShipClass::FastFrigate));
    const std::uint64_t before = state_hash(world);
    TrajectoryDef def;
    def.duration_s = 6000.0;
    def.samples = 101;   // one point per 60 s
    const std::vector<TrajectoryPoint> points = predict_trajectory(world, id, def);
    EXPECT_EQ(state_hash(world), before);
    ASSERT_EQ(points.size(), 101u);
    for (std::size_t i = 1; i < points.size(); ++i) {
        step(world, 60.0, {});
        const Ship& ship = *find_ship(world, id);
        ASSERT_EQ(points[i].position_m, ship.position_m) << "sample " << i;
        ASSERT_EQ(points[i].velocity_m_s, ship.velocity_m_s);
        ASSERT_EQ(points[i].time_s, world.game_time_s);
        ASSERT_EQ(points[i].reference_position_m, world.bodies[static_cast<std::size_t>(find_body(world, "Earth"))].position_m);
    }
}

TEST(Trajectory, StopsAtImpact) {
    World world = scenario_bodies({"Earth"}, false);
    const std::uint32_t id = test::spawn(world, spawn_in_orbit(0, 400e3, 0.0, ShipClass::FastFrigate));
    find_ship(world, id)->velocity_m_s = world.bodies[0].velocity_m_s;   // falls straight down
    TrajectoryDef def;
    def.duration_s = 20000.0;
    def.samples = 2001;
    const std::vector<TrajectoryPoint> points = predict_trajectory(world, id, def);
    ASSERT_GE(points.size(), 2u);
    EXPECT_LT(points.size(), 2001u);
    // A fall from 400 km takes ~290 s; the last point is the last 10 s step before impact,
    // when the ship falls at < 3 km/s, so it is less than 30 km above the surface.
    EXPECT_LT(points.back().time_s, 400.0);
    const double altitude = norm(points.back().position_m - points.back().reference_position_m) -
                            world.bodies[0].def.mean_radius_m;
    EXPECT_GT(altitude, 0.0);
    EXPECT_LT(altitude, 30e3);
}

TEST(Trajectory, RejectsBadRequests) {
    World world = scenario_solar_system();
    const std::uint32_t id = test::spawn(world, spawn_in_orbit(3, 400e3, 0.0, ShipClass::FastFrigate));
    TrajectoryDef def;
    EXPECT_TRUE(predict_trajectory(world, 9999, def).empty());
    def.samples = 1;
    EXPECT_TRUE(predict_trajectory(world, id, def).empty());
    def.samples = 100;
    def.duration_s = -1.0;
    EXPECT_TRUE(predict_trajectory(world, id, def).empty());
    def.duration_s = std::nan("");
    EXPECT_TRUE(predict_trajectory(world, id, def).empty());
}

}  // namespace
}  // namespace galaxy::sim
