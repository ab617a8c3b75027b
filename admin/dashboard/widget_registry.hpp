// Where the named buttons and inputs of the current frame are on the page. ImGui draws into a
// canvas, so the browser has no elements to click: the end-to-end test reads this registry
// (status().widgets) and clicks at the rectangles, going through the real input path.
#pragma once

#include <map>
#include <string>

#include <nlohmann/json.hpp>

namespace galaxy::admin {

// A widget's visible rectangle in CSS pixels of the canvas (top-left origin).
struct WidgetRect {
    float x = 0.0f;
    float y = 0.0f;
    float w = 0.0f;
    float h = 0.0f;
};

// The named widgets of the frame being drawn (or, between frames, of the last one).
class WidgetRegistry {
public:
    // Starts a frame: forgets the last frame's widgets. pixel_ratio = canvas pixels per CSS
    // pixel (window.devicePixelRatio; ImGui works in canvas pixels).
    void begin_frame(float pixel_ratio);
    // Records the last ImGui item under `key` (call right after the widget), clipped to what
    // its window shows; an item scrolled out of view is not recorded.
    void record_last_item(const std::string& key);
    // {key: {x, y, w, h}} of this frame.
    nlohmann::json to_json() const;

private:
    float pixel_ratio_ = 1.0f;
    std::map<std::string, WidgetRect> rects_;
};

}  // namespace galaxy::admin
