#include "net/admin_validation.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <initializer_list>
#include <map>

#include <nlohmann/json.hpp>

#include "engine/engine.hpp"

namespace galaxy::server {

namespace {

using proto::ErrorCode;
using nlohmann::json;

constexpr std::size_t kMaxEchoedKeyBytes = 40;  // unknown keys are echoed, cut to this
constexpr std::size_t kMaxConfirmTokenBytes = 128;
constexpr std::int64_t kMaxPathId = std::int64_t{1} << 53;  // what a JSON number holds exactly

ValidationError error(ErrorCode code, std::string message) {
    return ValidationError{code, std::move(message)};
}

// Parses body as a JSON object whose keys are all among `keys` (an empty body is {} when
// empty_ok).
std::optional<ValidationError> parse_object(std::string_view body,
                                            std::initializer_list<const char*> keys, json* out,
                                            bool empty_ok = false) {
    if (empty_ok && body.empty()) {
        *out = json::object();
        return std::nullopt;
    }
    *out = json::parse(body, nullptr, false);
    if (out->is_discarded()) return error(ErrorCode::MalformedJson, "body is not valid JSON");
    if (!out->is_object()) return error(ErrorCode::MalformedJson, "body must be a JSON object");
    for (const auto& item : out->items()) {
        const bool known = std::any_of(keys.begin(), keys.end(),
                                       [&](const char* k) { return item.key() == k; });
        if (!known) {
            return error(ErrorCode::InvalidField,
                         "unknown field \"" + item.key().substr(0, kMaxEchoedKeyBytes) + "\"");
        }
    }
    return std::nullopt;
}

std::optional<ValidationError> missing(const char* name) {
    return error(ErrorCode::InvalidField, std::string("missing field \"") + name + "\"");
}

std::optional<ValidationError> read_bool(const json& object, const char* name,
                                         std::optional<bool>* out) {
    const auto it = object.find(name);
    if (it == object.end()) return std::nullopt;
    if (!it->is_boolean()) {
        return error(ErrorCode::InvalidField, std::string("field \"") + name + "\" must be true or false");
    }
    *out = it->get<bool>();
    return std::nullopt;
}

std::optional<ValidationError> read_number(const json& object, const char* name, double min,
                                           double max, std::optional<double>* out) {
    const auto it = object.find(name);
    if (it == object.end()) return std::nullopt;
    if (!it->is_number()) {
        return error(ErrorCode::InvalidField, std::string("field \"") + name + "\" must be a number");
    }
    const double value = it->get<double>();
    if (!std::isfinite(value) || value < min || value > max) {
        return error(ErrorCode::OutOfRange, std::string("field \"") + name + "\" must be " +
                                                json(min).dump() + ".." + json(max).dump());
    }
    *out = value;
    return std::nullopt;
}

std::optional<ValidationError> read_string(const json& object, const char* name,
                                           std::optional<std::string>* out) {
    const auto it = object.find(name);
    if (it == object.end()) return std::nullopt;
    if (!it->is_string()) {
        return error(ErrorCode::InvalidField, std::string("field \"") + name + "\" must be a string");
    }
    *out = it->get<std::string>();
    return std::nullopt;
}

// Printable UTF-8 of at most kMaxLabelBytes bytes, no control characters.
std::optional<ValidationError> check_label(const std::string& text, const char* name,
                                           bool allow_empty) {
    const bool controls = std::any_of(text.begin(), text.end(), [](char c) {
        return static_cast<unsigned char>(c) < 0x20 || c == 0x7f;
    });
    if ((!allow_empty && text.empty()) || text.size() > kMaxLabelBytes || controls ||
        !utf8_length(text)) {
        return error(ErrorCode::InvalidString,
                     std::string("field \"") + name + "\" must be " + (allow_empty ? "0" : "1") +
                         " to 64 bytes of printable UTF-8");
    }
    return std::nullopt;
}

// "a=1&b=x" into a map; values are percent-decoded ('+' is a space).
std::optional<ValidationError> parse_query(std::string_view query,
                                           std::initializer_list<const char*> keys,
                                           std::map<std::string, std::string>* out) {
    const auto decode = [](std::string_view text, std::string* decoded) {
        for (std::size_t i = 0; i < text.size(); ++i) {
            if (text[i] == '+') {
                decoded->push_back(' ');
            } else if (text[i] == '%') {
                int value = 0;
                if (i + 2 >= text.size()) return false;
                const auto [ptr, ec] = std::from_chars(text.data() + i + 1, text.data() + i + 3,
                                                       value, 16);
                if (ec != std::errc() || ptr != text.data() + i + 3) return false;
                decoded->push_back(static_cast<char>(value));
                i += 2;
            } else {
                decoded->push_back(text[i]);
            }
        }
        return true;
    };
    while (!query.empty()) {
        const std::size_t amp = query.find('&');
        const std::string_view pair = query.substr(0, amp);
        query = amp == std::string_view::npos ? std::string_view{} : query.substr(amp + 1);
        if (pair.empty()) continue;
        const std::size_t eq = pair.find('=');
        std::string key;
        std::string value;
        if (!decode(pair.substr(0, eq), &key) ||
            (eq != std::string_view::npos && !decode(pair.substr(eq + 1), &value))) {
            return error(ErrorCode::InvalidString, "query string has a bad percent escape");
        }
        const bool known = std::any_of(keys.begin(), keys.end(),
                                       [&](const char* k) { return key == k; });
        if (!known) {
            return error(ErrorCode::InvalidField,
                         "unknown query parameter \"" + key.substr(0, kMaxEchoedKeyBytes) + "\"");
        }
        (*out)[key] = value;
    }
    return std::nullopt;
}

std::optional<ValidationError> read_count(const std::map<std::string, std::string>& params,
                                          const char* name, std::size_t min, std::size_t max,
                                          std::size_t* out) {
    const auto it = params.find(name);
    if (it == params.end()) return std::nullopt;
    std::size_t value = 0;
    const std::string& text = it->second;
    const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || ec != std::errc() || ptr != text.data() + text.size() || value < min ||
        value > max) {
        return error(ErrorCode::OutOfRange, std::string("query parameter \"") + name +
                                                "\" must be an integer " + std::to_string(min) +
                                                ".." + std::to_string(max));
    }
    *out = value;
    return std::nullopt;
}

}  // namespace

std::optional<ValidationError> parse_admin_login_body(std::string_view body, LoginBody* out) {
    return parse_login_body(body, out);
}

std::optional<ValidationError> parse_settings_body(std::string_view body, SettingsBody* out) {
    json object;
    if (auto e = parse_object(body,
                              {"paused", "tick_rate_hz", "time_scale", "time_sync",
                               "registration_open"},
                              &object)) {
        return e;
    }
    if (object.empty()) return error(ErrorCode::InvalidField, "body must set at least one field");
    if (auto e = read_bool(object, "paused", &out->paused)) return e;
    if (auto e = read_number(object, "tick_rate_hz", kMinTickRate_hz, kMaxTickRate_hz,
                             &out->tick_rate_hz)) {
        return e;
    }
    if (auto e = read_number(object, "time_scale", kMinTimeScale, kMaxTimeScale, &out->time_scale)) {
        return e;
    }
    if (auto e = read_bool(object, "time_sync", &out->time_sync)) return e;
    return read_bool(object, "registration_open", &out->registration_open);
}

std::optional<ValidationError> parse_snapshot_body(std::string_view body, SnapshotBody* out) {
    json object;
    if (auto e = parse_object(body, {"label"}, &object, true)) return e;
    std::optional<std::string> label;
    if (auto e = read_string(object, "label", &label)) return e;
    out->label = label.value_or("");
    return check_label(out->label, "label", true);
}

std::optional<ValidationError> parse_password_body(std::string_view body, PasswordBody* out) {
    json object;
    if (auto e = parse_object(body, {"password"}, &object)) return e;
    std::optional<std::string> password;
    if (auto e = read_string(object, "password", &password)) return e;
    if (!password) return missing("password");
    out->password = *password;
    return check_new_password(out->password);
}

std::optional<ValidationError> parse_station_body(std::string_view body, StationBody* out) {
    json object;
    if (auto e = parse_object(body, {"name", "body", "altitude_m", "inclination_deg"}, &object)) {
        return e;
    }
    std::optional<std::string> name;
    std::optional<std::string> body_name;
    std::optional<double> altitude;
    std::optional<double> inclination;
    if (auto e = read_string(object, "name", &name)) return e;
    if (auto e = read_string(object, "body", &body_name)) return e;
    if (auto e = read_number(object, "altitude_m", kMinStationAltitude_m, kMaxStationAltitude_m,
                             &altitude)) {
        return e;
    }
    if (auto e = read_number(object, "inclination_deg", -180.0, 180.0, &inclination)) return e;
    if (!name) return missing("name");
    if (!body_name) return missing("body");
    if (!altitude) return missing("altitude_m");
    if (auto e = check_label(*name, "name", false)) return e;
    if (auto e = check_label(*body_name, "body", false)) return e;
    out->name = *name;
    out->body = *body_name;
    out->altitude_m = *altitude;
    out->inclination_deg = inclination.value_or(0.0);
    return std::nullopt;
}

std::optional<ValidationError> parse_reset_body(std::string_view body, ResetBody* out) {
    json object;
    if (auto e = parse_object(body, {"confirm_token"}, &object, true)) return e;
    std::optional<std::string> token;
    if (auto e = read_string(object, "confirm_token", &token)) return e;
    out->confirm_token = token.value_or("");
    if (out->confirm_token.size() > kMaxConfirmTokenBytes) {
        return error(ErrorCode::InvalidString, "field \"confirm_token\" is too long");
    }
    return std::nullopt;
}

std::optional<ValidationError> parse_empty_body(std::string_view body) {
    json object;
    return parse_object(body, {}, &object, true);
}

std::optional<ValidationError> parse_player_query(std::string_view query, PlayerQuery* out) {
    std::map<std::string, std::string> params;
    if (auto e = parse_query(query, {"search", "limit", "offset"}, &params)) return e;
    if (auto e = read_count(params, "limit", 1, kMaxListLimit, &out->limit)) return e;
    if (auto e = read_count(params, "offset", 0, 1000000000, &out->offset)) return e;
    if (const auto it = params.find("search"); it != params.end()) {
        if (it->second.size() > kMaxSearchBytes || !utf8_length(it->second)) {
            return error(ErrorCode::InvalidString,
                         "query parameter \"search\" must be at most 64 bytes of UTF-8");
        }
        out->search = it->second;
    }
    return std::nullopt;
}

std::optional<ValidationError> parse_limit_query(std::string_view query, std::size_t* limit) {
    std::map<std::string, std::string> params;
    if (auto e = parse_query(query, {"limit"}, &params)) return e;
    return read_count(params, "limit", 1, kMaxListLimit, limit);
}

std::optional<std::int64_t> parse_path_id(std::string_view segment) {
    std::int64_t value = 0;
    const auto [ptr, ec] = std::from_chars(segment.data(), segment.data() + segment.size(), value);
    if (segment.empty() || ec != std::errc() || ptr != segment.data() + segment.size() ||
        value < 1 || value > kMaxPathId) {
        return std::nullopt;
    }
    return value;
}

}  // namespace galaxy::server
