#include "app.hpp"

#include <GLES3/gl3.h>
#include <GLFW/glfw3.h>
#include <emscripten/html5.h>

#include <algorithm>
#include <cmath>
#include <utility>

#include <nlohmann/json.hpp>

#include "backends/imgui_impl_glfw.h"
#include "backends/imgui_impl_opengl3.h"
#include "galaxy/client/telemetry.hpp"
#include "imgui.h"

namespace galaxy::app {

namespace {

// The own ship's predicted path is recomputed this often: it is a propagation of its own (a
// copy of the bodies and the ship, up to a day ahead), and a path half a second old is drawn
// from the ship's current position anyway.
constexpr double kTrajectoryRefresh_ms = 500.0;

double now_clock_ms() { return emscripten_get_now(); }

}  // namespace

App::App() = default;

App::~App() {
    if (window_ == nullptr) return;
    scene_.destroy();
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    glfwDestroyWindow(window_);
    glfwTerminate();
}

bool App::create(std::string* error) {
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
    window_ = glfwCreateWindow(std::max(width, 1), std::max(height, 1), "Galaxy", nullptr, nullptr);
    if (window_ == nullptr) {
        *error = "This browser could not create a WebGL2 context";
        return false;
    }
    glfwMakeContextCurrent(window_);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;   // window layout is not persisted (settings are, by JavaScript)
    ImGui::StyleColorsDark();
    ImGui_ImplGlfw_InitForOpenGL(window_, true);
    // Keys go through the App first (see key_callback), then to ImGui's handler.
    glfwSetWindowUserPointer(window_, this);
    glfwSetKeyCallback(window_, &App::key_callback);
    ImGui_ImplOpenGL3_Init("#version 300 es");

    if (!scene_.create(error)) return false;
    return true;
}

void App::key_callback(GLFWwindow* window, int key, int scancode, int action, int mods) {
    App* app = static_cast<App*>(glfwGetWindowUserPointer(window));
    const bool tracked = key >= 0 && key < static_cast<int>(app->key_pressed_before_frame_.size());
    if (tracked && action == GLFW_PRESS) {
        app->key_pressed_before_frame_[static_cast<std::size_t>(key)] = app->frames_done_ + 1;
    }
    if (tracked && action == GLFW_RELEASE &&
        app->key_pressed_before_frame_[static_cast<std::size_t>(key)] == app->frames_done_ + 1) {
        app->held_releases_.push_back({key, scancode, mods});
        return;
    }
    ImGui_ImplGlfw_KeyCallback(window, key, scancode, action, mods);
}

void App::release_held_keys() {
    for (const HeldRelease& release : held_releases_) {
        ImGui_ImplGlfw_KeyCallback(window_, release.key, release.scancode, GLFW_RELEASE,
                                   release.mods);
    }
    held_releases_.clear();
}

void App::set_callbacks(AppCallbacks callbacks) { callbacks_ = std::move(callbacks); }

void App::set_settings_json(const std::string& json) {
    std::string error;
    client::Settings next = settings_;
    if (client::settings_from_json(json, &next, &error)) settings_ = next;
}

void App::set_link_status(const std::string& status, bool live) {
    link_status_ = status;
    link_live_ = live;
}

void App::on_connected(double now_ms) { session_.on_connected(now_ms); }
void App::on_disconnected(double now_ms) { session_.on_disconnected(now_ms); }

void App::receive_text(const std::string& text, double now_ms) {
    session_.receive_text(text, now_ms);
}

void App::receive_binary(const std::string& bytes, double now_ms) {
    session_.receive_binary(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size(),
                            now_ms);
}

void App::start_offline(std::uint32_t ships, std::uint64_t seed, double now_ms) {
    client::LocalServerDef def;
    def.ships = ships;
    def.seed = seed;
    local_server_ = std::make_unique<client::LocalServer>(def, now_ms);
    link_status_ = "offline demo";
    link_live_ = true;
    local_server_->poll(now_ms, session_);
}

void App::flush_outgoing() {
    // Offline, the local server takes the session's outgoing messages itself in poll().
    if (local_server_) return;
    std::vector<std::string> outgoing = session_.take_outgoing();
    if (!callbacks_.send_text) return;
    for (const std::string& text : outgoing) callbacks_.send_text(text);
}

void App::update_trajectory(double now_ms) {
    const std::uint32_t own = session_.own_ship_id();
    if (!session_.has_world() || own == 0 || !settings_.show_trajectory) {
        trajectory_.clear();
        return;
    }
    if (now_ms - trajectory_time_ms_ < kTrajectoryRefresh_ms) return;
    trajectory_time_ms_ = now_ms;
    sim::TrajectoryDef def;
    const client::ShipTelemetry ship = client::ship_telemetry(session_.world(), own);
    // One orbit when bound (clamped to a day), else six hours of coasting.
    const double period = ship.valid ? ship.orbit.period_s : 0.0;
    def.duration_s = std::isfinite(period) && period > 0.0 ? std::clamp(period, 600.0, 86400.0)
                                                           : 21600.0;
    def.samples = 512;
    def.coast = true;
    trajectory_ = sim::predict_trajectory(session_.world(), own, def);
}

void App::frame(double now_ms) {
    const double frame_start = now_clock_ms();
    const double frame_ms = last_frame_ms_ < 0.0 ? 0.0 : now_ms - last_frame_ms_;
    last_frame_ms_ = now_ms;

    // The page sizes the canvas (CSS size x devicePixelRatio). GLFW's window size is not used:
    // glfwSetWindowSize at the screen's size asks for fullscreen. Emscripten's GLFW reports the
    // mouse in canvas pixels, so ImGui works in canvas pixels at a framebuffer scale of 1.
    int fb_width = 0;
    int fb_height = 0;
    emscripten_get_canvas_element_size("#canvas", &fb_width, &fb_height);
    fb_width = std::max(fb_width, 1);
    fb_height = std::max(fb_height, 1);

    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGui::GetIO().DisplaySize = ImVec2(static_cast<float>(fb_width), static_cast<float>(fb_height));
    ImGui::GetIO().DisplayFramebufferScale = ImVec2(1.0f, 1.0f);
    ImGui::GetIO().FontGlobalScale = static_cast<float>(settings_.ui_scale);
    ImGui::NewFrame();

    // Offline, the local server steps its own world and hands the session its frames (the
    // session applies them to the confirmed world, as it would a real server's).
    const double local_start = now_clock_ms();
    if (local_server_) local_server_->poll(now_ms, session_);
    const double prediction_start = now_clock_ms();
    timings_.local_server_ms = prediction_start - local_start;
    session_.advance(now_ms);
    timings_.prediction_ms = now_clock_ms() - prediction_start;

    InputContext input{&session_, now_ms, &camera_, &settings_, &scene_, &selection_,
                       &hud_.state()};
    input_.update(input);
    flush_outgoing();
    update_trajectory(now_ms);

    const double render_start = now_clock_ms();
    const std::uint32_t own = session_.own_ship_id();
    client::ShipTelemetry ship;
    client::TargetTelemetry target;
    client::DockingTelemetry docking;
    glViewport(0, 0, fb_width, fb_height);
    if (session_.has_world()) {
        const sim::World& world = session_.world();
        ship = client::ship_telemetry(world, own);
        if (const sim::Ship* own_ship = session_.own_ship()) {
            target = client::target_telemetry(world, own, own_ship->controls.target);
        }
        docking = client::docking_telemetry(world, own);
        SceneInput scene{&world, own, selection_, &trajectory_, &settings_};
        scene_.draw(scene, camera_.frame(world, own, fb_width, fb_height));
    } else {
        glClearColor(0.0f, 0.0f, 0.0f, 1.0f);
        glClear(GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT);
    }

    HudContext hud{&session_, now_ms, frame_ms, &ship, &target, &docking, &settings_, &camera_,
                   &selection_, link_status_, link_live_};
    hud_.draw(hud);
    flush_outgoing();
    if (hud.settings_changed && callbacks_.settings_changed) {
        callbacks_.settings_changed(client::settings_to_json(settings_));
    }
    if (hud.logout_requested && callbacks_.logout) callbacks_.logout();

    ImGui::Render();
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    const double end = now_clock_ms();
    timings_.render_ms = end - render_start;
    timings_.total_ms = end - frame_start;
    ++frames_done_;
    release_held_keys();
}

std::string App::status_json() const {
    nlohmann::json out = nlohmann::json::object();
    const client::NetworkStats& stats = session_.stats();
    out["has_world"] = session_.has_world();
    out["ship_id"] = session_.own_ship_id();
    out["server_tick"] = stats.server_tick;
    out["hash_checks"] = stats.hash_checks;
    out["hash_mismatches"] = stats.hash_mismatches;
    out["keyframes"] = stats.keyframes;
    out["ping_ms"] = stats.ping_ms;
    out["link"] = link_status_;
    out["link_live"] = link_live_;
    nlohmann::json chat = nlohmann::json::array();
    for (const client::ChatLine& line : session_.chat()) {
        chat.push_back({{"from", line.from}, {"text", line.text}});
    }
    out["chat"] = std::move(chat);
    // A text input (the chat line) holds the keyboard: what is typed goes there, not to flight.
    out["typing"] = ImGui::GetCurrentContext() != nullptr && ImGui::GetIO().WantTextInput;
    if (session_.has_world()) {
        const sim::World& world = session_.world();
        out["ships"] = world.ships.size();
        out["game_time_s"] = world.game_time_s;
        const client::ShipTelemetry ship = client::ship_telemetry(world, session_.own_ship_id());
        if (ship.valid) {
            out["speed_m_s"] = ship.speed_m_s;
            out["altitude_m"] = ship.altitude_m;
            out["throttle"] = ship.throttle;
            out["fuel_kg"] = ship.fuel_kg;
            out["reference_body"] = ship.reference_name;
        }
        // The confirmed (server) state of the own ship, for tests that compare with the server.
        if (const sim::Ship* confirmed = sim::find_ship(session_.confirmed_world(),
                                                        session_.own_ship_id())) {
            out["confirmed_throttle"] = confirmed->controls.throttle;
        }
        nlohmann::json ships = nlohmann::json::array();
        for (const sim::Ship& s : world.ships) ships.push_back(s.name);
        out["ship_names"] = std::move(ships);
    }
    // Ship names are UTF-8 checked by the server; replace rather than abort on a bad byte.
    return out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace galaxy::app
