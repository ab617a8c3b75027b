// Numbers for people: trimmed decimals, durations, ages, byte counts, distances.
#pragma once

#include <string>

namespace galaxy::admin {

// value with at most max_decimals decimals, trailing zeros dropped: 10.0 -> "10", 9.984 -> "9.98".
std::string format_number(double value, int max_decimals);
// A duration in whole units, the largest two: "12 s", "5 min 3 s", "2 h 14 min", "3 d 4 h".
std::string format_duration(double seconds);
// How long before now_s (Unix seconds) then_s was: "12 s ago"; a time in the future is "now".
std::string format_age(double then_s, double now_s);
// Bytes in binary units: "512 B", "1.5 KiB", "120.6 KiB", "3.2 MiB", "1.1 GiB".
std::string format_bytes(double bytes);
// Milliseconds with two decimals at most: "0.21 ms".
std::string format_ms(double ms);
// A distance given in metres, in kilometres: "408.5 km".
std::string format_km(double metres);

}  // namespace galaxy::admin
