// Error code strings (protocol.hpp): every code has its "E0xx" string and parses back.
#include "galaxy/proto/protocol.hpp"

#include <gtest/gtest.h>

#include <cstdio>
#include <string>

namespace gp = galaxy::proto;

namespace {

TEST(ErrorCode, EveryCodeHasItsNumberedStringAndParsesBack) {
    for (int n = 1; n <= 26; ++n) {
        const auto code = static_cast<gp::ErrorCode>(n);
        char expected[8];
        std::snprintf(expected, sizeof expected, "E%03d", n);
        EXPECT_EQ(std::string(gp::error_code_string(code)), expected);
        gp::ErrorCode back = gp::ErrorCode::MalformedJson;
        ASSERT_TRUE(gp::error_code_from_string(expected, &back)) << expected;
        EXPECT_EQ(back, code);
    }
}

TEST(ErrorCode, NamedCodesHaveTheirDocumentedNumbers) {
    EXPECT_STREQ(gp::error_code_string(gp::ErrorCode::MalformedJson), "E001");
    EXPECT_STREQ(gp::error_code_string(gp::ErrorCode::InvalidField), "E003");
    EXPECT_STREQ(gp::error_code_string(gp::ErrorCode::VersionMismatch), "E008");
    EXPECT_STREQ(gp::error_code_string(gp::ErrorCode::RateLimited), "E011");
    EXPECT_STREQ(gp::error_code_string(gp::ErrorCode::BinaryNotAccepted), "E014");
    EXPECT_STREQ(gp::error_code_string(gp::ErrorCode::MalformedBinary), "E016");
    EXPECT_STREQ(gp::error_code_string(gp::ErrorCode::ChatRateLimited), "E018");
    EXPECT_STREQ(gp::error_code_string(gp::ErrorCode::PayloadTooLarge), "E026");
    EXPECT_STREQ(gp::error_code_string(gp::ErrorCode::ConfirmationRequired), "E027");
}

TEST(ErrorCode, ValuesOutsideTheEnumGiveE000) {
    EXPECT_STREQ(gp::error_code_string(static_cast<gp::ErrorCode>(0)), "E000");
    EXPECT_STREQ(gp::error_code_string(static_cast<gp::ErrorCode>(28)), "E000");
    EXPECT_STREQ(gp::error_code_string(static_cast<gp::ErrorCode>(255)), "E000");
}

TEST(ErrorCode, ParsingRejectsEverythingElse) {
    const gp::ErrorCode untouched = gp::ErrorCode::NotFound;
    for (const char* text : {"", "E000", "E028", "e001", "E01", "E0011", " E001", "E001 ", "1", "E1"}) {
        gp::ErrorCode out = untouched;
        EXPECT_FALSE(gp::error_code_from_string(text, &out)) << text;
        EXPECT_EQ(out, untouched) << text;
    }
    gp::ErrorCode out = untouched;
    EXPECT_FALSE(gp::error_code_from_string(nullptr, &out));
}

}  // namespace
