#include "galaxy/client/flight_controls.hpp"

#include <algorithm>

#include "galaxy/proto/protocol.hpp"

namespace galaxy::client {

namespace {

using A = FlightAction;

// +1, -1 or 0 for a pair of opposing keys (both held cancel out).
double axis(const FlightKeyState& keys, FlightAction positive, FlightAction negative) {
    return (keys.is_held(positive) ? 1.0 : 0.0) - (keys.is_held(negative) ? 1.0 : 0.0);
}

bool any_held(const FlightKeyState& keys, FlightAction first, FlightAction last) {
    for (int a = static_cast<int>(first); a <= static_cast<int>(last); ++a) {
        if (keys.held[static_cast<std::size_t>(a)]) return true;
    }
    return false;
}

// The attitude mode key pressed this frame, if any (the lowest when several are).
bool pressed_mode(const FlightKeyState& keys, sim::AttitudeMode* mode) {
    for (int a = static_cast<int>(A::ModeHold); a <= static_cast<int>(A::ModeAntiTarget); ++a) {
        const auto action = static_cast<FlightAction>(a);
        if (keys.was_pressed(action) && action_attitude_mode(action, mode)) return true;
    }
    return false;
}

}  // namespace

FlightControls::FlightControls(FlightControlsDef def) : def_(def) {}

sim::Vec3 FlightControls::rates_for(const FlightKeyState& keys, double rate_rad_s) {
    // Signs follow the axis convention in the header: pitch up is a negative rate about +X, yaw
    // right a negative rate about +Y, roll right a positive rate about +Z.
    return sim::Vec3{axis(keys, A::PitchDown, A::PitchUp), axis(keys, A::YawLeft, A::YawRight),
                     axis(keys, A::RollRight, A::RollLeft)} *
           rate_rad_s;
}

sim::Vec3 FlightControls::translation_for(const FlightKeyState& keys) {
    // +X is the pilot's left (X = Y x Z with +Y up and +Z forward).
    return sim::Vec3{axis(keys, A::TranslateLeft, A::TranslateRight),
                     axis(keys, A::TranslateUp, A::TranslateDown),
                     axis(keys, A::TranslateForward, A::TranslateBack)};
}

std::vector<proto::ClientMessage> FlightControls::update(const FlightKeyState& keys,
                                                         const sim::Ship* ship, double now_ms) {
    if (ship == nullptr) {
        // No ship to steer: forget held keys, so the first frame with a ship starts clean.
        *this = FlightControls(def_);
        return {};
    }
    const double frame_ms =
        last_update_ms_ < 0.0 ? 0.0 : std::clamp(now_ms - last_update_ms_, 0.0, def_.max_frame_ms);
    last_update_ms_ = now_ms;

    proto::ClientMessage message;
    message.type = proto::ClientMessageType::Control;
    bool send = false;

    sim::AttitudeMode mode = sim::AttitudeMode::Hold;
    const bool has_target = ship->controls.target.kind != sim::TargetKind::None;
    const bool mode_pressed =
        pressed_mode(keys, &mode) && (has_target || (mode != sim::AttitudeMode::Target &&
                                                     mode != sim::AttitudeMode::AntiTarget));
    if (mode_pressed) {
        message.attitude = mode;
        send = true;
    }

    // Manual rates: one message when the held set changes, zero rates when the last key is up.
    const double max_rate =
        std::min(sim::ship_class_def(ship->ship_class).max_rate_rad_s, proto::kMaxManualRate_rad_s);
    const sim::Vec3 rates = rates_for(keys, def_.rate_fraction * max_rate);
    const bool rotating = any_held(keys, A::PitchUp, A::RollRight);
    if (rotating != rotating_ || rates != sent_rates_) {
        rotating_ = rotating;
        sent_rates_ = rates;
        // A mode key in the same frame wins: the protocol allows rates only with MANUAL.
        if (!mode_pressed) {
            message.manual_rates_rad_s = rates;
            send = true;
        }
    }

    const sim::Vec3 translation = translation_for(keys);
    if (translation != sent_translation_) {
        sent_translation_ = translation;
        message.rcs_translation = translation;
        send = true;
    }

    // Throttle: follow the ship's standing value until the pilot changes it; then the pilot's
    // value rules until it has been sent and the ramp is over.
    const bool ramping = keys.is_held(A::ThrottleUp) != keys.is_held(A::ThrottleDown);
    if (!ramping && !throttle_dirty_) throttle_ = ship->controls.throttle;
    const double before = throttle_;
    if (keys.was_pressed(A::ThrottleFull)) throttle_ = 1.0;
    if (keys.was_pressed(A::ThrottleCut)) throttle_ = 0.0;
    if (ramping) {
        const double direction = keys.is_held(A::ThrottleUp) ? 1.0 : -1.0;
        throttle_ = std::clamp(throttle_ + direction * def_.throttle_rate_per_s * frame_ms / 1000.0,
                               0.0, 1.0);
    }
    if (throttle_ != before) throttle_dirty_ = true;
    if (throttle_dirty_ && now_ms - last_throttle_send_ms_ >= def_.throttle_send_interval_ms) {
        message.throttle = throttle_;
        last_throttle_send_ms_ = now_ms;
        throttle_dirty_ = false;
        send = true;
    }

    if (!send) return {};
    return {message};
}

}  // namespace galaxy::client
