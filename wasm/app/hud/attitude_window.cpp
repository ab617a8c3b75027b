// Attitude: the navball, the ten autopilot mode buttons (Target / Anti-target only with a
// target), reaction-wheel saturation and RCS activity.
#include <string>

#include "galaxy/client/flight_keys.hpp"
#include "galaxy/client/units_format.hpp"
#include "hud/hud_windows.hpp"
#include "hud/navball_widget.hpp"

namespace galaxy::app::hud {

namespace {

// The key that selects a mode, for the tooltip ("" for MANUAL, which the rotation keys enter).
std::string mode_keys(sim::AttitudeMode mode) {
    if (mode == sim::AttitudeMode::Manual) return "W S A D Q E";
    const auto action = static_cast<client::FlightAction>(
        static_cast<int>(client::FlightAction::ModeHold) + static_cast<int>(mode));
    return client::key_binding(action).keys_label;
}

void draw_mode_buttons(HudContext& context, const sim::Ship* ship) {
    const bool has_target = ship != nullptr && context.target->valid;
    const ImVec2 size(em(6.4f), 0.0f);
    for (int m = 0; m < sim::kAttitudeModeCount; ++m) {
        const auto mode = static_cast<sim::AttitudeMode>(m);
        const bool needs_target =
            mode == sim::AttitudeMode::Target || mode == sim::AttitudeMode::AntiTarget;
        const bool active = ship != nullptr && ship->controls.mode == mode;
        if (m % 2 == 1) ImGui::SameLine();
        ImGui::BeginDisabled(ship == nullptr || (needs_target && !has_target));
        if (active) {
            ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0.2f, 0.55f, 0.3f, 1.0f));
            ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ImVec4(0.25f, 0.62f, 0.35f, 1.0f));
        }
        if (ImGui::Button(attitude_mode_label(mode), size)) {
            proto::ClientMessage message = control_message();
            message.attitude = mode;
            send_command(context, std::move(message));
        }
        if (active) ImGui::PopStyleColor(2);
        ImGui::EndDisabled();
        if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) {
            ImGui::SetTooltip("Key %s%s", mode_keys(mode).c_str(),
                              needs_target && !has_target ? " (needs a target)" : "");
        }
    }
}

// A labelled bar: "Wheels [=====    ] 52 %", red when nearly full.
void draw_bar(const char* label, double fraction, double warn_above) {
    ImGui::TextColored(colour_dim(), "%s", label);
    ImGui::SameLine(em(4.0f));
    const bool warn = fraction > warn_above;
    if (warn) ImGui::PushStyleColor(ImGuiCol_PlotHistogram, colour_warn());
    ImGui::ProgressBar(static_cast<float>(fraction), ImVec2(em(8.8f), 0.0f),
                       client::format_percent(fraction).c_str());
    if (warn) ImGui::PopStyleColor();
}

}  // namespace

void draw_attitude_window(HudContext& context, EdgeStack& bottom_center) {
    const client::Session& session = *context.session;
    const sim::Ship* ship = session.has_world() ? session.own_ship() : nullptr;
    bottom_center.place(0.0f);
    if (ImGui::Begin("Attitude###attitude", nullptr, kDockedWindow)) {
        ImGui::BeginGroup();
        draw_navball(session.has_world() ? &session.world() : nullptr, ship, em(10.5f));
        ImGui::EndGroup();
        ImGui::SameLine();
        ImGui::BeginGroup();
        draw_mode_buttons(context, ship);
        ImGui::Spacing();
        const client::ShipTelemetry& telemetry = *context.ship;
        // Wheels near capacity can no longer absorb torque; RCS then burns fuel for it.
        draw_bar("Wheels", telemetry.valid ? telemetry.wheel_saturation : 0.0, 0.8);
        draw_bar("RCS", telemetry.valid ? telemetry.rcs_activity : 0.0, 0.5);
        ImGui::EndGroup();
    }
    bottom_center.advance();
    ImGui::End();
}

}  // namespace galaxy::app::hud
