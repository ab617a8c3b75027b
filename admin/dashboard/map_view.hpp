// The Map window's view: which part of the ICRF x/y plane it shows and at what scale, and the
// conversions between metres and the window's pixels. Screen y grows downwards, ICRF y upwards.
#pragma once

namespace galaxy::admin {

// A point on the screen (canvas pixels).
struct ScreenPoint {
    float x = 0.0f;
    float y = 0.0f;
};

// What the map shows.
struct MapView {
    // Scale limits: 1 m per pixel (docking distances) to 1e12 m per pixel (the whole system).
    static constexpr double kMinMetresPerPx = 1.0;
    static constexpr double kMaxMetresPerPx = 1.0e12;

    double centre_x_m = 0.0;       // ICRF x at the middle of the map (m)
    double centre_y_m = 0.0;       // ICRF y at the middle of the map (m)
    double metres_per_px = 3.0e6;  // scale; default: the Moon's orbit about 130 px from Earth
};

// Where ICRF (x_m, y_m) appears, for a map whose middle is at `middle` on the screen.
ScreenPoint map_to_screen(const MapView& view, ScreenPoint middle, double x_m, double y_m);
// Moves the view by a mouse drag of (dx_px, dy_px): what was under the mouse stays under it.
void pan_map(MapView* view, float dx_px, float dy_px);
// Zooms by `factor` (> 1 shows more, i.e. zooms out) keeping the point at offset
// (dx_px, dy_px) from the map's middle where it is; the scale is clamped to the limits.
void zoom_map(MapView* view, double factor, float dx_px, float dy_px);

}  // namespace galaxy::admin
