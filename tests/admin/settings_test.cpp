// Where galaxy-admin's settings come from: flags, then the environment, then the config file;
// and every way a config file or password file can be refused.
#include <optional>
#include <string>

#include <gtest/gtest.h>

#include "admin/support/cli_helpers.hpp"
#include "galaxy/admin/settings.hpp"

namespace galaxy::admin {
namespace {

using test::env_of;

class AdminSettings : public ::testing::Test {
protected:
    std::string path(const std::string& name) const { return dir_.path(name); }

    test::TempFolder dir_{"settings"};
};

TEST_F(AdminSettings, DefaultsApplyWhenOnlyAPasswordIsGiven) {
    const SettingsResult result =
        resolve_settings({}, env_of({{"GALAXY_ADMIN_PASSWORD", "from-env"}}));
    ASSERT_EQ(result.exit_code, kExitOk) << result.error;
    EXPECT_EQ(result.settings.url, "http://localhost:8000");
    EXPECT_EQ(result.settings.user, "admin");
    EXPECT_EQ(result.settings.password, "from-env");
}

TEST_F(AdminSettings, FlagsWinOverTheEnvironmentWhichWinsOverTheConfigFile) {
    dir_.write("admin.json",
               R"({"url":"http://file:1","user":"file_user","password_file":"f.pw"})");
    dir_.write("f.pw", "file-password\n");
    dir_.write("env.pw", "env-file-password\n");
    dir_.write("flag.pw", "flag-password\n");
    GlobalOptions flags;
    flags.config = path("admin.json");

    const SettingsResult file_only = resolve_settings(flags, env_of({}));
    ASSERT_EQ(file_only.exit_code, kExitOk) << file_only.error;
    EXPECT_EQ(file_only.settings.url, "http://file:1");
    EXPECT_EQ(file_only.settings.user, "file_user");
    EXPECT_EQ(file_only.settings.password, "file-password");

    const auto env = env_of({{"GALAXY_ADMIN_URL", "http://env:2"},
                             {"GALAXY_ADMIN_USER", "env_user"},
                             {"GALAXY_ADMIN_PASSWORD_FILE", path("env.pw")}});
    const SettingsResult env_wins = resolve_settings(flags, env);
    ASSERT_EQ(env_wins.exit_code, kExitOk) << env_wins.error;
    EXPECT_EQ(env_wins.settings.url, "http://env:2");
    EXPECT_EQ(env_wins.settings.user, "env_user");
    EXPECT_EQ(env_wins.settings.password, "env-file-password");

    flags.url = "http://flag:3";
    flags.user = "flag_user";
    flags.password_file = path("flag.pw");
    const SettingsResult flags_win = resolve_settings(flags, env);
    ASSERT_EQ(flags_win.exit_code, kExitOk) << flags_win.error;
    EXPECT_EQ(flags_win.settings.url, "http://flag:3");
    EXPECT_EQ(flags_win.settings.user, "flag_user");
    EXPECT_EQ(flags_win.settings.password, "flag-password");
}

TEST_F(AdminSettings, PasswordVariableWinsOverPasswordFileVariable) {
    dir_.write("env.pw", "from-file");
    const SettingsResult result =
        resolve_settings({}, env_of({{"GALAXY_ADMIN_PASSWORD", "from-variable"},
                                     {"GALAXY_ADMIN_PASSWORD_FILE", path("env.pw")}}));
    ASSERT_EQ(result.exit_code, kExitOk) << result.error;
    EXPECT_EQ(result.settings.password, "from-variable");
}

TEST_F(AdminSettings, ConfigFileComesFromTheVariableElseFromHome) {
    dir_.write("elsewhere.json", R"({"user":"variable_user","password_file":"/dev/null"})");
    dir_.write("home/.config/galaxy/admin.json", R"({"user":"home_user"})");
    const auto password = std::make_pair(std::string("GALAXY_ADMIN_PASSWORD"), std::string("pw"));

    const SettingsResult from_home =
        resolve_settings({}, env_of({{"HOME", path("home")}, password}));
    ASSERT_EQ(from_home.exit_code, kExitOk) << from_home.error;
    EXPECT_EQ(from_home.settings.user, "home_user");

    const SettingsResult from_variable = resolve_settings(
        {},
        env_of(
            {{"HOME", path("home")}, {"GALAXY_ADMIN_CONFIG", path("elsewhere.json")}, password}));
    ASSERT_EQ(from_variable.exit_code, kExitOk) << from_variable.error;
    EXPECT_EQ(from_variable.settings.user, "variable_user");
}

TEST_F(AdminSettings, MissingDefaultConfigIsFineButANamedOneIsAUsageError) {
    const SettingsResult no_default =
        resolve_settings({}, env_of({{"HOME", path("nobody")}, {"GALAXY_ADMIN_PASSWORD", "pw"}}));
    EXPECT_EQ(no_default.exit_code, kExitOk) << no_default.error;

    GlobalOptions flags;
    flags.config = path("missing.json");
    const SettingsResult named = resolve_settings(flags, env_of({{"GALAXY_ADMIN_PASSWORD", "pw"}}));
    EXPECT_EQ(named.exit_code, kExitUsage);
    EXPECT_EQ(named.error, "cannot read the config file " + path("missing.json"));

    const SettingsResult by_variable = resolve_settings(
        {},
        env_of({{"GALAXY_ADMIN_CONFIG", path("missing.json")}, {"GALAXY_ADMIN_PASSWORD", "pw"}}));
    EXPECT_EQ(by_variable.exit_code, kExitUsage);
}

TEST_F(AdminSettings, BadConfigFilesAreUsageErrors) {
    struct Case {
        const char* text;
        const char* error_part;
    };
    const Case cases[] = {
        {"{\"url\":", "not a JSON object"},
        {"[]", "not a JSON object"},
        {R"({"password":"hunter2hunter2"})", "a password may not be stored in it"},
        {R"({"uri":"http://x"})", "unknown key \"uri\""},
        {R"({"user":7})", "\"user\" must be a non-empty string"},
        {R"({"url":""})", "\"url\" must be a non-empty string"},
    };
    for (const Case& c : cases) {
        dir_.write("bad.json", c.text);
        GlobalOptions flags;
        flags.config = path("bad.json");
        const SettingsResult result =
            resolve_settings(flags, env_of({{"GALAXY_ADMIN_PASSWORD", "pw"}}));
        EXPECT_EQ(result.exit_code, kExitUsage) << c.text;
        EXPECT_NE(result.error.find(c.error_part), std::string::npos) << result.error;
    }
}

TEST_F(AdminSettings, RelativePasswordFileInConfigIsBesideTheConfigFile) {
    dir_.write("conf/admin.json", R"({"password_file":"secrets/admin.pw"})");
    dir_.write("conf/secrets/admin.pw", "beside-the-config\r\n");
    GlobalOptions flags;
    flags.config = path("conf/admin.json");
    const SettingsResult result = resolve_settings(flags, env_of({}));
    ASSERT_EQ(result.exit_code, kExitOk) << result.error;
    EXPECT_EQ(result.settings.password, "beside-the-config");
}

TEST_F(AdminSettings, NoPasswordAnywhereIsAnAuthenticationError) {
    const SettingsResult nothing = resolve_settings({}, env_of({}));
    EXPECT_EQ(nothing.exit_code, kExitAuth);
    EXPECT_NE(nothing.error.find("no admin password"), std::string::npos);

    dir_.write("empty.pw", "\n");
    GlobalOptions flags;
    flags.password_file = path("empty.pw");
    const SettingsResult empty = resolve_settings(flags, env_of({}));
    EXPECT_EQ(empty.exit_code, kExitAuth);
    EXPECT_EQ(empty.error, "the password file " + path("empty.pw") + " is empty");
}

TEST_F(AdminSettings, UnreadablePasswordFileIsAUsageError) {
    GlobalOptions flags;
    flags.password_file = path("absent.pw");
    const SettingsResult result = resolve_settings(flags, env_of({}));
    EXPECT_EQ(result.exit_code, kExitUsage);
    EXPECT_EQ(result.error, "cannot read the password file " + path("absent.pw"));
}

TEST_F(AdminSettings, PasswordFileKeepsInnerSpacesAndDropsOnlyLineBreaks) {
    dir_.write("spaced.pw", "  two words  \n\n");
    std::string secret;
    std::string error;
    ASSERT_TRUE(read_secret_file(path("spaced.pw"), &secret, &error)) << error;
    EXPECT_EQ(secret, "  two words  ");
}

}  // namespace
}  // namespace galaxy::admin
