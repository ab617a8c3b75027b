#include "map_view.hpp"

#include <algorithm>

namespace galaxy::admin {

ScreenPoint map_to_screen(const MapView& view, ScreenPoint middle, double x_m, double y_m) {
    return {middle.x + static_cast<float>((x_m - view.centre_x_m) / view.metres_per_px),
            middle.y - static_cast<float>((y_m - view.centre_y_m) / view.metres_per_px)};
}

void pan_map(MapView* view, float dx_px, float dy_px) {
    view->centre_x_m -= static_cast<double>(dx_px) * view->metres_per_px;
    view->centre_y_m += static_cast<double>(dy_px) * view->metres_per_px;
}

void zoom_map(MapView* view, double factor, float dx_px, float dy_px) {
    const double before = view->metres_per_px;
    const double after =
        std::clamp(before * factor, MapView::kMinMetresPerPx, MapView::kMaxMetresPerPx);
    // The point at the offset is centre + offset * scale before and after: solve for the centre.
    view->centre_x_m += static_cast<double>(dx_px) * (before - after);
    view->centre_y_m -= static_cast<double>(dy_px) * (before - after);
    view->metres_per_px = after;
}

}  // namespace galaxy::admin
