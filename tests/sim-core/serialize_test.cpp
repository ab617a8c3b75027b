// Tests for save_world / load_world (serialize.hpp), following the format and the reader's
// rules documented at the top of sim-core/src/serialize.cpp: round trips are bit-exact and
// canonical, a loaded world continues exactly like the original, and every malformed input is
// rejected with a message (never a crash; the sanitizer build runs these).

#include "galaxy/sim/serialize.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "galaxy/sim/hash.hpp"
#include "galaxy/sim/scenario.hpp"
#include "sim-core/world_samples.hpp"

namespace gs = galaxy::sim;
namespace gt = galaxy::sim::test;

namespace {

using Bytes = std::vector<std::uint8_t>;

// --- A test-side editor for well-formed blobs: split into named fields, edit, join again. ---

struct Field {
    std::string name;
    Bytes payload;
};
using Fields = std::vector<Field>;

std::uint64_t read_le(const Bytes& b, std::size_t at, int n) {
    std::uint64_t v = 0;
    for (int i = 0; i < n; ++i)
        v |= static_cast<std::uint64_t>(b.at(at + static_cast<std::size_t>(i))) << (8 * i);
    return v;
}
void put_le(Bytes& out, std::uint64_t v, int n) {
    for (int i = 0; i < n; ++i) out.push_back(static_cast<std::uint8_t>(v >> (8 * i)));
}
void put_bytes(Bytes& out, const Bytes& b) { out.insert(out.end(), b.begin(), b.end()); }

Fields split_fields(const Bytes& b, std::size_t begin, std::size_t end) {
    Fields out;
    std::size_t at = begin;
    while (at < end) {
        const std::size_t name_length = read_le(b, at, 2);
        Field f;
        f.name.assign(b.begin() + static_cast<std::ptrdiff_t>(at + 2),
                      b.begin() + static_cast<std::ptrdiff_t>(at + 2 + name_length));
        const std::size_t size = read_le(b, at + 2 + name_length, 4);
        const std::size_t payload = at + 6 + name_length;
        f.payload.assign(b.begin() + static_cast<std::ptrdiff_t>(payload),
                         b.begin() + static_cast<std::ptrdiff_t>(payload + size));
        out.push_back(f);
        at = payload + size;
    }
    return out;
}
Bytes join_fields(const Fields& fields) {
    Bytes out;
    for (const Field& f : fields) {
        put_le(out, f.name.size(), 2);
        out.insert(out.end(), f.name.begin(), f.name.end());
        put_le(out, f.payload.size(), 4);
        put_bytes(out, f.payload);
    }
    return out;
}

// The whole blob: header and top-level fields.
struct Blob {
    Bytes header;
    Fields fields;
    Field& field(const std::string& name) {
        for (Field& f : fields) {
            if (f.name == name) return f;
        }
        ADD_FAILURE() << "no field " << name;
        return fields.front();
    }
    Bytes bytes() const {
        Bytes out = header;
        put_bytes(out, join_fields(fields));
        return out;
    }
};
Blob split_blob(const Bytes& b) {
    return Blob{Bytes(b.begin(), b.begin() + 8), split_fields(b, 8, b.size())};
}

// A list payload's records (each a list of fields).
std::vector<Fields> split_list(const Bytes& payload) {
    std::vector<Fields> records;
    const std::size_t count = read_le(payload, 0, 4);
    std::size_t at = 4;
    for (std::size_t i = 0; i < count; ++i) {
        const std::size_t size = read_le(payload, at, 4);
        records.push_back(split_fields(payload, at + 4, at + 4 + size));
        at += 4 + size;
    }
    return records;
}
Bytes join_list(const std::vector<Fields>& records) {
    Bytes out;
    put_le(out, records.size(), 4);
    for (const Fields& r : records) {
        const Bytes body = join_fields(r);
        put_le(out, body.size(), 4);
        put_bytes(out, body);
    }
    return out;
}

Field& field_of(Fields& record, const std::string& name) {
    for (Field& f : record) {
        if (f.name == name) return f;
    }
    ADD_FAILURE() << "no field " << name;
    return record.front();
}

// Applies edit to record `index` of list `list` in blob b.
template <class Edit>
Bytes edit_record(const Bytes& b, const std::string& list, std::size_t index, Edit edit) {
    Blob blob = split_blob(b);
    std::vector<Fields> records = split_list(blob.field(list).payload);
    edit(records.at(index));
    blob.field(list).payload = join_list(records);
    return blob.bytes();
}

Bytes le_bytes(std::uint64_t v, int n) {
    Bytes out;
    put_le(out, v, n);
    return out;
}

// --- Helpers for loading. ---

struct LoadResult {
    bool ok = false;
    std::string error;
    gs::World world;
};

// Loads from a buffer of exactly `size` bytes (a fresh allocation, so ASan sees any overread).
LoadResult load(const Bytes& b, std::size_t size) {
    const Bytes exact(b.begin(), b.begin() + static_cast<std::ptrdiff_t>(size));
    LoadResult r;
    r.ok = gs::load_world(exact.data(), exact.size(), &r.world, &r.error);
    return r;
}
LoadResult load(const Bytes& b) { return load(b, b.size()); }

// Expects a rejection whose message names `field` and a byte offset, with *out untouched.
void expect_rejected(const Bytes& b, const std::string& field) {
    gs::World out = gt::sample_world();
    std::string error;
    EXPECT_FALSE(gs::load_world(b.data(), b.size(), &out, &error))
        << "expected an error about " << field;
    EXPECT_NE(error.find(field), std::string::npos) << "message: " << error;
    EXPECT_NE(error.find("(byte "), std::string::npos) << "message: " << error;
    EXPECT_TRUE(gt::world_differences(out, gt::sample_world()).empty()) << "*out was modified";
}

std::string join(const std::vector<std::string>& v) {
    std::string s;
    for (const std::string& x : v) s += x + " ";
    return s;
}

// --- Round trips. ---

TEST(Serialize, BlobStartsWithMagicAndVersion) {
    const Bytes b = gs::save_world(gt::sample_world());
    ASSERT_GE(b.size(), 8u);
    EXPECT_EQ(std::string(b.begin(), b.begin() + 4), "GLXW");
    EXPECT_EQ(read_le(b, 4, 4), 1u);
    // The first field is "tick" (u16 length 4, name, u32 length 8, the value).
    EXPECT_EQ(read_le(b, 8, 2), 4u);
    EXPECT_EQ(std::string(b.begin() + 10, b.begin() + 14), "tick");
    EXPECT_EQ(read_le(b, 14, 4), 8u);
    EXPECT_EQ(read_le(b, 18, 8), 123456789012ULL);
}

// Golden value: pins the save format byte for byte (size and an FNV-1a of the bytes). The
// same test runs natively and as WebAssembly, so both targets must write exactly these bytes.
// If the format changes on purpose, bump kFormatVersion in serialize.cpp and update this.
TEST(Serialize, GoldenSampleBlob) {
    const Bytes blob = gs::save_world(gt::sample_world());
    std::uint64_t fnv = 0xcbf29ce484222325ULL;
    for (const std::uint8_t b : blob) {
        fnv ^= b;
        fnv *= 0x100000001b3ULL;
    }
    EXPECT_EQ(blob.size(), 4891u);
    EXPECT_EQ(fnv, 0x263b28bfb3312764ULL);
}

TEST(Serialize, RoundTripIsBitExact) {
    const gs::World w = gt::sample_world();
    const LoadResult r = load(gs::save_world(w));
    ASSERT_TRUE(r.ok) << r.error;
    EXPECT_TRUE(gt::world_differences(w, r.world).empty())
        << join(gt::world_differences(w, r.world));
    EXPECT_EQ(gs::state_hash(r.world), gs::state_hash(w));
}

TEST(Serialize, SaveIsCanonical) {
    const Bytes first = gs::save_world(gt::sample_world());
    const LoadResult r = load(first);
    ASSERT_TRUE(r.ok) << r.error;
    EXPECT_EQ(gs::save_world(r.world), first);
}

TEST(Serialize, EmptyWorldRoundTrips) {
    const LoadResult r = load(gs::save_world(gs::World{}));
    ASSERT_TRUE(r.ok) << r.error;
    EXPECT_TRUE(gt::world_differences(gs::World{}, r.world).empty());
}

// Every field, one at a time, survives a round trip and shows in the bytes: a field the
// writer or the reader forgot would be lost here.
TEST(Serialize, EveryFieldChangeRoundTrips) {
    const Bytes base_blob = gs::save_world(gt::sample_world());
    for (const gt::FieldChange& change : gt::field_changes()) {
        gs::World w = gt::sample_world();
        change.apply(w);
        const Bytes blob = gs::save_world(w);
        EXPECT_NE(blob, base_blob) << change.field;
        const LoadResult r = load(blob);
        ASSERT_TRUE(r.ok) << change.field << ": " << r.error;
        EXPECT_TRUE(gt::world_differences(w, r.world).empty())
            << change.field << ": " << join(gt::world_differences(w, r.world));
        EXPECT_EQ(gs::state_hash(r.world), gs::state_hash(w)) << change.field;
        EXPECT_EQ(gs::save_world(r.world), blob) << change.field;
    }
}

TEST(Serialize, SolarSystemScenarioRoundTrips) {
    gs::World w = gs::scenario_solar_system();
    const std::vector<gs::Event> events = gs::step(w, 10.0, gs::scripted_spawns(w, 6, 7));
    ASSERT_EQ(w.ships.size(), 6u);
    const Bytes blob = gs::save_world(w);
    const LoadResult r = load(blob);
    ASSERT_TRUE(r.ok) << r.error;
    EXPECT_TRUE(gt::world_differences(w, r.world).empty())
        << join(gt::world_differences(w, r.world));
    EXPECT_EQ(gs::save_world(r.world), blob);
}

// Save at tick k, load into a second world, drive both with the same commands: every later
// tick's hash and events match, and the final saves are identical byte for byte.
TEST(Serialize, SaveLoadContinueIsBitIdentical) {
    constexpr std::uint64_t kSeed = 0x5eed;
    constexpr int kTicks = 120;
    constexpr int kSaveAt = 37;
    constexpr double kDt_s = 10.0;
    gs::World a = gs::scenario_solar_system();
    std::vector<gs::Command> spawns = gs::scripted_spawns(a, 8, kSeed);
    // A ship that will dock (spawned beside the home station, docked on the next tick) and a
    // target: saves taken with those states set must continue exactly as well.
    gs::Command near;
    near.type = gs::CommandType::SpawnShip;
    near.name = "Docker";
    near.spawn.kind = gs::SpawnKind::NearStation;
    near.spawn.near_station.station_id = a.home_station;
    near.spawn.near_station.distance_behind_m = 20.0;
    spawns.push_back(near);
    gs::step(a, kDt_s, spawns);
    ASSERT_EQ(a.ships.size(), 9u);
    gs::Command dock;
    dock.type = gs::CommandType::Dock;
    dock.ship = a.ships.back().id;
    gs::Command target;
    target.type = gs::CommandType::SetTarget;
    target.ship = a.ships.front().id;
    target.target = gs::TargetRef{gs::TargetKind::Station, a.home_station};
    gs::step(a, kDt_s, {dock, target});
    ASSERT_NE(a.ships.back().docked_station, 0u);
    ASSERT_EQ(a.ships.front().controls.target.kind, gs::TargetKind::Station);

    gs::World b;
    for (int t = 2; t < kTicks; ++t) {
        if (t == kSaveAt) {
            const Bytes blob = gs::save_world(a);
            const LoadResult r = load(blob);
            ASSERT_TRUE(r.ok) << r.error;
            b = r.world;
            ASSERT_EQ(gs::state_hash(b), gs::state_hash(a));
        }
        const std::vector<gs::Command> commands = gs::scripted_controls(a, kSeed);
        const std::vector<gs::Event> ea = gs::step(a, kDt_s, commands);
        if (t < kSaveAt) continue;
        const std::vector<gs::Event> eb = gs::step(b, kDt_s, commands);
        ASSERT_EQ(gs::state_hash(b), gs::state_hash(a)) << "tick " << a.tick;
        ASSERT_EQ(ea.size(), eb.size()) << "tick " << a.tick;
        for (std::size_t i = 0; i < ea.size(); ++i) {
            EXPECT_EQ(ea[i].type, eb[i].type);
            EXPECT_EQ(ea[i].tick, eb[i].tick);
            EXPECT_EQ(ea[i].ship, eb[i].ship);
            EXPECT_EQ(ea[i].station, eb[i].station);
            EXPECT_EQ(ea[i].body, eb[i].body);
            EXPECT_EQ(ea[i].reason, eb[i].reason);
        }
    }
    EXPECT_EQ(a.tick, static_cast<std::uint64_t>(kTicks));
    EXPECT_EQ(gs::save_world(a), gs::save_world(b));
}

// --- Corruption: every defect is an error with a message, never a crash. ---

TEST(SerializeCorruption, EveryTruncationIsRejected) {
    const Bytes blob = gs::save_world(gt::sample_world());
    for (std::size_t size = 0; size < blob.size(); ++size) {
        gs::World out = gt::sample_world();
        out.tick = 77;
        const Bytes exact(blob.begin(), blob.begin() + static_cast<std::ptrdiff_t>(size));
        std::string error;
        ASSERT_FALSE(gs::load_world(exact.data(), exact.size(), &out, &error)) << "size " << size;
        EXPECT_FALSE(error.empty()) << "size " << size;
        EXPECT_EQ(out.tick, 77u) << "size " << size;
    }
}

// Single-byte corruption anywhere: rejected, or (a flipped value byte) a valid world that
// itself saves and loads canonically.
TEST(SerializeCorruption, ByteFlipsAreRejectedOrLoadValidWorlds) {
    const Bytes blob = gs::save_world(gt::sample_world());
    const std::uint64_t sentinel_hash = gs::state_hash(gs::World{});
    std::size_t loaded = 0;
    std::size_t rejected = 0;
    for (std::size_t at = 0; at < blob.size(); ++at) {
        for (const std::uint8_t mask : {0x01, 0x10, 0x80, 0xff}) {
            Bytes bad = blob;
            bad[at] ^= mask;
            gs::World out;
            std::string error;
            if (gs::load_world(bad.data(), bad.size(), &out, &error)) {
                ++loaded;
                const Bytes again = gs::save_world(out);
                const LoadResult r = load(again);
                ASSERT_TRUE(r.ok) << "offset " << at << ": " << r.error;
                ASSERT_EQ(gs::save_world(r.world), again) << "offset " << at;
            } else {
                ++rejected;
                ASSERT_FALSE(error.empty()) << "offset " << at;
                ASSERT_EQ(gs::state_hash(out), sentinel_hash) << "offset " << at;
            }
        }
    }
    // Both outcomes occur: value bytes load, structure bytes (names, lengths) do not.
    EXPECT_GT(loaded, 0u);
    EXPECT_GT(rejected, 0u);
}

TEST(SerializeCorruption, NullAndEmptyInput) {
    gs::World out;
    std::string error;
    EXPECT_FALSE(gs::load_world(nullptr, 0, &out, &error));
    EXPECT_NE(error.find("header"), std::string::npos) << error;
    EXPECT_FALSE(gs::load_world(nullptr, 100, &out, &error));
    const Bytes blob = gs::save_world(gt::sample_world());
    EXPECT_FALSE(gs::load_world(blob.data(), blob.size(), nullptr, &error));
    EXPECT_FALSE(gs::load_world(blob.data(), 3, &out, nullptr));  // no error string: fine
}

TEST(SerializeCorruption, BadMagic) {
    Bytes b = gs::save_world(gt::sample_world());
    b[3] = 'X';
    expect_rejected(b, "magic");
}

TEST(SerializeCorruption, WrongVersion) {
    Bytes b = gs::save_world(gt::sample_world());
    for (const std::uint32_t version : {0u, 2u, 0x01000000u}) {
        for (int i = 0; i < 4; ++i)
            b[4 + static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(version >> (8 * i));
        expect_rejected(b, "version");
    }
}

TEST(SerializeCorruption, HugeCounts) {
    const Bytes good = gs::save_world(gt::sample_world());
    for (const std::uint32_t count : {0xffffffffu, 100001u, 100000u, 4u}) {
        Blob blob = split_blob(good);
        Bytes& payload = blob.field("ships").payload;
        for (int i = 0; i < 4; ++i)
            payload[static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(count >> (8 * i));
        expect_rejected(blob.bytes(), "ships");
    }
    Blob blob = split_blob(good);
    blob.field("bodies").payload = le_bytes(1001, 4);  // over the body limit
    expect_rejected(blob.bytes(), "bodies");
}

TEST(SerializeCorruption, CountBelowTheRecordsPresent) {
    Blob blob = split_blob(gs::save_world(gt::sample_world()));
    blob.field("stations").payload[0] = 1;  // 2 records present
    expect_rejected(blob.bytes(), "stations");
}

TEST(SerializeCorruption, LengthsPastTheEnd) {
    const Bytes good = gs::save_world(gt::sample_world());
    // The first field's payload length (after "tick") claims more than the blob holds.
    Bytes b = good;
    b[14] = 0xff;
    b[15] = 0xff;
    b[16] = 0xff;
    expect_rejected(b, "tick");
    // A field name length past the end.
    b = good;
    b[8] = 0xff;
    b[9] = 0xff;
    expect_rejected(b, "top level");
    // A record length inside a list past the end of the list.
    Blob blob = split_blob(good);
    Bytes& ships = blob.field("ships").payload;
    ships[4] = 0xff;
    ships[5] = 0xff;
    expect_rejected(blob.bytes(), "ships[0]");
}

TEST(SerializeCorruption, DuplicateField) {
    Blob blob = split_blob(gs::save_world(gt::sample_world()));
    const Field copy = blob.field("game_time_s");
    blob.fields.push_back(copy);
    expect_rejected(blob.bytes(), "game_time_s");
    const Bytes b = edit_record(gs::save_world(gt::sample_world()), "ships", 1, [](Fields& r) {
        const Field fuel = field_of(r, "fuel_kg");
        r.push_back(fuel);
    });
    expect_rejected(b, "ships[1].fuel_kg");
}

TEST(SerializeCorruption, MissingRequiredField) {
    Blob blob = split_blob(gs::save_world(gt::sample_world()));
    std::erase_if(blob.fields, [](const Field& f) { return f.name == "next_ship_id"; });
    expect_rejected(blob.bytes(), "next_ship_id");
    const Bytes b = edit_record(gs::save_world(gt::sample_world()), "bodies", 2, [](Fields& r) {
        std::erase_if(r, [](const Field& f) { return f.name == "hill_radius_m"; });
    });
    expect_rejected(b, "bodies[2].hill_radius_m");
}

TEST(SerializeCorruption, WrongPayloadSize) {
    Blob blob = split_blob(gs::save_world(gt::sample_world()));
    blob.field("tick").payload.resize(4);
    expect_rejected(blob.bytes(), "tick");
    const Bytes b = edit_record(gs::save_world(gt::sample_world()), "ships", 0,
                                [](Fields& r) { field_of(r, "attitude").payload.pop_back(); });
    expect_rejected(b, "ships[0].attitude");
}

TEST(SerializeCorruption, EnumsOutOfRange) {
    const Bytes good = gs::save_world(gt::sample_world());
    struct Case {
        const char* list;
        const char* field;
        std::uint8_t value;
    };
    for (const Case& c :
         {Case{"bodies", "def.type", 5}, Case{"ships", "ship_class", 2},
          Case{"ships", "controls.mode", 10}, Case{"ships", "controls.target.kind", 4},
          Case{"ships", "ship_class", 255}}) {
        const Bytes b = edit_record(good, c.list, 0,
                                    [&c](Fields& r) { field_of(r, c.field).payload = {c.value}; });
        expect_rejected(b, std::string(c.list) + "[0]." + c.field);
    }
    // The largest valid values load.
    for (const Case& c :
         {Case{"bodies", "def.type", 4}, Case{"ships", "ship_class", 1},
          Case{"ships", "controls.mode", 9}, Case{"ships", "controls.target.kind", 0}}) {
        const Bytes b = edit_record(good, c.list, 0,
                                    [&c](Fields& r) { field_of(r, c.field).payload = {c.value}; });
        EXPECT_TRUE(load(b).ok) << c.field << ": " << load(b).error;
    }
}

TEST(SerializeCorruption, NamesOverTheLimit) {
    gs::World w = gt::sample_world();
    w.ships[1].name = std::string(65, 'n');
    expect_rejected(gs::save_world(w), "ships[1].name");
    w = gt::sample_world();
    w.stations[0].name = std::string(65, 'n');
    expect_rejected(gs::save_world(w), "stations[0].name");
    w = gt::sample_world();
    w.bodies[3].def.name = std::string(65, 'n');
    expect_rejected(gs::save_world(w), "bodies[3].def.name");
    w = gt::sample_world();
    w.bodies[3].def.parent = std::string(65, 'n');
    expect_rejected(gs::save_world(w), "bodies[3].def.parent");
}

TEST(SerializeCorruption, InconsistentReferencesAndIds) {
    struct Case {
        const char* field;
        void (*apply)(gs::World& w);
    };
    const Case cases[] = {
        {"bodies[2].parent_index", [](gs::World& w) { w.bodies[2].parent_index = 2; }},
        {"bodies[1].parent_index", [](gs::World& w) { w.bodies[1].parent_index = -2; }},
        {"bodies[0].parent_index", [](gs::World& w) { w.bodies[0].parent_index = 3; }},
        {"ships[1].id", [](gs::World& w) { w.ships[1].id = 1; }},   // not ascending
        {"ships[0].id", [](gs::World& w) { w.ships[0].id = 0; }},   // 0 means none
        {"ships[2].id", [](gs::World& w) { w.ships[2].id = 12; }},  // == next_ship_id
        {"stations[1].id", [](gs::World& w) { w.stations[1].id = 7; }},
        {"stations[1].id", [](gs::World& w) { w.stations[1].id = 2; }},  // repeated
        {"ships[0].docked_station", [](gs::World& w) { w.ships[0].docked_station = 3; }},
        {"ships[1].controls.target.id", [](gs::World& w) { w.ships[1].controls.target.id = 4; }},
        {"home_station", [](gs::World& w) { w.home_station = 7; }},
    };
    for (const Case& c : cases) {
        gs::World w = gt::sample_world();
        c.apply(w);
        SCOPED_TRACE(c.field);
        expect_rejected(gs::save_world(w), c.field);
    }
}

TEST(SerializeCorruption, UnknownFieldsAreSkipped) {
    const gs::World w = gt::sample_world();
    Blob blob = split_blob(gs::save_world(w));
    blob.fields.insert(blob.fields.begin() + 1, Field{"from_the_future", {1, 2, 3, 4, 5}});
    blob.fields.push_back(Field{"", {}});  // an empty name is just unknown
    blob.fields.push_back(Field{"\xff\x01", Bytes(300, 9)});
    Bytes b = blob.bytes();
    b = edit_record(b, "ships", 2, [](Fields& r) {
        r.insert(r.begin(), Field{"ships_new_thing", {7}});
    });
    const LoadResult r = load(b);
    ASSERT_TRUE(r.ok) << r.error;
    EXPECT_TRUE(gt::world_differences(w, r.world).empty())
        << join(gt::world_differences(w, r.world));
    EXPECT_EQ(gs::save_world(r.world), gs::save_world(w));  // unknown fields are dropped
}

TEST(SerializeCorruption, FieldOrderDoesNotMatter) {
    const gs::World w = gt::sample_world();
    Blob blob = split_blob(gs::save_world(w));
    std::reverse(blob.fields.begin(), blob.fields.end());
    Bytes b =
        edit_record(blob.bytes(), "ships", 1, [](Fields& r) { std::reverse(r.begin(), r.end()); });
    const LoadResult r = load(b);
    ASSERT_TRUE(r.ok) << r.error;
    EXPECT_TRUE(gt::world_differences(w, r.world).empty());
}

TEST(SerializeCorruption, MessageNamesFieldAndByteOffset) {
    const Bytes good = gs::save_world(gt::sample_world());
    Blob blob = split_blob(good);
    blob.field("tick").payload.resize(4);
    const LoadResult r = load(blob.bytes());
    ASSERT_FALSE(r.ok);
    // "tick" is the first field: its payload starts after 8 header + 2 + 4 name + 4 length.
    EXPECT_EQ(r.error, "load_world: tick: payload is 4 bytes, expected 8 (byte 18)");
}

}  // namespace
