#include "galaxy/client/flight_keys.hpp"

namespace galaxy::client {

namespace {

using A = FlightAction;
using key::letter;

// Throttle has a second key each because Ctrl + W (pitch while throttling down) closes the tab
// in most browsers, and a page cannot prevent it.
constexpr std::array<KeyBinding, kFlightActionCount> kBindings{{
    {A::PitchDown, {letter('W'), 0}, "W", "Pitch down (nose down)", "Attitude"},
    {A::PitchUp, {letter('S'), 0}, "S", "Pitch up (nose up)", "Attitude"},
    {A::YawLeft, {letter('A'), 0}, "A", "Yaw left", "Attitude"},
    {A::YawRight, {letter('D'), 0}, "D", "Yaw right", "Attitude"},
    {A::RollLeft, {letter('Q'), 0}, "Q", "Roll left", "Attitude"},
    {A::RollRight, {letter('E'), 0}, "E", "Roll right", "Attitude"},
    {A::ThrottleUp,
     {key::kLeftShift, key::kRightShift, key::kEqual},
     "Shift / =",
     "Throttle up (hold)",
     "Throttle"},
    {A::ThrottleDown,
     {key::kLeftControl, key::kRightControl, key::kMinus},
     "Ctrl / -",
     "Throttle down (hold)",
     "Throttle"},
    {A::ThrottleFull, {letter('Z'), 0}, "Z", "Full throttle", "Throttle"},
    {A::ThrottleCut, {letter('X'), 0}, "X", "Cut throttle", "Throttle"},
    {A::TranslateForward, {letter('U'), 0}, "U", "RCS forward", "RCS translation (hold)"},
    {A::TranslateBack, {letter('O'), 0}, "O", "RCS back", "RCS translation (hold)"},
    {A::TranslateUp, {letter('I'), 0}, "I", "RCS up", "RCS translation (hold)"},
    {A::TranslateDown, {letter('K'), 0}, "K", "RCS down", "RCS translation (hold)"},
    {A::TranslateLeft, {letter('J'), 0}, "J", "RCS left", "RCS translation (hold)"},
    {A::TranslateRight, {letter('L'), 0}, "L", "RCS right", "RCS translation (hold)"},
    {A::ModeHold, {key::k1, 0}, "1", "Hold attitude", "Autopilot"},
    {A::ModePrograde, {key::k1 + 1, 0}, "2", "Prograde", "Autopilot"},
    {A::ModeRetrograde, {key::k1 + 2, 0}, "3", "Retrograde", "Autopilot"},
    {A::ModeNormal, {key::k1 + 3, 0}, "4", "Normal", "Autopilot"},
    {A::ModeAntiNormal, {key::k1 + 4, 0}, "5", "Anti-normal", "Autopilot"},
    {A::ModeRadialIn, {key::k1 + 5, 0}, "6", "Radial in", "Autopilot"},
    {A::ModeRadialOut, {key::k1 + 6, 0}, "7", "Radial out", "Autopilot"},
    {A::ModeTarget, {key::k1 + 7, 0}, "8", "Point at target", "Autopilot"},
    {A::ModeAntiTarget, {key::k1 + 8, 0}, "9", "Point away from target", "Autopilot"},
    {A::CycleTarget,
     {letter('T'), 0},
     "T",
     "Next target (stations, ships, bodies; nearest first)",
     "Target and view"},
    {A::ToggleMap, {letter('M'), 0}, "M", "System map on / off", "Target and view"},
    {A::ClearSelection, {key::kEscape, 0}, "Esc", "Clear the selection", "Target and view"},
    {A::FocusChat,
     {key::kEnter, key::kKeypadEnter},
     "Enter",
     "Chat (Enter sends, Esc leaves)",
     "Interface"},
    {A::ToggleHelp, {letter('H'), key::kF1}, "H / F1", "This help on / off", "Interface"},
}};

// Every action appears exactly once, so key_binding() can look lines up by action.
constexpr bool every_action_once() {
    std::array<int, kFlightActionCount> seen{};
    for (const KeyBinding& b : kBindings) ++seen[static_cast<std::size_t>(b.action)];
    for (int count : seen) {
        if (count != 1) return false;
    }
    return true;
}
static_assert(every_action_once(), "the key table must list every FlightAction exactly once");

}  // namespace

std::span<const KeyBinding> flight_key_bindings() { return kBindings; }

const KeyBinding& key_binding(FlightAction action) {
    for (const KeyBinding& b : kBindings) {
        if (b.action == action) return b;
    }
    return kBindings.front();  // unreachable: every_action_once() holds
}

bool action_attitude_mode(FlightAction action, sim::AttitudeMode* mode) {
    const int first = static_cast<int>(FlightAction::ModeHold);
    const int index = static_cast<int>(action) - first;
    if (index < 0 || index > static_cast<int>(FlightAction::ModeAntiTarget) - first) return false;
    *mode = static_cast<sim::AttitudeMode>(index);
    return true;
}

FlightKeyState read_flight_keys(const std::function<bool(int)>& is_down,
                                const std::function<bool(int)>& was_pressed) {
    FlightKeyState state;
    for (const KeyBinding& b : kBindings) {
        const std::size_t index = static_cast<std::size_t>(b.action);
        for (int code : b.keys) {
            if (code == 0) continue;
            if (is_down(code)) state.held.set(index);
            if (was_pressed(code)) state.pressed.set(index);
        }
    }
    return state;
}

}  // namespace galaxy::client
