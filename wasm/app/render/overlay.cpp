#include "render/overlay.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "galaxy/client/orbit_path.hpp"
#include "galaxy/sim/orbit.hpp"
#include "imgui.h"

namespace galaxy::app::render {
namespace {

constexpr double kPickRadius = 12.0;        // display units around a marker or label
constexpr double kGlyphBelow = 8.0;         // an object smaller than this gets a drawn glyph
constexpr double kMarkerRadius = 4.0;       // ships, stations, orbit markers
constexpr double kOwnMarkerRadius = 8.0;
constexpr double kMaxBodyMarker = 10.0;     // a big disc still only reserves this much
constexpr double kMaxHullMarker = 30.0;     // a near hull pushes its label beside it, up to this
constexpr double kVelocityLength_px = 70.0;

const ImU32 kOwnColor = IM_COL32(90, 255, 140, 255);
const ImU32 kSelectedColor = IM_COL32(255, 215, 70, 255);
const ImU32 kStationColor = IM_COL32(205, 170, 255, 255);
const ImU32 kShipColor = IM_COL32(160, 185, 220, 230);
const ImU32 kOrbitMarkerColor = IM_COL32(90, 230, 255, 255);
const ImU32 kVelocityColor = IM_COL32(215, 255, 90, 255);

bool same(sim::TargetRef a, sim::TargetRef b) { return a.kind == b.kind && a.id == b.id; }

ImU32 body_marker_color(const sim::Body& body) {
    const std::array<float, 3> rgb = rgb_from_hex(body.def.color_rgb);
    // Lifted toward white so that dark catalog colours still read on black.
    return IM_COL32(static_cast<int>(100.0f + 155.0f * rgb[0]),
                    static_cast<int>(100.0f + 155.0f * rgb[1]),
                    static_cast<int>(100.0f + 155.0f * rgb[2]), 255);
}

// "412 km", "35,786 km"-like short altitudes for the orbit markers.
void format_altitude(char* out, std::size_t size, const char* name, double altitude_m) {
    const double km = altitude_m / 1000.0;
    if (std::fabs(km) < 100.0) {
        std::snprintf(out, size, "%s %.1f km", name, km);
    } else if (std::fabs(km) < 1.0e7) {
        std::snprintf(out, size, "%s %.0f km", name, km);
    } else {
        std::snprintf(out, size, "%s %.2f AU", name, altitude_m / 1.495978707e11);
    }
}

}  // namespace

bool Overlay::occluded(const ScreenObject& object) const {
    for (const Disc& d : discs_) {
        if (object.target.kind == sim::TargetKind::Body && object.target.id == d.body) continue;
        const double dx = object.x_px - d.x;
        const double dy = object.y_px - d.y;
        // Inside the disc and beyond the body's centre plane: behind the body.
        if (dx * dx + dy * dy < d.radius * d.radius && object.depth_m > d.depth_m) {
            return true;
        }
    }
    return false;
}

void Overlay::draw(const FrameContext& context, const sim::World& world, std::uint32_t own_ship,
                   sim::TargetRef selected, const client::Settings& settings,
                   const std::vector<ScreenObject>& objects) {
    items_.clear();
    styles_.clear();
    discs_.clear();
    const double k = context.ui_per_px;
    for (const ScreenObject& o : objects) {
        if (o.target.kind == sim::TargetKind::Body && o.radius_px * k > 2.0) {
            discs_.push_back({o.target.id, o.x_px * k, o.y_px * k, o.radius_px * k, o.depth_m});
        }
    }

    const float line_height = ImGui::GetTextLineHeight();
    for (const ScreenObject& o : objects) {
        ScreenObject ui = o;
        ui.x_px *= k;
        ui.y_px *= k;
        const bool own = o.target.kind == sim::TargetKind::Ship && o.target.id == own_ship;
        const bool is_selected = same(o.target, selected);
        if (!own && !is_selected && occluded(ui)) continue;

        client::LabelItem item;
        item.target = o.target;
        item.x_px = ui.x_px;
        item.y_px = ui.y_px;
        Style style;
        style.radius = o.radius_px * k;
        style.own = own;
        style.selected = is_selected;
        switch (o.target.kind) {
            case sim::TargetKind::Body: {
                const sim::Body& body = world.bodies[o.target.id];
                style.text = body.def.name.c_str();
                style.color = body_marker_color(body);
                item.tier = client::LabelTier::Body;
                item.weight = body.def.mean_radius_m;
                item.marker_radius_px = std::clamp(style.radius, kMarkerRadius, kMaxBodyMarker);
                break;
            }
            case sim::TargetKind::Station: {
                const sim::Station* station = sim::find_station(world, o.target.id);
                style.text = station != nullptr ? station->name.c_str() : "";
                style.color = kStationColor;
                item.tier = client::LabelTier::Station;
                item.weight = -o.distance_m;   // nearer first
                item.marker_radius_px = std::clamp(style.radius, kMarkerRadius, kMaxHullMarker);
                break;
            }
            case sim::TargetKind::Ship: {
                const sim::Ship* ship = sim::find_ship(world, o.target.id);
                style.text = ship != nullptr ? ship->name.c_str() : "";
                style.color = kShipColor;
                item.tier = client::LabelTier::Ship;
                item.weight = -o.distance_m;
                item.marker_radius_px = std::clamp(style.radius, kMarkerRadius, kMaxHullMarker);
                break;
            }
            case sim::TargetKind::None:
                continue;
        }
        if (is_selected) {
            item.tier = client::LabelTier::Selected;
            style.color = kSelectedColor;
        }
        if (own) {
            item.tier = client::LabelTier::OwnShip;
            style.color = kOwnColor;
            item.marker_radius_px = std::clamp(style.radius, kOwnMarkerRadius, kMaxHullMarker);
        }
        if (settings.show_labels && style.text != nullptr && style.text[0] != '\0') {
            item.label_width_px = static_cast<double>(ImGui::CalcTextSize(style.text).x);
            item.label_height_px = static_cast<double>(line_height);
        }
        items_.push_back(item);
        styles_.push_back(style);
    }

    const sim::Ship* ship = own_ship != 0 ? sim::find_ship(world, own_ship) : nullptr;
    if (ship != nullptr && settings.show_trajectory) add_orbit_markers(context, world, *ship);

    const ImVec2 display = ImGui::GetIO().DisplaySize;
    layout_.place(items_, static_cast<double>(display.x), static_cast<double>(display.y));
    if (ship != nullptr && settings.show_trajectory) draw_velocity(context, world, *ship);
    draw_items();
}

void Overlay::add_orbit_markers(const FrameContext& context, const sim::World& world,
                                const sim::Ship& ship) {
    const sim::OrbitalElements el = sim::ship_orbit(world, ship);
    if (el.reference_body < 0) return;
    const sim::Body& ref = world.bodies[static_cast<std::size_t>(el.reference_body)];
    const client::Conic conic = client::conic_from_state(
        ship.position_m - ref.position_m, ship.velocity_m_s - ref.velocity_m_s, el.gm_m3_s2);
    if (!conic.valid) return;
    // Apsides are meaningless on a circle; nodes on an equatorial orbit.
    const bool apsides = el.shape != sim::OrbitShape::Circular;
    const bool bound = el.shape == sim::OrbitShape::Elliptic;
    const bool nodes = std::sin(el.inclination_rad) > 1e-6;
    struct Marker {
        const char* name;
        double angle;
        bool shown;
        bool altitude;
    };
    const Marker markers[4] = {{"Ap", el.angle_to_apoapsis_rad, apsides && bound, true},
                               {"Pe", el.angle_to_periapsis_rad, apsides, true},
                               {"AN", el.angle_to_ascending_node_rad, nodes, false},
                               {"DN", el.angle_to_descending_node_rad, nodes, false}};
    const double k = context.ui_per_px;
    for (std::size_t i = 0; i < 4; ++i) {
        const Marker& m = markers[i];
        sim::Vec3 point;
        if (!m.shown || !client::conic_point_ahead(conic, m.angle, &point)) continue;
        double x = 0.0;
        double y = 0.0;
        double depth = 0.0;
        if (!client::project_to_screen(*context.camera, ref.position_m + point, &x, &y, &depth)) {
            continue;
        }
        if (m.altitude) {
            format_altitude(orbit_text_[i], sizeof orbit_text_[i], m.name,
                            sim::norm(point) - ref.def.mean_radius_m);
        } else {
            std::snprintf(orbit_text_[i], sizeof orbit_text_[i], "%s", m.name);
        }
        client::LabelItem item;
        item.x_px = x * k;
        item.y_px = y * k;
        item.marker_radius_px = kMarkerRadius;
        item.tier = client::LabelTier::OrbitMarker;
        item.label_width_px = static_cast<double>(ImGui::CalcTextSize(orbit_text_[i]).x);
        item.label_height_px = static_cast<double>(ImGui::GetTextLineHeight());
        Style style;
        style.text = orbit_text_[i];
        style.color = kOrbitMarkerColor;
        items_.push_back(item);
        styles_.push_back(style);
    }
}

void Overlay::draw_velocity(const FrameContext& context, const sim::World& world,
                            const sim::Ship& ship) const {
    const int ref = sim::reference_body_index(world, ship.position_m);
    if (ref < 0) return;
    const sim::Vec3 v = ship.velocity_m_s - world.bodies[static_cast<std::size_t>(ref)].velocity_m_s;
    if (!(sim::norm(v) > 0.0)) return;
    const client::CameraFrame& camera = *context.camera;
    double x0 = 0.0;
    double y0 = 0.0;
    double depth = 0.0;
    if (!client::project_to_screen(camera, ship.position_m, &x0, &y0, &depth)) return;
    // A fixed length on screen: the arrow shows the direction, the HUD the speed.
    const double length_m = depth * kVelocityLength_px / context.focal_px;
    double x1 = 0.0;
    double y1 = 0.0;
    if (!client::project_to_screen(camera, ship.position_m + sim::normalized(v) * length_m, &x1,
                                   &y1, nullptr)) {
        return;
    }
    const double k = context.ui_per_px;
    const ImVec2 a(static_cast<float>(x0 * k), static_cast<float>(y0 * k));
    const ImVec2 b(static_cast<float>(x1 * k), static_cast<float>(y1 * k));
    const float dx = b.x - a.x;
    const float dy = b.y - a.y;
    const float len = std::sqrt(dx * dx + dy * dy);
    if (len < 4.0f) return;   // pointing at or away from the eye: the head would be a smudge
    ImDrawList* draw = ImGui::GetBackgroundDrawList();
    draw->AddLine(a, b, kVelocityColor, 2.0f);
    const float ux = dx / len;
    const float uy = dy / len;
    draw->AddTriangleFilled(b, ImVec2(b.x - 9.0f * ux - 5.0f * uy, b.y - 9.0f * uy + 5.0f * ux),
                            ImVec2(b.x - 9.0f * ux + 5.0f * uy, b.y - 9.0f * uy - 5.0f * ux),
                            kVelocityColor);
}

void Overlay::draw_items() const {
    ImDrawList* draw = ImGui::GetBackgroundDrawList();
    for (const client::LabelPlacement& p : layout_.placements()) {
        const client::LabelItem& item = items_[p.item];
        const Style& style = styles_[p.item];
        const ImVec2 c(static_cast<float>(p.x_px), static_cast<float>(p.y_px));
        const auto r = static_cast<float>(std::max(style.radius, 1.0));
        const bool small = style.radius < kGlyphBelow;
        switch (item.target.kind) {
            case sim::TargetKind::Body:
                if (small) draw->AddCircle(c, 5.0f, style.color, 16, 1.5f);
                break;
            case sim::TargetKind::Station:
                if (small) {
                    draw->AddQuad(ImVec2(c.x, c.y - 5.0f), ImVec2(c.x + 5.0f, c.y),
                                  ImVec2(c.x, c.y + 5.0f), ImVec2(c.x - 5.0f, c.y), style.color,
                                  1.5f);
                }
                break;
            case sim::TargetKind::Ship:
                if (small) {
                    draw->AddTriangleFilled(ImVec2(c.x, c.y - 4.0f), ImVec2(c.x + 3.5f, c.y + 3.0f),
                                            ImVec2(c.x - 3.5f, c.y + 3.0f), style.color);
                }
                break;
            case sim::TargetKind::None:   // an orbit marker
                draw->AddCircleFilled(c, 3.5f, style.color, 12);
                break;
        }
        if (style.own) draw->AddCircle(c, std::max(9.0f, r + 3.0f), kOwnColor, 24, 1.5f);
        if (style.selected) {
            // Corner brackets around the selection.
            const float e = std::max(10.0f, r + 4.0f);
            const float l = e * 0.45f;
            for (const float sx : {-1.0f, 1.0f}) {
                for (const float sy : {-1.0f, 1.0f}) {
                    const ImVec2 corner(c.x + sx * e, c.y + sy * e);
                    draw->AddLine(corner, ImVec2(corner.x - sx * l, corner.y), kSelectedColor,
                                  1.5f);
                    draw->AddLine(corner, ImVec2(corner.x, corner.y - sy * l), kSelectedColor,
                                  1.5f);
                }
            }
        }
        if (p.label_shown) {
            const ImVec2 at(static_cast<float>(p.label_x_px), static_cast<float>(p.label_y_px));
            draw->AddText(ImVec2(at.x + 1.0f, at.y + 1.0f), IM_COL32(0, 0, 0, 200), style.text);
            draw->AddText(at, style.color, style.text);
        }
    }
}

sim::TargetRef Overlay::pick(double x, double y) const {
    const sim::TargetRef hit = layout_.pick(x, y, kPickRadius);
    if (hit.kind != sim::TargetKind::None) return hit;
    // Then the discs of bodies, the nearest to the eye first.
    const Disc* best = nullptr;
    for (const Disc& d : discs_) {
        const double dx = x - d.x;
        const double dy = y - d.y;
        if (dx * dx + dy * dy <= d.radius * d.radius && (best == nullptr || d.depth_m < best->depth_m)) {
            best = &d;
        }
    }
    if (best == nullptr) return {};
    return {sim::TargetKind::Body, best->body};
}

}  // namespace galaxy::app::render
