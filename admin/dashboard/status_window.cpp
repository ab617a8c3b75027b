// The Status window: every field of GET /api/admin/status (polled every second) and plots over
// the last five minutes of tick duration, players online and bytes sent per second.
#include <cfloat>
#include <cstdio>
#include <string>
#include <vector>

#include "json_fields.hpp"
#include "windows.hpp"

namespace galaxy::admin {

namespace {

// The status fields in the order shown, with their labels and decimals. The wide ones (long
// values) get a row each; the others share rows two by two.
struct StatusField {
    const char* key;
    const char* label;
    int digits;
};

constexpr StatusField kWideFields[] = {
    {"tick", "Tick", 0},
    {"game_time_utc", "Game time", 0},
    {"game_time_s", "Game time (s)", 1},
    {"server_time", "Server time (Unix s)", 1},
    {"uptime_s", "Uptime (s)", 0},
    {"bytes_sent_total", "Bytes sent", 0},
};

constexpr StatusField kFields[] = {
    {"paused", "Paused", 0},
    {"registration_open", "Registration", 0},
    {"tick_rate_hz", "Rate (Hz)", 2},
    {"actual_tick_rate_hz", "Actual (Hz)", 2},
    {"time_scale", "Time scale", 2},
    {"effective_time_scale", "Effective", 2},
    {"time_sync", "Time sync", 0},
    {"time_sync_drift_s", "Drift (s)", 3},
    {"tick_duration_p50_ms", "Tick p50 (ms)", 3},
    {"tick_duration_p99_ms", "Tick p99 (ms)", 3},
    {"ticks_behind", "Ticks behind", 0},
    {"journal_lag_ticks", "Journal lag", 0},
    {"players_online", "Online", 0},
    {"players_total", "Players", 0},
    {"ships", "Ships", 0},
    {"stations", "Stations", 0},
    {"connections", "Connections", 0},
    {"database_up", "Database up", 0},
    {"last_snapshot_tick", "Snap. tick", 0},
    {"last_snapshot_age_s", "Snap. age (s)", 1},
};

// A value that needs the admin's attention is drawn in red.
bool is_alarming(const nlohmann::json& status, const char* key) {
    const std::string name(key);
    if (name == "database_up") return !bool_field(status, key, true);
    if (name == "ticks_behind" || name == "journal_lag_ticks")
        return number_field(status, key) > 0.0;
    return false;
}

void draw_value(const nlohmann::json& status, const StatusField& field) {
    const auto it = status.find(field.key);
    const std::string value = it == status.end() ? "?" : display_value(*it, field.digits);
    if (is_alarming(status, field.key)) {
        ImGui::TextColored(colour_bad(), "%s", value.c_str());
    } else {
        ImGui::TextUnformatted(value.c_str());
    }
}

void draw_fields(const nlohmann::json& status) {
    if (ImGui::BeginTable("status_wide", 2, ImGuiTableFlags_SizingFixedFit)) {
        for (const StatusField& field : kWideFields) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextColored(colour_dim(), "%s", field.label);
            ImGui::TableNextColumn();
            draw_value(status, field);
        }
        ImGui::EndTable();
    }
    if (!ImGui::BeginTable("status_fields", 4, ImGuiTableFlags_SizingFixedFit)) return;
    for (int column = 0; column < 4; ++column) {
        ImGui::TableSetupColumn(column % 2 == 0 ? "label" : "value",
                                column % 2 == 0 ? ImGuiTableColumnFlags_WidthFixed
                                                : ImGuiTableColumnFlags_WidthStretch);
    }
    int column = 0;
    for (const StatusField& field : kFields) {
        if (column == 0) ImGui::TableNextRow();
        ImGui::TableSetColumnIndex(column);
        ImGui::TextColored(colour_dim(), "%s", field.label);
        ImGui::TableSetColumnIndex(column + 1);
        draw_value(status, field);
        column = column == 0 ? 2 : 0;
    }
    ImGui::EndTable();
}

void draw_plot(DashboardContext& ctx, const char* title, const char* key,
               const std::vector<float>& values, const char* unit_format) {
    char overlay[64] = "no data yet";
    if (!values.empty())
        std::snprintf(overlay, sizeof overlay, unit_format, static_cast<double>(values.back()));
    ImGui::TextUnformatted(title);
    ImGui::PlotLines(key, values.data(), static_cast<int>(values.size()), 0, overlay, 0.0f, FLT_MAX,
                     ImVec2(ImGui::GetContentRegionAvail().x, ImGui::GetFontSize() * 3.5f));
    record(ctx, std::string("status.plot.") + (key + 2));
}

}  // namespace

void refresh_status(DashboardContext& ctx) {
    DashboardModel* model = &ctx.model;
    const double now_s = ctx.now_ms / 1000.0;
    ctx.api.send(
        "GET", "/api/admin/status", nullptr,
        [model, now_s](const ApiResponse& response) {
            if (!response.ok() || !response.json.is_object()) {
                model->status_error = response.error_text();
                return;
            }
            model->status_error.clear();
            model->status = response.json;
            const nlohmann::json& s = model->status;
            // The server's clock when it has one: the rate must not depend on how late the answer
            // came back.
            model->history.add(
                number_field(s, "server_time", now_s), number_field(s, "tick_duration_p50_ms"),
                number_field(s, "tick_duration_p99_ms"), number_field(s, "players_online"),
                number_field(s, "bytes_sent_total"));
            if (!model->tick_rate_edited) {
                model->tick_rate_hz = number_field(s, "tick_rate_hz", model->tick_rate_hz);
            }
            if (!model->time_scale_edited) {
                model->time_scale = number_field(s, "time_scale", model->time_scale);
            }
        },
        "status");
}

void draw_status_window(DashboardContext& ctx) {
    const DashboardModel& model = ctx.model;
    place_window(ctx.layout, ctx.layout.status);
    ImGui::Begin("Status###status");
    if (!model.status_error.empty()) {
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextColored(colour_bad(), "%s", model.status_error.c_str());
        ImGui::PopTextWrapPos();
    }
    if (model.status.is_object()) {
        draw_fields(model.status);
    } else {
        ImGui::TextColored(colour_dim(), "Waiting for the first status...");
    }
    ImGui::Separator();
    ImGui::TextColored(colour_dim(), "Last 5 minutes");
    const StatusHistory& history = model.history;
    draw_plot(ctx, "Tick duration p50 (ms)", "##p50", history.series(StatusSeries::P50Ms),
              "%.3f ms");
    draw_plot(ctx, "Tick duration p99 (ms)", "##p99", history.series(StatusSeries::P99Ms),
              "%.3f ms");
    draw_plot(ctx, "Players online", "##players", history.series(StatusSeries::PlayersOnline),
              "%.0f");
    draw_plot(ctx, "Bytes sent per second", "##bytes", history.series(StatusSeries::BytesPerS),
              "%.0f B/s");
    ImGui::End();
}

}  // namespace galaxy::admin
