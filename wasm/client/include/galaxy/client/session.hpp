// The client's view of a game session: it decodes the server's messages, keeps the confirmed
// world (the server's state at its last tick, bit-identical to the server's because both apply
// the same commands with proto::apply_tick), checks the server's state hashes, and steps a
// predicted copy of it to the estimated current game time every frame, with the pilot's own
// commands applied at once.
//
// No I/O and no clocks: the caller passes the time (ms of a monotonic client clock, e.g.
// performance.now()) and carries the messages. Outgoing text frames wait in an outbox.
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

#include "galaxy/client/server_clock.hpp"
#include "galaxy/proto/client_message.hpp"
#include "galaxy/proto/server_message.hpp"
#include "galaxy/proto/sync.hpp"
#include "galaxy/sim/world.hpp"

namespace galaxy::client {

struct SessionDef {
    double ping_interval_ms = 1000.0;       // a ping every so often while live
    double max_lead_ms = 500.0;             // prediction runs at most this far (real time) past
                                            // the last update, so a silent server freezes the view
    double pending_timeout_ms = 10000.0;    // an own command never acknowledged is dropped after this
    std::size_t max_chat_lines = 200;       // oldest lines are dropped beyond this
    std::size_t max_notices = 50;           // undrained notices beyond this are dropped, oldest first
};

// What the welcome message said, kept for the HUD.
struct WelcomeInfo {
    bool received = false;
    std::uint64_t player_id = 0;
    std::string username;
    std::uint32_t ship_id = 0;
    double tick_rate_hz = 0.0;
    double time_scale = 0.0;
    bool paused = false;
    std::uint32_t hash_interval_ticks = 0;
};

// Network figures for the HUD's network panel.
struct NetworkStats {
    double ping_ms = -1.0;                 // last round trip; < 0 before the first pong
    double ping_min_ms = -1.0;             // smallest round trip of the recent pongs
    std::uint64_t server_tick = 0;         // tick of the confirmed world
    double prediction_error_m = -1.0;      // own ship, predicted vs keyframe; < 0 not measured yet
    double lead_game_s = 0.0;              // game seconds the predicted world is ahead of the confirmed
    double game_rate = 0.0;                // game seconds per real second, measured from updates
    std::uint32_t keyframes = 0;           // keyframes received this session
    std::uint32_t updates = 0;             // update frames received
    std::uint32_t hash_checks = 0;         // state hashes compared
    std::uint32_t hash_mismatches = 0;     // of which differed (each triggers a keyframe request)
    std::uint32_t decode_errors = 0;       // frames that failed to decode (a keyframe is requested)
    std::uint64_t bytes_received = 0;      // text and binary payload bytes
    std::uint32_t pending_commands = 0;    // own commands predicted but not yet in the confirmed world
};

struct ChatLine {
    std::string from;                      // username
    std::uint32_t from_ship = 0;
    std::string text;
    std::uint64_t server_time_us = 0;
};

enum class NoticeKind : std::uint8_t { Info, Warning, Error };

// Something the pilot should read once: an event, an error the server reported, a rejection.
struct Notice {
    NoticeKind kind = NoticeKind::Info;
    std::string text;
    double time_ms = 0.0;                  // client clock when it arrived
};

class Session {
public:
    explicit Session(SessionDef def = {});

    // Connection lifecycle, as the transport sees it. on_connected: the socket is open and the
    // transport sent "auth"; per-connection state (pings, pending keyframe request) resets.
    void on_connected(double now_ms);
    void on_disconnected(double now_ms);

    // One frame from the server. Malformed frames are counted, reported as a notice and (when
    // binary) answered with a keyframe request; they never change the world.
    void receive_text(std::string_view text, double now_ms);
    void receive_binary(const std::uint8_t* data, std::size_t size, double now_ms);

    // Steps the predicted world to the estimated current game time and sends a ping when due.
    void advance(double now_ms);

    // A command message from the pilot (Control, Service, Dock, Undock, Target, Rename): gives it
    // the next seq, queues it, and applies its commands to the predicted world at once.
    // Returns the seq, or 0 when there is no world or ship yet (nothing is sent).
    std::uint32_t send_command(proto::ClientMessage message, double now_ms);
    // A chat line (validated by the server; over-long text is refused here with a notice).
    bool send_chat(std::string text, double now_ms);

    // Text frames to send, in order; the caller sends them (or queues them while offline).
    std::vector<std::string> take_outgoing();
    std::vector<Notice> take_notices();

    bool has_world() const { return has_world_; }
    const sim::World& world() const { return predicted_; }             // what to draw
    const sim::World& confirmed_world() const { return confirmed_; }   // the server's last tick
    std::uint32_t own_ship_id() const { return welcome_.ship_id; }
    const sim::Ship* own_ship() const;                                  // in world(); may be null
    const WelcomeInfo& welcome() const { return welcome_; }
    const NetworkStats& stats() const { return stats_; }
    const std::deque<ChatLine>& chat() const { return chat_; }
    std::uint64_t chat_received() const { return chat_received_; }     // lines ever received
    // Estimated server clock (us since the Unix epoch) at client time now_ms; 0 before any sync.
    std::uint64_t server_time_us(double now_ms) const;

private:
    // The members above are the interface; everything private is the implementation's to shape.
    // An own command the confirmed world may not hold yet.
    struct PendingCommand {
        std::uint32_t seq = 0;
        std::vector<sim::Command> commands;   // as the server will apply them to our ship
        bool acked = false;                   // ack_tick is known (ack, or seen relayed)
        std::uint64_t ack_tick = 0;           // server tick the commands apply at
        double sent_ms = 0.0;
    };
    struct SentPing {
        std::uint64_t nonce = 0;
        double sent_ms = 0.0;
    };

    void receive_keyframe(const std::uint8_t* data, std::size_t size, double now_ms);
    void receive_update(const std::uint8_t* data, std::size_t size, double now_ms);
    void receive_message(const proto::ServerMessage& message, double now_ms);
    void measure_prediction_error(const proto::Keyframe& keyframe);
    void match_relayed_commands(const proto::TickRecord& record);
    void drop_confirmed_pending();
    void request_keyframe();
    void add_notice(NoticeKind kind, std::string text, double now_ms);
    void rebase(double now_ms);
    double target_game_time_s(double now_ms) const;
    void step_predicted(double dt_s, const std::vector<sim::Command>& commands);
    std::string ship_label(std::uint32_t ship_id) const;
    std::string station_label(std::uint32_t station_id) const;
    std::string event_text(const proto::ServerMessage& message) const;

    SessionDef def_;
    WelcomeInfo welcome_;
    NetworkStats stats_;
    bool has_world_ = false;
    sim::World confirmed_;
    sim::World predicted_;
    std::deque<ChatLine> chat_;
    std::uint64_t chat_received_ = 0;

    std::vector<std::string> outbox_;
    std::deque<Notice> notices_;
    std::vector<PendingCommand> pending_;     // ascending seq
    std::uint32_t next_seq_ = 1;
    bool joined_ = false;                     // welcomed on the current connection: pings go out
    bool keyframe_requested_ = false;         // updates are dropped until the keyframe arrives
    bool rebase_needed_ = false;              // the confirmed world or the pending set changed
    double last_dt_s_ = 0.0;                  // game seconds of the last server tick seen
    std::uint64_t sync_server_us_ = 0;        // server time of the confirmed world's tick
    bool rate_anchor_ = false;                // an update's (server time, game time) is kept
    std::uint64_t rate_server_us_ = 0;
    double rate_game_s_ = 0.0;
    bool rate_measured_ = false;
    std::uint64_t next_nonce_ = 1;
    double next_ping_ms_ = 0.0;
    std::deque<SentPing> pings_;              // unanswered, oldest first
    ServerClock clock_;
};

}  // namespace galaxy::client
