// The controls help (H or F1), generated from the key table so it lists what the keys do.
#include <cstring>
#include <span>

#include "galaxy/client/flight_keys.hpp"
#include "hud/hud_windows.hpp"

namespace galaxy::app::hud {

namespace {

void key_row(const char* keys, const char* description) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextColored(colour_warn(), "%s", keys);
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(description);
}

void group_row(const char* group) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::Spacing();
    ImGui::TextColored(colour_dim(), "%s", group);
}

// One column of the help: the bindings with a heading per group, and the mouse at the end.
void key_table(const char* id, std::span<const client::KeyBinding> bindings, bool with_mouse) {
    ImGui::BeginGroup();
    // NoClip lets a group heading run on into the description column.
    if (ImGui::BeginTable(id, 2, ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_NoClip)) {
        ImGui::TableSetupColumn("keys", ImGuiTableColumnFlags_WidthFixed, em(6.5f));
        ImGui::TableSetupColumn("what", ImGuiTableColumnFlags_WidthFixed);
        const char* group = "";
        for (const client::KeyBinding& binding : bindings) {
            if (std::strcmp(group, binding.group) != 0) {
                group = binding.group;
                group_row(group);
            }
            key_row(binding.keys_label, binding.description);
        }
        if (with_mouse) {
            group_row("Mouse (over the scene)");
            key_row("Left drag", "Turn the camera");
            key_row("Wheel", "Zoom");
            key_row("Click", "Select; Orbit and Map views centre on it");
            key_row("Double-click", "Orbit camera around it");
        }
        ImGui::EndTable();
    }
    ImGui::EndGroup();
}

}  // namespace

void draw_help_window(HudMemory& memory) {
    if (!memory.state.show_help) return;
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    ImGui::SetNextWindowPos(ImVec2(display.x * 0.5f, display.y * 0.5f), ImGuiCond_Appearing,
                            ImVec2(0.5f, 0.5f));
    if (ImGui::Begin("Controls (H or F1 to close)", &memory.state.show_help,
                     ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings)) {
        // Two columns of key groups, split at the group boundary nearest the middle, so the
        // whole map fits a 720 px high screen.
        const std::span<const client::KeyBinding> bindings = client::flight_key_bindings();
        std::size_t split = bindings.size() / 2;
        while (split < bindings.size() &&
               std::strcmp(bindings[split].group, bindings[split - 1].group) == 0) {
            ++split;
        }
        key_table("keys_left", bindings.first(split), false);
        ImGui::SameLine(0.0f, em(2.0f));
        key_table("keys_right", bindings.subspan(split), true);
    }
    ImGui::End();
}

}  // namespace galaxy::app::hud
