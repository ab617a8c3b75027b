// Metrics: the /metrics body is valid Prometheus text with every documented series, and the
// histogram's buckets, sum and quantiles agree with what was observed.
#include "core/metrics.hpp"

#include <cmath>
#include <cstdlib>
#include <limits>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include <gtest/gtest-spi.h>
#include <gtest/gtest.h>

namespace galaxy::server {
namespace {

struct Sample {
    std::string name;    // without labels
    std::string labels;  // "{...}" or empty
    double value = 0.0;
};

bool is_name(std::string_view name, bool colon_allowed) {
    if (name.empty() || (name[0] >= '0' && name[0] <= '9')) return false;
    for (char c : name) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                        (c >= '0' && c <= '9') || c == '_' || (colon_allowed && c == ':');
        if (!ok) return false;
    }
    return true;
}

// '{name="value",...}' with at least one label; values without quotes, backslashes or newlines.
bool is_label_set(std::string_view labels) {
    if (labels.size() < 2 || labels.front() != '{' || labels.back() != '}') return false;
    std::string_view rest = labels.substr(1, labels.size() - 2);
    while (true) {
        const auto eq = rest.find('=');
        if (eq == std::string_view::npos || !is_name(rest.substr(0, eq), false)) return false;
        rest.remove_prefix(eq + 1);
        if (rest.empty() || rest[0] != '"') return false;
        const auto close = rest.find('"', 1);
        if (close == std::string_view::npos) return false;
        if (rest.substr(1, close - 1).find('\\') != std::string_view::npos) return false;
        rest.remove_prefix(close + 1);
        if (rest.empty()) return true;
        if (rest[0] != ',') return false;
        rest.remove_prefix(1);
    }
}

// Parses the text exposition format strictly (std::regex is avoided: GCC 12 warns inside it
// under ASan): every line is "# HELP name text", "# TYPE name type" or "name{labels} value",
// every sample's family has HELP and TYPE before it, and no family appears twice.
std::vector<Sample> parse_prometheus(const std::string& text) {
    std::set<std::string> helped;
    std::map<std::string, std::string> types;
    std::vector<Sample> samples;
    std::istringstream in(text);
    std::string line;
    EXPECT_EQ(text.back(), '\n');
    while (std::getline(in, line)) {
        if (line.rfind("# HELP ", 0) == 0) {
            const std::string rest = line.substr(7);
            const auto space = rest.find(' ');
            EXPECT_TRUE(space != std::string::npos && space + 1 < rest.size()) << line;
            const std::string name = rest.substr(0, space);
            EXPECT_TRUE(is_name(name, true)) << line;
            EXPECT_TRUE(helped.insert(name).second) << "HELP twice: " << line;
            continue;
        }
        if (line.rfind("# TYPE ", 0) == 0) {
            const std::string rest = line.substr(7);
            const auto space = rest.find(' ');
            if (space == std::string::npos) {
                ADD_FAILURE() << "TYPE without a type: " << line;
                continue;
            }
            const std::string name = rest.substr(0, space);
            const std::string type = rest.substr(space + 1);
            EXPECT_TRUE(type == "counter" || type == "gauge" || type == "histogram") << line;
            EXPECT_TRUE(helped.count(name)) << "TYPE before HELP: " << line;
            EXPECT_TRUE(types.emplace(name, type).second) << "TYPE twice: " << line;
            continue;
        }
        const auto space = line.rfind(' ');
        if (space == std::string::npos) {
            ADD_FAILURE() << "not Prometheus text: '" << line << "'";
            continue;
        }
        const std::string series = line.substr(0, space);
        const std::string value = line.substr(space + 1);
        const auto brace = series.find('{');
        Sample s{series.substr(0, brace), brace == std::string::npos ? "" : series.substr(brace),
                 0.0};
        EXPECT_TRUE(is_name(s.name, true)) << line;
        EXPECT_TRUE(s.labels.empty() || is_label_set(s.labels)) << line;
        char* end = nullptr;
        s.value = std::strtod(value.c_str(), &end);
        EXPECT_TRUE(!value.empty() && *end == '\0') << "bad value: " << line;
        std::string family = s.name;
        for (const std::string suffix : {"_bucket", "_sum", "_count"}) {
            if (!family.ends_with(suffix)) continue;
            const std::string base = family.substr(0, family.size() - suffix.size());
            if (types.count(base) && types[base] == "histogram") {
                family = base;
                break;
            }
        }
        EXPECT_TRUE(types.count(family)) << "sample without TYPE: " << line;
        samples.push_back(s);
    }
    return samples;
}

double value_of(const std::vector<Sample>& samples, const std::string& name,
                const std::string& labels = "") {
    for (const auto& s : samples) {
        if (s.name == name && s.labels == labels) return s.value;
    }
    ADD_FAILURE() << "missing " << name << labels;
    return -12345.0;
}

// The checker itself must catch defects, or passing it would mean nothing.
TEST(PrometheusChecker, RejectsMalformedText) {
    EXPECT_NONFATAL_FAILURE(parse_prometheus("galaxy_x 1\n"), "sample without TYPE");
    EXPECT_NONFATAL_FAILURE(parse_prometheus("# HELP x X.\n# TYPE x gauge\nx one\n"), "bad value");
    EXPECT_NONFATAL_FAILURE(parse_prometheus("# HELP x X.\n# TYPE x gauge\nx{a=b} 1\n"),
                            "x{a=b} 1");
    EXPECT_NONFATAL_FAILURE(parse_prometheus("# TYPE x gauge\n"), "TYPE before HELP");
    EXPECT_NONFATAL_FAILURE(parse_prometheus("# HELP x X.\n# TYPE x gauge\n# HELP x X.\n"),
                            "HELP twice");
}

TEST(Metrics, RenderedBodyIsPrometheusTextWithEveryDocumentedSeries) {
    Metrics metrics;
    metrics.ticks_total = 42;
    metrics.tick_duration_s.observe(0.003);
    metrics.ws_connections_total = 9;
    metrics.ws_connections = 3;
    metrics.players_online = 2;
    metrics.bytes_sent_total = 123456;
    metrics.messages_received_total = 77;
    metrics.http_requests_total = 11;
    metrics.slow_client_disconnects_total = 1;
    MetricsGauges gauges;
    gauges.tick = 1000;
    gauges.ticks_behind = 4;
    gauges.ships = 12;
    gauges.stations = 2;
    gauges.snapshot_age_s = 12.5;
    gauges.journal_lag_ticks = 3;
    gauges.journal_queued = 17;
    gauges.database_errors = 5;
    gauges.database_up = true;
    gauges.tick_rate_hz = 10.0;
    gauges.time_scale = 1000.5;
    gauges.paused = true;

    const auto samples = parse_prometheus(render_prometheus(metrics, gauges));
    EXPECT_EQ(value_of(samples, "galaxy_ticks_total"), 42.0);
    EXPECT_EQ(value_of(samples, "galaxy_tick_duration_seconds_count"), 1.0);
    EXPECT_EQ(value_of(samples, "galaxy_ticks_behind"), 4.0);
    EXPECT_EQ(value_of(samples, "galaxy_tick"), 1000.0);
    EXPECT_EQ(value_of(samples, "galaxy_players_online"), 2.0);
    EXPECT_EQ(value_of(samples, "galaxy_ships"), 12.0);
    EXPECT_EQ(value_of(samples, "galaxy_stations"), 2.0);
    EXPECT_EQ(value_of(samples, "galaxy_websocket_connections"), 3.0);
    EXPECT_EQ(value_of(samples, "galaxy_websocket_connections_total"), 9.0);
    EXPECT_EQ(value_of(samples, "galaxy_bytes_sent_total"), 123456.0);
    EXPECT_EQ(value_of(samples, "galaxy_messages_received_total"), 77.0);
    EXPECT_EQ(value_of(samples, "galaxy_snapshot_age_seconds"), 12.5);
    EXPECT_EQ(value_of(samples, "galaxy_journal_lag_ticks"), 3.0);
    EXPECT_EQ(value_of(samples, "galaxy_journal_queued"), 17.0);
    EXPECT_EQ(value_of(samples, "galaxy_database_errors_total"), 5.0);
    EXPECT_EQ(value_of(samples, "galaxy_database_up"), 1.0);
    EXPECT_EQ(value_of(samples, "galaxy_http_requests_total"), 11.0);
    EXPECT_EQ(value_of(samples, "galaxy_slow_client_disconnects_total"), 1.0);
    EXPECT_EQ(value_of(samples, "galaxy_tick_rate_hz"), 10.0);
    EXPECT_EQ(value_of(samples, "galaxy_time_scale"), 1000.5);
    EXPECT_EQ(value_of(samples, "galaxy_paused"), 1.0);
}

TEST(Metrics, DefaultGaugesRenderNoSnapshotAsMinusOneAndFlagsAsZero) {
    const Metrics metrics;
    const auto samples = parse_prometheus(render_prometheus(metrics, MetricsGauges{}));
    EXPECT_EQ(value_of(samples, "galaxy_snapshot_age_seconds"), -1.0);
    EXPECT_EQ(value_of(samples, "galaxy_database_up"), 0.0);
    EXPECT_EQ(value_of(samples, "galaxy_paused"), 0.0);
    EXPECT_EQ(value_of(samples, "galaxy_tick_duration_seconds_count"), 0.0);
}

TEST(Metrics, NonFiniteGaugesUsePrometheusSpellings) {
    MetricsGauges gauges;
    gauges.time_scale = std::numeric_limits<double>::infinity();
    gauges.tick_rate_hz = std::nan("");
    const std::string text = render_prometheus(Metrics(), gauges);
    parse_prometheus(text);
    EXPECT_NE(text.find("galaxy_time_scale +Inf\n"), std::string::npos) << text;
    EXPECT_NE(text.find("galaxy_tick_rate_hz NaN\n"), std::string::npos) << text;
}

TEST(Metrics, EveryErrorCodeHasARejectedSeriesWithItsCount) {
    Metrics metrics;
    metrics.count_rejected(proto::ErrorCode::RateLimited);
    metrics.count_rejected(proto::ErrorCode::RateLimited);
    metrics.count_rejected(proto::ErrorCode::MalformedJson);
    const auto samples = parse_prometheus(render_prometheus(metrics, MetricsGauges{}));
    EXPECT_EQ(value_of(samples, "galaxy_messages_rejected_total", R"({reason="E011"})"), 2.0);
    EXPECT_EQ(value_of(samples, "galaxy_messages_rejected_total", R"({reason="E001"})"), 1.0);
    EXPECT_EQ(value_of(samples, "galaxy_messages_rejected_total", R"({reason="E027"})"), 0.0);
    int series = 0;
    for (const auto& s : samples) {
        if (s.name != "galaxy_messages_rejected_total") continue;
        ++series;
        EXPECT_NE(s.labels, R"({reason="E000"})");
    }
    EXPECT_EQ(series, 27);  // E001..E027
}

TEST(Metrics, CodeOutsideTheCounterArrayIsIgnored) {
    Metrics metrics;
    metrics.count_rejected(static_cast<proto::ErrorCode>(200));
    for (const auto& count : metrics.messages_rejected_total) EXPECT_EQ(count.load(), 0u);
}

TEST(Histogram, BucketsAreCumulativeAndCountSumMatchObservations) {
    Histogram h({0.001, 0.01, 0.1});
    for (double v : {0.0005, 0.001, 0.002, 0.05, 0.5, 2.0}) h.observe(v);
    std::string out;
    h.render(&out, "test_seconds", "Test histogram.");
    const auto samples = parse_prometheus(out);
    EXPECT_EQ(value_of(samples, "test_seconds_bucket", R"({le="0.001"})"), 2.0);  // le is <=
    EXPECT_EQ(value_of(samples, "test_seconds_bucket", R"({le="0.01"})"), 3.0);
    EXPECT_EQ(value_of(samples, "test_seconds_bucket", R"({le="0.1"})"), 4.0);
    EXPECT_EQ(value_of(samples, "test_seconds_bucket", R"({le="+Inf"})"), 6.0);
    EXPECT_EQ(value_of(samples, "test_seconds_count"), 6.0);
    // The sum is kept in whole microseconds, so it is exact for these values.
    EXPECT_DOUBLE_EQ(value_of(samples, "test_seconds_sum"), 2.5535);
}

TEST(Histogram, NegativeAndNanObservationsCountAsZero) {
    Histogram h({0.001});
    h.observe(-1.0);
    h.observe(std::nan(""));
    std::string out;
    h.render(&out, "t", "T.");
    const auto samples = parse_prometheus(out);
    EXPECT_EQ(value_of(samples, "t_bucket", R"({le="0.001"})"), 2.0);
    EXPECT_EQ(value_of(samples, "t_sum"), 0.0);
}

TEST(Histogram, QuantilesInterpolateInsideTheBucket) {
    Histogram h({1.0, 2.0, 4.0});
    for (int i = 0; i < 10; ++i) h.observe(0.5);
    for (int i = 0; i < 10; ++i) h.observe(1.5);
    EXPECT_DOUBLE_EQ(h.quantile(0.5), 1.0);   // rank 10: the top of the first bucket
    EXPECT_DOUBLE_EQ(h.quantile(0.25), 0.5);  // rank 5: halfway through 0..1
    EXPECT_DOUBLE_EQ(h.quantile(0.75), 1.5);  // rank 15: halfway through 1..2
    EXPECT_DOUBLE_EQ(h.quantile(1.0), 2.0);
}

TEST(Histogram, QuantileIsZeroWhenEmptyAndTheTopBoundInTheInfBucket) {
    Histogram h({1.0, 2.0});
    EXPECT_EQ(h.quantile(0.5), 0.0);
    h.observe(100.0);
    EXPECT_EQ(h.quantile(0.5), 2.0);
}

TEST(Histogram, TickQuantilesAreSaneAndMonotonic) {
    Metrics metrics;
    for (int i = 1; i <= 1000; ++i) metrics.tick_duration_s.observe(0.001 + 0.004 * i / 1000.0);
    const double p50 = metrics.tick_duration_s.quantile(0.5);
    const double p99 = metrics.tick_duration_s.quantile(0.99);
    // Values span 1..5 ms; the estimate can only be as fine as the buckets (2 ms, 5 ms).
    EXPECT_GT(p50, 0.002);
    EXPECT_LE(p50, 0.005);
    EXPECT_LE(p99, 0.005);
    double previous = 0.0;
    for (double q = 0.0; q <= 1.0; q += 0.05) {
        const double value = metrics.tick_duration_s.quantile(q);
        EXPECT_GE(value, previous) << q;
        previous = value;
    }
}

TEST(Histogram, TickBucketsSpanHalfAMillisecondToOneSecond) {
    const auto bounds = tick_duration_bounds_s();
    ASSERT_FALSE(bounds.empty());
    EXPECT_EQ(bounds.front(), 0.0005);
    EXPECT_EQ(bounds.back(), 1.0);
    std::string out;
    Metrics().tick_duration_s.render(&out, "t", "T.");
    EXPECT_NE(out.find(R"(t_bucket{le="0.0005"} 0)"), std::string::npos) << out;
}

TEST(Histogram, ConcurrentObservationsAreAllCounted) {
    Histogram h(tick_duration_bounds_s());
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&h] {
            for (int i = 0; i < 10000; ++i) h.observe(0.004);
        });
    }
    for (auto& thread : threads) thread.join();
    std::string out;
    h.render(&out, "t", "T.");
    const auto samples = parse_prometheus(out);
    EXPECT_EQ(value_of(samples, "t_count"), 40000.0);
    EXPECT_NEAR(value_of(samples, "t_sum"), 160.0, 1e-9);
}

}  // namespace
}  // namespace galaxy::server
