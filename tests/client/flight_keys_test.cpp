#include "galaxy/client/flight_keys.hpp"

#include <map>
#include <set>
#include <string>

#include <gtest/gtest.h>

namespace galaxy::client {
namespace {

TEST(FlightKeys, EveryActionHasOneDescribedLine) {
    std::set<FlightAction> seen;
    for (const KeyBinding& b : flight_key_bindings()) {
        EXPECT_TRUE(seen.insert(b.action).second) << b.description;
        EXPECT_NE(b.keys[0], 0) << b.description;
        EXPECT_FALSE(std::string(b.keys_label).empty());
        EXPECT_FALSE(std::string(b.description).empty());
        EXPECT_FALSE(std::string(b.group).empty());
        EXPECT_EQ(key_binding(b.action).description, b.description);
    }
    EXPECT_EQ(seen.size(), kFlightActionCount);
}

TEST(FlightKeys, NoKeyDoesTwoThings) {
    std::map<int, std::string> owner;
    for (const KeyBinding& b : flight_key_bindings()) {
        for (int code : b.keys) {
            if (code == 0) continue;
            const auto [it, fresh] = owner.emplace(code, b.description);
            EXPECT_TRUE(fresh) << "key " << code << ": " << it->second << " and " << b.description;
        }
    }
}

TEST(FlightKeys, CodesAreGlfwNumbers) {
    // Values from GLFW/glfw3.h (the app also static_asserts them against the header).
    EXPECT_EQ(key::letter('W'), 87);
    EXPECT_EQ(key::letter('A'), 65);
    EXPECT_EQ(key::k1 + 8, 57);  // '9'
    EXPECT_EQ(key::kEnter, 257);
    EXPECT_EQ(key::kF1, 290);
    EXPECT_EQ(key::kLeftShift, 340);
    EXPECT_EQ(key_binding(FlightAction::PitchDown).keys[0], key::letter('W'));
    EXPECT_EQ(key_binding(FlightAction::ToggleHelp).keys[1], key::kF1);
}

TEST(FlightKeys, DigitsOneToNineSelectTheModesInSimOrder) {
    for (int n = 0; n < 9; ++n) {
        const auto action = static_cast<FlightAction>(static_cast<int>(FlightAction::ModeHold) + n);
        sim::AttitudeMode mode = sim::AttitudeMode::Manual;
        ASSERT_TRUE(action_attitude_mode(action, &mode));
        EXPECT_EQ(static_cast<int>(mode), n);
        EXPECT_EQ(key_binding(action).keys[0], key::k1 + n);
        EXPECT_EQ(key_binding(action).keys_label, std::to_string(n + 1));
    }
    EXPECT_EQ(sim::AttitudeMode::AntiTarget, static_cast<sim::AttitudeMode>(8));
    sim::AttitudeMode mode = sim::AttitudeMode::Hold;
    EXPECT_FALSE(action_attitude_mode(FlightAction::CycleTarget, &mode));
    EXPECT_FALSE(action_attitude_mode(FlightAction::RollRight, &mode));
}

TEST(FlightKeys, ReadsHeldAndPressedThroughEitherKeyOfALine) {
    const std::set<int> down{key::letter('W'), key::kRightShift};
    const std::set<int> pressed{key::kF1};
    const FlightKeyState state =
        read_flight_keys([&](int code) { return down.count(code) != 0; },
                         [&](int code) { return pressed.count(code) != 0; });
    EXPECT_TRUE(state.is_held(FlightAction::PitchDown));
    EXPECT_TRUE(state.is_held(FlightAction::ThrottleUp));
    EXPECT_TRUE(state.was_pressed(FlightAction::ToggleHelp));
    EXPECT_EQ(state.held.count(), 2u);
    EXPECT_EQ(state.pressed.count(), 1u);
}

}  // namespace
}  // namespace galaxy::client
