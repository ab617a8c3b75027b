// A TCP forwarder for tests that need a service to vanish: connections to the proxy's port go
// to the target until cut(), which closes the listener and every forwarded connection, so that
// the service looks down (connections refused) without stopping it for other tests.
#pragma once

#include <cstdint>
#include <future>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "net/asio.hpp"  // before any other Boost header: see there

#include <boost/asio/write.hpp>

namespace galaxy::test {

class TcpProxy {
public:
    TcpProxy(const std::string& target_host, std::uint16_t target_port)
        : acceptor_(io_, {boost::asio::ip::make_address("127.0.0.1"), 0}),
          target_(boost::asio::ip::make_address(target_host), target_port) {
        accept();
        thread_ = std::thread([this] { io_.run(); });
    }
    ~TcpProxy() {
        cut();
        work_.reset();
        thread_.join();
    }
    TcpProxy(const TcpProxy&) = delete;
    TcpProxy& operator=(const TcpProxy&) = delete;

    std::uint16_t port() const { return acceptor_.local_endpoint().port(); }

    // Closes the listening socket and every forwarded connection; waits until done.
    void cut() {
        std::promise<void> done;
        boost::asio::post(io_, [this, &done] {
            boost::system::error_code ignored;
            acceptor_.close(ignored);
            for (auto& socket : sockets_) socket->close(ignored);
            sockets_.clear();
            done.set_value();
        });
        done.get_future().wait();
    }

private:
    using Socket = boost::asio::ip::tcp::socket;

    void accept() {
        acceptor_.async_accept([this](boost::system::error_code ec, Socket client) {
            if (ec) return;  // closed by cut()
            auto inbound = std::make_shared<Socket>(std::move(client));
            auto outbound = std::make_shared<Socket>(io_);
            sockets_.push_back(inbound);
            sockets_.push_back(outbound);
            outbound->async_connect(target_, [inbound, outbound](boost::system::error_code e) {
                if (e) return;
                pump(inbound, outbound);
                pump(outbound, inbound);
            });
            accept();
        });
    }

    // Copies from one socket to the other until either side fails.
    static void pump(std::shared_ptr<Socket> from, std::shared_ptr<Socket> to) {
        auto buffer = std::make_shared<std::vector<char>>(16384);
        from->async_read_some(boost::asio::buffer(*buffer),
                              [from, to, buffer](boost::system::error_code ec, std::size_t n) {
                                  boost::system::error_code ignored;
                                  if (ec) {
                                      to->shutdown(Socket::shutdown_send, ignored);
                                      return;
                                  }
                                  boost::asio::async_write(
                                      *to, boost::asio::buffer(buffer->data(), n),
                                      [from, to](boost::system::error_code e, std::size_t) {
                                          if (!e) pump(from, to);
                                      });
                              });
    }

    boost::asio::io_context io_;
    // Keeps the thread running after cut(), when no socket has work left.
    boost::asio::executor_work_guard<boost::asio::io_context::executor_type> work_ =
        boost::asio::make_work_guard(io_);
    boost::asio::ip::tcp::acceptor acceptor_;
    boost::asio::ip::tcp::endpoint target_;
    std::vector<std::shared_ptr<Socket>> sockets_;  // only touched on the io thread
    std::thread thread_;
};

// url with its port replaced ("postgresql://u@127.0.0.1:5432/db" -> ...:port/db).
inline std::string url_with_port(const std::string& url, std::uint16_t port) {
    const auto host = url.find('@') == std::string::npos ? url.find("://") + 3 : url.find('@') + 1;
    const auto colon = url.find(':', host);
    const auto path = url.find('/', host);
    return url.substr(0, colon) + ":" + std::to_string(port) + url.substr(path);
}

// The port of a postgresql:// URL with an explicit one.
inline std::uint16_t url_port(const std::string& url) {
    const auto host = url.find('@') == std::string::npos ? url.find("://") + 3 : url.find('@') + 1;
    const auto colon = url.find(':', host);
    return static_cast<std::uint16_t>(std::stoi(url.substr(colon + 1)));
}

}  // namespace galaxy::test
