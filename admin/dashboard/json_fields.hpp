// Reading the admin API's JSON answers without exceptions: WebAssembly here cannot catch them,
// so every field is read through a checked accessor that falls back when it is missing or of
// another type.
#pragma once

#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

namespace galaxy::admin {

// `text` parsed, or a discarded value (is_discarded()) when it is not JSON.
nlohmann::json parse_json(const std::string& text);

// object[key] as a number, or fallback when object is not an object or the field not a number.
double number_field(const nlohmann::json& object, const char* key, double fallback = 0.0);
// object[key] as an unsigned id, or fallback (ids are positive integers in the API).
std::uint64_t id_field(const nlohmann::json& object, const char* key, std::uint64_t fallback = 0);
// object[key] as a string, or fallback.
std::string string_field(const nlohmann::json& object, const char* key,
                         const std::string& fallback = {});
// object[key] as a bool, or fallback.
bool bool_field(const nlohmann::json& object, const char* key, bool fallback = false);
// object[key] when it is an array, else an empty array (a reference to a static one).
const nlohmann::json& array_field(const nlohmann::json& object, const char* key);

// A value as the dashboard shows it: numbers with up to `digits` decimals (integers as such),
// booleans "yes"/"no", null "-", strings as they are.
std::string display_value(const nlohmann::json& value, int digits = 2);

// JSON text that never throws (invalid UTF-8 from the server is replaced, not fatal).
std::string dump_json(const nlohmann::json& value);

}  // namespace galaxy::admin
