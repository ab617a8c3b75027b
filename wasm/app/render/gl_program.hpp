// A linked WebGL2 shader program: compile and link with readable errors, look up uniforms.
#pragma once

#include <GLES3/gl3.h>

#include <string>

namespace galaxy::app::render {

class GlProgram {
public:
    GlProgram() = default;
    ~GlProgram();
    GlProgram(const GlProgram&) = delete;
    GlProgram& operator=(const GlProgram&) = delete;

    // Compiles and links; false with the driver's log in *error (prefixed by name).
    bool create(const char* name, const char* vertex_source, const char* fragment_source,
                std::string* error);
    void destroy();

    GLuint id() const { return id_; }
    GLint uniform(const char* name) const { return glGetUniformLocation(id_, name); }

private:
    GLuint id_ = 0;
};

}  // namespace galaxy::app::render
