// galaxy-admin's argument parser: command words, arguments, where options may go, and every
// kind of usage error.
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "galaxy/admin/args.hpp"

namespace galaxy::admin {
namespace {

ParsedArgs parse(const std::vector<std::string>& args) { return parse_args(args); }

TEST(AdminArgs, TwoCommandWordsAndTheirArgumentAreSplit) {
    const ParsedArgs parsed = parse({"players", "reset-password", "7"});
    ASSERT_TRUE(parsed.error.empty()) << parsed.error;
    ASSERT_NE(parsed.command, nullptr);
    EXPECT_EQ(parsed.command->name, "players reset-password");
    EXPECT_EQ(parsed.arguments, std::vector<std::string>{"7"});
    EXPECT_TRUE(parsed.options.empty());
}

TEST(AdminArgs, GlobalOptionsMayComeBeforeOrAfterTheCommand) {
    const ParsedArgs before = parse({"--url", "http://a:1", "--json", "status"});
    const ParsedArgs after = parse({"status", "--json", "--url", "http://a:1"});
    for (const ParsedArgs* parsed : {&before, &after}) {
        ASSERT_TRUE(parsed->error.empty()) << parsed->error;
        EXPECT_EQ(parsed->command->name, "status");
        EXPECT_EQ(parsed->global.url, "http://a:1");
        EXPECT_TRUE(parsed->global.json);
        EXPECT_FALSE(parsed->global.user.has_value());
    }
}

TEST(AdminArgs, OptionValuesMayFollowAnEqualsSign) {
    const ParsedArgs parsed = parse({"players", "list", "--limit=5", "--search", "al=1"});
    ASSERT_TRUE(parsed.error.empty()) << parsed.error;
    EXPECT_EQ(parsed.options.at("limit"), "5");
    EXPECT_EQ(parsed.options.at("search"), "al=1");
}

TEST(AdminArgs, PasswordFileAfterResetPasswordIsTheNewPasswordsFile) {
    const ParsedArgs parsed = parse({"--password-file", "admin.pw", "players", "reset-password",
                                     "3", "--password-file", "new"});
    ASSERT_TRUE(parsed.error.empty()) << parsed.error;
    EXPECT_EQ(parsed.global.password_file, "admin.pw");
    EXPECT_EQ(parsed.options.at("password-file"), "new");
}

TEST(AdminArgs, PasswordFileAfterOtherCommandsIsTheAdmins) {
    const ParsedArgs parsed = parse({"players", "delete", "3", "--password-file", "admin.pw"});
    ASSERT_TRUE(parsed.error.empty()) << parsed.error;
    EXPECT_EQ(parsed.global.password_file, "admin.pw");
    EXPECT_TRUE(parsed.options.empty());
}

TEST(AdminArgs, NegativeNumbersAreArgumentsNotOptions) {
    const ParsedArgs parsed = parse({"set", "time-scale", "-2.5"});
    ASSERT_TRUE(parsed.error.empty()) << parsed.error;
    EXPECT_EQ(parsed.arguments, std::vector<std::string>{"-2.5"});
}

TEST(AdminArgs, DoubleDashEndsTheOptions) {
    const ParsedArgs parsed =
        parse({"stations", "spawn", "--body", "Earth", "--altitude-km", "400", "--", "--Odd--"});
    ASSERT_TRUE(parsed.error.empty()) << parsed.error;
    EXPECT_EQ(parsed.arguments, std::vector<std::string>{"--Odd--"});
    EXPECT_EQ(parsed.options.at("body"), "Earth");
    EXPECT_EQ(parsed.options.at("altitude-km"), "400");
}

TEST(AdminArgs, HelpSkipsTheArgumentChecks) {
    const ParsedArgs command = parse({"players", "reset-password", "--help"});
    EXPECT_TRUE(command.error.empty()) << command.error;
    EXPECT_TRUE(command.global.help);
    EXPECT_EQ(command.command->name, "players reset-password");

    const ParsedArgs group = parse({"snapshots", "-h"});
    EXPECT_TRUE(group.error.empty()) << group.error;
    EXPECT_EQ(group.group, "snapshots");
    EXPECT_EQ(group.command, nullptr);
}

TEST(AdminArgs, EveryUsageErrorIsDescribedAndHintsAtTheRightHelp) {
    struct Case {
        std::vector<std::string> args;
        const char* error;
        const char* hint;
    };
    const std::vector<Case> cases = {
        {{}, "no command given", "see galaxy-admin --help"},
        {{"launch"}, "unknown command 'launch'", "see galaxy-admin --help"},
        {{"players"}, "players needs a command", "see galaxy-admin players --help"},
        {{"players", "ban", "3"},
         "unknown command 'players ban'",
         "see galaxy-admin players --help"},
        {{"status", "--colour"}, "unknown option --colour", "see galaxy-admin status --help"},
        {{"status", "-x"}, "unknown option -x", "see galaxy-admin status --help"},
        {{"audit", "--limit"}, "--limit needs a value (N)", "see galaxy-admin audit --help"},
        {{"status", "--json=yes"}, "--json takes no value", "see galaxy-admin status --help"},
        {{"status", "now"}, "status takes no arguments", "see galaxy-admin status --help"},
        {{"players", "delete"},
         "players delete needs <id>",
         "see galaxy-admin players delete --help"},
        {{"players", "delete", "1", "2"},
         "players delete takes only <id>",
         "see galaxy-admin players delete --help"},
        {{"stations", "spawn", "S", "--altitude-km", "400"},
         "stations spawn needs --body B",
         "see galaxy-admin stations spawn --help"},
        {{"status", "--label", "x"},
         "--label is not an option of status",
         "see galaxy-admin status --help"},
    };
    for (const Case& c : cases) {
        const ParsedArgs parsed = parse(c.args);
        EXPECT_EQ(parsed.error, c.error) << testing::PrintToString(c.args);
        EXPECT_EQ(parsed.help_hint(), c.hint) << testing::PrintToString(c.args);
    }
}

TEST(AdminArgs, NumbersAndIntegersAreParsedStrictly) {
    EXPECT_EQ(parse_number("12.5"), 12.5);
    EXPECT_EQ(parse_number("-0.5"), -0.5);
    EXPECT_EQ(parse_number("1e3"), 1000.0);
    EXPECT_FALSE(parse_number("").has_value());
    EXPECT_FALSE(parse_number("12x").has_value());
    EXPECT_FALSE(parse_number("inf").has_value());
    EXPECT_FALSE(parse_number("nan").has_value());
    EXPECT_EQ(parse_integer("42", 1, 100), 42);
    EXPECT_FALSE(parse_integer("0", 1, 100).has_value());
    EXPECT_FALSE(parse_integer("101", 1, 100).has_value());
    EXPECT_FALSE(parse_integer("4.0", 1, 100).has_value());
    EXPECT_FALSE(parse_integer(" 4", 1, 100).has_value());
}

}  // namespace
}  // namespace galaxy::admin
