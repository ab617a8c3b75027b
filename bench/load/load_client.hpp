// One simulated player: a WebSocket connection that authenticates, receives the world sync and
// sends control messages at a human rate, counting what it receives while the run measures.
// Follows Beast's client pattern: every handler runs on the connection's strand, one write in
// flight and a queue behind it.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <random>
#include <string>
#include <unordered_map>
#include <vector>

#include "boost_net.hpp"

namespace galaxy::load {

// What one client counted inside the measuring window (RunControl::measuring).
struct ClientStats {
    std::uint64_t text_bytes = 0;            // payload of text messages (JSON)
    std::uint64_t update_bytes = 0;          // payload of binary update frames
    std::uint64_t keyframe_bytes = 0;        // payload of binary keyframes (joins, recovery)
    std::uint64_t frame_header_bytes = 0;    // WebSocket frame headers of the text messages and
                                             // updates (2, 4 or 10 B each)
    std::uint64_t text_messages = 0;
    std::uint64_t updates = 0;               // binary update frames
    std::uint64_t keyframes = 0;             // binary keyframe frames
    std::uint64_t ticks = 0;                 // server ticks carried by the updates
    std::uint64_t decoded_ticks = 0;         // ticks of the updates decoded in full
    std::uint64_t commands = 0;              // commands those decoded ticks relayed
    std::uint64_t hashes = 0;                // updates carrying a state hash
    std::uint64_t controls_sent = 0;
    std::uint64_t acks = 0;                  // acks of controls sent in the window
    std::uint64_t events = 0;
    std::uint64_t decode_failures = 0;       // updates refused by decode_update or the header
                                             // reader, or on which the two disagree
    std::vector<std::int64_t> update_latency_us;   // receipt minus update.server_time_us
    std::vector<std::int64_t> ack_latency_us;      // control sent -> its ack received
};

// How a client's connection went, over the whole run.
struct ClientOutcome {
    bool joined = false;                     // welcome and first keyframe received
    bool closed_by_server = false;           // the server closed (close_code) before we did
    int close_code = 0;                      // WebSocket close code received from the server
    std::string close_reason;
    std::string failure;                     // transport failure ("connect: ...") if any
    std::map<std::string, std::uint64_t> errors;   // "error" messages by code, whole run
};

// Shared by every client of a run; the main thread drives the window through it.
struct RunControl {
    std::atomic<bool> measuring{false};      // count stats only while true
    std::atomic<int> joined{0};              // clients that received their first keyframe
    std::atomic<int> ended{0};               // clients whose connection ended (any reason)
    std::atomic<int> joining{0};             // clients between connect and first keyframe
    int max_joining = 64;                    // bound on joining (each join streams a keyframe)
    std::atomic<double> tick_rate_hz{0.0};   // from the first welcome

    // The keyframes received by the capturing client, newest last; guarded by keyframe_mutex.
    std::mutex keyframe_mutex;
    std::condition_variable keyframe_arrived;
    std::vector<std::uint8_t> keyframe;
    std::uint64_t keyframes_captured = 0;
};

struct LoadClientDef {
    int index = 0;
    std::string token;                       // JWT from the registration
    double start_delay_s = 0.0;              // when to connect, from start()
    double control_interval_s = 2.0;         // mean s between control messages; 0 = none
    bool capture_keyframes = false;          // store keyframes in RunControl (one client does)
    bool full_decode = true;                 // proto::decode_update every update, else the head only
};

class LoadClient : public std::enable_shared_from_this<LoadClient> {
public:
    // host_header is "host:port" as the handshake's Host header.
    LoadClient(boost::asio::io_context& io, boost::asio::ip::tcp::endpoint endpoint,
               std::string host_header, LoadClientDef def, RunControl* run);

    void start();                 // connects after def.start_delay_s
    void request_keyframe();      // sends keyframe_request; callable from any thread
    void close();                 // closes normally (1000); callable from any thread

    // Read only after the io_context has stopped.
    const ClientStats& stats() const { return stats_; }
    const ClientOutcome& outcome() const { return outcome_; }

private:
    using Clock = std::chrono::steady_clock;

    void on_start();
    void leave_joining();
    void on_connect(boost::beast::error_code ec);
    void on_handshake(boost::beast::error_code ec);
    void read_next();
    void on_read(boost::beast::error_code ec, std::size_t bytes);
    void on_text(const std::string& text);
    void on_binary(const std::uint8_t* data, std::size_t size);
    void schedule_control();
    void send_control();
    void send(std::string text);
    void write_next();
    void end(std::string failure);

    boost::beast::websocket::stream<boost::beast::tcp_stream> ws_;
    boost::asio::ip::tcp::endpoint endpoint_;
    std::string host_header_;
    LoadClientDef def_;
    RunControl* run_;
    boost::asio::steady_timer start_timer_;
    boost::asio::steady_timer control_timer_;
    boost::beast::flat_buffer buffer_;
    boost::beast::websocket::response_type handshake_response_;   // to name a refusal's status
    std::deque<std::string> queue_;          // text messages waiting; front is being written
    std::mt19937_64 rng_;
    std::uint32_t next_seq_ = 1;
    std::unordered_map<std::uint32_t, Clock::time_point> unacked_;   // seq -> sent, window only
    bool closing_ = false;                   // we started the close
    bool ended_ = false;
    bool in_joining_ = false;                // counted in RunControl::joining
    ClientStats stats_;
    ClientOutcome outcome_;
};

}  // namespace galaxy::load
