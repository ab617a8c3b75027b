// Private to the HUD: what its windows share (layout, memory between frames, small widgets),
// and one draw function per window, each in its own file.
#pragma once

#include <array>
#include <cstdint>
#include <deque>
#include <string>

#include "galaxy/client/session.hpp"
#include "galaxy/proto/client_message.hpp"
#include "galaxy/proto/protocol.hpp"
#include "galaxy/sim/command.hpp"
#include "hud/hud.hpp"
#include "imgui.h"

namespace galaxy::app::hud {

// Screen corners and edge middles that windows are docked to.
enum class Anchor : std::uint8_t {
    TopLeft,
    TopCenter,
    TopRight,
    BottomLeft,
    BottomCenter,
    BottomRight
};

// Windows docked to one anchor, stacked away from it (down from the top, up from the bottom).
class EdgeStack {
public:
    explicit EdgeStack(Anchor anchor);
    // Positions the next window (call before ImGui::Begin) and fixes its width (px; 0 = auto).
    void place(float width_px) const;
    // Call inside the window, before End: the next window goes below (or above) this one.
    void advance();

private:
    Anchor anchor_;
    float offset_px_;
};

// A toast: a notice shown for a few seconds, then faded out.
struct Toast {
    client::NoticeKind kind = client::NoticeKind::Info;
    std::string text;
    double shown_ms = 0.0;  // client time it arrived
};

// What the windows keep between frames.
struct HudMemory {
    HudState state;                                           // shared with the keyboard input
    bool show_settings = false;                               // the settings window is open
    std::array<char, proto::kMaxChatBytes + 1> chat_input{};  // the line being typed
    std::uint64_t chat_lines_drawn = 0;  // chat_received() when the history last scrolled
    std::array<char, sim::kMaxNameLength + 1> rename_input{};  // the new name being typed
    int respawn_class = 0;           // sim::ShipClass chosen for a respawn
    int throttle_percent = 0;        // the throttle slider's value while it is dragged
    bool throttle_dragging = false;  // the slider is held (it shows throttle_percent)
    std::deque<Toast> toasts;        // newest last
};

// Window flags for docked windows: fixed place, sized to content (so never a scrollbar, which
// ImGui would otherwise show for a frame whenever the content grows), no focus stealing.
inline constexpr ImGuiWindowFlags kDockedWindow =
    ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_AlwaysAutoResize |
    ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse |
    ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoNav;

// Sizes in units of the current font height, so the HUD scales with Settings::ui_scale.
float em(float count);

// Colours the HUD uses for meaning (not decoration).
ImVec4 colour_dim();   // labels
ImVec4 colour_good();  // live, in range, ok
ImVec4 colour_warn();  // attention
ImVec4 colour_bad();   // error, mismatch, below the surface

// A table of label / value rows: begin_rows() ... row() ... end_rows().
bool begin_rows(const char* id);
void end_rows();
void row(const char* label, const std::string& value);
void row(const char* label, const std::string& value, const ImVec4& colour);

// Sends a command message through the session (it assigns seq); 0 when nothing was sent.
std::uint32_t send_command(HudContext& context, proto::ClientMessage message);
// A Control message with nothing set yet.
proto::ClientMessage control_message();

// Display names: "Fast frigate", "Station", "Prograde" ...
const char* ship_class_label(sim::ShipClass ship_class);
const char* target_kind_label(sim::TargetKind kind);
const char* attitude_mode_label(sim::AttitudeMode mode);

// The windows. Each draws itself (or nothing, when it has nothing to show).
void draw_status_bar(HudContext& context, HudMemory& memory, EdgeStack& top_center);
void draw_toasts(HudContext& context, HudMemory& memory, const EdgeStack& top_center);
void draw_ship_window(HudContext& context, HudMemory& memory, EdgeStack& left);
void draw_orbit_window(HudContext& context, EdgeStack& left);
void draw_network_window(HudContext& context, EdgeStack& bottom_left);
void draw_attitude_window(HudContext& context, EdgeStack& bottom_center);
void draw_target_window(HudContext& context, EdgeStack& right);
void draw_docking_window(HudContext& context, EdgeStack& right);
void draw_chat_window(HudContext& context, HudMemory& memory, EdgeStack& bottom_right);
void draw_settings_window(HudContext& context, HudMemory& memory);
void draw_help_window(HudMemory& memory);

}  // namespace galaxy::app::hud
