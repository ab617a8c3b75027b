#include <array>
#include <cfloat>
#include <utility>

#include "hud/hud_windows.hpp"

namespace galaxy::app::hud {

namespace {

float margin_px() { return em(0.5f); }

}  // namespace

EdgeStack::EdgeStack(Anchor anchor) : anchor_(anchor), offset_px_(0.0f) {}

void EdgeStack::place(float width_px) const {
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    const float m = margin_px();
    const float top = m + offset_px_;
    const float bottom = display.y - m - offset_px_;
    ImVec2 position;
    ImVec2 pivot;
    switch (anchor_) {
        case Anchor::TopLeft:
            position = {m, top};
            pivot = {0.0f, 0.0f};
            break;
        case Anchor::TopCenter:
            position = {display.x * 0.5f, top};
            pivot = {0.5f, 0.0f};
            break;
        case Anchor::TopRight:
            position = {display.x - m, top};
            pivot = {1.0f, 0.0f};
            break;
        case Anchor::BottomLeft:
            position = {m, bottom};
            pivot = {0.0f, 1.0f};
            break;
        case Anchor::BottomCenter:
            position = {display.x * 0.5f, bottom};
            pivot = {0.5f, 1.0f};
            break;
        case Anchor::BottomRight:
            position = {display.x - m, bottom};
            pivot = {1.0f, 1.0f};
            break;
    }
    ImGui::SetNextWindowPos(position, ImGuiCond_Always, pivot);
    // A fixed width keeps right- and centre-docked windows from jittering as numbers change.
    if (width_px > 0.0f) {
        ImGui::SetNextWindowSizeConstraints(ImVec2(width_px, 0.0f), ImVec2(width_px, FLT_MAX));
    }
    ImGui::SetNextWindowBgAlpha(0.78f);
}

void EdgeStack::advance() { offset_px_ += ImGui::GetWindowHeight() + em(0.35f); }

float em(float count) { return count * ImGui::GetFontSize(); }

ImVec4 colour_dim() { return {0.62f, 0.68f, 0.75f, 1.0f}; }
ImVec4 colour_good() { return {0.45f, 0.9f, 0.5f, 1.0f}; }
ImVec4 colour_warn() { return {1.0f, 0.8f, 0.3f, 1.0f}; }
ImVec4 colour_bad() { return {1.0f, 0.4f, 0.35f, 1.0f}; }

bool begin_rows(const char* id) {
    if (!ImGui::BeginTable(id, 2, ImGuiTableFlags_None)) return false;
    ImGui::TableSetupColumn("label", ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableSetupColumn("value", ImGuiTableColumnFlags_WidthStretch);
    return true;
}

void end_rows() { ImGui::EndTable(); }

void row(const char* label, const std::string& value) {
    row(label, value, ImGui::GetStyleColorVec4(ImGuiCol_Text));
}

void row(const char* label, const std::string& value, const ImVec4& colour) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextColored(colour_dim(), "%s", label);
    ImGui::TableNextColumn();
    // Values are right-aligned so that digits line up down the column.
    const float width = ImGui::CalcTextSize(value.c_str()).x;
    const float room = ImGui::GetContentRegionAvail().x;
    if (width < room) ImGui::SetCursorPosX(ImGui::GetCursorPosX() + room - width);
    ImGui::PushStyleColor(ImGuiCol_Text, colour);
    ImGui::TextUnformatted(value.c_str());
    ImGui::PopStyleColor();
}

std::uint32_t send_command(HudContext& context, proto::ClientMessage message) {
    if (context.session == nullptr) return 0;
    return context.session->send_command(std::move(message), context.now_ms);
}

proto::ClientMessage control_message() {
    proto::ClientMessage message;
    message.type = proto::ClientMessageType::Control;
    return message;
}

const char* ship_class_label(sim::ShipClass ship_class) {
    switch (ship_class) {
        case sim::ShipClass::CargoHauler:
            return "Cargo hauler";
        case sim::ShipClass::FastFrigate:
            return "Fast frigate";
    }
    return "?";
}

const char* target_kind_label(sim::TargetKind kind) {
    switch (kind) {
        case sim::TargetKind::Body:
            return "body";
        case sim::TargetKind::Ship:
            return "ship";
        case sim::TargetKind::Station:
            return "station";
        case sim::TargetKind::None:
            break;
    }
    return "none";
}

const char* attitude_mode_label(sim::AttitudeMode mode) {
    static constexpr std::array<const char*, sim::kAttitudeModeCount> kLabels{
        "Hold",      "Prograde",   "Retrograde", "Normal",      "Anti-normal",
        "Radial in", "Radial out", "Target",     "Anti-target", "Manual"};
    const auto index = static_cast<std::size_t>(mode);
    return index < kLabels.size() ? kLabels[index] : "?";
}

}  // namespace galaxy::app::hud
