// Protocol constants shared by the server and the WASM client: version, limits, error codes and
// WebSocket close codes. proto/PROTOCOL.md is the specification; this header follows it.
#pragma once

#include <cstddef>
#include <cstdint>

namespace galaxy::proto {

// Version of the wire protocol. A client sends it in "auth"; any other value is refused with
// E008 and close code 4002.
inline constexpr int kProtocolVersion = 1;

// Limits (PROTOCOL.md, "Limits").
inline constexpr std::size_t kMaxMessageBytes = 16 * 1024;   // one client WebSocket message
inline constexpr std::size_t kMaxTokenBytes = 2048;          // auth token
inline constexpr std::size_t kMaxChatBytes = 256;            // chat text, UTF-8 bytes
inline constexpr int kMaxMessagesPerSecond = 50;             // per connection, 1 s sliding window
inline constexpr int kMaxChatPerSecond = 5;                  // per connection, 1 s sliding window
inline constexpr double kHandshakeTimeout_s = 5.0;           // WebSocket upgrade + auth
inline constexpr double kMaxManualRate_rad_s = 10.0;         // |component| of manual rates
inline constexpr std::size_t kMaxServerTextBytes = 1024;     // username, error message, reason

// Error codes of "error" messages and REST error bodies ("E001" ... as strings on the wire).
enum class ErrorCode : std::uint8_t {
    MalformedJson = 1,          // E001 not JSON, or not a JSON object
    UnknownType = 2,            // E002 "type" missing or unknown
    InvalidField = 3,           // E003 a field is missing, of the wrong type, or unknown
    OutOfRange = 4,             // E004 a number is NaN/Inf or outside its range
    InvalidString = 5,          // E005 a string is too long, empty or has forbidden characters
    NotAuthenticated = 6,       // E006 a message other than auth before authentication
    AuthFailed = 7,             // E007 bad, expired or unknown token
    VersionMismatch = 8,        // E008 unsupported protocol version
    AlreadyAuthenticated = 9,   // E009 a second auth on the same connection
    MessageTooLarge = 10,       // E010 message over kMaxMessageBytes
    RateLimited = 11,           // E011 over kMaxMessagesPerSecond
    CommandRejected = 12,       // E012 the world refused the command (e.g. refuel undocked)
    ServerBusy = 13,            // E013 the command journal is backlogged; retry later
    BinaryNotAccepted = 14,     // E014 clients send only text messages
    NoShip = 15,                // E015 the player has no ship at the moment
    MalformedBinary = 16,       // E016 a binary frame could not be decoded (client side)
    InternalError = 17,         // E017 the server failed; the message was not applied
    ChatRateLimited = 18,       // E018 over kMaxChatPerSecond
    // REST-only codes (account API).
    UsernameTaken = 19,         // E019 409
    BadCredentials = 20,        // E020 401
    RegistrationClosed = 21,    // E021 403
    TooManyAttempts = 22,       // E022 429
    DatabaseUnavailable = 23,   // E023 503
    NotFound = 24,              // E024 404
    MethodNotAllowed = 25,      // E025 405
    PayloadTooLarge = 26,       // E026 413
    // REST-only codes (admin API).
    ConfirmationRequired = 27,  // E027 409: a destructive action needs its confirmation token
};

// "E001" ... "E027"; "E000" for a value outside the enum.
const char* error_code_string(ErrorCode code);
// Parses "E001" ... back; false for anything else.
bool error_code_from_string(const char* text, ErrorCode* out);

// WebSocket close codes the server uses (PROTOCOL.md, "Close codes").
namespace close_code {
inline constexpr std::uint16_t kNormal = 1000;
inline constexpr std::uint16_t kShuttingDown = 1001;      // reason "Server shutting down"
inline constexpr std::uint16_t kPolicy = 1008;            // message rate kept over the limit
inline constexpr std::uint16_t kTooBig = 1009;            // message over kMaxMessageBytes
inline constexpr std::uint16_t kInternalError = 1011;
inline constexpr std::uint16_t kWorldReplaced = 1012;     // reason "World restored": reconnect
inline constexpr std::uint16_t kAuthFailed = 4001;
inline constexpr std::uint16_t kVersionMismatch = 4002;
inline constexpr std::uint16_t kHandshakeTimeout = 4003; // no auth within kHandshakeTimeout_s
inline constexpr std::uint16_t kTooSlow = 4004;          // the client's send queue overflowed
inline constexpr std::uint16_t kReplaced = 4005;         // the same player connected again
inline constexpr std::uint16_t kAccountDeleted = 4006;
inline constexpr std::uint16_t kIdleTimeout = 4007;      // no message or pong within the idle timeout
inline constexpr std::uint16_t kAdminDisconnect = 4008;  // an admin disconnected the player
}  // namespace close_code

}  // namespace galaxy::proto
