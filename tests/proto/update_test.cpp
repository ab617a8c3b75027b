// encode_update / decode_update (sync.hpp) against PROTOCOL.md, "Update frame": bit-exact round
// trips, the dt forms, the sizes the specification quotes, and every defect a reader rejects.
#include <gtest/gtest.h>

#include <bit>
#include <cstdint>
#include <limits>
#include <vector>

#include "galaxy/proto/sync.hpp"
#include "proto/samples.hpp"

namespace gp = galaxy::proto;
namespace gs = galaxy::sim;

namespace {

using Bytes = std::vector<std::uint8_t>;

void put_f64(Bytes& out, double v) {
    const auto b = std::bit_cast<std::uint64_t>(v);
    for (int i = 0; i < 8; ++i) out.push_back(static_cast<std::uint8_t>(b >> (8 * i)));
}

// kind, flags 0, server_time_us 5, first tick 7, one tick: the rest is the tick.
Bytes one_tick_prefix() { return Bytes{gp::kFrameUpdate, 0x00, 0x05, 0x07, 0x01}; }

bool decodes(const Bytes& bytes, gp::DecodeError* error = nullptr) {
    gp::Update out;
    gp::DecodeError ignored;
    return gp::decode_update(bytes.data(), bytes.size(), &out, error != nullptr ? error : &ignored);
}

// The update of the "Bytes per tick" table: realistic time and tick numbers, dt 0.1 s, and
// `commands` throttle commands for ships 1..commands.
gp::Update typical_update(std::size_t commands, bool hash) {
    gp::Update u;
    u.server_time_us = gp::test::kSampleTime_us;
    u.has_hash = hash;
    u.state_hash = 0xfedcba9876543210ULL;
    gp::TickRecord t;
    t.tick = 1'000'000;   // about 28 hours at 10 Hz
    t.dt_s = 0.1;
    for (std::size_t i = 0; i < commands; ++i) {
        gs::Command c;
        c.type = gs::CommandType::SetThrottle;
        c.ship = static_cast<std::uint32_t>(i + 1);
        c.value = 0.5;
        t.commands.push_back(c);
    }
    u.ticks.push_back(t);
    return u;
}

TEST(Update, SampleRoundTripsBitExactly) {
    const gp::Update u = gp::test::sample_update();
    const Bytes bytes = gp::encode_update(u);
    gp::Update back;
    gp::DecodeError error;
    ASSERT_TRUE(gp::decode_update(bytes.data(), bytes.size(), &back, &error)) << error.message;
    EXPECT_EQ(back.server_time_us, u.server_time_us);
    EXPECT_EQ(back.has_hash, u.has_hash);
    EXPECT_EQ(back.state_hash, u.state_hash);
    ASSERT_EQ(back.ticks.size(), u.ticks.size());
    for (std::size_t i = 0; i < u.ticks.size(); ++i) {
        EXPECT_EQ(back.ticks[i].tick, u.ticks[i].tick);
        EXPECT_EQ(std::bit_cast<std::uint64_t>(back.ticks[i].dt_s), std::bit_cast<std::uint64_t>(u.ticks[i].dt_s));
        EXPECT_EQ(gp::encode_commands(back.ticks[i].commands), gp::encode_commands(u.ticks[i].commands));
    }
    EXPECT_EQ(gp::encode_update(back), bytes);
}

TEST(Update, WithoutHashRoundTrips) {
    gp::Update u = gp::test::sample_update();
    u.has_hash = false;
    u.state_hash = 0;
    const Bytes bytes = gp::encode_update(u);
    gp::Update back;
    gp::DecodeError error;
    ASSERT_TRUE(gp::decode_update(bytes.data(), bytes.size(), &back, &error)) << error.message;
    EXPECT_FALSE(back.has_hash);
    EXPECT_EQ(gp::encode_update(back), bytes);
}

TEST(Update, LayoutIsTheDocumentedOne) {
    gp::Update u;
    u.server_time_us = 5;
    u.has_hash = true;
    u.state_hash = 0x1122334455667788ULL;
    gp::TickRecord t;
    t.tick = 7;
    t.dt_s = 0.1;   // 100000 us = varint A0 8D 06
    u.ticks.push_back(t);
    t.tick = 8;     // same dt: header only
    u.ticks.push_back(t);
    t.tick = 9;
    t.dt_s = 0.5 / 3.0;   // not whole microseconds: f64
    gs::Command dock;
    dock.type = gs::CommandType::Dock;
    dock.ship = 2;
    t.commands = {dock};
    u.ticks.push_back(t);
    Bytes expected{gp::kFrameUpdate, 0x01, 0x05, 0x07, 0x03,
                   0x88, 0x77, 0x66, 0x55, 0x44, 0x33, 0x22, 0x11,   // hash
                   0x01, 0xA0, 0x8D, 0x06,                           // tick 7: 0 commands, dt in us
                   0x00,                                             // tick 8: 0 commands, same dt
                   0x06};                                            // tick 9: 1 command, f64 dt
    put_f64(expected, 0.5 / 3.0);
    expected.insert(expected.end(), {0x05, 0x02});                   // Dock ship 2
    EXPECT_EQ(gp::encode_update(u), expected);
}

TEST(Update, TicksAreNumberedFromTheFirstSoTheyAreAlwaysConsecutive) {
    gp::Update u = gp::test::sample_update();
    u.ticks[1].tick = 5000;   // the layout carries only the first tick number
    const Bytes bytes = gp::encode_update(u);
    gp::Update back;
    gp::DecodeError error;
    ASSERT_TRUE(gp::decode_update(bytes.data(), bytes.size(), &back, &error));
    for (std::size_t i = 0; i < back.ticks.size(); ++i) {
        EXPECT_EQ(back.ticks[i].tick, u.ticks[0].tick + i);
    }
}

TEST(Update, SizesAreTheOnesInTheBytesPerTickTable) {
    EXPECT_EQ(gp::encode_update(typical_update(0, false)).size(), 18u);
    EXPECT_EQ(gp::encode_update(typical_update(0, true)).size(), 26u);
    EXPECT_EQ(gp::encode_update(typical_update(1, false)).size(), 28u);
    EXPECT_EQ(gp::encode_update(typical_update(1, true)).size(), 36u);
    EXPECT_EQ(gp::encode_update(typical_update(10, false)).size(), 118u);
    EXPECT_EQ(gp::encode_update(typical_update(10, true)).size(), 126u);
    // A catch-up batch: each further empty tick with the same dt is its one-byte header.
    gp::Update batch = typical_update(0, false);
    for (std::uint64_t i = 1; i < 10; ++i) {
        gp::TickRecord t = batch.ticks[0];
        t.tick += i;
        batch.ticks.push_back(t);
    }
    EXPECT_EQ(gp::encode_update(batch).size(), 27u);
}

TEST(Update, AcceptsTheLargestTickAndKMaxTicksPerUpdate) {
    gp::Update u = typical_update(0, false);
    u.ticks[0].tick = std::numeric_limits<std::uint64_t>::max();
    EXPECT_TRUE(decodes(gp::encode_update(u)));

    gp::Update many = typical_update(0, true);
    while (many.ticks.size() < gp::kMaxTicksPerUpdate) many.ticks.push_back(many.ticks[0]);
    EXPECT_TRUE(decodes(gp::encode_update(many)));
    many.ticks.push_back(many.ticks[0]);
    EXPECT_FALSE(decodes(gp::encode_update(many)));
}

TEST(Update, DtAtTheEdgesOfItsRangeRoundTrips) {
    for (double dt : {gs::kMinTick_s, gs::kMaxTick_s, gp::kMaxServerTick_s, 1.0 / 60.0, 1000.0 / 3.0}) {
        gp::Update u = typical_update(0, false);
        u.ticks[0].dt_s = dt;
        const Bytes bytes = gp::encode_update(u);
        gp::Update back;
        gp::DecodeError error;
        ASSERT_TRUE(gp::decode_update(bytes.data(), bytes.size(), &back, &error)) << dt << ": " << error.message;
        EXPECT_EQ(std::bit_cast<std::uint64_t>(back.ticks[0].dt_s), std::bit_cast<std::uint64_t>(dt));
        EXPECT_EQ(gp::encode_update(back), bytes);
    }
}

TEST(Update, EveryTruncationIsRejected) {
    const Bytes bytes = gp::encode_update(gp::test::sample_update());
    for (std::size_t n = 0; n < bytes.size(); ++n) {
        const Bytes cut(bytes.begin(), bytes.begin() + static_cast<std::ptrdiff_t>(n));
        gp::DecodeError error;
        EXPECT_FALSE(decodes(cut, &error)) << "length " << n;
        EXPECT_EQ(error.code, gp::ErrorCode::MalformedBinary);
    }
}

TEST(Update, AFailedDecodeLeavesTheOutputUntouched) {
    gp::Update out = gp::test::sample_update();
    const Bytes bad{gp::kFrameKeyframe};
    gp::DecodeError error;
    EXPECT_FALSE(gp::decode_update(bad.data(), bad.size(), &out, &error));
    EXPECT_EQ(gp::encode_update(out), gp::encode_update(gp::test::sample_update()));
}

struct BadCase {
    const char* what;
    Bytes bytes;
};

Bytes with(Bytes prefix, std::initializer_list<std::uint8_t> rest) {
    prefix.insert(prefix.end(), rest);
    return prefix;
}

std::vector<BadCase> bad_cases() {
    Bytes whole_us_as_f64 = with(one_tick_prefix(), {0x02});
    put_f64(whole_us_as_f64, 0.25);
    Bytes f64_too_long = with(one_tick_prefix(), {0x02});
    put_f64(f64_too_long, 2.0e6);
    Bytes f64_nan = with(one_tick_prefix(), {0x02});
    put_f64(f64_nan, std::numeric_limits<double>::quiet_NaN());
    Bytes f64_negative = with(one_tick_prefix(), {0x02});
    put_f64(f64_negative, -0.1 / 3.0);
    Bytes f64_repeated = Bytes{gp::kFrameUpdate, 0x00, 0x05, 0x07, 0x02, 0x02};
    put_f64(f64_repeated, 0.1 / 3.0);
    f64_repeated.push_back(0x02);
    put_f64(f64_repeated, 0.1 / 3.0);
    return {
        {"empty", {}},
        {"keyframe kind", {gp::kFrameKeyframe, 0x00, 0x05, 0x07, 0x01, 0x01, 0xA0, 0x8D, 0x06}},
        {"unknown kind", {0x00, 0x00, 0x05, 0x07, 0x01, 0x01, 0xA0, 0x8D, 0x06}},
        {"unknown flag", {gp::kFrameUpdate, 0x02, 0x05, 0x07, 0x01, 0x01, 0xA0, 0x8D, 0x06}},
        {"first tick 0", {gp::kFrameUpdate, 0x00, 0x05, 0x00, 0x01, 0x01, 0xA0, 0x8D, 0x06}},
        {"no ticks", {gp::kFrameUpdate, 0x00, 0x05, 0x07, 0x00}},
        {"over kMaxTicksPerUpdate", {gp::kFrameUpdate, 0x00, 0x05, 0x07, 0x81, 0x20, 0x00}},
        {"tick count over the bytes left", {gp::kFrameUpdate, 0x00, 0x05, 0x07, 0x05, 0x01, 0xA0, 0x8D, 0x06}},
        {"ticks pass 2^64-1",
         {gp::kFrameUpdate, 0x00, 0x05, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01, 0x02, 0x01, 0xA0,
          0x8D, 0x06, 0x00}},
        {"overlong server time", {gp::kFrameUpdate, 0x00, 0x85, 0x00, 0x07, 0x01, 0x01, 0xA0, 0x8D, 0x06}},
        {"first tick without dt", with(one_tick_prefix(), {0x00})},
        {"unknown dt form", with(one_tick_prefix(), {0x03, 0x00})},
        {"dt under kMinTick_s", with(one_tick_prefix(), {0x01, 0xE7, 0x07})},               // 999 us
        {"dt over kMaxServerTick_s", with(one_tick_prefix(), {0x01, 0x81, 0xA0, 0x94, 0xA5, 0x8D, 0x1D})},
        {"dt zero", with(one_tick_prefix(), {0x01, 0x00})},
        {"whole microseconds sent as f64", whole_us_as_f64},
        {"f64 dt too long", f64_too_long},
        {"f64 dt NaN", f64_nan},
        {"f64 dt negative", f64_negative},
        {"dt repeated in full", f64_repeated},
        {"dt repeated in microseconds",
         {gp::kFrameUpdate, 0x00, 0x05, 0x07, 0x02, 0x01, 0xA0, 0x8D, 0x06, 0x01, 0xA0, 0x8D, 0x06}},
        {"over kMaxCommandsPerTick", with(one_tick_prefix(), {0x85, 0x80, 0x10, 0xA0, 0x8D, 0x06})},
        {"command count over the bytes left", with(one_tick_prefix(), {0x09, 0xA0, 0x8D, 0x06, 0x05, 0x01})},
        {"bad command", with(one_tick_prefix(), {0x05, 0xA0, 0x8D, 0x06, 0x0E, 0x01})},
        {"bytes after the last tick", with(one_tick_prefix(), {0x01, 0xA0, 0x8D, 0x06, 0x00})},
        {"hash truncated", {gp::kFrameUpdate, 0x01, 0x05, 0x07, 0x01, 0x00, 0x00, 0x00}},
    };
}

TEST(Update, RejectsEveryMalformedFrameWithE016) {
    for (const BadCase& c : bad_cases()) {
        gp::DecodeError error;
        EXPECT_FALSE(decodes(c.bytes, &error)) << c.what;
        EXPECT_EQ(error.code, gp::ErrorCode::MalformedBinary) << c.what;
        EXPECT_FALSE(error.message.empty()) << c.what;
    }
}

TEST(Update, TheValidFrameTheBadCasesStartFromDecodes) {
    gp::Update out;
    gp::DecodeError error;
    const Bytes good = with(one_tick_prefix(), {0x01, 0xA0, 0x8D, 0x06});
    ASSERT_TRUE(gp::decode_update(good.data(), good.size(), &out, &error)) << error.message;
    EXPECT_EQ(out.server_time_us, 5u);
    ASSERT_EQ(out.ticks.size(), 1u);
    EXPECT_EQ(out.ticks[0].tick, 7u);
    EXPECT_EQ(out.ticks[0].dt_s, 0.1);
}

}  // namespace
