// SCAFFOLD (replaced by the scene renderer).
#include "render/scene_renderer.hpp"
#include <GLES3/gl3.h>
namespace galaxy::app {
struct SceneRenderer::Impl {};
SceneRenderer::SceneRenderer() = default;
SceneRenderer::~SceneRenderer() = default;
bool SceneRenderer::create(std::string*) { return true; }
void SceneRenderer::destroy() {}
void SceneRenderer::draw(const SceneInput&, const client::CameraFrame&) {
    glClearColor(0.0f, 0.0f, 0.05f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT);
}
sim::TargetRef SceneRenderer::pick(double, double) const { return {}; }
}  // namespace galaxy::app
