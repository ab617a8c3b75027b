// JSON Web Tokens, HS256 only (the algorithm is pinned: any other "alg", including "none", is
// refused). HMAC-SHA-256 from libsodium; signatures compared in constant time.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace galaxy::server {

inline constexpr std::size_t kMinJwtSecretBytes = 32;
inline constexpr std::int64_t kJwtLifetime_s = 24 * 3600;

struct JwtClaims {
    std::int64_t player_id = 0;     // "sub" (decimal string)
    std::string username;           // "name"
    std::string role = "player";    // "role": "player" or "admin"
    std::int64_t issued_at = 0;     // "iat", Unix seconds
    std::int64_t expires_at = 0;    // "exp", Unix seconds
};

enum class JwtError { None = 0, Malformed, BadAlgorithm, BadSignature, Expired };
const char* jwt_error_message(JwtError error);   // plain words for the 401 body

std::string jwt_sign(const JwtClaims& claims, std::string_view secret);
// Checks structure, algorithm, signature (constant time), then expiry against now_unix_s.
JwtError jwt_verify(std::string_view token, std::string_view secret, std::int64_t now_unix_s,
                    JwtClaims* out);

}  // namespace galaxy::server
