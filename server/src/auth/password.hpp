// Password hashing with Argon2id (libsodium crypto_pwhash_str); the parameters are encoded in
// each hash, so a hash made with older parameters is detected and replaced at the next login.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace galaxy::server {

struct PasswordParams {
    unsigned long long opslimit = 2;          // crypto_pwhash_OPSLIMIT_INTERACTIVE
    std::size_t memlimit_bytes = 67108864;    // crypto_pwhash_MEMLIMIT_INTERACTIVE (64 MiB)
};

// False only if libsodium fails (out of memory).
bool password_hash(std::string_view password, const PasswordParams& params, std::string* out);
bool password_verify(std::string_view hash, std::string_view password);
bool password_needs_rehash(std::string_view hash, const PasswordParams& params);

}  // namespace galaxy::server
