// What the accounts API and the admin API answer alike: request checks, bearer tokens and the
// standard error answers ({"code":"E0xx","message":...}).
#pragma once

#include <optional>
#include <string_view>

#include "auth/jwt.hpp"
#include "net/api_validation.hpp"
#include "net/http_response.hpp"

namespace galaxy::server {

inline constexpr int kRetryAfterBusy_s = 5;      // suggested wait after a 503
inline constexpr const char* kDatabaseDown = "database unavailable";

double steady_seconds();      // the rate-limit clock: steady_clock, seconds
std::int64_t unix_seconds();  // the token clock: system_clock, Unix seconds

HttpResponse unavailable(std::string_view reason);       // 503 E023 with Retry-After
HttpResponse bad_token(std::string_view message);        // 401 E007 with WWW-Authenticate
HttpResponse internal_error(std::string_view message);   // 500 E017
HttpResponse invalid(const ValidationError& e);          // 400 with e's code and message
HttpResponse too_many_attempts();                        // 429 E022 with Retry-After

// 415 unless the body is declared JSON (parameters such as charset are allowed); 413 when it
// is over kMaxApiBodyBytes (the session's parser already refuses more).
std::optional<HttpResponse> check_json_request(const HttpRequest& request);

// 401 unless the request carries "Authorization: Bearer <token>" with a valid token of the
// given role ("player" or "admin"); *claims filled when it does.
std::optional<HttpResponse> verify_bearer(const HttpRequest& request, std::string_view secret,
                                          std::int64_t now_unix_s, std::string_view role,
                                          JwtClaims* claims);

}  // namespace galaxy::server
