#include "net/http_routes.hpp"

#include <string_view>
#include <utility>

#include "net/admin_api.hpp"
#include "net/api_auth.hpp"
#include "net/static_files.hpp"

namespace galaxy::server {

namespace http = boost::beast::http;

namespace {

constexpr const char* kReadMethods = "GET, HEAD";

bool is_read(http::verb method) { return method == http::verb::get || method == http::verb::head; }

HttpResponse static_answer(const StaticFiles& files, std::string_view path) {
    StaticFile file = files.load(path);
    switch (file.status) {
        case StaticStatus::Ok:
            return text_response(http::status::ok, std::move(file.body), file.content_type);
        case StaticStatus::Redirect: {
            HttpResponse res = plain_error_page(http::status::moved_permanently);
            res.set(http::field::location, file.location);
            return res;
        }
        case StaticStatus::BadPath:
            return plain_error_page(http::status::bad_request);
        case StaticStatus::NotFound:
            break;
    }
    return plain_error_page(http::status::not_found);
}

}  // namespace

HttpRoutes::HttpRoutes(HttpRoutesDef def) : def_(std::move(def)) {}

void HttpRoutes::handle(HttpRequest request, const std::string& ip, Responder respond) const {
    const std::string_view path = target_path(request.target());
    if (path == "/api/admin" || path.substr(0, 11) == "/api/admin/") {
        def_.admin->handle(std::move(request), ip, std::move(respond));
        return;
    }
    if (path == "/api" || path.substr(0, 5) == "/api/") {
        def_.accounts->handle(std::move(request), ip, std::move(respond));
        return;
    }
    const bool machine = path == "/health/live" || path == "/health/ready" || path == "/metrics";
    if (!is_read(request.method())) {
        HttpResponse res = machine ? error_response(http::status::method_not_allowed,
                                                    proto::ErrorCode::MethodNotAllowed,
                                                    "only GET and HEAD are allowed here")
                                   : plain_error_page(http::status::method_not_allowed);
        res.set(http::field::allow, kReadMethods);
        respond(std::move(res));
        return;
    }
    if (path == "/health/live") {
        respond(json_response(http::status::ok, {{"status", "live"}}));
    } else if (path == "/health/ready") {
        const Readiness readiness = def_.readiness();
        respond(readiness.ready
                    ? json_response(http::status::ok, {{"status", "ready"}})
                    : json_response(http::status::service_unavailable,
                                    {{"status", "not_ready"}, {"reason", readiness.reason}}));
    } else if (path == "/metrics") {
        HttpResponse res = text_response(http::status::ok, def_.metrics_text(),
                                         "text/plain; version=0.0.4; charset=utf-8");
        res.set(http::field::cache_control, "no-store");
        respond(std::move(res));
    } else if (path == "/ws") {
        HttpResponse res = plain_error_page(http::status::upgrade_required);
        res.set(http::field::upgrade, "websocket");
        respond(std::move(res));
    } else {
        respond(static_answer(*def_.files, path));
    }
}

}  // namespace galaxy::server
