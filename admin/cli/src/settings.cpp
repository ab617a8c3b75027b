#include "galaxy/admin/settings.hpp"

#include <filesystem>
#include <fstream>
#include <optional>

#include <nlohmann/json.hpp>

namespace galaxy::admin {
namespace {

// The whole file (istreambuf_iterator trips g++ 12's -Wnull-dereference); false if unreadable.
bool read_file(const std::string& path, std::string* out) {
    std::ifstream stream(path, std::ios::binary);
    if (!stream) return false;
    out->clear();
    char chunk[4096];
    while (stream.read(chunk, sizeof chunk) || stream.gcount() > 0) {
        out->append(chunk, static_cast<std::size_t>(stream.gcount()));
    }
    return !stream.bad();
}

// The config file's settings; empty strings are unset.
struct FileSettings {
    std::string url;
    std::string user;
    std::string password_file;  // relative paths resolved against the file's folder
};

std::optional<std::string> non_empty(const EnvLookup& env, const std::string& name) {
    std::optional<std::string> value = env(name);
    if (value && value->empty()) return std::nullopt;
    return value;
}

// Reads the config file; false with *error. A missing file is an error only when named
// (required): the default location is optional.
bool read_config_file(const std::string& path, bool required, FileSettings* out,
                      std::string* error) {
    std::error_code ec;
    if (!required && !std::filesystem::exists(path, ec)) return true;
    std::string text;
    if (!read_file(path, &text)) {
        *error = "cannot read the config file " + path;
        return false;
    }
    const nlohmann::json json = nlohmann::json::parse(text, nullptr, false);
    if (!json.is_object()) {
        *error = "config file " + path + ": not a JSON object";
        return false;
    }
    for (const auto& [key, value] : json.items()) {
        if (key == "password") {
            *error = "config file " + path +
                     ": a password may not be stored in it; name a file with password_file";
            return false;
        }
        std::string* target = key == "url"             ? &out->url
                              : key == "user"          ? &out->user
                              : key == "password_file" ? &out->password_file
                                                       : nullptr;
        if (target == nullptr) {
            *error = "config file " + path + ": unknown key \"" + key +
                     "\" (known: url, user, password_file)";
            return false;
        }
        if (!value.is_string() || value.get<std::string>().empty()) {
            *error = "config file " + path + ": \"" + key + "\" must be a non-empty string";
            return false;
        }
        *target = value.get<std::string>();
    }
    if (!out->password_file.empty()) {
        const std::filesystem::path file_path(out->password_file);
        if (file_path.is_relative()) {
            out->password_file =
                (std::filesystem::path(path).parent_path() / file_path).lexically_normal().string();
        }
    }
    return true;
}

}  // namespace

bool read_secret_file(const std::string& path, std::string* secret, std::string* error) {
    std::string text;
    if (!read_file(path, &text)) {
        *error = "cannot read the password file " + path;
        return false;
    }
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
    *secret = std::move(text);
    return true;
}

SettingsResult resolve_settings(const GlobalOptions& flags, const EnvLookup& env) {
    SettingsResult result;
    FileSettings file;
    std::string config_path;
    bool config_required = true;
    if (flags.config) {
        config_path = *flags.config;
    } else if (const auto from_env = non_empty(env, "GALAXY_ADMIN_CONFIG")) {
        config_path = *from_env;
    } else if (const auto home = non_empty(env, "HOME")) {
        config_path = *home + "/.config/galaxy/admin.json";
        config_required = false;
    }
    if (!config_path.empty() &&
        !read_config_file(config_path, config_required, &file, &result.error)) {
        result.exit_code = kExitUsage;
        return result;
    }

    Settings& settings = result.settings;
    if (flags.url) {
        settings.url = *flags.url;
    } else if (const auto url = non_empty(env, "GALAXY_ADMIN_URL")) {
        settings.url = *url;
    } else if (!file.url.empty()) {
        settings.url = file.url;
    }
    if (flags.user) {
        settings.user = *flags.user;
    } else if (const auto user = non_empty(env, "GALAXY_ADMIN_USER")) {
        settings.user = *user;
    } else if (!file.user.empty()) {
        settings.user = file.user;
    }

    std::optional<std::string> password_file;
    if (flags.password_file) {
        password_file = *flags.password_file;
    } else if (const auto password = non_empty(env, "GALAXY_ADMIN_PASSWORD")) {
        settings.password = *password;
    } else if (const auto from_env = non_empty(env, "GALAXY_ADMIN_PASSWORD_FILE")) {
        password_file = *from_env;
    } else if (!file.password_file.empty()) {
        password_file = file.password_file;
    }
    if (password_file && !read_secret_file(*password_file, &settings.password, &result.error)) {
        result.exit_code = kExitUsage;
        return result;
    }
    if (settings.password.empty()) {
        result.exit_code = kExitAuth;
        result.error = password_file
                           ? "the password file " + *password_file + " is empty"
                           : "no admin password: use --password-file, GALAXY_ADMIN_PASSWORD, "
                             "GALAXY_ADMIN_PASSWORD_FILE or password_file in the config file";
    }
    return result;
}

}  // namespace galaxy::admin
