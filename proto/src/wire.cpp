#include "wire.hpp"

#include <bit>
#include <cmath>
#include <string>

namespace galaxy::proto::wire {

void Writer::u64le(std::uint64_t v) {
    // Shifts, not memcpy, so the bytes do not depend on the host's byte order.
    for (int i = 0; i < 8; ++i) {
        bytes_.push_back(static_cast<std::uint8_t>(v >> (8 * i)));
    }
}

void Writer::f64(double v) { u64le(std::bit_cast<std::uint64_t>(v)); }

void Writer::varint(std::uint64_t v) {
    while (v >= 0x80) {
        bytes_.push_back(static_cast<std::uint8_t>(v | 0x80));
        v >>= 7;
    }
    bytes_.push_back(static_cast<std::uint8_t>(v));
}

void Writer::raw(const std::uint8_t* data, std::size_t size) {
    if (size > 0) {
        bytes_.insert(bytes_.end(), data, data + size);
    }
}

void Writer::raw(std::string_view text) {
    bytes_.insert(bytes_.end(), text.begin(), text.end());
}

bool Reader::fail_at(std::size_t offset, std::string_view what) {
    if (error_.empty()) {
        error_ = std::string(what) + " (byte " + std::to_string(offset) + ")";
    }
    return false;
}

bool Reader::u8(std::uint8_t* v) {
    if (remaining() < 1) {
        return fail("truncated");
    }
    *v = data_[pos_++];
    return true;
}

bool Reader::u64le(std::uint64_t* v) {
    if (remaining() < 8) {
        return fail("truncated");
    }
    std::uint64_t value = 0;
    for (int i = 0; i < 8; ++i) {
        value |= static_cast<std::uint64_t>(data_[pos_ + static_cast<std::size_t>(i)]) << (8 * i);
    }
    pos_ += 8;
    *v = value;
    return true;
}

bool Reader::f64(double* v) {
    std::uint64_t bits = 0;
    if (!u64le(&bits)) {
        return false;
    }
    const double value = std::bit_cast<double>(bits);
    if (!std::isfinite(value)) {
        pos_ -= 8;   // name the double's first byte
        return fail("number is NaN or infinite");
    }
    *v = value;
    return true;
}

bool Reader::varint(std::uint64_t* v, std::uint64_t max) {
    const std::size_t start = pos_;
    std::uint64_t value = 0;
    for (int shift = 0; shift < 64; shift += 7) {
        if (remaining() < 1) {
            return fail("truncated");
        }
        const std::uint8_t byte = data_[pos_++];
        const std::uint64_t group = byte & 0x7Fu;
        // The tenth byte holds bit 63 only.
        if (shift == 63 && group > 1) {
            pos_ = start;
            return fail("varint over 64 bits");
        }
        value |= group << shift;
        if ((byte & 0x80u) == 0) {
            // A last byte of zero after other bytes is a longer form of a shorter varint.
            if (byte == 0 && pos_ - start > 1) {
                pos_ = start;
                return fail("varint not in its shortest form");
            }
            if (value > max) {
                pos_ = start;
                return fail("value out of range");
            }
            *v = value;
            return true;
        }
    }
    pos_ = start;
    return fail("varint over 64 bits");
}

bool Reader::u32(std::uint32_t* v) {
    std::uint64_t value = 0;
    if (!varint(&value, 0xFFFFFFFFu)) {
        return false;
    }
    *v = static_cast<std::uint32_t>(value);
    return true;
}

bool Reader::raw(std::size_t n, const std::uint8_t** out) {
    if (remaining() < n) {
        return fail("truncated");
    }
    *out = data_ + pos_;
    pos_ += n;
    return true;
}

}  // namespace galaxy::proto::wire
