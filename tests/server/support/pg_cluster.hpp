// A private PostgreSQL cluster a test may stop and start (the shared fixture cluster must stay
// up for the other tests): scripts/pg-cluster.sh on a free port in a temporary directory.
// Needs GALAXY_PG_CLUSTER_SCRIPT (tests/CMakeLists.txt defines it for the database suites).
#pragma once

#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <stdexcept>
#include <string>

#ifndef GALAXY_PG_CLUSTER_SCRIPT
#error "GALAXY_PG_CLUSTER_SCRIPT must name scripts/pg-cluster.sh"
#endif

namespace galaxy::test {

// A TCP port on 127.0.0.1 that nothing listened on a moment ago (the kernel's choice).
inline std::uint16_t unused_local_port() {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0) throw std::runtime_error("socket() failed");
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = 0;
    socklen_t length = sizeof address;
    const bool ok = ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0 &&
                    ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) == 0;
    ::close(fd);
    if (!ok) throw std::runtime_error("cannot find a free port");
    return ntohs(address.sin_port);
}

// Created stopped; the destructor stops it and deletes its directory.
class ScratchCluster {
public:
    ScratchCluster() : port_(unused_local_port()) {
        static std::atomic<int> counter{0};
        dir_ = std::filesystem::temp_directory_path() /
               ("galaxy_pg_" + std::to_string(::getpid()) + "_" + std::to_string(counter++));
        std::filesystem::remove_all(dir_);
    }
    ~ScratchCluster() {
        stop();
        std::error_code ignored;
        std::filesystem::remove_all(dir_, ignored);
    }
    ScratchCluster(const ScratchCluster&) = delete;
    ScratchCluster& operator=(const ScratchCluster&) = delete;

    bool start() { return run("start") == 0; }   // creates the cluster the first time
    bool stop() { return run("stop") == 0; }
    int run(const std::string& action) const {   // the script's exit status
        const std::string command = std::string(GALAXY_PG_CLUSTER_SCRIPT) + " " + action + " '" +
                                    dir_.string() + "' " + std::to_string(port_);
        const int status = std::system(command.c_str());
        return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    }

    std::uint16_t port() const { return port_; }
    const std::filesystem::path& dir() const { return dir_; }
    // Its "postgres" database (reachable only while started).
    std::string url() const {
        return "postgresql://galaxy@127.0.0.1:" + std::to_string(port_) + "/postgres";
    }

private:
    std::uint16_t port_;
    std::filesystem::path dir_;
};

}  // namespace galaxy::test
