// Orbit lines: every body's ellipse about its parent (sampled a few times a second, drawn
// around the parent's current position) and the own ship's predicted trajectory, attached to
// its reference body. Lines are depth-tested, so a planet hides the far side of an orbit.
#pragma once

#include <GLES3/gl3.h>

#include <cstdint>
#include <string>
#include <vector>

#include "galaxy/sim/trajectory.hpp"
#include "galaxy/sim/world.hpp"
#include "render/frame_context.hpp"
#include "render/gl_program.hpp"

namespace galaxy::app::render {

class LinePass {
public:
    bool create(std::string* error);
    void destroy();

    // Body orbits when show_orbits; the own ship's trajectory when given (may be null).
    // now_ms: the client clock, which paces the resampling of the body orbits.
    void draw(const FrameContext& context, const sim::World& world, bool show_orbits,
              std::uint32_t own_ship, const std::vector<sim::TrajectoryPoint>* trajectory,
              double now_ms);

private:
    struct Vertex {
        float position[3];   // minus the eye, ICRF, m
        float color[4];
    };
    struct Strip {
        GLint first;
        GLsizei count;
    };
    void resample_orbits(const sim::World& world);
    void add_body_orbits(const FrameContext& context, const sim::World& world);
    void add_trajectory(const FrameContext& context, const sim::World& world,
                        const sim::Ship& ship,
                        const std::vector<sim::TrajectoryPoint>& trajectory);
    void push(sim::Vec3 offset_m, const float color[4]);

    GlProgram program_;
    GLint u_view_proj_ = -1;
    GLint u_log_depth_ = -1;
    GLuint vao_ = 0;
    GLuint vbo_ = 0;
    std::vector<std::vector<sim::Vec3>> orbits_;   // per body, relative to its parent
    double sampled_ms_ = -1.0e18;                  // client time of the last resampling
    std::vector<Vertex> vertices_;                 // this frame's, reused
    std::vector<Strip> strips_;
};

}  // namespace galaxy::app::render
