// The Boost.Asio / Beast headers galaxy-load uses, included in one place. g++ 12 at -O2 reports
// a false "potential null pointer dereference" inside Asio's epoll reactor
// (scheduler::compensating_work_started, scheduler.ipp:325: the thread's call stack is never
// empty inside a handler) in every file that uses sockets, and the project builds with -Werror;
// the warning is silenced for these third-party headers only, not for our code.
#pragma once

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wnull-dereference"
#include <boost/asio/connect.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/version.hpp>
#include <boost/beast/websocket.hpp>
#pragma GCC diagnostic pop
