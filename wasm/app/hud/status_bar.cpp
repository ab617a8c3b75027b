// The top bar: game clock, time scale, server tick, connection, and the Settings / Help /
// Log out buttons.
#include <array>
#include <cstdio>

#include "galaxy/client/units_format.hpp"
#include "hud/hud_windows.hpp"

namespace galaxy::app::hud {

namespace {

void separator() {
    ImGui::SameLine();
    ImGui::TextColored(colour_dim(), "|");
    ImGui::SameLine();
}

// "x1", "x0.5", "x1000": the game seconds per real second.
std::string rate_label(double rate) {
    std::array<char, 32> text{};
    std::snprintf(text.data(), text.size(), rate >= 10.0 || rate == 0.0 ? "x%.0f" : "x%.2g", rate);
    return text.data();
}

}  // namespace

void draw_status_bar(HudContext& context, HudMemory& memory, EdgeStack& top_center) {
    const client::Session& session = *context.session;
    const client::WelcomeInfo& welcome = session.welcome();
    const client::NetworkStats& stats = session.stats();
    top_center.place(0.0f);
    if (!ImGui::Begin("Status", nullptr, kDockedWindow | ImGuiWindowFlags_NoTitleBar)) {
        ImGui::End();
        return;
    }
    if (session.has_world()) {
        ImGui::TextUnformatted(client::format_utc(session.world().game_time_s).c_str());
        if (ImGui::IsItemHovered()) {
            ImGui::SetTooltip(
                "Game time: TDB seconds since J2000 shown as UTC (TT - UTC from the\n"
                "leap-second table; TDB and TT differ by under 2 ms)");
        }
    } else {
        ImGui::TextColored(colour_dim(), "no world yet");
    }
    // The measured rate once updates flow; the welcome's time scale before that.
    const double rate =
        stats.game_rate > 0.0 || stats.updates >= 2 ? stats.game_rate : welcome.time_scale;
    if (welcome.received || stats.updates > 0) {
        ImGui::SameLine();
        ImGui::TextUnformatted(rate_label(rate).c_str());
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Game seconds per real second");
    }
    if (welcome.paused || (stats.updates >= 2 && stats.game_rate == 0.0)) {
        ImGui::SameLine();
        ImGui::TextColored(colour_warn(), "PAUSED");
    }
    ImGui::SameLine();
    ImGui::TextColored(colour_dim(), "tick %llu",
                       static_cast<unsigned long long>(stats.server_tick));

    separator();
    // A dot and the transport's words: green when live, amber otherwise.
    const ImVec4 link_colour = context.link_live ? colour_good() : colour_warn();
    const float radius = em(0.3f);
    const ImVec2 at = ImGui::GetCursorScreenPos();
    ImGui::GetWindowDrawList()->AddCircleFilled(
        ImVec2(at.x + radius, at.y + ImGui::GetTextLineHeight() * 0.5f), radius,
        ImGui::GetColorU32(link_colour));
    ImGui::Dummy(ImVec2(radius * 2.0f, ImGui::GetTextLineHeight()));
    ImGui::SameLine();
    ImGui::TextColored(link_colour, "%s", context.link_status.c_str());
    if (welcome.received && !welcome.username.empty()) {
        ImGui::SameLine();
        ImGui::TextColored(colour_dim(), "as %s", welcome.username.c_str());
    }

    separator();
    if (ImGui::SmallButton("Settings")) memory.show_settings = !memory.show_settings;
    ImGui::SameLine();
    if (ImGui::SmallButton("Help (H)")) memory.state.show_help = !memory.state.show_help;
    ImGui::SameLine();
    if (ImGui::SmallButton("Log out")) context.logout_requested = true;
    top_center.advance();
    ImGui::End();
}

}  // namespace galaxy::app::hud
