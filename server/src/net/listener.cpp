#include "net/listener.hpp"

#include <utility>

#include "core/log.hpp"

namespace galaxy::server {

namespace asio = boost::asio;
using tcp = asio::ip::tcp;

Listener::Listener(asio::io_context& io, const GatewayContext* context)
    : io_(io), context_(context), acceptor_(asio::make_strand(io)) {}

bool Listener::open(const std::string& address, std::uint16_t port, std::string* error) {
    boost::system::error_code ec;
    const auto ip = asio::ip::make_address(address, ec);
    if (ec) {
        *error = "bad bind address '" + address + "': " + ec.message();
        return false;
    }
    const tcp::endpoint endpoint(ip, port);
    const auto failed = [&](const char* what) {
        *error =
            std::string(what) + " " + address + ":" + std::to_string(port) + ": " + ec.message();
        acceptor_.close(ec);
        return false;
    };
    if (acceptor_.open(endpoint.protocol(), ec)) return failed("open");
    // A restarted server must not wait for the previous one's TIME_WAIT sockets.
    if (acceptor_.set_option(asio::socket_base::reuse_address(true), ec)) return failed("option");
    if (acceptor_.bind(endpoint, ec)) return failed("bind");
    if (acceptor_.listen(asio::socket_base::max_listen_connections, ec)) return failed("listen");
    port_ = acceptor_.local_endpoint(ec).port();
    return true;
}

std::uint16_t Listener::port() const { return port_; }

void Listener::start() {
    asio::dispatch(acceptor_.get_executor(),
                   boost::beast::bind_front_handler(&Listener::accept, shared_from_this()));
}

void Listener::stop() {
    asio::post(acceptor_.get_executor(), [self = shared_from_this()] {
        boost::system::error_code ec;
        self->acceptor_.close(ec);
    });
}

void Listener::accept() {
    // Each connection gets its own strand.
    acceptor_.async_accept(asio::make_strand(io_), boost::beast::bind_front_handler(
                                                       &Listener::on_accept, shared_from_this()));
}

void Listener::on_accept(boost::system::error_code ec, tcp::socket socket) {
    if (ec == asio::error::operation_aborted || !acceptor_.is_open()) return;  // stopped
    if (ec) {
        // Out of file descriptors and the like: the failure is the one connection's.
        log_event(LogLevel::Warn, "accept_failed", {{"error", ec.message()}});
    } else {
        run_http_session(std::move(socket), context_);
    }
    accept();
}

}  // namespace galaxy::server
