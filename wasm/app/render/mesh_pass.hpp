// Ships and stations as instanced meshes: one draw call per hull kind however many ships there
// are. Up close a hull has its real size; once it shrinks below a couple of pixels the mesh is
// skipped and the overlay's marker stands for it.
#pragma once

#include <GLES3/gl3.h>

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "galaxy/sim/world.hpp"
#include "render/frame_context.hpp"
#include "render/gl_program.hpp"
#include "render/screen_object.hpp"

namespace galaxy::app::render {

class MeshPass {
public:
    bool create(std::string* error);
    void destroy();

    // Draws the ships (own ship and selection highlighted) and stations in front of the eye
    // and appends them to *objects.
    void draw(const FrameContext& context, const sim::World& world, std::uint32_t own_ship,
              sim::TargetRef selected, std::vector<ScreenObject>* objects);

private:
    struct Instance {
        float offset[3];   // centre minus the eye, ICRF, m
        float quat[4];     // x, y, z, w
        float scale;
        float color[4];
        float light[3];    // unit, toward the Sun
    };
    enum Hull { kCargoHauler = 0, kFastFrigate = 1, kStation = 2, kHullCount = 3 };
    struct HullBuffers {
        GLuint vao = 0;
        GLuint mesh_vbo = 0;
        GLuint instance_vbo = 0;
        GLsizei vertices = 0;
        std::vector<Instance> instances;   // this frame's, reused
    };
    void add(const FrameContext& context, Hull hull, sim::TargetRef target, sim::Vec3 position_m,
             sim::Quat attitude, double radius_m, std::array<float, 3> color, sim::Vec3 sun_m,
             std::vector<ScreenObject>* objects);

    GlProgram program_;
    GLint u_view_proj_ = -1;
    GLint u_log_depth_ = -1;
    std::array<HullBuffers, kHullCount> hulls_{};
};

}  // namespace galaxy::app::render
