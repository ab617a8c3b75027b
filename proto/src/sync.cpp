// Update and keyframe frames. Layouts and the rules a reader enforces: PROTOCOL.md, "Binary
// frames". Every rule below that rejects a decodable-looking frame keeps the encoding unique,
// so that encode(decode(bytes)) == bytes for every frame decode accepts.
#include "galaxy/proto/sync.hpp"

#include <algorithm>
#include <bit>
#include <cstdint>
#include <string>
#include <utility>

#include "command_codec.hpp"
#include "galaxy/sim/serialize.hpp"
#include "wire.hpp"

namespace galaxy::proto {

namespace {

constexpr std::uint8_t kFlagHasHash = 0x01;

// How a tick's dt_s is written, in the low two bits of the tick header.
enum DtForm : std::uint8_t {
    kDtSame = 0,           // bit-identical to the previous tick of the update (not the first)
    kDtMicroseconds = 1,   // varint k, dt_s = k / 1e6 exactly
    kDtDouble = 2,         // f64
};
constexpr std::uint64_t kDtFormBits = 2;
constexpr double kMicrosecondsPerSecond = 1e6;

// False for NaN too.
bool dt_in_range(double dt_s) { return dt_s >= sim::kMinTick_s && dt_s <= kMaxServerTick_s; }

// The whole number of microseconds dt_s is, when k / 1e6 reproduces dt_s bit for bit. For dt_s
// within kMinTick_s..kMaxServerTick_s, dt_s * 1e6 is within 1e12 and off the true k by a few
// ulps (< 1e-3), so rounding it finds the only candidate.
bool whole_microseconds(double dt_s, std::uint64_t* k) {
    if (!dt_in_range(dt_s)) {
        return false;
    }
    const auto candidate = static_cast<std::uint64_t>(dt_s * kMicrosecondsPerSecond + 0.5);
    if (static_cast<double>(candidate) / kMicrosecondsPerSecond != dt_s) {
        return false;
    }
    *k = candidate;
    return true;
}

bool same_bits(double a, double b) { return std::bit_cast<std::uint64_t>(a) == std::bit_cast<std::uint64_t>(b); }

bool read_tick(wire::Reader& in, const TickRecord* previous, TickRecord* record) {
    std::uint64_t head = 0;
    constexpr std::uint64_t kMaxHead = (kMaxCommandsPerTick << kDtFormBits) | kDtDouble;
    if (!in.varint(&head, kMaxHead)) {
        return false;
    }
    const auto form = static_cast<std::uint8_t>(head & ((1u << kDtFormBits) - 1));
    const std::uint64_t count = head >> kDtFormBits;   // <= kMaxCommandsPerTick by kMaxHead
    std::uint64_t microseconds = 0;
    switch (form) {
        case kDtSame:
            if (previous == nullptr) {
                return in.fail("the first tick of an update must give its dt");
            }
            record->dt_s = previous->dt_s;
            break;
        case kDtMicroseconds:
            if (!in.varint(&microseconds, static_cast<std::uint64_t>(kMaxServerTick_s * kMicrosecondsPerSecond))) {
                return false;
            }
            record->dt_s = static_cast<double>(microseconds) / kMicrosecondsPerSecond;
            if (!dt_in_range(record->dt_s)) {
                return in.fail("dt out of range");
            }
            break;
        case kDtDouble: {
            if (!in.f64(&record->dt_s)) {
                return false;
            }
            std::uint64_t unused = 0;
            if (!dt_in_range(record->dt_s)) {
                return in.fail("dt out of range");
            }
            if (whole_microseconds(record->dt_s, &unused)) {
                return in.fail("dt is whole microseconds and must use that form");
            }
            break;
        }
        default:
            return in.fail("unknown dt form");
    }
    if (form != kDtSame && previous != nullptr && same_bits(record->dt_s, previous->dt_s)) {
        return in.fail("dt repeats the previous tick's and must use the short form");
    }
    if (count > in.remaining() / wire::kMinCommandBytes) {
        return in.fail("command count larger than the bytes left can hold");
    }
    record->commands.resize(static_cast<std::size_t>(count));
    for (sim::Command& c : record->commands) {
        if (!wire::read_command(in, &c)) {
            return false;
        }
    }
    return true;
}

bool read_update(wire::Reader& in, Update* update) {
    std::uint8_t kind = 0;
    std::uint8_t flags = 0;
    std::uint64_t first_tick = 0;
    std::uint64_t tick_count = 0;
    if (!in.u8(&kind)) return false;
    if (kind != kFrameUpdate) return in.fail("not an update frame");
    if (!in.u8(&flags)) return false;
    if ((flags & ~kFlagHasHash) != 0) return in.fail("unknown flags");
    update->has_hash = (flags & kFlagHasHash) != 0;
    if (!in.varint(&update->server_time_us, UINT64_MAX)) return false;
    if (!in.varint(&first_tick, UINT64_MAX)) return false;
    if (first_tick == 0) return in.fail("first tick must be at least 1");
    if (!in.varint(&tick_count, kMaxTicksPerUpdate)) return false;
    if (tick_count == 0) return in.fail("an update holds at least one tick");
    if (first_tick - 1 > UINT64_MAX - tick_count) return in.fail("tick numbers pass 2^64 - 1");
    if (update->has_hash && !in.u64le(&update->state_hash)) return false;
    // Each tick is at least its one-byte header.
    if (tick_count > in.remaining()) return in.fail("tick count larger than the bytes left can hold");
    update->ticks.resize(static_cast<std::size_t>(tick_count));
    const TickRecord* previous = nullptr;
    std::uint64_t tick = first_tick;
    for (TickRecord& record : update->ticks) {
        record.tick = tick++;
        if (!read_tick(in, previous, &record)) return false;
        previous = &record;
    }
    if (in.remaining() != 0) return in.fail("bytes after the last tick");
    return true;
}

bool read_keyframe(wire::Reader& in, Keyframe* keyframe) {
    std::uint8_t kind = 0;
    if (!in.u8(&kind)) return false;
    if (kind != kFrameKeyframe) return in.fail("not a keyframe");
    if (!in.varint(&keyframe->tick, UINT64_MAX)) return false;
    if (!in.varint(&keyframe->server_time_us, UINT64_MAX)) return false;
    if (!in.f64(&keyframe->dt_s)) return false;
    if (!dt_in_range(keyframe->dt_s)) return in.fail("dt out of range");
    std::uint64_t world_size = 0;
    if (!in.varint(&world_size, in.remaining())) return false;
    const std::size_t world_at = in.offset();
    const std::uint8_t* world = nullptr;
    if (!in.raw(static_cast<std::size_t>(world_size), &world)) return false;
    if (in.remaining() != 0) return in.fail("bytes after the world");
    std::string why;
    if (!sim::load_world(world, static_cast<std::size_t>(world_size), &keyframe->world, &why)) {
        return in.fail_at(world_at, "world blob: " + why);
    }
    // load_world accepts fields in any order and skips unknown ones; only save_world's own
    // output keeps the frame's encoding unique.
    const std::vector<std::uint8_t> canonical = sim::save_world(keyframe->world);
    if (canonical.size() != world_size || !std::equal(canonical.begin(), canonical.end(), world)) {
        return in.fail_at(world_at, "world blob is not in save_world's form");
    }
    return true;
}

}  // namespace

std::vector<std::uint8_t> encode_update(const Update& update) {
    wire::Writer out;
    out.u8(kFrameUpdate);
    out.u8(update.has_hash ? kFlagHasHash : 0);
    out.varint(update.server_time_us);
    out.varint(update.ticks.empty() ? 0 : update.ticks.front().tick);
    out.varint(update.ticks.size());
    if (update.has_hash) {
        out.u64le(update.state_hash);
    }
    const TickRecord* previous = nullptr;
    for (const TickRecord& record : update.ticks) {
        const std::uint64_t count = record.commands.size();
        std::uint64_t microseconds = 0;
        if (previous != nullptr && same_bits(record.dt_s, previous->dt_s)) {
            out.varint(count << kDtFormBits | kDtSame);
        } else if (whole_microseconds(record.dt_s, &microseconds)) {
            out.varint(count << kDtFormBits | kDtMicroseconds);
            out.varint(microseconds);
        } else {
            out.varint(count << kDtFormBits | kDtDouble);
            out.f64(record.dt_s);
        }
        for (const sim::Command& c : record.commands) {
            wire::write_command(out, c);
        }
        previous = &record;
    }
    return std::move(out.bytes());
}

bool decode_update(const std::uint8_t* data, std::size_t size, Update* out, DecodeError* error) {
    wire::Reader in(data, size);
    Update update;
    if (!read_update(in, &update)) {
        *error = DecodeError{ErrorCode::MalformedBinary, "update: " + in.error()};
        return false;
    }
    *out = std::move(update);
    return true;
}

std::vector<std::uint8_t> encode_keyframe(const Keyframe& keyframe) {
    wire::Writer out;
    out.u8(kFrameKeyframe);
    out.varint(keyframe.tick);
    out.varint(keyframe.server_time_us);
    out.f64(keyframe.dt_s);
    const std::vector<std::uint8_t> world = sim::save_world(keyframe.world);
    out.varint(world.size());
    out.raw(world.data(), world.size());
    return std::move(out.bytes());
}

bool decode_keyframe(const std::uint8_t* data, std::size_t size, Keyframe* out, DecodeError* error) {
    wire::Reader in(data, size);
    Keyframe keyframe;
    if (!read_keyframe(in, &keyframe)) {
        *error = DecodeError{ErrorCode::MalformedBinary, "keyframe: " + in.error()};
        return false;
    }
    *out = std::move(keyframe);
    return true;
}

}  // namespace galaxy::proto
