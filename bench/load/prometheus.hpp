// Reading the server's /metrics (Prometheus text format 0.0.4): sample values, and quantiles of
// a histogram over a window from the difference of two scrapes.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace galaxy::load {

// Every sample of a scrape, keyed by the series as written ("name" or name{labels}).
using PrometheusScrape = std::map<std::string, double>;

PrometheusScrape parse_prometheus(std::string_view text);

// The value of a series; fallback when the scrape lacks it.
double scrape_value(const PrometheusScrape& scrape, const std::string& series, double fallback = 0.0);

// Cumulative buckets of a histogram: (upper bound, count at or below it) in ascending bound
// order, +Inf last as infinity.
using HistogramBuckets = std::vector<std::pair<double, double>>;

// The name_bucket{le="..."} series of histogram `name`; empty when absent.
HistogramBuckets histogram_buckets(const PrometheusScrape& scrape, const std::string& name);

// after - before, bucket by bucket (same bounds); empty when the bounds differ.
HistogramBuckets histogram_delta(const HistogramBuckets& before, const HistogramBuckets& after);

// Quantile q (0..1) as Prometheus' histogram_quantile computes it: linear interpolation inside
// the bucket holding rank q * total, the first bucket starting at 0; a rank in the +Inf bucket
// gives the highest finite bound. 0 for an empty histogram.
double histogram_quantile(const HistogramBuckets& buckets, double q);

}  // namespace galaxy::load
