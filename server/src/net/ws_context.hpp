// What a WebSocket session needs from the rest of the server. Owned by ServerApp; outlives
// every session.
#pragma once

#include <atomic>
#include <cstdint>
#include <string>

#include "net/asio.hpp"

namespace galaxy::server {

class Engine;
class PlayerStore;
class SessionRegistry;
struct Metrics;
struct ServerConfig;

struct WsContext {
    Engine* engine = nullptr;  // null until the world is loaded (then ready)
    PlayerStore* players = nullptr;
    SessionRegistry* registry = nullptr;
    Metrics* metrics = nullptr;
    const ServerConfig* config = nullptr;
    std::string jwt_secret;
    std::atomic<bool> shutting_down{false};  // new connections are refused (503)
    std::atomic<bool> world_ready{false};    // engine running
    // Runs the sessions' database calls (PlayerStore), which must not block the io threads:
    // ServerApp's worker pool, joined after the io threads stop and before the io_context is
    // destroyed (the calls post their results to the sessions' strands).
    boost::asio::thread_pool* database_workers = nullptr;
};

}  // namespace galaxy::server
