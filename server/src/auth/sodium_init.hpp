// libsodium must be initialised once before use; every auth function calls this first.
#pragma once

#include <cstdlib>

#include <sodium.h>

namespace galaxy::server {

// sodium_init() is thread-safe and idempotent; the static makes the common case one load.
// It fails only when the system has no usable random source, which leaves no safe way to
// hash passwords, so the process stops.
inline void init_sodium() {
    static const bool ready = sodium_init() >= 0;
    if (!ready) std::abort();
}

}  // namespace galaxy::server
