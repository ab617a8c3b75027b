#include "json_fields.hpp"

#include <cmath>
#include <cstdio>

namespace galaxy::admin {

nlohmann::json parse_json(const std::string& text) {
    return nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
}

namespace {

const nlohmann::json* find_field(const nlohmann::json& object, const char* key) {
    if (!object.is_object()) return nullptr;
    const auto it = object.find(key);
    return it == object.end() ? nullptr : &*it;
}

}  // namespace

double number_field(const nlohmann::json& object, const char* key, double fallback) {
    const nlohmann::json* field = find_field(object, key);
    return field != nullptr && field->is_number() ? field->get<double>() : fallback;
}

std::uint64_t id_field(const nlohmann::json& object, const char* key, std::uint64_t fallback) {
    const nlohmann::json* field = find_field(object, key);
    if (field == nullptr) return fallback;
    if (field->is_number_unsigned()) return field->get<std::uint64_t>();
    if (field->is_number_integer() && field->get<std::int64_t>() >= 0) {
        return static_cast<std::uint64_t>(field->get<std::int64_t>());
    }
    return fallback;
}

std::string string_field(const nlohmann::json& object, const char* key,
                         const std::string& fallback) {
    const nlohmann::json* field = find_field(object, key);
    return field != nullptr && field->is_string() ? field->get<std::string>() : fallback;
}

bool bool_field(const nlohmann::json& object, const char* key, bool fallback) {
    const nlohmann::json* field = find_field(object, key);
    return field != nullptr && field->is_boolean() ? field->get<bool>() : fallback;
}

const nlohmann::json& array_field(const nlohmann::json& object, const char* key) {
    static const nlohmann::json kEmpty = nlohmann::json::array();
    const nlohmann::json* field = find_field(object, key);
    return field != nullptr && field->is_array() ? *field : kEmpty;
}

std::string display_value(const nlohmann::json& value, int digits) {
    if (value.is_null()) return "-";
    if (value.is_boolean()) return value.get<bool>() ? "yes" : "no";
    if (value.is_number_integer()) return std::to_string(value.get<std::int64_t>());
    if (value.is_number_unsigned()) return std::to_string(value.get<std::uint64_t>());
    if (value.is_number()) {
        const double number = value.get<double>();
        if (!std::isfinite(number)) return "-";
        char text[64];
        std::snprintf(text, sizeof text, "%.*f", digits, number);
        return text;
    }
    if (value.is_string()) return value.get<std::string>();
    return dump_json(value);
}

std::string dump_json(const nlohmann::json& value) {
    return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace galaxy::admin
