// The game_config rows the server applies at start, over the configuration: they hold what an
// admin changed while the server ran (pause, tick rate, time scale, time sync, registrations),
// so that it survives a restart.
#pragma once

#include <map>
#include <optional>
#include <string>

namespace galaxy::server {

struct RuntimeOverrides {
    std::optional<double> tick_rate_hz;     // key "tick_rate_hz", kMinTickRate_hz..kMaxTickRate_hz
    std::optional<double> time_scale;       // key "time_scale", kMinTimeScale..kMaxTimeScale
    std::optional<bool> time_sync;          // key "time_sync"
    std::optional<bool> registration_open;  // key "registration_open"
    std::optional<bool> paused;             // key "paused"
};

// Reads the keys above from game_config's rows; a value that does not parse or is out of range
// is logged ("config_override_ignored", with key, value and rule) and left out. Booleans:
// true/false, 1/0, yes/no, on/off (any case). Other keys are not the server's and are ignored.
RuntimeOverrides parse_runtime_overrides(const std::map<std::string, std::string>& rows);

}  // namespace galaxy::server
