// Server configuration: defaults, parsing of every variable, range errors, the config file and
// its precedence, and the JWT secret sources.
#include "core/config.hpp"

#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <unistd.h>

namespace galaxy::server {
namespace {

const std::string kSecret(40, 's');

using Vars = std::map<std::string, std::string>;

EnvLookup fake_env(Vars vars) {
    return [vars = std::move(vars)](const std::string& name) -> std::optional<std::string> {
        auto it = vars.find(name);
        if (it == vars.end()) return std::nullopt;
        return it->second;
    };
}

// The two required variables plus the given ones.
Vars required(Vars extra = {}) {
    Vars vars = {{"GALAXY_DATABASE_URL", "postgresql://galaxy:pw@localhost/galaxy"},
                 {"GALAXY_JWT_SECRET", kSecret}};
    for (auto& [key, value] : extra) vars[key] = value;
    return vars;
}

struct Loaded {
    bool ok = false;
    ServerConfig config;
    std::vector<std::string> errors;
};

Loaded load(const Vars& vars) {
    Loaded result;
    result.ok = load_config(fake_env(vars), &result.config, &result.errors);
    return result;
}

std::string joined(const std::vector<std::string>& errors) {
    std::string text;
    for (const auto& e : errors) text += e + "\n";
    return text;
}

// A file in the temp directory, removed at the end of the test.
class TempFile {
public:
    explicit TempFile(const std::string& contents) {
        static int counter = 0;
        path_ =
            (std::filesystem::temp_directory_path() /
             ("galaxy_config_test_" + std::to_string(getpid()) + "_" + std::to_string(counter++)))
                .string();
        std::ofstream(path_, std::ios::binary) << contents;
    }
    ~TempFile() { std::filesystem::remove(path_); }
    TempFile(const TempFile&) = delete;
    TempFile& operator=(const TempFile&) = delete;
    const std::string& path() const { return path_; }

private:
    std::string path_;
};

TEST(Config, OnlyRequiredVariablesGiveTheDocumentedDefaults) {
    const Loaded r = load(required());
    ASSERT_TRUE(r.ok) << joined(r.errors);
    EXPECT_EQ(r.config.bind_address, "0.0.0.0");
    EXPECT_EQ(r.config.port, 8000);
    EXPECT_EQ(r.config.io_threads, 2);
    EXPECT_EQ(r.config.database_url, "postgresql://galaxy:pw@localhost/galaxy");
    EXPECT_EQ(r.config.jwt_secret, kSecret);
    EXPECT_EQ(r.config.web_root, "web");
    EXPECT_EQ(r.config.tick_rate_hz, 10.0);
    EXPECT_EQ(r.config.time_scale, 1.0);
    EXPECT_FALSE(r.config.time_sync);
    EXPECT_EQ(r.config.epoch, EpochKind::J2000);
    EXPECT_EQ(r.config.snapshot_interval_s, 60.0);
    EXPECT_EQ(r.config.hash_interval_ticks, 10u);
    EXPECT_EQ(r.config.max_catch_up_ticks, 50u);
    EXPECT_TRUE(r.config.registration_open);
    EXPECT_TRUE(r.config.allowed_origins.empty());
    EXPECT_EQ(r.config.max_connections_per_ip, 20);
    EXPECT_EQ(r.config.idle_timeout_s, 30.0);
    EXPECT_EQ(r.config.max_send_queue_bytes, std::size_t{1} << 20);
    EXPECT_EQ(r.config.login_attempts_per_ip, 20);
    EXPECT_EQ(r.config.login_attempts_per_user, 5);
    EXPECT_EQ(r.config.argon2_opslimit, 2u);
    EXPECT_EQ(r.config.argon2_memlimit_bytes, std::size_t{67108864});
    EXPECT_EQ(r.config.max_journal_backlog, std::size_t{100000});
    EXPECT_EQ(r.config.log_level, "info");
}

TEST(Config, EveryVariableIsParsed) {
    const Loaded r = load(required({
        {"GALAXY_BIND", "127.0.0.1"},
        {"GALAXY_PORT", "65535"},
        {"GALAXY_IO_THREADS", "64"},
        {"GALAXY_WEB_ROOT", "/srv/galaxy/web"},
        {"GALAXY_TICK_RATE_HZ", "0.1"},
        {"GALAXY_TIME_SCALE", "1e5"},
        {"GALAXY_TIME_SYNC", "yes"},
        {"GALAXY_EPOCH", "now"},
        {"GALAXY_SNAPSHOT_INTERVAL_S", "86400"},
        {"GALAXY_HASH_INTERVAL_TICKS", "1"},
        {"GALAXY_MAX_CATCH_UP_TICKS", "10000"},
        {"GALAXY_REGISTRATION_OPEN", "off"},
        {"GALAXY_ALLOWED_ORIGINS", "https://galaxy.example, http://localhost:8000"},
        {"GALAXY_MAX_CONNECTIONS_PER_IP", "100000"},
        {"GALAXY_IDLE_TIMEOUT_S", "5"},
        {"GALAXY_MAX_SEND_QUEUE_BYTES", "65536"},
        {"GALAXY_LOGIN_ATTEMPTS_PER_IP", "100"},
        {"GALAXY_LOGIN_ATTEMPTS_PER_USER", "3"},
        {"GALAXY_ARGON2_OPSLIMIT", "10"},
        {"GALAXY_ARGON2_MEMLIMIT_BYTES", "8192"},
        {"GALAXY_MAX_JOURNAL_BACKLOG", "10000000"},
        {"GALAXY_LOG_LEVEL", "debug"},
    }));
    ASSERT_TRUE(r.ok) << joined(r.errors);
    EXPECT_EQ(r.config.bind_address, "127.0.0.1");
    EXPECT_EQ(r.config.port, 65535);
    EXPECT_EQ(r.config.io_threads, 64);
    EXPECT_EQ(r.config.web_root, "/srv/galaxy/web");
    EXPECT_EQ(r.config.tick_rate_hz, 0.1);
    EXPECT_EQ(r.config.time_scale, 100000.0);
    EXPECT_TRUE(r.config.time_sync);
    EXPECT_EQ(r.config.epoch, EpochKind::Now);
    EXPECT_EQ(r.config.snapshot_interval_s, 86400.0);
    EXPECT_EQ(r.config.hash_interval_ticks, 1u);
    EXPECT_EQ(r.config.max_catch_up_ticks, 10000u);
    EXPECT_FALSE(r.config.registration_open);
    EXPECT_EQ(r.config.allowed_origins,
              (std::vector<std::string>{"https://galaxy.example", "http://localhost:8000"}));
    EXPECT_EQ(r.config.max_connections_per_ip, 100000);
    EXPECT_EQ(r.config.idle_timeout_s, 5.0);
    EXPECT_EQ(r.config.max_send_queue_bytes, std::size_t{65536});
    EXPECT_EQ(r.config.login_attempts_per_ip, 100);
    EXPECT_EQ(r.config.login_attempts_per_user, 3);
    EXPECT_EQ(r.config.argon2_opslimit, 10u);
    EXPECT_EQ(r.config.argon2_memlimit_bytes, std::size_t{8192});
    EXPECT_EQ(r.config.max_journal_backlog, std::size_t{10000000});
    EXPECT_EQ(r.config.log_level, "debug");
}

TEST(Config, EpochJ2000IsAccepted) {
    const Loaded r = load(required({{"GALAXY_EPOCH", "j2000"}, {"GALAXY_LOG_LEVEL", "error"}}));
    ASSERT_TRUE(r.ok) << joined(r.errors);
    EXPECT_EQ(r.config.epoch, EpochKind::J2000);
    EXPECT_EQ(r.config.log_level, "error");
}

TEST(Config, EveryBooleanSpellingIsAccepted) {
    const std::map<std::string, bool> words = {{"true", true}, {"1", true},      {"yes", true},
                                               {"on", true},   {"false", false}, {"0", false},
                                               {"no", false},  {"off", false}};
    for (const auto& [word, expected] : words) {
        const Loaded r = load(required({{"GALAXY_TIME_SYNC", word}}));
        ASSERT_TRUE(r.ok) << word << ": " << joined(r.errors);
        EXPECT_EQ(r.config.time_sync, expected) << word;
    }
}

struct BadValue {
    const char* name;
    const char* value;
    const char* rule;  // expected in the error line
};

TEST(Config, EveryOutOfRangeOrMalformedValueIsOneErrorNamingVariableRuleAndValue) {
    const BadValue cases[] = {
        {"GALAXY_PORT", "0", "must be an integer 1..65535"},
        {"GALAXY_PORT", "65536", "must be an integer 1..65535"},
        {"GALAXY_PORT", "x", "must be an integer 1..65535"},
        {"GALAXY_PORT", "80x", "must be an integer 1..65535"},
        {"GALAXY_PORT", " 80", "must be an integer 1..65535"},
        {"GALAXY_PORT", "+80", "must be an integer 1..65535"},
        {"GALAXY_PORT", "80.0", "must be an integer 1..65535"},
        {"GALAXY_PORT", "", "must be an integer 1..65535"},
        {"GALAXY_IO_THREADS", "0", "must be an integer 1..64"},
        {"GALAXY_IO_THREADS", "65", "must be an integer 1..64"},
        {"GALAXY_TICK_RATE_HZ", "0.09", "must be a number 0.1..60"},
        {"GALAXY_TICK_RATE_HZ", "60.5", "must be a number 0.1..60"},
        {"GALAXY_TICK_RATE_HZ", "inf", "must be a number 0.1..60"},
        {"GALAXY_TICK_RATE_HZ", "nan", "must be a number 0.1..60"},
        {"GALAXY_TICK_RATE_HZ", "10hz", "must be a number 0.1..60"},
        {"GALAXY_TIME_SCALE", "0.05", "must be a number 0.1..100000"},
        {"GALAXY_TIME_SCALE", "100001", "must be a number 0.1..100000"},
        {"GALAXY_TIME_SYNC", "maybe", "must be true/false/1/0/yes/no/on/off"},
        {"GALAXY_TIME_SYNC", "TRUE", "must be true/false/1/0/yes/no/on/off"},
        {"GALAXY_EPOCH", "J2000", "must be j2000 or now"},
        {"GALAXY_SNAPSHOT_INTERVAL_S", "0.5", "must be a number 1..86400"},
        {"GALAXY_SNAPSHOT_INTERVAL_S", "86401", "must be a number 1..86400"},
        {"GALAXY_HASH_INTERVAL_TICKS", "0", "must be an integer 1..10000"},
        {"GALAXY_HASH_INTERVAL_TICKS", "10001", "must be an integer 1..10000"},
        {"GALAXY_MAX_CATCH_UP_TICKS", "0", "must be an integer 1..10000"},
        {"GALAXY_MAX_CATCH_UP_TICKS", "10001", "must be an integer 1..10000"},
        {"GALAXY_REGISTRATION_OPEN", "open", "must be true/false/1/0/yes/no/on/off"},
        {"GALAXY_ALLOWED_ORIGINS", "galaxy.example",
         "must be a comma list of lowercase http(s)://host"},
        {"GALAXY_ALLOWED_ORIGINS", "https://Galaxy.example", "must be a comma list"},
        {"GALAXY_ALLOWED_ORIGINS", "ftp://galaxy.example", "must be a comma list"},
        {"GALAXY_ALLOWED_ORIGINS", "https://galaxy.example/", "must be a comma list"},
        {"GALAXY_ALLOWED_ORIGINS", "https://a.example,,https://b.example", "must be a comma list"},
        {"GALAXY_MAX_CONNECTIONS_PER_IP", "0", "must be an integer 1..100000"},
        {"GALAXY_MAX_CONNECTIONS_PER_IP", "100001", "must be an integer 1..100000"},
        {"GALAXY_IDLE_TIMEOUT_S", "4.9", "must be a number 5..3600"},
        {"GALAXY_IDLE_TIMEOUT_S", "3601", "must be a number 5..3600"},
        {"GALAXY_MAX_SEND_QUEUE_BYTES", "65535", "must be an integer 65536..67108864"},
        {"GALAXY_MAX_SEND_QUEUE_BYTES", "67108865", "must be an integer 65536..67108864"},
        {"GALAXY_LOGIN_ATTEMPTS_PER_IP", "0", "must be an integer 1..100000"},
        {"GALAXY_LOGIN_ATTEMPTS_PER_IP", "100001", "must be an integer 1..100000"},
        {"GALAXY_LOGIN_ATTEMPTS_PER_USER", "0", "must be an integer 1..100000"},
        {"GALAXY_LOGIN_ATTEMPTS_PER_USER", "-1", "must be an integer 1..100000"},
        {"GALAXY_ARGON2_OPSLIMIT", "0", "must be an integer 1..10"},
        {"GALAXY_ARGON2_OPSLIMIT", "11", "must be an integer 1..10"},
        {"GALAXY_ARGON2_MEMLIMIT_BYTES", "8191", "must be an integer 8192..1073741824"},
        {"GALAXY_ARGON2_MEMLIMIT_BYTES", "1073741825", "must be an integer 8192..1073741824"},
        {"GALAXY_MAX_JOURNAL_BACKLOG", "9", "must be an integer 10..10000000"},
        {"GALAXY_MAX_JOURNAL_BACKLOG", "10000001", "must be an integer 10..10000000"},
        {"GALAXY_MAX_JOURNAL_BACKLOG", "99999999999999999999", "must be an integer 10..10000000"},
        {"GALAXY_LOG_LEVEL", "verbose", "must be debug, info, warn or error"},
    };
    for (const auto& c : cases) {
        const Loaded r = load(required({{c.name, c.value}}));
        EXPECT_FALSE(r.ok) << c.name << "=" << c.value;
        ASSERT_EQ(r.errors.size(), 1u) << c.name << "=" << c.value << "\n" << joined(r.errors);
        const std::string& line = r.errors[0];
        EXPECT_EQ(line.rfind(std::string(c.name) + ": ", 0), 0u) << line;
        EXPECT_NE(line.find(c.rule), std::string::npos) << line;
        EXPECT_NE(line.find(std::string("got '") + c.value + "'"), std::string::npos) << line;
    }
}

TEST(Config, EmptyStringSettingsAreRefused) {
    for (const char* name : {"GALAXY_BIND", "GALAXY_WEB_ROOT"}) {
        const Loaded r = load(required({{name, ""}}));
        EXPECT_FALSE(r.ok) << name;
        ASSERT_EQ(r.errors.size(), 1u) << name;
        EXPECT_EQ(r.errors[0], std::string(name) + ": must not be empty");
    }
}

TEST(Config, ErrorMessageMatchesTheDocumentedForm) {
    const Loaded r = load(required({{"GALAXY_PORT", "x"}}));
    ASSERT_EQ(r.errors.size(), 1u);
    EXPECT_EQ(r.errors[0], "GALAXY_PORT: must be an integer 1..65535, got 'x'");
}

TEST(Config, AllBadValuesAreReportedTogetherAndGoodOnesStillApply) {
    ServerConfig config;
    std::vector<std::string> errors;
    const bool ok = load_config(
        fake_env(required(
            {{"GALAXY_PORT", "0"}, {"GALAXY_IO_THREADS", "many"}, {"GALAXY_TICK_RATE_HZ", "20"}})),
        &config, &errors);
    EXPECT_FALSE(ok);
    EXPECT_EQ(errors.size(), 2u) << joined(errors);
    EXPECT_EQ(config.port, 8000);  // a bad value leaves the default
    EXPECT_EQ(config.tick_rate_hz, 20.0);
}

TEST(Config, EmptyOriginListMeansSameHostOnly) {
    const Loaded r = load(required({{"GALAXY_ALLOWED_ORIGINS", " "}}));
    ASSERT_TRUE(r.ok) << joined(r.errors);
    EXPECT_TRUE(r.config.allowed_origins.empty());
}

TEST(Config, OriginsAllowIpv6AndPortsAndATrailingComma) {
    const Loaded r =
        load(required({{"GALAXY_ALLOWED_ORIGINS", "http://[::1]:8000,https://x.example,"}}));
    ASSERT_TRUE(r.ok) << joined(r.errors);
    EXPECT_EQ(r.config.allowed_origins,
              (std::vector<std::string>{"http://[::1]:8000", "https://x.example"}));
}

TEST(Config, DatabaseUrlIsRequiredAndNeverEchoed) {
    Vars vars = required();
    vars.erase("GALAXY_DATABASE_URL");
    Loaded r = load(vars);
    EXPECT_FALSE(r.ok);
    ASSERT_EQ(r.errors.size(), 1u);
    EXPECT_EQ(r.errors[0], "GALAXY_DATABASE_URL: required, must not be empty");

    r = load(required({{"GALAXY_DATABASE_URL", ""}}));
    EXPECT_FALSE(r.ok);
    ASSERT_EQ(r.errors.size(), 1u);
}

TEST(Config, SecretIsRequired) {
    Vars vars = required();
    vars.erase("GALAXY_JWT_SECRET");
    const Loaded r = load(vars);
    EXPECT_FALSE(r.ok);
    ASSERT_EQ(r.errors.size(), 1u);
    EXPECT_NE(r.errors[0].find("GALAXY_JWT_SECRET / GALAXY_JWT_SECRET_FILE: one is required"),
              std::string::npos);
}

TEST(Config, SecretAndSecretFileTogetherAreRefused) {
    TempFile file(kSecret);
    const Loaded r = load(required({{"GALAXY_JWT_SECRET_FILE", file.path()}}));
    EXPECT_FALSE(r.ok);
    ASSERT_EQ(r.errors.size(), 1u);
    EXPECT_NE(r.errors[0].find("exactly one"), std::string::npos);
}

TEST(Config, ShortSecretIsRefusedWithoutPrintingIt) {
    const std::string secret = "short-secret-value-31-bytes-xxx";
    ASSERT_EQ(secret.size(), 31u);
    const Loaded r = load(required({{"GALAXY_JWT_SECRET", secret}}));
    EXPECT_FALSE(r.ok);
    ASSERT_EQ(r.errors.size(), 1u);
    EXPECT_NE(r.errors[0].find("at least 32 bytes, got 31 bytes"), std::string::npos);
    EXPECT_EQ(r.errors[0].find(secret), std::string::npos);
}

TEST(Config, SecretFileIsReadWithTrailingNewlineTrimmed) {
    TempFile lf(kSecret + "\n");
    Vars vars = required({{"GALAXY_JWT_SECRET_FILE", lf.path()}});
    vars.erase("GALAXY_JWT_SECRET");
    Loaded r = load(vars);
    ASSERT_TRUE(r.ok) << joined(r.errors);
    EXPECT_EQ(r.config.jwt_secret, kSecret);

    TempFile crlf(kSecret + "\r\n");
    vars["GALAXY_JWT_SECRET_FILE"] = crlf.path();
    r = load(vars);
    ASSERT_TRUE(r.ok) << joined(r.errors);
    EXPECT_EQ(r.config.jwt_secret, kSecret);
}

TEST(Config, SecretFileShorterThan32BytesAfterTrimmingIsRefused) {
    TempFile file(std::string(31, 'k') + "\n");
    Vars vars = required({{"GALAXY_JWT_SECRET_FILE", file.path()}});
    vars.erase("GALAXY_JWT_SECRET");
    const Loaded r = load(vars);
    EXPECT_FALSE(r.ok);
    ASSERT_EQ(r.errors.size(), 1u);
    EXPECT_EQ(r.errors[0].rfind("GALAXY_JWT_SECRET_FILE: ", 0), 0u) << r.errors[0];
    EXPECT_EQ(r.errors[0].find(std::string(31, 'k')), std::string::npos);
}

TEST(Config, MissingSecretFileIsAnError) {
    Vars vars = required({{"GALAXY_JWT_SECRET_FILE", "/nonexistent/galaxy/secret"}});
    vars.erase("GALAXY_JWT_SECRET");
    const Loaded r = load(vars);
    EXPECT_FALSE(r.ok);
    ASSERT_EQ(r.errors.size(), 1u);
    EXPECT_NE(r.errors[0].find("cannot read file '/nonexistent/galaxy/secret'"), std::string::npos);
}

TEST(Config, FileValuesApplyAndTheEnvironmentWins) {
    TempFile file(R"({"GALAXY_PORT": 9000, "GALAXY_TICK_RATE_HZ": 20.5, "GALAXY_TIME_SYNC": true,
                      "GALAXY_BIND": "127.0.0.1", "GALAXY_IO_THREADS": 4})");
    const Loaded r =
        load(required({{"GALAXY_CONFIG_FILE", file.path()}, {"GALAXY_IO_THREADS", "8"}}));
    ASSERT_TRUE(r.ok) << joined(r.errors);
    EXPECT_EQ(r.config.port, 9000);
    EXPECT_EQ(r.config.tick_rate_hz, 20.5);
    EXPECT_TRUE(r.config.time_sync);
    EXPECT_EQ(r.config.bind_address, "127.0.0.1");
    EXPECT_EQ(r.config.io_threads, 8);
}

TEST(Config, FileMayHoldTheRequiredVariables) {
    TempFile file(R"({"GALAXY_DATABASE_URL": "postgresql:///galaxy", "GALAXY_JWT_SECRET": ")" +
                  kSecret + R"("})");
    const Loaded r = load({{"GALAXY_CONFIG_FILE", file.path()}});
    ASSERT_TRUE(r.ok) << joined(r.errors);
    EXPECT_EQ(r.config.database_url, "postgresql:///galaxy");
    EXPECT_EQ(r.config.jwt_secret, kSecret);
}

TEST(Config, SecretInTheEnvironmentReplacesTheFilesSecretFile) {
    TempFile file(R"({"GALAXY_JWT_SECRET_FILE": "/nonexistent/secret"})");
    const Loaded r = load(required({{"GALAXY_CONFIG_FILE", file.path()}}));
    ASSERT_TRUE(r.ok) << joined(r.errors);
    EXPECT_EQ(r.config.jwt_secret, kSecret);
}

TEST(Config, SecretFileInTheEnvironmentReplacesTheFilesInlineSecret) {
    TempFile secret(kSecret + "\n");
    TempFile file(R"({"GALAXY_JWT_SECRET": "file-secret-that-is-long-enough-32+"})");
    const Loaded r = load({{"GALAXY_DATABASE_URL", "postgresql:///g"},
                           {"GALAXY_CONFIG_FILE", file.path()},
                           {"GALAXY_JWT_SECRET_FILE", secret.path()}});
    ASSERT_TRUE(r.ok) << joined(r.errors);
    EXPECT_EQ(r.config.jwt_secret, kSecret);
}

TEST(Config, BothSecretKeysInTheFileAreRefused) {
    TempFile secret(kSecret);
    TempFile file(R"({"GALAXY_JWT_SECRET": ")" + kSecret + R"(", "GALAXY_JWT_SECRET_FILE": ")" +
                  secret.path() + R"("})");
    const Loaded r =
        load({{"GALAXY_DATABASE_URL", "postgresql:///g"}, {"GALAXY_CONFIG_FILE", file.path()}});
    EXPECT_FALSE(r.ok);
    ASSERT_EQ(r.errors.size(), 1u);
    EXPECT_NE(r.errors[0].find("exactly one"), std::string::npos) << r.errors[0];
}

TEST(Config, UnknownKeyInTheFileIsAnErrorButUnknownEnvironmentIsIgnored) {
    TempFile file(R"({"GALAXY_PROT": 9000})");
    Loaded r = load(required({{"GALAXY_CONFIG_FILE", file.path()}}));
    EXPECT_FALSE(r.ok);
    ASSERT_EQ(r.errors.size(), 1u);
    EXPECT_EQ(r.errors[0].rfind("GALAXY_PROT: unknown key", 0), 0u) << r.errors[0];

    r = load(required({{"GALAXY_PROT", "9000"}}));
    EXPECT_TRUE(r.ok) << joined(r.errors);
}

TEST(Config, ConfigFileCannotNameAnotherConfigFile) {
    TempFile file(R"({"GALAXY_CONFIG_FILE": "/etc/other.json"})");
    const Loaded r = load(required({{"GALAXY_CONFIG_FILE", file.path()}}));
    EXPECT_FALSE(r.ok);
    ASSERT_EQ(r.errors.size(), 1u);
    EXPECT_EQ(r.errors[0].rfind("GALAXY_CONFIG_FILE: unknown key", 0), 0u) << r.errors[0];
}

TEST(Config, FileValuesAreValidatedLikeEnvironmentValues) {
    TempFile file(R"({"GALAXY_PORT": 70000, "GALAXY_IO_THREADS": 2.5, "GALAXY_EPOCH": "later",
                      "GALAXY_WEB_ROOT": null, "GALAXY_BIND": ["a"]})");
    const Loaded r = load(required({{"GALAXY_CONFIG_FILE", file.path()}}));
    EXPECT_FALSE(r.ok);
    const std::string text = joined(r.errors);
    EXPECT_EQ(r.errors.size(), 5u) << text;
    EXPECT_NE(text.find("GALAXY_PORT: must be an integer 1..65535, got '70000' (config file)"),
              std::string::npos)
        << text;
    EXPECT_NE(text.find("GALAXY_IO_THREADS: must be an integer 1..64, got '2.5'"),
              std::string::npos)
        << text;
    EXPECT_NE(text.find("GALAXY_EPOCH: must be j2000 or now, got 'later'"), std::string::npos)
        << text;
    EXPECT_NE(text.find("GALAXY_WEB_ROOT: must be a string, number or boolean"), std::string::npos)
        << text;
    EXPECT_NE(text.find("GALAXY_BIND: must be a string, number or boolean"), std::string::npos)
        << text;
}

TEST(Config, UnreadableOrNonObjectFileIsAnError) {
    Loaded r = load(required({{"GALAXY_CONFIG_FILE", "/nonexistent/galaxy.json"}}));
    EXPECT_FALSE(r.ok);
    ASSERT_EQ(r.errors.size(), 1u);
    EXPECT_EQ(r.errors[0], "GALAXY_CONFIG_FILE: cannot read file '/nonexistent/galaxy.json'");

    for (const char* text : {"{not json", "[1, 2]", ""}) {
        TempFile file(text);
        r = load(required({{"GALAXY_CONFIG_FILE", file.path()}}));
        EXPECT_FALSE(r.ok) << text;
        ASSERT_EQ(r.errors.size(), 1u) << text;
        EXPECT_NE(r.errors[0].find("is not a JSON object"), std::string::npos) << r.errors[0];
    }
}

// config/server.example.json lists every key a file may hold, with the default values, so the
// example never drifts from the code.
TEST(Config, ExampleFileLoadsAndHoldsTheDefaults) {
    const auto path =
        std::filesystem::path(__FILE__).parent_path() / "../../../config/server.example.json";
    ASSERT_TRUE(std::filesystem::exists(path)) << path;
    const Loaded r = load({{"GALAXY_CONFIG_FILE", path.string()}, {"GALAXY_JWT_SECRET", kSecret}});
    ASSERT_TRUE(r.ok) << joined(r.errors);
    ServerConfig expected;
    expected.database_url = r.config.database_url;
    expected.jwt_secret = kSecret;
    EXPECT_FALSE(r.config.database_url.empty());
    EXPECT_EQ(r.config.bind_address, expected.bind_address);
    EXPECT_EQ(r.config.port, expected.port);
    EXPECT_EQ(r.config.io_threads, expected.io_threads);
    EXPECT_EQ(r.config.web_root, expected.web_root);
    EXPECT_EQ(r.config.tick_rate_hz, expected.tick_rate_hz);
    EXPECT_EQ(r.config.time_scale, expected.time_scale);
    EXPECT_EQ(r.config.time_sync, expected.time_sync);
    EXPECT_EQ(r.config.epoch, expected.epoch);
    EXPECT_EQ(r.config.snapshot_interval_s, expected.snapshot_interval_s);
    EXPECT_EQ(r.config.hash_interval_ticks, expected.hash_interval_ticks);
    EXPECT_EQ(r.config.max_catch_up_ticks, expected.max_catch_up_ticks);
    EXPECT_EQ(r.config.registration_open, expected.registration_open);
    EXPECT_EQ(r.config.allowed_origins, expected.allowed_origins);
    EXPECT_EQ(r.config.max_connections_per_ip, expected.max_connections_per_ip);
    EXPECT_EQ(r.config.idle_timeout_s, expected.idle_timeout_s);
    EXPECT_EQ(r.config.max_send_queue_bytes, expected.max_send_queue_bytes);
    EXPECT_EQ(r.config.login_attempts_per_ip, expected.login_attempts_per_ip);
    EXPECT_EQ(r.config.login_attempts_per_user, expected.login_attempts_per_user);
    EXPECT_EQ(r.config.argon2_opslimit, expected.argon2_opslimit);
    EXPECT_EQ(r.config.argon2_memlimit_bytes, expected.argon2_memlimit_bytes);
    EXPECT_EQ(r.config.max_journal_backlog, expected.max_journal_backlog);
    EXPECT_EQ(r.config.log_level, expected.log_level);
}

TEST(Config, ProcessEnvironmentReadsRealVariables) {
    ASSERT_EQ(setenv("GALAXY_CONFIG_TEST_VARIABLE", "value", 1), 0);
    const EnvLookup env = process_environment();
    EXPECT_EQ(env("GALAXY_CONFIG_TEST_VARIABLE"), std::optional<std::string>("value"));
    ASSERT_EQ(unsetenv("GALAXY_CONFIG_TEST_VARIABLE"), 0);
    EXPECT_EQ(env("GALAXY_CONFIG_TEST_VARIABLE"), std::nullopt);
}

}  // namespace
}  // namespace galaxy::server
