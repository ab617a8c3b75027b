// Server -> client JSON messages (text frames). The per-tick world sync is binary (sync.hpp).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "galaxy/proto/client_message.hpp"
#include "galaxy/proto/protocol.hpp"

namespace galaxy::proto {

enum class ServerMessageType : std::uint8_t {
    Welcome = 0,   // after a good auth; a binary keyframe follows
    Ack,           // seq, tick: the command is journaled and applies at that tick
    Error,         // code, message, seq (0 when not about a command)
    Pong,          // nonce, tick, server_time_us
    Event,         // event, tick, ship, station, body, by_ship, reason
    Chat,          // from, from_ship, text, server_time_us
};

enum class EventKind : std::uint8_t {
    ShipSpawned = 0, ShipRemoved, ShipCrashed, StationSpawned, StationRemoved, Docked, Undocked,
    Targeted,          // ship = your ship, by_ship = the ship that selected it as target
    CommandRejected,   // seq of your command, reason
};

// "ship_spawned", "ship_removed", ...
const char* event_kind_name(EventKind kind);

struct ServerMessage {
    ServerMessageType type = ServerMessageType::Pong;
    // Welcome
    int protocol_version = kProtocolVersion;
    std::uint64_t player_id = 0;
    std::string username;
    std::uint32_t ship_id = 0;
    double tick_rate_hz = 0.0;
    double time_scale = 0.0;
    bool paused = false;
    std::uint32_t hash_interval_ticks = 0;
    // Ack, Error, Event (CommandRejected)
    std::uint32_t seq = 0;
    // Ack, Pong, Event: server tick
    std::uint64_t tick = 0;
    // Error
    ErrorCode code = ErrorCode::InternalError;
    std::string message;
    // Pong
    std::uint64_t nonce = 0;
    std::uint64_t server_time_us = 0;   // Pong, Chat: microseconds since the Unix epoch
    // Event
    EventKind event = EventKind::ShipSpawned;
    std::uint32_t ship = 0;
    std::uint32_t station = 0;
    std::uint32_t body = 0;
    std::uint32_t by_ship = 0;
    std::string reason;
    // Chat
    std::string from;
    std::uint32_t from_ship = 0;
    std::string text;
};

// Every field equal (doubles by value); decode_server_message(encode_server_message(m)) == m
// for every m that decode_server_message produced.
bool operator==(const ServerMessage& a, const ServerMessage& b);

std::string encode_server_message(const ServerMessage& message);

// Client side (and tests): validates like decode_client_message. Never throws.
bool decode_server_message(std::string_view text, ServerMessage* out, DecodeError* error);

}  // namespace galaxy::proto
