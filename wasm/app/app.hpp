// The browser client's C++ side: one App per page. JavaScript owns the page, the WebSocket and
// localStorage; it calls frame() from requestAnimationFrame and passes every server frame in.
// The App owns the session (prediction), the camera, the WebGL2 scene and the ImGui HUD.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "galaxy/client/camera.hpp"
#include "galaxy/client/local_server.hpp"
#include "galaxy/client/session.hpp"
#include "galaxy/client/settings.hpp"
#include "galaxy/sim/trajectory.hpp"
#include "hud/hud.hpp"
#include "input/flight_input.hpp"
#include "render/scene_renderer.hpp"

struct GLFWwindow;

namespace galaxy::app {

// Callbacks into JavaScript (set by the bindings).
struct AppCallbacks {
    std::function<void(const std::string&)> send_text;         // a text frame for the server
    std::function<void(const std::string&)> settings_changed;  // settings JSON to store
    std::function<void()> logout;                               // the pilot pressed Log out
};

// Per-frame timings of the last frame, for the benchmark page (ms of the client clock).
struct FrameTimings {
    double local_server_ms = 0.0; // offline only: the local server's tick and frame delivery
    double prediction_ms = 0.0;   // Session::advance: stepping the predicted world to now
    double render_ms = 0.0;       // scene + HUD draw calls, up to the end of ImGui rendering
    double total_ms = 0.0;        // the whole frame() call
};

class App {
public:
    App();
    ~App();

    // Creates the GLFW window on the page's canvas (Module.canvas) with a WebGL2 context.
    // false with *error when WebGL2 or a shader is unavailable.
    bool create(std::string* error);

    void set_callbacks(AppCallbacks callbacks);
    void set_settings_json(const std::string& json);   // from the settings module
    void set_link_status(const std::string& status, bool live);

    // Transport events, forwarded to the session.
    void on_connected(double now_ms);
    void on_disconnected(double now_ms);
    void receive_text(const std::string& text, double now_ms);
    void receive_binary(const std::string& bytes, double now_ms);

    // Without a server: a local world with `ships` scripted ships (benchmarks, offline demo).
    void start_offline(std::uint32_t ships, std::uint64_t seed, double now_ms);

    // One animation frame at client time now_ms (performance.now()).
    void frame(double now_ms);

    const client::Session& session() const { return session_; }
    const FrameTimings& timings() const { return timings_; }
    std::string status_json() const;   // for tests: what the HUD shows, as JSON

private:
    // A key pressed and released between two frames would never be seen down by ImGui (it reads
    // key state once per frame, and a quick tap at 20 fps is shorter than a frame): such a
    // release is held back until a frame has run.
    struct HeldRelease {
        int key = 0;
        int scancode = 0;
        int mods = 0;
    };
    static void key_callback(GLFWwindow* window, int key, int scancode, int action, int mods);
    void release_held_keys();

    void flush_outgoing();
    void update_trajectory(double now_ms);

    GLFWwindow* window_ = nullptr;
    AppCallbacks callbacks_;
    client::Session session_;
    std::unique_ptr<client::LocalServer> local_server_;   // only in offline mode
    client::Settings settings_;
    client::Camera camera_;
    sim::TargetRef selection_;
    SceneRenderer scene_;
    Hud hud_;
    FlightInput input_;
    std::vector<sim::TrajectoryPoint> trajectory_;
    double trajectory_time_ms_ = -1.0e9;
    std::string link_status_ = "connecting";
    bool link_live_ = false;
    double last_frame_ms_ = -1.0;
    std::uint64_t frames_done_ = 0;
    std::array<std::uint64_t, 512> key_pressed_before_frame_{};   // by GLFW key code: frames_done_ + 1 at the press
    std::vector<HeldRelease> held_releases_;
    FrameTimings timings_;
};

}  // namespace galaxy::app
