#include "net/server_app.hpp"

#include <chrono>
#include <csignal>
#include <map>
#include <utility>

#include "core/log.hpp"
#include "db/database.hpp"
#include "engine/world_factory.hpp"
#include "galaxy/proto/protocol.hpp"
#include "galaxy/sim/hash.hpp"
#include "net/listener.hpp"
#include "net/runtime_overrides.hpp"

namespace galaxy::server {

namespace {

using SteadyClock = std::chrono::steady_clock;

constexpr double kDrainWebSockets_s = 1.0;  // for the close frames of shutdown to go out
constexpr double kStartupRetry_s = 1.0;     // after reading the world failed

// Thrown out of create_new_world's progress callback to abandon a long propagation when the
// server is asked to stop: the function has no other way to be interrupted, and shutdown
// must finish within seconds.
struct StartupCancelled {};

std::int64_t steady_ns() {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               SteadyClock::now().time_since_epoch())
        .count();
}

std::int64_t to_ns(double seconds) { return static_cast<std::int64_t>(seconds * 1e9); }

double seconds_since(SteadyClock::time_point start) {
    return std::chrono::duration<double>(SteadyClock::now() - start).count();
}

PersistenceDef persistence_def(const ServerConfig& config) {
    PersistenceDef def;
    def.database_url = config.database_url;
    def.max_journal_backlog = config.max_journal_backlog;
    return def;
}

AccountsApiDef accounts_def(const ServerConfig& config, std::function<Readiness()> readiness) {
    AccountsApiDef def;
    def.password_params.opslimit = config.argon2_opslimit;
    def.password_params.memlimit_bytes = config.argon2_memlimit_bytes;
    def.jwt_secret = config.jwt_secret;
    def.login_attempts_per_ip = config.login_attempts_per_ip;
    def.login_attempts_per_user = config.login_attempts_per_user;
    def.registration_open = config.registration_open;
    def.readiness = std::move(readiness);
    return def;
}

AdminApiDef admin_def(const ServerConfig& config, std::function<nlohmann::json()> status) {
    AdminApiDef def;
    def.password_params.opslimit = config.argon2_opslimit;
    def.password_params.memlimit_bytes = config.argon2_memlimit_bytes;
    def.jwt_secret = config.jwt_secret;
    def.login_attempts_per_ip = config.login_attempts_per_ip;
    def.login_attempts_per_user = config.login_attempts_per_user;
    def.epoch = config.epoch;
    def.server_status = std::move(status);
    return def;
}

double steady_s() {
    return std::chrono::duration<double>(SteadyClock::now().time_since_epoch()).count();
}

}  // namespace

ServerApp::ServerApp(ServerConfig config)
    : config_(std::move(config)),
      registry_(&metrics_),
      players_(config_.database_url),
      config_store_(config_.database_url),
      admins_(config_.database_url),
      snapshots_(config_.database_url),
      persistence_(persistence_def(config_),
                   [this](const std::vector<CommandOrigin>& origins, std::uint64_t tick) {
                       registry_.acknowledge(origins, tick);
                   }),
      static_files_(config_.web_root),
      work_(boost::asio::make_work_guard(io_)),
      workers_(kWorkerThreads),
      accounts_(accounts_def(config_, [this] { return readiness(); }), &players_, &ws_, &workers_),
      admin_(admin_def(config_, [this] { return admin_status(); }),
             AdminApiParts{&admins_, &players_, &snapshots_, &config_store_, &accounts_, &ws_,
                           &workers_}),
      routes_(HttpRoutesDef{&static_files_, &accounts_, &admin_, [this] { return readiness(); },
                            [this] { return metrics_text(); }}),
      gateway_{&routes_, &ws_, &metrics_} {
    ws_.players = &players_;
    ws_.registry = &registry_;
    ws_.metrics = &metrics_;
    ws_.config = &config_;
    ws_.jwt_secret = config_.jwt_secret;
    ws_.database_workers = &workers_;
}

ServerApp::~ServerApp() { shutdown(); }

bool ServerApp::start(std::string* error) {
    if (started_.exchange(true)) return true;
    listener_ = std::make_shared<Listener>(io_, &gateway_);
    if (!listener_->open(config_.bind_address, config_.port, error)) {
        log_event(LogLevel::Error, "listen_failed", {{"error", *error}});
        return false;
    }
    listener_->start();
    for (int i = 0; i < config_.io_threads; ++i) io_threads_.emplace_back([this] { io_.run(); });
    log_event(LogLevel::Info, "server_listening",
              {{"address", config_.bind_address}, {"port", listener_->port()}});
    startup_thread_ = std::thread([this] { run_startup(); });
    return true;
}

int ServerApp::run() {
    // Handled before anything else starts, so that an early SIGTERM still shuts down cleanly.
    boost::asio::signal_set signals(io_, SIGINT, SIGTERM);
    signals.async_wait([this](const boost::system::error_code& ec, int signal) {
        if (ec) return;
        log_event(LogLevel::Info, "signal_received", {{"signal", signal}});
        request_stop(0);
    });
    std::string error;
    if (!start(&error)) return 1;
    {
        std::unique_lock lock(mutex_);
        stop_cv_.wait(lock, [this] { return stop_requested_; });
    }
    boost::system::error_code ignored;
    signals.cancel(ignored);
    shutdown();
    const std::lock_guard lock(mutex_);
    return exit_code_;
}

void ServerApp::request_stop(int exit_code) {
    {
        const std::lock_guard lock(mutex_);
        if (!stop_requested_) exit_code_ = exit_code;
        stop_requested_ = true;
    }
    stop_cv_.notify_all();
    ready_cv_.notify_all();
}

bool ServerApp::wait_for_stop(double seconds) {
    std::unique_lock lock(mutex_);
    return stop_cv_.wait_for(lock, std::chrono::duration<double>(seconds),
                             [this] { return stop_requested_; });
}

bool ServerApp::wait_until_ready(double timeout_s) {
    std::unique_lock lock(mutex_);
    ready_cv_.wait_for(lock, std::chrono::duration<double>(timeout_s),
                       [this] { return ws_.world_ready.load() || stop_requested_; });
    return ws_.world_ready.load();
}

std::uint16_t ServerApp::port() const { return listener_ ? listener_->port() : 0; }

Engine* ServerApp::engine() const { return ws_.world_ready.load() ? ws_.engine : nullptr; }

// --- Start-up ------------------------------------------------------------------------------

EngineDef ServerApp::engine_def() const {
    EngineDef def;
    def.tick_rate_hz = config_.tick_rate_hz;
    def.time_scale = config_.time_scale;
    def.time_sync = config_.time_sync;
    def.hash_interval_ticks = config_.hash_interval_ticks;
    def.max_catch_up_ticks = config_.max_catch_up_ticks;
    def.snapshot_interval_s = config_.snapshot_interval_s;
    return def;
}

void ServerApp::run_startup() {
    const auto stopping = [this] { return ws_.shutting_down.load(); };
    EngineDef def = engine_def();
    for (;;) {
        if (!wait_for_database(config_.database_url, stopping)) return;
        note_database_contact();
        if (!migrate_database(config_.database_url)) {
            log_event(LogLevel::Error, "startup_failed", {{"reason", "migrations failed"}});
            request_stop(1);
            return;
        }
        if (!config_.admin_password.empty() &&
            !admin_.ensure_bootstrap_admin(config_.admin_username, config_.admin_password)) {
            log_event(LogLevel::Warn, "bootstrap_admin_failed", {{"reason", "database"}});
        }
        std::map<std::string, std::string> rows;
        if (config_store_.load_all(&rows) == StoreStatus::Ok) {
            const RuntimeOverrides overrides = parse_runtime_overrides(rows);
            if (overrides.tick_rate_hz) def.tick_rate_hz = *overrides.tick_rate_hz;
            if (overrides.time_scale) def.time_scale = *overrides.time_scale;
            if (overrides.time_sync) def.time_sync = *overrides.time_sync;
            if (overrides.paused) def.paused = *overrides.paused;
            if (overrides.registration_open) {
                accounts_.set_registration_open(*overrides.registration_open);
            }
        } else {
            log_event(LogLevel::Warn, "config_overrides_unreadable");
        }
        try {
            if (load_world(def)) return;
        } catch (const StartupCancelled&) {
            log_event(LogLevel::Info, "world_creation_cancelled");
            return;
        }
        // The database went away while the world was read: wait for it again.
        if (wait_for_stop(kStartupRetry_s)) return;
    }
}

bool ServerApp::load_world(EngineDef def) {
    RecoveredWorld recovered;
    if (!recover_world(config_.database_url, &recovered)) {
        log_event(LogLevel::Warn, "world_recovery_failed", {{"reason", "database unreadable"}});
        return false;
    }
    if (recovered.found) {
        log_event(LogLevel::Info, "world_recovered",
                  {{"tick", recovered.tick},
                   {"state_hash", recovered.state_hash},
                   {"snapshot_tick", recovered.snapshot_tick},
                   {"replayed_ticks", recovered.replayed_ticks}});
        engine_ = std::make_unique<Engine>(def, std::move(recovered.world), recovered.tick, this);
    } else {
        int reported_percent = -1;
        sim::World world =
            create_new_world(config_.epoch, system_utc_now_s(), [&](double fraction) {
                if (ws_.shutting_down.load()) throw StartupCancelled{};
                if (config_.epoch != EpochKind::Now) return;  // nothing to propagate
                const int percent = static_cast<int>(fraction * 100.0);
                if (percent / 5 != reported_percent / 5) {
                    reported_percent = percent;
                    log_event(LogLevel::Info, "world_propagating", {{"percent", percent}});
                }
            });
        log_event(LogLevel::Info, "world_created",
                  {{"epoch", config_.epoch == EpochKind::Now ? "now" : "j2000"},
                   {"state_hash", sim::state_hash(world)}});
        engine_ = std::make_unique<Engine>(def, std::move(world), 0, this);
        // A new world is saved at once: a crash before the first periodic snapshot must not
        // lose the journal's starting point.
        engine_->request_snapshot();
    }
    persistence_.start();
    persistence_started_.store(true);
    engine_->start();
    ws_.engine = engine_.get();
    {
        const std::lock_guard lock(mutex_);
        ws_.world_ready.store(true);
    }
    ready_cv_.notify_all();
    log_event(LogLevel::Info, "server_ready", {{"port", port()}});
    return true;
}

// --- Shutdown ------------------------------------------------------------------------------

void ServerApp::shutdown() {
    // Every caller returns only once the sequence is complete (run() and a destructor may race).
    std::call_once(shutdown_once_, [this] { shut_down_now(); });
}

void ServerApp::shut_down_now() {
    const auto start = SteadyClock::now();
    log_event(LogLevel::Info, "shutdown_started");
    ws_.shutting_down.store(true);
    request_stop(0);  // keeps the exit code of an earlier request
    registry_.close_all(proto::close_code::kShuttingDown, "Server shutting down");
    if (listener_) listener_->stop();
    // wait_for_database and create_new_world notice shutting_down within a fraction of a
    // second; migrations and recovery are single queries.
    if (startup_thread_.joinable()) startup_thread_.join();

    bool snapshot_written = false;
    if (engine_) {
        engine_->stop();
        SnapshotData final_snapshot = engine_->snapshot_now();
        log_event(LogLevel::Info, "final_snapshot",
                  {{"tick", final_snapshot.tick}, {"state_hash", final_snapshot.state_hash}});
        persistence_.write_snapshot(std::move(final_snapshot));
    }
    if (persistence_started_.load()) {
        snapshot_written = persistence_.stop(kPersistenceStopTimeout_s) && engine_ != nullptr;
    }
    if (engine_ && !snapshot_written) {
        log_event(LogLevel::Error, "final_snapshot_not_written",
                  {{"reason", "the database did not accept it in time"}});
    }
    drain_websockets(kDrainWebSockets_s);
    work_.reset();
    io_.stop();
    for (std::thread& thread : io_threads_) thread.join();
    io_threads_.clear();
    workers_.stop();
    workers_.join();
    log_event(LogLevel::Info, "shutdown_complete",
              {{"duration_s", seconds_since(start)}, {"final_snapshot_written", snapshot_written}});
}

void ServerApp::drain_websockets(double timeout_s) {
    // The registry offers no completion signal; a short bounded poll is enough here.
    const auto deadline = SteadyClock::now() + std::chrono::duration_cast<SteadyClock::duration>(
                                                   std::chrono::duration<double>(timeout_s));
    while (registry_.connections() > 0 && SteadyClock::now() < deadline) {
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
}

// --- Health and metrics --------------------------------------------------------------------

void ServerApp::note_database_contact() const { last_database_contact_ns_.store(steady_ns()); }

bool ServerApp::database_up() const {
    // Once persistence runs, its latest write is the freshest evidence either way (it writes
    // at least every heartbeat); before its first attempt, a recent contact decides.
    if (persistence_started_.load()) {
        const PersistenceStatus status = persistence_.status();
        if (status.database_up) return true;
        if (status.database_errors > 0) return false;
    }
    const std::int64_t now = steady_ns();
    const std::int64_t last = last_database_contact_ns_.load();
    const bool fresh = last != 0 && now - last < to_ns(kDatabaseFreshness_s);
    // Refresh the cached answer in the background; this request gets the cached one.
    if (!ws_.shutting_down.load() &&
        now - last_probe_ns_.load() > to_ns(kDatabaseProbeInterval_s) &&
        !probe_running_.exchange(true)) {
        last_probe_ns_.store(now);
        boost::asio::post(workers_, [this] {
            if (database_reachable(config_.database_url)) note_database_contact();
            probe_running_.store(false);
        });
    }
    return fresh;
}

Readiness ServerApp::readiness() const {
    if (ws_.shutting_down.load()) return {false, "shutting down"};
    if (!database_up()) return {false, "database unreachable"};
    if (!ws_.world_ready.load()) return {false, "world loading"};
    return {true, {}};
}

std::string ServerApp::metrics_text() const {
    MetricsGauges gauges;
    if (const Engine* engine = this->engine()) {
        const EngineStatus status = engine->status();
        gauges.tick = status.tick;
        gauges.ticks_behind = status.ticks_behind;
        gauges.ships = status.ships;
        gauges.stations = status.stations;
        gauges.tick_rate_hz = status.tick_rate_hz;
        gauges.time_scale = status.time_scale;
        gauges.paused = status.paused;
    }
    const PersistenceStatus persistence = persistence_.status();
    if (persistence.last_snapshot_unix_s > 0.0) {
        gauges.snapshot_age_s = system_utc_now_s() - persistence.last_snapshot_unix_s;
    }
    gauges.journal_lag_ticks = persistence.journal_lag_ticks;
    gauges.journal_queued = persistence.journal_queued;
    gauges.database_errors = persistence.database_errors;
    gauges.database_up = database_up();
    return render_prometheus(metrics_, gauges);
}

// --- EngineHooks ---------------------------------------------------------------------------

bool ServerApp::journal_accepting() { return persistence_.accepting(); }

void ServerApp::journal_append(JournalEntry entry) { persistence_.append(std::move(entry)); }

void ServerApp::snapshot_write(SnapshotData snapshot) {
    persistence_.write_snapshot(std::move(snapshot));
}

void ServerApp::publish_update(Frame frame, const proto::Update& update) {
    registry_.publish_update(std::move(frame), update);
}

void ServerApp::publish_events(std::uint64_t tick, const std::vector<sim::Event>& events) {
    registry_.publish_events(tick, events);
}

void ServerApp::deliver_keyframe(std::uint64_t session_id, Frame frame,
                                 std::uint64_t keyframe_tick) {
    registry_.deliver_keyframe(session_id, std::move(frame), keyframe_tick);
}

void ServerApp::on_tick_timing(std::uint64_t, double work_s) {
    metrics_.ticks_total.fetch_add(1, std::memory_order_relaxed);
    metrics_.tick_duration_s.observe(work_s);
    tick_window_.record(steady_s(), work_s);
}

void ServerApp::world_replaced(std::uint64_t tick) {
    // Every client holds the old world: they reconnect at once and join the new one (their
    // ships are spawned again if it lacks them).
    log_event(LogLevel::Info, "world_replaced", {{"tick", tick}});
    registry_.close_all(proto::close_code::kWorldReplaced, "World restored");
}

nlohmann::json ServerApp::admin_status() const {
    const PersistenceStatus persistence = persistence_.status();
    const TickWindowSummary ticks = tick_window_.summary(steady_s());
    const double now = system_utc_now_s();
    nlohmann::json out = {
        {"actual_tick_rate_hz", ticks.rate_hz},
        {"tick_duration_p50_ms", ticks.p50_s * 1e3},
        {"tick_duration_p99_ms", ticks.p99_s * 1e3},
        {"players_online", registry_.players_online()},
        {"connections", registry_.connections()},
        {"database_up", database_up()},
        {"journal_lag_ticks", persistence.journal_lag_ticks},
        {"bytes_sent_total", metrics_.bytes_sent_total.load()},
        {"uptime_s", seconds_since(started_at_)},
        {"server_time", now},
        {"last_snapshot_tick", nullptr},
        {"last_snapshot_age_s", nullptr},
    };
    if (persistence.last_snapshot_unix_s > 0.0) {
        out["last_snapshot_tick"] = persistence.last_snapshot_tick;
        out["last_snapshot_age_s"] = now - persistence.last_snapshot_unix_s;
    }
    return out;
}

}  // namespace galaxy::server
