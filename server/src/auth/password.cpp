// Argon2id password hashes in libsodium's self-describing string form ("$argon2id$v=19$m=...").
#include "auth/password.hpp"

#include <string>

#include <sodium.h>

#include "auth/sodium_init.hpp"

namespace galaxy::server {

bool password_hash(std::string_view password, const PasswordParams& params, std::string* out) {
    init_sodium();
    char hash[crypto_pwhash_STRBYTES];
    // crypto_pwhash_str uses Argon2id (crypto_pwhash_ALG_DEFAULT) with a random salt.
    if (crypto_pwhash_str(hash, password.data(), password.size(), params.opslimit,
                          params.memlimit_bytes) != 0) {
        return false;
    }
    out->assign(hash);
    return true;
}

bool password_verify(std::string_view hash, std::string_view password) {
    init_sodium();
    // libsodium reads the hash as a C string; a longer one cannot be its own output.
    if (hash.size() >= crypto_pwhash_STRBYTES) return false;
    const std::string terminated(hash);
    return crypto_pwhash_str_verify(terminated.c_str(), password.data(), password.size()) == 0;
}

bool password_needs_rehash(std::string_view hash, const PasswordParams& params) {
    init_sodium();
    if (hash.size() >= crypto_pwhash_STRBYTES) return true;
    const std::string terminated(hash);
    // 1 = other parameters or algorithm, -1 = not a hash libsodium understands: either way the
    // stored hash is not what the current parameters would make.
    return crypto_pwhash_str_needs_rehash(terminated.c_str(), params.opslimit,
                                          params.memlimit_bytes) != 0;
}

}  // namespace galaxy::server
