// The whole server in one object: it owns the I/O threads, the listener, the database stores,
// persistence, the session registry, the tick engine and the worker pool, and wires them
// together (it is the engine's EngineHooks). main() runs one; tests run one in-process on
// port 0.
//
// Start-up: listen at once (/health/live answers 200, /health/ready 503), then on a start-up
// thread: wait for the database, migrate, read the game_config overrides, recover the world
// (or create one and snapshot it at once), start persistence and the engine: ready.
// Shutdown (SIGINT/SIGTERM or request_stop; under 10 s): not ready, close every WebSocket
// with 1001, stop accepting, stop the engine, write a final snapshot, drain persistence
// (about 6 s at most), stop the I/O threads.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "net/asio.hpp"  // first: see there

#include "core/config.hpp"
#include "core/metrics.hpp"
#include "core/tick_window.hpp"
#include "db/admin_store.hpp"
#include "db/config_store.hpp"
#include "db/snapshot_store.hpp"
#include "db/persistence.hpp"
#include "db/player_store.hpp"
#include "engine/engine.hpp"
#include "net/admin_api.hpp"
#include "net/api_auth.hpp"
#include "net/http_routes.hpp"
#include "net/http_session.hpp"
#include "net/session_registry.hpp"
#include "net/static_files.hpp"
#include "net/ws_context.hpp"

namespace galaxy::server {

class Listener;

inline constexpr int kWorkerThreads = 2;                  // password hashing and account queries
inline constexpr double kPersistenceStopTimeout_s = 6.0;  // final drain at shutdown
inline constexpr double kDatabaseFreshness_s = 10.0;      // a successful contact counts this long
inline constexpr double kDatabaseProbeInterval_s = 5.0;   // /health/ready probes at most this often

class ServerApp : public EngineHooks {
public:
    explicit ServerApp(ServerConfig config);  // config.port 0 picks a free port
    ~ServerApp() override;                    // shutdown() if still running
    ServerApp(const ServerApp&) = delete;
    ServerApp& operator=(const ServerApp&) = delete;

    // Binds, starts the I/O threads and the start-up thread; returns at once. False (with the
    // reason in *error, also logged) when the address cannot be bound.
    bool start(std::string* error);
    // start() if needed, then serves until SIGINT/SIGTERM or request_stop(), then shutdown().
    // Returns the exit code: 0 after a clean shutdown, 1 if start() or the migrations failed.
    int run();
    void request_stop(int exit_code = 0);  // thread-safe; makes run() shut down
    void shutdown();                       // the shutdown sequence; idempotent, blocking

    std::uint16_t port() const;               // bound port, after start()
    bool wait_until_ready(double timeout_s);  // true once the world runs (false on timeout)
    Readiness readiness() const;              // what /health/ready answers
    std::string metrics_text() const;         // the /metrics body

    // Components, for tests and the admin API to come. engine() is null until ready.
    Engine* engine() const;
    WsContext& ws_context() { return ws_; }
    PlayerStore& players() { return players_; }
    ConfigStore& config_store() { return config_store_; }
    SessionRegistry& registry() { return registry_; }
    Metrics& metrics() { return metrics_; }
    AccountsApi& accounts() { return accounts_; }
    AdminApi& admin_api() { return admin_; }
    const ServerConfig& config() const { return config_; }

    // EngineHooks: persistence and clients.
    bool journal_accepting() override;
    void journal_append(JournalEntry entry) override;
    void snapshot_write(SnapshotData snapshot) override;
    void publish_update(Frame frame, const proto::Update& update) override;
    void publish_events(std::uint64_t tick, const std::vector<sim::Event>& events) override;
    void deliver_keyframe(std::uint64_t session_id, Frame frame,
                          std::uint64_t keyframe_tick) override;
    void on_tick_timing(std::uint64_t tick, double work_s) override;
    void world_replaced(std::uint64_t tick) override;

private:
    void shut_down_now();            // shutdown()'s sequence, run once
    void run_startup();              // the start-up thread's body
    bool load_world(EngineDef def);  // recover or create, then start; false: stopping
    EngineDef engine_def() const;    // from the configuration
    // Waits up to seconds on the stop condition; true when a stop was requested.
    bool wait_for_stop(double seconds);
    // Persistence's latest write when it has one, else a contact within kDatabaseFreshness_s.
    bool database_up() const;
    void note_database_contact() const;  // a successful round trip just now
    void drain_websockets(double timeout_s);
    nlohmann::json admin_status() const;  // the server's part of GET /api/admin/status

    // Declaration order is teardown order reversed: the I/O context goes after the engine
    // and the worker pool (their pending callbacks hold sessions, which need the context)
    // and before the registry and contexts (sessions still use them while destroyed).
    ServerConfig config_;
    Metrics metrics_;
    SessionRegistry registry_;
    PlayerStore players_;
    ConfigStore config_store_;
    AdminStore admins_;
    SnapshotStore snapshots_;
    TickWindow tick_window_;
    const std::chrono::steady_clock::time_point started_at_ = std::chrono::steady_clock::now();
    Persistence persistence_;
    WsContext ws_;
    StaticFiles static_files_;
    boost::asio::io_context io_;
    boost::asio::executor_work_guard<boost::asio::io_context::executor_type> work_;
    mutable boost::asio::thread_pool workers_;  // mutable: the const readiness check probes on it
    AccountsApi accounts_;
    AdminApi admin_;
    HttpRoutes routes_;
    GatewayContext gateway_;
    std::shared_ptr<Listener> listener_;
    std::unique_ptr<Engine> engine_;  // written by the start-up thread before world_ready

    std::vector<std::thread> io_threads_;
    std::thread startup_thread_;
    std::atomic<bool> started_{false};
    std::once_flag shutdown_once_;
    std::atomic<bool> persistence_started_{false};
    mutable std::atomic<std::int64_t> last_database_contact_ns_{0};  // steady clock; 0 = never
    mutable std::atomic<std::int64_t> last_probe_ns_{0};             // steady clock
    mutable std::atomic<bool> probe_running_{false};

    std::mutex mutex_;                  // protects stop_requested_, exit_code_
    std::condition_variable stop_cv_;   // stop requested
    std::condition_variable ready_cv_;  // world_ready set (or stop requested)
    bool stop_requested_ = false;
    int exit_code_ = 0;
};

}  // namespace galaxy::server
