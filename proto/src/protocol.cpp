#include "galaxy/proto/protocol.hpp"

#include <cstring>

namespace galaxy::proto {

namespace {

constexpr int kFirstCode = static_cast<int>(ErrorCode::MalformedJson);
constexpr int kLastCode = static_cast<int>(ErrorCode::ConfirmationRequired);

// Indexed by the code's number; [0] is the placeholder for values outside the enum.
constexpr const char* kCodeStrings[] = {
    "E000", "E001", "E002", "E003", "E004", "E005", "E006", "E007", "E008", "E009",
    "E010", "E011", "E012", "E013", "E014", "E015", "E016", "E017", "E018", "E019",
    "E020", "E021", "E022", "E023", "E024", "E025", "E026", "E027",
};
static_assert(sizeof(kCodeStrings) / sizeof(kCodeStrings[0]) == kLastCode + 1);

}  // namespace

const char* error_code_string(ErrorCode code) {
    const int n = static_cast<int>(code);
    return n >= kFirstCode && n <= kLastCode ? kCodeStrings[n] : kCodeStrings[0];
}

bool error_code_from_string(const char* text, ErrorCode* out) {
    if (text == nullptr) {
        return false;
    }
    for (int n = kFirstCode; n <= kLastCode; ++n) {
        if (std::strcmp(text, kCodeStrings[n]) == 0) {
            *out = static_cast<ErrorCode>(n);
            return true;
        }
    }
    return false;
}

}  // namespace galaxy::proto
