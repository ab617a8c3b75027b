// Fuzzes decode_update: any bytes either fail with E016 or decode to an update that encodes
// back to exactly those bytes (the encoding is unique) and decodes again.
#include <cstddef>
#include <cstdint>
#include <vector>

#include "fuzz_check.hpp"
#include "galaxy/proto/sync.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    namespace gp = galaxy::proto;
    using galaxy::proto::fuzz::check;
    gp::Update update;
    gp::DecodeError error;
    if (!gp::decode_update(data, size, &update, &error)) {
        check(error.code == gp::ErrorCode::MalformedBinary, "a rejection without E016");
        return 0;
    }
    const std::vector<std::uint8_t> encoded = gp::encode_update(update);
    check(encoded == std::vector<std::uint8_t>(data, data + size), "encode(decode(bytes)) != bytes");
    gp::Update again;
    check(gp::decode_update(encoded.data(), encoded.size(), &again, &error), "re-encoded update is rejected");
    check(gp::encode_update(again) == encoded, "the second round trip changed the update");
    return 0;
}
