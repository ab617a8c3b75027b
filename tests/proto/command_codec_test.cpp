// encode_commands / decode_commands (sync.hpp) against PROTOCOL.md, "Commands": bit-exact round
// trips of every command type, the byte layout, and every defect a reader must reject.
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

std::uint64_t bits(double v) { return std::bit_cast<std::uint64_t>(v); }

void expect_same_command(const gs::Command& a, const gs::Command& b) {
    EXPECT_EQ(a.type, b.type);
    EXPECT_EQ(a.ship, b.ship);
    EXPECT_EQ(a.station, b.station);
    EXPECT_EQ(bits(a.value), bits(b.value));
    EXPECT_EQ(bits(a.vector.x), bits(b.vector.x));
    EXPECT_EQ(bits(a.vector.y), bits(b.vector.y));
    EXPECT_EQ(bits(a.vector.z), bits(b.vector.z));
    EXPECT_EQ(a.mode, b.mode);
    EXPECT_EQ(a.target.kind, b.target.kind);
    EXPECT_EQ(a.target.id, b.target.id);
    EXPECT_EQ(a.ship_class, b.ship_class);
    EXPECT_EQ(a.name, b.name);
    EXPECT_EQ(a.spawn.kind, b.spawn.kind);
    EXPECT_EQ(a.spawn.orbit.body_index, b.spawn.orbit.body_index);
    EXPECT_EQ(bits(a.spawn.orbit.altitude_m), bits(b.spawn.orbit.altitude_m));
    EXPECT_EQ(bits(a.spawn.orbit.inclination_rad), bits(b.spawn.orbit.inclination_rad));
    EXPECT_EQ(bits(a.spawn.orbit.raan_rad), bits(b.spawn.orbit.raan_rad));
    EXPECT_EQ(bits(a.spawn.orbit.argument_of_latitude_rad), bits(b.spawn.orbit.argument_of_latitude_rad));
    EXPECT_EQ(a.spawn.near_station.station_id, b.spawn.near_station.station_id);
    EXPECT_EQ(bits(a.spawn.near_station.distance_behind_m), bits(b.spawn.near_station.distance_behind_m));
    EXPECT_EQ(a.spawn.lagrange.primary_index, b.spawn.lagrange.primary_index);
    EXPECT_EQ(a.spawn.lagrange.secondary_index, b.spawn.lagrange.secondary_index);
    EXPECT_EQ(a.spawn.lagrange.l4, b.spawn.lagrange.l4);
}

void put_f64(Bytes& out, double v) {
    for (int i = 0; i < 8; ++i) out.push_back(static_cast<std::uint8_t>(bits(v) >> (8 * i)));
}

bool decodes(const Bytes& bytes, gp::DecodeError* error = nullptr) {
    std::vector<gs::Command> out;
    gp::DecodeError ignored;
    return gp::decode_commands(bytes.data(), bytes.size(), &out, error != nullptr ? error : &ignored);
}

TEST(CommandCodec, EveryCommandTypeRoundTripsBitExactly) {
    const std::vector<gs::Command> commands = gp::test::sample_commands();
    const Bytes bytes = gp::encode_commands(commands);
    std::vector<gs::Command> back;
    gp::DecodeError error;
    ASSERT_TRUE(gp::decode_commands(bytes.data(), bytes.size(), &back, &error)) << error.message;
    ASSERT_EQ(back.size(), commands.size());
    for (std::size_t i = 0; i < commands.size(); ++i) {
        SCOPED_TRACE(i);
        expect_same_command(back[i], commands[i]);
    }
    EXPECT_EQ(gp::encode_commands(back), bytes);
}

TEST(CommandCodec, FieldsTheTypeDoesNotUseAreNotSent) {
    gs::Command c;
    c.type = gs::CommandType::Dock;
    c.ship = 5;
    c.value = 0.7;
    c.name = "ignored";
    c.station = 9;
    std::vector<gs::Command> back;
    gp::DecodeError error;
    const Bytes bytes = gp::encode_commands({c});
    EXPECT_EQ(bytes, (Bytes{0x01, 0x05, 0x05}));
    ASSERT_TRUE(gp::decode_commands(bytes.data(), bytes.size(), &back, &error));
    ASSERT_EQ(back.size(), 1u);
    EXPECT_EQ(back[0].ship, 5u);
    EXPECT_EQ(back[0].value, 0.0);
    EXPECT_EQ(back[0].name, "");
    EXPECT_EQ(back[0].station, 0u);
}

TEST(CommandCodec, LayoutIsTheDocumentedOne) {
    EXPECT_EQ(gp::encode_commands({}), (Bytes{0x00}));

    gs::Command throttle;
    throttle.type = gs::CommandType::SetThrottle;
    throttle.ship = 300;   // varint 0xAC 0x02
    throttle.value = 0.5;
    Bytes expected{0x01, 0x00, 0xAC, 0x02};
    put_f64(expected, 0.5);
    EXPECT_EQ(gp::encode_commands({throttle}), expected);

    gs::Command target;
    target.type = gs::CommandType::SetTarget;
    target.ship = 1;
    target.target = gs::TargetRef{gs::TargetKind::Body, 3};
    EXPECT_EQ(gp::encode_commands({target}), (Bytes{0x01, 0x04, 0x01, 0x01, 0x03}));

    gs::Command rename;
    rename.type = gs::CommandType::RenameShip;
    rename.ship = 2;
    rename.name = "Ab";
    EXPECT_EQ(gp::encode_commands({rename}), (Bytes{0x01, 0x09, 0x02, 0x02, 'A', 'b'}));

    gs::Command station;
    station.type = gs::CommandType::SpawnStation;
    station.name = "L";
    station.spawn.kind = gs::SpawnKind::Lagrange;
    station.spawn.lagrange = gs::LagrangeSpawn{3, 4, true};
    EXPECT_EQ(gp::encode_commands({station}), (Bytes{0x01, 0x0C, 0x01, 'L', 0x02, 0x03, 0x04, 0x01}));

    gs::Command remove;
    remove.type = gs::CommandType::RemoveStation;
    remove.station = 128;   // varint 0x80 0x01
    EXPECT_EQ(gp::encode_commands({remove}), (Bytes{0x01, 0x0D, 0x80, 0x01}));
}

// The per-command sizes PROTOCOL.md, "Bytes per tick" quotes (ids below 128).
TEST(CommandCodec, CommandSizesAreTheDocumentedOnes) {
    auto size_of = [](gs::CommandType type, gs::SpawnKind spawn = gs::SpawnKind::Orbit) {
        gs::Command c;
        c.type = type;
        c.ship = 1;
        c.spawn.kind = spawn;
        return gp::encode_commands({c}).size() - 1;   // minus the list's count byte
    };
    using T = gs::CommandType;
    EXPECT_EQ(size_of(T::SetThrottle), 10u);
    EXPECT_EQ(size_of(T::SetAttitudeMode), 3u);
    EXPECT_EQ(size_of(T::SetManualRates), 26u);
    EXPECT_EQ(size_of(T::SetRcsTranslation), 26u);
    EXPECT_EQ(size_of(T::SetTarget), 4u);
    for (T type : {T::Dock, T::Undock, T::Refuel, T::RemoveShip, T::RemoveStation}) {
        EXPECT_EQ(size_of(type), 2u);
    }
    EXPECT_EQ(size_of(T::ResetShip), 3u);
    EXPECT_EQ(size_of(T::RenameShip), 3u);
    EXPECT_EQ(size_of(T::SpawnShip), 37u);
    EXPECT_EQ(size_of(T::SpawnShip, gs::SpawnKind::NearStation), 13u);
    EXPECT_EQ(size_of(T::SpawnShip, gs::SpawnKind::Lagrange), 7u);
    EXPECT_EQ(size_of(T::SpawnStation), 36u);
    EXPECT_EQ(size_of(T::SpawnStation, gs::SpawnKind::Lagrange), 6u);
}

TEST(CommandCodec, EveryTruncationIsRejected) {
    const Bytes bytes = gp::encode_commands(gp::test::sample_commands());
    for (std::size_t n = 0; n < bytes.size(); ++n) {
        const Bytes cut(bytes.begin(), bytes.begin() + static_cast<std::ptrdiff_t>(n));
        gp::DecodeError error;
        EXPECT_FALSE(decodes(cut, &error)) << "length " << n;
        EXPECT_EQ(error.code, gp::ErrorCode::MalformedBinary);
    }
}

TEST(CommandCodec, AFailedDecodeLeavesTheOutputUntouched) {
    std::vector<gs::Command> out(3);
    out[1].name = "kept";
    const Bytes bad{0x01, 0x0E};
    gp::DecodeError error;
    EXPECT_FALSE(gp::decode_commands(bad.data(), bad.size(), &out, &error));
    ASSERT_EQ(out.size(), 3u);
    EXPECT_EQ(out[1].name, "kept");
    EXPECT_FALSE(error.message.empty());
}

struct BadCase {
    const char* what;
    Bytes bytes;
};

std::vector<BadCase> bad_cases() {
    Bytes nan_throttle{0x01, 0x00, 0x01};
    put_f64(nan_throttle, std::numeric_limits<double>::quiet_NaN());
    Bytes inf_rates{0x01, 0x02, 0x01};
    put_f64(inf_rates, 0.0);
    put_f64(inf_rates, -std::numeric_limits<double>::infinity());
    put_f64(inf_rates, 0.0);
    Bytes long_name{0x01, 0x09, 0x01, 65};
    long_name.insert(long_name.end(), 65, 'x');
    Bytes nan_altitude{0x01, 0x0A, 0x01, 0x00, 0x00, 0x00};
    put_f64(nan_altitude, std::numeric_limits<double>::signaling_NaN());
    return {
        {"empty input", {}},
        {"unknown command type", {0x01, 0x0E, 0x01}},
        {"command type 255", {0x01, 0xFF, 0x01}},
        {"unknown attitude mode", {0x01, 0x01, 0x01, 0x0A}},
        {"unknown target kind", {0x01, 0x04, 0x01, 0x04, 0x00}},
        {"unknown ship class in reset", {0x01, 0x08, 0x01, 0x02}},
        {"unknown ship class in spawn", {0x01, 0x0A, 0x02, 0x00, 0x00}},
        {"unknown spawn kind", {0x01, 0x0C, 0x00, 0x03}},
        {"l4 flag 2", {0x01, 0x0C, 0x00, 0x02, 0x00, 0x01, 0x02}},
        {"NaN throttle", nan_throttle},
        {"infinite rate", inf_rates},
        {"NaN altitude", nan_altitude},
        {"name over kMaxNameLength", long_name},
        {"name longer than the input", {0x01, 0x09, 0x01, 0x05, 'a'}},
        {"overlong varint ship", {0x01, 0x05, 0x81, 0x00}},
        {"overlong varint zero", {0x01, 0x05, 0x80, 0x00}},
        {"ship id over 32 bits", {0x01, 0x05, 0x80, 0x80, 0x80, 0x80, 0x10}},
        {"varint of 11 bytes", {0x01, 0x05, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00}},
        {"count over kMaxCommandsPerTick", {0x81, 0x80, 0x04}},
        {"count over the bytes left", {0x03, 0x05, 0x01}},
        {"count overlong", {0x80, 0x00}},
        {"bytes after the last command", {0x01, 0x05, 0x01, 0x00}},
    };
}

TEST(CommandCodec, RejectsEveryMalformedInputWithE016) {
    for (const BadCase& c : bad_cases()) {
        gp::DecodeError error;
        EXPECT_FALSE(decodes(c.bytes, &error)) << c.what;
        EXPECT_EQ(error.code, gp::ErrorCode::MalformedBinary) << c.what;
        EXPECT_NE(error.message.find("byte"), std::string::npos) << c.what << ": " << error.message;
    }
}

TEST(CommandCodec, AcceptsTheLargestIdsAndLongestNames) {
    gs::Command c;
    c.type = gs::CommandType::RenameShip;
    c.ship = std::numeric_limits<std::uint32_t>::max();
    c.name = std::string(gs::kMaxNameLength, 'z');
    const Bytes bytes = gp::encode_commands({c});
    std::vector<gs::Command> back;
    gp::DecodeError error;
    ASSERT_TRUE(gp::decode_commands(bytes.data(), bytes.size(), &back, &error)) << error.message;
    EXPECT_EQ(back.at(0).ship, c.ship);
    EXPECT_EQ(back.at(0).name, c.name);
}

TEST(CommandCodec, AcceptsExactlyKMaxCommandsPerTick) {
    gs::Command dock;
    dock.type = gs::CommandType::Dock;
    std::vector<gs::Command> many(gp::kMaxCommandsPerTick, dock);
    Bytes bytes = gp::encode_commands(many);
    EXPECT_TRUE(decodes(bytes));
    many.push_back(dock);
    bytes = gp::encode_commands(many);
    EXPECT_FALSE(decodes(bytes));
}

}  // namespace
