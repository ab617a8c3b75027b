// galaxy-admin's command line: global options, the command words, its arguments and options.
// Options may come anywhere; an option both global and the command's (--password-file of
// players reset-password) is the command's after the command words and global before them.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "galaxy/admin/command_table.hpp"

namespace galaxy::admin {

// The options every command takes; unset ones fall back to the environment and config file.
struct GlobalOptions {
    std::optional<std::string> url;            // --url: server base URL
    std::optional<std::string> user;           // --user: admin name
    std::optional<std::string> password_file;  // --password-file: file holding the admin password
    std::optional<std::string> config;         // --config: settings file
    bool json = false;                         // --json: print the server's answer as JSON
    bool help = false;                         // --help or -h
    bool version = false;                      // --version
};

// A parsed command line. error non-empty: a usage error (exit 1) described by it.
struct ParsedArgs {
    GlobalOptions global;
    const CommandSpec* command = nullptr;        // null: no command, or only a group word
    std::string group;                           // "players" for "galaxy-admin players [--help]"
    std::vector<std::string> arguments;          // positional arguments after the command words
    std::map<std::string, std::string> options;  // the command's options given; "" for flags
    std::string error;                           // the usage error, one line

    bool has_option(const std::string& name) const { return options.count(name) != 0; }
    std::string help_hint() const;  // "see galaxy-admin players list --help"
};

ParsedArgs parse_args(const std::vector<std::string>& args);

// A finite decimal number ("12", "-0.5", "1e3"); std::nullopt for anything else.
std::optional<double> parse_number(std::string_view text);
// A whole number in min..max ("42"); std::nullopt for anything else.
std::optional<std::int64_t> parse_integer(std::string_view text, std::int64_t min,
                                          std::int64_t max);

}  // namespace galaxy::admin
