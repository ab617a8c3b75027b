// The tables window and its Snapshots tab: the snapshot list (GET /api/admin/snapshots), taking
// a snapshot with an optional label, and restoring one after a confirmation.
#include <cstdio>
#include <string>

#include "json_fields.hpp"
#include "windows.hpp"

namespace galaxy::admin {

namespace {

std::string snapshot_text(const nlohmann::json& snapshot) {
    char text[128];
    std::snprintf(text, sizeof text, "snapshot %llu at tick %llu",
                  static_cast<unsigned long long>(id_field(snapshot, "id")),
                  static_cast<unsigned long long>(id_field(snapshot, "tick")));
    return text;
}

void create_snapshot(DashboardContext& ctx) {
    nlohmann::json body = nlohmann::json::object();
    const std::string label(ctx.model.snapshot_label.data());
    if (!label.empty()) body["label"] = label;
    run_action(ctx, "create snapshot", "POST", "/api/admin/snapshots", body,
               [](DashboardContext& answer_ctx, const ApiResponse& response) {
                   answer_ctx.model.next_snapshots_ms = 0.0;
                   const auto it = response.json.find("snapshot");
                   const nlohmann::json& snapshot = it != response.json.end() ? *it : response.json;
                   return "took " + snapshot_text(snapshot);
               });
    copy_text(&ctx.model.snapshot_label, "");
}

void restore_snapshot(DashboardContext& ctx, std::uint64_t id) {
    const std::string path = "/api/admin/snapshots/" + std::to_string(id) + "/restore";
    run_action(
        ctx, "restore snapshot " + std::to_string(id), "POST", path, nlohmann::json::object(),
        [](DashboardContext& answer_ctx, const ApiResponse& response) {
            DashboardModel& model = answer_ctx.model;
            model.next_status_ms = model.next_map_ms = model.next_snapshots_ms = 0.0;
            model.next_players_ms = model.next_stations_ms = 0.0;
            char text[128];
            std::snprintf(text, sizeof text,
                          "restored snapshot %llu: the world runs from tick %llu, hash %s",
                          static_cast<unsigned long long>(id_field(response.json, "restored_id")),
                          static_cast<unsigned long long>(id_field(response.json, "tick")),
                          string_field(response.json, "state_hash", "?").c_str());
            return std::string(text);
        });
}

void ask_restore(DashboardContext& ctx, const nlohmann::json& snapshot) {
    const std::uint64_t id = id_field(snapshot, "id");
    Confirmation confirmation;
    confirmation.title = "Restore snapshot " + std::to_string(id);
    confirmation.text = "The world continues from " + snapshot_text(snapshot) +
                        ". Everything since then is lost unless a snapshot holds it; connected "
                        "players are sent the restored world.";
    confirmation.confirm_label = "Restore";
    confirmation.run = [id](DashboardContext& run_ctx, const std::string&) {
        restore_snapshot(run_ctx, id);
    };
    ask_confirmation(ctx, std::move(confirmation));
}

}  // namespace

void refresh_snapshots(DashboardContext& ctx) {
    DashboardModel* model = &ctx.model;
    ctx.api.send(
        "GET", "/api/admin/snapshots", nullptr,
        [model](const ApiResponse& response) {
            if (response.ok()) model->snapshots = array_field(response.json, "snapshots");
        },
        "snapshots");
}

void draw_tables_window(DashboardContext& ctx) {
    place_window(ctx.layout, ctx.layout.tables);
    ImGui::Begin("World###tables");
    if (ImGui::BeginTabBar("tables_tabs")) {
        const bool snapshots = ImGui::BeginTabItem("Snapshots");
        record(ctx, "tab.snapshots");
        if (snapshots) {
            draw_snapshots_tab(ctx);
            ImGui::EndTabItem();
        }
        const bool players = ImGui::BeginTabItem("Players");
        record(ctx, "tab.players");
        if (players) {
            draw_players_tab(ctx);
            ImGui::EndTabItem();
        }
        const bool stations = ImGui::BeginTabItem("Stations");
        record(ctx, "tab.stations");
        if (stations) {
            draw_stations_tab(ctx);
            ImGui::EndTabItem();
        }
        ImGui::EndTabBar();
    }
    ImGui::End();
}

void draw_snapshots_tab(DashboardContext& ctx) {
    DashboardModel& model = ctx.model;
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 12.0f);
    ImGui::InputTextWithHint("##label", "label (optional)", model.snapshot_label.data(),
                             model.snapshot_label.size());
    record(ctx, "snapshots.label");
    ImGui::SameLine();
    if (button(ctx, "Take snapshot", "snapshots.create")) create_snapshot(ctx);
    ImGui::SameLine();
    if (button(ctx, "Refresh", "snapshots.refresh")) model.next_snapshots_ms = 0.0;

    const double server_time = number_field(model.status, "server_time", -1.0);
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV |
                                  ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingFixedFit;
    if (!ImGui::BeginTable("snapshots", 8, flags)) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    for (const char* name : {"ID", "Tick", "Kind", "Label", "Age", "Size", "Hash", ""}) {
        ImGui::TableSetupColumn(name);
    }
    ImGui::TableHeadersRow();
    for (const nlohmann::json& snapshot : model.snapshots) {
        const std::uint64_t id = id_field(snapshot, "id");
        ImGui::PushID(static_cast<int>(id));
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::Text("%llu", static_cast<unsigned long long>(id));
        ImGui::TableNextColumn();
        ImGui::Text("%llu", static_cast<unsigned long long>(id_field(snapshot, "tick")));
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(string_field(snapshot, "kind").c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(string_field(snapshot, "label").c_str());
        ImGui::TableNextColumn();
        const double created = number_field(snapshot, "created_at", -1.0);
        ImGui::TextUnformatted(
            server_time > 0.0 && created > 0.0 ? format_age(server_time - created).c_str() : "-");
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(format_bytes(number_field(snapshot, "bytes")).c_str());
        ImGui::TableNextColumn();
        ImGui::TextColored(colour_dim(), "%s", string_field(snapshot, "state_hash").c_str());
        ImGui::TableNextColumn();
        if (ImGui::SmallButton("Restore")) ask_restore(ctx, snapshot);
        record(ctx, "snapshots.restore." + std::to_string(id));
        ImGui::PopID();
    }
    ImGui::EndTable();
}

}  // namespace galaxy::admin
