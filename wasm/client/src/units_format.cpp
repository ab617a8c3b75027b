#include "galaxy/client/units_format.hpp"

#include <array>
#include <cmath>
#include <cstdint>
#include <cstdio>

namespace galaxy::client {

namespace {

constexpr double kMinute_s = 60.0;
constexpr double kHour_s = 3600.0;
constexpr double kDay_s = 86400.0;
constexpr double kYear_s = 365.25 * kDay_s;

template <typename... Args>
std::string printf_string(const char* format, Args... args) {
    std::array<char, 64> buffer{};
    std::snprintf(buffer.data(), buffer.size(), format, args...);
    return buffer.data();
}

// "inf", "-inf" or "--" for a non-finite value; "" for a finite one.
std::string non_finite(double value) {
    if (std::isnan(value)) return "--";
    if (std::isinf(value)) return value > 0.0 ? "inf" : "-inf";
    return "";
}

// A non-negative whole number with a comma every three digits: 384400 -> "384,400".
std::string group_thousands(double value) {
    const std::string digits = printf_string("%.0f", value);
    std::string out;
    const std::size_t lead = digits.size() % 3;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i != 0 && (i + 3 - lead) % 3 == 0) out += ',';
        out += digits[i];
    }
    return out;
}

// Formats |value| with `body` and puts the sign in front, so every unit rule is written once
// for positive numbers.
template <typename Body>
std::string signed_format(double value, Body body) {
    const std::string bad = non_finite(value);
    if (!bad.empty()) return bad;
    const std::string text = body(std::fabs(value));
    // A value that rounds to zero is printed without a sign ("0.0 m", not "-0.0 m").
    const bool all_zero = text.find_first_of("123456789") == std::string::npos;
    return value < 0.0 && !all_zero ? "-" + text : text;
}

// Leap seconds since 2000: the UTC date from which TAI-UTC took each value.
struct LeapEntry {
    int year;
    int month;
    double tai_minus_utc_s;
};
constexpr std::array<LeapEntry, 5> kLeapSeconds{
    {{2006, 1, 33.0}, {2009, 1, 34.0}, {2012, 7, 35.0}, {2015, 7, 36.0}, {2017, 1, 37.0}}};
constexpr double kTaiMinusUtcAt2000_s = 32.0;
constexpr double kTtMinusTai_s = 32.184;
// J2000 is 12:00 TT on 2000-01-01: half a day after that date's midnight.
constexpr double kJ2000AfterMidnight_s = 0.5 * kDay_s;

// Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant's days_from_civil).
std::int64_t days_from_civil(std::int64_t y, int m, int d) {
    y -= m <= 2 ? 1 : 0;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const std::int64_t yoe = y - era * 400;
    const std::int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

struct CivilDate {
    std::int64_t year;
    int month;
    int day;
};

// The inverse of days_from_civil.
CivilDate civil_from_days(std::int64_t z) {
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const std::int64_t doe = z - era * 146097;
    const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const std::int64_t mp = (5 * doy + 2) / 153;
    const int day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
    const int month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    return {yoe + era * 400 + (month <= 2 ? 1 : 0), month, day};
}

// Seconds from J2000 (TT) to 00:00 UTC of a date, ignoring leap seconds (their count is added
// by the caller): the table's entries are compared with game times, where a second is no issue.
double j2000_seconds_of(int year, int month) {
    const std::int64_t days = days_from_civil(year, month, 1) - days_from_civil(2000, 1, 1);
    return static_cast<double>(days) * kDay_s - kJ2000AfterMidnight_s;
}

}  // namespace

std::string format_distance(double m) {
    return signed_format(m, [](double a) {
        if (a < 999.95) return printf_string("%.1f m", a);
        if (a < 999.95e3) return printf_string("%.1f km", a / 1000.0);
        if (a < 0.1 * kAstronomicalUnit_m) return group_thousands(a / 1000.0) + " km";
        const double au = a / kAstronomicalUnit_m;
        return au < 0.9995 ? printf_string("%.3f AU", au) : printf_string("%.2f AU", au);
    });
}

std::string format_speed(double m_s) {
    return signed_format(m_s, [](double a) {
        return a < 999.95 ? printf_string("%.1f m/s", a) : printf_string("%.2f km/s", a / 1000.0);
    });
}

std::string format_duration(double s) {
    return signed_format(s, [](double a) {
        if (a < 59.95) return printf_string("%.1f s", a);
        // Whole units counted down, so "1 h 32 m" stays until 1 h 31 m 59 s is left.
        const double whole = std::floor(a);
        if (whole < kHour_s) {
            return printf_string("%.0f m %02.0f s", std::floor(whole / kMinute_s),
                                 std::fmod(whole, kMinute_s));
        }
        if (whole < kDay_s) {
            return printf_string("%.0f h %02.0f m", std::floor(whole / kHour_s),
                                 std::floor(std::fmod(whole, kHour_s) / kMinute_s));
        }
        if (whole < kYear_s) {
            return printf_string("%.0f d %02.0f h", std::floor(whole / kDay_s),
                                 std::floor(std::fmod(whole, kDay_s) / kHour_s));
        }
        if (whole < 1000.0 * kYear_s) {
            return printf_string("%.0f y %.0f d", std::floor(whole / kYear_s),
                                 std::floor(std::fmod(whole, kYear_s) / kDay_s));
        }
        return printf_string("%.3g y", whole / kYear_s);
    });
}

std::string format_mass(double kg) {
    return signed_format(kg, [](double a) { return group_thousands(a) + " kg"; });
}

std::string format_force(double n) {
    return signed_format(n, [](double a) {
        if (a < 999.5) return printf_string("%.0f N", a);
        if (a < 999.95e3) return printf_string("%.1f kN", a / 1e3);
        return printf_string("%.2f MN", a / 1e6);
    });
}

std::string format_angle(double rad) {
    return signed_format(rad, [](double a) {
        return printf_string("%.2f deg", a * (180.0 / 3.14159265358979323846));
    });
}

std::string format_percent(double fraction) {
    return signed_format(fraction, [](double a) { return printf_string("%.1f %%", a * 100.0); });
}

double tt_minus_utc_s(double game_time_s) {
    double tai_minus_utc = kTaiMinusUtcAt2000_s;
    for (const LeapEntry& leap : kLeapSeconds) {
        // The leap second's instant in TT: that date's 00:00 UTC plus the previous offset.
        const double start =
            j2000_seconds_of(leap.year, leap.month) + tai_minus_utc + kTtMinusTai_s;
        if (game_time_s >= start) tai_minus_utc = leap.tai_minus_utc_s;
    }
    return tai_minus_utc + kTtMinusTai_s;
}

std::string format_utc(double game_time_s) {
    if (!std::isfinite(game_time_s)) return "--";
    const double since_midnight_2000 =
        std::floor(game_time_s - tt_minus_utc_s(game_time_s) + kJ2000AfterMidnight_s);
    const double day_count = std::floor(since_midnight_2000 / kDay_s);
    const double in_day = since_midnight_2000 - day_count * kDay_s;
    const CivilDate date =
        civil_from_days(static_cast<std::int64_t>(day_count) + days_from_civil(2000, 1, 1));
    const int seconds = static_cast<int>(in_day);
    std::array<char, 48> buffer{};
    std::snprintf(buffer.data(), buffer.size(), "%04lld-%02d-%02d %02d:%02d:%02d UTC",
                  static_cast<long long>(date.year), date.month, date.day, seconds / 3600,
                  seconds / 60 % 60, seconds % 60);
    return buffer.data();
}

}  // namespace galaxy::client
