// Bodies as ray-cast spheres: lit from the Sun, coloured from the catalog, turning with their
// rotation elements, never smaller than a few pixels; the Sun glows.
#pragma once

#include <GLES3/gl3.h>

#include <string>
#include <vector>

#include "galaxy/sim/world.hpp"
#include "render/frame_context.hpp"
#include "render/gl_program.hpp"
#include "render/screen_object.hpp"

namespace galaxy::app::render {

class BodyPass {
public:
    bool create(std::string* error);
    void destroy();

    // Draws every body in front of the eye and appends it to *objects.
    void draw(const FrameContext& context, const sim::World& world,
              std::vector<ScreenObject>* objects);

private:
    void draw_glow(const FrameContext& context, sim::Vec3 offset_m, double radius_m,
                   double distance_m, std::uint32_t color_rgb);

    GlProgram sphere_;
    GlProgram glow_;
    GLuint vao_ = 0;   // no attributes: the quads come from gl_VertexID
    struct Uniforms {
        GLint proj, center, half_size, radius, c, to_body, light, color, style, seed, log_depth;
    } u_{};
    struct GlowUniforms {
        GLint proj, center, half_size, color;
    } g_{};
};

}  // namespace galaxy::app::render
