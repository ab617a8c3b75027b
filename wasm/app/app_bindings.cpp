// Embind: the App as JavaScript sees it (see wasm/README.md for the page's side).
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <memory>
#include <string>

#include "app.hpp"

namespace galaxy::app {

namespace {

// create() failing is a value for JavaScript to show ("WebGL2 unavailable"), not an exception.
std::string create_app(App& app) {
    std::string error;
    return app.create(&error) ? std::string() : error;
}

// JavaScript functions become the App's callbacks; the emscripten::val keeps each alive.
void set_app_callbacks(App& app, emscripten::val send_text, emscripten::val settings_changed,
                       emscripten::val logout) {
    AppCallbacks callbacks;
    callbacks.send_text = [send_text](const std::string& text) { send_text(text); };
    callbacks.settings_changed = [settings_changed](const std::string& json) {
        settings_changed(json);
    };
    callbacks.logout = [logout]() { logout(); };
    app.set_callbacks(std::move(callbacks));
}

void start_offline(App& app, unsigned ships, double seed, double now_ms) {
    app.start_offline(ships, static_cast<std::uint64_t>(seed), now_ms);
}

emscripten::val frame_timings(const App& app) {
    emscripten::val out = emscripten::val::object();
    out.set("local_server_ms", app.timings().local_server_ms);
    out.set("prediction_ms", app.timings().prediction_ms);
    out.set("render_ms", app.timings().render_ms);
    out.set("total_ms", app.timings().total_ms);
    return out;
}

}  // namespace

EMSCRIPTEN_BINDINGS(galaxy_app) {
    emscripten::class_<App>("GalaxyApp")
        .constructor<>()
        .function("create", &create_app)
        .function("setCallbacks", &set_app_callbacks)
        .function("setSettings", &App::set_settings_json)
        .function("setLinkStatus", &App::set_link_status)
        .function("onConnected", &App::on_connected)
        .function("onDisconnected", &App::on_disconnected)
        .function("receiveText", &App::receive_text)
        .function("receiveBinary", &App::receive_binary)
        .function("startOffline", &start_offline)
        .function("frame", &App::frame)
        .function("frameTimings", &frame_timings)
        .function("status", &App::status_json);
}

}  // namespace galaxy::app
