// HTTP message types of the gateway and the responses every route builds from: JSON bodies,
// REST error bodies {"code":"E0xx","message":...} and plain pages.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>
#include "net/asio.hpp"  // first: see there

#include "galaxy/proto/protocol.hpp"

namespace galaxy::server {

using HttpRequest = boost::beast::http::request<boost::beast::http::string_body>;
using HttpResponse = boost::beast::http::response<boost::beast::http::string_body>;

// What /health/ready reports.
struct Readiness {
    bool ready = false;
    std::string reason;  // when not ready: "database unreachable", "world loading", "shutting down"
};

// Receives a route's answer; callable from any thread (the session posts it to its strand).
// The session fills in version, keep-alive, Server and Content-Length.
using Responder = std::function<void(HttpResponse)>;

// Beast 1.74 speaks boost::string_view; the rest of the server std::string_view.
inline std::string_view to_std(boost::beast::string_view text) {
    return {text.data(), text.size()};
}
// The path of a request target: everything before the query ("/a/b?x" -> "/a/b").
inline std::string_view target_path(boost::beast::string_view target) {
    const std::string_view text = to_std(target);
    return text.substr(0, text.find('?'));
}

// application/json body; Cache-Control: no-store (API answers may carry tokens).
HttpResponse json_response(boost::beast::http::status status, const nlohmann::json& body);
// {"code":"E0xx","message":message} with the given status.
HttpResponse error_response(boost::beast::http::status status, proto::ErrorCode code,
                            std::string_view message);
// A body of the given content type (e.g. "text/html; charset=utf-8").
HttpResponse text_response(boost::beast::http::status status, std::string body,
                           std::string_view content_type);
// The small HTML page for 404 and similar answers outside /api.
HttpResponse plain_error_page(boost::beast::http::status status);

}  // namespace galaxy::server
