#include "prometheus.hpp"

#include <algorithm>
#include <cstdlib>
#include <limits>

namespace galaxy::load {

PrometheusScrape parse_prometheus(std::string_view text) {
    PrometheusScrape scrape;
    while (!text.empty()) {
        const auto eol = text.find('\n');
        std::string_view line = text.substr(0, eol);
        text.remove_prefix(eol == std::string_view::npos ? text.size() : eol + 1);
        if (line.empty() || line.front() == '#') continue;
        // The value follows the last space; label values never contain one in our exporter,
        // and an optional timestamp is not used by it.
        const auto space = line.rfind(' ');
        if (space == std::string_view::npos) continue;
        const std::string value(line.substr(space + 1));
        char* end = nullptr;
        const double parsed = std::strtod(value.c_str(), &end);
        if (end == value.c_str()) continue;
        scrape[std::string(line.substr(0, space))] = parsed;
    }
    return scrape;
}

double scrape_value(const PrometheusScrape& scrape, const std::string& series, double fallback) {
    const auto it = scrape.find(series);
    return it == scrape.end() ? fallback : it->second;
}

HistogramBuckets histogram_buckets(const PrometheusScrape& scrape, const std::string& name) {
    HistogramBuckets buckets;
    const std::string prefix = name + "_bucket{";
    for (const auto& [series, count] : scrape) {
        if (series.compare(0, prefix.size(), prefix) != 0) continue;
        const auto le = series.find("le=\"", prefix.size() - 1);
        if (le == std::string::npos) continue;
        const std::string bound = series.substr(le + 4, series.find('"', le + 4) - (le + 4));
        const double upper = bound == "+Inf" ? std::numeric_limits<double>::infinity()
                                             : std::strtod(bound.c_str(), nullptr);
        buckets.emplace_back(upper, count);
    }
    std::sort(buckets.begin(), buckets.end());
    return buckets;
}

HistogramBuckets histogram_delta(const HistogramBuckets& before, const HistogramBuckets& after) {
    if (before.size() != after.size()) return {};
    HistogramBuckets delta;
    for (std::size_t i = 0; i < after.size(); ++i) {
        if (before[i].first != after[i].first) return {};
        delta.emplace_back(after[i].first, after[i].second - before[i].second);
    }
    return delta;
}

double histogram_quantile(const HistogramBuckets& buckets, double q) {
    if (buckets.empty() || buckets.back().second <= 0.0) return 0.0;
    const double rank = q * buckets.back().second;
    double lower = 0.0;
    double below = 0.0;
    for (std::size_t i = 0; i < buckets.size(); ++i) {
        const auto [upper, count] = buckets[i];
        if (count >= rank && count > below) {
            if (upper == std::numeric_limits<double>::infinity()) {
                return i > 0 ? buckets[i - 1].first : 0.0;
            }
            return lower + (upper - lower) * (rank - below) / (count - below);
        }
        lower = upper;
        below = count;
    }
    return lower;
}

}  // namespace galaxy::load
