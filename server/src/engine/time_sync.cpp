#include "engine/time_sync.hpp"

#include <algorithm>
#include <cmath>

#include "engine/world_factory.hpp"

namespace galaxy::server {

TimeSync time_sync_scale(double admin_scale, bool sync_on, double game_time_s, double utc_now_s) {
    TimeSync out;
    out.effective_scale = admin_scale;
    if (!sync_on) return out;
    out.drift_s = game_time_s - utc_game_time_s(utc_now_s);
    if (admin_scale != 1.0 || std::fabs(out.drift_s) <= kTimeSyncDeadBand_s) return out;
    const double corrected = 1.0 - std::round(out.drift_s) * kTimeSyncGain_per_s;
    out.effective_scale = std::clamp(corrected, kTimeSyncMinScale, kTimeSyncMaxScale);
    return out;
}

}  // namespace galaxy::server
