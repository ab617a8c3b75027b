// Every open WebSocket session, by id and by player. Delivers the engine's output to clients
// (the client half of EngineHooks) and the journal's acknowledgements. Thread-safe.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "engine/engine_hooks.hpp"
#include "galaxy/proto/server_message.hpp"

namespace galaxy::server {

struct Metrics;

// What the registry needs from a session; implemented by the session in ws_session.cpp.
// Every call only queues work on the session's strand and returns at once.
class SessionSink {
public:
    virtual ~SessionSink() = default;
    virtual void send_text(std::shared_ptr<const std::string> text) = 0;
    virtual void send_binary(Frame frame) = 0;
    virtual void close(std::uint16_t code, std::string reason) = 0;
};

class SessionRegistry {
public:
    explicit SessionRegistry(Metrics* metrics);

    // Connection bookkeeping (per-IP cap); false when the IP already has max connections.
    bool open_connection(const std::string& ip, int max_per_ip);
    void close_connection(const std::string& ip);
    // Every accepted session, joined or not, so that close_all also reaches sessions that have
    // not authenticated yet. detach when the session ends.
    void attach(const std::shared_ptr<SessionSink>& sink);
    void detach(const SessionSink* sink);

    // An authenticated session of a player, flying ship_id. A previous session of the same
    // player is closed with close_code::kReplaced. Returns the new session id (never 0).
    std::uint64_t join(std::int64_t player_id, const std::string& username, std::uint32_t ship_id,
                       std::weak_ptr<SessionSink> sink);
    void leave(std::uint64_t session_id);
    void set_ship(std::uint64_t session_id, std::uint32_t ship_id);  // after a respawn

    // Engine output (tick thread). Updates go only to sessions that have had their keyframe.
    void publish_update(Frame frame, const proto::Update& update);
    void publish_events(std::uint64_t tick, const std::vector<sim::Event>& events);
    void deliver_keyframe(std::uint64_t session_id, Frame frame, std::uint64_t keyframe_tick);
    // Journal commits (persistence thread): an "ack" to each origin's session.
    void acknowledge(const std::vector<CommandOrigin>& origins, std::uint64_t tick);

    void broadcast_chat(const proto::ServerMessage& chat);
    // Closes the player's session; false when the player has none.
    bool disconnect_player(std::int64_t player_id, std::uint16_t code, const std::string& reason);
    bool is_online(std::int64_t player_id) const;  // has a joined session
    void close_all(std::uint16_t code, const std::string& reason);  // shutdown

    std::size_t players_online() const;
    std::size_t connections() const;

private:
    struct Entry {
        std::int64_t player_id = 0;
        std::string username;
        std::uint32_t ship_id = 0;
        bool has_keyframe = false;
        std::weak_ptr<SessionSink> sink;
    };
    // The joined session flying ship_id, if any; mutex_ held. Callers release the result only
    // after unlocking, because dropping the last reference destroys the session, which calls
    // back into the registry.
    std::shared_ptr<SessionSink> sink_of_ship(std::uint32_t ship_id) const;

    Metrics* metrics_;
    mutable std::mutex mutex_;  // protects everything below
    std::uint64_t next_session_id_ = 1;
    std::unordered_map<std::uint64_t, Entry> sessions_;
    std::unordered_map<std::int64_t, std::uint64_t> session_by_player_;
    std::unordered_map<std::uint32_t, std::uint64_t> session_by_ship_;
    std::unordered_map<std::string, int> connections_by_ip_;
    std::unordered_map<const SessionSink*, std::weak_ptr<SessionSink>> attached_;
    std::size_t connections_ = 0;
};

}  // namespace galaxy::server
