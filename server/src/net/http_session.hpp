// One HTTP connection, following Beast's advanced server: the session object lives as long as
// an operation holds it (shared_from_this), all its work runs on the socket's strand, and one
// request is answered before the next is read (so answers stay in order without a queue).
// A WebSocket upgrade for /ws is handed to run_ws_session with the stream.
#pragma once

#include "net/asio.hpp"  // first: see there

namespace galaxy::server {

class HttpRoutes;
struct Metrics;
struct WsContext;

inline constexpr double kHttpRequestTimeout_s = 30.0;  // reading one request, or idle keep-alive
inline constexpr double kHttpWriteTimeout_s = 30.0;    // writing one response
inline constexpr double kHttpLingerTimeout_s = 2.0;    // reading what a closed client still sends

// What every session uses; owned by ServerApp, outlives every session.
struct GatewayContext {
    const HttpRoutes* routes = nullptr;
    WsContext* ws = nullptr;
    Metrics* metrics = nullptr;
};

// Starts a session on an accepted socket (whose executor is its strand) and returns at once.
void run_http_session(boost::asio::ip::tcp::socket socket, const GatewayContext* context);

}  // namespace galaxy::server
