// Parsing and validation of the admin API's request bodies and query parameters
// (docs/admin-api.md). Failures are 400s: E001 not JSON or not an object, E003 a field missing,
// unknown or of the wrong type, E004 a number out of range, E005 a bad string.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "net/api_validation.hpp"

namespace galaxy::server {

inline constexpr std::size_t kMaxLabelBytes = 64;        // snapshot labels, station names
inline constexpr double kMinStationAltitude_m = 100e3;
inline constexpr double kMaxStationAltitude_m = 1e9;
inline constexpr std::size_t kMaxListLimit = 500;        // players, audit
inline constexpr std::size_t kDefaultListLimit = 100;
inline constexpr std::size_t kMaxSearchBytes = 64;

// PATCH /api/admin/settings: any non-empty subset.
struct SettingsBody {
    std::optional<bool> paused;
    std::optional<double> tick_rate_hz;
    std::optional<double> time_scale;
    std::optional<bool> time_sync;
    std::optional<bool> registration_open;
};
// POST /api/admin/snapshots {label?}
struct SnapshotBody {
    std::string label;
};
// POST /api/admin/players/{id}/password {password}
struct PasswordBody {
    std::string password;
};
// POST /api/admin/stations {name, body, altitude_m, inclination_deg?}
struct StationBody {
    std::string name;
    std::string body;
    double altitude_m = 0.0;
    double inclination_deg = 0.0;
};
// POST /api/admin/world/reset {confirm_token?}
struct ResetBody {
    std::string confirm_token;  // empty: asking for one
};
// GET /api/admin/players?search=&limit=&offset=
struct PlayerQuery {
    std::string search;
    std::size_t limit = kDefaultListLimit;
    std::size_t offset = 0;
};

std::optional<ValidationError> parse_admin_login_body(std::string_view body, LoginBody* out);
std::optional<ValidationError> parse_settings_body(std::string_view body, SettingsBody* out);
std::optional<ValidationError> parse_snapshot_body(std::string_view body, SnapshotBody* out);
std::optional<ValidationError> parse_password_body(std::string_view body, PasswordBody* out);
std::optional<ValidationError> parse_station_body(std::string_view body, StationBody* out);
std::optional<ValidationError> parse_reset_body(std::string_view body, ResetBody* out);
// An empty body counts as {} for the routes whose body is optional.
std::optional<ValidationError> parse_empty_body(std::string_view body);

// Query strings: "search", "limit" 1..kMaxListLimit, "offset" >= 0; unknown keys are E003.
std::optional<ValidationError> parse_player_query(std::string_view query, PlayerQuery* out);
std::optional<ValidationError> parse_limit_query(std::string_view query, std::size_t* limit);

// The decimal id of a path segment ("/api/admin/players/12" -> 12); nullopt unless 1..2^53.
std::optional<std::int64_t> parse_path_id(std::string_view segment);

}  // namespace galaxy::server
