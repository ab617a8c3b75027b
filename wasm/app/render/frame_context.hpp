// What every pass of one scene frame shares: the camera and the quantities derived from it.
#pragma once

#include <array>
#include <cstdint>

#include "galaxy/client/camera.hpp"
#include "galaxy/sim/vec3.hpp"

namespace galaxy::app::render {

struct FrameContext {
    const client::CameraFrame* camera = nullptr;
    std::array<float, 16> view_proj{};   // projection x view (rotation only), column-major
    float log_depth = 0.0f;              // 1 / log2(far + 1), for the shaders' depth
    double focal_px = 1.0;               // framebuffer pixels per unit of tan(angle off-axis)
    sim::Vec3 forward;                   // unit view direction, ICRF
    double ui_per_px = 1.0;              // ImGui display units per framebuffer pixel
};

// Builds the context for a camera frame; ui_per_px from ImGui's display size.
FrameContext make_frame_context(const client::CameraFrame& camera, double ui_per_px);

// An ICRF offset from the eye (double) in view space (float), for uniforms.
std::array<float, 3> to_view(const FrameContext& context, sim::Vec3 offset_m);

// A catalog colour 0xRRGGBB as 0..1 floats.
std::array<float, 3> rgb_from_hex(std::uint32_t color_rgb);

// Radius on screen, framebuffer px, of a sphere of radius_m at distance_m from the eye.
double screen_radius_px(const FrameContext& context, double radius_m, double distance_m);

}  // namespace galaxy::app::render
