#include "render/gl_program.hpp"

#include <vector>

namespace galaxy::app::render {
namespace {

std::string shader_log(GLuint shader) {
    GLint length = 0;
    glGetShaderiv(shader, GL_INFO_LOG_LENGTH, &length);
    std::vector<char> log(static_cast<std::size_t>(length > 1 ? length : 1), '\0');
    glGetShaderInfoLog(shader, static_cast<GLsizei>(log.size()), nullptr, log.data());
    return log.data();
}

std::string program_log(GLuint program) {
    GLint length = 0;
    glGetProgramiv(program, GL_INFO_LOG_LENGTH, &length);
    std::vector<char> log(static_cast<std::size_t>(length > 1 ? length : 1), '\0');
    glGetProgramInfoLog(program, static_cast<GLsizei>(log.size()), nullptr, log.data());
    return log.data();
}

GLuint compile(GLenum type, const char* source, std::string* log) {
    const GLuint shader = glCreateShader(type);
    glShaderSource(shader, 1, &source, nullptr);
    glCompileShader(shader);
    GLint ok = GL_FALSE;
    glGetShaderiv(shader, GL_COMPILE_STATUS, &ok);
    if (ok != GL_TRUE) {
        *log = shader_log(shader);
        glDeleteShader(shader);
        return 0;
    }
    return shader;
}

}  // namespace

GlProgram::~GlProgram() { destroy(); }

bool GlProgram::create(const char* name, const char* vertex_source, const char* fragment_source,
                       std::string* error) {
    destroy();
    std::string log;
    const GLuint vs = compile(GL_VERTEX_SHADER, vertex_source, &log);
    if (vs == 0) {
        *error = std::string(name) + " vertex shader: " + log;
        return false;
    }
    const GLuint fs = compile(GL_FRAGMENT_SHADER, fragment_source, &log);
    if (fs == 0) {
        glDeleteShader(vs);
        *error = std::string(name) + " fragment shader: " + log;
        return false;
    }
    id_ = glCreateProgram();
    glAttachShader(id_, vs);
    glAttachShader(id_, fs);
    glLinkProgram(id_);
    // The program keeps what it needs; the shader objects can go now.
    glDeleteShader(vs);
    glDeleteShader(fs);
    GLint ok = GL_FALSE;
    glGetProgramiv(id_, GL_LINK_STATUS, &ok);
    if (ok != GL_TRUE) {
        *error = std::string(name) + " link: " + program_log(id_);
        destroy();
        return false;
    }
    return true;
}

void GlProgram::destroy() {
    if (id_ != 0) glDeleteProgram(id_);
    id_ = 0;
}

}  // namespace galaxy::app::render
