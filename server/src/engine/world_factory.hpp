// New worlds for a server that starts without a saved one, and how UTC maps to game time.
#pragma once

#include <functional>

#include "core/config.hpp"
#include "galaxy/sim/world.hpp"

namespace galaxy::server {

// J2000 (2000-01-01 12:00:00 TT = 11:58:55.816 UTC) as a Unix time, s.
inline constexpr double kJ2000Unix_s = 946727935.816;
// Leap seconds inserted since J2000 (2005, 2008, 2012, 2015, 2016; none after 2016).
inline constexpr double kLeapSecondsSinceJ2000_s = 5.0;
// Step used to bring a J2000 world to the present, game s (sim::kMaxTick_s).
inline constexpr double kPropagationStep_s = 3600.0;

// Game time (TDB s since J2000) at a UTC Unix time, valid from 2017 on (until the next leap
// second); TDB - TT (< 2 ms) is ignored.
double utc_game_time_s(double utc_unix_s);

// A new world. J2000: the Solar System of the default catalog at J2000 with the default
// stations. Now: the same bodies propagated with sim::step in kPropagationStep_s steps to
// utc_game_time_s(utc_now_s) (minutes of CPU for today's date), then the default stations;
// progress(fraction 0..1) is called about every 1% and at the end (it may be empty).
sim::World create_new_world(EpochKind epoch, double utc_now_s,
                            const std::function<void(double fraction)>& progress);

}  // namespace galaxy::server
