#include "update_header.hpp"

#include "galaxy/proto/sync.hpp"

namespace galaxy::load {
namespace {

// LEB128, at most 10 bytes for 64 bits, as proto writes it.
bool read_varint(const std::uint8_t* data, std::size_t size, std::size_t* offset, std::uint64_t* out) {
    std::uint64_t value = 0;
    for (int shift = 0; shift < 64 && *offset < size; shift += 7) {
        const std::uint8_t byte = data[(*offset)++];
        value |= static_cast<std::uint64_t>(byte & 0x7f) << shift;
        if ((byte & 0x80) == 0) {
            *out = value;
            return true;
        }
    }
    return false;
}

}  // namespace

bool read_update_header(const std::uint8_t* data, std::size_t size, UpdateHeader* out) {
    if (size < 2 || data[0] != proto::kFrameUpdate) return false;
    std::size_t offset = 2;
    UpdateHeader header;
    header.has_hash = (data[1] & 1) != 0;
    if (!read_varint(data, size, &offset, &header.server_time_us) ||
        !read_varint(data, size, &offset, &header.first_tick) ||
        !read_varint(data, size, &offset, &header.tick_count)) {
        return false;
    }
    *out = header;
    return true;
}

}  // namespace galaxy::load
