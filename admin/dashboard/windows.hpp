// Private to the dashboard: what its windows share (the model of what the server said, the
// forms' contents, the layout), small widgets that register themselves for tests, and one draw
// function per window, each in its own file.
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "action_log.hpp"
#include "api_client.hpp"
#include "imgui.h"
#include "map_view.hpp"
#include "status_history.hpp"
#include "widget_registry.hpp"

namespace galaxy::admin {

struct DashboardContext;

// A body on the map (GET /api/admin/map): barycentric ICRF position (m).
struct MapBody {
    std::string name;
    std::string parent;  // the body it orbits ("" for the root)
    double x_m = 0.0;
    double y_m = 0.0;
    double radius_m = 0.0;
};

// A ship or station on the map.
struct MapMarker {
    std::uint64_t id = 0;
    std::string name;
    double x_m = 0.0;
    double y_m = 0.0;
};

// The last map answer.
struct MapData {
    bool valid = false;  // an answer has arrived
    std::uint64_t tick = 0;
    double game_time_s = 0.0;  // TDB s since J2000
    std::vector<MapBody> bodies;
    std::vector<MapMarker> ships;
    std::vector<MapMarker> stations;
};

// A destructive action waiting for the admin's yes in the modal popup.
struct Confirmation {
    std::string title;                      // the popup's title
    std::string text;                       // what will happen
    std::string confirm_label = "Confirm";  // the button that does it
    bool asks_password = false;             // a password field (reset password)
    // Called on confirm with the frame's context and the password typed ("" without a field).
    std::function<void(DashboardContext& ctx, const std::string& password)> run;
};

// A window's place and size (canvas px).
struct WindowRect {
    ImVec2 pos;
    ImVec2 size;
};

// Where the windows go: computed from the canvas size. Applied when the canvas changes size
// (cond = ImGuiCond_Always for that frame), so the admin may move windows in between.
struct Layout {
    WindowRect login;
    WindowRect status;
    WindowRect controls;
    WindowRect map;
    WindowRect tables;
    WindowRect log;
    ImGuiCond cond = ImGuiCond_Always;
};

// Refresh periods of the polled views (ms of the client clock).
inline constexpr double kStatusPeriod_ms = 1000.0;
inline constexpr double kMapPeriod_ms = 1000.0;
inline constexpr double kListPeriod_ms = 5000.0;

// What the dashboard knows and what the forms hold, kept between frames.
struct DashboardModel {
    // Session.
    bool logged_in = false;
    std::string username;        // the logged-in admin
    std::string login_error;     // shown under the login form
    bool login_pending = false;  // a login request is out
    bool focus_login = true;     // put the cursor in the username field next frame
    std::array<char, 65> login_username{};
    std::array<char, 129> login_password{};

    // Status (GET /api/admin/status).
    nlohmann::json status;     // the last answer (null before the first)
    std::string status_error;  // the last poll's error, "" when it worked
    StatusHistory history;

    // Settings form: values being edited, taken from the status until the admin edits them.
    double tick_rate_hz = 10.0;
    double time_scale = 1.0;
    bool tick_rate_edited = false;
    bool time_scale_edited = false;

    // Tables.
    nlohmann::json snapshots = nlohmann::json::array();
    nlohmann::json players = nlohmann::json::array();
    std::uint64_t players_total = 0;
    nlohmann::json stations = nlohmann::json::array();
    std::array<char, 65> snapshot_label{};
    std::array<char, 33> player_search{};
    std::array<char, 65> station_name{};
    std::array<char, 33> station_body{};
    double station_altitude_km = 400.0;
    double station_inclination_deg = 0.0;

    // Map.
    MapData map;
    MapView map_view;
    std::string map_follow = "Earth";  // the body the map stays centred on ("" = free)

    // The confirmation popup.
    std::optional<Confirmation> confirmation;
    bool confirmation_opened = false;  // OpenPopup has been called for it
    std::array<char, 129> confirm_password{};

    // When each view is fetched next (client ms; 0 = at the next frame).
    double next_status_ms = 0.0;
    double next_map_ms = 0.0;
    double next_snapshots_ms = 0.0;
    double next_players_ms = 0.0;
    double next_stations_ms = 0.0;
};

// What a window's draw function works with. Everything it refers to lives as long as the
// dashboard, so an answer's handler may keep a copy.
struct DashboardContext {
    DashboardModel& model;
    ApiClient& api;
    WidgetRegistry& widgets;
    ActionLog& log;
    const Layout& layout;
    double now_ms = 0.0;           // client clock (performance.now())
    std::function<void()> logout;  // the admin pressed Log out
};

// Copies text into a fixed input buffer (truncated, always terminated).
template <std::size_t N>
void copy_text(std::array<char, N>* buffer, const std::string& text) {
    const std::size_t length = std::min(text.size(), N - 1);
    std::copy_n(text.data(), length, buffer->data());
    (*buffer)[length] = '\0';
}

// --- Shared widgets and actions (common.cpp) ------------------------------------------------

ImVec4 colour_bad();
ImVec4 colour_good();
ImVec4 colour_dim();
// Places the next window at `rect` (with the layout's condition).
void place_window(const Layout& layout, const WindowRect& rect);
// ImGui::Button that records itself in the widget registry under `key`.
bool button(DashboardContext& ctx, const char* label, const std::string& key);
// Records the last item (an input, a checkbox) under `key`.
void record(DashboardContext& ctx, const std::string& key);
// Sends an admin action and logs its result as `action`; on success `describe` gives the log's
// text from the answer (and may update the model through the context it is given).
void run_action(DashboardContext& ctx, const std::string& action, const std::string& method,
                const std::string& path, const nlohmann::json& body,
                std::function<std::string(DashboardContext&, const ApiResponse&)> describe);
// Logs an action's answer (the text from `describe` on success, the error otherwise).
void log_result(DashboardContext& ctx, const std::string& action, const ApiResponse& response,
                const std::string& success_text);
// Opens the confirmation popup for `confirmation`.
void ask_confirmation(DashboardContext& ctx, Confirmation confirmation);
// "1.2 MB", "340 B".
std::string format_bytes(double bytes);
// "12 s", "5 min", "3 h", "2 d".
std::string format_age(double seconds);

// --- Views fetched from the server (each in its window's file) ------------------------------

void refresh_status(DashboardContext& ctx);     // status_window.cpp
void refresh_map(DashboardContext& ctx);        // map_window.cpp
void refresh_snapshots(DashboardContext& ctx);  // snapshots_window.cpp
void refresh_players(DashboardContext& ctx);    // players_window.cpp
void refresh_stations(DashboardContext& ctx);   // stations_window.cpp
// Takes an answer's settings (PATCH /api/admin/settings) into the model.
void apply_settings_answer(DashboardModel& model, const nlohmann::json& settings);

// --- Windows ------------------------------------------------------------------------------

void draw_login_window(DashboardContext& ctx);
void draw_status_window(DashboardContext& ctx);
void draw_controls_window(DashboardContext& ctx);
void draw_map_window(DashboardContext& ctx);
// The tables window: tabs for snapshots, players and stations.
void draw_tables_window(DashboardContext& ctx);
void draw_snapshots_tab(DashboardContext& ctx);
void draw_players_tab(DashboardContext& ctx);
void draw_stations_tab(DashboardContext& ctx);
void draw_log_window(DashboardContext& ctx);
void draw_confirmation_popup(DashboardContext& ctx);

}  // namespace galaxy::admin
