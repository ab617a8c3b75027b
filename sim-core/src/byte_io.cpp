// Little-endian writer and bounds-checked reader behind the save format and the state hash.

#include "byte_io.hpp"

#include <cassert>
#include <limits>

namespace galaxy::sim {

namespace {

// Appends the n low bytes of v, least significant first, with one insert (a save is tens of
// megabytes at the ship limit, so per-byte push_back would dominate).
void append_le(std::vector<std::uint8_t>& out, std::uint64_t v, std::size_t n) {
    std::uint8_t buf[8];
    for (std::size_t i = 0; i < n; ++i) {
        buf[i] = static_cast<std::uint8_t>(v >> (8 * i));
    }
    out.insert(out.end(), buf, buf + n);
}

}  // namespace

void ByteWriter::u16(std::uint16_t v) { append_le(bytes_, v, 2); }
void ByteWriter::u32(std::uint32_t v) { append_le(bytes_, v, 4); }
void ByteWriter::u64(std::uint64_t v) { append_le(bytes_, v, 8); }

void ByteWriter::raw(std::string_view text) {
    const auto* first = reinterpret_cast<const std::uint8_t*>(text.data());
    bytes_.insert(bytes_.end(), first, first + text.size());
}

std::size_t ByteWriter::begin_length() {
    const std::size_t at = bytes_.size();
    u32(0);
    return at;
}

void ByteWriter::end_length(std::size_t at) {
    const std::size_t length = bytes_.size() - at - 4;
    // The world's limits (kMaxShips ships of a few hundred bytes...) keep every record and list
    // far below 4 GiB; a world past them would not load anyway.
    assert(length <= std::numeric_limits<std::uint32_t>::max());
    for (std::size_t i = 0; i < 4; ++i) {
        bytes_[at + i] = static_cast<std::uint8_t>(length >> (8 * i));
    }
}

std::uint64_t ByteReader::little_endian(std::size_t n) {
    std::uint64_t v = 0;
    for (std::size_t i = 0; i < n; ++i) {
        v |= static_cast<std::uint64_t>(data_[pos_ + i]) << (8 * i);
    }
    pos_ += n;
    return v;
}

bool ByteReader::u8(std::uint8_t* v) {
    if (remaining() < 1) {
        return false;
    }
    *v = static_cast<std::uint8_t>(little_endian(1));
    return true;
}

bool ByteReader::u16(std::uint16_t* v) {
    if (remaining() < 2) {
        return false;
    }
    *v = static_cast<std::uint16_t>(little_endian(2));
    return true;
}

bool ByteReader::u32(std::uint32_t* v) {
    if (remaining() < 4) {
        return false;
    }
    *v = static_cast<std::uint32_t>(little_endian(4));
    return true;
}

bool ByteReader::u64(std::uint64_t* v) {
    if (remaining() < 8) {
        return false;
    }
    *v = little_endian(8);
    return true;
}

bool ByteReader::skip(std::size_t n) {
    if (remaining() < n) {
        return false;
    }
    pos_ += n;
    return true;
}

}  // namespace galaxy::sim
