// The Boost.Asio and Beast headers of the API client, in one place (include it before any
// other Boost header). g++ 12 at -O2 reports a false "potential null pointer dereference" in
// Asio's scheduler and a "maybe uninitialized" optional in Beast's parser, and the build uses
// -Werror: both are silenced for these third-party headers only (as server/src/net/asio.hpp).
#pragma once

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wnull-dereference"
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#pragma GCC diagnostic pop
