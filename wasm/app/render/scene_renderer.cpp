// The scene in passes, back to front: stars at infinity, the Sun's glow and the bodies, ship and
// station meshes, orbit lines, then the screen layer (markers and labels) on ImGui's background
// draw list. Each pass takes positions relative to the eye and writes logarithmic depth.
#include "render/scene_renderer.hpp"

#include <GLES3/gl3.h>
#include <emscripten/emscripten.h>

#include "imgui.h"
#include "render/body_pass.hpp"
#include "render/frame_context.hpp"
#include "render/line_pass.hpp"
#include "render/mesh_pass.hpp"
#include "render/overlay.hpp"
#include "render/screen_object.hpp"
#include "render/star_field.hpp"

namespace galaxy::app {

struct SceneRenderer::Impl {
    render::StarField stars;
    render::BodyPass bodies;
    render::MeshPass meshes;
    render::LinePass lines;
    render::Overlay overlay;
    std::vector<render::ScreenObject> objects;   // this frame's, reused
    bool created = false;
};

SceneRenderer::SceneRenderer() : impl_(std::make_unique<Impl>()) {}

SceneRenderer::~SceneRenderer() = default;

bool SceneRenderer::create(std::string* error) {
    destroy();
    if (!impl_->stars.create(error) || !impl_->bodies.create(error) ||
        !impl_->meshes.create(error) || !impl_->lines.create(error)) {
        destroy();
        return false;
    }
    impl_->created = true;
    return true;
}

void SceneRenderer::destroy() {
    impl_->stars.destroy();
    impl_->bodies.destroy();
    impl_->meshes.destroy();
    impl_->lines.destroy();
    impl_->created = false;
}

void SceneRenderer::draw(const SceneInput& input, const client::CameraFrame& camera) {
    glClearColor(0.0f, 0.0f, 0.0f, 1.0f);
    glClearDepthf(1.0f);
    glDepthMask(GL_TRUE);
    glClear(GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT);
    if (!impl_->created || input.world == nullptr) return;
    const sim::World& world = *input.world;
    const client::Settings settings = input.settings != nullptr ? *input.settings
                                                                : client::Settings{};

    // ImGui works in display units, the camera in framebuffer pixels (they differ on a
    // high-density screen when the page sizes the canvas in device pixels).
    const float display_width = ImGui::GetIO().DisplaySize.x;
    const double ui_per_px = display_width > 0.0f && camera.width_px > 0
                                 ? static_cast<double>(display_width) / camera.width_px
                                 : 1.0;
    const render::FrameContext context = render::make_frame_context(camera, ui_per_px);

    glEnable(GL_DEPTH_TEST);
    glDepthFunc(GL_LEQUAL);
    glDisable(GL_CULL_FACE);   // the hulls are drawn from both sides
    glDisable(GL_BLEND);
    glDisable(GL_SCISSOR_TEST);

    impl_->objects.clear();
    if (settings.show_starfield) impl_->stars.draw(context);
    impl_->bodies.draw(context, world, &impl_->objects);
    impl_->meshes.draw(context, world, input.own_ship, input.selected, &impl_->objects);
    impl_->lines.draw(context, world, settings.show_orbits, input.own_ship,
                      settings.show_trajectory ? input.trajectory : nullptr, emscripten_get_now());
    impl_->overlay.draw(context, world, input.own_ship, input.selected, settings, impl_->objects);

    glDisable(GL_DEPTH_TEST);
    glBindVertexArray(0);
    glUseProgram(0);
}

sim::TargetRef SceneRenderer::pick(double x_px, double y_px) const {
    return impl_->overlay.pick(x_px, y_px);
}

}  // namespace galaxy::app
