// Time sync: at time scale 1 the game clock is steered towards UTC by running slightly slower
// or faster, so game time can match the real date again after pauses, restarts and lag.
#pragma once

namespace galaxy::server {

inline constexpr double kTimeSyncDeadBand_s = 10.0;  // |drift| up to this: no correction
inline constexpr double kTimeSyncGain_per_s = 1e-3;  // scale change per second of drift
inline constexpr double kTimeSyncMinScale = 0.95;    // slowest corrected scale
inline constexpr double kTimeSyncMaxScale = 1.05;    // fastest corrected scale

struct TimeSync {
    double drift_s = 0.0;          // game time minus UTC game time, s (0 when sync is off)
    double effective_scale = 1.0;  // game seconds per real second the ticks use
};

// The scale to run at. Sync off, or an admin scale other than exactly 1: the admin scale.
// Otherwise 1 inside the dead band, else 1 - drift * gain clamped to the min/max scale, with the
// drift rounded to whole seconds: dt then changes about once per 1000 s of correction instead of
// every tick, and every dt change costs a journal row.
TimeSync time_sync_scale(double admin_scale, bool sync_on, double game_time_s, double utc_now_s);

}  // namespace galaxy::server
