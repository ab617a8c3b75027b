// Embind: the AdminDashboard as JavaScript sees it (web/admin/admin.js is the page's side).
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <string>
#include <utility>

#include "dashboard.hpp"

namespace galaxy::admin {

namespace {

// create() failing is a value for JavaScript to show, not an exception.
std::string create_dashboard(AdminDashboard& dashboard) {
    std::string error;
    return dashboard.create(&error) ? std::string() : error;
}

// request(id, method, path, body) and logout() become the dashboard's callbacks; each
// emscripten::val keeps its JavaScript function alive.
void set_dashboard_callbacks(AdminDashboard& dashboard, emscripten::val request,
                             emscripten::val logout) {
    DashboardCallbacks callbacks;
    callbacks.request = [request](std::uint32_t id, const std::string& method,
                                  const std::string& path,
                                  const std::string& body) { request(id, method, path, body); };
    callbacks.logout = [logout]() { logout(); };
    dashboard.set_callbacks(std::move(callbacks));
}

void receive(AdminDashboard& dashboard, unsigned id, int status, const std::string& body) {
    dashboard.receive(id, status, body);
}

}  // namespace

EMSCRIPTEN_BINDINGS(galaxy_admin_dashboard) {
    emscripten::class_<AdminDashboard>("AdminDashboard")
        .constructor<>()
        .function("create", &create_dashboard)
        .function("setCallbacks", &set_dashboard_callbacks)
        .function("receive", &receive)
        .function("setLoggedIn", &AdminDashboard::set_logged_in)
        .function("setLoggedOut", &AdminDashboard::set_logged_out)
        .function("scroll", &AdminDashboard::scroll)
        .function("frame", &AdminDashboard::frame)
        .function("status", &AdminDashboard::status_json);
}

}  // namespace galaxy::admin
