#include "galaxy/admin/help.hpp"

#include <algorithm>

#ifndef GALAXY_ADMIN_VERSION
#error "the build defines GALAXY_ADMIN_VERSION (the project's version)"
#endif

namespace galaxy::admin {
namespace {

std::string synopsis(const CommandSpec& command) {
    std::string text(command.name);
    if (!command.arguments.empty()) text += " " + std::string(command.arguments);
    return text;
}

std::string option_synopsis(const OptionSpec& option) {
    std::string text = "--" + std::string(option.name);
    if (!option.value_name.empty()) text += " " + std::string(option.value_name);
    return text;
}

// Two columns: the left ones padded to the widest.
std::string columns(const std::vector<std::pair<std::string, std::string>>& rows) {
    std::size_t width = 0;
    for (const auto& row : rows) width = std::max(width, row.first.size());
    std::string text;
    for (const auto& [left, right] : rows) {
        text += "  " + left + std::string(width - left.size() + 3, ' ') + right + "\n";
    }
    return text;
}

std::string command_list(std::string_view group) {
    std::vector<std::pair<std::string, std::string>> rows;
    for (const CommandSpec& command : command_table()) {
        const std::string_view name = command.name;
        if (!group.empty() && name.rfind(std::string(group) + " ", 0) != 0) continue;
        rows.emplace_back(synopsis(command), std::string(command.summary));
    }
    return columns(rows);
}

constexpr char kFooter[] =
    "Settings: flags win over GALAXY_ADMIN_URL, GALAXY_ADMIN_USER, GALAXY_ADMIN_PASSWORD and\n"
    "GALAXY_ADMIN_PASSWORD_FILE, which win over the config file (--config, else\n"
    "$GALAXY_ADMIN_CONFIG, else ~/.config/galaxy/admin.json: {\"url\", \"user\",\n"
    "\"password_file\"}; it never holds a password).\n"
    "Only http:// is spoken: for a server in a cluster, run `kubectl port-forward` and point\n"
    "--url at the local port.\n"
    "Exit codes: 0 ok, 1 usage error, 2 authentication failed or no credentials, 3 server or\n"
    "connection error.\n";

}  // namespace

std::string main_help() {
    std::vector<std::pair<std::string, std::string>> options;
    for (const OptionSpec& option : global_options()) {
        options.emplace_back(option_synopsis(option), std::string(option.help));
    }
    return "galaxy-admin: run a Galaxy game server through its admin API (/api/admin/*).\n\n"
           "Usage: galaxy-admin [global options] <command> [arguments] [options]\n\n"
           "Commands:\n" +
           command_list({}) + "\nGlobal options:\n" + columns(options) + "\n" + kFooter +
           "\n'galaxy-admin <command> --help' describes a command.\n";
}

std::string group_help(std::string_view group) {
    return "Usage: galaxy-admin " + std::string(group) +
           " <command> [arguments] [options]\n\nCommands:\n" + command_list(group) +
           "\n'galaxy-admin " + std::string(group) + " <command> --help' describes a command.\n";
}

std::string command_help(const CommandSpec& command) {
    std::string usage = "Usage: galaxy-admin " + synopsis(command);
    for (const OptionSpec& option : command.options) {
        usage +=
            option.required ? " " + option_synopsis(option) : " [" + option_synopsis(option) + "]";
    }
    std::string text = usage + "\n\n" + std::string(command.description) + "\n";
    if (!command.options.empty()) {
        std::vector<std::pair<std::string, std::string>> rows;
        for (const OptionSpec& option : command.options) {
            rows.emplace_back(option_synopsis(option), std::string(option.help));
        }
        text += "\nOptions:\n" + columns(rows);
    }
    text +=
        "\nGlobal options (--url, --user, --password-file, --config, --json): see "
        "galaxy-admin --help.\n";
    return text;
}

std::string version_text() { return std::string("galaxy-admin ") + GALAXY_ADMIN_VERSION + "\n"; }

}  // namespace galaxy::admin
