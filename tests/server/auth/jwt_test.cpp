// HS256 tokens: round trip, the pinned algorithm, tampering, expiry, malformed input, and
// signatures checked against HMAC-SHA-256 computed here independently.
#include "auth/jwt.hpp"

#include <set>
#include <string>

#include <gtest/gtest.h>
#include <sodium.h>
#include <nlohmann/json.hpp>

namespace galaxy::server {
namespace {

const std::string kSecret = "0123456789abcdef0123456789abcdef-test-secret";
constexpr std::int64_t kNow = 1700000000;

std::string b64(std::string_view bytes) {
    std::string out(
        sodium_base64_encoded_len(bytes.size(), sodium_base64_VARIANT_URLSAFE_NO_PADDING), '\0');
    sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()),
                      bytes.size(), sodium_base64_VARIANT_URLSAFE_NO_PADDING);
    out.pop_back();
    return out;
}

std::string unb64(std::string_view text) {
    std::string out(text.size(), '\0');
    std::size_t size = 0;
    EXPECT_EQ(sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(),
                                text.data(), text.size(), nullptr, &size, nullptr,
                                sodium_base64_VARIANT_URLSAFE_NO_PADDING),
              0);
    out.resize(size);
    return out;
}

std::string hmac_sha256(std::string_view key, std::string_view message) {
    crypto_auth_hmacsha256_state state;
    unsigned char mac[crypto_auth_hmacsha256_BYTES];
    crypto_auth_hmacsha256_init(&state, reinterpret_cast<const unsigned char*>(key.data()),
                                key.size());
    crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>(message.data()),
                                  message.size());
    crypto_auth_hmacsha256_final(&state, mac);
    return std::string(reinterpret_cast<const char*>(mac), sizeof mac);
}

// A token with the given header and payload JSON, correctly signed with secret.
std::string make_token(const std::string& header, const std::string& payload,
                       const std::string& secret = kSecret) {
    const std::string input = b64(header) + "." + b64(payload);
    return input + "." + b64(hmac_sha256(secret, input));
}

const std::string kHs256 = R"({"alg":"HS256","typ":"JWT"})";
const std::string kPayload =
    R"({"sub":"42","name":"ada","role":"admin","iat":1700000000,"exp":1700086400})";

JwtClaims sample_claims() {
    JwtClaims claims;
    claims.player_id = 42;
    claims.username = "ada";
    claims.role = "player";
    claims.issued_at = kNow;
    claims.expires_at = kNow + kJwtLifetime_s;
    return claims;
}

JwtError verify(const std::string& token, JwtClaims* out = nullptr,
                const std::string& secret = kSecret, std::int64_t now = kNow) {
    JwtClaims ignored;
    return jwt_verify(token, secret, now, out ? out : &ignored);
}

class JwtTest : public ::testing::Test {
protected:
    static void SetUpTestSuite() { ASSERT_GE(sodium_init(), 0); }
};

TEST_F(JwtTest, SignedTokenVerifiesWithTheSameClaims) {
    const JwtClaims claims = sample_claims();
    JwtClaims out;
    ASSERT_EQ(verify(jwt_sign(claims, kSecret), &out), JwtError::None);
    EXPECT_EQ(out.player_id, 42);
    EXPECT_EQ(out.username, "ada");
    EXPECT_EQ(out.role, "player");
    EXPECT_EQ(out.issued_at, kNow);
    EXPECT_EQ(out.expires_at, kNow + kJwtLifetime_s);
}

TEST_F(JwtTest, SignedTokenHasThePinnedHeaderAndAnIndependentlyComputedSignature) {
    const std::string token = jwt_sign(sample_claims(), kSecret);
    const auto dot1 = token.find('.');
    const auto dot2 = token.rfind('.');
    EXPECT_EQ(unb64(token.substr(0, dot1)), kHs256);
    EXPECT_EQ(token.find('='), std::string::npos);  // no padding
    EXPECT_EQ(unb64(token.substr(dot2 + 1)), hmac_sha256(kSecret, token.substr(0, dot2)));
    const auto payload = nlohmann::json::parse(unb64(token.substr(dot1 + 1, dot2 - dot1 - 1)));
    EXPECT_EQ(payload["sub"], "42");
    EXPECT_EQ(payload["exp"], kNow + kJwtLifetime_s);
}

TEST_F(JwtTest, TokenMadeOutsideTheServerVerifies) {
    JwtClaims out;
    ASSERT_EQ(verify(make_token(kHs256, kPayload), &out), JwtError::None);
    EXPECT_EQ(out.player_id, 42);
    EXPECT_EQ(out.role, "admin");
    EXPECT_EQ(out.expires_at, 1700086400);
}

// RFC 7515 appendix A.1: an HS256 JWS with a 64-byte key. Its claims are not the server's, so
// the result is Malformed, which is only reached after the signature has been accepted; one
// flipped signature byte makes it BadSignature.
TEST_F(JwtTest, Rfc7515VectorPassesTheSignatureCheck) {
    const std::string key = unb64(
        "AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow");
    ASSERT_EQ(key.size(), 64u);
    const std::string input =
        "eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9."
        "eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cn"
        "VlfQ";
    const std::string signature = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    EXPECT_EQ(b64(hmac_sha256(key, input)), signature);
    EXPECT_EQ(verify(input + "." + signature, nullptr, key, 0), JwtError::Malformed);
    EXPECT_EQ(verify(input + ".eBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk", nullptr, key, 0),
              JwtError::BadSignature);
}

TEST_F(JwtTest, TamperedPayloadIsBadSignature) {
    const std::string token = jwt_sign(sample_claims(), kSecret);
    JwtClaims promoted = sample_claims();
    promoted.role = "admin";
    const std::string other = jwt_sign(promoted, kSecret);
    // The promoted token's header and payload with the original token's signature.
    const std::string forged = other.substr(0, other.rfind('.')) + token.substr(token.rfind('.'));
    ASSERT_NE(forged, other);
    EXPECT_EQ(verify(forged), JwtError::BadSignature);
}

TEST_F(JwtTest, TamperedSignatureIsBadSignature) {
    std::string token = jwt_sign(sample_claims(), kSecret);
    char& first = token[token.rfind('.') + 1];
    first = first == 'A' ? 'B' : 'A';
    EXPECT_EQ(verify(token), JwtError::BadSignature);
}

TEST_F(JwtTest, TruncatedSignatureIsBadSignature) {
    const std::string input = b64(kHs256) + "." + b64(kPayload);
    const std::string mac = hmac_sha256(kSecret, input);
    EXPECT_EQ(verify(input + "." + b64(mac.substr(0, 16))), JwtError::BadSignature);
    EXPECT_EQ(verify(input + "."), JwtError::BadSignature);
}

TEST_F(JwtTest, WrongSecretIsBadSignature) {
    const std::string token = jwt_sign(sample_claims(), kSecret);
    EXPECT_EQ(verify(token, nullptr, kSecret + "x"), JwtError::BadSignature);
}

TEST_F(JwtTest, AlgNoneIsRefusedWithOrWithoutASignature) {
    const std::string header = R"({"alg":"none","typ":"JWT"})";
    EXPECT_EQ(verify(b64(header) + "." + b64(kPayload) + "."), JwtError::BadAlgorithm);
    EXPECT_EQ(verify(make_token(header, kPayload)), JwtError::BadAlgorithm);
}

TEST_F(JwtTest, OtherAlgorithmsAreRefused) {
    for (const char* header : {R"({"alg":"HS512","typ":"JWT"})", R"({"alg":"RS256"})",
                               R"({"alg":"hs256"})", R"({"typ":"JWT"})", R"({"alg":256})"}) {
        EXPECT_EQ(verify(make_token(header, kPayload)), JwtError::BadAlgorithm) << header;
    }
}

TEST_F(JwtTest, ExpiryIsExclusive) {
    JwtClaims claims = sample_claims();
    claims.expires_at = kNow;
    EXPECT_EQ(verify(jwt_sign(claims, kSecret)), JwtError::Expired);
    claims.expires_at = kNow + 1;
    EXPECT_EQ(verify(jwt_sign(claims, kSecret)), JwtError::None);
    EXPECT_EQ(
        verify(jwt_sign(sample_claims(), kSecret), nullptr, kSecret, kNow + kJwtLifetime_s + 1),
        JwtError::Expired);
}

TEST_F(JwtTest, WrongNumberOfPartsIsMalformed) {
    const std::string token = jwt_sign(sample_claims(), kSecret);
    EXPECT_EQ(verify(""), JwtError::Malformed);
    EXPECT_EQ(verify("abc"), JwtError::Malformed);
    EXPECT_EQ(verify(token.substr(0, token.rfind('.'))), JwtError::Malformed);
    EXPECT_EQ(verify(token + ".x"), JwtError::Malformed);
    EXPECT_EQ(verify(token + "."), JwtError::Malformed);
}

TEST_F(JwtTest, BadBase64IsMalformed) {
    const std::string token = jwt_sign(sample_claims(), kSecret);
    EXPECT_EQ(verify("!!!" + token.substr(token.find('.'))), JwtError::Malformed);
    EXPECT_EQ(verify(b64(kHs256) + "=." + token.substr(token.find('.') + 1)), JwtError::Malformed);
    EXPECT_EQ(verify(token + "="), JwtError::Malformed);  // padding is not base64url-no-pad
    // Standard base64 characters are not URL-safe ones.
    EXPECT_EQ(verify(b64(kHs256) + "." + b64(kPayload) + ".ab+/"), JwtError::Malformed);
}

TEST_F(JwtTest, NonJsonHeaderIsMalformed) {
    EXPECT_EQ(verify(make_token("not json", kPayload)), JwtError::Malformed);
    EXPECT_EQ(verify(make_token(R"(["alg","HS256"])", kPayload)), JwtError::Malformed);
}

TEST_F(JwtTest, CorrectlySignedButUnusableClaimsAreMalformed) {
    const char* payloads[] = {
        "not json",
        R"([1,2])",
        R"({"name":"ada","role":"player","iat":1,"exp":1800000000})",           // no sub
        R"({"sub":42,"name":"ada","role":"player","iat":1,"exp":1800000000})",  // sub not a string
        R"({"sub":"0","name":"ada","role":"player","iat":1,"exp":1800000000})",
        R"({"sub":"-4","name":"ada","role":"player","iat":1,"exp":1800000000})",
        R"({"sub":"+4","name":"ada","role":"player","iat":1,"exp":1800000000})",
        R"({"sub":"4a","name":"ada","role":"player","iat":1,"exp":1800000000})",
        R"({"sub":"99999999999999999999","name":"ada","role":"player","iat":1,"exp":1800000000})",
        R"({"sub":"4","role":"player","iat":1,"exp":1800000000})",  // no name
        R"({"sub":"4","name":7,"role":"player","iat":1,"exp":1800000000})",
        R"({"sub":"4","name":"ada","iat":1,"exp":1800000000})",  // no role
        R"({"sub":"4","name":"ada","role":"root","iat":1,"exp":1800000000})",
        R"({"sub":"4","name":"ada","role":"player","exp":1800000000})",  // no iat
        R"({"sub":"4","name":"ada","role":"player","iat":1})",           // no exp
        R"({"sub":"4","name":"ada","role":"player","iat":1,"exp":"1800000000"})",
        R"({"sub":"4","name":"ada","role":"player","iat":1,"exp":1800000000.5})",
        R"({"sub":"4","name":"ada","role":"player","iat":1,"exp":18446744073709551615})",
    };
    for (const char* payload : payloads) {
        EXPECT_EQ(verify(make_token(kHs256, payload)), JwtError::Malformed) << payload;
    }
}

TEST_F(JwtTest, FailedVerificationLeavesTheOutputUntouched) {
    JwtClaims out;
    out.username = "unchanged";
    JwtClaims expired = sample_claims();
    expired.expires_at = kNow - 1;
    EXPECT_EQ(verify(jwt_sign(expired, kSecret), &out), JwtError::Expired);
    EXPECT_EQ(out.username, "unchanged");
}

TEST_F(JwtTest, EveryErrorHasItsOwnMessage) {
    std::set<std::string> messages;
    for (JwtError e : {JwtError::None, JwtError::Malformed, JwtError::BadAlgorithm,
                       JwtError::BadSignature, JwtError::Expired}) {
        const std::string message = jwt_error_message(e);
        EXPECT_FALSE(message.empty());
        messages.insert(message);
    }
    EXPECT_EQ(messages.size(), 5u);
}

}  // namespace
}  // namespace galaxy::server
