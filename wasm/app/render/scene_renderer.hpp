// The 3D scene in WebGL2: bodies as lit spheres, starfield, ships and stations, orbit lines,
// the own ship's predicted trajectory with its markers, the velocity vector, and labels.
// Geometry is sent relative to the camera's eye (floating origin) and depth is logarithmic.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "galaxy/client/camera.hpp"
#include "galaxy/client/settings.hpp"
#include "galaxy/sim/trajectory.hpp"
#include "galaxy/sim/world.hpp"

namespace galaxy::app {

// What one frame of the scene shows.
struct SceneInput {
    const sim::World* world = nullptr;
    std::uint32_t own_ship = 0;                                 // 0 = none
    sim::TargetRef selected;                                     // highlighted marker
    const std::vector<sim::TrajectoryPoint>* trajectory = nullptr;   // own ship's; may be empty
    const client::Settings* settings = nullptr;
};

class SceneRenderer {
public:
    SceneRenderer();
    ~SceneRenderer();
    SceneRenderer(const SceneRenderer&) = delete;
    SceneRenderer& operator=(const SceneRenderer&) = delete;

    // GL resources; the WebGL2 context must be current. false (with *error) when a shader fails.
    bool create(std::string* error);
    void destroy();

    // Clears and draws the scene into the current framebuffer. Labels and screen-space markers
    // go to ImGui's background draw list, so call it between ImGui::NewFrame() and Render().
    void draw(const SceneInput& input, const client::CameraFrame& camera);

    // The object under a click (markers and labels of the last draw, then discs of bodies);
    // kind None when nothing is near (within a few pixels).
    sim::TargetRef pick(double x_px, double y_px) const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace galaxy::app
