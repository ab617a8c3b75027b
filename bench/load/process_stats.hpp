// Resident memory and CPU time of a process, read from Linux's /proc.
#pragma once

#include <cstddef>
#include <optional>

namespace galaxy::load {

// VmRSS of process pid in bytes; nullopt when /proc/<pid>/status cannot be read.
std::optional<std::size_t> process_rss_bytes(int pid);

// User + system CPU time of process pid (all its threads) in seconds; nullopt when
// /proc/<pid>/stat cannot be read.
std::optional<double> process_cpu_seconds(int pid);

// The same for this process.
double own_cpu_seconds();

}  // namespace galaxy::load
