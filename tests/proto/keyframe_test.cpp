// encode_keyframe / decode_keyframe (sync.hpp) against PROTOCOL.md, "Keyframe frame": worlds
// from the scenario library round-trip bit-exactly and continue identically, and every defect is
// rejected.
#include <gtest/gtest.h>

#include <bit>
#include <cstdint>
#include <limits>
#include <vector>

#include "galaxy/proto/sync.hpp"
#include "galaxy/sim/hash.hpp"
#include "galaxy/sim/scenario.hpp"
#include "galaxy/sim/serialize.hpp"
#include "proto/samples.hpp"

namespace gp = galaxy::proto;
namespace gs = galaxy::sim;

namespace {

using Bytes = std::vector<std::uint8_t>;

gp::Keyframe sample_keyframe() {
    gp::Keyframe k;
    k.tick = 123456;
    k.server_time_us = gp::test::kSampleTime_us;
    k.dt_s = 0.1;
    k.world = gp::test::sample_world();
    return k;
}

void put_f64(Bytes& out, double v) {
    const auto b = std::bit_cast<std::uint64_t>(v);
    for (int i = 0; i < 8; ++i) out.push_back(static_cast<std::uint8_t>(b >> (8 * i)));
}

void put_varint(Bytes& out, std::uint64_t v) {
    while (v >= 0x80) {
        out.push_back(static_cast<std::uint8_t>(v | 0x80));
        v >>= 7;
    }
    out.push_back(static_cast<std::uint8_t>(v));
}

// A keyframe frame around any world blob, header fields as in the sample.
Bytes frame_around(const Bytes& blob, double dt_s = 0.1) {
    Bytes out{gp::kFrameKeyframe};
    put_varint(out, 123456);
    put_varint(out, gp::test::kSampleTime_us);
    put_f64(out, dt_s);
    put_varint(out, blob.size());
    out.insert(out.end(), blob.begin(), blob.end());
    return out;
}

bool decodes(const Bytes& bytes, gp::DecodeError* error) {
    gp::Keyframe out;
    return gp::decode_keyframe(bytes.data(), bytes.size(), &out, error);
}

TEST(Keyframe, AWorldWithShipsAndStationsRoundTripsBitExactly) {
    const gp::Keyframe k = sample_keyframe();
    ASSERT_EQ(k.world.ships.size(), 2u);
    ASSERT_EQ(k.world.stations.size(), 2u);
    const Bytes bytes = gp::encode_keyframe(k);
    EXPECT_EQ(bytes, frame_around(gs::save_world(k.world)));

    gp::Keyframe back;
    gp::DecodeError error;
    ASSERT_TRUE(gp::decode_keyframe(bytes.data(), bytes.size(), &back, &error)) << error.message;
    EXPECT_EQ(back.tick, k.tick);
    EXPECT_EQ(back.server_time_us, k.server_time_us);
    EXPECT_EQ(back.dt_s, k.dt_s);
    EXPECT_EQ(gs::save_world(back.world), gs::save_world(k.world));
    EXPECT_EQ(gs::state_hash(back.world), gs::state_hash(k.world));
    EXPECT_EQ(gp::encode_keyframe(back), bytes);
}

TEST(Keyframe, TheSolarSystemWithScriptedShipsRoundTrips) {
    gp::Keyframe k;
    k.tick = 1;
    k.dt_s = 60.0;
    k.world = gs::scenario_solar_system();
    gs::step(k.world, 1.0, gs::scripted_spawns(k.world, 25, 7));
    ASSERT_EQ(k.world.ships.size(), 25u);
    const Bytes bytes = gp::encode_keyframe(k);
    gp::Keyframe back;
    gp::DecodeError error;
    ASSERT_TRUE(gp::decode_keyframe(bytes.data(), bytes.size(), &back, &error)) << error.message;
    EXPECT_EQ(gs::state_hash(back.world), gs::state_hash(k.world));
    EXPECT_EQ(gp::encode_keyframe(back), bytes);
}

TEST(Keyframe, ADecodedWorldContinuesExactlyLikeTheOriginal) {
    gp::Keyframe k = sample_keyframe();
    const Bytes bytes = gp::encode_keyframe(k);
    gp::Keyframe back;
    gp::DecodeError error;
    ASSERT_TRUE(gp::decode_keyframe(bytes.data(), bytes.size(), &back, &error)) << error.message;
    gp::TickRecord tick;
    tick.dt_s = 600.0;
    gs::Command throttle;
    throttle.type = gs::CommandType::SetThrottle;
    throttle.ship = k.world.ships[0].id;
    throttle.value = 1.0;
    tick.commands = {throttle};
    for (int i = 0; i < 5; ++i) {
        gp::apply_tick(k.world, tick);
        gp::apply_tick(back.world, tick);
        tick.commands.clear();
    }
    EXPECT_EQ(gs::state_hash(back.world), gs::state_hash(k.world));
}

TEST(Keyframe, EveryTruncationIsRejected) {
    const Bytes bytes = gp::encode_keyframe(sample_keyframe());
    for (std::size_t n = 0; n < bytes.size(); ++n) {
        const Bytes cut(bytes.begin(), bytes.begin() + static_cast<std::ptrdiff_t>(n));
        gp::DecodeError error;
        ASSERT_FALSE(decodes(cut, &error)) << "length " << n;
        EXPECT_EQ(error.code, gp::ErrorCode::MalformedBinary);
    }
}

TEST(Keyframe, AFailedDecodeLeavesTheOutputUntouched) {
    gp::Keyframe out = sample_keyframe();
    const Bytes bad{gp::kFrameUpdate};
    gp::DecodeError error;
    EXPECT_FALSE(gp::decode_keyframe(bad.data(), bad.size(), &out, &error));
    EXPECT_EQ(out.tick, 123456u);
    EXPECT_EQ(out.world.ships.size(), 2u);
}

// A blob load_world accepts but save_world would not write: an extra field after the others
// (load_world skips unknown fields, so only the canonical-form check catches it).
Bytes blob_with_unknown_field(const gs::World& world) {
    Bytes blob = gs::save_world(world);
    const char name[] = "zz";
    blob.insert(blob.end(), {0x02, 0x00});                 // u16 name length
    blob.insert(blob.end(), name, name + 2);
    blob.insert(blob.end(), {0x00, 0x00, 0x00, 0x00});     // u32 payload length 0
    return blob;
}

TEST(Keyframe, RejectsEveryMalformedFrameWithE016) {
    const gs::World world = gp::test::sample_world();
    const Bytes blob = gs::save_world(world);
    Bytes bad_magic = blob;
    bad_magic[0] = 'X';
    Bytes trailing = frame_around(blob);
    trailing.push_back(0x00);
    Bytes too_long = frame_around(blob);
    too_long.pop_back();
    Bytes wrong_kind = frame_around(blob);
    wrong_kind[0] = gp::kFrameUpdate;
    struct Case {
        const char* what;
        Bytes bytes;
    };
    const Case cases[] = {
        {"empty", {}},
        {"update kind", wrong_kind},
        {"dt zero", frame_around(blob, 0.0)},
        {"dt NaN", frame_around(blob, std::numeric_limits<double>::quiet_NaN())},
        {"dt infinite", frame_around(blob, std::numeric_limits<double>::infinity())},
        {"dt over kMaxServerTick_s", frame_around(blob, 2.0 * gp::kMaxServerTick_s)},
        {"world length past the end", too_long},
        {"bytes after the world", trailing},
        {"world blob with a bad magic", frame_around(bad_magic)},
        {"world blob not in save_world's form", frame_around(blob_with_unknown_field(world))},
        {"empty world blob", frame_around({})},
    };
    for (const Case& c : cases) {
        gp::DecodeError error;
        EXPECT_FALSE(decodes(c.bytes, &error)) << c.what;
        EXPECT_EQ(error.code, gp::ErrorCode::MalformedBinary) << c.what;
        EXPECT_FALSE(error.message.empty()) << c.what;
    }
}

TEST(Keyframe, TheNonCanonicalBlobIsOneLoadWorldAccepts) {
    const gs::World world = gp::test::sample_world();
    const Bytes blob = blob_with_unknown_field(world);
    gs::World loaded;
    std::string why;
    EXPECT_TRUE(gs::load_world(blob.data(), blob.size(), &loaded, &why)) << why;
}

}  // namespace
