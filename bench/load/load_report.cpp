#include "load_report.hpp"

#include <cstdio>
#include <string>

#include <nlohmann/json.hpp>

namespace galaxy::load {
namespace {

std::string fixed(double value, int decimals) {
    char text[64];
    std::snprintf(text, sizeof text, "%.*f", decimals, value);
    return text;
}

double ratio(double numerator, double denominator) {
    return denominator > 0.0 ? numerator / denominator : 0.0;
}

std::string quantiles_ms(const Quantiles& q) {
    if (q.samples == 0) return "no samples";
    return "p50 " + fixed(q.p50, 2) + " ms, p99 " + fixed(q.p99, 2) + " ms, max " +
           fixed(q.max, 2) + " ms (" + std::to_string(q.samples) + " samples)";
}

template <typename Count>
std::string counts_text(const std::map<std::string, Count>& counts) {
    if (counts.empty()) return "none";
    std::string text;
    for (const auto& [what, count] : counts) {
        if (!text.empty()) text += "; ";
        text += what + " x" + std::to_string(count);
    }
    return text;
}

// A histogram quantile inside the lowest bucket is an interpolation between 0 and its bound,
// which says little; show the bound instead.
std::string tick_quantile(double ms, double first_bound_ms) {
    if (ms <= first_bound_ms) return "<= " + fixed(first_bound_ms, 2) + " ms";
    return fixed(ms, 2) + " ms";
}

// "0.13% of (760x less than)" ours relative to a naive size.
std::string versus(double ours, double naive) {
    if (ours <= 0.0 || naive <= 0.0) return "n/a for";
    const std::string percent = fixed(100.0 * ours / naive, 4) + "% of";
    return ours < naive ? percent + " (" + fixed(naive / ours, 0) + "x less than)"
                        : percent + " (" + fixed(ours / naive, 1) + "x more than)";
}

std::string mib(double bytes) { return fixed(bytes / (1024.0 * 1024.0), 1) + " MiB"; }

nlohmann::json quantiles_json(const Quantiles& q) {
    return {{"p50", q.p50}, {"p99", q.p99}, {"max", q.max}, {"samples", q.samples}};
}

double expected_ticks(const LoadReport& r) { return r.window_s * r.tick_rate_hz; }

double rss_per_connection(const LoadReport& r) {
    return r.joined > 0 ? (static_cast<double>(r.server_rss_connected_bytes) -
                           static_cast<double>(r.server_rss_before_bytes)) /
                              r.joined
                        : 0.0;
}

}  // namespace

double bytes_per_client_tick(const LoadReport& r) {
    return ratio(static_cast<double>(r.text_bytes + r.update_bytes), static_cast<double>(r.ticks));
}

double wire_bytes_per_client_tick(const LoadReport& r) {
    return ratio(static_cast<double>(r.text_bytes + r.update_bytes + r.frame_header_bytes),
                 static_cast<double>(r.ticks));
}

void print_table(std::ostream& out, const LoadReport& r) {
    const auto& o = r.options;
    const double ticks = static_cast<double>(r.ticks);
    out << "galaxy-load: " << o.clients << " clients (run " << o.run_id << "), ramp "
        << fixed(o.ramp_s, 0) << " s, window " << fixed(r.window_s, 1) << " s at "
        << fixed(r.tick_rate_hz, 1) << " Hz, a control message every " << fixed(o.control_interval_s, 1)
        << " s +-50% per client\n";
    out << "  registration      " << r.registered << "/" << o.clients << " in "
        << fixed(r.registration_s, 1) << " s (" << fixed(ratio(r.registered, r.registration_s), 0)
        << "/s); latency " << quantiles_ms(r.registration_latency_ms) << "; retried "
        << r.registration_retries << "; failures: " << counts_text(r.registration_failures) << "\n";
    out << "  connections       " << r.joined << " joined of " << r.connecting << " in "
        << fixed(r.join_s, 1) << " s; transport failures: " << counts_text(r.connect_failures)
        << "; closed by the server: " << counts_text(r.close_codes) << "\n";
    out << "  ticks received    " << fixed(r.ticks_per_client, 1) << " per client of "
        << fixed(expected_ticks(r), 0) << " expected; " << r.updates << " updates, "
        << r.keyframes << " keyframes, " << r.decode_failures << " undecodable\n";
    out << "  bytes/client/tick " << fixed(bytes_per_client_tick(r), 1) << " payload (updates "
        << fixed(ratio(static_cast<double>(r.update_bytes), ticks), 1) << ", text "
        << fixed(ratio(static_cast<double>(r.text_bytes), ticks), 1) << "), "
        << fixed(wire_bytes_per_client_tick(r), 1) << " with WebSocket frame headers\n";
    out << "  commands/tick     " << fixed(ratio(static_cast<double>(r.commands), static_cast<double>(r.decoded_ticks)), 1)
        << " relayed in each tick's update (every player's controls: the update grows with N)\n";
    out << "  bytes/client/s    " << fixed(bytes_per_client_tick(r) * r.tick_rate_hz, 0)
        << " payload\n";
    if (r.keyframes > 0) {
        out << "  keyframes         " << r.keyframes << " received in the window, "
            << r.keyframe_bytes_received << " bytes (not in the figures above)\n";
    }
    out << "  update latency    " << quantiles_ms(r.update_latency_ms)
        << "\n                    (end of tick on the server clock -> the client's handler on the same\n"
        << "                    machine, the generator's own scheduling delay included)\n";
    out << "  controls          " << r.controls_sent << " sent, " << r.acks << " acked ("
        << fixed(100.0 * ratio(static_cast<double>(r.acks), static_cast<double>(r.controls_sent)), 1)
        << "%); ack latency " << quantiles_ms(r.ack_latency_ms) << "\n";
    out << "  error messages    " << counts_text(r.errors) << "\n";
    if (r.have_metrics) {
        out << "  server tick       p50 " << tick_quantile(r.server_tick_p50_ms, r.server_tick_first_bound_ms)
            << ", p99 " << tick_quantile(r.server_tick_p99_ms, r.server_tick_first_bound_ms)
            << ", mean " << fixed(r.server_tick_mean_ms, 3) << " ms over " << fixed(r.server_ticks, 0)
            << " ticks (quantiles from the /metrics histogram)\n";
        out << "  server sent       " << fixed(r.server_bytes_sent / r.window_s / 1e6, 3)
            << " MB/s WebSocket payload; slow-client disconnects " << fixed(r.server_slow_disconnects, 0)
            << "; players online " << fixed(r.server_players_online, 0) << "\n";
    }
    if (r.have_process) {
        out << "  server process    " << fixed(r.server_cpu_percent, 1) << "% of one core; RSS "
            << mib(static_cast<double>(r.server_rss_before_bytes)) << " before connecting, "
            << mib(static_cast<double>(r.server_rss_connected_bytes)) << " with " << r.joined
            << " joined: "
            << fixed(rss_per_connection(r) / 1024.0, 1) << " KiB per connection\n";
    }
    out << "  load generator    " << fixed(r.load_cpu_percent, 1)
        << "% of one core (shares the machine with the server)\n";
    if (r.have_keyframe) {
        const double ours = bytes_per_client_tick(r);
        out << "  world             " << r.world_bodies << " bodies, " << r.world_ships
            << " ships, " << r.world_stations << " stations; keyframe " << r.keyframe_bytes
            << " bytes\n";
        out << "  naive JSON/tick   " << r.naive_full_bytes << " bytes whole world, "
            << r.naive_ships_only_bytes << " bytes ships only (per client per tick)\n";
        out << "  ours vs naive     " << versus(ours, static_cast<double>(r.naive_full_bytes))
            << " the whole world, " << versus(ours, static_cast<double>(r.naive_ships_only_bytes))
            << " ships only\n";
    }
}

void print_json(std::ostream& out, const LoadReport& r) {
    const auto& o = r.options;
    nlohmann::json j;
    j["options"] = {{"host", o.host},
                    {"port", o.port},
                    {"clients", o.clients},
                    {"duration_s", o.duration_s},
                    {"ramp_s", o.ramp_s},
                    {"control_interval_s", o.control_interval_s},
                    {"threads", o.io_threads},
                    {"max_joining", o.max_joining},
                    {"full_decode_every", o.full_decode_every},
                    {"run_id", o.run_id}};
    j["registration"] = {{"registered", r.registered},
                         {"duration_s", r.registration_s},
                         {"latency_ms", quantiles_json(r.registration_latency_ms)},
                         {"retries", r.registration_retries},
                         {"failures", r.registration_failures}};
    j["connections"] = {{"started", r.connecting},
                        {"joined", r.joined},
                        {"join_s", r.join_s},
                        {"transport_failures", r.connect_failures},
                        {"server_close_codes", r.close_codes},
                        {"error_messages", r.errors}};
    j["window"] = {{"duration_s", r.window_s},
                   {"tick_rate_hz", r.tick_rate_hz},
                   {"ticks_per_client", r.ticks_per_client},
                   {"expected_ticks_per_client", expected_ticks(r)},
                   {"text_bytes", r.text_bytes},
                   {"update_bytes", r.update_bytes},
                   {"keyframe_bytes", r.keyframe_bytes_received},
                   {"frame_header_bytes", r.frame_header_bytes},
                   {"bytes_per_client_tick", bytes_per_client_tick(r)},
                   {"wire_bytes_per_client_tick", wire_bytes_per_client_tick(r)},
                   {"ticks", r.ticks},
                   {"commands", r.commands},
                   {"decoded_ticks", r.decoded_ticks},
                   {"commands_per_tick", ratio(static_cast<double>(r.commands), static_cast<double>(r.decoded_ticks))},
                   {"updates", r.updates},
                   {"keyframes", r.keyframes},
                   {"text_messages", r.text_messages},
                   {"events", r.events},
                   {"decode_failures", r.decode_failures},
                   {"controls_sent", r.controls_sent},
                   {"acks", r.acks},
                   {"update_latency_ms", quantiles_json(r.update_latency_ms)},
                   {"ack_latency_ms", quantiles_json(r.ack_latency_ms)},
                   {"load_cpu_percent", r.load_cpu_percent}};
    if (r.have_metrics) {
        j["server"] = {{"tick_p50_ms", r.server_tick_p50_ms},
                       {"tick_p99_ms", r.server_tick_p99_ms},
                       {"tick_mean_ms", r.server_tick_mean_ms},
                       {"tick_histogram_first_bound_ms", r.server_tick_first_bound_ms},
                       {"ticks", r.server_ticks},
                       {"bytes_sent", r.server_bytes_sent},
                       {"slow_client_disconnects", r.server_slow_disconnects},
                       {"players_online", r.server_players_online}};
    }
    if (r.have_process) {
        j["server_process"] = {{"cpu_percent", r.server_cpu_percent},
                               {"rss_before_bytes", r.server_rss_before_bytes},
                               {"rss_connected_bytes", r.server_rss_connected_bytes},
                               {"rss_per_connection_bytes", rss_per_connection(r)}};
    }
    if (r.have_keyframe) {
        j["naive"] = {{"keyframe_bytes", r.keyframe_bytes},
                      {"bodies", r.world_bodies},
                      {"ships", r.world_ships},
                      {"stations", r.world_stations},
                      {"full_bytes_per_client_tick", r.naive_full_bytes},
                      {"ships_only_bytes_per_client_tick", r.naive_ships_only_bytes},
                      {"ours_over_full", ratio(bytes_per_client_tick(r), static_cast<double>(r.naive_full_bytes))},
                      {"ours_over_ships_only",
                       ratio(bytes_per_client_tick(r), static_cast<double>(r.naive_ships_only_bytes))}};
    }
    out << j.dump() << "\n";
}

}  // namespace galaxy::load
