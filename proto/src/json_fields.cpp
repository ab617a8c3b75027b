#include "json_fields.hpp"

#include <cmath>
#include <set>
#include <utility>
#include <vector>

namespace galaxy::proto::json {

namespace {

std::string quoted(const char* key) { return std::string("\"") + key + "\""; }

// The first control character's byte offset, or npos. The text is valid UTF-8, so 0xC2
// followed by 0x80..0x9F is exactly a C1 control (U+0080..U+009F).
std::size_t find_control(std::string_view text) {
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto b = static_cast<unsigned char>(text[i]);
        if (b < 0x20 || b == 0x7F) {
            return i;
        }
        if (b == 0xC2 && i + 1 < text.size()) {
            const auto next = static_cast<unsigned char>(text[i + 1]);
            if (next >= 0x80 && next <= 0x9F) {
                return i;
            }
        }
    }
    return std::string_view::npos;
}

}  // namespace

bool parse_message(std::string_view text, Json* out, std::string* type, DecodeError* error) {
    // nlohmann keeps the last of repeated keys silently; the parse callback sees every key, so
    // a stack of the keys of each open object finds repeats.
    std::vector<std::set<std::string>> open_objects;
    std::string repeated_key;
    bool repeated = false;
    auto on_event = [&](int /*depth*/, nlohmann::json::parse_event_t event, Json& parsed) {
        using Event = nlohmann::json::parse_event_t;
        if (event == Event::object_start) {
            open_objects.emplace_back();
        } else if (event == Event::object_end) {
            if (!open_objects.empty()) {
                open_objects.pop_back();
            }
        } else if (event == Event::key && !open_objects.empty() && parsed.is_string() && !repeated) {
            const std::string& key = parsed.get_ref<const std::string&>();
            if (!open_objects.back().insert(key).second) {
                repeated = true;
                repeated_key = key;
            }
        }
        return true;
    };
    Json value = Json::parse(text.begin(), text.end(), on_event, /*allow_exceptions=*/false);
    if (value.is_discarded()) {
        *error = DecodeError{ErrorCode::MalformedJson, "not valid JSON"};
        return false;
    }
    if (!value.is_object()) {
        *error = DecodeError{ErrorCode::MalformedJson, "not a JSON object"};
        return false;
    }
    const auto it = value.find("type");
    if (it == value.end() || !it->is_string()) {
        *error = DecodeError{ErrorCode::UnknownType, "\"type\": missing or not a string"};
        return false;
    }
    if (repeated) {
        *error = DecodeError{ErrorCode::InvalidField, quoted(repeated_key.c_str()) + ": appears twice"};
        return false;
    }
    *type = it->get_ref<const std::string&>();
    *out = std::move(value);
    return true;
}

bool check_fields(const Json& object, std::initializer_list<const char*> allowed, DecodeError* error) {
    for (const auto& item : object.items()) {
        const std::string& key = item.key();
        if (key == "type") {
            continue;
        }
        bool known = false;
        for (const char* name : allowed) {
            known = known || key == name;
        }
        if (!known) {
            *error = DecodeError{ErrorCode::InvalidField, quoted(key.c_str()) + ": unknown field"};
            return false;
        }
    }
    return true;
}

bool Fields::fail(ErrorCode code, const std::string& message) {
    if (!failed_) {
        failed_ = true;
        *error_ = DecodeError{code, message};
    }
    return false;
}

bool Fields::has(const char* key) const { return object_.find(key) != object_.end(); }

const Json* Fields::find(const char* key) {
    const auto it = object_.find(key);
    if (it == object_.end()) {
        fail(ErrorCode::InvalidField, quoted(key) + ": missing");
        return nullptr;
    }
    return &*it;
}

bool Fields::unsigned_integer(const char* key, std::uint64_t max, std::uint64_t* out) {
    const Json* v = find(key);
    if (v == nullptr) {
        return false;
    }
    if (!v->is_number_integer()) {
        return fail(ErrorCode::InvalidField, quoted(key) + ": must be an integer");
    }
    // nlohmann stores every non-negative integer as unsigned, so a signed one is negative.
    if (!v->is_number_unsigned() || v->get<std::uint64_t>() > max) {
        return fail(ErrorCode::OutOfRange, quoted(key) + ": must be 0.." + std::to_string(max));
    }
    *out = v->get<std::uint64_t>();
    return true;
}

bool Fields::u32(const char* key, std::uint32_t* out) {
    std::uint64_t value = 0;
    if (!unsigned_integer(key, 0xFFFFFFFFu, &value)) {
        return false;
    }
    *out = static_cast<std::uint32_t>(value);
    return true;
}

bool Fields::int32(const char* key, int* out) {
    const Json* v = find(key);
    if (v == nullptr) {
        return false;
    }
    if (!v->is_number_integer()) {
        return fail(ErrorCode::InvalidField, quoted(key) + ": must be an integer");
    }
    constexpr std::int64_t kMin = -2147483648LL;
    constexpr std::int64_t kMax = 2147483647LL;
    const bool in_range = v->is_number_unsigned() ? v->get<std::uint64_t>() <= static_cast<std::uint64_t>(kMax)
                                                  : v->get<std::int64_t>() >= kMin;
    if (!in_range) {
        return fail(ErrorCode::OutOfRange, quoted(key) + ": must be a 32-bit integer");
    }
    *out = static_cast<int>(v->is_number_unsigned() ? static_cast<std::int64_t>(v->get<std::uint64_t>())
                                                    : v->get<std::int64_t>());
    return true;
}

bool Fields::number(const char* key, double lo, double hi, double* out) {
    const Json* v = find(key);
    if (v == nullptr) {
        return false;
    }
    if (!v->is_number()) {
        return fail(ErrorCode::InvalidField, quoted(key) + ": must be a number");
    }
    const double value = v->get<double>();
    if (!std::isfinite(value) || value < lo || value > hi) {
        return fail(ErrorCode::OutOfRange, quoted(key) + ": must be within " + nlohmann::json(lo).dump() +
                                               ".." + nlohmann::json(hi).dump());
    }
    *out = value;
    return true;
}

bool Fields::vec3(const char* key, double limit, sim::Vec3* out) {
    const Json* v = find(key);
    if (v == nullptr) {
        return false;
    }
    if (!v->is_array() || v->size() != 3 || !(*v)[0].is_number() || !(*v)[1].is_number() ||
        !(*v)[2].is_number()) {
        return fail(ErrorCode::InvalidField, quoted(key) + ": must be an array of 3 numbers");
    }
    const double c[3] = {(*v)[0].get<double>(), (*v)[1].get<double>(), (*v)[2].get<double>()};
    for (double x : c) {
        if (!std::isfinite(x) || x < -limit || x > limit) {
            return fail(ErrorCode::OutOfRange,
                        quoted(key) + ": each component must be within -" + nlohmann::json(limit).dump() +
                            ".." + nlohmann::json(limit).dump());
        }
    }
    *out = sim::Vec3{c[0], c[1], c[2]};
    return true;
}

bool Fields::boolean(const char* key, bool* out) {
    const Json* v = find(key);
    if (v == nullptr) {
        return false;
    }
    if (!v->is_boolean()) {
        return fail(ErrorCode::InvalidField, quoted(key) + ": must be true or false");
    }
    *out = v->get<bool>();
    return true;
}

bool Fields::text(const char* key, std::size_t min_bytes, std::size_t max_bytes, TextRule rule,
                  std::string* out) {
    const Json* v = find(key);
    if (v == nullptr) {
        return false;
    }
    if (!v->is_string()) {
        return fail(ErrorCode::InvalidField, quoted(key) + ": must be a string");
    }
    const std::string& s = v->get_ref<const std::string&>();
    if (s.size() < min_bytes || s.size() > max_bytes) {
        return fail(ErrorCode::InvalidString, quoted(key) + ": must be " + std::to_string(min_bytes) + ".." +
                                                  std::to_string(max_bytes) + " bytes of UTF-8");
    }
    if (find_control(s) != std::string_view::npos) {
        return fail(ErrorCode::InvalidString, quoted(key) + ": must not contain control characters");
    }
    if (rule == TextRule::Name && s.find_first_not_of(' ') == std::string::npos) {
        return fail(ErrorCode::InvalidString, quoted(key) + ": must not be only spaces");
    }
    *out = s;
    return true;
}

bool Fields::word(const char* key, std::string* out) {
    const Json* v = find(key);
    if (v == nullptr) {
        return false;
    }
    if (!v->is_string()) {
        return fail(ErrorCode::InvalidField, quoted(key) + ": must be a string");
    }
    *out = v->get_ref<const std::string&>();
    return true;
}

std::string dump(const Json& value) {
    return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace galaxy::proto::json
