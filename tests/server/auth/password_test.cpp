// Argon2id password hashes: format, verification, and rehash detection when parameters change.
#include "auth/password.hpp"

#include <string>

#include <gtest/gtest.h>
#include <sodium.h>

namespace galaxy::server {
namespace {

// The smallest parameters libsodium accepts, so each hash takes microseconds, not 100 ms.
const PasswordParams kFast{crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN};

std::string hash_of(std::string_view password, const PasswordParams& params = kFast) {
    std::string hash;
    EXPECT_TRUE(password_hash(password, params, &hash));
    return hash;
}

TEST(Password, HashIsArgon2idWithTheGivenParameters) {
    const std::string hash = hash_of("correct horse");
    EXPECT_EQ(hash.rfind("$argon2id$", 0), 0u) << hash;
    // memlimit in KiB and opslimit as argon2 writes them: crypto_pwhash_MEMLIMIT_MIN is 8 KiB.
    EXPECT_NE(hash.find("$m=8,t=1,"), std::string::npos) << hash;
}

TEST(Password, RightPasswordVerifiesAndWrongOnesDoNot) {
    const std::string hash = hash_of("correct horse");
    EXPECT_TRUE(password_verify(hash, "correct horse"));
    EXPECT_FALSE(password_verify(hash, "correct horsE"));
    EXPECT_FALSE(password_verify(hash, "correct horse "));
    EXPECT_FALSE(password_verify(hash, ""));
}

TEST(Password, EmbeddedNulBytesAreHashedNotTruncated) {
    const std::string with_nul("abc\0def", 7);
    const std::string hash = hash_of(with_nul);
    EXPECT_TRUE(password_verify(hash, with_nul));
    EXPECT_FALSE(password_verify(hash, "abc"));
}

TEST(Password, SamePasswordGetsADifferentSaltEachTime) {
    const std::string a = hash_of("same");
    const std::string b = hash_of("same");
    EXPECT_NE(a, b);
    EXPECT_TRUE(password_verify(a, "same"));
    EXPECT_TRUE(password_verify(b, "same"));
}

TEST(Password, GarbageHashNeverVerifies) {
    EXPECT_FALSE(password_verify("", ""));
    EXPECT_FALSE(password_verify("not a hash", "not a hash"));
    EXPECT_FALSE(password_verify(std::string(1000, '$'), "x"));
    const std::string hash = hash_of("pw");
    EXPECT_FALSE(password_verify(hash.substr(0, hash.size() - 4), "pw"));
}

TEST(Password, NeedsRehashOnlyWhenParametersDiffer) {
    const std::string hash = hash_of("pw");
    EXPECT_FALSE(password_needs_rehash(hash, kFast));
    EXPECT_TRUE(password_needs_rehash(hash, {kFast.opslimit + 1, kFast.memlimit_bytes}));
    EXPECT_TRUE(password_needs_rehash(hash, {kFast.opslimit, kFast.memlimit_bytes * 2}));
}

TEST(Password, UnreadableHashNeedsRehash) {
    EXPECT_TRUE(password_needs_rehash("", kFast));
    EXPECT_TRUE(password_needs_rehash("$2b$10$bcryptlookinghash", kFast));
    EXPECT_TRUE(password_needs_rehash(std::string(1000, 'a'), kFast));
}

TEST(Password, ParametersBelowLibsodiumsMinimumFail) {
    std::string hash = "untouched";
    EXPECT_FALSE(password_hash("pw", {crypto_pwhash_OPSLIMIT_MIN, 1024}, &hash));
    EXPECT_EQ(hash, "untouched");
}

}  // namespace
}  // namespace galaxy::server
