// Fuzzes decode_commands: any bytes either fail with E016 or decode to a command list that
// encodes back to exactly those bytes (the encoding is unique) and decodes again.
#include <cstddef>
#include <cstdint>
#include <vector>

#include "fuzz_check.hpp"
#include "galaxy/proto/sync.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    namespace gp = galaxy::proto;
    using galaxy::proto::fuzz::check;
    std::vector<galaxy::sim::Command> commands;
    gp::DecodeError error;
    if (!gp::decode_commands(data, size, &commands, &error)) {
        check(error.code == gp::ErrorCode::MalformedBinary, "a rejection without E016");
        return 0;
    }
    const std::vector<std::uint8_t> encoded = gp::encode_commands(commands);
    check(encoded == std::vector<std::uint8_t>(data, data + size), "encode(decode(bytes)) != bytes");
    std::vector<galaxy::sim::Command> again;
    check(gp::decode_commands(encoded.data(), encoded.size(), &again, &error), "re-encoded commands are rejected");
    check(gp::encode_commands(again) == encoded, "the second round trip changed the commands");
    return 0;
}
