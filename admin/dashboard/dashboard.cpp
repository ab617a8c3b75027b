#include "dashboard.hpp"

#include <GLES3/gl3.h>
#include <GLFW/glfw3.h>
#include <emscripten/html5.h>

#include <algorithm>
#include <utility>

#include "backends/imgui_impl_glfw.h"
#include "backends/imgui_impl_opengl3.h"
#include "imgui.h"
#include "json_fields.hpp"

namespace galaxy::admin {

namespace {

// Action results returned by status_json(), newest last.
constexpr std::size_t kStatusLogEntries = 20;

}  // namespace

AdminDashboard::AdminDashboard() {
    copy_text(&model_.login_username, "admin");
    copy_text(&model_.station_body, "Earth");
    api_.set_unauthorized_handler(
        [this](const ApiResponse& response) { set_logged_out(response.error_text()); });
}

AdminDashboard::~AdminDashboard() {
    if (window_ == nullptr) return;
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    glfwDestroyWindow(window_);
    glfwTerminate();
}

bool AdminDashboard::create(std::string* error) {
    if (!glfwInit()) {
        *error = "GLFW could not start";
        return false;
    }
    glfwWindowHint(GLFW_CLIENT_API, GLFW_OPENGL_ES_API);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
    int width = 0;
    int height = 0;
    emscripten_get_canvas_element_size("#canvas", &width, &height);
    window_ =
        glfwCreateWindow(std::max(width, 1), std::max(height, 1), "Galaxy admin", nullptr, nullptr);
    if (window_ == nullptr) {
        *error = "This browser could not create a WebGL2 context";
        return false;
    }
    glfwMakeContextCurrent(window_);
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr;  // the layout comes from the canvas size each time
    ImGui::StyleColorsDark();
    ImGui_ImplGlfw_InitForOpenGL(window_, true);
    keys_.install(window_);
    ImGui_ImplOpenGL3_Init("#version 300 es");
    return true;
}

void AdminDashboard::set_callbacks(DashboardCallbacks callbacks) {
    callbacks_ = std::move(callbacks);
    api_.set_sender(callbacks_.request);
}

void AdminDashboard::receive(std::uint32_t id, int status, const std::string& body) {
    api_.receive(id, status, body);
}

void AdminDashboard::scroll(double x_notches, double y_notches) {
    if (window_ != nullptr) ImGui_ImplGlfw_ScrollCallback(window_, x_notches, y_notches);
}

void AdminDashboard::set_logged_in(const std::string& username) {
    model_.logged_in = true;
    model_.username = username;
    model_.login_error.clear();
}

void AdminDashboard::set_logged_out(const std::string& reason) {
    const bool was_logged_in = model_.logged_in;
    api_.forget_all();
    // Nothing of the last session stays on screen; the log and the login name do.
    DashboardModel fresh;
    fresh.login_username = model_.login_username;
    fresh.station_body = model_.station_body;
    fresh.map_view = model_.map_view;
    fresh.map_follow = model_.map_follow;
    fresh.login_error = reason;
    model_ = std::move(fresh);
    if (was_logged_in && !reason.empty()) {
        ActionResult result;
        result.at_ms = now_ms_;
        result.action = "session";
        result.status = 401;
        result.text = reason;
        log_.add(std::move(result));
    }
}

void AdminDashboard::log_out() {
    if (callbacks_.logout) callbacks_.logout();
    set_logged_out("");
    ActionResult result;
    result.at_ms = now_ms_;
    result.action = "log out";
    result.ok = true;
    result.status = 200;
    result.text = "logged out";
    log_.add(std::move(result));
}

void AdminDashboard::poll(DashboardContext& ctx) {
    if (!model_.logged_in) return;
    struct Poll {
        double* next_ms;
        double period_ms;
        const char* channel;
        void (*refresh)(DashboardContext&);
    };
    const Poll polls[] = {
        {&model_.next_status_ms, kStatusPeriod_ms, "status", &refresh_status},
        {&model_.next_map_ms, kMapPeriod_ms, "map", &refresh_map},
        {&model_.next_snapshots_ms, kListPeriod_ms, "snapshots", &refresh_snapshots},
        {&model_.next_players_ms, kListPeriod_ms, "players", &refresh_players},
        {&model_.next_stations_ms, kListPeriod_ms, "stations", &refresh_stations},
    };
    for (const Poll& p : polls) {
        if (ctx.now_ms < *p.next_ms || api_.busy(p.channel)) continue;
        *p.next_ms = ctx.now_ms + p.period_ms;
        p.refresh(ctx);
        // A refresh answered at once (no page to send through) may have logged the admin out.
        if (!model_.logged_in) return;
    }
}

void AdminDashboard::update_layout(int width, int height, float pixel_ratio) {
    const float w = static_cast<float>(width);
    const float h = static_cast<float>(height);
    const float m = 6.0f * pixel_ratio;
    const float side =
        std::clamp(w * 0.27f, std::min(300.0f * pixel_ratio, w * 0.4f), 440.0f * pixel_ratio);
    const float centre_x = side + 2.0f * m;
    const float centre_w = std::max(w - 2.0f * side - 4.0f * m, 100.0f);
    const float right_x = w - side - m;
    const float controls_h = std::min(h * 0.45f, 330.0f * pixel_ratio);
    const float half_h = h * 0.5f;
    layout_.status = {{m, m}, {side, h - 2.0f * m}};
    layout_.controls = {{right_x, m}, {side, controls_h}};
    layout_.log = {{right_x, controls_h + 2.0f * m}, {side, h - controls_h - 3.0f * m}};
    layout_.map = {{centre_x, m}, {centre_w, half_h - 1.5f * m}};
    layout_.tables = {{centre_x, half_h + 0.5f * m}, {centre_w, half_h - 1.5f * m}};
    const ImVec2 login_size(380.0f * pixel_ratio, 170.0f * pixel_ratio);
    layout_.login = {{(w - login_size.x) * 0.5f, std::max(m, h * 0.3f - login_size.y * 0.5f)},
                     login_size};
    layout_width_ = width;
    layout_height_ = height;
}

void AdminDashboard::frame(double now_ms, double pixel_ratio) {
    now_ms_ = now_ms;
    const float ratio = pixel_ratio > 0.0 ? static_cast<float>(pixel_ratio) : 1.0f;
    // The page sizes the canvas (CSS size x devicePixelRatio); ImGui works in canvas pixels,
    // as Emscripten's GLFW reports the mouse in them.
    int width = 0;
    int height = 0;
    emscripten_get_canvas_element_size("#canvas", &width, &height);
    width = std::max(width, 1);
    height = std::max(height, 1);

    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(static_cast<float>(width), static_cast<float>(height));
    io.DisplayFramebufferScale = ImVec2(1.0f, 1.0f);
    io.FontGlobalScale = ratio;
    ImGui::NewFrame();
    widgets_.begin_frame(ratio);

    if (width != layout_width_ || height != layout_height_) {
        update_layout(width, height, ratio);
        layout_.cond = ImGuiCond_Always;
    } else {
        // Windows that appear later (after the login) still get their place the first time.
        layout_.cond = ImGuiCond_FirstUseEver;
    }

    DashboardContext ctx{model_, api_, widgets_, log_, layout_, now_ms, [this]() { log_out(); }};
    poll(ctx);
    if (model_.logged_in) {
        draw_status_window(ctx);
        draw_controls_window(ctx);
        draw_map_window(ctx);
        draw_tables_window(ctx);
    } else {
        draw_login_window(ctx);
    }
    draw_log_window(ctx);
    if (model_.logged_in) draw_confirmation_popup(ctx);

    glViewport(0, 0, width, height);
    glClearColor(0.05f, 0.06f, 0.09f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui::Render();
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    keys_.end_frame();
    ++frames_;
}

std::string AdminDashboard::status_json() const {
    nlohmann::json out = nlohmann::json::object();
    out["frames"] = frames_;
    out["logged_in"] = model_.logged_in;
    out["username"] = model_.username;
    out["login_error"] = model_.login_error;
    out["requests_in_flight"] = api_.in_flight();
    out["status"] = model_.status;
    out["status_error"] = model_.status_error;
    out["history_samples"] = model_.history.samples().size();
    out["snapshots"] = model_.snapshots;
    out["players"] = model_.players;
    out["players_total"] = model_.players_total;
    out["stations"] = model_.stations;
    out["map"] = {{"valid", model_.map.valid},
                  {"tick", model_.map.tick},
                  {"bodies", model_.map.bodies.size()},
                  {"ships", model_.map.ships.size()},
                  {"stations", model_.map.stations.size()},
                  {"follow", model_.map_follow},
                  {"metres_per_px", model_.map_view.metres_per_px}};
    out["confirmation"] =
        model_.confirmation ? nlohmann::json(model_.confirmation->title) : nlohmann::json();
    out["log"] = log_.to_json(kStatusLogEntries);
    out["widgets"] = widgets_.to_json();
    return dump_json(out);
}

}  // namespace galaxy::admin
