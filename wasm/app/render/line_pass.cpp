#include "render/line_pass.hpp"

#include <algorithm>
#include <cstddef>

#include "galaxy/client/orbit_path.hpp"
#include "render/shaders.hpp"

namespace galaxy::app::render {
namespace {

constexpr std::uint32_t kOrbitSamples = 256;
// Bodies move little in a quarter second even at high time scales, and the body's own point
// of the loop is replaced by its exact current position every frame (see add_body_orbits).
constexpr double kResample_ms = 250.0;
constexpr double kMinOrbit_px = 4.0;   // an orbit smaller than this on screen is clutter
constexpr float kTrajectoryColor[4] = {0.35f, 0.9f, 1.0f, 0.95f};

}  // namespace

bool LinePass::create(std::string* error) {
    if (!program_.create("lines", shaders::kLineVertex, shaders::kLineFragment, error)) {
        return false;
    }
    u_view_proj_ = program_.uniform("u_view_proj");
    u_log_depth_ = program_.uniform("u_log_depth");
    glGenVertexArrays(1, &vao_);
    glGenBuffers(1, &vbo_);
    glBindVertexArray(vao_);
    glBindBuffer(GL_ARRAY_BUFFER, vbo_);
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 3, GL_FLOAT, GL_FALSE, sizeof(Vertex), nullptr);
    glEnableVertexAttribArray(1);
    glVertexAttribPointer(1, 4, GL_FLOAT, GL_FALSE, sizeof(Vertex),
                          reinterpret_cast<const void*>(offsetof(Vertex, color)));
    glBindVertexArray(0);
    return true;
}

void LinePass::destroy() {
    program_.destroy();
    if (vbo_ != 0) glDeleteBuffers(1, &vbo_);
    if (vao_ != 0) glDeleteVertexArrays(1, &vao_);
    vbo_ = 0;
    vao_ = 0;
}

void LinePass::push(sim::Vec3 offset_m, const float color[4]) {
    vertices_.push_back({{static_cast<float>(offset_m.x), static_cast<float>(offset_m.y),
                          static_cast<float>(offset_m.z)},
                         {color[0], color[1], color[2], color[3]}});
}

void LinePass::resample_orbits(const sim::World& world) {
    orbits_.resize(world.bodies.size());
    for (std::size_t i = 0; i < world.bodies.size(); ++i) {
        const sim::Body& body = world.bodies[i];
        if (body.parent_index < 0) {
            orbits_[i].clear();
            continue;
        }
        const sim::Body& parent = world.bodies[static_cast<std::size_t>(body.parent_index)];
        // Two-body relative motion, as sim::body_orbit has it: both gm count.
        const client::Conic conic = client::conic_from_state(
            body.position_m - parent.position_m, body.velocity_m_s - parent.velocity_m_s,
            parent.def.gm_m3_s2 + body.def.gm_m3_s2);
        client::sample_ellipse(conic, kOrbitSamples, &orbits_[i]);
    }
}

void LinePass::add_body_orbits(const FrameContext& context, const sim::World& world) {
    const sim::Vec3 eye = context.camera->eye_m;
    for (std::size_t i = 0; i < world.bodies.size() && i < orbits_.size(); ++i) {
        const std::vector<sim::Vec3>& loop = orbits_[i];
        if (loop.empty()) continue;
        const sim::Body& body = world.bodies[i];
        const sim::Body& parent = world.bodies[static_cast<std::size_t>(body.parent_index)];
        const sim::Vec3 base = parent.position_m - eye;
        // Skip orbits too small to read: the loop's extent over the distance to the parent.
        const double size_m = sim::norm(body.position_m - parent.position_m);
        if (screen_radius_px(context, size_m, sim::norm(base) + size_m) < kMinOrbit_px) continue;
        const std::array<float, 3> rgb = rgb_from_hex(body.def.color_rgb);
        const float color[4] = {0.25f + 0.55f * rgb[0], 0.25f + 0.55f * rgb[1],
                                0.25f + 0.55f * rgb[2], 0.55f};
        const auto first = static_cast<GLint>(vertices_.size());
        // The body's own point is its exact position now, so the line meets the body even
        // when the camera is close to it and the loop was sampled a moment ago.
        const sim::Vec3 here = body.position_m - parent.position_m;
        push(base + here, color);
        for (std::size_t k = 1; k < loop.size(); ++k) push(base + loop[k], color);
        push(base + here, color);
        strips_.push_back({first, static_cast<GLsizei>(vertices_.size()) - first});
    }
}

void LinePass::add_trajectory(const FrameContext& context, const sim::World& world,
                              const sim::Ship& ship,
                              const std::vector<sim::TrajectoryPoint>& trajectory) {
    if (trajectory.size() < 2 || world.bodies.empty()) return;
    // The prediction's reference body: the one that was where its first point says.
    std::size_t ref = 0;
    double best = -1.0;
    for (std::size_t i = 0; i < world.bodies.size(); ++i) {
        const double d =
            sim::norm_squared(world.bodies[i].position_m - trajectory.front().reference_position_m);
        if (best < 0.0 || d < best) {
            best = d;
            ref = i;
        }
    }
    // Each point relative to the reference body then, drawn around where the body is now.
    const sim::Vec3 base = world.bodies[ref].position_m - context.camera->eye_m;
    const auto first = static_cast<GLint>(vertices_.size());
    // From the ship as it is now: the prediction may be up to a refresh interval old.
    push(ship.position_m - context.camera->eye_m, kTrajectoryColor);
    for (const sim::TrajectoryPoint& p : trajectory) {
        if (p.time_s < world.game_time_s) continue;   // already flown (the path is refreshed)
        push(base + (p.position_m - p.reference_position_m), kTrajectoryColor);
    }
    const auto count = static_cast<GLsizei>(vertices_.size()) - first;
    if (count >= 2) strips_.push_back({first, count});
}

void LinePass::draw(const FrameContext& context, const sim::World& world, bool show_orbits,
                    std::uint32_t own_ship, const std::vector<sim::TrajectoryPoint>* trajectory,
                    double now_ms) {
    vertices_.clear();
    strips_.clear();
    if (show_orbits) {
        if (now_ms - sampled_ms_ >= kResample_ms || now_ms < sampled_ms_ ||
            orbits_.size() != world.bodies.size()) {
            resample_orbits(world);
            sampled_ms_ = now_ms;
        }
        add_body_orbits(context, world);
    }
    const sim::Ship* ship = own_ship != 0 ? sim::find_ship(world, own_ship) : nullptr;
    if (trajectory != nullptr && ship != nullptr) {
        add_trajectory(context, world, *ship, *trajectory);
    }
    if (strips_.empty()) return;

    glUseProgram(program_.id());
    glUniformMatrix4fv(u_view_proj_, 1, GL_FALSE, context.view_proj.data());
    glUniform1f(u_log_depth_, context.log_depth);
    glBindVertexArray(vao_);
    glBindBuffer(GL_ARRAY_BUFFER, vbo_);
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(vertices_.size() * sizeof(Vertex)),
                 vertices_.data(), GL_STREAM_DRAW);
    glEnable(GL_BLEND);
    glBlendFunc(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA);
    glDepthMask(GL_FALSE);
    for (const Strip& s : strips_) glDrawArrays(GL_LINE_STRIP, s.first, s.count);
    glDepthMask(GL_TRUE);
    glDisable(GL_BLEND);
    glBindVertexArray(0);
}

}  // namespace galaxy::app::render
