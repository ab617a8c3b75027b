#include "net/api_validation.hpp"

#include <algorithm>
#include <cstdint>
#include <initializer_list>

#include <nlohmann/json.hpp>

namespace galaxy::server {

namespace {

using proto::ErrorCode;

// Unknown keys are echoed in the message; a long one is cut so the answer stays small.
constexpr std::size_t kMaxEchoedKeyBytes = 40;

struct Field {
    const char* name;
    bool required;
    std::string* out;         // left unchanged when the field is absent
    bool* present = nullptr;  // set to whether the field was given (optional fields)
};

ValidationError error(ErrorCode code, std::string message) {
    return ValidationError{code, std::move(message)};
}

// Checks that body is a JSON object whose keys are exactly among `fields`, that the required
// ones are present, and that every present one is a string; copies them out.
std::optional<ValidationError> parse_string_fields(std::string_view body,
                                                   std::initializer_list<Field> fields) {
    const nlohmann::json json = nlohmann::json::parse(body, nullptr, false);
    if (json.is_discarded()) return error(ErrorCode::MalformedJson, "body is not valid JSON");
    if (!json.is_object()) return error(ErrorCode::MalformedJson, "body must be a JSON object");
    for (const auto& item : json.items()) {
        const bool known = std::any_of(fields.begin(), fields.end(),
                                       [&](const Field& f) { return item.key() == f.name; });
        if (!known) {
            return error(ErrorCode::InvalidField,
                         "unknown field \"" + item.key().substr(0, kMaxEchoedKeyBytes) + "\"");
        }
    }
    for (const Field& field : fields) {
        const auto it = json.find(field.name);
        if (field.present != nullptr) *field.present = it != json.end();
        if (it == json.end()) {
            if (field.required) {
                return error(ErrorCode::InvalidField,
                             std::string("missing field \"") + field.name + "\"");
            }
            continue;
        }
        if (!it->is_string()) {
            return error(ErrorCode::InvalidField,
                         std::string("field \"") + field.name + "\" must be a string");
        }
        *field.out = it->get<std::string>();
    }
    return std::nullopt;
}

bool is_username_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '-';
}

std::optional<ValidationError> check_username(const std::string& username) {
    if (username.size() < kMinUsernameLength || username.size() > kMaxUsernameLength ||
        !std::all_of(username.begin(), username.end(), is_username_char)) {
        return error(ErrorCode::InvalidString,
                     "username must be 3 to 32 characters of A-Z, a-z, 0-9, '_' and '-'");
    }
    return std::nullopt;
}

std::optional<ValidationError> check_password(const std::string& password, std::size_t min_length) {
    const std::optional<std::size_t> length = utf8_length(password);
    if (!length) return error(ErrorCode::InvalidString, "password must be valid UTF-8");
    if (*length < min_length || *length > kMaxPasswordLength) {
        return error(ErrorCode::InvalidString,
                     "password must be " + std::to_string(min_length) + " to 128 characters");
    }
    return std::nullopt;
}

}  // namespace

std::optional<std::size_t> utf8_length(std::string_view text) {
    std::size_t count = 0;
    std::size_t i = 0;
    while (i < text.size()) {
        const auto lead = static_cast<std::uint8_t>(text[i]);
        std::size_t extra = 0;
        std::uint32_t code = 0;
        std::uint32_t min_code = 0;
        if (lead < 0x80) {
            code = lead;
        } else if ((lead & 0xE0) == 0xC0) {
            extra = 1;
            code = lead & 0x1Fu;
            min_code = 0x80;
        } else if ((lead & 0xF0) == 0xE0) {
            extra = 2;
            code = lead & 0x0Fu;
            min_code = 0x800;
        } else if ((lead & 0xF8) == 0xF0) {
            extra = 3;
            code = lead & 0x07u;
            min_code = 0x10000;
        } else {
            return std::nullopt;  // a continuation byte or 0xF8..0xFF where a character starts
        }
        if (i + extra >= text.size() && extra > 0) return std::nullopt;  // truncated
        for (std::size_t k = 1; k <= extra; ++k) {
            const auto next = static_cast<std::uint8_t>(text[i + k]);
            if ((next & 0xC0) != 0x80) return std::nullopt;
            code = (code << 6) | (next & 0x3Fu);
        }
        // Overlong forms would let two spellings of one password differ; surrogates and values
        // past U+10FFFF are not characters.
        if (code < min_code || (code >= 0xD800 && code <= 0xDFFF) || code > 0x10FFFF) {
            return std::nullopt;
        }
        i += extra + 1;
        ++count;
    }
    return count;
}

std::string username_key(std::string_view username) {
    std::string key(username);
    std::transform(key.begin(), key.end(), key.begin(), [](char c) {
        return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    });
    return key;
}

std::optional<ValidationError> parse_register_body(std::string_view body, RegisterBody* out) {
    std::string ship_class;
    bool has_ship_class = false;
    if (auto e = parse_string_fields(body, {{"username", true, &out->username},
                                            {"password", true, &out->password},
                                            {"ship_class", false, &ship_class, &has_ship_class}})) {
        return e;
    }
    if (auto e = check_username(out->username)) return e;
    if (auto e = check_password(out->password, kMinPasswordLength)) return e;
    out->ship_class = sim::ShipClass::FastFrigate;
    if (has_ship_class) {
        bool found = false;
        for (const sim::ShipClass c : {sim::ShipClass::FastFrigate, sim::ShipClass::CargoHauler}) {
            if (ship_class == sim::ship_class_def(c).name) {
                out->ship_class = c;
                found = true;
            }
        }
        if (!found) {
            return error(ErrorCode::InvalidField,
                         "ship_class must be \"fast_frigate\" or \"cargo_hauler\"");
        }
    }
    return std::nullopt;
}

std::optional<ValidationError> check_new_password(const std::string& password) {
    return check_password(password, kMinPasswordLength);
}

std::optional<ValidationError> parse_login_body(std::string_view body, LoginBody* out) {
    if (auto e = parse_string_fields(
            body, {{"username", true, &out->username}, {"password", true, &out->password}})) {
        return e;
    }
    if (auto e = check_username(out->username)) return e;
    // Any length from 1: a stricter rule introduced later must not lock out older accounts.
    return check_password(out->password, 1);
}

std::optional<ValidationError> parse_delete_account_body(std::string_view body,
                                                         DeleteAccountBody* out) {
    if (auto e = parse_string_fields(body, {{"password", true, &out->password}})) return e;
    return check_password(out->password, 1);
}

}  // namespace galaxy::server
