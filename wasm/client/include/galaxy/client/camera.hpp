// Cameras: chase the own ship, orbit a selected object, or look down on the system map.
// Pure math in double precision: the camera's eye is the floating origin of each frame, so the
// renderer only ever sees small float offsets from it (10 m to 1e13 m without jitter).
#pragma once

#include <array>
#include <cstdint>

#include "galaxy/sim/ship.hpp"
#include "galaxy/sim/vec3.hpp"
#include "galaxy/sim/world.hpp"

namespace galaxy::client {

enum class CameraMode : std::uint8_t {
    Chase,   // behind the own ship, following its attitude's forward axis loosely
    Orbit,   // around the focus object (a body, ship or station); drag to orbit, wheel to zoom
    Map,     // the system map: top-down on the ecliptic around the focus, zoomed far out
};

using Mat4 = std::array<float, 16>;   // column-major, as WebGL expects

// One frame's camera: where it is (ICRF, double) and float matrices for geometry given
// relative to the eye (floating origin). Depth is logarithmic in the shaders (see renderer).
struct CameraFrame {
    sim::Vec3 eye_m;                   // ICRF, barycentric: subtract before converting to float
    Mat4 view{};                       // rotation only (the eye is the origin)
    Mat4 projection{};                 // perspective, near/far below
    double fov_y_rad = 0.9;
    double near_m = 1.0;
    double far_m = 1.0e14;
    int width_px = 1;                  // framebuffer size the matrices were made for
    int height_px = 1;
};

// Screen position of an ICRF point: x right, y down in pixels; false when behind the camera.
bool project_to_screen(const CameraFrame& frame, sim::Vec3 position_m, double* x_px,
                       double* y_px, double* depth_m);

// Radius an object is drawn with, m: a body's mean radius, a ship's or station's hull; 0 when
// the object does not exist. The Orbit camera keeps its distance from it, the renderer scales
// meshes by it.
double display_radius_m(const sim::World& world, sim::TargetRef object);
double ship_display_radius_m(sim::ShipClass ship_class);   // half the hull's length

class Camera {
public:
    CameraMode mode() const { return mode_; }
    void set_mode(CameraMode mode);                // keeps a sensible distance for the new mode
    void toggle_map();                             // Map <-> the mode before it (key M)
    sim::TargetRef focus() const { return focus_; }
    void set_focus(sim::TargetRef focus);          // Orbit/Map centre; None = own ship

    // Input, in screen pixels / wheel notches (positive = zoom in).
    void drag(double dx_px, double dy_px, double sensitivity);
    void zoom(double notches);

    // Builds this frame's matrices; own_ship may be 0 (no ship: focus the Sun / Earth).
    CameraFrame frame(const sim::World& world, std::uint32_t own_ship, int width_px,
                      int height_px) const;

    // Distance from the focus the current mode asked for before the per-focus clamp, m.
    double distance_m() const;

private:
    CameraMode mode_ = CameraMode::Chase;
    CameraMode mode_before_map_ = CameraMode::Chase;
    sim::TargetRef focus_;
    double yaw_rad_ = 0.0;                         // Chase and Orbit: around the focus
    double pitch_rad_ = 0.35;                      // above the focus's horizontal plane
    double map_yaw_rad_ = 0.0;                     // Map: rotation about the ecliptic normal
    double map_pitch_rad_ = 1.5707;                // Map: pi/2 looks straight down
    double chase_distance_m_ = 60.0;               // Chase: from the own ship
    double orbit_scale_ = 4.0;                     // Orbit: distance in focus radii (>= 1.5)
    double map_distance_m_ = 4.5e11;               // Map: from the focus (~3 AU)
    // Display radius of the focus in the last frame (m): the zoom limits of Orbit and Map
    // depend on it, and the focus is only known to frame(), which sees the world.
    mutable double focus_radius_m_ = 20.0;
};

}  // namespace galaxy::client
