// galaxy-admin's entry point as a library function: tests run every command through
// run_admin_cli with their own environment and streams; main() passes the process's.
#pragma once

#include <functional>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

namespace galaxy::admin {

// Exit codes of galaxy-admin (docs/admin-cli.md).
inline constexpr int kExitOk = 0;      // the command did what it says
inline constexpr int kExitUsage = 1;   // bad arguments or config file, or a confirmation refused
inline constexpr int kExitAuth = 2;    // no credentials, or the server answered 401
inline constexpr int kExitServer = 3;  // no connection, a timeout, or any other 4xx/5xx answer

// Reads an environment variable; std::nullopt when unset. Tests pass their own.
using EnvLookup = std::function<std::optional<std::string>(const std::string& name)>;
EnvLookup process_environment();  // the real environment (getenv)

// Runs galaxy-admin with args (without the program name). Reads confirmations and new
// passwords from in, writes results to out and diagnostics to err; returns the exit code.
int run_admin_cli(const std::vector<std::string>& args, const EnvLookup& env, std::istream& in,
                  std::ostream& out, std::ostream& err);

}  // namespace galaxy::admin
