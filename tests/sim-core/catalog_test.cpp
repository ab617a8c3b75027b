// Tests for the catalog parser (sim-core/src/catalog.cpp), the embedded default catalog
// (config/solar-system.json) and the body helpers in sim-core/src/body.cpp.
#include <gtest/gtest.h>

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <ostream>
#include <string>
#include <vector>

#include "galaxy/sim/body.hpp"
#include "galaxy/sim/catalog.hpp"
#include "galaxy/sim/det_math.hpp"

namespace galaxy::sim {
namespace {

// The bit pattern of a double. (Emscripten 3.1.6's libc++ has no std::bit_cast.)
std::uint64_t bits_of(double value) {
    std::uint64_t bits = 0;
    std::memcpy(&bits, &value, sizeof bits);
    return bits;
}

const BodyDef* find_body(const std::vector<BodyDef>& defs, const std::string& name) {
    for (const BodyDef& def : defs) {
        if (def.name == name) return &def;
    }
    return nullptr;
}

// ---------------------------------------------------------------------------------------------
// The embedded default catalog
// ---------------------------------------------------------------------------------------------

TEST(DefaultCatalog, ParsesWithoutError) {
    std::vector<BodyDef> defs;
    std::string error;
    EXPECT_TRUE(parse_catalog(default_catalog_json(), &defs, &error)) << error;
    EXPECT_EQ(error, "");
}

TEST(DefaultCatalog, Has34BodiesWithTheSunFirstAsTheRoot) {
    const std::vector<BodyDef> defs = default_catalog();
    ASSERT_EQ(defs.size(), 34u);
    EXPECT_EQ(defs[0].name, "Sun");
    EXPECT_EQ(defs[0].type, BodyType::Star);
    EXPECT_EQ(defs[0].parent, "");
    for (std::size_t i = 1; i < defs.size(); ++i) {
        EXPECT_NE(defs[i].parent, "") << defs[i].name << " must not be a second root";
    }
}

// The reference text says gm_m3_s2 398600435436096.0, j2 0.0010826358191967033 and so on; a
// correctly rounded parse gives exactly these bit patterns (Python float.hex of the same text).
TEST(DefaultCatalog, EarthConstantsAreBitExactCopiesOfTheReference) {
    const std::vector<BodyDef> defs = default_catalog();
    const BodyDef* earth = find_body(defs, "Earth");
    ASSERT_NE(earth, nullptr);
    EXPECT_EQ(bits_of(earth->gm_m3_s2), 0x42f6a86655c8a400u);
    EXPECT_EQ(bits_of(earth->j2), 0x3f51bce75bf6a0e6u);
    EXPECT_EQ(bits_of(earth->reference_radius_m), 0x415854a613333333u);
    EXPECT_EQ(bits_of(earth->position_m.x), 0xc219ac65b50c5995u);
    EXPECT_EQ(earth->gm_m3_s2, 398600435436096.0);
    EXPECT_EQ(earth->mean_radius_m, 6371008.399999999);
    EXPECT_EQ(earth->position_m, (Vec3{-27566632259.087482, 132361428301.19281, 57418647273.16781}));
    EXPECT_EQ(earth->velocity_m_s,
              (Vec3{-29784.947497072662, -5029.753833589443, -2180.6450514570506}));
    EXPECT_EQ(earth->pole_ra_deg, 0.0);
    EXPECT_EQ(earth->pole_dec_deg, 90.0);
    EXPECT_EQ(earth->w0_deg, 190.147);
    EXPECT_EQ(earth->w_rate_deg_per_day, 360.9856235);
}

TEST(DefaultCatalog, EveryParentIsAnEarlierBody) {
    const std::vector<BodyDef> defs = default_catalog();
    ASSERT_FALSE(defs.empty());
    for (std::size_t i = 1; i < defs.size(); ++i) {
        bool found = false;
        for (std::size_t j = 0; j < i; ++j) {
            found = found || defs[j].name == defs[i].parent;
        }
        EXPECT_TRUE(found) << defs[i].name << " has parent " << defs[i].parent;
    }
    const std::pair<const char*, const char*> expected[] = {
        {"Moon", "Earth"}, {"Phobos", "Mars"}, {"Io", "Jupiter"}, {"Titan", "Saturn"},
        {"Miranda", "Uranus"}, {"Triton", "Neptune"}, {"Charon", "Pluto"}, {"Vesta", "Sun"}};
    for (const auto& [child, parent] : expected) {
        const BodyDef* def = find_body(defs, child);
        ASSERT_NE(def, nullptr) << child;
        EXPECT_EQ(def->parent, parent) << child;
    }
}

TEST(DefaultCatalog, TypesAndPointMassesAreRead) {
    const std::vector<BodyDef> defs = default_catalog();
    ASSERT_EQ(defs.size(), 34u);
    EXPECT_EQ(find_body(defs, "Moon")->type, BodyType::Moon);
    EXPECT_EQ(find_body(defs, "Pluto")->type, BodyType::DwarfPlanet);
    EXPECT_EQ(find_body(defs, "Vesta")->type, BodyType::Asteroid);
    EXPECT_EQ(find_body(defs, "Neptune")->type, BodyType::Planet);
    // "j2": null and "reference_radius_m": null mean a point mass.
    EXPECT_EQ(find_body(defs, "Phobos")->j2, 0.0);
    EXPECT_EQ(find_body(defs, "Phobos")->reference_radius_m, 0.0);
}

TEST(DefaultCatalog, ColoursAreParsed) {
    const std::vector<BodyDef> defs = default_catalog();
    ASSERT_EQ(defs.size(), 34u);
    EXPECT_EQ(find_body(defs, "Sun")->color_rgb, 0xFFF4D6u);
    EXPECT_EQ(find_body(defs, "Earth")->color_rgb, 0x2F6FBFu);
    EXPECT_EQ(find_body(defs, "Mars")->color_rgb, 0xC1440Eu);
    for (const BodyDef& def : defs) {
        // No catalog colour is pure white, BodyDef's default, so this shows each was read.
        EXPECT_NE(def.color_rgb, 0xFFFFFFu) << def.name;
        EXPECT_LE(def.color_rgb, 0xFFFFFFu) << def.name;
    }
}

// ---------------------------------------------------------------------------------------------
// Body type names
// ---------------------------------------------------------------------------------------------

TEST(BodyTypeName, RoundTripsEveryType) {
    const BodyType types[] = {BodyType::Star, BodyType::Planet, BodyType::DwarfPlanet,
                              BodyType::Moon, BodyType::Asteroid};
    for (const BodyType type : types) {
        BodyType parsed = BodyType::Star;
        ASSERT_TRUE(body_type_from_name(body_type_name(type), &parsed)) << body_type_name(type);
        EXPECT_EQ(parsed, type);
    }
    EXPECT_STREQ(body_type_name(BodyType::DwarfPlanet), "dwarf_planet");
}

TEST(BodyTypeName, RejectsUnknownNamesAndLeavesTheOutputAlone) {
    BodyType parsed = BodyType::Moon;
    for (const char* name : {"", "Star", "comet", "dwarf planet", "planet "}) {
        EXPECT_FALSE(body_type_from_name(name, &parsed)) << name;
        EXPECT_EQ(parsed, BodyType::Moon);
    }
}

// ---------------------------------------------------------------------------------------------
// Malformed catalogs
// ---------------------------------------------------------------------------------------------

// A small valid catalog; each malformed case edits one unique piece of it.
const char* const kValidCatalog = R"({"description": "test", "bodies": [
 {"name": "Sun", "type": "star", "parent": null, "color": "#FFF4D6",
  "position_m": [0, 0, 0], "velocity_m_s": [0, 0, 0], "gm_m3_s2": 1.3271244004193937e+20,
  "mean_radius_m": 696000000.0, "j2": null, "reference_radius_m": null,
  "axis_right_ascension_deg": 286.13, "axis_declination_deg": 63.87,
  "reference_angle_deg": 84.176, "angular_frequency_deg_per_day": 14.1844},
 {"name": "Earth", "type": "planet", "parent": "Sun", "color": "#2F6FBF",
  "position_m": [1.496e11, 0, 0], "velocity_m_s": [0, 29780.0, 0],
  "gm_m3_s2": 398600435436096.0, "mean_radius_m": 6371008.4,
  "j2": 0.0010826358191967033, "reference_radius_m": 6378136.3,
  "axis_right_ascension_deg": 0.0, "axis_declination_deg": 90.0,
  "reference_angle_deg": 190.147, "angular_frequency_deg_per_day": 360.9856235},
 {"name": "Moon", "type": "moon", "parent": "Earth", "color": "#BEBEB8",
  "position_m": [1.4998e11, 0, 0], "velocity_m_s": [0, 30800.0, 0],
  "gm_m3_s2": 4902800066163.8, "mean_radius_m": 1737400.0, "j2": null,
  "reference_radius_m": null, "axis_right_ascension_deg": 269.9949,
  "axis_declination_deg": 66.5392, "reference_angle_deg": 38.3213,
  "angular_frequency_deg_per_day": 13.17635815}
]})";

TEST(ParseCatalog, AcceptsTheSmallValidCatalog) {
    std::vector<BodyDef> defs;
    std::string error;
    ASSERT_TRUE(parse_catalog(kValidCatalog, &defs, &error)) << error;
    ASSERT_EQ(defs.size(), 3u);
    EXPECT_EQ(defs[2].parent, "Earth");
    EXPECT_EQ(defs[0].position_m, (Vec3{0.0, 0.0, 0.0}));   // JSON integers are accepted
    EXPECT_EQ(defs[1].j2, 0.0010826358191967033);
    EXPECT_EQ(defs[2].j2, 0.0);
    EXPECT_TRUE(parse_catalog(kValidCatalog, &defs, nullptr));   // error may be omitted
}

struct MalformedCase {
    const char* label;
    const char* find;      // unique text in kValidCatalog; "" replaces the whole text
    const char* replace;
    const char* expected;  // must appear in the error message
};

const MalformedCase kMalformedCases[] = {
    {"invalid JSON", "\"bodies\": [", "\"bodies\": [[", "invalid JSON"},
    {"truncated text", "", "{\"bodies\": [", "invalid JSON"},
    {"bare NaN", "4902800066163.8", "NaN", "invalid JSON"},
    {"bare Infinity", "4902800066163.8", "Infinity", "invalid JSON"},
    {"number overflow", "4902800066163.8", "1e999", "invalid JSON"},
    {"duplicate key", "\"gm_m3_s2\": 4902800066163.8",
     "\"gm_m3_s2\": 4902800066163.8, \"gm_m3_s2\": 1.0", "duplicate key \"gm_m3_s2\""},
    {"deep nesting", "", "{\"bodies\": [[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]}", "nesting"},
    {"top level not an object", "", "[]", "top level"},
    {"missing body list", "", "{\"description\": \"x\"}", "missing field \"bodies\""},
    {"body list not an array", "", "{\"bodies\": {}}", "bodies must be an array"},
    {"empty body list", "", "{\"bodies\": []}", "bodies must not be empty"},
    {"body not an object", "", "{\"bodies\": [42]}", "body 0: must be an object"},
    {"missing field", ", \"mean_radius_m\": 6371008.4", "",
     "body 1 (Earth): missing field \"mean_radius_m\""},
    {"missing name", "\"name\": \"Moon\", ", "", "body 2: missing field \"name\""},
    {"wrong type for a number", "\"gm_m3_s2\": 398600435436096.0",
     "\"gm_m3_s2\": \"398600435436096.0\"", "body 1 (Earth): gm_m3_s2 must be a positive"},
    {"NaN-like string", "\"gm_m3_s2\": 398600435436096.0", "\"gm_m3_s2\": \"NaN\"",
     "gm_m3_s2 must be a positive finite number (got string)"},
    {"Infinity-like string", "360.9856235", "\"Infinity\"", "angular_frequency_deg_per_day"},
    {"null for a required number", "\"mean_radius_m\": 1737400.0", "\"mean_radius_m\": null",
     "body 2 (Moon): mean_radius_m must be a positive finite number (got null)"},
    {"negative GM", "398600435436096.0", "-398600435436096.0",
     "body 1 (Earth): gm_m3_s2 must be a positive finite number"},
    {"zero GM", "398600435436096.0", "0", "gm_m3_s2 must be a positive finite number"},
    {"zero mean radius", "6371008.4", "0.0", "mean_radius_m"},
    {"name of wrong type", "\"name\": \"Moon\"", "\"name\": 3", "name must be a string"},
    {"empty name", "\"name\": \"Moon\"", "\"name\": \"\"", "name must be a string of 1 to 64"},
    {"65-byte name", "\"name\": \"Moon\"",
     "\"name\": \"MMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMM\"",
     "name must be a string of 1 to 64 bytes (got 65 bytes)"},
    {"control character in name", "\"name\": \"Moon\"", "\"name\": \"Mo\\non\"",
     "name must not contain control characters"},
    {"duplicate name", "\"name\": \"Moon\"", "\"name\": \"Earth\"",
     "name \"Earth\" is already used by body 1"},
    {"unknown type", "\"type\": \"moon\"", "\"type\": \"comet\"", "body 2 (Moon): type must be"},
    {"unknown field", "\"color\": \"#BEBEB8\"", "\"colour\": \"#BEBEB8\"",
     "unknown field \"colour\""},
    {"unknown parent", "\"parent\": \"Earth\"", "\"parent\": \"Eartj\"",
     "parent \"Eartj\" does not name an earlier body"},
    {"parent of wrong type", "\"parent\": \"Earth\"", "\"parent\": 3", "parent must be null or"},
    {"parent after child", "\"parent\": \"Sun\"", "\"parent\": \"Moon\"",
     "body 1 (Earth): parent \"Moon\" is listed at body 2, after this body"},
    {"own parent", "\"parent\": \"Sun\"", "\"parent\": \"Earth\"",
     "body 1 (Earth): parent \"Earth\" is the body itself"},
    {"two roots", "\"parent\": \"Sun\"", "\"parent\": null", "exactly one root"},
    {"first body not the root", "\"parent\": null", "\"parent\": \"Earth\"",
     "body 0 (Sun): parent must be null"},
    {"bad colour digit", "#2F6FBF", "#2F6FBG", "body 1 (Earth): color must be"},
    {"colour without hash", "\"#2F6FBF\"", "\"2F6FBF\"", "color must be"},
    {"short colour", "\"#2F6FBF\"", "\"#2F6FB\"", "color must be"},
    {"colour as a number", "\"#2F6FBF\"", "3108799", "color must be"},
    {"missing colour", ", \"color\": \"#BEBEB8\"", "", "missing field \"color\""},
    {"array of 2 numbers", "[0, 29780.0, 0]", "[0, 29780.0]",
     "velocity_m_s must be an array of exactly 3 finite numbers (got an array of 2)"},
    {"array of 4 numbers", "[1.496e11, 0, 0]", "[1.496e11, 0, 0, 0]",
     "position_m must be an array of exactly 3"},
    {"vector not an array", "[1.496e11, 0, 0]", "1.496e11", "position_m must be an array"},
    {"vector element a string", "[0, 29780.0, 0]", "[0, \"29780.0\", 0]",
     "velocity_m_s[1] must be a finite number"},
    {"j2 without reference radius", "\"reference_radius_m\": 6378136.3",
     "\"reference_radius_m\": null", "reference_radius_m must be a positive finite number when j2"},
    {"j2 with missing reference radius", ", \"reference_radius_m\": 6378136.3", "",
     "reference_radius_m must be a positive finite number when j2"},
    {"negative j2", "0.0010826358191967033", "-0.001", "j2 must be null or a finite number >= 0"},
    {"j2 as a string", "0.0010826358191967033", "\"0.001\"", "j2 must be"},
    {"negative reference radius", "6378136.3", "-6378136.3", "reference_radius_m must be"},
    {"declination above 90", "\"axis_declination_deg\": 90.0",
     "\"axis_declination_deg\": 90.5", "axis_declination_deg must be a finite number in [-90, 90]"},
    {"right ascension as a bool", "\"axis_right_ascension_deg\": 0.0",
     "\"axis_right_ascension_deg\": true", "axis_right_ascension_deg must be a finite number"},
    {"reference angle missing", ", \"reference_angle_deg\": 38.3213", "",
     "missing field \"reference_angle_deg\""},
};

// Names the case in failure output instead of dumping the struct's bytes.
void PrintTo(const MalformedCase& c, std::ostream* os) { *os << c.label; }

class MalformedCatalog : public testing::TestWithParam<MalformedCase> {};

TEST_P(MalformedCatalog, IsRejectedWithAnErrorNamingTheField) {
    const MalformedCase& c = GetParam();
    std::string text = kValidCatalog;
    if (c.find[0] == '\0') {
        text = c.replace;
    } else {
        const std::size_t at = text.find(c.find);
        ASSERT_NE(at, std::string::npos) << "test table error: " << c.find;
        ASSERT_EQ(text.find(c.find, at + 1), std::string::npos) << "not unique: " << c.find;
        text.replace(at, std::string(c.find).size(), c.replace);
    }
    // The output is replaced only on success, so a failed parse must leave this sentinel.
    std::vector<BodyDef> defs(1);
    defs[0].name = "sentinel";
    std::string error;
    EXPECT_FALSE(parse_catalog(text, &defs, &error));
    EXPECT_NE(error.find(c.expected), std::string::npos)
        << "error: " << error << "\nexpected to contain: " << c.expected;
    ASSERT_EQ(defs.size(), 1u);
    EXPECT_EQ(defs[0].name, "sentinel");
}

std::string case_name(const testing::TestParamInfo<MalformedCase>& info) {
    std::string name;
    for (const char* p = info.param.label; *p != '\0'; ++p) {
        const char c = *p;
        const bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        name += alnum ? c : '_';
    }
    return name;
}

INSTANTIATE_TEST_SUITE_P(Table, MalformedCatalog, testing::ValuesIn(kMalformedCases), case_name);

// A catalog of n bodies: "Sun" and n - 1 asteroids orbiting it.
std::string catalog_of(std::size_t n) {
    const std::string fields =
        R"("position_m": [1, 2, 3], "velocity_m_s": [0, 0, 0], "gm_m3_s2": 1.0,
           "mean_radius_m": 1.0, "axis_right_ascension_deg": 0, "axis_declination_deg": 90,
           "reference_angle_deg": 0, "angular_frequency_deg_per_day": 0, "color": "#808080")";
    std::string text = R"({"bodies": [{"name": "Sun", "type": "star", "parent": null, )" + fields + "}";
    for (std::size_t i = 1; i < n; ++i) {
        text += R"(, {"name": "A)" + std::to_string(i) +
                R"(", "type": "asteroid", "parent": "Sun", )" + fields + "}";
    }
    return text + "]}";
}

TEST(ParseCatalog, AcceptsAtMost1000Bodies) {
    std::vector<BodyDef> defs;
    std::string error;
    ASSERT_TRUE(parse_catalog(catalog_of(1000), &defs, &error)) << error;
    EXPECT_EQ(defs.size(), 1000u);
    EXPECT_FALSE(parse_catalog(catalog_of(1001), &defs, &error));
    EXPECT_NE(error.find("bodies has 1001 entries, at most 1000"), std::string::npos) << error;
    EXPECT_EQ(defs.size(), 1000u);   // untouched by the failed parse
}

TEST(ParseCatalog, RejectsANullOutput) {
    std::string error;
    EXPECT_FALSE(parse_catalog(kValidCatalog, nullptr, &error));
    EXPECT_FALSE(error.empty());
}

// ---------------------------------------------------------------------------------------------
// Rotation
// ---------------------------------------------------------------------------------------------

Body earth_body() {
    Body body;
    const std::vector<BodyDef> defs = default_catalog();
    const BodyDef* earth = find_body(defs, "Earth");
    if (earth != nullptr) body.def = *earth;
    return body;
}

// 1e-12 rad: the computation rounds a handful of times at magnitude <= 2 pi (ulp 8.9e-16), so
// this leaves three orders of magnitude of margin while catching any degree/radian or
// seconds/days slip, which would be off by far more.
constexpr double kAngleTolerance_rad = 1e-12;

TEST(BodyRotation, EarthAtJ2000IsW0) {
    const Body earth = earth_body();
    ASSERT_EQ(earth.def.name, "Earth");
    // 190.147 deg in rad, from a 50-digit pi.
    EXPECT_NEAR(body_rotation_angle_rad(earth, 0.0), 3.3186912127896577, kAngleTolerance_rad);
}

TEST(BodyRotation, EarthAdvances360Point9856235DegreesPerDay) {
    const Body earth = earth_body();
    ASSERT_EQ(earth.def.name, "Earth");
    const double day_s = 86400.0;
    // One day past a full turn: 0.9856235 deg net per day, wrapped into [0, 2 pi).
    const double net_step_rad = 0.9856235 * dm::kDegToRad;
    for (int day = 1; day <= 10; ++day) {
        const double before = body_rotation_angle_rad(earth, (day - 1) * day_s);
        const double after = body_rotation_angle_rad(earth, day * day_s);
        double step = after - before;
        if (step < 0.0) step += dm::kTwoPi;
        EXPECT_NEAR(step, net_step_rad, kAngleTolerance_rad) << "day " << day;
    }
    // After one day: 190.147 + 360.9856235 - 360 = 191.1326235 deg.
    EXPECT_NEAR(body_rotation_angle_rad(earth, day_s), 191.1326235 * dm::kDegToRad,
                kAngleTolerance_rad);
    // Half a day later the prime meridian has turned about 180.49 deg further.
    EXPECT_NEAR(body_rotation_angle_rad(earth, 0.5 * day_s),
                (190.147 + 0.5 * 360.9856235 - 360.0) * dm::kDegToRad, kAngleTolerance_rad);
}

TEST(BodyRotation, StaysInZeroToTwoPiForRetrogradeAndNegativeTimes) {
    const std::vector<BodyDef> defs = default_catalog();
    ASSERT_FALSE(defs.empty());
    const double times_s[] = {-3.0e9, -86400.0, -1.0, 0.0, 1.0, 43200.0, 3.15576e9};
    for (const BodyDef& def : defs) {
        Body body;
        body.def = def;
        for (const double t : times_s) {
            const double w = body_rotation_angle_rad(body, t);
            EXPECT_GE(w, 0.0) << def.name << " t=" << t;
            EXPECT_LT(w, dm::kTwoPi) << def.name << " t=" << t;
        }
    }
    // Venus turns backwards (-1.4813688 deg/day): one day after J2000 it is at 158.7186312 deg.
    Body venus;
    venus.def = *find_body(defs, "Venus");
    EXPECT_NEAR(body_rotation_angle_rad(venus, 86400.0), 158.7186312 * dm::kDegToRad,
                kAngleTolerance_rad);
}

}  // namespace
}  // namespace galaxy::sim
