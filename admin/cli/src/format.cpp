#include "galaxy/admin/format.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace galaxy::admin {
namespace {

// Two units: the larger and the remainder in the smaller ("5 min 3 s"), or only the larger
// when the remainder is 0.
std::string two_units(long long value, long long per, const char* big, const char* small) {
    const long long whole = value / per;
    const long long rest = value % per;
    std::string text = std::to_string(whole) + " " + big;
    if (rest != 0) text += " " + std::to_string(rest) + " " + small;
    return text;
}

}  // namespace

std::string format_number(double value, int max_decimals) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", max_decimals, value);
    std::string text = buffer;
    if (text.find('.') != std::string::npos) {
        while (text.back() == '0') text.pop_back();
        if (text.back() == '.') text.pop_back();
    }
    if (text == "-0") text = "0";
    return text;
}

std::string format_duration(double seconds) {
    const long long s = static_cast<long long>(std::floor(std::max(seconds, 0.0)));
    if (s < 60) return std::to_string(s) + " s";
    if (s < 3600) return two_units(s, 60, "min", "s");
    if (s < 86400) return two_units(s / 60, 60, "h", "min");
    return two_units(s / 3600, 24, "d", "h");
}

std::string format_age(double then_s, double now_s) {
    if (then_s >= now_s) return "now";
    return format_duration(now_s - then_s) + " ago";
}

std::string format_bytes(double bytes) {
    static const char* const kUnits[] = {"B", "KiB", "MiB", "GiB", "TiB"};
    int unit = 0;
    while (bytes >= 1024.0 && unit < 4) {
        bytes /= 1024.0;
        ++unit;
    }
    return format_number(bytes, unit == 0 ? 0 : 1) + " " + kUnits[unit];
}

std::string format_ms(double ms) { return format_number(ms, 2) + " ms"; }

std::string format_km(double metres) { return format_number(metres / 1000.0, 1) + " km"; }

}  // namespace galaxy::admin
