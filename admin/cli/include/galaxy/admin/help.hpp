// galaxy-admin's help texts, made from the command table.
#pragma once

#include <string>
#include <string_view>

#include "galaxy/admin/command_table.hpp"

namespace galaxy::admin {

std::string main_help();                               // galaxy-admin --help: every command
std::string group_help(std::string_view group);        // galaxy-admin players --help
std::string command_help(const CommandSpec& command);  // galaxy-admin players list --help
std::string version_text();                            // "galaxy-admin 0.1.0\n"

}  // namespace galaxy::admin
