// Structured logging: one JSON object per line on stdout ({"ts":..., "level":..., "event":...,
// fields...}). Thread-safe; lines never interleave.
#pragma once

#include <string_view>

#include <nlohmann/json.hpp>

namespace galaxy::server {

enum class LogLevel { Debug = 0, Info, Warn, Error };

void set_log_level(LogLevel level);                  // default Info
bool log_level_from_name(std::string_view name, LogLevel* out);   // "debug" ... "error"

void log_event(LogLevel level, std::string_view event, const nlohmann::json& fields = {});
// Audit lines (account_created, account_deleted, password_changed, login_failed, admin
// actions): always written, with "audit": true.
void log_audit(std::string_view action, const nlohmann::json& fields);

}  // namespace galaxy::server
