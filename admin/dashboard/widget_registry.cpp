#include "widget_registry.hpp"

#include <algorithm>

#include "imgui.h"

namespace galaxy::admin {

void WidgetRegistry::begin_frame(float pixel_ratio) {
    pixel_ratio_ = pixel_ratio > 0.0f ? pixel_ratio : 1.0f;
    rects_.clear();
}

void WidgetRegistry::record_last_item(const std::string& key) {
    if (!ImGui::IsItemVisible()) return;
    const ImDrawList* draw_list = ImGui::GetWindowDrawList();
    const ImVec2 clip_min = draw_list->GetClipRectMin();
    const ImVec2 clip_max = draw_list->GetClipRectMax();
    const ImVec2 item_min = ImGui::GetItemRectMin();
    const ImVec2 item_max = ImGui::GetItemRectMax();
    const float x0 = std::max(item_min.x, clip_min.x);
    const float y0 = std::max(item_min.y, clip_min.y);
    const float x1 = std::min(item_max.x, clip_max.x);
    const float y1 = std::min(item_max.y, clip_max.y);
    if (x1 <= x0 || y1 <= y0) return;
    rects_[key] = WidgetRect{x0 / pixel_ratio_, y0 / pixel_ratio_, (x1 - x0) / pixel_ratio_,
                             (y1 - y0) / pixel_ratio_};
}

nlohmann::json WidgetRegistry::to_json() const {
    nlohmann::json out = nlohmann::json::object();
    for (const auto& [key, rect] : rects_) {
        out[key] = {{"x", rect.x}, {"y", rect.y}, {"w", rect.w}, {"h", rect.h}};
    }
    return out;
}

}  // namespace galaxy::admin
