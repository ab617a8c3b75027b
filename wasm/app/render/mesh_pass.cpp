#include "render/mesh_pass.hpp"

#include <cmath>
#include <cstddef>

#include "galaxy/client/camera.hpp"
#include "render/meshes.hpp"
#include "render/shaders.hpp"

namespace galaxy::app::render {
namespace {

constexpr double kMinMesh_px = 1.5;   // below this radius on screen the marker alone shows
constexpr std::array<float, 3> kOwnColor{0.35f, 1.0f, 0.55f};
constexpr std::array<float, 3> kSelectedColor{1.0f, 0.85f, 0.25f};
constexpr std::array<float, 3> kHaulerColor{0.78f, 0.70f, 0.56f};
constexpr std::array<float, 3> kFrigateColor{0.62f, 0.72f, 0.88f};
constexpr std::array<float, 3> kStationColor{0.85f, 0.85f, 0.9f};

bool same(sim::TargetRef a, sim::TargetRef b) { return a.kind == b.kind && a.id == b.id; }

}  // namespace

bool MeshPass::create(std::string* error) {
    if (!program_.create("mesh", shaders::kMeshVertex, shaders::kMeshFragment, error)) {
        return false;
    }
    u_view_proj_ = program_.uniform("u_view_proj");
    u_log_depth_ = program_.uniform("u_log_depth");
    std::vector<MeshVertex> mesh;
    for (int h = 0; h < kHullCount; ++h) {
        if (h == kCargoHauler) build_cargo_hauler(&mesh);
        if (h == kFastFrigate) build_fast_frigate(&mesh);
        if (h == kStation) build_station(&mesh);
        HullBuffers& b = hulls_[static_cast<std::size_t>(h)];
        b.vertices = static_cast<GLsizei>(mesh.size());
        glGenVertexArrays(1, &b.vao);
        glGenBuffers(1, &b.mesh_vbo);
        glGenBuffers(1, &b.instance_vbo);
        glBindVertexArray(b.vao);
        glBindBuffer(GL_ARRAY_BUFFER, b.mesh_vbo);
        glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(mesh.size() * sizeof(MeshVertex)),
                     mesh.data(), GL_STATIC_DRAW);
        glEnableVertexAttribArray(0);
        glVertexAttribPointer(0, 3, GL_FLOAT, GL_FALSE, sizeof(MeshVertex), nullptr);
        glEnableVertexAttribArray(1);
        glVertexAttribPointer(1, 3, GL_FLOAT, GL_FALSE, sizeof(MeshVertex),
                              reinterpret_cast<const void*>(offsetof(MeshVertex, normal)));
        glBindBuffer(GL_ARRAY_BUFFER, b.instance_vbo);
        struct Attribute {
            GLuint location;
            GLint size;
            std::size_t offset;
        };
        const Attribute attributes[] = {{2, 3, offsetof(Instance, offset)},
                                        {3, 4, offsetof(Instance, quat)},
                                        {4, 1, offsetof(Instance, scale)},
                                        {5, 4, offsetof(Instance, color)},
                                        {6, 3, offsetof(Instance, light)}};
        for (const Attribute& a : attributes) {
            glEnableVertexAttribArray(a.location);
            glVertexAttribPointer(a.location, a.size, GL_FLOAT, GL_FALSE, sizeof(Instance),
                                  reinterpret_cast<const void*>(a.offset));
            glVertexAttribDivisor(a.location, 1);
        }
    }
    glBindVertexArray(0);
    return true;
}

void MeshPass::destroy() {
    program_.destroy();
    for (HullBuffers& b : hulls_) {
        if (b.vao != 0) glDeleteVertexArrays(1, &b.vao);
        if (b.mesh_vbo != 0) glDeleteBuffers(1, &b.mesh_vbo);
        if (b.instance_vbo != 0) glDeleteBuffers(1, &b.instance_vbo);
        b = HullBuffers{};
    }
}

void MeshPass::add(const FrameContext& context, Hull hull, sim::TargetRef target,
                   sim::Vec3 position_m, sim::Quat attitude, double radius_m,
                   std::array<float, 3> color, sim::Vec3 sun_m,
                   std::vector<ScreenObject>* objects) {
    const client::CameraFrame& camera = *context.camera;
    ScreenObject object;
    object.target = target;
    if (!client::project_to_screen(camera, position_m, &object.x_px, &object.y_px,
                                   &object.depth_m)) {
        return;
    }
    const sim::Vec3 offset = position_m - camera.eye_m;
    object.distance_m = sim::norm(offset);
    object.radius_px = screen_radius_px(context, radius_m, object.distance_m);
    object.radius_m = radius_m;
    objects->push_back(object);
    if (object.radius_px < kMinMesh_px) return;

    const sim::Vec3 light = sim::normalized(sun_m - position_m);
    Instance instance{};
    instance.offset[0] = static_cast<float>(offset.x);
    instance.offset[1] = static_cast<float>(offset.y);
    instance.offset[2] = static_cast<float>(offset.z);
    instance.quat[0] = static_cast<float>(attitude.x);
    instance.quat[1] = static_cast<float>(attitude.y);
    instance.quat[2] = static_cast<float>(attitude.z);
    instance.quat[3] = static_cast<float>(attitude.w);
    instance.scale = 1.0f;
    instance.color[0] = color[0];
    instance.color[1] = color[1];
    instance.color[2] = color[2];
    instance.color[3] = 1.0f;
    instance.light[0] = static_cast<float>(light.x);
    instance.light[1] = static_cast<float>(light.y);
    instance.light[2] = static_cast<float>(light.z);
    hulls_[hull].instances.push_back(instance);
}

void MeshPass::draw(const FrameContext& context, const sim::World& world, std::uint32_t own_ship,
                    sim::TargetRef selected, std::vector<ScreenObject>* objects) {
    for (HullBuffers& b : hulls_) b.instances.clear();
    const sim::Vec3 sun = world.bodies.empty() ? sim::Vec3{} : world.bodies[0].position_m;

    for (const sim::Ship& ship : world.ships) {
        const sim::TargetRef target{sim::TargetKind::Ship, ship.id};
        std::array<float, 3> color =
            ship.ship_class == sim::ShipClass::CargoHauler ? kHaulerColor : kFrigateColor;
        if (same(target, selected)) color = kSelectedColor;
        if (ship.id == own_ship) color = kOwnColor;
        const Hull hull = ship.ship_class == sim::ShipClass::CargoHauler ? kCargoHauler
                                                                          : kFastFrigate;
        add(context, hull, target, ship.position_m, ship.attitude,
            client::ship_display_radius_m(ship.ship_class), color, sun, objects);
    }
    for (const sim::Station& station : world.stations) {
        const sim::TargetRef target{sim::TargetKind::Station, station.id};
        // The ring lies in the station's orbital plane about its reference body.
        sim::Quat attitude;
        const int ref = sim::reference_body_index(world, station.position_m);
        if (ref >= 0) {
            const sim::Body& body = world.bodies[static_cast<std::size_t>(ref)];
            const sim::Vec3 normal = sim::cross(station.position_m - body.position_m,
                                                station.velocity_m_s - body.velocity_m_s);
            if (sim::norm(normal) > 0.0) attitude = sim::quat_pointing_z_at(sim::normalized(normal));
        }
        add(context, kStation, target, station.position_m, attitude, sim::kStationRadius_m,
            same(target, selected) ? kSelectedColor : kStationColor, sun, objects);
    }

    glUseProgram(program_.id());
    glUniformMatrix4fv(u_view_proj_, 1, GL_FALSE, context.view_proj.data());
    glUniform1f(u_log_depth_, context.log_depth);
    for (HullBuffers& b : hulls_) {
        if (b.instances.empty()) continue;
        glBindVertexArray(b.vao);
        glBindBuffer(GL_ARRAY_BUFFER, b.instance_vbo);
        // Orphaning the buffer each frame lets the driver avoid waiting for the last draw.
        glBufferData(GL_ARRAY_BUFFER,
                     static_cast<GLsizeiptr>(b.instances.size() * sizeof(Instance)),
                     b.instances.data(), GL_STREAM_DRAW);
        glDrawArraysInstanced(GL_TRIANGLES, 0, b.vertices,
                              static_cast<GLsizei>(b.instances.size()));
    }
    glBindVertexArray(0);
}

}  // namespace galaxy::app::render
