// Reading and validating ServerConfig from the environment and an optional JSON file.
//
// Every value goes through one of the readers of Settings, which parse the whole string
// strictly and append one error line per bad value; parsing continues after an error so the
// operator sees every mistake at once.
#include "core/config.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <string_view>
#include <system_error>
#include <utility>

#include <nlohmann/json.hpp>

#include "core/log.hpp"

namespace galaxy::server {
namespace {

constexpr const char* kConfigFile = "GALAXY_CONFIG_FILE";
constexpr const char* kJwtSecret = "GALAXY_JWT_SECRET";
constexpr const char* kJwtSecretFile = "GALAXY_JWT_SECRET_FILE";
constexpr const char* kAdminPassword = "GALAXY_ADMIN_PASSWORD";
constexpr const char* kAdminPasswordFile = "GALAXY_ADMIN_PASSWORD_FILE";
// Equals kMinJwtSecretBytes (auth/jwt.hpp), restated because core does not depend on auth.
constexpr std::size_t kMinSecretBytes = 32;

// Every name a config file may hold (GALAXY_CONFIG_FILE itself only comes from the environment).
constexpr const char* kFileKeys[] = {
    "GALAXY_BIND",
    "GALAXY_PORT",
    "GALAXY_IO_THREADS",
    "GALAXY_DATABASE_URL",
    kJwtSecret,
    kJwtSecretFile,
    "GALAXY_ADMIN_USERNAME",
    kAdminPassword,
    kAdminPasswordFile,
    "GALAXY_WEB_ROOT",
    "GALAXY_TICK_RATE_HZ",
    "GALAXY_TIME_SCALE",
    "GALAXY_TIME_SYNC",
    "GALAXY_EPOCH",
    "GALAXY_SNAPSHOT_INTERVAL_S",
    "GALAXY_HASH_INTERVAL_TICKS",
    "GALAXY_MAX_CATCH_UP_TICKS",
    "GALAXY_REGISTRATION_OPEN",
    "GALAXY_ALLOWED_ORIGINS",
    "GALAXY_MAX_CONNECTIONS_PER_IP",
    "GALAXY_IDLE_TIMEOUT_S",
    "GALAXY_MAX_SEND_QUEUE_BYTES",
    "GALAXY_LOGIN_ATTEMPTS_PER_IP",
    "GALAXY_LOGIN_ATTEMPTS_PER_USER",
    "GALAXY_ARGON2_OPSLIMIT",
    "GALAXY_ARGON2_MEMLIMIT_BYTES",
    "GALAXY_MAX_JOURNAL_BACKLOG",
    "GALAXY_LOG_LEVEL",
};

// A raw value and where it came from (named in error lines so the operator knows what to fix).
struct Source {
    std::string value;
    bool from_file = false;
};

std::string format_bound(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%g", value);
    return text;
}

bool parse_integer(const std::string& text, long long* out) {
    const char* end = text.data() + text.size();
    auto [ptr, ec] = std::from_chars(text.data(), end, *out);
    return !text.empty() && ec == std::errc() && ptr == end;
}

bool parse_real(const std::string& text, double* out) {
    const char* end = text.data() + text.size();
    auto [ptr, ec] = std::from_chars(text.data(), end, *out, std::chars_format::general);
    // from_chars accepts "inf" and "nan"; no setting means either.
    return !text.empty() && ec == std::errc() && ptr == end && std::isfinite(*out);
}

bool parse_bool(const std::string& text, bool* out) {
    static const std::map<std::string, bool, std::less<>> kWords = {
        {"true", true},   {"1", true},  {"yes", true}, {"on", true},
        {"false", false}, {"0", false}, {"no", false}, {"off", false},
    };
    auto it = kWords.find(text);
    if (it == kWords.end()) return false;
    *out = it->second;
    return true;
}

// An origin as browsers send it: http(s)://host[:port], lowercase, nothing after the
// authority. The gateway compares origins exactly, so anything else could never match.
bool is_origin(std::string_view text) {
    std::string_view rest;
    if (text.substr(0, 7) == "http://") {
        rest = text.substr(7);
    } else if (text.substr(0, 8) == "https://") {
        rest = text.substr(8);
    } else {
        return false;
    }
    if (rest.empty()) return false;
    for (char c : rest) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-' ||
                        c == ':' || c == '[' || c == ']';
        if (!ok) return false;
    }
    return true;
}

// The whole file; false if it cannot be read.
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

std::string_view trim(std::string_view text) {
    const auto first = text.find_first_not_of(" \t");
    if (first == std::string_view::npos) return {};
    const auto last = text.find_last_not_of(" \t");
    return text.substr(first, last - first + 1);
}

// The merged view of the file and the environment, and the error list.
class Settings {
public:
    Settings(const EnvLookup& env, std::vector<std::string>* errors) : env_(env), errors_(errors) {}

    // Loads the file's keys; env lookups made later take precedence over them.
    void load_file(const std::string& path) {
        std::string text;
        if (!read_file(path, &text)) {
            errors_->push_back(std::string(kConfigFile) + ": cannot read file '" + path + "'");
            return;
        }
        const nlohmann::json doc = nlohmann::json::parse(text, nullptr, false);
        if (doc.is_discarded() || !doc.is_object()) {
            errors_->push_back(std::string(kConfigFile) + ": '" + path + "' is not a JSON object");
            return;
        }
        for (const auto& [key, value] : doc.items()) {
            if (!is_file_key(key)) {
                errors_->push_back(key + ": unknown key in config file '" + path + "'");
                continue;
            }
            if (value.is_string()) {
                file_[key] = value.get<std::string>();
            } else if (value.is_boolean()) {
                file_[key] = value.get<bool>() ? "true" : "false";
            } else if (value.is_number()) {
                file_[key] = value.dump();  // shortest text that reads back to the same number
            } else {
                errors_->push_back(key + ": must be a string, number or boolean in config file '" +
                                   path + "'");
            }
        }
    }

    std::optional<Source> get(const std::string& name) const {
        if (auto value = env_(name)) return Source{*value, false};
        if (auto it = file_.find(name); it != file_.end()) return Source{it->second, true};
        return std::nullopt;
    }
    std::optional<std::string> from_env(const std::string& name) const { return env_(name); }
    std::optional<std::string> from_file(const std::string& name) const {
        if (auto it = file_.find(name); it != file_.end()) return it->second;
        return std::nullopt;
    }

    void fail(const std::string& name, const std::string& rule) {
        errors_->push_back(name + ": " + rule);
    }
    void fail(const std::string& name, const std::string& rule, const Source& source) {
        errors_->push_back(name + ": " + rule + ", got '" + source.value + "'" +
                           (source.from_file ? " (config file)" : ""));
    }

    template <typename T>
    void integer(const std::string& name, long long lo, long long hi, T* out) {
        auto source = get(name);
        if (!source) return;
        long long value = 0;
        if (!parse_integer(source->value, &value) || value < lo || value > hi) {
            fail(name, "must be an integer " + std::to_string(lo) + ".." + std::to_string(hi),
                 *source);
            return;
        }
        *out = static_cast<T>(value);
    }

    void real(const std::string& name, double lo, double hi, double* out) {
        auto source = get(name);
        if (!source) return;
        double value = 0.0;
        if (!parse_real(source->value, &value) || value < lo || value > hi) {
            fail(name, "must be a number " + format_bound(lo) + ".." + format_bound(hi), *source);
            return;
        }
        *out = value;
    }

    void boolean(const std::string& name, bool* out) {
        auto source = get(name);
        if (!source) return;
        if (!parse_bool(source->value, out)) {
            fail(name, "must be true/false/1/0/yes/no/on/off", *source);
        }
    }

    void text(const std::string& name, std::string* out) {
        auto source = get(name);
        if (!source) return;
        if (source->value.empty()) {
            fail(name, "must not be empty");
            return;
        }
        *out = source->value;
    }

private:
    static bool is_file_key(const std::string& key) {
        for (const char* known : kFileKeys) {
            if (key == known) return true;
        }
        return false;
    }

    const EnvLookup& env_;
    std::vector<std::string>* errors_;
    std::map<std::string, std::string> file_;
};

// A secret given inline or as a file (name and name_FILE): the pair is one setting, so the
// environment's choice replaces the file's as a whole (GALAXY_JWT_SECRET in the environment
// overrides GALAXY_JWT_SECRET_FILE in the file). Unset and not required: *out is left as is.
void read_secret(Settings& settings, const char* inline_name, const char* file_name,
                 std::size_t min_bytes, bool required, std::string* out) {
    std::optional<std::string> inline_secret = settings.from_env(inline_name);
    std::optional<std::string> secret_path = settings.from_env(file_name);
    if (!inline_secret && !secret_path) {
        inline_secret = settings.from_file(inline_name);
        secret_path = settings.from_file(file_name);
    }
    const std::string both = std::string(inline_name) + " / " + file_name;
    if (inline_secret && secret_path) {
        settings.fail(both, "set exactly one, not both");
        return;
    }
    if (!inline_secret && !secret_path) {
        if (required) settings.fail(both, "one is required");
        return;
    }
    std::string secret;
    const char* name = inline_name;
    if (inline_secret) {
        secret = *inline_secret;
    } else {
        name = file_name;
        if (!read_file(*secret_path, &secret)) {
            settings.fail(name, "cannot read file '" + *secret_path + "'");
            return;
        }
        // Editors and `echo` end files with a newline that is not part of the secret.
        while (!secret.empty() && (secret.back() == '\n' || secret.back() == '\r')) {
            secret.pop_back();
        }
    }
    if (secret.size() < min_bytes) {
        settings.fail(name, "the secret must be at least " + std::to_string(min_bytes) +
                                " bytes, got " + std::to_string(secret.size()) + " bytes");
        return;
    }
    *out = std::move(secret);
}

void read_origins(Settings& settings, std::vector<std::string>* out) {
    const std::string name = "GALAXY_ALLOWED_ORIGINS";
    auto source = settings.get(name);
    if (!source) return;
    std::vector<std::string> origins;
    std::string_view rest = source->value;
    while (!trim(rest).empty()) {
        const auto comma = rest.find(',');
        const std::string_view item = trim(rest.substr(0, comma));
        if (!is_origin(item)) {
            settings.fail(name,
                          "must be a comma list of lowercase http(s)://host[:port] without a path",
                          *source);
            return;
        }
        origins.emplace_back(item);
        if (comma == std::string_view::npos) break;
        rest.remove_prefix(comma + 1);
    }
    *out = std::move(origins);
}

}  // namespace

EnvLookup process_environment() {
    return [](const std::string& name) -> std::optional<std::string> {
        const char* value = std::getenv(name.c_str());
        if (value == nullptr) return std::nullopt;
        return std::string(value);
    };
}

bool load_config(const EnvLookup& env, ServerConfig* out, std::vector<std::string>* errors) {
    const std::size_t errors_before = errors->size();
    Settings settings(env, errors);
    if (auto path = env(kConfigFile)) settings.load_file(*path);

    settings.text("GALAXY_BIND", &out->bind_address);
    settings.integer("GALAXY_PORT", 1, 65535, &out->port);
    settings.integer("GALAXY_IO_THREADS", 1, 64, &out->io_threads);
    if (auto url = settings.get("GALAXY_DATABASE_URL"); url && !url->value.empty()) {
        out->database_url = url->value;
    } else {
        // Never echoed: the URL usually holds the database password.
        settings.fail("GALAXY_DATABASE_URL", "required, must not be empty");
    }
    read_secret(settings, kJwtSecret, kJwtSecretFile, kMinSecretBytes, true, &out->jwt_secret);
    settings.text("GALAXY_ADMIN_USERNAME", &out->admin_username);
    read_secret(settings, kAdminPassword, kAdminPasswordFile, kMinAdminPasswordBytes, false,
                &out->admin_password);
    settings.text("GALAXY_WEB_ROOT", &out->web_root);
    settings.real("GALAXY_TICK_RATE_HZ", 0.1, 60.0, &out->tick_rate_hz);
    settings.real("GALAXY_TIME_SCALE", 0.1, 100000.0, &out->time_scale);
    settings.boolean("GALAXY_TIME_SYNC", &out->time_sync);
    if (auto epoch = settings.get("GALAXY_EPOCH")) {
        if (epoch->value == "j2000") {
            out->epoch = EpochKind::J2000;
        } else if (epoch->value == "now") {
            out->epoch = EpochKind::Now;
        } else {
            settings.fail("GALAXY_EPOCH", "must be j2000 or now", *epoch);
        }
    }
    settings.real("GALAXY_SNAPSHOT_INTERVAL_S", 1.0, 86400.0, &out->snapshot_interval_s);
    settings.integer("GALAXY_HASH_INTERVAL_TICKS", 1, 10000, &out->hash_interval_ticks);
    settings.integer("GALAXY_MAX_CATCH_UP_TICKS", 1, 10000, &out->max_catch_up_ticks);
    settings.boolean("GALAXY_REGISTRATION_OPEN", &out->registration_open);
    read_origins(settings, &out->allowed_origins);
    settings.integer("GALAXY_MAX_CONNECTIONS_PER_IP", 1, 100000, &out->max_connections_per_ip);
    settings.real("GALAXY_IDLE_TIMEOUT_S", 5.0, 3600.0, &out->idle_timeout_s);
    settings.integer("GALAXY_MAX_SEND_QUEUE_BYTES", 64LL << 10, 64LL << 20,
                     &out->max_send_queue_bytes);
    settings.integer("GALAXY_LOGIN_ATTEMPTS_PER_IP", 1, 100000, &out->login_attempts_per_ip);
    settings.integer("GALAXY_LOGIN_ATTEMPTS_PER_USER", 1, 100000, &out->login_attempts_per_user);
    settings.integer("GALAXY_ARGON2_OPSLIMIT", 1, 10, &out->argon2_opslimit);
    settings.integer("GALAXY_ARGON2_MEMLIMIT_BYTES", 8LL << 10, 1LL << 30,
                     &out->argon2_memlimit_bytes);
    settings.integer("GALAXY_MAX_JOURNAL_BACKLOG", 10, 10000000, &out->max_journal_backlog);
    if (auto level = settings.get("GALAXY_LOG_LEVEL")) {
        LogLevel parsed = LogLevel::Info;
        if (log_level_from_name(level->value, &parsed)) {
            out->log_level = level->value;
        } else {
            settings.fail("GALAXY_LOG_LEVEL", "must be debug, info, warn or error", *level);
        }
    }
    return errors->size() == errors_before;
}

}  // namespace galaxy::server
