// Structured logging: each line is assembled in full, then written and flushed under one mutex.
#include "core/log.hpp"

#include <atomic>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <mutex>
#include <string>
#include <utility>

namespace galaxy::server {
namespace {

std::atomic<LogLevel> g_level{LogLevel::Info};
std::mutex g_mutex;  // protects g_sink and the order of lines on the output
LogSink g_sink;

// Invalid UTF-8 in a field (a client-supplied name, say) becomes U+FFFD instead of throwing.
std::string dump(const nlohmann::json& value) {
    return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// "2024-05-01T12:34:56.789Z"
std::string utc_timestamp() {
    const auto now = std::chrono::system_clock::now();
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch());
    const std::time_t seconds =
        std::chrono::system_clock::to_time_t(std::chrono::system_clock::time_point(
            std::chrono::duration_cast<std::chrono::seconds>(ms)));
    std::tm utc{};
    gmtime_r(&seconds, &utc);
    char text[64];
    std::snprintf(text, sizeof text, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", utc.tm_year + 1900,
                  utc.tm_mon + 1, utc.tm_mday, utc.tm_hour, utc.tm_min, utc.tm_sec,
                  static_cast<int>(ms.count() % 1000));
    return text;
}

bool is_reserved(const std::string& key) {
    return key == "ts" || key == "level" || key == "event" || key == "audit";
}

void write_line(LogLevel level, std::string_view event, bool audit, const nlohmann::json& fields) {
    // Built by hand rather than as a json object, which would sort the keys: "ts", "level" and
    // "event" come first so that a human scanning the log reads them first.
    std::string line = "{\"ts\":\"" + utc_timestamp() + "\",\"level\":\"" + log_level_name(level) +
                       "\",\"event\":" + dump(std::string(event));
    if (audit) line += ",\"audit\":true";
    if (fields.is_object()) {
        for (const auto& [key, value] : fields.items()) {
            const std::string name = is_reserved(key) ? "field_" + key : key;
            line += "," + dump(name) + ":" + dump(value);
        }
    } else if (!fields.is_null()) {
        line += ",\"detail\":" + dump(fields);
    }
    line += '}';

    const std::lock_guard<std::mutex> lock(g_mutex);
    if (g_sink) {
        g_sink(line);
        return;
    }
    line += '\n';
    std::fwrite(line.data(), 1, line.size(), stdout);
    std::fflush(stdout);
}

}  // namespace

void set_log_level(LogLevel level) { g_level.store(level); }

bool log_level_from_name(std::string_view name, LogLevel* out) {
    for (LogLevel level : {LogLevel::Debug, LogLevel::Info, LogLevel::Warn, LogLevel::Error}) {
        if (name == log_level_name(level)) {
            *out = level;
            return true;
        }
    }
    return false;
}

const char* log_level_name(LogLevel level) {
    switch (level) {
        case LogLevel::Debug:
            return "debug";
        case LogLevel::Info:
            return "info";
        case LogLevel::Warn:
            return "warn";
        case LogLevel::Error:
            return "error";
    }
    return "error";
}

void set_log_sink(LogSink sink) {
    const std::lock_guard<std::mutex> lock(g_mutex);
    g_sink = std::move(sink);
}

void log_event(LogLevel level, std::string_view event, const nlohmann::json& fields) {
    if (static_cast<int>(level) < static_cast<int>(g_level.load())) return;
    write_line(level, event, false, fields);
}

void log_audit(std::string_view action, const nlohmann::json& fields) {
    write_line(LogLevel::Info, action, true, fields);
}

}  // namespace galaxy::server
