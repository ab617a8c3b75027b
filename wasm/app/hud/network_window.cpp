// Network figures (when Settings::show_network): ping, server tick, prediction error and lead,
// hash checks, keyframes, traffic, frame rate.
#include <cstdio>
#include <string>

#include "galaxy/client/units_format.hpp"
#include "hud/hud_windows.hpp"

namespace galaxy::app::hud {

namespace {

std::string printed(const char* format, double value) {
    std::array<char, 32> text{};
    std::snprintf(text.data(), text.size(), format, value);
    return text.data();
}

std::string count(std::uint64_t n) { return std::to_string(n); }

// Four columns (label, value, label, value) keep the panel short at the bottom of the screen.
void cell(const char* label, const std::string& value, const ImVec4& colour) {
    ImGui::TableNextColumn();
    ImGui::TextColored(colour_dim(), "%s", label);
    ImGui::TableNextColumn();
    ImGui::TextColored(colour, "%s", value.c_str());
}

}  // namespace

void draw_network_window(HudContext& context, EdgeStack& bottom_left) {
    if (!context.settings->show_network) return;
    const client::NetworkStats& stats = context.session->stats();
    const ImVec4 normal = ImGui::GetStyleColorVec4(ImGuiCol_Text);
    // Sized to its content: anchored at the left edge, so a wider figure only moves the right edge.
    bottom_left.place(0.0f);
    if (ImGui::Begin("Network###network", nullptr, kDockedWindow) &&
        ImGui::BeginTable("network_cells", 4, ImGuiTableFlags_None)) {
        const std::string ping =
            stats.ping_ms < 0.0
                ? std::string("--")
                : printed("%.0f ms", stats.ping_ms) + printed(" (min %.0f)", stats.ping_min_ms);
        cell("Ping", ping, normal);
        cell("Tick", count(stats.server_tick), normal);
        cell("Pred. error",
             stats.prediction_error_m < 0.0 ? std::string("--")
                                            : client::format_distance(stats.prediction_error_m),
             normal);
        cell("Lead", printed("%.2f s", stats.lead_game_s), normal);
        cell("Hash checks", count(stats.hash_checks), normal);
        cell("Mismatches", count(stats.hash_mismatches),
             stats.hash_mismatches > 0 ? colour_bad() : colour_good());
        cell("Keyframes", count(stats.keyframes), normal);
        cell("Updates", count(stats.updates), normal);
        cell("Decode errs", count(stats.decode_errors),
             stats.decode_errors > 0 ? colour_bad() : normal);
        cell("Pending", count(stats.pending_commands), normal);
        cell("Received", printed("%.1f kB", static_cast<double>(stats.bytes_received) / 1000.0),
             normal);
        cell("Frame",
             context.frame_ms > 0.0 ? printed("%.0f fps", 1000.0 / context.frame_ms)
                                    : std::string("--"),
             normal);
        ImGui::EndTable();
    }
    bottom_left.advance();
    ImGui::End();
}

}  // namespace galaxy::app::hud
