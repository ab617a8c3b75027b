// Where galaxy-admin connects and as whom: flags win over the environment (GALAXY_ADMIN_URL,
// GALAXY_ADMIN_USER, GALAXY_ADMIN_PASSWORD, GALAXY_ADMIN_PASSWORD_FILE), which wins over the
// config file (--config, else $GALAXY_ADMIN_CONFIG, else $HOME/.config/galaxy/admin.json when
// it exists). The config file holds {"url", "user", "password_file"} and never a password.
#pragma once

#include <string>

#include "galaxy/admin/args.hpp"
#include "galaxy/admin/cli.hpp"

namespace galaxy::admin {

inline constexpr char kDefaultUrl[] = "http://localhost:8000";  // make run's server
inline constexpr char kDefaultUser[] = "admin";                 // the server's bootstrap admin

// The resolved connection settings.
struct Settings {
    std::string url = kDefaultUrl;
    std::string user = kDefaultUser;
    std::string password;  // the admin's password (never printed)
};

// resolve_settings' answer: exit_code kExitOk with settings, or the exit code (kExitUsage for
// a bad config or unreadable password file, kExitAuth when no password is given anywhere)
// and a one-line error.
struct SettingsResult {
    int exit_code = kExitOk;
    std::string error;
    Settings settings;
};

SettingsResult resolve_settings(const GlobalOptions& flags, const EnvLookup& env);

// The file's contents without trailing line breaks; false with *error when it cannot be read.
bool read_secret_file(const std::string& path, std::string* secret, std::string* error);

}  // namespace galaxy::admin
