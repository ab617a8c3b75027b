// The fixed head of a binary update frame (proto/PROTOCOL.md, 7.2 "Update frame"), read without
// decoding the tick records. With thousands of clients a full proto::decode_update per client
// per tick costs the generator more CPU than the server spends; most clients read only this,
// and a sample decodes fully (and checks that both readings agree).
#pragma once

#include <cstddef>
#include <cstdint>

namespace galaxy::load {

struct UpdateHeader {
    bool has_hash = false;
    std::uint64_t server_time_us = 0;   // when the last tick ended, us since the Unix epoch
    std::uint64_t first_tick = 0;
    std::uint64_t tick_count = 0;       // ticks in the frame
};

// Reads kind (must be proto::kFrameUpdate), flags and the three varints; false when the frame
// is shorter or malformed there.
bool read_update_header(const std::uint8_t* data, std::size_t size, UpdateHeader* out);

}  // namespace galaxy::load
