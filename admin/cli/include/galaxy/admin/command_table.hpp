// Every galaxy-admin command and option: names, arguments and help texts. The argument parser
// and the help output both read this table, so a command's help cannot drift from what it
// accepts.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace galaxy::admin {

// One --option.
struct OptionSpec {
    std::string_view name;        // without the dashes: "limit"
    std::string_view value_name;  // "N" for "--limit N"; empty for a flag
    std::string_view help;        // one line
    bool required = false;        // the command refuses to run without it
};

// One command, e.g. "players list".
struct CommandSpec {
    std::string_view name;       // its words, space separated: "players list"
    std::string_view arguments;  // synopsis of the positional arguments: "<id>"
    std::size_t argument_count;  // exact number of positional arguments
    std::vector<OptionSpec> options;
    std::string_view summary;      // one line for the command list
    std::string_view description;  // the paragraph of its --help
};

const std::vector<CommandSpec>& command_table();         // in the order of galaxy-admin --help
const std::vector<OptionSpec>& global_options();         // options every command takes
const CommandSpec* find_command(std::string_view name);  // null when unknown
bool is_command_group(std::string_view word);  // "players", "set", ...: first of two words
// The option of that name among options, or null.
const OptionSpec* find_option(const std::vector<OptionSpec>& options, std::string_view name);

}  // namespace galaxy::admin
