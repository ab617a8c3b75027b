// Little-endian binary writing and bounds-checked reading for the sync frames (sync.cpp) and
// command lists (command_codec.cpp). Layouts: PROTOCOL.md, "Binary frames".
//
// Varints are unsigned LEB128: 7 bits per byte, least significant group first, high bit set on
// every byte but the last. Only the shortest form is valid, so that every value has exactly
// one encoding and encode(decode(bytes)) == bytes.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace galaxy::proto::wire {

// Appends to a growing byte buffer.
class Writer {
public:
    void u8(std::uint8_t v) { bytes_.push_back(v); }
    void u64le(std::uint64_t v);                 // 8 bytes, least significant first
    void f64(double v);                          // the IEEE-754 bit pattern as u64le
    void varint(std::uint64_t v);                // 1..10 bytes
    void raw(const std::uint8_t* data, std::size_t size);
    void raw(std::string_view text);
    std::vector<std::uint8_t>& bytes() { return bytes_; }

private:
    std::vector<std::uint8_t> bytes_;
};

// Reads data[0, size). A read that would pass the end, or a value that breaks its rule, fails:
// it returns false, and the first failure is kept as a message naming the byte offset.
class Reader {
public:
    Reader(const std::uint8_t* data, std::size_t size) : data_(data), size_(size) {}

    bool u8(std::uint8_t* v);
    bool u64le(std::uint64_t* v);
    // A finite double (NaN and infinities fail: no field of the protocol carries them).
    bool f64(double* v);
    // A shortest-form varint whose value is at most max.
    bool varint(std::uint64_t* v, std::uint64_t max);
    bool u32(std::uint32_t* v);                  // a varint at most 2^32 - 1
    // n bytes in place; *out points into the reader's data.
    bool raw(std::size_t n, const std::uint8_t** out);

    std::size_t offset() const { return pos_; }
    std::size_t remaining() const { return size_ - pos_; }
    bool ok() const { return error_.empty(); }
    // Records a defect at the current offset (only the first one is kept); returns false.
    bool fail(std::string_view what) { return fail_at(pos_, what); }
    bool fail_at(std::size_t offset, std::string_view what);
    const std::string& error() const { return error_; }

private:
    const std::uint8_t* data_;
    std::size_t size_;
    std::size_t pos_ = 0;
    std::string error_;
};

}  // namespace galaxy::proto::wire
