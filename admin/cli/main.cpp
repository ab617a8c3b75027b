// galaxy-admin: the admin command-line tool (docs/admin-cli.md). Everything is in the
// galaxy_admin_cli library; this only passes the process's arguments, environment and streams.
#include <iostream>
#include <string>
#include <vector>

#include "galaxy/admin/cli.hpp"

int main(int argc, char** argv) {
    const std::vector<std::string> args(argv + 1, argv + argc);
    return galaxy::admin::run_admin_cli(args, galaxy::admin::process_environment(), std::cin,
                                        std::cout, std::cerr);
}
