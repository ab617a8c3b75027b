// Little-endian byte encoding of the state's scalar types, shared by the state hash (hash.cpp)
// and the save format (serialize.cpp) so that both put the same bytes on every target.
//
// Every multi-byte value is written least significant byte first by shifting, never by copying
// memory, so the encoding does not depend on the host's byte order. Doubles travel as their
// IEEE-754 bit pattern (std::bit_cast): -0.0, NaN payloads and infinities survive exactly.
#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <type_traits>
#include <vector>

#include "galaxy/sim/quat.hpp"
#include "galaxy/sim/vec3.hpp"

namespace galaxy::sim {

// Appends bytes to a growing buffer; lengths that are known only afterwards are reserved and
// patched (begin_length / end_length).
class ByteWriter {
public:
    void u8(std::uint8_t v) { bytes_.push_back(v); }
    void u16(std::uint16_t v);
    void u32(std::uint32_t v);
    void u64(std::uint64_t v);
    void raw(std::string_view text);  // the bytes of text, no length
    // Reserves a u32 length at the current position; returns where it is, for end_length.
    std::size_t begin_length();
    // Patches the length reserved at `at` with the number of bytes written after it.
    void end_length(std::size_t at);
    std::vector<std::uint8_t>& bytes() { return bytes_; }

private:
    std::vector<std::uint8_t> bytes_;
};

// Bounds-checked reads from data[begin, end). Offsets are absolute (from the start of data) so
// that error messages can name the byte where a defect is. A read that would pass `end` fails,
// returns false and consumes nothing. data may be null when begin == end.
class ByteReader {
public:
    ByteReader(const std::uint8_t* data, std::size_t begin, std::size_t end)
        : data_(data), pos_(begin), end_(end) {}
    std::size_t offset() const { return pos_; }
    std::size_t remaining() const { return end_ - pos_; }
    bool u8(std::uint8_t* v);
    bool u16(std::uint16_t* v);
    bool u32(std::uint32_t* v);
    bool u64(std::uint64_t* v);
    bool skip(std::size_t n);

private:
    std::uint64_t little_endian(std::size_t n);  // caller checked n <= remaining()

    const std::uint8_t* data_;
    std::size_t pos_;
    std::size_t end_;
};

// Bytes put_value writes for a T (a fixed size for every type it supports).
template <class T>
constexpr std::size_t encoded_size() {
    if constexpr (std::is_same_v<T, Vec3>) {
        return 3 * sizeof(double);
    } else if constexpr (std::is_same_v<T, Quat>) {
        return 4 * sizeof(double);
    } else if constexpr (std::is_enum_v<T>) {
        return sizeof(std::underlying_type_t<T>);
    } else {
        static_assert(std::is_arithmetic_v<T>, "no encoding for this type");
        return sizeof(T);
    }
}

// Writes v to any sink with u8/u16/u32/u64 (ByteWriter, the hasher). Enums as their underlying
// integer, signed integers as their two's-complement bits, Vec3 as x y z, Quat as w x y z.
template <class Sink, class T>
void put_value(Sink& sink, const T& v) {
    static_assert(encoded_size<T>() > 0);
    if constexpr (std::is_same_v<T, Vec3>) {
        put_value(sink, v.x);
        put_value(sink, v.y);
        put_value(sink, v.z);
    } else if constexpr (std::is_same_v<T, Quat>) {
        put_value(sink, v.w);
        put_value(sink, v.x);
        put_value(sink, v.y);
        put_value(sink, v.z);
    } else if constexpr (std::is_same_v<T, double>) {
        sink.u64(std::bit_cast<std::uint64_t>(v));
    } else if constexpr (std::is_enum_v<T>) {
        put_value(sink, static_cast<std::underlying_type_t<T>>(v));
    } else {
        static_assert(std::is_integral_v<T> && !std::is_same_v<T, bool>);
        using U = std::make_unsigned_t<T>;
        const U u = static_cast<U>(v);  // modular: the two's-complement bits (C++20)
        if constexpr (sizeof(U) == 1) {
            sink.u8(u);
        } else if constexpr (sizeof(U) == 2) {
            sink.u16(u);
        } else if constexpr (sizeof(U) == 4) {
            sink.u32(u);
        } else {
            static_assert(sizeof(U) == 8);
            sink.u64(u);
        }
    }
}

// The inverse of put_value. Any bit pattern decodes (enums keep out-of-range values, which the
// caller checks); false only if the reader runs out of bytes.
template <class T>
bool get_value(ByteReader& in, T* v) {
    if (in.remaining() < encoded_size<T>()) {
        return false;
    }
    if constexpr (std::is_same_v<T, Vec3>) {
        return get_value(in, &v->x) && get_value(in, &v->y) && get_value(in, &v->z);
    } else if constexpr (std::is_same_v<T, Quat>) {
        return get_value(in, &v->w) && get_value(in, &v->x) && get_value(in, &v->y) &&
               get_value(in, &v->z);
    } else if constexpr (std::is_same_v<T, double>) {
        std::uint64_t bits = 0;
        const bool ok = in.u64(&bits);
        *v = std::bit_cast<double>(bits);
        return ok;
    } else if constexpr (std::is_enum_v<T>) {
        // The enums of the state have a fixed underlying type, so every value of that type is
        // a valid (if unnamed) enumerator value: the cast is defined behaviour.
        std::underlying_type_t<T> raw = 0;
        const bool ok = get_value(in, &raw);
        *v = static_cast<T>(raw);
        return ok;
    } else {
        using U = std::make_unsigned_t<T>;
        bool ok = false;
        U u = 0;
        if constexpr (sizeof(U) == 1) {
            ok = in.u8(&u);
        } else if constexpr (sizeof(U) == 2) {
            ok = in.u16(&u);
        } else if constexpr (sizeof(U) == 4) {
            ok = in.u32(&u);
        } else {
            ok = in.u64(&u);
        }
        *v = static_cast<T>(u);  // modular back to signed (C++20)
        return ok;
    }
}

}  // namespace galaxy::sim
