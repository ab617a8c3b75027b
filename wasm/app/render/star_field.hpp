// The starfield: fixed pseudo-random directions drawn as points at infinity, so they turn with
// the camera and never move with it.
#pragma once

#include <GLES3/gl3.h>

#include <string>

#include "render/frame_context.hpp"
#include "render/gl_program.hpp"

namespace galaxy::app::render {

class StarField {
public:
    bool create(std::string* error);
    void destroy();
    void draw(const FrameContext& context);

private:
    GlProgram program_;
    GLuint vao_ = 0;
    GLuint vbo_ = 0;
    GLint u_view_proj_ = -1;
    GLint u_point_scale_ = -1;
    GLsizei count_ = 0;
};

}  // namespace galaxy::app::render
