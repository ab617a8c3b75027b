// galaxy-admin's exit codes and messages without a server: help and version, usage errors
// (found before any connection is tried), missing credentials, and a server that is down.
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "admin/support/cli_helpers.hpp"
#include "galaxy/admin/command_table.hpp"

namespace galaxy::admin {
namespace {

using test::CliRun;
using test::env_of;
using test::run_cli;

// Nothing listens on port 1 of the loopback address: connections are refused at once.
constexpr char kDownUrl[] = "http://127.0.0.1:1";

TEST(AdminExitCodes, HelpListsEveryCommandAndExitsZero) {
    const CliRun run = run_cli({"--help"});
    EXPECT_EQ(run.exit_code, kExitOk);
    EXPECT_TRUE(run.err.empty());
    for (const CommandSpec& command : command_table()) {
        EXPECT_NE(run.out.find("  " + std::string(command.name)), std::string::npos)
            << command.name;
    }
    EXPECT_NE(run.out.find("kubectl port-forward"), std::string::npos);
}

TEST(AdminExitCodes, EveryCommandHasItsOwnHelp) {
    for (const CommandSpec& command : command_table()) {
        std::vector<std::string> args;
        std::string words(command.name);
        for (std::size_t start = 0; start <= words.size();) {
            const std::size_t space = std::min(words.find(' ', start), words.size());
            args.push_back(words.substr(start, space - start));
            start = space + 1;
        }
        args.push_back("--help");
        const CliRun run = run_cli(args);
        EXPECT_EQ(run.exit_code, kExitOk) << command.name;
        EXPECT_EQ(run.out.rfind("Usage: galaxy-admin " + words, 0), 0u) << run.out;
        for (const OptionSpec& option : command.options) {
            EXPECT_NE(run.out.find("--" + std::string(option.name)), std::string::npos)
                << command.name << " --" << option.name;
        }
    }
}

TEST(AdminExitCodes, GroupHelpListsItsCommands) {
    const CliRun run = run_cli({"stations", "--help"});
    EXPECT_EQ(run.exit_code, kExitOk);
    EXPECT_NE(run.out.find("stations spawn <name>"), std::string::npos);
    EXPECT_EQ(run.out.find("players list"), std::string::npos);
}

TEST(AdminExitCodes, VersionPrintsTheProjectVersion) {
    const CliRun run = run_cli({"--version"});
    EXPECT_EQ(run.exit_code, kExitOk);
    EXPECT_EQ(run.out.rfind("galaxy-admin ", 0), 0u);
}

TEST(AdminExitCodes, UsageErrorsExitOneBeforeAnyConnection) {
    // The URL points at nothing: a connection attempt would exit 3, not 1.
    const auto env = env_of({{"GALAXY_ADMIN_URL", kDownUrl}, {"GALAXY_ADMIN_PASSWORD", "pw"}});
    struct Case {
        std::vector<std::string> args;
        const char* message;
        const char* hint;
    };
    const std::vector<Case> cases = {
        {{"fly"}, "galaxy-admin: unknown command 'fly'", "see galaxy-admin --help"},
        {{"set", "tick-rate", "fast"},
         "galaxy-admin: set tick-rate needs a number (got 'fast')",
         "see galaxy-admin set tick-rate --help"},
        {{"set", "time-sync", "yes"},
         "galaxy-admin: set time-sync takes on or off (got 'yes')",
         "see galaxy-admin set time-sync --help"},
        {{"set", "registrations", "shut"},
         "galaxy-admin: set registrations takes open or closed (got 'shut')",
         "see galaxy-admin set registrations --help"},
        {{"players", "delete", "bob"},
         "galaxy-admin: the id must be a positive whole number (got 'bob')",
         "see galaxy-admin players delete --help"},
        {{"snapshots", "restore", "0"},
         "galaxy-admin: the id must be a positive whole number (got '0')",
         "see galaxy-admin snapshots restore --help"},
        {{"players", "list", "--limit", "ten"},
         "galaxy-admin: --limit needs a whole number (got 'ten')",
         "see galaxy-admin players list --help"},
        {{"stations", "spawn", "S", "--body", "Earth", "--altitude-km", "high"},
         "galaxy-admin: --altitude-km needs a number (got 'high')",
         "see galaxy-admin stations spawn --help"},
        {{"status", "--url", "https://galaxy.example.org"},
         "galaxy-admin: https:// is not supported",
         "see galaxy-admin status --help"},
        {{"status", "--url", "localhost:8000"},
         "galaxy-admin: the URL must start with http://",
         "see galaxy-admin status --help"},
        {{"status", "--config", "/nonexistent/admin.json"},
         "galaxy-admin: cannot read the config file /nonexistent/admin.json",
         "see galaxy-admin status --help"},
    };
    for (const Case& c : cases) {
        const CliRun run = run_cli(c.args, env);
        EXPECT_EQ(run.exit_code, kExitUsage) << testing::PrintToString(c.args) << run.err;
        EXPECT_EQ(run.err.rfind(c.message, 0), 0u) << run.err;
        EXPECT_NE(run.err.find("\n" + std::string(c.hint) + "\n"), std::string::npos) << run.err;
        EXPECT_TRUE(run.out.empty()) << run.out;
    }
}

TEST(AdminExitCodes, NoCredentialsExitTwo) {
    const CliRun run = run_cli({"status", "--url", kDownUrl});
    EXPECT_EQ(run.exit_code, kExitAuth);
    EXPECT_EQ(run.err.rfind("galaxy-admin: no admin password", 0), 0u) << run.err;
}

TEST(AdminExitCodes, ServerDownExitsThreeWithOneLine) {
    const CliRun run =
        run_cli({"status", "--json", "--url", kDownUrl}, env_of({{"GALAXY_ADMIN_PASSWORD", "pw"}}));
    EXPECT_EQ(run.exit_code, kExitServer);
    EXPECT_EQ(run.err, "galaxy-admin: cannot connect to 127.0.0.1:1: Connection refused\n");
    EXPECT_TRUE(run.out.empty());
}

}  // namespace
}  // namespace galaxy::admin
