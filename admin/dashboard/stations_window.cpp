// The Stations tab: the station list (GET /api/admin/stations), spawning one (name, body,
// altitude, inclination) and removing one after a confirmation.
#include <cstdio>
#include <string>

#include "json_fields.hpp"
#include "windows.hpp"

namespace galaxy::admin {

namespace {

std::string station_name(const nlohmann::json& station) {
    return "station " + std::to_string(id_field(station, "id")) + " (" +
           string_field(station, "name") + ")";
}

// docked_ships is a list of ship ids or a count, depending on the server's version.
std::size_t docked_count(const nlohmann::json& station) {
    const auto it = station.find("docked_ships");
    if (it == station.end()) return 0;
    if (it->is_array()) return it->size();
    return static_cast<std::size_t>(id_field(station, "docked_ships"));
}

void spawn_station(DashboardContext& ctx) {
    const DashboardModel& model = ctx.model;
    const nlohmann::json body = {{"name", std::string(model.station_name.data())},
                                 {"body", std::string(model.station_body.data())},
                                 {"altitude_m", model.station_altitude_km * 1000.0},
                                 {"inclination_deg", model.station_inclination_deg}};
    run_action(
        ctx, "spawn station " + std::string(model.station_name.data()), "POST",
        "/api/admin/stations", body, [](DashboardContext& answer_ctx, const ApiResponse& response) {
            answer_ctx.model.next_stations_ms = 0.0;
            const auto it = response.json.find("station");
            return "spawned " + station_name(it != response.json.end() ? *it : response.json);
        });
}

void ask_remove(DashboardContext& ctx, const nlohmann::json& station) {
    const std::uint64_t id = id_field(station, "id");
    const std::string name = station_name(station);
    Confirmation confirmation;
    confirmation.title = "Remove station";
    confirmation.text = "Remove " + name + "? Docked ships are undocked first.";
    confirmation.confirm_label = "Remove";
    confirmation.run = [id, name](DashboardContext& run_ctx, const std::string&) {
        run_action(run_ctx, "remove " + name, "DELETE", "/api/admin/stations/" + std::to_string(id),
                   nullptr, [](DashboardContext& answer_ctx, const ApiResponse&) {
                       answer_ctx.model.next_stations_ms = 0.0;
                       return std::string("removed");
                   });
    };
    ask_confirmation(ctx, std::move(confirmation));
}

// The body field: a list of the map's bodies with a surface, or free text before the map came.
void draw_body_choice(DashboardContext& ctx) {
    DashboardModel& model = ctx.model;
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 10.0f);
    if (model.map.bodies.empty()) {
        ImGui::InputText("Body", model.station_body.data(), model.station_body.size());
        record(ctx, "stations.body");
        return;
    }
    if (ImGui::BeginCombo("Body", model.station_body.data())) {
        for (const MapBody& body : model.map.bodies) {
            if (body.radius_m <= 0.0) continue;
            const bool selected = body.name == model.station_body.data();
            if (ImGui::Selectable(body.name.c_str(), selected))
                copy_text(&model.station_body, body.name);
            record(ctx, "stations.body." + body.name);
        }
        ImGui::EndCombo();
    }
    record(ctx, "stations.body");
}

}  // namespace

void refresh_stations(DashboardContext& ctx) {
    DashboardModel* model = &ctx.model;
    ctx.api.send(
        "GET", "/api/admin/stations", nullptr,
        [model](const ApiResponse& response) {
            if (response.ok()) model->stations = array_field(response.json, "stations");
        },
        "stations");
}

void draw_stations_tab(DashboardContext& ctx) {
    DashboardModel& model = ctx.model;
    const float field = ImGui::GetFontSize() * 10.0f;
    ImGui::SetNextItemWidth(field);
    ImGui::InputText("Name", model.station_name.data(), model.station_name.size());
    record(ctx, "stations.name");
    ImGui::SameLine();
    draw_body_choice(ctx);
    ImGui::SetNextItemWidth(field);
    ImGui::InputDouble("Altitude (km)", &model.station_altitude_km, 0.0, 0.0, "%.0f");
    record(ctx, "stations.altitude");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(field * 0.6f);
    ImGui::InputDouble("Inclination (deg)", &model.station_inclination_deg, 0.0, 0.0, "%.1f");
    record(ctx, "stations.inclination");
    ImGui::SameLine();
    if (button(ctx, "Spawn", "stations.spawn")) spawn_station(ctx);

    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV |
                                  ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingFixedFit;
    if (!ImGui::BeginTable("stations", 6, flags)) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    for (const char* name : {"ID", "Name", "Body", "Altitude (km)", "Docked", ""}) {
        ImGui::TableSetupColumn(name);
    }
    ImGui::TableHeadersRow();
    for (const nlohmann::json& station : model.stations) {
        const std::uint64_t id = id_field(station, "id");
        ImGui::PushID(static_cast<int>(id));
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::Text("%llu", static_cast<unsigned long long>(id));
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(string_field(station, "name").c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(string_field(station, "body").c_str());
        ImGui::TableNextColumn();
        ImGui::Text("%.1f", number_field(station, "altitude_m") / 1000.0);
        ImGui::TableNextColumn();
        ImGui::Text("%zu", docked_count(station));
        ImGui::TableNextColumn();
        if (ImGui::SmallButton("Remove")) ask_remove(ctx, station);
        record(ctx, "stations.remove." + std::to_string(id));
        ImGui::PopID();
    }
    ImGui::EndTable();
}

}  // namespace galaxy::admin
