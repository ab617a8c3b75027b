// galaxy-server: reads the configuration from the environment (docs/server.md), then runs the
// server until SIGINT or SIGTERM. Exit codes: 0 clean shutdown, 1 start-up failed (address in
// use, migrations), 2 bad configuration.
#include <iostream>
#include <string>
#include <utility>
#include <vector>

#include "core/config.hpp"
#include "core/log.hpp"
#include "net/server_app.hpp"

int main() {
    using namespace galaxy::server;
    ServerConfig config;
    std::vector<std::string> errors;
    if (!load_config(process_environment(), &config, &errors)) {
        for (const std::string& error : errors) std::cerr << "galaxy-server: " << error << '\n';
        return 2;
    }
    LogLevel level = LogLevel::Info;
    if (log_level_from_name(config.log_level, &level)) set_log_level(level);
    ServerApp app(std::move(config));
    return app.run();
}
