// Accepts TCP connections and starts an HTTP session for each (Beast's listener pattern: the
// acceptor runs on its own strand, every accepted socket gets a new strand).
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "net/asio.hpp"  // first: see there

#include "net/http_session.hpp"

namespace galaxy::server {

class Listener : public std::enable_shared_from_this<Listener> {
public:
    // context outlives the listener and every session it starts.
    Listener(boost::asio::io_context& io, const GatewayContext* context);

    // Binds and listens; false with a reason in *error ("address in use"). Port 0 picks a
    // free port: port() tells which.
    bool open(const std::string& address, std::uint16_t port, std::string* error);
    std::uint16_t port() const;  // the bound port; 0 before open()

    void start();  // accepts until stop()
    void stop();   // closes the acceptor; open connections are not touched. Thread-safe.

private:
    void accept();
    void on_accept(boost::system::error_code ec, boost::asio::ip::tcp::socket socket);

    boost::asio::io_context& io_;
    const GatewayContext* context_;
    boost::asio::ip::tcp::acceptor acceptor_;
    std::uint16_t port_ = 0;
};

}  // namespace galaxy::server
