// What every fuzz target checks once a decoder accepted an input: encoding the decoded value
// and decoding it again must work and give the same value (for binary frames, the very bytes
// that came in). A broken invariant aborts, which libFuzzer reports as a crash.
#pragma once

#include <cstdio>
#include <cstdlib>

namespace galaxy::proto::fuzz {

// Prints why and aborts; libFuzzer then saves the input as a crash artifact.
[[noreturn]] inline void fail(const char* why) {
    std::fprintf(stderr, "fuzz invariant broken: %s\n", why);
    std::abort();
}

inline void check(bool ok, const char* why) {
    if (!ok) fail(why);
}

}  // namespace galaxy::proto::fuzz
