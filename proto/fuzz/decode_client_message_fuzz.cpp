// Fuzzes decode_client_message: any text either fails with a DecodeError or decodes to a message
// whose encoding decodes to the same message and re-encodes to the same text.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_check.hpp"
#include "galaxy/proto/client_message.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    namespace gp = galaxy::proto;
    using galaxy::proto::fuzz::check;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    gp::ClientMessage message;
    gp::DecodeError error;
    if (!gp::decode_client_message(text, &message, &error)) {
        check(!error.message.empty(), "a rejection without a message");
        return 0;
    }
    const std::string encoded = gp::encode_client_message(message);
    gp::ClientMessage again;
    check(gp::decode_client_message(encoded, &again, &error), "the encoding of a decoded message is rejected");
    check(again == message, "decode(encode(m)) != m");
    check(gp::encode_client_message(again) == encoded, "encode(decode(encode(m))) != encode(m)");
    return 0;
}
