// The /admin dashboard's C++ side: one AdminDashboard per page. It draws the Dear ImGui windows
// on the page's canvas (WebGL2) and does no HTTP itself: every admin API request goes to
// JavaScript through a callback (which adds the admin token and fetches), and JavaScript hands
// each answer back through receive(). JavaScript calls frame() from requestAnimationFrame.
#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include "action_log.hpp"
#include "api_client.hpp"
#include "key_relay.hpp"
#include "widget_registry.hpp"
#include "windows.hpp"

struct GLFWwindow;

namespace galaxy::admin {

// Callbacks into JavaScript (set by the bindings).
struct DashboardCallbacks {
    RequestSender request;         // an admin API request (see ApiClient)
    std::function<void()> logout;  // the admin pressed Log out: forget the token
};

// The dashboard of one page: the ImGui windows, the model, the requests that are out.
class AdminDashboard {
public:
    AdminDashboard();
    ~AdminDashboard();  // shuts ImGui and the GLFW window down if create() made them
    AdminDashboard(const AdminDashboard&) = delete;
    AdminDashboard& operator=(const AdminDashboard&) = delete;

    // Creates the GLFW window on the page's canvas (#canvas) with a WebGL2 context and ImGui.
    // false with *error when WebGL2 is unavailable.
    bool create(std::string* error);
    // The JavaScript functions requests and logouts go to.
    void set_callbacks(DashboardCallbacks callbacks);

    // The answer to request `id`: HTTP status (0 = not reached) and body text.
    void receive(std::uint32_t id, int status, const std::string& body);
    // The page found a stored admin session (a reload): skip the login form.
    void set_logged_in(const std::string& username);
    // The token was refused or expired (JavaScript forgot it): back to the login form, with
    // `reason` under it ("" for none).
    void set_logged_out(const std::string& reason);

    // Mouse wheel notches from the page (y > 0 = away from the user, x > 0 = to the left): the
    // page reads the canvas' wheel events itself (see web/admin/wheel.js).
    void scroll(double x_notches, double y_notches);

    // One animation frame at client time now_ms (performance.now()); pixel_ratio = canvas
    // pixels per CSS pixel (window.devicePixelRatio), which also scales the UI.
    void frame(double now_ms, double pixel_ratio);

    // For tests and scripts: logged_in, the last status, the tables, the last action results
    // and the rectangles of the named widgets of the last frame (CSS pixels), as JSON.
    std::string status_json() const;

private:
    // Starts the polls that are due (status and map every second, the tables every 5 s).
    void poll(DashboardContext& ctx);
    // Places the windows for a canvas of width x height pixels.
    void update_layout(int width, int height, float pixel_ratio);
    void log_out();

    GLFWwindow* window_ = nullptr;
    DashboardCallbacks callbacks_;
    KeyRelay keys_;
    ApiClient api_;
    WidgetRegistry widgets_;
    ActionLog log_;
    DashboardModel model_;
    Layout layout_;
    int layout_width_ = 0;  // the canvas size the layout was made for (px)
    int layout_height_ = 0;
    double now_ms_ = 0.0;  // the last frame's client time
    std::uint64_t frames_ = 0;
};

}  // namespace galaxy::admin
