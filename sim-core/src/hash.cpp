// state_hash: FNV-1a (64-bit) over the exact bits of every state field.
//
// Byte stream hashed (all little-endian, the field order of world_fields.hpp):
//   integers   their width in bytes (enums: their underlying u8; i32: two's-complement bits)
//   doubles    the 8 bytes of their IEEE-754 bit pattern, so -0.0 != +0.0 and NaNs hash by
//              payload: "equal" means bit-identical, which is what determinism promises
//   Vec3/Quat  x y z / w x y z as doubles
//   strings    u32 byte length, then the bytes
//   lists      u32 count, then each record's fields
// Field names are not hashed: the order alone fixes the meaning. Changing the order or an
// encoding changes every hash, which breaks recorded golden hashes on purpose.

#include "galaxy/sim/hash.hpp"

#include <cstddef>
#include <string>
#include <vector>

#include "byte_io.hpp"
#include "world_fields.hpp"

namespace galaxy::sim {

namespace {

constexpr std::uint64_t kFnvOffsetBasis = 0xcbf29ce484222325ULL;
constexpr std::uint64_t kFnvPrime = 0x00000100000001b3ULL;

// A byte sink (the interface put_value writes to) that folds each byte into FNV-1a.
class Fnv1a64 {
public:
    void u8(std::uint8_t v) {
        hash_ ^= v;
        hash_ *= kFnvPrime;  // unsigned: wraps modulo 2^64 as FNV requires
    }
    void u16(std::uint16_t v) { bytes(v, 2); }
    void u32(std::uint32_t v) { bytes(v, 4); }
    void u64(std::uint64_t v) { bytes(v, 8); }
    std::uint64_t value() const { return hash_; }

private:
    void bytes(std::uint64_t v, int n) {
        for (int i = 0; i < n; ++i) {
            u8(static_cast<std::uint8_t>(v >> (8 * i)));
        }
    }

    std::uint64_t hash_ = kFnvOffsetBasis;
};

class HashVisitor {
public:
    template <class T>
    void value(const char* /*name*/, const T& v) {
        put_value(fnv_, v);
    }
    void text(const char* /*name*/, const std::string& s, std::size_t /*max_bytes*/) {
        fnv_.u32(static_cast<std::uint32_t>(s.size()));
        for (const char c : s) {
            fnv_.u8(static_cast<std::uint8_t>(c));
        }
    }
    template <class T, class VisitItem>
    void list(const char* /*name*/, const std::vector<T>& items, std::size_t /*max_count*/,
              VisitItem visit_item) {
        fnv_.u32(static_cast<std::uint32_t>(items.size()));
        for (const T& item : items) {
            visit_item(*this, item);
        }
    }
    std::uint64_t hash() const { return fnv_.value(); }

private:
    Fnv1a64 fnv_;
};

}  // namespace

std::uint64_t state_hash(const World& world) {
    HashVisitor visitor;
    fields::visit_world(visitor, world);
    return visitor.hash();
}

}  // namespace galaxy::sim
