// Strict JSON reading for the text messages (client_message.cpp, server_message.cpp): one
// object per message, no repeated keys, no unknown keys, every field checked for type and range
// before it is read. Nothing here throws: nlohmann::json is only parsed with exceptions off and
// only read through accessors whose type was checked first.
#pragma once

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>

#include <nlohmann/json.hpp>

#include "galaxy/proto/client_message.hpp"
#include "galaxy/sim/vec3.hpp"

namespace galaxy::proto::json {

// Insertion-ordered, so that encoded messages read "type" first, in the order PROTOCOL.md lists.
using Json = nlohmann::ordered_json;

// Largest integer every JSON reader holds exactly (a JavaScript number): 2^53.
inline constexpr std::uint64_t kMaxSafeInteger = std::uint64_t{1} << 53;

// Parses text as one JSON object with a string "type", checking in this order: E001 when it is
// not JSON (including invalid UTF-8 and numbers beyond the double range) or not an object;
// E002 when "type" is missing or not a string; E003 when an object repeats a key.
bool parse_message(std::string_view text, Json* out, std::string* type, DecodeError* error);

// E003 naming the first key that is neither "type" nor in allowed.
bool check_fields(const Json& object, std::initializer_list<const char*> allowed, DecodeError* error);

// What a string may hold besides valid UTF-8 (which parsing guarantees).
enum class TextRule : std::uint8_t {
    NoControl,   // no C0 controls, DEL or C1 controls (U+0000-U+001F, U+007F-U+009F)
    Name,        // NoControl and not only spaces
};

// Typed, range-checked reads of one object's fields. Each read fails with E003 when the field
// is missing (for required reads) or of the wrong type, E004 when a number is out of range and
// E005 when a string breaks its length or character rule; the first failure fills *error.
class Fields {
public:
    Fields(const Json& object, DecodeError* error) : object_(object), error_(error) {}

    bool has(const char* key) const;
    // A JSON integer (no fraction or exponent) in 0..max.
    bool unsigned_integer(const char* key, std::uint64_t max, std::uint64_t* out);
    bool u32(const char* key, std::uint32_t* out);   // 0..2^32-1
    bool int32(const char* key, int* out);           // -2^31..2^31-1
    // Any JSON number, finite, in lo..hi.
    bool number(const char* key, double lo, double hi, double* out);
    // An array of exactly three numbers, each in -limit..limit.
    bool vec3(const char* key, double limit, sim::Vec3* out);
    bool boolean(const char* key, bool* out);
    // A string of min_bytes..max_bytes UTF-8 bytes obeying rule.
    bool text(const char* key, std::size_t min_bytes, std::size_t max_bytes, TextRule rule,
              std::string* out);
    // A string the caller maps to an enum value (and fails with E004 when it names none).
    bool word(const char* key, std::string* out);

    // Records a failure (only the first one is kept); returns false.
    bool fail(ErrorCode code, const std::string& message);

private:
    const Json* find(const char* key);   // E003 "missing" when absent

    const Json& object_;
    DecodeError* error_;
    bool failed_ = false;
};

// Compact text, with invalid UTF-8 in a string replaced by U+FFFD rather than throwing.
std::string dump(const Json& value);

// Decodes one message of a type table (entries with .type and .name): parse_message, then the
// entry named by "type" (E002 when none), then decode_fields(type, object, fields, &message,
// error) on a fresh Message. *out changes only on success.
template <class Message, class TypeEntry, std::size_t N, class DecodeFields>
bool decode_message(std::string_view text, const TypeEntry (&types)[N], DecodeFields decode_fields,
                    Message* out, DecodeError* error) {
    Json object;
    std::string type;
    if (!parse_message(text, &object, &type, error)) {
        return false;
    }
    for (const TypeEntry& t : types) {
        if (type != t.name) {
            continue;
        }
        Message message;
        message.type = t.type;
        Fields fields(object, error);
        if (!decode_fields(t.type, object, fields, &message, error)) {
            return false;
        }
        *out = std::move(message);
        return true;
    }
    *error = DecodeError{ErrorCode::UnknownType, "\"type\": unknown message type"};
    return false;
}

}  // namespace galaxy::proto::json
