// Fuzzes decode_keyframe: any bytes either fail with E016 or decode to a keyframe that encodes
// back to exactly those bytes (the encoding is unique) and decodes again.
#include <cstddef>
#include <cstdint>
#include <vector>

#include "fuzz_check.hpp"
#include "galaxy/proto/sync.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    namespace gp = galaxy::proto;
    using galaxy::proto::fuzz::check;
    gp::Keyframe keyframe;
    gp::DecodeError error;
    if (!gp::decode_keyframe(data, size, &keyframe, &error)) {
        check(error.code == gp::ErrorCode::MalformedBinary, "a rejection without E016");
        return 0;
    }
    const std::vector<std::uint8_t> encoded = gp::encode_keyframe(keyframe);
    check(encoded == std::vector<std::uint8_t>(data, data + size), "encode(decode(bytes)) != bytes");
    gp::Keyframe again;
    check(gp::decode_keyframe(encoded.data(), encoded.size(), &again, &error), "re-encoded keyframe is rejected");
    check(gp::encode_keyframe(again) == encoded, "the second round trip changed the keyframe");
    return 0;
}
