// The tick engine. Threads: API callers only push into the inbox (inbox_mutex); the tick thread
// (or a test calling run_until) owns the world and everything else, and publishes a copy of its
// status after every tick (status_mutex). Hooks and callbacks are called with no lock held, so
// they may call back into the engine.
//
// [SECTION] inbox and state    [SECTION] boundary: settings and requests
// [SECTION] ticks              [SECTION] output: updates, keyframes, snapshots, status
// [SECTION] public API
#include "engine/engine.hpp"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>
#include <thread>
#include <utility>

#include "engine/tick_schedule.hpp"
#include "engine/time_sync.hpp"
#include "engine/update_batcher.hpp"
#include "galaxy/proto/sync.hpp"
#include "galaxy/sim/hash.hpp"
#include "galaxy/sim/player_spawn.hpp"
#include "galaxy/sim/serialize.hpp"

namespace galaxy::server {

double system_utc_now_s() {
    return std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

namespace {

// [SECTION] inbox and state

// The longest the thread sleeps, so requests are served even if a notify were missed.
constexpr auto kMaxSleep = std::chrono::milliseconds(50);

// Spawn spacing: the k-th spawn waits 500 + 100 * (k % 20) m behind the home station.
constexpr double kSpawnDistance_m = 500.0;
constexpr double kSpawnSpacing_m = 100.0;
constexpr std::uint64_t kSpawnSlots = 20;

using DoneFn = std::function<void(std::uint32_t)>;

struct Submission {
    CommandOrigin origin;
    std::vector<sim::Command> commands;
    Engine::AppliedFn applied;  // admin submissions: told the tick's outcome
};

struct SnapshotRequest {
    std::string kind;
    std::string label;
    std::function<void(std::int64_t)> on_written;
};

struct Replacement {
    sim::World world;
    Engine::ReplacedFn done;
};

struct ShipRequest {
    std::uint32_t ship_id = 0;
    sim::ShipClass ship_class = sim::ShipClass::FastFrigate;
    std::string name;
    std::vector<DoneFn> done;  // several when the same missing ship is asked for again
};

struct Inbox {
    std::deque<Submission> submissions;
    std::vector<ShipRequest> ensures;
    std::vector<std::uint32_t> removals;
    std::vector<std::uint64_t> keyframes;
    std::vector<Engine::WorldView> views;
    std::vector<SnapshotRequest> snapshots;
    std::vector<Replacement> replacements;
    std::optional<double> tick_rate_hz;
    std::optional<double> time_scale;
    std::optional<bool> paused;
    std::optional<bool> time_sync;
    bool snapshot = false;
    bool wake = false;  // something to serve before the next tick is due
};

bool valid_ship_name(const std::string& name) {
    if (name.size() > sim::kMaxNameLength) return false;
    return std::none_of(name.begin(), name.end(), [](char ch) {
        return static_cast<unsigned char>(ch) < 0x20 || ch == 0x7f;
    });
}

std::uint64_t to_unix_us(double utc_s) {
    return utc_s > 0.0 ? static_cast<std::uint64_t>(utc_s * 1e6) : 0;
}

EngineDef normalized(EngineDef def) {
    // The server validates its configuration; these only keep a bad value from dividing by 0.
    def.hash_interval_ticks = std::max<std::uint32_t>(def.hash_interval_ticks, 1);
    def.max_catch_up_ticks = std::max<std::uint32_t>(def.max_catch_up_ticks, 1);
    if (!(def.max_behind_broadcasts_hz > 0.0)) def.max_behind_broadcasts_hz = 10.0;
    if (!def.utc_now_s) def.utc_now_s = system_utc_now_s;
    return def;
}

}  // namespace

struct Engine::State {
    State(const EngineDef& d, sim::World w, std::uint64_t t, EngineHooks* h)
        : def(normalized(d)),
          hooks(h),
          world(std::move(w)),
          tick(t),
          tick_rate_hz(def.tick_rate_hz),
          time_scale(def.time_scale),
          paused(def.paused),
          time_sync(def.time_sync),
          batcher(def.max_behind_broadcasts_hz) {
        sync = time_sync_scale(time_scale, time_sync, world.game_time_s, def.utc_now_s());
        current_hash();
        publish_status(0);
    }

    const EngineDef def;
    EngineHooks* const hooks;

    std::mutex inbox_mutex;            // protects inbox; stopped is set under it
    std::condition_variable inbox_cv;  // signals inbox.wake and stopped
    Inbox inbox;
    std::atomic<bool> stopped{false};  // atomic too: read between ticks without the lock

    // Owned by the tick thread (or the run_until caller).
    sim::World world;
    std::uint64_t tick;
    double tick_rate_hz;
    double time_scale;
    bool paused;
    bool time_sync;
    TimeSync sync;  // as of the last tick or boundary
    TickSchedule schedule;
    UpdateBatcher batcher;
    std::deque<Submission> queued;    // drained, waiting for the next tick
    std::vector<ShipRequest> spawns;  // missing ships, spawned at the next tick
    std::vector<std::uint32_t> removals;
    std::vector<std::uint64_t> keyframe_sessions;
    bool snapshot_requested = false;
    std::vector<SnapshotRequest> snapshot_requests;  // admins': written at this boundary
    std::optional<Clock::time_point> last_snapshot;
    std::uint64_t spawn_count = 0;  // spawns issued, for their spacing
    std::uint64_t ticks_skipped = 0;
    bool journaled_any = false;
    std::uint64_t last_journal_tick = 0;
    double last_journal_dt_s = 0.0;
    std::optional<std::uint64_t> hash_tick;  // tick the cached hash belongs to
    std::uint64_t hash = 0;
    double last_tick_duration_s = 0.0;

    mutable std::mutex status_mutex;  // protects status
    EngineStatus status;

    std::thread thread;

    std::uint64_t current_hash();
    double current_dt_s() const;
    void wake_up(Clock::time_point now);
    void drain(bool at_boundary, Clock::time_point now);
    void apply_settings(Inbox& in, Clock::time_point now);
    void replace(Replacement replacement, Clock::time_point now);
    void accept_ensures(std::vector<ShipRequest> requests);
    void run_tick(std::uint64_t remaining);
    std::vector<ShipRequest> take_commands(proto::TickRecord* record,
                                           std::vector<CommandOrigin>* origins,
                                           std::vector<Engine::AppliedFn>* applied);
    sim::Command spawn_command(const ShipRequest& request);
    void journal(const proto::TickRecord& record, std::vector<CommandOrigin> origins);
    void flush_updates(Clock::time_point now);
    void deliver_keyframes();
    void write_snapshot(Clock::time_point now);
    SnapshotData snapshot() const;
    void write_admin_snapshots();
    void publish_status(std::uint64_t ticks_behind);
    void thread_main();

    // Applies change to the inbox under its lock and wakes the tick thread to serve it.
    template <typename Change>
    void post(Change change) {
        {
            std::lock_guard<std::mutex> lock(inbox_mutex);
            change(inbox);
            inbox.wake = true;
        }
        inbox_cv.notify_one();
    }
};

std::uint64_t Engine::State::current_hash() {
    if (hash_tick != tick) {
        hash = sim::state_hash(world);
        hash_tick = tick;
    }
    return hash;
}

double Engine::State::current_dt_s() const {
    // The ranges of rate and scale keep dt inside these bounds; the clamp guards the invariant
    // apply_tick relies on (it ignores a tick outside them).
    return std::clamp(sync.effective_scale / tick_rate_hz, sim::kMinTick_s,
                      proto::kMaxServerTick_s);
}

// One wake-up: requests at the boundary, the ticks due, then output.
void Engine::State::wake_up(Clock::time_point now) {
    drain(true, now);
    if (!schedule.started()) schedule.reset(now);
    if (!last_snapshot) last_snapshot = now;
    std::uint64_t ran = 0;
    if (!paused) {
        const TickSchedule::Due due = schedule.take(now, tick_rate_hz, def.max_catch_up_ticks);
        ticks_skipped += due.skipped;
        for (; ran < due.run && !stopped; ++ran) {
            if (ran > 0) drain(false, now);
            run_tick(due.run - ran - 1);
            if (batcher.full()) flush_updates(now);
        }
    }
    if (batcher.due(now, ran) || (!batcher.empty() && !keyframe_sessions.empty()))
        flush_updates(now);
    deliver_keyframes();
    write_snapshot(now);
}

// [SECTION] boundary: settings and requests

// Moves the inbox into the tick thread's queues. Settings and keyframe requests are taken at the
// boundary of a wake-up only; commands, ship requests and removals before every tick.
void Engine::State::drain(bool at_boundary, Clock::time_point now) {
    Inbox in;
    {
        std::lock_guard<std::mutex> lock(inbox_mutex);
        in.submissions.swap(inbox.submissions);
        in.ensures.swap(inbox.ensures);
        in.removals.swap(inbox.removals);
        if (at_boundary) {
            in.keyframes.swap(inbox.keyframes);
            std::swap(in.tick_rate_hz, inbox.tick_rate_hz);
            std::swap(in.time_scale, inbox.time_scale);
            std::swap(in.paused, inbox.paused);
            std::swap(in.time_sync, inbox.time_sync);
            std::swap(in.snapshot, inbox.snapshot);
            in.views.swap(inbox.views);
            in.snapshots.swap(inbox.snapshots);
            in.replacements.swap(inbox.replacements);
            inbox.wake = false;
        }
    }
    for (Submission& s : in.submissions) queued.push_back(std::move(s));
    removals.insert(removals.end(), in.removals.begin(), in.removals.end());
    if (at_boundary) {
        apply_settings(in, now);
        keyframe_sessions.insert(keyframe_sessions.end(), in.keyframes.begin(), in.keyframes.end());
        snapshot_requested = snapshot_requested || in.snapshot;
        for (Replacement& r : in.replacements) replace(std::move(r), now);
        for (SnapshotRequest& r : in.snapshots) snapshot_requests.push_back(std::move(r));
        for (const Engine::WorldView& view : in.views) view(world, tick);
    }
    accept_ensures(std::move(in.ensures));
}

void Engine::State::replace(Replacement replacement, Clock::time_point now) {
    // Clients must get every update of the old world before the new one begins.
    flush_updates(now);
    // Ids stay unique for the server's lifetime: players keep the ship id they were given, and a
    // ship spawned in the new world must not take the id of a ship someone still owns.
    const std::uint32_t next_ship_id = std::max(world.next_ship_id, replacement.world.next_ship_id);
    const std::uint32_t next_station_id =
        std::max(world.next_station_id, replacement.world.next_station_id);
    world = std::move(replacement.world);
    world.next_ship_id = next_ship_id;
    world.next_station_id = next_station_id;
    hash_tick.reset();
    sync = time_sync_scale(time_scale, time_sync, world.game_time_s, def.utc_now_s());
    // The next tick writes a row, so that a replay from the snapshot below has its dt.
    journaled_any = false;
    current_hash();
    SnapshotData data = snapshot();
    data.kind = "restore";
    hooks->snapshot_write(std::move(data));
    publish_status(0);
    hooks->world_replaced(tick);
    if (replacement.done) replacement.done(tick, hash);
}

void Engine::State::apply_settings(Inbox& in, Clock::time_point now) {
    if (in.tick_rate_hz && *in.tick_rate_hz != tick_rate_hz) {
        tick_rate_hz = *in.tick_rate_hz;
        schedule.reset(now);  // ticks due under the old rate would otherwise come in a burst
    }
    if (in.time_scale) time_scale = *in.time_scale;
    if (in.time_sync) time_sync = *in.time_sync;
    if (in.paused && *in.paused != paused) {
        paused = *in.paused;
        if (!paused) schedule.reset(now);  // the paused time is not made up
    }
    sync = time_sync_scale(time_scale, time_sync, world.game_time_s, def.utc_now_s());
}

// Existing ships are answered now; missing ones join the spawns of the next tick.
void Engine::State::accept_ensures(std::vector<ShipRequest> requests) {
    for (ShipRequest& r : requests) {
        if (r.ship_id != 0 && sim::find_ship(world, r.ship_id) != nullptr) {
            for (DoneFn& done : r.done) done(r.ship_id);
            continue;
        }
        if (!valid_ship_name(r.name) || static_cast<int>(r.ship_class) > 1) {
            for (DoneFn& done : r.done) done(0);
            continue;
        }
        const auto same = std::find_if(spawns.begin(), spawns.end(), [&r](const ShipRequest& s) {
            return r.ship_id != 0 && s.ship_id == r.ship_id;
        });
        if (same != spawns.end()) {
            for (DoneFn& done : r.done) same->done.push_back(std::move(done));
        } else {
            spawns.push_back(std::move(r));
        }
    }
}

// [SECTION] ticks

void Engine::State::run_tick(std::uint64_t remaining) {
    const Clock::time_point started = Clock::now();
    sync = time_sync_scale(time_scale, time_sync, world.game_time_s, def.utc_now_s());

    proto::TickRecord record;
    record.tick = tick + 1;
    record.dt_s = current_dt_s();
    std::vector<CommandOrigin> origins;
    std::vector<Engine::AppliedFn> applied;
    std::vector<ShipRequest> spawning = take_commands(&record, &origins, &applied);

    std::vector<sim::Event> events = proto::apply_tick(world, record);
    tick = record.tick;

    // Only this engine's spawns are in the tick (take_commands defers them otherwise), each
    // succeeds or fails alone, and a failure (ship limit, home station gone) fails all after
    // it: the tick's ShipSpawned events belong to the first spawns, in order.
    std::size_t answered = 0;
    for (const sim::Event& e : events) {
        if (e.type != sim::EventType::ShipSpawned || answered == spawning.size()) continue;
        for (DoneFn& done : spawning[answered].done) done(e.ship);
        ++answered;
    }
    for (; answered < spawning.size(); ++answered) {
        for (DoneFn& done : spawning[answered].done) done(0);
    }

    for (const Engine::AppliedFn& fn : applied) fn(world, tick, events);
    journal(record, std::move(origins));
    batcher.add(std::move(record), std::move(events));

    last_tick_duration_s = std::chrono::duration<double>(Clock::now() - started).count();
    publish_status(remaining);
    hooks->on_tick_timing(tick, last_tick_duration_s);
}

// Fills the record in application order: player commands as they arrived, then the spawns,
// then the removals, up to proto::kMaxCommandsPerTick (the rest waits for the next tick).
// Returns the spawn requests that went into the record.
std::vector<ShipRequest> Engine::State::take_commands(proto::TickRecord* record,
                                                      std::vector<CommandOrigin>* origins,
                                                      std::vector<Engine::AppliedFn>* applied) {
    std::vector<sim::Command>& out = record->commands;
    bool player_spawns = false;
    while (!queued.empty()) {
        Submission& s = queued.front();
        // A submission larger than a whole tick still goes into an empty one, so none waits
        // forever (clients never send that many).
        if (!out.empty() && out.size() + s.commands.size() > proto::kMaxCommandsPerTick) break;
        for (sim::Command& c : s.commands) {
            player_spawns = player_spawns || c.type == sim::CommandType::SpawnShip;
            out.push_back(std::move(c));
        }
        origins->push_back(s.origin);
        if (s.applied) applied->push_back(std::move(s.applied));
        queued.pop_front();
    }
    std::vector<ShipRequest> spawning;
    // With someone else's spawn in the tick the events could not be matched to the requests,
    // so the requests wait one tick.
    if (!player_spawns) {
        std::size_t n = 0;
        while (n < spawns.size() && out.size() < proto::kMaxCommandsPerTick) {
            out.push_back(spawn_command(spawns[n]));
            ++n;
        }
        spawning.assign(std::make_move_iterator(spawns.begin()),
                        std::make_move_iterator(spawns.begin() + static_cast<std::ptrdiff_t>(n)));
        spawns.erase(spawns.begin(), spawns.begin() + static_cast<std::ptrdiff_t>(n));
    }
    std::size_t n = 0;
    for (; n < removals.size() && out.size() < proto::kMaxCommandsPerTick; ++n) {
        sim::Command c;
        c.type = sim::CommandType::RemoveShip;
        c.ship = removals[n];
        out.push_back(c);
    }
    removals.erase(removals.begin(), removals.begin() + static_cast<std::ptrdiff_t>(n));
    return spawning;
}

sim::Command Engine::State::spawn_command(const ShipRequest& request) {
    const double distance_m =
        kSpawnDistance_m + kSpawnSpacing_m * static_cast<double>(spawn_count % kSpawnSlots);
    ++spawn_count;
    return sim::player_spawn_command(world, request.ship_class, request.name, distance_m);
}

// A row when the tick had commands (or submissions), its dt differs from the last row's (replay
// uses the last row's dt for ticks without one), or heartbeat_ticks passed since the last row.
void Engine::State::journal(const proto::TickRecord& record, std::vector<CommandOrigin> origins) {
    const bool needed = !record.commands.empty() || !origins.empty() || !journaled_any ||
                        record.dt_s != last_journal_dt_s ||
                        record.tick - last_journal_tick >= def.heartbeat_ticks;
    if (!needed) return;
    JournalEntry entry;
    entry.tick = record.tick;
    entry.dt_s = record.dt_s;
    entry.commands = proto::encode_commands(record.commands);
    entry.state_hash = current_hash();
    entry.origins = std::move(origins);
    journaled_any = true;
    last_journal_tick = record.tick;
    last_journal_dt_s = record.dt_s;
    hooks->journal_append(std::move(entry));
}

// [SECTION] output: updates, keyframes, snapshots, status

void Engine::State::flush_updates(Clock::time_point now) {
    if (batcher.empty()) return;
    UpdateBatcher::Batch batch = batcher.take(now);
    proto::Update update;
    update.server_time_us = to_unix_us(def.utc_now_s());
    update.ticks = std::move(batch.ticks);
    // The held ticks always end at the current tick, so the world is the one to hash.
    if (update.ticks.back().tick % def.hash_interval_ticks == 0) {
        update.has_hash = true;
        update.state_hash = current_hash();
    }
    const Frame frame =
        std::make_shared<const std::vector<std::uint8_t>>(proto::encode_update(update));
    hooks->publish_update(frame, update);
    for (const auto& [event_tick, events] : batch.events) hooks->publish_events(event_tick, events);
}

void Engine::State::deliver_keyframes() {
    if (keyframe_sessions.empty()) return;
    std::vector<std::uint64_t> sessions;
    sessions.swap(keyframe_sessions);
    std::sort(sessions.begin(), sessions.end());
    sessions.erase(std::unique(sessions.begin(), sessions.end()), sessions.end());

    proto::Keyframe keyframe;
    keyframe.tick = tick;
    keyframe.server_time_us = to_unix_us(def.utc_now_s());
    keyframe.dt_s = current_dt_s();
    // The keyframe borrows the world for the encoding instead of copying it.
    keyframe.world = std::move(world);
    const Frame frame =
        std::make_shared<const std::vector<std::uint8_t>>(proto::encode_keyframe(keyframe));
    world = std::move(keyframe.world);
    for (std::uint64_t session : sessions) hooks->deliver_keyframe(session, frame, tick);
}

void Engine::State::write_snapshot(Clock::time_point now) {
    write_admin_snapshots();
    const bool interval_passed =
        std::chrono::duration<double>(now - *last_snapshot).count() >= def.snapshot_interval_s;
    if (!snapshot_requested && !interval_passed) return;
    snapshot_requested = false;
    last_snapshot = now;
    current_hash();  // cached, so snapshot() need not hash
    hooks->snapshot_write(snapshot());
}

// One snapshot for every admin request of this boundary (one per tick and kind is kept).
void Engine::State::write_admin_snapshots() {
    if (snapshot_requests.empty()) return;
    std::vector<SnapshotRequest> requests;
    requests.swap(snapshot_requests);
    current_hash();
    SnapshotData data = snapshot();
    data.kind = requests.front().kind;
    data.label = requests.front().label;
    data.on_written = [requests = std::move(requests)](std::int64_t id) {
        for (const SnapshotRequest& r : requests) {
            if (r.on_written) r.on_written(id);
        }
    };
    hooks->snapshot_write(std::move(data));
}

SnapshotData Engine::State::snapshot() const {
    SnapshotData data;
    data.tick = tick;
    data.game_time_s = world.game_time_s;
    data.dt_s = current_dt_s();
    data.state_hash = hash_tick == tick ? hash : sim::state_hash(world);
    data.world = sim::save_world(world);
    return data;
}

void Engine::State::publish_status(std::uint64_t ticks_behind) {
    EngineStatus s;
    s.tick = tick;
    s.game_time_s = world.game_time_s;
    s.tick_rate_hz = tick_rate_hz;
    s.time_scale = time_scale;
    s.effective_time_scale = sync.effective_scale;
    s.paused = paused;
    s.time_sync = time_sync;
    s.time_sync_drift_s = sync.drift_s;
    s.ticks_behind = ticks_behind;
    s.ticks_skipped = ticks_skipped;
    s.ships = world.ships.size();
    s.stations = world.stations.size();
    // The hash costs about as much as a short tick, so status shows the latest one computed
    // (journal rows, hashed updates, snapshots) rather than hashing every tick for it.
    s.state_hash = hash;
    s.state_hash_tick = hash_tick.value_or(0);
    s.last_tick_duration_s = last_tick_duration_s;
    std::lock_guard<std::mutex> lock(status_mutex);
    status = s;
}

void Engine::State::thread_main() {
    for (;;) {
        wake_up(Clock::now());
        const Clock::time_point end = Clock::now();
        publish_status(paused ? 0 : schedule.due(end, tick_rate_hz));
        Clock::time_point deadline = end + kMaxSleep;
        if (!paused) deadline = std::min(deadline, schedule.next_due(tick_rate_hz));
        std::unique_lock<std::mutex> lock(inbox_mutex);
        inbox_cv.wait_until(lock, deadline, [this] { return stopped || inbox.wake; });
        if (stopped) return;
    }
}

// [SECTION] public API

Engine::Engine(const EngineDef& def, sim::World world, std::uint64_t tick, EngineHooks* hooks)
    : state_(std::make_unique<State>(def, std::move(world), tick, hooks)) {}

Engine::~Engine() { stop(); }

void Engine::start() {
    {
        std::lock_guard<std::mutex> lock(state_->inbox_mutex);
        if (state_->stopped || state_->thread.joinable()) return;
    }
    state_->thread = std::thread([s = state_.get()] { s->thread_main(); });
}

void Engine::stop() {
    {
        std::lock_guard<std::mutex> lock(state_->inbox_mutex);
        state_->stopped = true;
    }
    state_->inbox_cv.notify_all();
    if (state_->thread.joinable()) state_->thread.join();
    // Ticks held back while catching up are journaled; clients get them too.
    state_->flush_updates(Clock::now());
}

Engine::SubmitResult Engine::submit(CommandOrigin origin, std::vector<sim::Command> commands) {
    if (state_->stopped) return SubmitResult::Stopped;
    if (!state_->hooks->journal_accepting()) return SubmitResult::Busy;
    std::lock_guard<std::mutex> lock(state_->inbox_mutex);
    if (state_->stopped) return SubmitResult::Stopped;
    state_->inbox.submissions.push_back({origin, std::move(commands), {}});
    return SubmitResult::Accepted;
}

void Engine::ensure_ship(std::uint32_t ship_id, sim::ShipClass ship_class, std::string name,
                         std::function<void(std::uint32_t)> done) {
    if (state_->stopped) {
        done(0);
        return;
    }
    ShipRequest r;
    r.ship_id = ship_id;
    r.ship_class = ship_class;
    r.name = std::move(name);
    r.done.push_back(std::move(done));
    state_->post([&r](Inbox& in) { in.ensures.push_back(std::move(r)); });
}

void Engine::remove_ship(std::uint32_t ship_id) {
    std::lock_guard<std::mutex> lock(state_->inbox_mutex);
    state_->inbox.removals.push_back(ship_id);
}

void Engine::request_keyframe(std::uint64_t session_id) {
    state_->post([session_id](Inbox& in) { in.keyframes.push_back(session_id); });
}

bool Engine::set_tick_rate(double hz) {
    if (!(hz >= kMinTickRate_hz && hz <= kMaxTickRate_hz)) return false;
    state_->post([hz](Inbox& in) { in.tick_rate_hz = hz; });
    return true;
}

bool Engine::set_time_scale(double scale) {
    if (!(scale >= kMinTimeScale && scale <= kMaxTimeScale)) return false;
    state_->post([scale](Inbox& in) { in.time_scale = scale; });
    return true;
}

void Engine::set_paused(bool paused) {
    state_->post([paused](Inbox& in) { in.paused = paused; });
}

void Engine::set_time_sync(bool on) {
    state_->post([on](Inbox& in) { in.time_sync = on; });
}

void Engine::request_snapshot() {
    state_->post([](Inbox& in) { in.snapshot = true; });
}

void Engine::request_snapshot(std::string kind, std::string label,
                              std::function<void(std::int64_t)> on_written) {
    SnapshotRequest r{std::move(kind), std::move(label), std::move(on_written)};
    state_->post([&r](Inbox& in) { in.snapshots.push_back(std::move(r)); });
}

bool Engine::inspect(WorldView view) {
    if (state_->stopped) return false;
    state_->post([&view](Inbox& in) { in.views.push_back(std::move(view)); });
    return true;
}

bool Engine::submit_admin(std::vector<sim::Command> commands, AppliedFn applied) {
    if (state_->stopped) return false;
    Submission s{CommandOrigin{}, std::move(commands), std::move(applied)};
    state_->post([&s](Inbox& in) { in.submissions.push_back(std::move(s)); });
    return true;
}

bool Engine::replace_world(sim::World world, ReplacedFn done) {
    if (state_->stopped) return false;
    Replacement r{std::move(world), std::move(done)};
    state_->post([&r](Inbox& in) { in.replacements.push_back(std::move(r)); });
    return true;
}

EngineStatus Engine::status() const {
    std::lock_guard<std::mutex> lock(state_->status_mutex);
    return state_->status;
}

SnapshotData Engine::snapshot_now() const { return state_->snapshot(); }

void Engine::run_until(Clock::time_point now) {
    if (state_->stopped) return;
    state_->wake_up(now);
    state_->publish_status(state_->paused ? 0 : state_->schedule.due(now, state_->tick_rate_hz));
}

}  // namespace galaxy::server
