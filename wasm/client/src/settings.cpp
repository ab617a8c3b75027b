#include "galaxy/client/settings.hpp"

#include <cmath>

#include <nlohmann/json.hpp>

namespace galaxy::client {

namespace {

using Json = nlohmann::json;

// One key of the settings object: reads it into *out if present; false with *error when the
// value has the wrong type or is outside [min, max].
bool read_bool(const Json& object, const char* key, bool* out, std::string* error) {
    const auto it = object.find(key);
    if (it == object.end()) return true;
    if (!it->is_boolean()) {
        *error = std::string(key) + ": must be true or false";
        return false;
    }
    *out = it->get<bool>();
    return true;
}

bool read_number(const Json& object, const char* key, double min, double max, double* out,
                 std::string* error) {
    const auto it = object.find(key);
    if (it == object.end()) return true;
    const double value = it->is_number() ? it->get<double>() : std::nan("");
    if (!(value >= min && value <= max)) {
        *error = std::string(key) + ": must be a number in " + Json(min).dump() + ".." +
                 Json(max).dump();
        return false;
    }
    *out = value;
    return true;
}

}  // namespace

bool settings_from_json(std::string_view json, Settings* settings, std::string* error) {
    // Parsed without exceptions (the WASM build cannot catch them): a defect is a discarded value.
    const Json object = Json::parse(json.begin(), json.end(), nullptr, false);
    if (!object.is_object()) {
        *error = "settings: not a JSON object";
        return false;
    }
    Settings next = *settings;
    if (!read_bool(object, "show_orbits", &next.show_orbits, error) ||
        !read_bool(object, "show_trajectory", &next.show_trajectory, error) ||
        !read_bool(object, "show_labels", &next.show_labels, error) ||
        !read_bool(object, "show_starfield", &next.show_starfield, error) ||
        !read_bool(object, "show_network", &next.show_network, error) ||
        !read_number(object, "mouse_sensitivity", 0.1, 5.0, &next.mouse_sensitivity, error) ||
        !read_bool(object, "invert_mouse_y", &next.invert_mouse_y, error) ||
        !read_number(object, "ui_scale", 0.75, 2.0, &next.ui_scale, error)) {
        return false;
    }
    *settings = next;
    return true;
}

std::string settings_to_json(const Settings& settings) {
    Json out = Json::object();
    out["show_orbits"] = settings.show_orbits;
    out["show_trajectory"] = settings.show_trajectory;
    out["show_labels"] = settings.show_labels;
    out["show_starfield"] = settings.show_starfield;
    out["show_network"] = settings.show_network;
    out["mouse_sensitivity"] = settings.mouse_sensitivity;
    out["invert_mouse_y"] = settings.invert_mouse_y;
    out["ui_scale"] = settings.ui_scale;
    return out.dump();
}

}  // namespace galaxy::client
