// The Players tab: the player list with a username search (GET /api/admin/players), and per
// player a password reset (a popup asks for the new password), disconnect, and delete (after a
// confirmation).
#include <string>

#include "json_fields.hpp"
#include "windows.hpp"

namespace galaxy::admin {

namespace {

// A search is sent this long after the last edit of the search field, not at every key (ms).
constexpr double kSearchDelay_ms = 300.0;
// Players listed at most (the API's default page).
constexpr int kPlayerLimit = 100;

std::string player_path(std::uint64_t id) { return "/api/admin/players/" + std::to_string(id); }

std::string player_name(const nlohmann::json& player) {
    return "player " + std::to_string(id_field(player, "id")) + " (" +
           string_field(player, "username") + ")";
}

void ask_password(DashboardContext& ctx, const nlohmann::json& player) {
    const std::uint64_t id = id_field(player, "id");
    const std::string name = player_name(player);
    Confirmation confirmation;
    confirmation.title = "Reset password";
    confirmation.text = "A new password for " + name +
                        ". Their current sessions keep working "
                        "until their tokens expire.";
    confirmation.confirm_label = "Set password";
    confirmation.asks_password = true;
    confirmation.run = [id, name](DashboardContext& run_ctx, const std::string& password) {
        run_action(run_ctx, "reset password of " + name, "POST", player_path(id) + "/password",
                   {{"password", password}}, [](DashboardContext&, const ApiResponse&) {
                       return std::string("password set");
                   });
    };
    ask_confirmation(ctx, std::move(confirmation));
}

void disconnect(DashboardContext& ctx, const nlohmann::json& player) {
    run_action(ctx, "disconnect " + player_name(player), "POST",
               player_path(id_field(player, "id")) + "/disconnect", nlohmann::json::object(),
               [](DashboardContext& answer_ctx, const ApiResponse& response) {
                   answer_ctx.model.next_players_ms = 0.0;
                   return std::string(bool_field(response.json, "was_online") ? "disconnected"
                                                                              : "was not online");
               });
}

void ask_delete(DashboardContext& ctx, const nlohmann::json& player) {
    const std::uint64_t id = id_field(player, "id");
    const std::string name = player_name(player);
    Confirmation confirmation;
    confirmation.title = "Delete player";
    confirmation.text = "Delete " + name +
                        " and their ship? An open session is closed. This "
                        "cannot be undone.";
    confirmation.confirm_label = "Delete";
    confirmation.run = [id, name](DashboardContext& run_ctx, const std::string&) {
        run_action(run_ctx, "delete " + name, "DELETE", player_path(id), nullptr,
                   [](DashboardContext& answer_ctx, const ApiResponse&) {
                       answer_ctx.model.next_players_ms = 0.0;
                       return std::string("deleted");
                   });
    };
    ask_confirmation(ctx, std::move(confirmation));
}

}  // namespace

void refresh_players(DashboardContext& ctx) {
    DashboardModel* model = &ctx.model;
    const std::string path =
        "/api/admin/players?search=" + url_encode(model->player_search.data()) +
        "&limit=" + std::to_string(kPlayerLimit);
    ctx.api.send(
        "GET", path, nullptr,
        [model](const ApiResponse& response) {
            if (!response.ok()) return;
            model->players = array_field(response.json, "players");
            model->players_total = id_field(response.json, "total", model->players.size());
        },
        "players");
}

void draw_players_tab(DashboardContext& ctx) {
    DashboardModel& model = ctx.model;
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 12.0f);
    if (ImGui::InputTextWithHint("##search", "search usernames", model.player_search.data(),
                                 model.player_search.size())) {
        model.next_players_ms = ctx.now_ms + kSearchDelay_ms;
    }
    record(ctx, "players.search");
    ImGui::SameLine();
    ImGui::TextColored(colour_dim(), "%zu of %llu", model.players.size(),
                       static_cast<unsigned long long>(model.players_total));

    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV |
                                  ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingFixedFit;
    if (!ImGui::BeginTable("players", 6, flags)) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    for (const char* name : {"ID", "Username", "Online", "Ship", "Class", ""}) {
        ImGui::TableSetupColumn(name);
    }
    ImGui::TableHeadersRow();
    for (const nlohmann::json& player : model.players) {
        const std::uint64_t id = id_field(player, "id");
        const std::string key = std::to_string(id);
        ImGui::PushID(static_cast<int>(id));
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::Text("%llu", static_cast<unsigned long long>(id));
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(string_field(player, "username").c_str());
        ImGui::TableNextColumn();
        if (bool_field(player, "online")) {
            ImGui::TextColored(colour_good(), "online");
        } else {
            ImGui::TextColored(colour_dim(), "offline");
        }
        ImGui::TableNextColumn();
        const std::uint64_t ship = id_field(player, "ship_id");
        ImGui::TextUnformatted(ship == 0 ? "-" : std::to_string(ship).c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(string_field(player, "ship_class").c_str());
        ImGui::TableNextColumn();
        if (ImGui::SmallButton("Password")) ask_password(ctx, player);
        record(ctx, "players.password." + key);
        ImGui::SameLine();
        if (ImGui::SmallButton("Disconnect")) disconnect(ctx, player);
        record(ctx, "players.disconnect." + key);
        ImGui::SameLine();
        if (ImGui::SmallButton("Delete")) ask_delete(ctx, player);
        record(ctx, "players.delete." + key);
        ImGui::PopID();
    }
    ImGui::EndTable();
}

}  // namespace galaxy::admin
