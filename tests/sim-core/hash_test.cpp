// Tests for state_hash (hash.hpp): FNV-1a 64 over the exact bits of every field, in the byte
// layout documented at the top of sim-core/src/hash.cpp.

#include "galaxy/sim/hash.hpp"

#include <gtest/gtest.h>

#include <bit>
#include <cstdint>
#include <limits>
#include <set>
#include <string>
#include <vector>

#include "sim-core/world_samples.hpp"

namespace gs = galaxy::sim;
namespace gt = galaxy::sim::test;

namespace {

// Reference FNV-1a 64, written from the specification (offset basis, prime) independently of
// hash.cpp, and itself checked against the published test vectors below.
std::uint64_t reference_fnv1a(const std::vector<std::uint8_t>& bytes) {
    std::uint64_t h = 0xcbf29ce484222325ULL;
    for (const std::uint8_t b : bytes) {
        h ^= b;
        h *= 0x100000001b3ULL;
    }
    return h;
}

std::vector<std::uint8_t> bytes_of(const std::string& s) { return {s.begin(), s.end()}; }

// Little-endian appenders for spelling out an expected byte stream.
void put_le(std::vector<std::uint8_t>& out, std::uint64_t v, int n) {
    for (int i = 0; i < n; ++i) out.push_back(static_cast<std::uint8_t>(v >> (8 * i)));
}
void put_f64(std::vector<std::uint8_t>& out, double v) {
    put_le(out, std::bit_cast<std::uint64_t>(v), 8);
}

TEST(Fnv1a, KnownAnswers) {
    EXPECT_EQ(reference_fnv1a({}), 0xcbf29ce484222325ULL);
    EXPECT_EQ(reference_fnv1a(bytes_of("a")), 0xaf63dc4c8601ec8cULL);
    EXPECT_EQ(reference_fnv1a(bytes_of("foobar")), 0x85944171f73967e8ULL);
}

TEST(StateHash, EmptyWorldIsFnvOfItsByteLayout) {
    std::vector<std::uint8_t> expected;
    put_le(expected, 0, 8);  // tick
    put_f64(expected, 0.0);  // game_time_s
    put_le(expected, 0, 4);  // bodies count
    put_le(expected, 1, 4);  // next_ship_id
    put_le(expected, 1, 4);  // next_station_id
    put_le(expected, 0, 4);  // home_station
    put_le(expected, 0, 4);  // ships count
    put_le(expected, 0, 4);  // stations count
    EXPECT_EQ(gs::state_hash(gs::World{}), reference_fnv1a(expected));
}

TEST(StateHash, LayoutOfStringsListsAndIntegersIsLittleEndianWithLengths) {
    gs::World w;
    w.tick = 0x0102030405060708ULL;
    w.game_time_s = -0.0;
    w.next_station_id = 0x0a0b0c0d;
    w.stations.push_back(gs::Station{7, "Ab", gs::Vec3{1.0, -2.0, 0.5}, gs::Vec3{0.0, 3.0, -4.0}});
    std::vector<std::uint8_t> e;
    for (const int b : {8, 7, 6, 5, 4, 3, 2, 1}) e.push_back(static_cast<std::uint8_t>(b));
    put_f64(e, -0.0);
    put_le(e, 0, 4);  // no bodies
    put_le(e, 1, 4);
    for (const int b : {0x0d, 0x0c, 0x0b, 0x0a}) e.push_back(static_cast<std::uint8_t>(b));
    put_le(e, 0, 4);
    put_le(e, 0, 4);  // no ships
    put_le(e, 1, 4);  // one station:
    put_le(e, 7, 4);  //   id
    put_le(e, 2, 4);  //   name length
    e.push_back('A');
    e.push_back('b');
    for (const double v : {1.0, -2.0, 0.5, 0.0, 3.0, -4.0}) put_f64(e, v);
    EXPECT_EQ(gs::state_hash(w), reference_fnv1a(e));
}

TEST(StateHash, EqualWorldsHashEqual) {
    const gs::World a = gt::sample_world();
    const gs::World b = gt::sample_world();  // built separately
    gs::World c;
    c = a;
    c.ships.reserve(1000);  // capacity is not state
    EXPECT_EQ(gs::state_hash(a), gs::state_hash(b));
    EXPECT_EQ(gs::state_hash(a), gs::state_hash(c));
    EXPECT_EQ(gs::state_hash(a), gs::state_hash(a));
}

// Every field, one at a time: a field missing from the shared field list would leave the hash
// unchanged here. All the changed hashes also differ from each other.
TEST(StateHash, EveryFieldChangesTheHash) {
    const gs::World base = gt::sample_world();
    const std::uint64_t base_hash = gs::state_hash(base);
    std::set<std::uint64_t> seen{base_hash};
    for (const gt::FieldChange& change : gt::field_changes()) {
        gs::World w = base;
        change.apply(w);
        ASSERT_FALSE(gt::world_differences(base, w).empty()) << change.field << " changed nothing";
        const std::uint64_t h = gs::state_hash(w);
        EXPECT_NE(h, base_hash) << change.field;
        EXPECT_TRUE(seen.insert(h).second) << change.field << " collides with another change";
    }
}

TEST(StateHash, SignedZerosAndNanPayloadsAreDistinctBits) {
    gs::World a;
    gs::World b;
    b.game_time_s = -0.0;  // == 0.0 numerically, but not the same bits
    EXPECT_NE(gs::state_hash(a), gs::state_hash(b));
    const double nan1 = std::numeric_limits<double>::quiet_NaN();
    const double nan2 = std::bit_cast<double>(std::bit_cast<std::uint64_t>(nan1) | 1u);
    a.game_time_s = nan1;
    b.game_time_s = nan2;
    EXPECT_NE(gs::state_hash(a), gs::state_hash(b));
    b.game_time_s = nan1;
    EXPECT_EQ(gs::state_hash(a), gs::state_hash(b));
}

TEST(StateHash, StringLengthsSeparateAdjacentStrings) {
    // Without the length prefix "ab"+"c" and "a"+"bc" would feed the same bytes.
    gs::World a = gt::sample_world();
    gs::World b = a;
    a.bodies[1].def.name = "ab";
    a.bodies[1].def.type = gs::BodyType::Planet;
    a.bodies[1].def.parent = "c";
    b.bodies[1].def.name = "a";
    b.bodies[1].def.type = gs::BodyType::Planet;
    b.bodies[1].def.parent = "bc";
    EXPECT_NE(gs::state_hash(a), gs::state_hash(b));
}

TEST(StateHash, EmptyingAListChangesTheHash) {
    // The counts are hashed, so an empty list is not the same as no change.
    gs::World a = gt::sample_world();
    gs::World b = a;
    b.stations.clear();
    EXPECT_NE(gs::state_hash(a), gs::state_hash(b));
    a.ships.clear();
    b.ships.clear();
    a.stations.clear();
    EXPECT_EQ(gs::state_hash(a), gs::state_hash(b));
}

// Golden value: pins the hashed byte layout. The same test runs natively and as WebAssembly
// under Node, so both targets must produce exactly this. If the layout changes on purpose,
// update it here (and expect every recorded golden hash elsewhere to change too).
TEST(StateHash, GoldenSampleWorld) {
    EXPECT_EQ(gs::state_hash(gt::sample_world()), 0x9594577200c944b2ULL);
}

}  // namespace
