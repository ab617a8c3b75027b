#include "hud/navball_widget.hpp"

#include <algorithm>
#include <array>
#include <cmath>

#include "galaxy/client/navball.hpp"
#include "imgui.h"

namespace galaxy::app::hud {

namespace {

constexpr int kRings = 16;  // mesh resolution of the sky / ground shading
constexpr int kSegments = 48;
constexpr int kCircleSamples = 96;
constexpr double kPi = 3.14159265358979323846;

struct Ball {
    ImDrawList* draw = nullptr;
    ImVec2 centre;
    float radius = 0.0f;
    ImVec2 at(client::NavballPoint p) const {
        return {centre.x + static_cast<float>(p.x) * radius,
                centre.y + static_cast<float>(p.y) * radius};
    }
};

ImU32 mix(ImVec4 a, ImVec4 b, float t, float shade) {
    return ImGui::GetColorU32(ImVec4((a.x + (b.x - a.x) * t) * shade,
                                     (a.y + (b.y - a.y) * t) * shade,
                                     (a.z + (b.z - a.z) * t) * shade, 1.0f));
}

// Sky above the horizon, ground below, darker towards the rim so it reads as a ball. One vertex
// colour per mesh point; the GPU blends across the horizon.
void draw_shading(const Ball& ball, sim::Vec3 up) {
    const ImVec4 sky(0.22f, 0.45f, 0.74f, 1.0f);
    const ImVec4 ground(0.55f, 0.36f, 0.2f, 1.0f);
    const ImVec2 uv = ImGui::GetFontTexUvWhitePixel();
    const int vertices = 1 + kRings * kSegments;
    const int indices = 3 * kSegments + 6 * kSegments * (kRings - 1);
    ImDrawList* draw = ball.draw;
    draw->PrimReserve(indices, vertices);
    const auto base = static_cast<ImDrawIdx>(draw->_VtxCurrentIdx);
    const auto vertex = [&](double x, double y) {
        const sim::Vec3 d = client::navball_unproject(x, y);
        // A narrow blend band keeps the horizon crisp at this mesh resolution.
        const double s = std::clamp(0.5 - dot(d, up) * 12.0, 0.0, 1.0);
        const float shade = 0.55f + 0.45f * static_cast<float>(d.z);
        draw->PrimWriteVtx(ball.at({x, y, true}), uv,
                           mix(sky, ground, static_cast<float>(s), shade));
    };
    vertex(0.0, 0.0);
    for (int ring = 1; ring <= kRings; ++ring) {
        // Rings a little inside the rim so the ball's outline covers the mesh's edge.
        const double rho = 0.999 * ring / kRings;
        for (int k = 0; k < kSegments; ++k) {
            const double phi = 2.0 * kPi * k / kSegments;
            vertex(rho * std::cos(phi), rho * std::sin(phi));
        }
    }
    const auto index = [&](int ring, int k) {
        return static_cast<ImDrawIdx>(base + 1 + (ring - 1) * kSegments + (k % kSegments));
    };
    for (int k = 0; k < kSegments; ++k) {
        draw->PrimWriteIdx(base);
        draw->PrimWriteIdx(index(1, k));
        draw->PrimWriteIdx(index(1, k + 1));
    }
    for (int ring = 2; ring <= kRings; ++ring) {
        for (int k = 0; k < kSegments; ++k) {
            draw->PrimWriteIdx(index(ring - 1, k));
            draw->PrimWriteIdx(index(ring, k));
            draw->PrimWriteIdx(index(ring, k + 1));
            draw->PrimWriteIdx(index(ring - 1, k));
            draw->PrimWriteIdx(index(ring, k + 1));
            draw->PrimWriteIdx(index(ring - 1, k + 1));
        }
    }
}

// The circle of directions at elevation `elevation_rad` above the horizon, front half only.
void draw_elevation_circle(const Ball& ball, sim::Vec3 up, double elevation_rad, ImU32 colour,
                           float thickness) {
    const sim::Vec3 helper =
        std::fabs(up.x) < 0.9 ? sim::Vec3{1.0, 0.0, 0.0} : sim::Vec3{0.0, 1.0, 0.0};
    const sim::Vec3 a = normalized(cross(up, helper));
    const sim::Vec3 b = cross(up, a);
    const double c = std::cos(elevation_rad);
    const double s = std::sin(elevation_rad);
    bool previous_front = false;
    ImVec2 previous;
    for (int k = 0; k <= kCircleSamples; ++k) {
        const double t = 2.0 * kPi * k / kCircleSamples;
        const sim::Vec3 d = up * s + (a * std::cos(t) + b * std::sin(t)) * c;
        const client::NavballPoint p = client::navball_project(d);
        const ImVec2 here = ball.at(p);
        if (p.front && previous_front) ball.draw->AddLine(previous, here, colour, thickness);
        previous = here;
        previous_front = p.front;
    }
}

enum class Glyph {
    Prograde,
    Retrograde,
    Normal,
    AntiNormal,
    RadialOut,
    RadialIn,
    Target,
    AntiTarget
};

// One marker: a KSP-like symbol and a short label, only on the forward hemisphere.
void draw_marker(const Ball& ball, sim::Vec3 direction, Glyph glyph) {
    if (norm_squared(direction) == 0.0) return;
    const client::NavballPoint p = client::navball_project(direction);
    if (!p.front) return;
    const ImVec2 c = ball.at(p);
    const float r = std::max(4.0f, ball.radius * 0.07f);
    ImDrawList* draw = ball.draw;
    const ImU32 yellow = IM_COL32(230, 230, 60, 255);
    const ImU32 magenta = IM_COL32(230, 90, 230, 255);
    const ImU32 cyan = IM_COL32(80, 230, 240, 255);
    const ImU32 violet = IM_COL32(200, 130, 255, 255);
    const char* label = "";
    ImU32 colour = yellow;
    switch (glyph) {
        case Glyph::Prograde:
            draw->AddCircle(c, r, colour, 16, 2.0f);
            draw->AddLine({c.x, c.y - r}, {c.x, c.y - 2.0f * r}, colour, 2.0f);
            draw->AddLine({c.x - r, c.y}, {c.x - 2.0f * r, c.y}, colour, 2.0f);
            draw->AddLine({c.x + r, c.y}, {c.x + 2.0f * r, c.y}, colour, 2.0f);
            label = "PRO";
            break;
        case Glyph::Retrograde:
            draw->AddCircle(c, r, colour, 16, 2.0f);
            draw->AddLine({c.x - 0.7f * r, c.y - 0.7f * r}, {c.x + 0.7f * r, c.y + 0.7f * r},
                          colour, 2.0f);
            draw->AddLine({c.x - 0.7f * r, c.y + 0.7f * r}, {c.x + 0.7f * r, c.y - 0.7f * r},
                          colour, 2.0f);
            label = "RETRO";
            break;
        case Glyph::Normal:
        case Glyph::AntiNormal: {
            colour = magenta;
            const float s = glyph == Glyph::Normal ? -1.0f : 1.0f;  // apex up for normal
            draw->AddTriangle({c.x, c.y + s * r}, {c.x - r, c.y - s * 0.8f * r},
                              {c.x + r, c.y - s * 0.8f * r}, colour, 2.0f);
            label = glyph == Glyph::Normal ? "NML" : "ANML";
            break;
        }
        case Glyph::RadialOut:
        case Glyph::RadialIn:
            colour = cyan;
            draw->AddCircle(c, r, colour, 16, 2.0f);
            if (glyph == Glyph::RadialOut) {
                draw->AddCircleFilled(c, 0.3f * r, colour);
            } else {
                draw->AddLine({c.x - r, c.y}, {c.x + r, c.y}, colour, 2.0f);
                draw->AddLine({c.x, c.y - r}, {c.x, c.y + r}, colour, 2.0f);
            }
            label = glyph == Glyph::RadialOut ? "RAD+" : "RAD-";
            break;
        case Glyph::Target:
        case Glyph::AntiTarget:
            colour = violet;
            draw->AddQuad({c.x, c.y - r}, {c.x + r, c.y}, {c.x, c.y + r}, {c.x - r, c.y}, colour,
                          2.0f);
            if (glyph == Glyph::AntiTarget) {
                draw->AddLine({c.x - 0.5f * r, c.y - 0.5f * r}, {c.x + 0.5f * r, c.y + 0.5f * r},
                              colour, 2.0f);
            } else {
                draw->AddCircleFilled(c, 0.3f * r, colour);
            }
            label = glyph == Glyph::Target ? "TGT" : "-TGT";
            break;
    }
    draw->AddText({c.x + 1.3f * r, c.y + 0.6f * r}, (colour & 0x00ffffffu) | 0xd0000000u, label);
}

// The ship's nose, fixed at the centre.
void draw_nose(const Ball& ball) {
    const ImVec2 c = ball.centre;
    const float s = std::max(6.0f, ball.radius * 0.14f);
    const ImU32 orange = IM_COL32(255, 160, 40, 255);
    const std::array<ImVec2, 5> w{{{c.x - 1.8f * s, c.y},
                                   {c.x - 0.8f * s, c.y},
                                   {c.x, c.y + 0.6f * s},
                                   {c.x + 0.8f * s, c.y},
                                   {c.x + 1.8f * s, c.y}}};
    ball.draw->AddPolyline(w.data(), static_cast<int>(w.size()), orange, ImDrawFlags_None, 2.5f);
    ball.draw->AddCircleFilled(c, 2.0f, orange);
}

}  // namespace

void draw_navball(const sim::World* world, const sim::Ship* ship, float diameter_px) {
    Ball ball;
    ball.draw = ImGui::GetWindowDrawList();
    const ImVec2 corner = ImGui::GetCursorScreenPos();
    ball.radius = diameter_px * 0.5f;
    ball.centre = ImVec2(corner.x + ball.radius, corner.y + ball.radius);
    ImGui::Dummy(ImVec2(diameter_px, diameter_px));

    const ImU32 rim = IM_COL32(20, 22, 28, 255);
    const client::NavballFrame frame = world != nullptr && ship != nullptr
                                           ? client::navball_frame(*world, *ship)
                                           : client::NavballFrame{};
    if (!frame.valid) {
        ball.draw->AddCircleFilled(ball.centre, ball.radius, IM_COL32(45, 48, 56, 255), 48);
        ball.draw->AddCircle(ball.centre, ball.radius, rim, 48, 3.0f);
        const char* text = "no ship";
        const ImVec2 size = ImGui::CalcTextSize(text);
        ball.draw->AddText({ball.centre.x - size.x * 0.5f, ball.centre.y - size.y * 0.5f},
                           IM_COL32(160, 165, 175, 255), text);
        return;
    }
    draw_shading(ball, frame.up);
    for (const double deg : {-60.0, -30.0, 30.0, 60.0}) {
        draw_elevation_circle(ball, frame.up, deg * kPi / 180.0, IM_COL32(255, 255, 255, 70), 1.0f);
    }
    draw_elevation_circle(ball, frame.up, 0.0, IM_COL32(255, 255, 255, 230), 2.0f);
    ball.draw->AddCircle(ball.centre, ball.radius, rim, 64, 3.0f);

    draw_marker(ball, frame.prograde, Glyph::Prograde);
    draw_marker(ball, -frame.prograde, Glyph::Retrograde);
    draw_marker(ball, frame.normal, Glyph::Normal);
    draw_marker(ball, -frame.normal, Glyph::AntiNormal);
    draw_marker(ball, frame.radial_out, Glyph::RadialOut);
    draw_marker(ball, -frame.radial_out, Glyph::RadialIn);
    if (frame.has_target) {
        draw_marker(ball, frame.target, Glyph::Target);
        draw_marker(ball, -frame.target, Glyph::AntiTarget);
    }
    draw_nose(ball);
}

}  // namespace galaxy::app::hud
