// The Origin check of WebSocket upgrades (table-driven).
#include "net/ws_origin.hpp"

#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace galaxy::server {
namespace {

struct OriginCase {
    const char* name;
    const char* origin;  // "" = no Origin header
    const char* host;
    std::vector<std::string> allowed;
    bool expected;
};

class OriginTest : public ::testing::TestWithParam<OriginCase> {};

TEST_P(OriginTest, DecidesAsSpecified) {
    const OriginCase& c = GetParam();
    EXPECT_EQ(origin_allowed(c.origin, c.host, c.allowed), c.expected);
}

const std::vector<std::string> kList = {"https://galaxy.example", "http://localhost:3000"};

INSTANTIATE_TEST_SUITE_P(
    Cases, OriginTest,
    ::testing::Values(
        OriginCase{"NoOriginIsANonBrowserClient", "", "galaxy.example", {}, true},
        OriginCase{"NoOriginWithAList", "", "galaxy.example", kList, true},
        OriginCase{"SameHostAndPort", "http://localhost:8000", "localhost:8000", {}, true},
        OriginCase{"SameHostDefaultPort", "https://galaxy.example", "galaxy.example", {}, true},
        OriginCase{"SameHostOtherCase", "https://Galaxy.Example", "galaxy.example", {}, true},
        OriginCase{"OtherPort", "http://localhost:9000", "localhost:8000", {}, false},
        OriginCase{"OtherHost", "https://evil.example", "galaxy.example", {}, false},
        OriginCase{"SuffixOfHost", "https://evil.galaxy.example", "galaxy.example", {}, false},
        OriginCase{"NullOrigin", "null", "galaxy.example", {}, false},
        OriginCase{"OriginWithPath", "https://galaxy.example/x", "galaxy.example", {}, false},
        OriginCase{"NoHostHeader", "https://galaxy.example", "", {}, false},
        OriginCase{"ListedOrigin", "http://localhost:3000", "localhost:8000", kList, true},
        OriginCase{"ListIsExact", "http://localhost:3001", "localhost:8000", kList, false},
        OriginCase{"ListReplacesSameHostRule", "http://localhost:8000", "localhost:8000", kList,
                   false}),
    [](const ::testing::TestParamInfo<OriginCase>& param_info) { return param_info.param.name; });

}  // namespace
}  // namespace galaxy::server
