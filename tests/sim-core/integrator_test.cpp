// Integrator accuracy on a low orbit around a point-mass Earth (no J2, no other bodies).
#include <gtest/gtest.h>

#include <cmath>

#include "galaxy/sim/orbit.hpp"
#include "sim-core/support.hpp"

namespace galaxy::sim {
namespace {

struct Drift {
    double max_e = 0.0;
    double max_relative_da = 0.0;
};

// Coasts a 400 km circular ship orbit for 100 orbital periods at tick dt_s and records the
// worst eccentricity and semi-major-axis deviation seen at any tick.
Drift coast_low_orbit(double dt_s) {
    World world = scenario_bodies({"Earth"}, false);
    const std::uint32_t id = test::spawn(world, spawn_in_orbit(0, 400e3, 0.9, ShipClass::FastFrigate), dt_s);
    const Ship* ship = find_ship(world, id);
    EXPECT_NE(ship, nullptr);
    const OrbitalElements start = ship_orbit(world, *ship);
    const double a0 = world.bodies[0].def.mean_radius_m + 400e3;
    const std::uint64_t ticks = static_cast<std::uint64_t>(std::llround(100.0 * start.period_s / dt_s));
    Drift d;
    const std::vector<Command> none;
    for (std::uint64_t t = 0; t < ticks; ++t) {
        step(world, dt_s, none);
        const OrbitalElements el = ship_orbit(world, *find_ship(world, id));
        d.max_e = std::max(d.max_e, el.eccentricity);
        d.max_relative_da = std::max(d.max_relative_da, std::fabs(el.semi_major_axis_m / a0 - 1.0));
    }
    return d;
}

// Required by the design: e < 1e-4 and |da/a| < 1e-6 over 100 orbits at 1 s and 60 s ticks;
// 600 s (time warp) ticks are split into 30 s substeps and must keep the same accuracy. PEFRL
// does far better (see integrator.cpp); the bounds asserted are the requirement, the printed
// values show the margin.
class LowOrbit : public ::testing::TestWithParam<double> {};

TEST_P(LowOrbit, StaysCircularFor100Orbits) {
    const double dt = GetParam();
    const Drift d = coast_low_orbit(dt);
    std::printf("dt %g s: max e %.3e, max |da/a| %.3e\n", dt, d.max_e, d.max_relative_da);
    EXPECT_LT(d.max_e, 1e-4);
    EXPECT_LT(d.max_relative_da, 1e-6);
}

INSTANTIATE_TEST_SUITE_P(TickLengths, LowOrbit, ::testing::Values(1.0, 60.0, 600.0));

TEST(Integrator, RejectsTickLengthsOutOfRange) {
    World world = scenario_bodies({"Earth"}, false);
    const World before = world;
    EXPECT_TRUE(step(world, 0.0, {}).empty());
    EXPECT_TRUE(step(world, -1.0, {}).empty());
    EXPECT_TRUE(step(world, std::nan(""), {}).empty());
    EXPECT_TRUE(step(world, kMaxTick_s * 2.0, {}).empty());
    EXPECT_EQ(world.tick, before.tick);
    EXPECT_EQ(world.bodies[0].position_m, before.bodies[0].position_m);
}

}  // namespace
}  // namespace galaxy::sim
