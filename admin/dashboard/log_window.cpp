// The Log window: the results of the admin's last actions, newest at the bottom, failures in red.
#include "windows.hpp"

namespace galaxy::admin {

void draw_log_window(DashboardContext& ctx) {
    place_window(ctx.layout, ctx.layout.log);
    ImGui::Begin("Log###log");
    const auto& entries = ctx.log.entries();
    if (entries.empty()) ImGui::TextColored(colour_dim(), "No actions yet.");
    for (const ActionResult& entry : entries) {
        // One wrapped line per entry: a long error stays readable in a narrow window.
        ImGui::PushStyleColor(ImGuiCol_Text,
                              entry.ok ? ImGui::GetStyleColorVec4(ImGuiCol_Text) : colour_bad());
        ImGui::TextWrapped("%7.1f s  %s: %s", entry.at_ms / 1000.0, entry.action.c_str(),
                           entry.text.c_str());
        ImGui::PopStyleColor();
    }
    // Stay at the newest entry unless the admin scrolled up to read older ones.
    if (ImGui::GetScrollY() >= ImGui::GetScrollMaxY() - 1.0f) ImGui::SetScrollHereY(1.0f);
    ImGui::End();
}

}  // namespace galaxy::admin
