// The Controls window: pause and resume, tick rate, time scale, time sync and registrations
// (PATCH /api/admin/settings), the world reset (confirmed, then the server's confirm_token
// round), and logging out.
#include <cstdio>
#include <string>

#include "json_fields.hpp"
#include "windows.hpp"

namespace galaxy::admin {

namespace {

constexpr const char* kSettingKeys[] = {"paused", "tick_rate_hz", "time_scale", "time_sync",
                                        "registration_open"};

void patch_settings(DashboardContext& ctx, const std::string& action, nlohmann::json patch) {
    run_action(ctx, action, "PATCH", "/api/admin/settings", patch,
               [](DashboardContext& answer_ctx, const ApiResponse& response) {
                   apply_settings_answer(answer_ctx.model, response.json);
                   // Everything the status shows about the world's clock follows at the next poll.
                   answer_ctx.model.next_status_ms = 0.0;
                   return std::string("settings applied");
               });
}

// The reset's first request is answered 409 with a confirm_token; the admin has confirmed in
// the popup already, so the token goes straight back. A second 409 (the token expired in
// between) is reported, not retried again.
void send_reset(DashboardContext& ctx, const nlohmann::json& body, bool with_token) {
    ctx.api.send("POST", "/api/admin/world/reset", body,
                 [ctx, with_token](const ApiResponse& response) mutable {
                     const std::string token = string_field(response.json, "confirm_token");
                     if (response.status == 409 && !token.empty() && !with_token) {
                         send_reset(ctx, {{"confirm_token", token}}, true);
                         return;
                     }
                     char text[96];
                     std::snprintf(text, sizeof text, "a new world from tick %llu, hash %s",
                                   static_cast<unsigned long long>(id_field(response.json, "tick")),
                                   string_field(response.json, "state_hash", "?").c_str());
                     log_result(ctx, "reset world", response, text);
                     DashboardModel& model = ctx.model;
                     model.next_status_ms = model.next_map_ms = model.next_snapshots_ms = 0.0;
                     model.next_players_ms = model.next_stations_ms = 0.0;
                 });
}

}  // namespace

void apply_settings_answer(DashboardModel& model, const nlohmann::json& answer) {
    const auto nested = answer.is_object() ? answer.find("settings") : answer.end();
    const nlohmann::json& settings =
        nested != answer.end() && nested->is_object() ? *nested : answer;
    if (!settings.is_object() || !model.status.is_object()) return;
    for (const char* key : kSettingKeys) {
        const auto it = settings.find(key);
        if (it != settings.end()) model.status[key] = *it;
    }
    model.tick_rate_hz = number_field(settings, "tick_rate_hz", model.tick_rate_hz);
    model.time_scale = number_field(settings, "time_scale", model.time_scale);
}

void draw_controls_window(DashboardContext& ctx) {
    DashboardModel& model = ctx.model;
    place_window(ctx.layout, ctx.layout.controls);
    ImGui::Begin("Controls###controls");
    ImGui::Text("Logged in as %s", model.username.c_str());
    ImGui::SameLine();
    if (button(ctx, "Log out", "controls.logout") && ctx.logout) ctx.logout();
    ImGui::Separator();

    const nlohmann::json& status = model.status;
    const bool known = status.is_object();
    const bool paused = bool_field(status, "paused");
    if (!known) ImGui::BeginDisabled();
    if (paused) {
        ImGui::TextColored(colour_bad(), "The world is paused");
        if (button(ctx, "Resume", "controls.resume")) {
            patch_settings(ctx, "resume", {{"paused", false}});
        }
    } else {
        ImGui::TextColored(colour_good(), "The world is running");
        if (button(ctx, "Pause", "controls.pause"))
            patch_settings(ctx, "pause", {{"paused", true}});
    }

    const float field_width = ImGui::GetFontSize() * 7.0f;
    ImGui::SetNextItemWidth(field_width);
    if (ImGui::InputDouble("##tick_rate", &model.tick_rate_hz, 0.0, 0.0, "%.2f")) {
        model.tick_rate_edited = true;
    }
    record(ctx, "controls.tick_rate");
    ImGui::SameLine();
    if (button(ctx, "Set tick rate (Hz)", "controls.tick_rate.apply")) {
        model.tick_rate_edited = false;
        patch_settings(ctx, "tick rate", {{"tick_rate_hz", model.tick_rate_hz}});
    }
    ImGui::SetNextItemWidth(field_width);
    if (ImGui::InputDouble("##time_scale", &model.time_scale, 0.0, 0.0, "%.2f")) {
        model.time_scale_edited = true;
    }
    record(ctx, "controls.time_scale");
    ImGui::SameLine();
    if (button(ctx, "Set time scale", "controls.time_scale.apply")) {
        model.time_scale_edited = false;
        patch_settings(ctx, "time scale", {{"time_scale", model.time_scale}});
    }
    bool time_sync = bool_field(status, "time_sync");
    if (ImGui::Checkbox("Time sync (at time scale 1)", &time_sync)) {
        patch_settings(ctx, time_sync ? "time sync on" : "time sync off",
                       {{"time_sync", time_sync}});
    }
    record(ctx, "controls.time_sync");
    bool registration = bool_field(status, "registration_open");
    if (ImGui::Checkbox("Registrations open", &registration)) {
        patch_settings(ctx, registration ? "open registrations" : "close registrations",
                       {{"registration_open", registration}});
    }
    record(ctx, "controls.registration");
    if (!known) ImGui::EndDisabled();

    ImGui::Separator();
    if (button(ctx, "Reset world...", "controls.reset_world")) {
        Confirmation confirmation;
        confirmation.title = "Reset the world";
        confirmation.text =
            "A new world starts from the configured epoch with the default "
            "stations and no ships; every player's ship is spawned again when "
            "they next join. Take a snapshot first to be able to go back.";
        confirmation.confirm_label = "Reset world";
        confirmation.run = [](DashboardContext& run_ctx, const std::string&) {
            send_reset(run_ctx, nlohmann::json::object(), false);
        };
        ask_confirmation(ctx, std::move(confirmation));
    }
    ImGui::End();
}

}  // namespace galaxy::admin
