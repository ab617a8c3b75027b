// apply_tick (sync.hpp): a server tick is ceil(dt / kMaxTick_s) equal sim-core steps with the
// commands in the first, and an out-of-range dt changes nothing.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <vector>

#include "galaxy/proto/sync.hpp"
#include "galaxy/sim/hash.hpp"
#include "galaxy/sim/serialize.hpp"
#include "proto/samples.hpp"

namespace gp = galaxy::proto;
namespace gs = galaxy::sim;

namespace {

gs::Command throttle(const gs::World& world, double value) {
    gs::Command c;
    c.type = gs::CommandType::SetThrottle;
    c.ship = world.ships.at(0).id;
    c.value = value;
    return c;
}

TEST(ApplyTick, ATickOf7200SecondsIsTwoStepsOf3600WithTheCommandsInTheFirst) {
    gs::World a = gp::test::sample_world();
    gs::World b = a;
    const gs::Command burn = throttle(a, 0.5);

    gp::TickRecord record;
    record.dt_s = 7200.0;
    record.commands = {burn};
    gp::apply_tick(a, record);

    gs::step(b, 3600.0, {burn});
    gs::step(b, 3600.0, {});

    EXPECT_EQ(gs::save_world(a), gs::save_world(b));
    EXPECT_EQ(a.tick, b.tick);
}

TEST(ApplyTick, ATickWithinKMaxTickIsOneStep) {
    for (double dt : {gs::kMinTick_s, 0.1, gs::kMaxTick_s}) {
        gs::World a = gp::test::sample_world();
        gs::World b = a;
        gp::TickRecord record;
        record.dt_s = dt;
        record.commands = {throttle(a, 1.0)};
        gp::apply_tick(a, record);
        gs::step(b, dt, record.commands);
        EXPECT_EQ(gs::state_hash(a), gs::state_hash(b)) << dt;
        EXPECT_EQ(a.tick, b.tick) << dt;
    }
}

TEST(ApplyTick, UnevenTicksAreSplitIntoEqualSteps) {
    gs::World a = gp::test::sample_world();
    gs::World b = a;
    const std::uint64_t start = a.tick;
    gp::TickRecord record;
    record.dt_s = 3601.0;   // two steps of 1800.5 s
    gp::apply_tick(a, record);
    gs::step(b, 1800.5, {});
    gs::step(b, 1800.5, {});
    EXPECT_EQ(a.tick, start + 2);
    EXPECT_EQ(gs::state_hash(a), gs::state_hash(b));

    gs::World c = gp::test::sample_world();
    record.dt_s = gp::kMaxServerTick_s;   // 278 steps: 1e6 / 278 <= 3600 < 1e6 / 277
    gp::apply_tick(c, record);
    EXPECT_EQ(c.tick, start + 278);
}

TEST(ApplyTick, ReturnsTheEventsOfEveryStepInOrder) {
    gs::World world = gp::test::sample_world();
    gs::Command spawn = gs::spawn_in_orbit(gs::find_body(world, "Earth"), 600e3, 0.0, gs::ShipClass::FastFrigate);
    gs::Command bad_refuel;
    bad_refuel.type = gs::CommandType::Refuel;
    bad_refuel.ship = world.ships.at(0).id;   // not docked: rejected
    gp::TickRecord record;
    record.dt_s = 7200.0;
    record.commands = {spawn, bad_refuel};
    const std::uint64_t start = world.tick;
    const std::vector<gs::Event> events = gp::apply_tick(world, record);
    ASSERT_GE(events.size(), 2u);
    EXPECT_EQ(events[0].type, gs::EventType::ShipSpawned);
    EXPECT_EQ(events[0].tick, start + 1);
    EXPECT_EQ(events[1].type, gs::EventType::CommandRejected);
    EXPECT_EQ(world.ships.size(), 3u);
}

TEST(ApplyTick, AnOutOfRangeDtChangesNothingAndReturnsNothing) {
    const double bad[] = {0.0, -1.0, gs::kMinTick_s / 2.0, std::nextafter(gs::kMinTick_s, 0.0),
                          std::nextafter(gp::kMaxServerTick_s, 2e6), 2.0 * gp::kMaxServerTick_s,
                          std::numeric_limits<double>::quiet_NaN(), std::numeric_limits<double>::infinity(),
                          -std::numeric_limits<double>::infinity()};
    for (double dt : bad) {
        gs::World world = gp::test::sample_world();
        const std::vector<std::uint8_t> before = gs::save_world(world);
        gp::TickRecord record;
        record.dt_s = dt;
        record.commands = {throttle(world, 1.0)};
        EXPECT_TRUE(gp::apply_tick(world, record).empty()) << dt;
        EXPECT_EQ(gs::save_world(world), before) << dt;
    }
}

}  // namespace
