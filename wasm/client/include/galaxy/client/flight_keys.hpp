// The keyboard map: which key does what. One table serves the input code (which keys to read)
// and the help window (what to list), so the help always shows what the keys really do.
#pragma once

#include <array>
#include <bitset>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <span>

#include "galaxy/sim/ship.hpp"

namespace galaxy::client {

// Key codes as GLFW numbers them (GLFW/glfw3.h, which imgui_impl_glfw 1.86 uses to index
// io.KeysDown). Kept here so this library needs no GLFW; the app checks them with static_assert.
namespace key {
inline constexpr int kSpace = 32;
inline constexpr int kMinus = 45;
inline constexpr int k1 = 49;  // k1 + n for the digit 1 + n (n = 0..8)
inline constexpr int kEqual = 61;
inline constexpr int kA = 65;  // kA + n for the letter 'A' + n
inline constexpr int kEscape = 256;
inline constexpr int kEnter = 257;
inline constexpr int kF1 = 290;
inline constexpr int kKeypadSubtract = 333;
inline constexpr int kKeypadAdd = 334;
inline constexpr int kKeypadEnter = 335;
inline constexpr int kLeftShift = 340;
inline constexpr int kLeftControl = 341;
inline constexpr int kRightShift = 344;
inline constexpr int kRightControl = 345;
// The GLFW code of an upper-case letter 'A'..'Z'.
constexpr int letter(char c) { return kA + (c - 'A'); }
}  // namespace key

// Everything a key can do.
enum class FlightAction : std::uint8_t {
    // Held: manual rates.
    PitchUp = 0,
    PitchDown,
    YawLeft,
    YawRight,
    RollLeft,
    RollRight,
    // Held: RCS translation.
    TranslateForward,
    TranslateBack,
    TranslateUp,
    TranslateDown,
    TranslateLeft,
    TranslateRight,
    // Held: throttle ramp; pressed: full / cut.
    ThrottleUp,
    ThrottleDown,
    ThrottleFull,
    ThrottleCut,
    // Keys 1..9: attitude modes in the order of sim::AttitudeMode.
    ModeHold,
    ModePrograde,
    ModeRetrograde,
    ModeNormal,
    ModeAntiNormal,
    ModeRadialIn,
    ModeRadialOut,
    ModeTarget,
    ModeAntiTarget,
    // Pressed: target, view and interface.
    CycleTarget,
    ToggleMap,
    FocusChat,
    ToggleHelp,
    ClearSelection,
    Count
};
inline constexpr std::size_t kFlightActionCount = static_cast<std::size_t>(FlightAction::Count);

// One line of the keyboard map.
struct KeyBinding {
    FlightAction action;
    std::array<int, 3> keys;  // GLFW key codes; 0 = unused slot
    const char* keys_label;   // as the help prints it: "Shift / =", "1"
    const char* description;  // "Pitch up (nose up)"
    const char* group;        // help section: "Attitude", "Throttle", ...
};

// The whole map, in the order the help lists it. Every action has exactly one line.
std::span<const KeyBinding> flight_key_bindings();
// The line of one action.
const KeyBinding& key_binding(FlightAction action);

// The attitude mode an action 1..9 selects; false for any other action.
bool action_attitude_mode(FlightAction action, sim::AttitudeMode* mode);

// Which actions' keys are down this frame, and which went down this frame (no key repeat).
struct FlightKeyState {
    std::bitset<kFlightActionCount> held;
    std::bitset<kFlightActionCount> pressed;
    bool is_held(FlightAction a) const { return held[static_cast<std::size_t>(a)]; }
    bool was_pressed(FlightAction a) const { return pressed[static_cast<std::size_t>(a)]; }
};

// Reads the table's keys through the two queries (GLFW code -> down now / went down this frame).
FlightKeyState read_flight_keys(const std::function<bool(int)>& is_down,
                                const std::function<bool(int)>& was_pressed);

}  // namespace galaxy::client
