// Docking, shown near a station (within 5 km) or while docked: distance, closing and relative
// speed, whether a Dock would be accepted now, and the Dock / Undock / Refuel buttons.
#include "galaxy/client/units_format.hpp"
#include "hud/hud_windows.hpp"

namespace galaxy::app::hud {

namespace {

constexpr double kShowWithin_m = 5000.0;

void send_simple(HudContext& context, proto::ClientMessageType type) {
    proto::ClientMessage message;
    message.type = type;
    send_command(context, std::move(message));
}

}  // namespace

void draw_docking_window(HudContext& context, EdgeStack& right) {
    const client::DockingTelemetry& dock = *context.docking;
    if (!context.ship->valid || !dock.valid || (!dock.docked && dock.distance_m >= kShowWithin_m)) {
        return;
    }
    right.place(em(19.0f));
    const std::string title = "Docking: " + dock.station_name + "###docking";
    if (ImGui::Begin(title.c_str(), nullptr, kDockedWindow)) {
        if (begin_rows("docking_rows")) {
            const ImVec4 normal = ImGui::GetStyleColorVec4(ImGuiCol_Text);
            if (dock.docked) {
                row("State", "docked", colour_good());
            } else {
                row("Distance", client::format_distance(dock.distance_m),
                    dock.in_range ? colour_good() : normal);
                row("Closing", client::format_speed(dock.closing_speed_m_s));
                row("Rel. speed", client::format_speed(dock.relative_speed_m_s),
                    dock.relative_speed_m_s < sim::kMaxDockSpeed_m_s ? colour_good()
                                                                     : colour_warn());
                row("In range", dock.in_range ? "yes" : "no",
                    dock.in_range ? colour_good() : normal);
                // What sim-core requires for a Dock, so the pilot knows the targets to fly to.
                row("Dock within",
                    client::format_distance(sim::kStationRadius_m + sim::kDockMargin_m),
                    colour_dim());
                row("Dock below", client::format_speed(sim::kMaxDockSpeed_m_s), colour_dim());
            }
            end_rows();
        }
        const float width =
            (ImGui::GetContentRegionAvail().x - 2.0f * ImGui::GetStyle().ItemSpacing.x) / 3.0f;
        ImGui::BeginDisabled(dock.docked || !dock.can_dock);
        if (ImGui::Button("Dock", ImVec2(width, 0.0f)))
            send_simple(context, proto::ClientMessageType::Dock);
        ImGui::EndDisabled();
        ImGui::SameLine();
        ImGui::BeginDisabled(!dock.docked);
        if (ImGui::Button("Undock", ImVec2(width, 0.0f))) {
            send_simple(context, proto::ClientMessageType::Undock);
        }
        ImGui::SameLine();
        if (ImGui::Button("Refuel", ImVec2(width, 0.0f))) {
            proto::ClientMessage message;
            message.type = proto::ClientMessageType::Service;
            message.service = proto::ServiceAction::Refuel;
            send_command(context, std::move(message));
        }
        ImGui::EndDisabled();
    }
    right.advance();
    ImGui::End();
}

}  // namespace galaxy::app::hud
