// Numbers as the HUD prints them: SI values in, short strings with a unit that suits the
// magnitude out ("412.3 km", "1.52 AU", "1 h 32 m", "7.67 km/s"). Pure, so the tests pin the
// exact text. Non-finite values print as "inf" / "-inf" / "--" (NaN); the ASCII-only default
// ImGui font is why there is no degree sign or infinity glyph.
#pragma once

#include <string>

namespace galaxy::client {

inline constexpr double kAstronomicalUnit_m = 1.495978707e11;  // IAU 2012, exact

// Distance in m: below 1 km "850.2 m"; below 1,000 km "412.3 km"; below 0.1 AU "384,400 km";
// then "0.387 AU" (3 decimals below 1 AU) or "1.52 AU" (2 decimals).
std::string format_distance(double m);

// Speed in m/s: below 1 km/s "12.3 m/s", then "7.67 km/s".
std::string format_speed(double m_s);

// Duration in s, counted down in whole units: "45.2 s", "12 m 05 s", "1 h 32 m", "3 d 04 h",
// "2 y 10 d" (years of 365.25 d); negative durations get a leading "-".
std::string format_duration(double s);

// Mass in kg with thousands separators: "12,345 kg".
std::string format_mass(double kg);

// Force in N: "950 N", "200.0 kN", "1.20 MN".
std::string format_force(double n);

// Angle in rad, printed in degrees: "28.50 deg".
std::string format_angle(double rad);

// A 0..1 fraction as a percentage: "42.0 %".
std::string format_percent(double fraction);

// TT minus UTC in s at game time t (TDB s since J2000, taken as TT: they differ by < 2 ms):
// 32.184 s plus TAI-UTC from the leap-second table (32 s at 2000 ... 37 s since 2017; 32 s for
// earlier dates, and the table has no leap second after 2017).
double tt_minus_utc_s(double game_time_s);

// Game time (TDB s since J2000 = 2000-01-01 12:00 TT) as a UTC date: "2000-01-01 11:58:55 UTC".
std::string format_utc(double game_time_s);

}  // namespace galaxy::client
