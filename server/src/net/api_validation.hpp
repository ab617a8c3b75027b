// Parsing and validation of the account API's JSON request bodies. Every failure is a 400
// with a protocol error code: E001 not JSON or not an object; E003 a field missing, of the
// wrong type, unknown, or a ship class that does not exist; E005 a username or password that
// breaks its rules.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "galaxy/proto/protocol.hpp"
#include "galaxy/sim/ship.hpp"

namespace galaxy::server {

inline constexpr std::size_t kMaxApiBodyBytes = 16 * 1024;  // larger bodies: 413 E026
inline constexpr std::size_t kMinUsernameLength = 3;        // characters of [A-Za-z0-9_-]
inline constexpr std::size_t kMaxUsernameLength = 32;
inline constexpr std::size_t kMinPasswordLength = 8;  // Unicode code points
inline constexpr std::size_t kMaxPasswordLength = 128;

struct ValidationError {
    proto::ErrorCode code = proto::ErrorCode::InvalidField;
    std::string message;  // says which field and which rule, never the value
};

// POST /api/auth/register {username, password, ship_class?}
struct RegisterBody {
    std::string username;
    std::string password;
    sim::ShipClass ship_class = sim::ShipClass::FastFrigate;  // default when absent
};
// POST /api/auth/login {username, password}
struct LoginBody {
    std::string username;
    std::string password;
};
// DELETE /api/auth/account {password}
struct DeleteAccountBody {
    std::string password;
};

std::optional<ValidationError> parse_register_body(std::string_view body, RegisterBody* out);
std::optional<ValidationError> parse_login_body(std::string_view body, LoginBody* out);
std::optional<ValidationError> parse_delete_account_body(std::string_view body,
                                                         DeleteAccountBody* out);

// E005 unless password follows the rules of a new password (8..128 code points of UTF-8).
std::optional<ValidationError> check_new_password(const std::string& password);

// Number of code points of valid UTF-8 (no overlong forms, surrogates or values past
// U+10FFFF); std::nullopt for invalid UTF-8.
std::optional<std::size_t> utf8_length(std::string_view text);

// The key usernames are unique and rate-limited by: ASCII lower case.
std::string username_key(std::string_view username);

}  // namespace galaxy::server
