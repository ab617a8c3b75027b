#include "net/runtime_overrides.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <string_view>

#include "core/log.hpp"
#include "engine/engine.hpp"

namespace galaxy::server {

namespace {

// The whole text must be a finite number.
std::optional<double> parse_number(const std::string& text) {
    double value = 0.0;
    const char* end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, value);
    if (text.empty() || ec != std::errc() || ptr != end || !std::isfinite(value)) {
        return std::nullopt;
    }
    return value;
}

std::optional<bool> parse_bool(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(), [](char c) {
        return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    });
    static constexpr std::array<std::string_view, 4> kTrue{"true", "1", "yes", "on"};
    static constexpr std::array<std::string_view, 4> kFalse{"false", "0", "no", "off"};
    if (std::find(kTrue.begin(), kTrue.end(), text) != kTrue.end()) return true;
    if (std::find(kFalse.begin(), kFalse.end(), text) != kFalse.end()) return false;
    return std::nullopt;
}

void log_ignored(const std::string& key, const std::string& value, const char* rule) {
    log_event(LogLevel::Warn, "config_override_ignored",
              {{"key", key}, {"value", value}, {"rule", rule}});
}

void read_number(const std::map<std::string, std::string>& rows, const std::string& key, double min,
                 double max, const char* rule, std::optional<double>* out) {
    const auto it = rows.find(key);
    if (it == rows.end()) return;
    const std::optional<double> value = parse_number(it->second);
    if (!value || *value < min || *value > max) return log_ignored(key, it->second, rule);
    *out = value;
}

void read_bool(const std::map<std::string, std::string>& rows, const std::string& key,
               std::optional<bool>* out) {
    const auto it = rows.find(key);
    if (it == rows.end()) return;
    *out = parse_bool(it->second);
    if (!*out) log_ignored(key, it->second, "must be true or false");
}

}  // namespace

RuntimeOverrides parse_runtime_overrides(const std::map<std::string, std::string>& rows) {
    RuntimeOverrides overrides;
    read_number(rows, "tick_rate_hz", kMinTickRate_hz, kMaxTickRate_hz, "must be a number 0.1..60",
                &overrides.tick_rate_hz);
    read_number(rows, "time_scale", kMinTimeScale, kMaxTimeScale, "must be a number 0.1..100000",
                &overrides.time_scale);
    read_bool(rows, "time_sync", &overrides.time_sync);
    read_bool(rows, "registration_open", &overrides.registration_open);
    read_bool(rows, "paused", &overrides.paused);
    return overrides;
}

}  // namespace galaxy::server
