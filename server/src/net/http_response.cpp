#include "net/http_response.hpp"

#include <utility>

namespace galaxy::server {

namespace http = boost::beast::http;

HttpResponse json_response(http::status status, const nlohmann::json& body) {
    HttpResponse res = text_response(status, body.dump(), "application/json");
    res.set(http::field::cache_control, "no-store");
    return res;
}

HttpResponse error_response(http::status status, proto::ErrorCode code, std::string_view message) {
    return json_response(
        status, {{"code", proto::error_code_string(code)}, {"message", std::string(message)}});
}

HttpResponse text_response(http::status status, std::string body, std::string_view content_type) {
    HttpResponse res{status, 11};
    res.set(http::field::content_type,
            boost::beast::string_view(content_type.data(), content_type.size()));
    // Browsers must not guess another type (an uploaded .txt rendered as HTML, for example).
    res.set("X-Content-Type-Options", "nosniff");
    res.body() = std::move(body);
    return res;
}

HttpResponse plain_error_page(http::status status) {
    const std::string title = std::to_string(static_cast<unsigned>(status)) + " " +
                              std::string(http::obsolete_reason(status));
    return text_response(status,
                         "<!doctype html><html><head><title>" + title +
                             "</title></head><body><h1>" + title + "</h1></body></html>\n",
                         "text/html; charset=utf-8");
}

}  // namespace galaxy::server
