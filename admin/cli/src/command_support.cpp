#include "command_support.hpp"

#include <termios.h>
#include <unistd.h>

#include <cctype>
#include <cstdio>
#include <iostream>
#include <set>

#include "galaxy/admin/format.hpp"

namespace galaxy::admin {
namespace {

// Commands whose one argument is an id.
const std::set<std::string> kIdCommands = {"snapshots restore", "players reset-password",
                                           "players delete", "players disconnect",
                                           "stations remove"};

// Turns the terminal's echo off while it lives (when standard input is a terminal).
class EchoOff {
public:
    EchoOff() {
        if (::isatty(STDIN_FILENO) == 1 && ::tcgetattr(STDIN_FILENO, &saved_) == 0) {
            termios quiet = saved_;
            quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
            active_ = ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet) == 0;
        }
    }
    ~EchoOff() {
        if (active_) ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved_);
    }
    EchoOff(const EchoOff&) = delete;
    EchoOff& operator=(const EchoOff&) = delete;
    bool active() const { return active_; }

private:
    termios saved_{};
    bool active_ = false;
};

std::string url_encode(const std::string& text) {
    std::string encoded;
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (std::isalnum(byte) != 0 || c == '-' || c == '_' || c == '.' || c == '~') {
            encoded += c;
        } else {
            char hex[4];
            std::snprintf(hex, sizeof hex, "%%%02X", static_cast<unsigned>(byte));
            encoded += hex;
        }
    }
    return encoded;
}

}  // namespace

double json_number(const nlohmann::json& object, const char* key, double fallback) {
    if (!object.is_object() || !object.contains(key) || !object[key].is_number()) return fallback;
    return object[key].get<double>();
}

std::string json_text(const nlohmann::json& object, const char* key, const std::string& fallback) {
    if (!object.is_object() || !object.contains(key) || !object[key].is_string()) return fallback;
    return object[key].get<std::string>();
}

bool json_bool(const nlohmann::json& object, const char* key, bool fallback) {
    if (!object.is_object() || !object.contains(key) || !object[key].is_boolean()) return fallback;
    return object[key].get<bool>();
}

std::string json_number_text(const nlohmann::json& object, const char* key, int decimals) {
    if (!object.is_object() || !object.contains(key)) return "-";
    const nlohmann::json& value = object[key];
    if (value.is_number_integer()) return value.dump();
    if (value.is_number()) return format_number(value.get<double>(), decimals);
    return "-";
}

const nlohmann::json& json_member(const nlohmann::json& object, const char* key) {
    static const nlohmann::json kNull;
    if (!object.is_object() || !object.contains(key)) return kNull;
    return object[key];
}

const nlohmann::json& json_array(const nlohmann::json& object, const char* key) {
    static const nlohmann::json kEmpty = nlohmann::json::array();
    if (!object.is_object() || !object.contains(key) || !object[key].is_array()) return kEmpty;
    return object[key];
}

std::string validate_arguments(const ParsedArgs& args) {
    const std::string name(args.command->name);
    const auto option = [&](const char* key) {
        const auto it = args.options.find(key);
        return it == args.options.end() ? nullptr : &it->second;
    };
    if (kIdCommands.count(name) != 0 && !parse_integer(args.arguments[0], 1, kMaxId)) {
        return "the id must be a positive whole number (got '" + args.arguments[0] + "')";
    }
    if ((name == "set tick-rate" || name == "set time-scale") && !parse_number(args.arguments[0])) {
        return name + " needs a number (got '" + args.arguments[0] + "')";
    }
    if (name == "set time-sync" && args.arguments[0] != "on" && args.arguments[0] != "off") {
        return "set time-sync takes on or off (got '" + args.arguments[0] + "')";
    }
    if (name == "set registrations" && args.arguments[0] != "open" &&
        args.arguments[0] != "closed") {
        return "set registrations takes open or closed (got '" + args.arguments[0] + "')";
    }
    for (const char* key : {"limit", "offset"}) {
        if (const std::string* value = option(key); value && !parse_integer(*value, 0, kMaxId)) {
            return std::string("--") + key + " needs a whole number (got '" + *value + "')";
        }
    }
    for (const char* key : {"altitude-km", "inclination-deg"}) {
        if (const std::string* value = option(key); value && !parse_number(*value)) {
            return std::string("--") + key + " needs a number (got '" + *value + "')";
        }
    }
    return {};
}

std::string id_argument(const CommandContext& ctx) {
    return std::to_string(*parse_integer(ctx.args.arguments[0], 1, kMaxId));
}

void print_json_if_asked(CommandContext& ctx, const ApiResponse& response) {
    if (ctx.args.global.json) ctx.out << response.body.dump(2) << "\n";
}

bool read_input_line(std::istream& in, bool secret, std::string* line) {
    bool ok = false;
    if (secret && &in == &std::cin) {
        const EchoOff echo_off;
        ok = static_cast<bool>(std::getline(in, *line));
        // The Enter the user typed was not echoed either.
        if (echo_off.active()) std::cerr << "\n";
    } else {
        ok = static_cast<bool>(std::getline(in, *line));
    }
    if (ok && !line->empty() && line->back() == '\r') line->pop_back();
    return ok;
}

std::string with_query(const std::string& target,
                       const std::vector<std::pair<std::string, std::string>>& parameters) {
    std::string path = target;
    char separator = '?';
    for (const auto& [key, value] : parameters) {
        if (value.empty()) continue;
        path += separator + key + "=" + url_encode(value);
        separator = '&';
    }
    return path;
}

}  // namespace galaxy::admin
