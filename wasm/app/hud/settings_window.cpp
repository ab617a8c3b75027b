// Settings: edits *context.settings in place (so they apply at once) and raises
// settings_changed when an edit is complete, for the app to hand to JavaScript to store.
// Also the camera mode, which is not stored.
#include <array>
#include <cmath>
#include <utility>

#include "hud/hud_windows.hpp"

namespace galaxy::app::hud {

namespace {

// A slider edits continuously; it counts as changed (to be stored) when let go.
bool slider(const char* label, double* value, double min, double max, const char* format) {
    float v = static_cast<float>(*value);
    if (ImGui::SliderFloat(label, &v, static_cast<float>(min), static_cast<float>(max), format)) {
        // Two decimals, as shown: the stored JSON then carries 1.25, not 1.2499999523.
        *value = std::round(static_cast<double>(v) * 100.0) / 100.0;
    }
    return ImGui::IsItemDeactivatedAfterEdit();
}

void draw_camera_modes(client::Camera& camera) {
    ImGui::TextColored(colour_dim(), "Camera");
    const std::array<std::pair<const char*, client::CameraMode>, 3> modes{
        {{"Chase", client::CameraMode::Chase},
         {"Orbit", client::CameraMode::Orbit},
         {"Map (M)", client::CameraMode::Map}}};
    for (const auto& [label, mode] : modes) {
        ImGui::SameLine();
        if (ImGui::RadioButton(label, camera.mode() == mode)) camera.set_mode(mode);
    }
}

}  // namespace

void draw_settings_window(HudContext& context, HudMemory& memory) {
    if (!memory.show_settings) return;
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    ImGui::SetNextWindowPos(ImVec2(display.x * 0.5f, display.y * 0.4f), ImGuiCond_Appearing,
                            ImVec2(0.5f, 0.5f));
    if (ImGui::Begin("Settings", &memory.show_settings,
                     ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings)) {
        client::Settings& s = *context.settings;
        bool changed = false;
        ImGui::TextColored(colour_dim(), "Scene");
        changed |= ImGui::Checkbox("Body orbits", &s.show_orbits);
        changed |= ImGui::Checkbox("Own trajectory (Ap, Pe, nodes)", &s.show_trajectory);
        changed |= ImGui::Checkbox("Labels", &s.show_labels);
        changed |= ImGui::Checkbox("Starfield", &s.show_starfield);
        ImGui::Separator();
        ImGui::TextColored(colour_dim(), "Interface");
        changed |= ImGui::Checkbox("Network panel", &s.show_network);
        ImGui::SetNextItemWidth(em(12.0f));
        changed |= slider("HUD scale", &s.ui_scale, 0.75, 2.0, "%.2f");
        ImGui::Separator();
        ImGui::TextColored(colour_dim(), "Mouse");
        ImGui::SetNextItemWidth(em(12.0f));
        changed |= slider("Sensitivity", &s.mouse_sensitivity, 0.1, 5.0, "%.2f");
        changed |= ImGui::Checkbox("Invert vertical drag", &s.invert_mouse_y);
        ImGui::Separator();
        draw_camera_modes(*context.camera);
        if (changed) context.settings_changed = true;
    }
    ImGui::End();
}

}  // namespace galaxy::app::hud
