// Player settings the client's C++ side reads. The JavaScript settings module owns them (schema,
// defaults, validation, localStorage) and passes them in as JSON; the HUD's settings window
// edits this struct and hands it back as JSON for the module to store.
#pragma once

#include <string>
#include <string_view>

namespace galaxy::client {

struct Settings {
    bool show_orbits = true;               // body orbits relative to their parent
    bool show_trajectory = true;           // own ship's predicted path, Ap/Pe, AN/DN
    bool show_labels = true;
    bool show_starfield = true;
    bool show_network = true;              // the network panel
    double mouse_sensitivity = 1.0;        // 0.1..5
    bool invert_mouse_y = false;
    double ui_scale = 1.0;                 // HUD font scale 0.75..2
};

// Reads the known keys of a JSON object; a missing key keeps the current value. Returns false
// (and changes nothing) when the text is not an object or a value has the wrong type or range.
bool settings_from_json(std::string_view json, Settings* settings, std::string* error);
std::string settings_to_json(const Settings& settings);

}  // namespace galaxy::client
