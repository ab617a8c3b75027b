#include "render/frame_context.hpp"

#include <cmath>

namespace galaxy::app::render {

FrameContext make_frame_context(const client::CameraFrame& camera, double ui_per_px) {
    FrameContext c;
    c.camera = &camera;
    const client::Mat4& p = camera.projection;
    const client::Mat4& v = camera.view;
    for (int col = 0; col < 4; ++col) {
        for (int row = 0; row < 4; ++row) {
            double sum = 0.0;
            for (int k = 0; k < 4; ++k) {
                sum += static_cast<double>(p[static_cast<std::size_t>(k * 4 + row)]) *
                       static_cast<double>(v[static_cast<std::size_t>(col * 4 + k)]);
            }
            c.view_proj[static_cast<std::size_t>(col * 4 + row)] = static_cast<float>(sum);
        }
    }
    c.log_depth = static_cast<float>(1.0 / std::log2(camera.far_m + 1.0));
    c.focal_px = static_cast<double>(p[5]) * camera.height_px / 2.0;
    // The view's third row is the backward axis.
    c.forward = -sim::Vec3{static_cast<double>(v[2]), static_cast<double>(v[6]),
                           static_cast<double>(v[10])};
    c.ui_per_px = ui_per_px;
    return c;
}

std::array<float, 3> to_view(const FrameContext& context, sim::Vec3 o) {
    const client::Mat4& v = context.camera->view;
    const auto m = [&v](std::size_t i) { return static_cast<double>(v[i]); };
    return {static_cast<float>(m(0) * o.x + m(4) * o.y + m(8) * o.z),
            static_cast<float>(m(1) * o.x + m(5) * o.y + m(9) * o.z),
            static_cast<float>(m(2) * o.x + m(6) * o.y + m(10) * o.z)};
}

std::array<float, 3> rgb_from_hex(std::uint32_t color_rgb) {
    return {static_cast<float>((color_rgb >> 16) & 0xffu) / 255.0f,
            static_cast<float>((color_rgb >> 8) & 0xffu) / 255.0f,
            static_cast<float>(color_rgb & 0xffu) / 255.0f};
}

double screen_radius_px(const FrameContext& context, double radius_m, double distance_m) {
    if (!(distance_m > radius_m)) return 1.0e9;   // the eye is inside: it fills the screen
    return context.focal_px * radius_m / std::sqrt(distance_m * distance_m - radius_m * radius_m);
}

}  // namespace galaxy::app::render
