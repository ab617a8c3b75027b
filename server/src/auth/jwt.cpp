// HS256 JSON Web Tokens. The checks run in the order that reads the least unauthenticated
// data: structure and header first, then the signature, and only then the claims.
#include "auth/jwt.hpp"

#include <charconv>
#include <limits>
#include <optional>
#include <string>
#include <system_error>
#include <utility>

#include <sodium.h>
#include <nlohmann/json.hpp>

#include "auth/sodium_init.hpp"

namespace galaxy::server {
namespace {

constexpr int kVariant = sodium_base64_VARIANT_URLSAFE_NO_PADDING;
constexpr const char* kHeader = R"({"alg":"HS256","typ":"JWT"})";

using Mac = unsigned char[crypto_auth_hmacsha256_BYTES];

std::string base64url(const unsigned char* data, std::size_t size) {
    std::string out(sodium_base64_encoded_len(size, kVariant), '\0');
    sodium_bin2base64(out.data(), out.size(), data, size, kVariant);
    out.resize(out.size() - 1);  // the encoded length counts the terminating NUL
    return out;
}

std::string base64url(std::string_view text) {
    return base64url(reinterpret_cast<const unsigned char*>(text.data()), text.size());
}

// Decodes the whole of text (canonical, unpadded); nullopt on any defect.
std::optional<std::string> from_base64url(std::string_view text) {
    std::string out(text.size() * 3 / 4 + 1, '\0');
    std::size_t size = 0;
    const char* end = nullptr;
    if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), text.data(),
                          text.size(), nullptr, &size, &end, kVariant) != 0 ||
        end != text.data() + text.size()) {
        return std::nullopt;
    }
    out.resize(size);
    return out;
}

// crypto_auth_hmacsha256() wants a 32-byte key; the init/update/final form takes any length,
// which is what HS256 with an operator-chosen secret needs.
void hmac(std::string_view signing_input, std::string_view secret, Mac mac) {
    crypto_auth_hmacsha256_state state;
    crypto_auth_hmacsha256_init(&state, reinterpret_cast<const unsigned char*>(secret.data()),
                                secret.size());
    crypto_auth_hmacsha256_update(
        &state, reinterpret_cast<const unsigned char*>(signing_input.data()), signing_input.size());
    crypto_auth_hmacsha256_final(&state, mac);
    sodium_memzero(&state, sizeof state);
}

bool read_int64(const nlohmann::json& value, std::int64_t* out) {
    if (value.is_number_unsigned()) {
        const auto n = value.get<std::uint64_t>();
        if (n > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) return false;
        *out = static_cast<std::int64_t>(n);
        return true;
    }
    if (value.is_number_integer()) {
        *out = value.get<std::int64_t>();
        return true;
    }
    return false;
}

// "sub" is a decimal string of a positive player id, digits only.
bool read_subject(const nlohmann::json& value, std::int64_t* out) {
    if (!value.is_string()) return false;
    const auto& text = value.get_ref<const std::string&>();
    const char* end = text.data() + text.size();
    if (text.empty() || text[0] < '0' || text[0] > '9') return false;
    auto [ptr, ec] = std::from_chars(text.data(), end, *out);
    return ec == std::errc() && ptr == end && *out > 0;
}

bool read_claims(const std::string& payload, JwtClaims* out) {
    const nlohmann::json claims = nlohmann::json::parse(payload, nullptr, false);
    if (claims.is_discarded() || !claims.is_object()) return false;
    const auto sub = claims.find("sub");
    const auto name = claims.find("name");
    const auto role = claims.find("role");
    const auto iat = claims.find("iat");
    const auto exp = claims.find("exp");
    const auto end = claims.end();
    if (sub == end || name == end || role == end || iat == end || exp == end) return false;
    JwtClaims result;
    if (!read_subject(*sub, &result.player_id) || !name->is_string() || !role->is_string() ||
        !read_int64(*iat, &result.issued_at) || !read_int64(*exp, &result.expires_at)) {
        return false;
    }
    result.username = name->get<std::string>();
    result.role = role->get<std::string>();
    if (result.role != "player" && result.role != "admin") return false;
    *out = std::move(result);
    return true;
}

}  // namespace

const char* jwt_error_message(JwtError error) {
    switch (error) {
        case JwtError::None:
            return "valid token";
        case JwtError::Malformed:
            return "malformed token";
        case JwtError::BadAlgorithm:
            return "unsupported token algorithm";
        case JwtError::BadSignature:
            return "invalid token signature";
        case JwtError::Expired:
            return "token expired";
    }
    return "invalid token";
}

std::string jwt_sign(const JwtClaims& claims, std::string_view secret) {
    init_sodium();
    const nlohmann::json payload = {
        {"sub", std::to_string(claims.player_id)},
        {"name", claims.username},
        {"role", claims.role},
        {"iat", claims.issued_at},
        {"exp", claims.expires_at},
    };
    const std::string signing_input =
        base64url(kHeader) + "." +
        base64url(payload.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    Mac mac;
    hmac(signing_input, secret, mac);
    return signing_input + "." + base64url(mac, sizeof mac);
}

JwtError jwt_verify(std::string_view token, std::string_view secret, std::int64_t now_unix_s,
                    JwtClaims* out) {
    init_sodium();
    const auto dot1 = token.find('.');
    if (dot1 == std::string_view::npos) return JwtError::Malformed;
    const auto dot2 = token.find('.', dot1 + 1);
    if (dot2 == std::string_view::npos || token.find('.', dot2 + 1) != std::string_view::npos) {
        return JwtError::Malformed;
    }
    const std::string_view header_part = token.substr(0, dot1);
    const std::string_view payload_part = token.substr(dot1 + 1, dot2 - dot1 - 1);
    const std::string_view signature_part = token.substr(dot2 + 1);

    const auto header_text = from_base64url(header_part);
    if (!header_text) return JwtError::Malformed;
    const nlohmann::json header = nlohmann::json::parse(*header_text, nullptr, false);
    if (header.is_discarded() || !header.is_object()) return JwtError::Malformed;
    // The algorithm is pinned: a token cannot choose "none" or another key type.
    const auto alg = header.find("alg");
    if (alg == header.end() || !alg->is_string() || alg->get<std::string>() != "HS256") {
        return JwtError::BadAlgorithm;
    }

    const auto signature = from_base64url(signature_part);
    if (!signature) return JwtError::Malformed;
    Mac expected;
    hmac(token.substr(0, dot2), secret, expected);
    if (signature->size() != sizeof expected ||
        sodium_memcmp(signature->data(), expected, sizeof expected) != 0) {
        return JwtError::BadSignature;
    }

    const auto payload = from_base64url(payload_part);
    JwtClaims claims;
    if (!payload || !read_claims(*payload, &claims)) return JwtError::Malformed;
    if (claims.expires_at <= now_unix_s) return JwtError::Expired;
    *out = std::move(claims);
    return JwtError::None;
}

}  // namespace galaxy::server
