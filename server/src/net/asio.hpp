// The Boost.Asio and Beast headers of the HTTP gateway, in one place. Include it before any
// other Boost header: g++ 12 at -O2 reports a false "potential null pointer dereference" in
// Asio's scheduler (scheduler.ipp, compensating_work_started: the thread's call stack is never
// empty inside a handler) in every file that uses sockets, and the build uses -Werror; with the
// sanitizers it also reports Beast's parser reading a boost::optional "maybe uninitialized"
// (basic_parser.hpp, content_length). Both are silenced for these third-party headers only,
// not for our code.
#pragma once

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wnull-dereference"
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#include <boost/asio/dispatch.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/websocket/rfc6455.hpp>
#pragma GCC diagnostic pop
