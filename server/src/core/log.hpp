// Structured logging: one JSON object per line on stdout ({"ts":..., "level":..., "event":...,
// fields...}). Thread-safe; lines never interleave.
#pragma once

#include <functional>
#include <string_view>

#include <nlohmann/json.hpp>

namespace galaxy::server {

enum class LogLevel { Debug = 0, Info, Warn, Error };

void set_log_level(LogLevel level);                  // default Info
bool log_level_from_name(std::string_view name, LogLevel* out);   // "debug" ... "error"
const char* log_level_name(LogLevel level);           // "debug", "info", "warn", "error"

// Receives each finished line (without the newline) instead of stdout; an empty function
// restores stdout. Called under the log mutex, so it must not log. For tests.
using LogSink = std::function<void(std::string_view line)>;
void set_log_sink(LogSink sink);

// Writes the line if level is at or above the current level. fields should be an object; its
// keys follow "ts", "level" and "event" (a key that repeats one of those or "audit" is written
// as "field_<key>"); any other non-null value is written as "detail".
void log_event(LogLevel level, std::string_view event, const nlohmann::json& fields = {});
// Audit lines (account_created, account_deleted, password_changed, login_failed, admin
// actions): always written, with "audit": true.
void log_audit(std::string_view action, const nlohmann::json& fields);

}  // namespace galaxy::server
