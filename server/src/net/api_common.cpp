#include "net/api_common.hpp"

#include <chrono>
#include <string>

namespace galaxy::server {

namespace http = boost::beast::http;
using proto::ErrorCode;

namespace {

constexpr double kRateWindow_s = 60.0;  // the login limits are per minute

bool iequals(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        const auto lower = [](char c) {
            return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
        };
        if (lower(a[i]) != lower(b[i])) return false;
    }
    return true;
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

}  // namespace

double steady_seconds() {
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

std::int64_t unix_seconds() {
    return std::chrono::duration_cast<std::chrono::seconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

HttpResponse unavailable(std::string_view reason) {
    HttpResponse res =
        error_response(http::status::service_unavailable, ErrorCode::DatabaseUnavailable, reason);
    res.set(http::field::retry_after, std::to_string(kRetryAfterBusy_s));
    return res;
}

HttpResponse bad_token(std::string_view message) {
    HttpResponse res = error_response(http::status::unauthorized, ErrorCode::AuthFailed, message);
    res.set(http::field::www_authenticate, "Bearer");
    return res;
}

HttpResponse internal_error(std::string_view message) {
    return error_response(http::status::internal_server_error, ErrorCode::InternalError, message);
}

HttpResponse invalid(const ValidationError& e) {
    return error_response(http::status::bad_request, e.code, e.message);
}

HttpResponse too_many_attempts() {
    HttpResponse res = error_response(http::status::too_many_requests, ErrorCode::TooManyAttempts,
                                      "too many failed attempts; try again later");
    // The window is a minute: waiting that long always frees an attempt.
    res.set(http::field::retry_after, std::to_string(static_cast<int>(kRateWindow_s)));
    return res;
}

std::optional<HttpResponse> check_json_request(const HttpRequest& request) {
    if (request.body().size() > kMaxApiBodyBytes) {
        return error_response(http::status::payload_too_large, ErrorCode::PayloadTooLarge,
                              "body is larger than 16 KiB");
    }
    std::string_view type = to_std(request[http::field::content_type]);
    type = trim(type.substr(0, type.find(';')));
    if (!iequals(type, "application/json")) {
        return error_response(http::status::unsupported_media_type, ErrorCode::MalformedJson,
                              "Content-Type must be application/json");
    }
    return std::nullopt;
}

std::optional<HttpResponse> verify_bearer(const HttpRequest& request, std::string_view secret,
                                          std::int64_t now_unix_s, std::string_view role,
                                          JwtClaims* claims) {
    const std::string_view header = trim(to_std(request[http::field::authorization]));
    constexpr std::string_view kScheme = "Bearer ";
    if (header.size() <= kScheme.size() || !iequals(header.substr(0, kScheme.size()), kScheme)) {
        return bad_token("missing Authorization: Bearer token");
    }
    const std::string_view token = trim(header.substr(kScheme.size()));
    if (token.size() > proto::kMaxTokenBytes) return bad_token("token is too long");
    const JwtError error = jwt_verify(token, secret, now_unix_s, claims);
    if (error != JwtError::None) return bad_token(jwt_error_message(error));
    if (claims->role != role) {
        return bad_token(role == "admin" ? "an admin token is required" : "not a player token");
    }
    return std::nullopt;
}

}  // namespace galaxy::server
