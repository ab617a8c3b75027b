// save_world / load_world: the binary save format of the whole world.
//
// [SECTION] Format (version 1)
//   blob        := "GLXW" | u32 version | fields
//   fields      := field*                       (up to the end of the enclosing payload)
//   field       := u16 name_length | name | u32 payload_length | payload
//   All integers are little-endian. Names are ASCII, the C++ member paths of world_fields.hpp
//   (e.g. "tick", "controls.target.kind"). A payload is, by the field's type:
//     u8 enum / u32 / i32 / u64   1 / 4 / 4 / 8 bytes (i32 as two's-complement bits)
//     double                      8 bytes, the IEEE-754 bit pattern (inf, NaN, -0.0 kept exactly)
//     Vec3 / Quat                 24 / 32 bytes: doubles x y z / w x y z
//     string                      the bytes themselves; payload_length is the string length
//     list                        u32 count | count x (u32 record_length | fields)
//
//   Top level    tick u64, game_time_s double, bodies list, next_ship_id u32,
//                next_station_id u32, home_station u32, ships list, stations list
//   Body         def.name string, def.type u8 (BodyType 0..4), def.parent string,
//                def.position_m Vec3, def.velocity_m_s Vec3, def.gm_m3_s2, def.mean_radius_m,
//                def.j2, def.reference_radius_m, def.pole_ra_deg, def.pole_dec_deg, def.w0_deg,
//                def.w_rate_deg_per_day (doubles), def.color_rgb u32, parent_index i32,
//                pole Vec3, hill_radius_m double, position_m Vec3, velocity_m_s Vec3
//   Ship         id u32, name string, ship_class u8 (0..1), position_m Vec3, velocity_m_s Vec3,
//                attitude Quat, angular_velocity_rad_s Vec3, wheel_momentum_nms Vec3,
//                fuel_kg double, controls.throttle double, controls.mode u8 (AttitudeMode),
//                controls.manual_rates_rad_s Vec3, controls.rcs_translation Vec3,
//                controls.target.kind u8 (0..3), controls.target.id u32, hold_attitude Quat,
//                docked_station u32, dock_offset_m Vec3, wheel_saturation double,
//                rcs_activity double, thrust_n double
//   Station      id u32, name string, position_m Vec3, velocity_m_s Vec3
//   save_world writes the fields in this order; a reader must not depend on the order.
//
// [SECTION] What a reader accepts
//   - magic "GLXW" and version 1 exactly (another version is a different format).
//   - Unknown field names are skipped (a newer writer may add fields); every field listed
//     above is required; a name appearing twice in one record is an error.
//   - Fixed-size payloads have exactly their size; every length stays inside its enclosing
//     payload; a list payload holds exactly `count` records and nothing after them.
//   - Limits: bodies <= 1000, ships <= kMaxShips, stations <= kMaxStations; body names and
//     parent names <= 64 bytes, ship and station names <= kMaxNameLength bytes; enums in range.
//   - Consistency: bodies[i].parent_index in [-1, i); ship and station ids >= 1, strictly
//     ascending and < next_ship_id / next_station_id; docked_station is 0 or an existing
//     station; a Body target names an existing body; home_station is 0 or < next_station_id.
//   - Doubles are not range-checked: the state legitimately holds +inf (the root's Hill radius).
//   Any defect: load_world returns false, *out untouched, *error names the field path and the
//   byte offset. A count is checked against the bytes left (4 per record) before reserving.
//
// [SECTION] Writer   [SECTION] Reader   [SECTION] Consistency checks   [SECTION] Entry points

#include "galaxy/sim/serialize.hpp"

#include <algorithm>
#include <functional>
#include <iterator>
#include <map>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "byte_io.hpp"
#include "world_fields.hpp"

namespace galaxy::sim {

namespace {

constexpr char kMagic[4] = {'G', 'L', 'X', 'W'};
constexpr std::uint32_t kFormatVersion = 1;
constexpr std::size_t kHeaderSize = 8;     // magic + version
constexpr std::size_t kMinRecordSize = 4;  // a list record's length prefix

// [SECTION] Writer

class SaveVisitor {
public:
    explicit SaveVisitor(ByteWriter& out) : out_(out) {}

    template <class T>
    void value(const char* name, const T& v) {
        begin_field(name);
        out_.u32(static_cast<std::uint32_t>(encoded_size<T>()));
        put_value(out_, v);
    }
    // Limits are the reader's business: the writer saves what it is given.
    void text(const char* name, const std::string& s, std::size_t /*max_bytes*/) {
        begin_field(name);
        out_.u32(static_cast<std::uint32_t>(s.size()));
        out_.raw(s);
    }
    template <class T, class VisitItem>
    void list(const char* name, const std::vector<T>& items, std::size_t /*max_count*/,
              VisitItem visit_item) {
        begin_field(name);
        const std::size_t payload = out_.begin_length();
        out_.u32(static_cast<std::uint32_t>(items.size()));
        for (const T& item : items) {
            const std::size_t record = out_.begin_length();
            visit_item(*this, item);
            out_.end_length(record);
        }
        out_.end_length(payload);
    }

private:
    void begin_field(std::string_view name) {
        out_.u16(static_cast<std::uint16_t>(name.size()));
        out_.raw(name);
    }

    ByteWriter& out_;
};

// [SECTION] Reader

// Field names come from the input; escape them and cut them short so an error message stays
// printable and readable whatever the bytes.
std::string printable(std::string_view s) {
    static constexpr char kHex[] = "0123456789abcdef";
    constexpr std::size_t kMaxShown = 48;
    std::string out;
    for (const char c : s.substr(0, kMaxShown)) {
        const auto u = static_cast<unsigned char>(c);
        if (u >= 0x20 && u < 0x7f && c != '\\') {
            out += c;
        } else {
            out += "\\x";
            out += kHex[u >> 4];
            out += kHex[u & 0xf];
        }
    }
    if (s.size() > kMaxShown) {
        out += "...";
    }
    return out;
}

// Shared by every RecordReader of one load: the input and the first defect found.
struct LoadState {
    const std::uint8_t* data = nullptr;
    bool failed = false;
    std::string error;
    // Byte offset of each decoded record, by list name (lists exist only at the top level), for
    // the consistency checks' messages.
    std::map<std::string, std::vector<std::size_t>, std::less<>> record_offsets;

    void fail(const std::string& where, std::size_t offset, const std::string& what) {
        if (!failed) {  // the first defect is the one worth reporting
            failed = true;
            error = "load_world: " + where + ": " + what + " (byte " + std::to_string(offset) + ")";
        }
    }
};

// Decodes one record (or the top level): the fields in data[begin, end). Construction indexes
// the fields; value/text/list then decode the named ones (the visitor interface of
// world_fields.hpp). After a defect every call does nothing, so a visit simply runs out.
class RecordReader {
public:
    // The top level.
    RecordReader(LoadState& state, std::size_t begin, std::size_t end)
        : RecordReader(state, begin, end, nullptr, nullptr, 0) {}
    // Record `index` of list `list` read by `parent` (these only name it in messages).
    RecordReader(LoadState& state, std::size_t begin, std::size_t end, const RecordReader* parent,
                 const char* list, std::size_t index)
        : state_(state), begin_(begin), parent_(parent), list_(list), index_(index) {
        index_fields(end);
    }

    template <class T>
    void value(const char* name, T& v) {
        const Entry* e = find(name);
        if (e == nullptr) {
            return;
        }
        constexpr std::size_t size = encoded_size<T>();
        if (e->payload_size != size) {
            fail(name, e->payload_begin,
                 "payload is " + std::to_string(e->payload_size) + " bytes, expected " +
                     std::to_string(size));
            return;
        }
        ByteReader in(state_.data, e->payload_begin, e->payload_begin + e->payload_size);
        T decoded{};
        get_value(in, &decoded);  // cannot fail: the size was checked
        if constexpr (std::is_enum_v<T>) {
            const auto raw = static_cast<unsigned>(decoded);
            if (raw >= fields::enum_count(decoded)) {
                fail(name, e->payload_begin,
                     "value " + std::to_string(raw) + " out of range 0.." +
                         std::to_string(fields::enum_count(decoded) - 1));
                return;
            }
        }
        v = decoded;
    }

    void text(const char* name, std::string& s, std::size_t max_bytes) {
        const Entry* e = find(name);
        if (e == nullptr) {
            return;
        }
        if (e->payload_size > max_bytes) {
            fail(name, e->payload_begin,
                 "string of " + std::to_string(e->payload_size) + " bytes exceeds the limit of " +
                     std::to_string(max_bytes));
            return;
        }
        s.assign(reinterpret_cast<const char*>(state_.data + e->payload_begin), e->payload_size);
    }

    template <class T, class VisitItem>
    void list(const char* name, std::vector<T>& items, std::size_t max_count,
              VisitItem visit_item) {
        const Entry* e = find(name);
        if (e == nullptr) {
            return;
        }
        ByteReader in(state_.data, e->payload_begin, e->payload_begin + e->payload_size);
        std::uint32_t count = 0;
        if (!in.u32(&count)) {
            fail(name, in.offset(), "list payload too short for its u32 count");
            return;
        }
        if (count > max_count) {
            fail(name, e->payload_begin,
                 "count " + std::to_string(count) + " exceeds the limit of " +
                     std::to_string(max_count));
            return;
        }
        // Never reserve on an unchecked count: every record takes at least its length prefix.
        const std::uint64_t min_bytes = static_cast<std::uint64_t>(count) * kMinRecordSize;
        if (min_bytes > in.remaining()) {
            fail(name, e->payload_begin,
                 "count " + std::to_string(count) + " needs at least " + std::to_string(min_bytes) +
                     " bytes but the list has " + std::to_string(in.remaining()));
            return;
        }
        std::vector<T> decoded;
        decoded.reserve(count);
        std::vector<std::size_t>& offsets = state_.record_offsets[name];
        offsets.clear();
        offsets.reserve(count);
        for (std::uint32_t i = 0; i < count; ++i) {
            const std::size_t at = in.offset();
            std::uint32_t length = 0;
            if (!in.u32(&length)) {
                fail(item_name(name, i), at, "record length truncated");
                return;
            }
            if (length > in.remaining()) {
                fail(item_name(name, i), at,
                     "record of " + std::to_string(length) +
                         " bytes runs past the end of the list (" + std::to_string(in.remaining()) +
                         " bytes left)");
                return;
            }
            RecordReader record(state_, in.offset(), in.offset() + length, this, name, i);
            T item{};
            visit_item(record, item);
            if (state_.failed) {
                return;
            }
            decoded.push_back(std::move(item));
            offsets.push_back(at);
            in.skip(length);
        }
        if (in.remaining() != 0) {
            fail(name, in.offset(),
                 std::to_string(in.remaining()) + " bytes after the last of " +
                     std::to_string(count) + " records");
            return;
        }
        items = std::move(decoded);
    }

    // Offset of a field's payload (for messages); the record's start if it is absent.
    std::size_t payload_offset(std::string_view name) const {
        const auto it = lower_bound(name);
        return it != entries_.end() && it->name == name ? it->payload_begin : begin_;
    }

private:
    struct Entry {
        std::string_view name;    // points into the input
        std::size_t field_begin;  // offset of the name length
        std::size_t payload_begin;
        std::size_t payload_size;
    };

    void index_fields(std::size_t end) {
        ByteReader in(state_.data, begin_, end);
        while (in.remaining() > 0 && !state_.failed) {
            const std::size_t at = in.offset();
            std::uint16_t name_length = 0;
            if (!in.u16(&name_length)) {
                fail("", at, "field header truncated (1 byte left in the record)");
                return;
            }
            if (name_length > in.remaining()) {
                fail("", at,
                     "field name of " + std::to_string(name_length) +
                         " bytes runs past the end of the record");
                return;
            }
            const std::string_view name(reinterpret_cast<const char*>(state_.data + in.offset()),
                                        name_length);
            in.skip(name_length);
            std::uint32_t payload_size = 0;
            if (!in.u32(&payload_size)) {
                fail(printable(name), in.offset(), "payload length truncated");
                return;
            }
            if (payload_size > in.remaining()) {
                fail(printable(name), at,
                     "payload of " + std::to_string(payload_size) +
                         " bytes runs past the end of the record (" +
                         std::to_string(in.remaining()) + " bytes left)");
                return;
            }
            entries_.push_back(Entry{name, at, in.offset(), payload_size});
            in.skip(payload_size);
        }
        // Sorted by name (then position), a duplicate is a neighbour, and lookups are binary
        // searches: O(n log n) even for a hostile record made of thousands of unknown fields.
        std::sort(entries_.begin(), entries_.end(), [](const Entry& a, const Entry& b) {
            return a.name != b.name ? a.name < b.name : a.field_begin < b.field_begin;
        });
        for (std::size_t i = 1; i < entries_.size() && !state_.failed; ++i) {
            if (entries_[i].name == entries_[i - 1].name) {
                fail(printable(entries_[i].name), entries_[i].field_begin,
                     "duplicate field (first at byte " +
                         std::to_string(entries_[i - 1].field_begin) + ")");
            }
        }
    }

    std::vector<Entry>::const_iterator lower_bound(std::string_view name) const {
        return std::lower_bound(entries_.begin(), entries_.end(), name,
                                [](const Entry& e, std::string_view n) { return e.name < n; });
    }

    const Entry* find(const char* name) {
        if (state_.failed) {
            return nullptr;
        }
        const auto it = lower_bound(name);
        if (it == entries_.end() || it->name != name) {
            fail(name, begin_, "required field missing from the record starting at this byte");
            return nullptr;
        }
        return &*it;
    }

    static std::string item_name(const char* list, std::size_t index) {
        return std::string(list) + "[" + std::to_string(index) + "]";
    }

    // "ships[3]" for a record, "" for the top level; built only for a message.
    std::string path() const {
        if (parent_ == nullptr) {
            return "";
        }
        const std::string outer = parent_->path();
        return (outer.empty() ? "" : outer + ".") + item_name(list_, index_);
    }

    void fail(const std::string& field, std::size_t offset, const std::string& what) {
        const std::string record = path();
        std::string where = record.empty() || field.empty() ? record + field : record + "." + field;
        state_.fail(where.empty() ? "top level" : where, offset, what);
    }

    LoadState& state_;
    std::size_t begin_;
    const RecordReader* parent_;  // null at the top level
    const char* list_;
    std::size_t index_;
    std::vector<Entry> entries_;
};

// [SECTION] Consistency checks (across fields, after every field decoded)

// Reports a defect in field `field` of record i of `list`, at the record's offset.
void fail_item(LoadState& state, std::string_view list, std::size_t i, const char* field,
               const std::string& what) {
    const auto it = state.record_offsets.find(list);
    const std::size_t at =
        it != state.record_offsets.end() && i < it->second.size() ? it->second[i] : 0;
    state.fail(std::string(list) + "[" + std::to_string(i) + "]." + field, at, what);
}

// Ids are handed out ascending from next_*_id and never reused, so a saved list is strictly
// ascending and below the counter; anything else would let a later spawn reuse an id.
template <class T>
void check_ids(LoadState& state, const char* list, const std::vector<T>& items,
               std::uint32_t next_id, const char* next_name) {
    for (std::size_t i = 0; i < items.size() && !state.failed; ++i) {
        const std::uint32_t id = items[i].id;
        if (id == 0) {
            fail_item(state, list, i, "id", "id 0 is reserved for \"none\"");
        } else if (i > 0 && id <= items[i - 1].id) {
            fail_item(state, list, i, "id",
                      "id " + std::to_string(id) + " not above the previous id " +
                          std::to_string(items[i - 1].id));
        } else if (id >= next_id) {
            fail_item(state, list, i, "id",
                      "id " + std::to_string(id) + " not below " + next_name + " " +
                          std::to_string(next_id));
        }
    }
}

// Stations are in ascending id order (checked before this is used).
bool station_exists(const std::vector<Station>& stations, std::uint32_t id) {
    const auto it = std::lower_bound(stations.begin(), stations.end(), id,
                                     [](const Station& s, std::uint32_t v) { return s.id < v; });
    return it != stations.end() && it->id == id;
}

void check_world(LoadState& state, const RecordReader& top, const World& w) {
    for (std::size_t i = 0; i < w.bodies.size() && !state.failed; ++i) {
        const std::int32_t parent = w.bodies[i].parent_index;
        // Parents precede children (world.hpp), which also keeps every index in range.
        if (parent < -1 || (parent >= 0 && static_cast<std::size_t>(parent) >= i)) {
            fail_item(state, "bodies", i, "parent_index",
                      std::to_string(parent) + " is neither -1 nor an earlier body's index");
        }
    }
    check_ids(state, "ships", w.ships, w.next_ship_id, "next_ship_id");
    check_ids(state, "stations", w.stations, w.next_station_id, "next_station_id");
    for (std::size_t i = 0; i < w.ships.size() && !state.failed; ++i) {
        const Ship& ship = w.ships[i];
        // RemoveStation undocks its ships first, so a docked ship's station exists.
        if (ship.docked_station != 0 && !station_exists(w.stations, ship.docked_station)) {
            fail_item(state, "ships", i, "docked_station",
                      "no station has id " + std::to_string(ship.docked_station));
        } else if (ship.controls.target.kind == TargetKind::Body &&
                   ship.controls.target.id >= w.bodies.size()) {
            // Bodies are never removed, so a body target is always a valid index.
            fail_item(state, "ships", i, "controls.target.id",
                      "body index " + std::to_string(ship.controls.target.id) + " out of range (" +
                          std::to_string(w.bodies.size()) + " bodies)");
        }
    }
    if (!state.failed && w.home_station != 0 && w.home_station >= w.next_station_id) {
        state.fail("home_station", top.payload_offset("home_station"),
                   "station id " + std::to_string(w.home_station) +
                       " was never handed out (next_station_id " +
                       std::to_string(w.next_station_id) + ")");
    }
}

}  // namespace

// [SECTION] Entry points

std::vector<std::uint8_t> save_world(const World& world) {
    ByteWriter out;
    for (const char c : kMagic) {
        out.u8(static_cast<std::uint8_t>(c));
    }
    out.u32(kFormatVersion);
    SaveVisitor visitor(out);
    fields::visit_world(visitor, world);
    return std::move(out.bytes());
}

bool load_world(const std::uint8_t* data, std::size_t size, World* out, std::string* error) {
    LoadState state;
    state.data = data;
    if (out == nullptr) {
        state.fail("arguments", 0, "no output world given");
    } else if (data == nullptr && size != 0) {
        state.fail("arguments", 0, "null data with a non-zero size");
    } else if (size < kHeaderSize) {
        state.fail("header", 0,
                   "blob of " + std::to_string(size) + " bytes is shorter than the " +
                       std::to_string(kHeaderSize) + "-byte header");
    } else if (!std::equal(std::begin(kMagic), std::end(kMagic), data, [](char m, std::uint8_t d) {
                   return static_cast<std::uint8_t>(m) == d;
               })) {
        state.fail("header", 0, "bad magic (expected \"GLXW\")");
    } else {
        ByteReader header(data, 4, kHeaderSize);
        std::uint32_t version = 0;
        header.u32(&version);
        if (version != kFormatVersion) {
            state.fail("header", 4,
                       "unsupported format version " + std::to_string(version) +
                           " (this build reads " + std::to_string(kFormatVersion) + ")");
        }
    }
    if (!state.failed) {
        World world;
        RecordReader top(state, kHeaderSize, size);
        fields::visit_world(top, world);
        if (!state.failed) {
            check_world(state, top, world);
        }
        if (!state.failed) {
            *out = std::move(world);
            return true;
        }
    }
    if (error != nullptr) {
        *error = state.error;
    }
    return false;
}

}  // namespace galaxy::sim
