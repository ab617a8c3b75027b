// Ship systems: fuel, throttle, thrust, delta-v, TWR, burn time, speed, altitude, reference
// body, docking state; and, folded away, renaming and respawning the ship.
#include <array>
#include <cfloat>
#include <cmath>
#include <cstdio>

#include "galaxy/client/units_format.hpp"
#include "galaxy/sim/command.hpp"
#include "hud/hud_windows.hpp"

namespace galaxy::app::hud {

namespace {

std::string fixed(const char* format, double value) {
    std::array<char, 32> text{};
    std::snprintf(text.data(), text.size(), format, value);
    return text.data();
}

// Why there is no ship to show, in the words a pilot needs.
const char* no_ship_reason(const HudContext& context) {
    if (!context.link_live) return "Not connected to the server.";
    if (!context.session->welcome().received) return "Signing in ...";
    if (!context.session->has_world()) return "Waiting for the world ...";
    return "No ship. Respawn below to get a new one.";
}

void draw_throttle(HudContext& context, HudMemory& memory, const client::ShipTelemetry& ship) {
    ImGui::TextColored(colour_dim(), "Throttle");
    ImGui::SameLine(em(5.0f));
    ImGui::SetNextItemWidth(-FLT_MIN);
    // While dragged the slider shows the pilot's value; otherwise the ship's standing throttle.
    if (!memory.throttle_dragging) {
        memory.throttle_percent = static_cast<int>(std::lround(ship.throttle * 100.0));
    }
    ImGui::SliderInt("##throttle", &memory.throttle_percent, 0, 100, "%d %%");
    memory.throttle_dragging = ImGui::IsItemActive();
    // One command when the slider is let go, not one per frame of dragging.
    if (ImGui::IsItemDeactivatedAfterEdit()) {
        proto::ClientMessage message = control_message();
        message.throttle = memory.throttle_percent / 100.0;
        send_command(context, std::move(message));
    }
}

void draw_readouts(const HudContext& context, const client::ShipTelemetry& ship) {
    if (!begin_rows("ship_rows")) return;
    row("Reference", ship.reference_name);
    row("Altitude", client::format_distance(ship.altitude_m),
        ship.altitude_m < 0.0 ? colour_bad() : ImGui::GetStyleColorVec4(ImGuiCol_Text));
    row("Speed", client::format_speed(ship.speed_m_s));
    row("Thrust",
        client::format_force(ship.thrust_n) + " / " + client::format_force(ship.max_thrust_n));
    row("Delta-v", client::format_speed(ship.delta_v_m_s));
    const std::string twr_label = "TWR at " + ship.reference_name;
    row(twr_label.c_str(), fixed("%.2f", ship.twr));
    row("Burn time", std::isfinite(ship.burn_time_s) ? client::format_duration(ship.burn_time_s)
                                                     : std::string("engine off"));
    row("Mass", client::format_mass(ship.mass_kg));
    if (ship.docked_station != 0) {
        const sim::Station* station =
            sim::find_station(context.session->world(), ship.docked_station);
        row("Docked at", station != nullptr ? station->name : std::string("a station"),
            colour_good());
    }
    end_rows();
}

void draw_fuel(const client::ShipTelemetry& ship) {
    ImGui::TextColored(colour_dim(), "Fuel");
    ImGui::SameLine(em(5.0f));
    const std::string overlay =
        client::format_mass(ship.fuel_kg) + " (" + client::format_percent(ship.fuel_fraction) + ")";
    const bool low = ship.fuel_fraction < 0.1;
    if (low) ImGui::PushStyleColor(ImGuiCol_PlotHistogram, colour_bad());
    ImGui::ProgressBar(static_cast<float>(ship.fuel_fraction), ImVec2(-FLT_MIN, 0.0f),
                       overlay.c_str());
    if (low) ImGui::PopStyleColor();
}

void draw_management(HudContext& context, HudMemory& memory, const sim::Ship* own) {
    const bool open = ImGui::CollapsingHeader("Manage ship");
    // A respawn offers the current class first.
    if (ImGui::IsItemToggledOpen() && own != nullptr) {
        memory.respawn_class = static_cast<int>(own->ship_class);
    }
    if (!open) return;
    if (own != nullptr) {
        ImGui::SetNextItemWidth(em(10.0f));
        const bool entered = ImGui::InputTextWithHint(
            "##rename", "new name", memory.rename_input.data(), memory.rename_input.size(),
            ImGuiInputTextFlags_EnterReturnsTrue);
        ImGui::SameLine();
        const bool clicked = ImGui::Button("Rename");
        if ((entered || clicked) && memory.rename_input[0] != '\0') {
            proto::ClientMessage message;
            message.type = proto::ClientMessageType::Rename;
            message.text = memory.rename_input.data();
            send_command(context, std::move(message));
            memory.rename_input.fill('\0');
        }
    }
    const std::array<const char*, 2> classes{ship_class_label(sim::ShipClass::CargoHauler),
                                             ship_class_label(sim::ShipClass::FastFrigate)};
    ImGui::SetNextItemWidth(em(10.0f));
    ImGui::Combo("##class", &memory.respawn_class, classes.data(),
                 static_cast<int>(classes.size()));
    ImGui::SameLine();
    if (ImGui::Button("Respawn ...")) ImGui::OpenPopup("Respawn?");
    if (ImGui::BeginPopup("Respawn?")) {
        ImGui::TextUnformatted(
            "A new ship at the home station, with full tanks.\n"
            "The current ship is gone.");
        if (ImGui::Button("Respawn")) {
            proto::ClientMessage message;
            message.type = proto::ClientMessageType::Service;
            message.service = proto::ServiceAction::Reset;
            message.ship_class = static_cast<sim::ShipClass>(memory.respawn_class);
            send_command(context, std::move(message));
            ImGui::CloseCurrentPopup();
        }
        ImGui::SameLine();
        if (ImGui::Button("Cancel")) ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    }
}

}  // namespace

void draw_ship_window(HudContext& context, HudMemory& memory, EdgeStack& left) {
    const client::ShipTelemetry& ship = *context.ship;
    const sim::Ship* own = context.session->has_world() ? context.session->own_ship() : nullptr;
    left.place(em(19.0f));
    const std::string title =
        (own != nullptr ? own->name + " - " + ship_class_label(own->ship_class)
                        : std::string("Ship")) +
        "###ship";
    if (ImGui::Begin(title.c_str(), nullptr, kDockedWindow)) {
        if (!ship.valid) {
            ImGui::TextWrapped("%s", no_ship_reason(context));
        } else {
            draw_fuel(ship);
            draw_throttle(context, memory, ship);
            draw_readouts(context, ship);
        }
        // Respawning needs the server to know us; it also recovers a lost ship.
        if (context.session->has_world())
            draw_management(context, memory, ship.valid ? own : nullptr);
    }
    left.advance();
    ImGui::End();
}

}  // namespace galaxy::app::hud
