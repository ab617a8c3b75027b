// Parsing of the account API's request bodies: what each rule accepts and which code a
// violation gets. (api_accounts_test checks the same rules end to end through HTTP.)
#include "net/api_validation.hpp"

#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace galaxy::server {
namespace {

using proto::ErrorCode;

TEST(Utf8Length, CountsCodePoints) {
    EXPECT_EQ(utf8_length(""), 0u);
    EXPECT_EQ(utf8_length("abc"), 3u);
    EXPECT_EQ(utf8_length("\xC3\xA9t\xC3\xA9"), 3u);     // été
    EXPECT_EQ(utf8_length("\xE2\x82\xAC"), 1u);          // €
    EXPECT_EQ(utf8_length("\xF0\x9F\x9A\x80"), 1u);      // rocket, 4 bytes
    EXPECT_EQ(utf8_length(std::string("a\0b", 3)), 3u);  // NUL is a character
}

TEST(Utf8Length, RejectsInvalidSequences) {
    const std::vector<std::string> bad = {
        "\x80",                  // continuation byte first
        "\xC3",                  // truncated 2-byte
        "\xE2\x82",              // truncated 3-byte
        "\xC0\xAF",              // overlong '/'
        "\xE0\x80\xAF",          // overlong 3-byte
        "\xED\xA0\x80",          // surrogate U+D800
        "\xF4\x90\x80\x80",      // past U+10FFFF
        "\xF8\x88\x80\x80\x80",  // 5-byte form
        "\xC3\x28",              // bad continuation
    };
    for (const std::string& text : bad) EXPECT_FALSE(utf8_length(text).has_value()) << text;
}

TEST(RegisterBody, AcceptsMinimalAndFullBodies) {
    RegisterBody body;
    ASSERT_FALSE(parse_register_body(R"({"username":"ann_1-x","password":"12345678"})", &body));
    EXPECT_EQ(body.username, "ann_1-x");
    EXPECT_EQ(body.password, "12345678");
    EXPECT_EQ(body.ship_class, sim::ShipClass::FastFrigate);
    ASSERT_FALSE(parse_register_body(
        R"({"username":"bob","password":"p\u00e4ssw\u00f6rd","ship_class":"cargo_hauler"})",
        &body));
    EXPECT_EQ(body.ship_class, sim::ShipClass::CargoHauler);
}

TEST(RegisterBody, LengthLimitsAreInclusive) {
    RegisterBody body;
    const std::string name32(32, 'n');
    const std::string pass128(128, 'p');
    EXPECT_FALSE(parse_register_body(
        R"({"username":")" + name32 + R"(","password":")" + pass128 + R"("})", &body));
    // The password limits count characters, not bytes: 8 two-byte characters pass, 7 do not.
    const std::string e_acute = "\xC3\xA9";
    std::string eight;
    for (int i = 0; i < 8; ++i) eight += e_acute;
    EXPECT_FALSE(parse_register_body(R"({"username":"abc","password":")" + eight + R"("})", &body));
    const std::string seven = eight.substr(2);
    const auto short_error =
        parse_register_body(R"({"username":"abc","password":")" + seven + R"("})", &body);
    ASSERT_TRUE(short_error);
    EXPECT_EQ(short_error->code, ErrorCode::InvalidString);
}

struct BadBody {
    const char* name;
    std::string body;
    ErrorCode code;
};

TEST(RegisterBody, EveryViolationHasItsCode) {
    const std::string name33(33, 'n');
    const std::string pass129(129, 'p');
    const std::vector<BadBody> cases = {
        {"not json", "{username", ErrorCode::MalformedJson},
        {"array", R"(["ann","12345678"])", ErrorCode::MalformedJson},
        {"string", R"("ann")", ErrorCode::MalformedJson},
        {"empty", "", ErrorCode::MalformedJson},
        {"missing username", R"({"password":"12345678"})", ErrorCode::InvalidField},
        {"missing password", R"({"username":"ann"})", ErrorCode::InvalidField},
        {"username number", R"({"username":5,"password":"12345678"})", ErrorCode::InvalidField},
        {"password null", R"({"username":"ann","password":null})", ErrorCode::InvalidField},
        {"ship_class number", R"({"username":"ann","password":"12345678","ship_class":1})",
         ErrorCode::InvalidField},
        {"unknown field", R"({"username":"ann","password":"12345678","admin":true})",
         ErrorCode::InvalidField},
        {"bad ship_class", R"({"username":"ann","password":"12345678","ship_class":"x"})",
         ErrorCode::InvalidField},
        {"empty ship_class", R"({"username":"ann","password":"12345678","ship_class":""})",
         ErrorCode::InvalidField},
        {"username short", R"({"username":"an","password":"12345678"})", ErrorCode::InvalidString},
        {"username long", R"({"username":")" + name33 + R"(","password":"12345678"})",
         ErrorCode::InvalidString},
        {"username space", R"({"username":"an n","password":"12345678"})",
         ErrorCode::InvalidString},
        {"username unicode", R"({"username":"\u00e4nn","password":"12345678"})",
         ErrorCode::InvalidString},
        {"password short", R"({"username":"ann","password":"1234567"})", ErrorCode::InvalidString},
        {"password long", R"({"username":"ann","password":")" + pass129 + R"("})",
         ErrorCode::InvalidString},
        {"password bad utf8", "{\"username\":\"ann\",\"password\":\"1234567\xff\"}",
         ErrorCode::MalformedJson},  // the JSON parser refuses invalid UTF-8 first
        {"password lone surrogate", R"({"username":"ann","password":"1234567\ud800"})",
         ErrorCode::MalformedJson},
    };
    for (const BadBody& c : cases) {
        RegisterBody body;
        const auto error = parse_register_body(c.body, &body);
        ASSERT_TRUE(error.has_value()) << c.name;
        EXPECT_EQ(error->code, c.code) << c.name << ": " << error->message;
        EXPECT_FALSE(error->message.empty()) << c.name;
    }
}

TEST(LoginBody, AcceptsShortPasswordsButNotEmptyOnes) {
    LoginBody body;
    EXPECT_FALSE(parse_login_body(R"({"username":"ann","password":"x"})", &body));
    const auto empty = parse_login_body(R"({"username":"ann","password":""})", &body);
    ASSERT_TRUE(empty);
    EXPECT_EQ(empty->code, ErrorCode::InvalidString);
    const auto extra =
        parse_login_body(R"({"username":"ann","password":"x","ship_class":"x"})", &body);
    ASSERT_TRUE(extra);
    EXPECT_EQ(extra->code, ErrorCode::InvalidField);
}

TEST(DeleteAccountBody, NeedsOnlyThePassword) {
    DeleteAccountBody body;
    ASSERT_FALSE(parse_delete_account_body(R"({"password":"12345678"})", &body));
    EXPECT_EQ(body.password, "12345678");
    const auto missing = parse_delete_account_body("{}", &body);
    ASSERT_TRUE(missing);
    EXPECT_EQ(missing->code, ErrorCode::InvalidField);
}

TEST(UsernameKey, LowersAsciiOnly) { EXPECT_EQ(username_key("Ann_X-1"), "ann_x-1"); }

}  // namespace
}  // namespace galaxy::server
