// One load run against a live server: register the accounts, connect the clients over the
// ramp, measure a window, and gather the client, /metrics and /proc figures into a report.
#pragma once

#include <ostream>
#include <string>

#include "load_options.hpp"
#include "load_report.hpp"

namespace galaxy::load {

// Runs the whole measurement, writing progress lines to `progress`. Returns false with a
// message in *error when the run could not take place (server unreachable, no account
// registered, nobody joined); partial failures are in the report instead.
bool run_load(const LoadOptions& options, LoadReport* report, std::ostream& progress,
              std::string* error);

}  // namespace galaxy::load
