#include "load_run.hpp"

#include <algorithm>
#include <chrono>
#include <memory>
#include <optional>
#include <thread>
#include <vector>

#include "accounts.hpp"
#include "galaxy/proto/sync.hpp"
#include "http_client.hpp"
#include "load_client.hpp"
#include "naive_state.hpp"
#include "process_stats.hpp"
#include "prometheus.hpp"

namespace galaxy::load {

namespace asio = boost::asio;
namespace http = boost::beast::http;

namespace {

using Clock = std::chrono::steady_clock;

constexpr auto kPollInterval = std::chrono::milliseconds(100);
// Lets the last joins' keyframes and first updates drain before RSS is read and the window
// opens, so that neither counts the join burst.
constexpr auto kSettle = std::chrono::seconds(2);
constexpr auto kKeyframeWait = std::chrono::seconds(10);
// Acks of the window's last controls arrive after it ends (p99 in the 100 ms range): they
// still count, so the connections stay open this long after the window.
constexpr auto kAckDrain = std::chrono::seconds(1);
constexpr auto kCloseWait = std::chrono::seconds(10);

double seconds_since(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

template <typename T>
Quantiles quantiles(std::vector<T> values, double scale) {
    Quantiles q;
    q.samples = values.size();
    if (values.empty()) return q;
    std::sort(values.begin(), values.end());
    const auto at = [&](double fraction) {
        const auto index = static_cast<std::size_t>(fraction * static_cast<double>(values.size() - 1) + 0.5);
        return static_cast<double>(values[index]) * scale;
    };
    q.p50 = at(0.50);
    q.p99 = at(0.99);
    q.max = static_cast<double>(values.back()) * scale;
    return q;
}

std::optional<PrometheusScrape> scrape_metrics(HttpClient& client) {
    HttpResponse response;
    std::string error;
    if (!client.request(http::verb::get, "/metrics", "", &response, &error) || response.status != 200) {
        return std::nullopt;
    }
    return parse_prometheus(response.body);
}

void record_registration(const RegistrationResult& result, LoadReport* report) {
    report->registered = result.registered;
    report->registration_s = result.duration_s;
    report->registration_latency_ms = quantiles(result.latency_s, 1e3);
    report->registration_retries = result.retries;
    report->registration_failures = result.failures;
}

void record_server_window(const PrometheusScrape& before, const PrometheusScrape& after,
                          LoadReport* report) {
    const std::string tick = "galaxy_tick_duration_seconds";
    const auto delta = histogram_delta(histogram_buckets(before, tick), histogram_buckets(after, tick));
    const auto diff = [&](const std::string& series) {
        return scrape_value(after, series) - scrape_value(before, series);
    };
    report->have_metrics = !delta.empty();
    if (report->have_metrics) report->server_tick_first_bound_ms = delta.front().first * 1e3;
    report->server_tick_p50_ms = histogram_quantile(delta, 0.50) * 1e3;
    report->server_tick_p99_ms = histogram_quantile(delta, 0.99) * 1e3;
    const double count = diff(tick + "_count");
    report->server_tick_mean_ms = count > 0 ? diff(tick + "_sum") / count * 1e3 : 0.0;
    report->server_ticks = diff("galaxy_ticks_total");
    report->server_bytes_sent = diff("galaxy_bytes_sent_total");
    report->server_slow_disconnects = diff("galaxy_slow_client_disconnects_total");
    report->server_players_online = scrape_value(after, "galaxy_players_online");
}

void record_clients(const std::vector<std::shared_ptr<LoadClient>>& clients, LoadReport* report) {
    std::vector<std::int64_t> update_latency;
    std::vector<std::int64_t> ack_latency;
    for (const auto& client : clients) {
        const ClientStats& s = client->stats();
        const ClientOutcome& o = client->outcome();
        report->text_bytes += s.text_bytes;
        report->update_bytes += s.update_bytes;
        report->keyframe_bytes_received += s.keyframe_bytes;
        report->frame_header_bytes += s.frame_header_bytes;
        report->ticks += s.ticks;
        report->decoded_ticks += s.decoded_ticks;
        report->commands += s.commands;
        report->updates += s.updates;
        report->keyframes += s.keyframes;
        report->text_messages += s.text_messages;
        report->events += s.events;
        report->decode_failures += s.decode_failures;
        report->controls_sent += s.controls_sent;
        report->acks += s.acks;
        update_latency.insert(update_latency.end(), s.update_latency_us.begin(), s.update_latency_us.end());
        ack_latency.insert(ack_latency.end(), s.ack_latency_us.begin(), s.ack_latency_us.end());
        if (!o.failure.empty()) ++report->connect_failures[o.failure];
        if (o.closed_by_server) {
            ++report->close_codes[std::to_string(o.close_code) + " " + o.close_reason];
        }
        for (const auto& [code, count] : o.errors) report->errors[code] += count;
    }
    report->update_latency_ms = quantiles(std::move(update_latency), 1e-3);
    report->ack_latency_ms = quantiles(std::move(ack_latency), 1e-3);
    report->ticks_per_client = report->joined > 0
                                   ? static_cast<double>(report->ticks) / report->joined
                                   : 0.0;
}

// Asks client 0 for a fresh keyframe (the world with every client's ship) and sizes the naive
// alternative from it.
void record_keyframe(LoadClient& capturer, RunControl& run, LoadReport* report) {
    std::unique_lock lock(run.keyframe_mutex);
    const auto captured = run.keyframes_captured;
    lock.unlock();
    capturer.request_keyframe();
    lock.lock();
    if (!run.keyframe_arrived.wait_for(lock, kKeyframeWait,
                                       [&] { return run.keyframes_captured > captured; })) {
        return;
    }
    proto::Keyframe keyframe;
    proto::DecodeError error;
    if (!proto::decode_keyframe(run.keyframe.data(), run.keyframe.size(), &keyframe, &error)) return;
    const NaiveStateSize naive = naive_state_size(keyframe.world);
    report->have_keyframe = true;
    report->keyframe_bytes = run.keyframe.size();
    report->world_bodies = naive.bodies;
    report->world_ships = naive.ships;
    report->world_stations = naive.stations;
    report->naive_full_bytes = naive.full_bytes;
    report->naive_ships_only_bytes = naive.ships_only_bytes;
}

}  // namespace

bool run_load(const LoadOptions& options, LoadReport* report, std::ostream& progress,
              std::string* error) {
    report->options = options;
    HttpClient http(options.host, options.port);
    if (!scrape_metrics(http)) {
        *error = "GET /metrics on " + options.host + ":" + std::to_string(options.port) + " failed";
        return false;
    }

    progress << "load: registering " << options.clients << " accounts (" << options.register_parallel
             << " at a time)" << std::endl;
    const RegistrationResult registration = register_accounts(
        options.host, options.port, options.run_id, options.clients, options.register_parallel);
    record_registration(registration, report);
    if (registration.registered == 0) {
        *error = "no account could be registered";
        return false;
    }

    std::optional<std::size_t> rss_before;
    if (options.server_pid > 0) rss_before = process_rss_bytes(options.server_pid);

    asio::io_context io;
    asio::ip::tcp::resolver resolver(io);
    const auto endpoint = resolver.resolve(options.host, std::to_string(options.port))->endpoint();
    const std::string host_header = options.host + ":" + std::to_string(options.port);
    RunControl run;
    run.max_joining = options.max_joining;
    std::vector<std::shared_ptr<LoadClient>> clients;
    for (const Account& account : registration.accounts) {
        if (account.token.empty()) continue;
        LoadClientDef def;
        def.index = static_cast<int>(clients.size());
        def.token = account.token;
        def.start_delay_s = options.ramp_s * def.index / registration.registered;
        def.control_interval_s = options.control_interval_s;
        def.capture_keyframes = def.index == 0;
        def.full_decode = def.index % options.full_decode_every == 0;
        clients.push_back(std::make_shared<LoadClient>(io, endpoint, host_header, def, &run));
    }
    report->connecting = static_cast<int>(clients.size());

    progress << "load: connecting " << clients.size() << " clients over " << options.ramp_s << " s"
             << std::endl;
    auto work = asio::make_work_guard(io);
    std::vector<std::thread> threads;
    for (int t = 0; t < options.io_threads; ++t) threads.emplace_back([&io] { io.run(); });
    const auto connect_start = Clock::now();
    for (const auto& client : clients) client->start();

    const double join_deadline_s = options.ramp_s + options.join_timeout_s;
    const int total = report->connecting;
    while (run.joined + run.ended < total && seconds_since(connect_start) < join_deadline_s) {
        std::this_thread::sleep_for(kPollInterval);
    }
    report->join_s = seconds_since(connect_start);
    report->joined = run.joined;
    progress << "load: " << report->joined << " of " << total << " joined in "
             << report->join_s << " s" << std::endl;

    bool ok = report->joined > 0;
    if (ok) {
        std::this_thread::sleep_for(kSettle);
        if (rss_before) {
            const auto rss_connected = process_rss_bytes(options.server_pid);
            report->have_process = rss_connected.has_value();
            report->server_rss_before_bytes = *rss_before;
            report->server_rss_connected_bytes = rss_connected.value_or(0);
        }
        progress << "load: measuring for " << options.duration_s << " s" << std::endl;
        const auto metrics_before = scrape_metrics(http);
        const auto server_cpu_before =
            options.server_pid > 0 ? process_cpu_seconds(options.server_pid) : std::nullopt;
        const double own_cpu_before = own_cpu_seconds();
        const auto window_start = Clock::now();
        run.measuring = true;
        std::this_thread::sleep_for(std::chrono::duration<double>(options.duration_s));
        run.measuring = false;
        report->window_s = seconds_since(window_start);
        report->load_cpu_percent = 100.0 * (own_cpu_seconds() - own_cpu_before) / report->window_s;
        const auto server_cpu_after =
            options.server_pid > 0 ? process_cpu_seconds(options.server_pid) : std::nullopt;
        if (server_cpu_before && server_cpu_after) {
            report->server_cpu_percent = 100.0 * (*server_cpu_after - *server_cpu_before) / report->window_s;
        }
        const auto metrics_after = scrape_metrics(http);
        if (metrics_before && metrics_after) record_server_window(*metrics_before, *metrics_after, report);
        report->tick_rate_hz = run.tick_rate_hz;
        if (clients.front()->outcome().joined) record_keyframe(*clients.front(), run, report);
        std::this_thread::sleep_for(kAckDrain);
    } else {
        *error = "no client joined";
    }

    progress << "load: closing the connections" << std::endl;
    for (const auto& client : clients) client->close();
    const auto close_start = Clock::now();
    while (run.ended < total && seconds_since(close_start) < std::chrono::duration<double>(kCloseWait).count()) {
        std::this_thread::sleep_for(kPollInterval);
    }
    work.reset();
    io.stop();
    for (auto& thread : threads) thread.join();
    record_clients(clients, report);
    return ok;
}

}  // namespace galaxy::load
