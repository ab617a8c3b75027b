#include "render/star_field.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

#include "render/shaders.hpp"

namespace galaxy::app::render {
namespace {

constexpr int kStars = 4000;
constexpr std::uint64_t kSeed = 0x9e3779b97f4a7c15ULL;

// SplitMix64: a fixed sequence, so the sky is the same on every page load.
double next_unit(std::uint64_t* state) {
    std::uint64_t z = (*state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    z ^= z >> 31;
    return static_cast<double>(z >> 11) * (1.0 / 9007199254740992.0);
}

}  // namespace

bool StarField::create(std::string* error) {
    if (!program_.create("stars", shaders::kStarVertex, shaders::kStarFragment, error)) {
        return false;
    }
    u_view_proj_ = program_.uniform("u_view_proj");
    u_point_scale_ = program_.uniform("u_point_scale");

    // Per star: direction (3) and colour with the point size in alpha (4).
    std::vector<float> data;
    data.reserve(static_cast<std::size_t>(kStars) * 7);
    std::uint64_t state = kSeed;
    for (int i = 0; i < kStars; ++i) {
        // Uniform on the sphere: z uniform in -1..1, longitude uniform.
        const double z = 2.0 * next_unit(&state) - 1.0;
        const double lon = 6.283185307179586 * next_unit(&state);
        const double r = std::sqrt(std::max(0.0, 1.0 - z * z));
        // Most stars faint, a few bright: brightness ~ u^3.
        const double u = next_unit(&state);
        const double brightness = 0.18 + 0.82 * u * u * u;
        const double tint = next_unit(&state) - 0.5;   // bluish to yellowish
        data.push_back(static_cast<float>(r * std::cos(lon)));
        data.push_back(static_cast<float>(r * std::sin(lon)));
        data.push_back(static_cast<float>(z));
        data.push_back(static_cast<float>(brightness * (1.0 + 0.15 * tint)));
        data.push_back(static_cast<float>(brightness));
        data.push_back(static_cast<float>(brightness * (1.0 - 0.2 * tint)));
        data.push_back(static_cast<float>(1.5 + 1.5 * brightness));
    }
    count_ = kStars;
    glGenVertexArrays(1, &vao_);
    glGenBuffers(1, &vbo_);
    glBindVertexArray(vao_);
    glBindBuffer(GL_ARRAY_BUFFER, vbo_);
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(data.size() * sizeof(float)),
                 data.data(), GL_STATIC_DRAW);
    constexpr GLsizei kStride = 7 * sizeof(float);
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 3, GL_FLOAT, GL_FALSE, kStride, nullptr);
    glEnableVertexAttribArray(1);
    glVertexAttribPointer(1, 4, GL_FLOAT, GL_FALSE, kStride,
                          reinterpret_cast<const void*>(3 * sizeof(float)));
    glBindVertexArray(0);
    return true;
}

void StarField::destroy() {
    program_.destroy();
    if (vbo_ != 0) glDeleteBuffers(1, &vbo_);
    if (vao_ != 0) glDeleteVertexArrays(1, &vao_);
    vbo_ = 0;
    vao_ = 0;
}

void StarField::draw(const FrameContext& context) {
    glUseProgram(program_.id());
    glUniformMatrix4fv(u_view_proj_, 1, GL_FALSE, context.view_proj.data());
    // Sizes are in CSS-like pixels; on a high-density screen the framebuffer has more.
    glUniform1f(u_point_scale_, static_cast<float>(1.0 / std::max(context.ui_per_px, 0.25)));
    glDisable(GL_DEPTH_TEST);
    glDepthMask(GL_FALSE);
    glBindVertexArray(vao_);
    glDrawArrays(GL_POINTS, 0, count_);
    glDepthMask(GL_TRUE);
    glEnable(GL_DEPTH_TEST);
}

}  // namespace galaxy::app::render
