// The Map window: a live top-down view of the world (ICRF x/y, looking down the z axis) from
// GET /api/admin/map, drawn with ImGui's draw lists. Bodies are circles (at least a few pixels
// wide) with labels, stations squares, ships triangles. The mouse wheel zooms, dragging pans,
// and "Centre on" keeps a body in the middle.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "json_fields.hpp"
#include "windows.hpp"

namespace galaxy::admin {

namespace {

constexpr float kMinBodyRadius_px = 3.0f;     // a body is never drawn smaller than this
constexpr float kMarker_px = 3.5f;            // half size of a ship or station marker
constexpr float kLabelSpacing_px = 14.0f;     // a label closer than this to one drawn is skipped
constexpr float kHoverDistance_px = 8.0f;     // the tooltip names objects within this of the mouse
constexpr std::size_t kMaxMarkerLabels = 16;  // ships or stations are labelled only when fewer
constexpr double kWheelZoomStep = 1.25;       // scale factor per wheel notch

const ImU32 kBackground = IM_COL32(8, 10, 18, 255);
const ImU32 kSunColour = IM_COL32(255, 210, 90, 255);
const ImU32 kBodyColour = IM_COL32(120, 160, 220, 255);
const ImU32 kStationColour = IM_COL32(255, 190, 60, 255);
const ImU32 kShipColour = IM_COL32(110, 230, 130, 255);
const ImU32 kLabelColour = IM_COL32(210, 215, 225, 255);

std::vector<MapMarker> parse_markers(const nlohmann::json& list) {
    std::vector<MapMarker> out;
    for (const nlohmann::json& item : list) {
        out.push_back({id_field(item, "id"), string_field(item, "name"), number_field(item, "x"),
                       number_field(item, "y")});
    }
    return out;
}

const MapBody* find_body(const MapData& map, const std::string& name) {
    for (const MapBody& body : map.bodies) {
        if (body.name == name) return &body;
    }
    return nullptr;
}

// "1000 km", "2 AU": a round length for the scale bar.
std::string length_text(double metres) {
    char text[32];
    constexpr double kAu_m = 1.495978707e11;
    if (metres >= 0.1 * kAu_m) {
        std::snprintf(text, sizeof text, "%g AU", metres / kAu_m);
    } else if (metres >= 1000.0) {
        std::snprintf(text, sizeof text, "%g km", metres / 1000.0);
    } else {
        std::snprintf(text, sizeof text, "%g m", metres);
    }
    return text;
}

// The longest 1, 2 or 5 times a power of ten that fits in max_px at the view's scale (m).
double scale_bar_length(double metres_per_px, float max_px) {
    const double limit = metres_per_px * static_cast<double>(max_px);
    const double decade = std::pow(10.0, std::floor(std::log10(limit)));
    for (const double step : {5.0, 2.0, 1.0}) {
        if (decade * step <= limit) return decade * step;
    }
    return decade;
}

void draw_toolbar(DashboardContext& ctx) {
    DashboardModel& model = ctx.model;
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 9.0f);
    const char* preview = model.map_follow.empty() ? "(free)" : model.map_follow.c_str();
    if (ImGui::BeginCombo("Centre on", preview)) {
        if (ImGui::Selectable("(free)", model.map_follow.empty())) model.map_follow.clear();
        for (const MapBody& body : model.map.bodies) {
            if (ImGui::Selectable(body.name.c_str(), body.name == model.map_follow)) {
                model.map_follow = body.name;
            }
            record(ctx, "map.follow." + body.name);
        }
        ImGui::EndCombo();
    }
    record(ctx, "map.follow");
    ImGui::SameLine();
    if (button(ctx, "+", "map.zoom_in")) zoom_map(&model.map_view, 1.0 / 2.0, 0.0f, 0.0f);
    ImGui::SameLine();
    if (button(ctx, "-", "map.zoom_out")) zoom_map(&model.map_view, 2.0, 0.0f, 0.0f);
    ImGui::SameLine();
    ImGui::TextColored(colour_dim(), "%zu bodies, %zu ships, %zu stations, tick %llu",
                       model.map.bodies.size(), model.map.ships.size(), model.map.stations.size(),
                       static_cast<unsigned long long>(model.map.tick));
}

void handle_mouse(DashboardContext& ctx, ScreenPoint middle) {
    DashboardModel& model = ctx.model;
    const ImGuiIO& io = ImGui::GetIO();
    if (ImGui::IsItemActive() && ImGui::IsMouseDragging(ImGuiMouseButton_Left, 0.0f)) {
        pan_map(&model.map_view, io.MouseDelta.x, io.MouseDelta.y);
        model.map_follow.clear();
    }
    if (ImGui::IsItemHovered() && io.MouseWheel != 0.0f) {
        const double factor = std::pow(kWheelZoomStep, -static_cast<double>(io.MouseWheel));
        // Following a body, the zoom keeps it in the middle; otherwise the point under the mouse
        // stays under it.
        const bool follow = !model.map_follow.empty();
        zoom_map(&model.map_view, factor, follow ? 0.0f : io.MousePos.x - middle.x,
                 follow ? 0.0f : io.MousePos.y - middle.y);
    }
}

void draw_label(ImDrawList* draw, ScreenPoint at, float offset_px, const std::string& text) {
    draw->AddText(ImVec2(at.x + offset_px + 2.0f, at.y - ImGui::GetFontSize() * 0.5f), kLabelColour,
                  text.c_str());
}

// The name of what is under the mouse (within kHoverDistance_px), or "".
std::string hovered_name(const MapData& map, const MapView& view, ScreenPoint middle,
                         ImVec2 mouse) {
    std::string best;
    float best_distance = kHoverDistance_px;
    const auto consider = [&](double x_m, double y_m, const std::string& name, float radius_px) {
        const ScreenPoint p = map_to_screen(view, middle, x_m, y_m);
        const float distance = std::hypot(p.x - mouse.x, p.y - mouse.y) - radius_px;
        if (distance < best_distance) {
            best_distance = distance;
            best = name;
        }
    };
    for (const MapBody& body : map.bodies) {
        consider(
            body.x_m, body.y_m, body.name,
            std::max(kMinBodyRadius_px, static_cast<float>(body.radius_m / view.metres_per_px)));
    }
    for (const MapMarker& station : map.stations)
        consider(station.x_m, station.y_m, "station " + station.name, 0.0f);
    for (const MapMarker& ship : map.ships) consider(ship.x_m, ship.y_m, "ship " + ship.name, 0.0f);
    return best;
}

}  // namespace

void refresh_map(DashboardContext& ctx) {
    DashboardModel* model = &ctx.model;
    ctx.api.send(
        "GET", "/api/admin/map", nullptr,
        [model](const ApiResponse& response) {
            if (!response.ok() || !response.json.is_object()) return;
            MapData map;
            map.valid = true;
            map.tick = id_field(response.json, "tick");
            map.game_time_s = number_field(response.json, "game_time_s");
            for (const nlohmann::json& body : array_field(response.json, "bodies")) {
                map.bodies.push_back({string_field(body, "name"), string_field(body, "parent"),
                                      number_field(body, "x"), number_field(body, "y"),
                                      number_field(body, "radius_m")});
            }
            map.ships = parse_markers(array_field(response.json, "ships"));
            map.stations = parse_markers(array_field(response.json, "stations"));
            model->map = std::move(map);
        },
        "map");
}

void draw_map_window(DashboardContext& ctx) {
    DashboardModel& model = ctx.model;
    place_window(ctx.layout, ctx.layout.map);
    ImGui::Begin("Map###map");
    draw_toolbar(ctx);

    const ImVec2 origin = ImGui::GetCursorScreenPos();
    ImVec2 size = ImGui::GetContentRegionAvail();
    size.x = std::max(size.x, 50.0f);
    size.y = std::max(size.y, 50.0f);
    ImGui::InvisibleButton("map_canvas", size);
    record(ctx, "map.canvas");
    const ScreenPoint middle{origin.x + size.x * 0.5f, origin.y + size.y * 0.5f};
    handle_mouse(ctx, middle);
    if (const MapBody* followed = find_body(model.map, model.map_follow)) {
        model.map_view.centre_x_m = followed->x_m;
        model.map_view.centre_y_m = followed->y_m;
    }
    const MapView& view = model.map_view;

    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 end(origin.x + size.x, origin.y + size.y);
    draw->PushClipRect(origin, end, true);
    draw->AddRectFilled(origin, end, kBackground);

    // Labels are drawn in order (bodies first) and skipped where one is already drawn.
    std::vector<ScreenPoint> labelled;
    const auto label = [&](ScreenPoint p, float offset_px, const std::string& text) {
        for (const ScreenPoint& other : labelled) {
            if (std::hypot(other.x - p.x, other.y - p.y) < kLabelSpacing_px) return;
        }
        draw_label(draw, p, offset_px, text);
        labelled.push_back(p);
    };
    for (const MapBody& body : model.map.bodies) {
        const ScreenPoint p = map_to_screen(view, middle, body.x_m, body.y_m);
        const float radius =
            std::max(kMinBodyRadius_px, static_cast<float>(body.radius_m / view.metres_per_px));
        // Far off-screen circles are skipped: float coordinates that large lose their meaning.
        if (p.x + radius < origin.x || p.x - radius > end.x || p.y + radius < origin.y ||
            p.y - radius > end.y) {
            continue;
        }
        draw->AddCircleFilled(ImVec2(p.x, p.y), radius,
                              body.parent.empty() ? kSunColour : kBodyColour,
                              std::clamp(static_cast<int>(radius), 12, 64));
        label(p, radius, body.name);
    }
    const bool label_stations = model.map.stations.size() <= kMaxMarkerLabels;
    for (const MapMarker& station : model.map.stations) {
        const ScreenPoint p = map_to_screen(view, middle, station.x_m, station.y_m);
        draw->AddRectFilled(ImVec2(p.x - kMarker_px, p.y - kMarker_px),
                            ImVec2(p.x + kMarker_px, p.y + kMarker_px), kStationColour);
        if (label_stations) label(p, kMarker_px, station.name);
    }
    const bool label_ships = model.map.ships.size() <= kMaxMarkerLabels;
    for (const MapMarker& ship : model.map.ships) {
        const ScreenPoint p = map_to_screen(view, middle, ship.x_m, ship.y_m);
        draw->AddTriangleFilled(ImVec2(p.x, p.y - kMarker_px * 1.3f),
                                ImVec2(p.x - kMarker_px, p.y + kMarker_px),
                                ImVec2(p.x + kMarker_px, p.y + kMarker_px), kShipColour);
        if (label_ships) label(p, kMarker_px, ship.name);
    }

    // Scale bar, bottom left.
    const float bar_max_px = std::min(size.x * 0.3f, 160.0f);
    const double bar_m = scale_bar_length(view.metres_per_px, bar_max_px);
    const float bar_px = static_cast<float>(bar_m / view.metres_per_px);
    const ImVec2 bar_start(origin.x + 10.0f, end.y - 12.0f);
    draw->AddLine(bar_start, ImVec2(bar_start.x + bar_px, bar_start.y), kLabelColour, 2.0f);
    draw->AddText(ImVec2(bar_start.x, bar_start.y - ImGui::GetFontSize() - 2.0f), kLabelColour,
                  length_text(bar_m).c_str());
    if (!model.map.valid) {
        draw->AddText(ImVec2(origin.x + 10.0f, origin.y + 10.0f), kLabelColour,
                      "Waiting for the map...");
    }
    draw->PopClipRect();

    if (ImGui::IsItemHovered()) {
        const std::string name = hovered_name(model.map, view, middle, ImGui::GetIO().MousePos);
        if (!name.empty()) ImGui::SetTooltip("%s", name.c_str());
    }
    ImGui::End();
}

}  // namespace galaxy::admin
