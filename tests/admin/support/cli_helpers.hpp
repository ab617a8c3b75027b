// Helpers of the galaxy-admin suites: an environment of chosen variables, a run of
// run_admin_cli with captured streams, and a temporary folder for config and password files.
#pragma once

#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "galaxy/admin/cli.hpp"

namespace galaxy::admin::test {

// An environment made of the given variables only (no HOME: no default config file).
inline EnvLookup env_of(std::map<std::string, std::string> variables = {}) {
    return
        [variables = std::move(variables)](const std::string& name) -> std::optional<std::string> {
            const auto it = variables.find(name);
            if (it == variables.end()) return std::nullopt;
            return it->second;
        };
}

// What one run printed and returned.
struct CliRun {
    int exit_code = -1;
    std::string out;
    std::string err;

    nlohmann::json json() const { return nlohmann::json::parse(out, nullptr, false); }
};

// Runs galaxy-admin's entry point with stdin_text as standard input.
inline CliRun run_cli(const std::vector<std::string>& args, const EnvLookup& env = env_of(),
                      const std::string& stdin_text = {}) {
    std::istringstream in(stdin_text);
    std::ostringstream out;
    std::ostringstream err;
    CliRun run;
    run.exit_code = run_admin_cli(args, env, in, out, err);
    run.out = out.str();
    run.err = err.str();
    return run;
}

// A temporary folder removed on destruction.
class TempFolder {
public:
    explicit TempFolder(const std::string& tag) {
        static std::atomic<int> counter{0};
        path_ = std::filesystem::temp_directory_path() /
                ("galaxy_admin_" + tag + "_" + std::to_string(::getpid()) + "_" +
                 std::to_string(counter++));
        std::filesystem::remove_all(path_);
        std::filesystem::create_directories(path_);
    }
    ~TempFolder() {
        std::error_code ec;
        std::filesystem::remove_all(path_, ec);
    }
    TempFolder(const TempFolder&) = delete;
    TempFolder& operator=(const TempFolder&) = delete;

    // Writes a file below the folder (parents created) and returns its path.
    std::string write(const std::string& relative, const std::string& text) const {
        const auto file = path_ / relative;
        std::filesystem::create_directories(file.parent_path());
        std::ofstream(file, std::ios::binary) << text;
        return file.string();
    }
    std::string path(const std::string& relative) const { return (path_ / relative).string(); }

private:
    std::filesystem::path path_;
};

}  // namespace galaxy::admin::test
