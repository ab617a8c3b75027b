#include "render/body_pass.hpp"

#include <algorithm>
#include <cmath>

#include "galaxy/client/body_axes.hpp"
#include "render/shaders.hpp"

namespace galaxy::app::render {
namespace {

constexpr double kMinBodyRadius_px = 3.0;    // a body never shrinks below this: findable
constexpr double kGasGiantRadius_m = 2.0e7;  // above this a planet is drawn with bands
constexpr double kGlowRadii = 6.0;           // the Sun's glow reaches this many radii
constexpr double kMinGlow_px = 28.0;

}  // namespace

bool BodyPass::create(std::string* error) {
    if (!sphere_.create("body", shaders::kBodyVertex, shaders::kBodyFragment, error)) return false;
    if (!glow_.create("glow", shaders::kGlowVertex, shaders::kGlowFragment, error)) return false;
    const GLuint s = sphere_.id();
    u_ = {glGetUniformLocation(s, "u_proj"),      glGetUniformLocation(s, "u_center"),
          glGetUniformLocation(s, "u_half_size"), glGetUniformLocation(s, "u_radius"),
          glGetUniformLocation(s, "u_c"),         glGetUniformLocation(s, "u_to_body"),
          glGetUniformLocation(s, "u_light"),     glGetUniformLocation(s, "u_color"),
          glGetUniformLocation(s, "u_style"),     glGetUniformLocation(s, "u_seed"),
          glGetUniformLocation(s, "u_log_depth")};
    const GLuint g = glow_.id();
    g_ = {glGetUniformLocation(g, "u_proj"), glGetUniformLocation(g, "u_center"),
          glGetUniformLocation(g, "u_half_size"), glGetUniformLocation(g, "u_color")};
    glGenVertexArrays(1, &vao_);
    return true;
}

void BodyPass::destroy() {
    sphere_.destroy();
    glow_.destroy();
    if (vao_ != 0) glDeleteVertexArrays(1, &vao_);
    vao_ = 0;
}

void BodyPass::draw_glow(const FrameContext& context, sim::Vec3 offset_m, double radius_m,
                         double distance_m, std::uint32_t color_rgb) {
    const double half = std::max(radius_m * kGlowRadii, distance_m * kMinGlow_px / context.focal_px);
    if (!(distance_m > half)) return;   // the eye is inside the glow: nothing to see of it
    glUseProgram(glow_.id());
    glUniformMatrix4fv(g_.proj, 1, GL_FALSE, context.camera->projection.data());
    const std::array<float, 3> centre = to_view(context, offset_m);
    glUniform3fv(g_.center, 1, centre.data());
    glUniform1f(g_.half_size, static_cast<float>(half));
    const std::array<float, 3> rgb = rgb_from_hex(color_rgb);
    glUniform3f(g_.color, rgb[0], 0.85f * rgb[1], 0.6f * rgb[2]);
    glDisable(GL_DEPTH_TEST);
    glEnable(GL_BLEND);
    glBlendFunc(GL_ONE, GL_ONE);
    glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
    glDisable(GL_BLEND);
    glEnable(GL_DEPTH_TEST);
}

void BodyPass::draw(const FrameContext& context, const sim::World& world,
                    std::vector<ScreenObject>* objects) {
    if (world.bodies.empty()) return;
    const client::CameraFrame& camera = *context.camera;
    const sim::Vec3 sun = world.bodies[0].position_m;
    glBindVertexArray(vao_);

    for (std::size_t i = 0; i < world.bodies.size(); ++i) {
        const sim::Body& body = world.bodies[i];
        const sim::Vec3 offset = body.position_m - camera.eye_m;
        const double distance = sim::norm(offset);
        const double radius = body.def.mean_radius_m;
        if (sim::dot(offset, context.forward) < -radius) continue;   // wholly behind the eye
        if (body.def.type == sim::BodyType::Star) {
            draw_glow(context, offset, radius, distance, body.def.color_rgb);
        }
        // Far away a body is drawn bigger than it is, at the minimum size on screen.
        const double true_px = screen_radius_px(context, radius, distance);
        const double drawn = true_px < kMinBodyRadius_px
                                 ? radius * kMinBodyRadius_px / std::max(true_px, 1e-30)
                                 : radius;
        if (!(distance > drawn * (1.0 + 1e-9))) continue;   // the eye is inside it

        ScreenObject object;
        object.target = {sim::TargetKind::Body, static_cast<std::uint32_t>(i)};
        if (client::project_to_screen(camera, body.position_m, &object.x_px, &object.y_px,
                                      &object.depth_m)) {
            object.distance_m = distance;
            object.radius_px = std::max(true_px, kMinBodyRadius_px);
            object.radius_m = radius;
            objects->push_back(object);
        }

        glUseProgram(sphere_.id());
        glUniformMatrix4fv(u_.proj, 1, GL_FALSE, camera.projection.data());
        glUniform1f(u_.log_depth, context.log_depth);
        const std::array<float, 3> centre = to_view(context, offset);
        glUniform3fv(u_.center, 1, centre.data());
        // The quad through the centre that just covers the silhouette (the tangent cone's
        // cross-section there): r D / sqrt(D^2 - r^2).
        const double tangent = std::sqrt((distance - drawn) * (distance + drawn));
        glUniform1f(u_.half_size, static_cast<float>(drawn * distance / tangent));
        glUniform1f(u_.radius, static_cast<float>(drawn));
        glUniform1f(u_.c, static_cast<float>((distance - drawn) * (distance + drawn)));
        const client::BodyAxes axes = client::body_axes(body, world.game_time_s);
        const std::array<float, 3> ax = to_view(context, axes.x);
        const std::array<float, 3> ay = to_view(context, axes.y);
        const std::array<float, 3> az = to_view(context, axes.z);
        // Column-major: (to_body * n)_k = axis_k . n, so row k holds axis k in view space.
        const float to_body[9] = {ax[0], ay[0], az[0], ax[1], ay[1], az[1], ax[2], ay[2], az[2]};
        glUniformMatrix3fv(u_.to_body, 1, GL_FALSE, to_body);
        const std::array<float, 3> light = to_view(context, sim::normalized(sun - body.position_m));
        glUniform3fv(u_.light, 1, light.data());
        const std::array<float, 3> rgb = rgb_from_hex(body.def.color_rgb);
        glUniform3fv(u_.color, 1, rgb.data());
        int style = 1;
        if (body.def.type == sim::BodyType::Star) {
            style = 0;
        } else if (body.def.type == sim::BodyType::Planet && radius > kGasGiantRadius_m) {
            style = 2;
        }
        glUniform1i(u_.style, style);
        glUniform1f(u_.seed, static_cast<float>(i) * 3.7f);
        glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
    }
}

}  // namespace galaxy::app::render
