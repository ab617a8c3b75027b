#include "galaxy/client/flight_controls.hpp"

#include <cmath>
#include <initializer_list>
#include <optional>
#include <vector>

#include <gtest/gtest.h>

#include "galaxy/client/navball.hpp"
#include "galaxy/sim/quat.hpp"

namespace galaxy::client {
namespace {

using A = FlightAction;
constexpr double kFrame_ms = 1000.0 / 60.0;

FlightKeyState keys(std::initializer_list<FlightAction> held,
                    std::initializer_list<FlightAction> pressed = {}) {
    FlightKeyState state;
    for (FlightAction a : held) state.held.set(static_cast<std::size_t>(a));
    for (FlightAction a : pressed) state.pressed.set(static_cast<std::size_t>(a));
    return state;
}

sim::Ship frigate() {
    sim::Ship ship;
    ship.id = 1;
    ship.ship_class = sim::ShipClass::FastFrigate;
    return ship;
}

double rate_per_key(const sim::Ship& ship) {
    return FlightControlsDef{}.rate_fraction * sim::ship_class_def(ship.ship_class).max_rate_rad_s;
}

// Every message must be one the server accepts: encode and decode it as the protocol does.
void expect_valid(const proto::ClientMessage& message) {
    proto::ClientMessage sent = message;
    sent.seq = 1;
    proto::ClientMessage decoded;
    proto::DecodeError error;
    EXPECT_TRUE(proto::decode_client_message(proto::encode_client_message(sent), &decoded, &error))
        << error.message;
}

TEST(FlightControls, SendsNothingWithoutAShip) {
    FlightControls controls;
    EXPECT_TRUE(controls.update(keys({A::PitchUp}, {A::ThrottleFull}), nullptr, 0.0).empty());
}

TEST(FlightControls, HeldRotationKeysSendRatesOnlyWhenTheSetChanges) {
    FlightControls controls;
    const sim::Ship ship = frigate();
    const double r = rate_per_key(ship);
    double now = 0.0;

    std::vector<proto::ClientMessage> out = controls.update(keys({A::PitchDown}), &ship, now);
    ASSERT_EQ(out.size(), 1u);
    ASSERT_TRUE(out[0].manual_rates_rad_s.has_value());
    EXPECT_EQ(*out[0].manual_rates_rad_s, (sim::Vec3{r, 0.0, 0.0}));
    EXPECT_FALSE(out[0].attitude.has_value());
    expect_valid(out[0]);

    for (int i = 0; i < 30; ++i) {
        EXPECT_TRUE(controls.update(keys({A::PitchDown}), &ship, now += kFrame_ms).empty());
    }
    out = controls.update(keys({A::PitchDown, A::YawRight}), &ship, now += kFrame_ms);
    ASSERT_EQ(out.size(), 1u);
    EXPECT_EQ(*out[0].manual_rates_rad_s, (sim::Vec3{r, -r, 0.0}));

    out = controls.update(keys({}), &ship, now += kFrame_ms);
    ASSERT_EQ(out.size(), 1u);
    EXPECT_EQ(*out[0].manual_rates_rad_s, (sim::Vec3{}));
    EXPECT_TRUE(controls.update(keys({}), &ship, now += kFrame_ms).empty());
}

TEST(FlightControls, RatesFollowTheBodyAxisConvention) {
    // Pitch up, yaw right and roll right, each turned for a short time with the sent rates:
    // nose towards +Y (up), nose towards -X (right), top towards -X.
    const double dt = 0.1;
    const auto turned = [&](FlightAction action, sim::Vec3 axis_body) {
        const sim::Vec3 w = FlightControls::rates_for(keys({action}), 1.0);
        const sim::Quat q = sim::quat_from_axis_angle(normalized(w), norm(w) * dt);
        return sim::rotate(q, axis_body);
    };
    EXPECT_GT(turned(A::PitchUp, {0.0, 0.0, 1.0}).y, 0.09);
    EXPECT_LT(turned(A::PitchDown, {0.0, 0.0, 1.0}).y, -0.09);
    EXPECT_LT(turned(A::YawRight, {0.0, 0.0, 1.0}).x, -0.09);
    EXPECT_GT(turned(A::YawLeft, {0.0, 0.0, 1.0}).x, 0.09);
    EXPECT_LT(turned(A::RollRight, {0.0, 1.0, 0.0}).x, -0.09);
    // On the navball, pitching up moves what was dead ahead down (y grows downwards), and
    // yawing right moves it left.
    const sim::Quat up = sim::quat_from_axis_angle(
        normalized(FlightControls::rates_for(keys({A::PitchUp}), 1.0)), dt);
    EXPECT_GT(navball_project(sim::rotate_inverse(up, {0.0, 0.0, 1.0})).y, 0.09);
    const sim::Quat right = sim::quat_from_axis_angle(
        normalized(FlightControls::rates_for(keys({A::YawRight}), 1.0)), dt);
    EXPECT_LT(navball_project(sim::rotate_inverse(right, {0.0, 0.0, 1.0})).x, -0.09);
}

TEST(FlightControls, OpposingKeysCancel) {
    EXPECT_EQ(FlightControls::rates_for(keys({A::RollLeft, A::RollRight, A::YawLeft}), 2.0),
              (sim::Vec3{0.0, 2.0, 0.0}));
    EXPECT_EQ(FlightControls::translation_for(keys({A::TranslateUp, A::TranslateDown})),
              (sim::Vec3{}));
}

TEST(FlightControls, TranslationKeysSendRcsDemandAndZeroOnRelease) {
    FlightControls controls;
    const sim::Ship ship = frigate();
    std::vector<proto::ClientMessage> out =
        controls.update(keys({A::TranslateForward, A::TranslateLeft}), &ship, 0.0);
    ASSERT_EQ(out.size(), 1u);
    ASSERT_TRUE(out[0].rcs_translation.has_value());
    EXPECT_EQ(*out[0].rcs_translation, (sim::Vec3{1.0, 0.0, 1.0}));
    expect_valid(out[0]);
    EXPECT_TRUE(
        controls.update(keys({A::TranslateForward, A::TranslateLeft}), &ship, 20.0).empty());
    out = controls.update(keys({}), &ship, 40.0);
    ASSERT_EQ(out.size(), 1u);
    EXPECT_EQ(*out[0].rcs_translation, (sim::Vec3{}));
}

// Holds `held` for duration_ms at 60 frames per second; returns every throttle value sent and
// the time it was sent.
struct ThrottleSend {
    double time_ms;
    double throttle;
};
std::vector<ThrottleSend> hold(FlightControls& controls, sim::Ship& ship,
                               const FlightKeyState& held, double* now, double duration_ms) {
    std::vector<ThrottleSend> sends;
    const double end = *now + duration_ms;
    while (*now < end - 1e-9) {
        *now += kFrame_ms;
        for (const proto::ClientMessage& m : controls.update(held, &ship, *now)) {
            if (!m.throttle) continue;
            sends.push_back({*now, *m.throttle});
            ship.controls.throttle = *m.throttle;  // as the session's prediction applies it
        }
    }
    return sends;
}

TEST(FlightControls, ThrottleRampsAtHalfPerSecondWithAtMostTenMessagesPerSecond) {
    FlightControls controls;
    sim::Ship ship = frigate();
    double now = 0.0;
    controls.update(keys({}), &ship, now);
    std::vector<ThrottleSend> sends = hold(controls, ship, keys({A::ThrottleUp}), &now, 1000.0);
    const std::vector<ThrottleSend> after = hold(controls, ship, keys({}), &now, 500.0);
    sends.insert(sends.end(), after.begin(), after.end());

    ASSERT_FALSE(sends.empty());
    // 60 frames of 1/60 s at 0.5 per second: exactly 0.5 up to rounding of the frame sum.
    EXPECT_NEAR(sends.back().throttle, 0.5, 1e-9);
    EXPECT_LE(sends.size(), 11u);  // 10 per second while held, plus the final value
    for (std::size_t i = 1; i < sends.size(); ++i) {
        EXPECT_GE(sends[i].time_ms - sends[i - 1].time_ms, 100.0 - 1e-9);
        EXPECT_GT(sends[i].throttle, sends[i - 1].throttle);
    }
}

TEST(FlightControls, ThrottleValueAtReleaseIsSentEvenWhenTheLastSendWasRecent) {
    FlightControls controls;
    sim::Ship ship = frigate();
    double now = 0.0;
    controls.update(keys({}), &ship, now);
    // 6 frames (100 ms): one send at the first frame; the other five changes wait, and the
    // release comes before the next slot, so the final value goes out once its slot opens.
    const std::vector<ThrottleSend> sends =
        hold(controls, ship, keys({A::ThrottleUp}), &now, 6 * kFrame_ms);
    ASSERT_EQ(sends.size(), 1u);
    const double held_value = 0.5 * 6 * kFrame_ms / 1000.0;
    const std::vector<ThrottleSend> after = hold(controls, ship, keys({}), &now, 300.0);
    ASSERT_EQ(after.size(), 1u);
    EXPECT_NEAR(after[0].throttle, held_value, 1e-12);
    EXPECT_GE(after[0].time_ms - sends.back().time_ms, 100.0 - 1e-9);
}

TEST(FlightControls, ThrottleRampStartsFromTheShipsStandingThrottle) {
    FlightControls controls;
    sim::Ship ship = frigate();
    ship.controls.throttle = 0.3;  // set by the HUD's slider or a server reset
    double now = 0.0;
    controls.update(keys({}), &ship, now);
    const std::vector<ThrottleSend> sends =
        hold(controls, ship, keys({A::ThrottleDown}), &now, 200.0);
    ASSERT_FALSE(sends.empty());
    EXPECT_LT(sends.back().throttle, 0.3);
    EXPECT_GT(sends.back().throttle, 0.3 - 0.5 * 0.2 - 1e-9);
}

TEST(FlightControls, ThrottleDownAtZeroSendsNothing) {
    FlightControls controls;
    sim::Ship ship = frigate();
    double now = 0.0;
    EXPECT_TRUE(hold(controls, ship, keys({A::ThrottleDown}), &now, 500.0).empty());
}

TEST(FlightControls, FullAndCutSetTheThrottleOnce) {
    FlightControls controls;
    sim::Ship ship = frigate();
    std::vector<proto::ClientMessage> out =
        controls.update(keys({}, {A::ThrottleFull}), &ship, 0.0);
    ASSERT_EQ(out.size(), 1u);
    EXPECT_EQ(out[0].throttle, std::optional<double>(1.0));
    expect_valid(out[0]);
    ship.controls.throttle = 1.0;
    EXPECT_TRUE(controls.update(keys({}, {A::ThrottleFull}), &ship, 500.0).empty());
    out = controls.update(keys({}, {A::ThrottleCut}), &ship, 1000.0);
    ASSERT_EQ(out.size(), 1u);
    EXPECT_EQ(out[0].throttle, std::optional<double>(0.0));
}

TEST(FlightControls, ALongFrameRampsAsIfItWereShort) {
    FlightControls controls;
    sim::Ship ship = frigate();
    controls.update(keys({A::ThrottleUp}), &ship, 0.0);
    // A background tab: 5 s between frames ramps by max_frame_ms (100 ms) x 0.5 / s = 0.05.
    const std::vector<proto::ClientMessage> out =
        controls.update(keys({A::ThrottleUp}), &ship, 5000.0);
    ASSERT_EQ(out.size(), 1u);
    EXPECT_NEAR(*out[0].throttle, 0.05, 1e-12);
}

TEST(FlightControls, DigitKeysSetModesAndTargetModesNeedATarget) {
    FlightControls controls;
    sim::Ship ship = frigate();
    std::vector<proto::ClientMessage> out =
        controls.update(keys({}, {A::ModePrograde}), &ship, 0.0);
    ASSERT_EQ(out.size(), 1u);
    EXPECT_EQ(out[0].attitude, std::optional<sim::AttitudeMode>(sim::AttitudeMode::Prograde));
    expect_valid(out[0]);

    EXPECT_TRUE(controls.update(keys({}, {A::ModeTarget}), &ship, 100.0).empty());
    ship.controls.target = {sim::TargetKind::Station, 1};
    out = controls.update(keys({}, {A::ModeAntiTarget}), &ship, 200.0);
    ASSERT_EQ(out.size(), 1u);
    EXPECT_EQ(out[0].attitude, std::optional<sim::AttitudeMode>(sim::AttitudeMode::AntiTarget));
}

TEST(FlightControls, AModeKeyWinsOverRotationKeysInTheSameFrame) {
    FlightControls controls;
    const sim::Ship ship = frigate();
    const std::vector<proto::ClientMessage> out =
        controls.update(keys({A::PitchUp}, {A::ModeHold}), &ship, 0.0);
    ASSERT_EQ(out.size(), 1u);
    EXPECT_EQ(out[0].attitude, std::optional<sim::AttitudeMode>(sim::AttitudeMode::Hold));
    EXPECT_FALSE(out[0].manual_rates_rad_s.has_value());
    expect_valid(out[0]);
    // The held key was taken into account: releasing it later sends the zero rates.
    const std::vector<proto::ClientMessage> release = controls.update(keys({}), &ship, 20.0);
    ASSERT_EQ(release.size(), 1u);
    EXPECT_EQ(*release[0].manual_rates_rad_s, (sim::Vec3{}));
}

TEST(FlightControls, OneFrameCombinesItsChangesIntoOneMessage) {
    FlightControls controls;
    const sim::Ship ship = frigate();
    const std::vector<proto::ClientMessage> out =
        controls.update(keys({A::RollLeft, A::TranslateUp}, {A::ThrottleFull}), &ship, 0.0);
    ASSERT_EQ(out.size(), 1u);
    EXPECT_TRUE(out[0].manual_rates_rad_s.has_value());
    EXPECT_TRUE(out[0].rcs_translation.has_value());
    EXPECT_TRUE(out[0].throttle.has_value());
    expect_valid(out[0]);
}

TEST(FlightControls, LosingTheShipForgetsHeldKeys) {
    FlightControls controls;
    const sim::Ship ship = frigate();
    ASSERT_EQ(controls.update(keys({A::PitchUp}), &ship, 0.0).size(), 1u);
    controls.update(keys({A::PitchUp}), nullptr, 20.0);
    // With the ship back, the still-held key is a change again and is sent.
    EXPECT_EQ(controls.update(keys({A::PitchUp}), &ship, 40.0).size(), 1u);
}

}  // namespace
}  // namespace galaxy::client
