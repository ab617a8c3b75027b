// The player WebSocket at /ws (protocol: proto/PROTOCOL.md). One session per connection,
// following Beast's pattern: all work on the session's strand, one write in flight, a bounded
// send queue.
#pragma once

#include <memory>
#include <string>

#include "net/asio.hpp"
#include "net/ws_context.hpp"

namespace galaxy::server {

// Takes over a connection whose HTTP request is a WebSocket upgrade for /ws: checks the
// Origin allow-list and the per-IP connection cap (answering 403 / 429 without upgrading),
// then accepts and runs the session until it closes. remote_ip is the peer address. The
// stream's executor must be a strand of its own (the listener gives every socket one): the
// session's reads, writes, pings and timers all complete on it.
void run_ws_session(boost::beast::tcp_stream stream,
                    boost::beast::http::request<boost::beast::http::string_body> upgrade,
                    WsContext* context, std::string remote_ip);

}  // namespace galaxy::server
