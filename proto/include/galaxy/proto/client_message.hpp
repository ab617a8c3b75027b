// Client -> server messages: JSON text frames, decoded by the server and encoded by the client.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "galaxy/proto/protocol.hpp"
#include "galaxy/sim/command.hpp"
#include "galaxy/sim/ship.hpp"
#include "galaxy/sim/vec3.hpp"

namespace galaxy::proto {

enum class ClientMessageType : std::uint8_t {
    Auth = 0,          // token, protocol_version
    Control,           // seq; any of throttle, attitude, manual_rates_rad_s, rcs_translation
    Service,           // seq, service (refuel | reset), ship_class (reset only, optional)
    Dock,              // seq
    Undock,            // seq
    Target,            // seq, target
    Rename,            // seq, text = new ship name
    Chat,              // text
    Ping,              // nonce
    KeyframeRequest,   // (no fields): the client's hash did not match
};

enum class ServiceAction : std::uint8_t { Refuel = 0, Reset };

// A decoded client message; only the fields of its type are meaningful.
struct ClientMessage {
    ClientMessageType type = ClientMessageType::Ping;
    std::uint32_t seq = 0;                       // commands: client's number, echoed in "ack"
    std::string token;                           // Auth
    int protocol_version = 0;                    // Auth
    std::optional<double> throttle;              // Control: 0..1
    std::optional<sim::AttitudeMode> attitude;   // Control
    std::optional<sim::Vec3> manual_rates_rad_s; // Control: body rates, switches to MANUAL
    std::optional<sim::Vec3> rcs_translation;    // Control: each axis -1..1
    ServiceAction service = ServiceAction::Refuel;   // Service
    std::optional<sim::ShipClass> ship_class;    // Service reset: class of the new ship
    sim::TargetRef target;                       // Target
    std::string text;                            // Rename: ship name; Chat: message
    std::uint64_t nonce = 0;                     // Ping: echoed in "pong"
};

// Every field equal (doubles by value); decode_client_message(encode_client_message(m)) == m
// for every m that decode_client_message produced.
bool operator==(const ClientMessage& a, const ClientMessage& b);

struct DecodeError {
    ErrorCode code = ErrorCode::MalformedJson;
    std::string message;   // plain words naming the field and the rule, e.g. "throttle: must be 0..1"
};

// Decodes one text frame. Validates everything PROTOCOL.md specifies (types, ranges, finite
// numbers, string lengths, unknown fields). Never throws; returns false and fills *error.
bool decode_client_message(std::string_view text, ClientMessage* out, DecodeError* error);

// Encodes a message as the client sends it (decode_client_message(encode(m)) reproduces m).
std::string encode_client_message(const ClientMessage& message);

// The sim-core commands a command message stands for, acting on ship_id, in the order the
// world applies them. Empty for Auth, Chat, Ping and KeyframeRequest. The server journals and
// relays these; the client applies the same ones to predict its own ship.
std::vector<sim::Command> commands_for(const ClientMessage& message, std::uint32_t ship_id);

}  // namespace galaxy::proto
