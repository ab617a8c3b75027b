// Which handler answers an HTTP request (WebSocket upgrades never get here: the session hands
// them to run_ws_session first):
//   /api/admin/...   the admin API (docs/admin-api.md)
//   /api, /api/...   the accounts API (JSON, 404 E024 for unknown routes)
//   /health/live     200 {"status":"live"} while the process serves HTTP
//   /health/ready    200 {"status":"ready"}, or 503 {"status":"not_ready","reason":...}
//   /metrics         Prometheus text
//   /ws              426 without an upgrade
//   anything else    static files from the web root (/admin/ included: it is served from
//                    web_root/admin when that exists), a plain 404 page when missing
// Only GET and HEAD outside /api (405 with Allow otherwise).
#pragma once

#include <functional>
#include <string>

#include "net/http_response.hpp"

namespace galaxy::server {

class AccountsApi;
class AdminApi;
class StaticFiles;

struct HttpRoutesDef {
    const StaticFiles* files = nullptr;
    AccountsApi* accounts = nullptr;
    AdminApi* admin = nullptr;
    std::function<Readiness()> readiness;       // called per /health/ready request
    std::function<std::string()> metrics_text;  // the /metrics body
};

class HttpRoutes {
public:
    explicit HttpRoutes(HttpRoutesDef def);  // the pointers outlive the routes

    // Answers exactly once through respond, possibly later and from another thread.
    void handle(HttpRequest request, const std::string& ip, Responder respond) const;

private:
    HttpRoutesDef def_;
};

}  // namespace galaxy::server
