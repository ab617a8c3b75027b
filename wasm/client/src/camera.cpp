// Cameras in double precision. Each mode picks a centre (the focus), a unit offset direction
// from yaw and pitch in a frame of its own (the ship's for Chase, the ecliptic for Orbit and
// Map) and a distance; the eye is centre + offset * distance and the view matrix is only the
// rotation, so every renderer offset stays small near the eye.
#include "galaxy/client/camera.hpp"

#include <algorithm>
#include <cmath>

#include "galaxy/sim/orbit.hpp"

namespace galaxy::client {
namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr double kDragRadPerPx = 0.005;        // at sensitivity 1: 630 px for a half turn
constexpr double kZoomPerNotch = 1.2;          // each wheel notch: distance x or / 1.2
constexpr double kMaxPitch_rad = kPi / 2.0 - 1e-3;   // short of the pole, so yaw stays defined
constexpr double kMinMapPitch_rad = 0.1;       // the map may tilt, but never to edge-on
constexpr double kMinChase_m = 10.0;           // just outside the largest hull
constexpr double kMaxChase_m = 1.0e6;
constexpr double kMinFocusRadii = 1.5;         // Orbit and Map stay this far out from a body
constexpr double kMinMap_m = 1.0e3;
constexpr double kMaxDistance_m = 1.0e13;      // ~70 AU: the whole catalog in view
constexpr double kDefaultOrbitRadii = 4.0;
constexpr double kCargoHaulerRadius_m = 20.0;  // the meshes are 40 m and 24 m long
constexpr double kFastFrigateRadius_m = 12.0;

// An orthonormal basis: n the "up" of the mode's frame, h0 and h1 spanning its horizontal plane.
struct Basis {
    sim::Vec3 n;
    sim::Vec3 h0;
    sim::Vec3 h1;
};

// Horizontal directions of the plane with normal n: the same construction as orbit.cpp's
// reference frame (h0 along n x ICRF-Z, or ICRF-X when n is near ICRF-Z), so yaw 0 looks along
// the node line the orbital elements measure from.
Basis basis_from_normal(sim::Vec3 n) {
    const sim::Vec3 node = sim::cross(n, sim::Vec3{0.0, 0.0, 1.0});
    const sim::Vec3 h0 = sim::norm(node) > 1e-9
                       ? sim::normalized(node)
                       : sim::normalized(sim::Vec3{1.0, 0.0, 0.0} - n * n.x);
    return {n, h0, sim::cross(n, h0)};
}

// Where the object is and how big it is drawn; false when it does not exist.
bool locate(const sim::World& world, sim::TargetRef object, sim::Vec3* position_m,
            double* radius_m) {
    switch (object.kind) {
        case sim::TargetKind::Body:
            if (object.id >= world.bodies.size()) return false;
            *position_m = world.bodies[object.id].position_m;
            break;
        case sim::TargetKind::Ship: {
            const sim::Ship* ship = sim::find_ship(world, object.id);
            if (ship == nullptr) return false;
            *position_m = ship->position_m;
            break;
        }
        case sim::TargetKind::Station: {
            const sim::Station* station = sim::find_station(world, object.id);
            if (station == nullptr) return false;
            *position_m = station->position_m;
            break;
        }
        case sim::TargetKind::None:
            return false;
    }
    *radius_m = display_radius_m(world, object);
    return true;
}

// The object a camera without a usable focus centres on: the own ship, else Earth, else the
// first body (the Sun).
sim::TargetRef default_focus(const sim::World& world, std::uint32_t own_ship) {
    if (own_ship != 0 && sim::find_ship(world, own_ship) != nullptr) {
        return {sim::TargetKind::Ship, own_ship};
    }
    const int earth = sim::find_body(world, "Earth");
    if (earth >= 0) return {sim::TargetKind::Body, static_cast<std::uint32_t>(earth)};
    if (!world.bodies.empty()) return {sim::TargetKind::Body, 0};
    return {};
}

// The unit offset of the eye from the centre at (yaw, pitch) in basis b, and the view's up.
void offset_direction(const Basis& b, double yaw_rad, double pitch_rad, sim::Vec3* offset,
                      sim::Vec3* up) {
    const sim::Vec3 h = b.h0 * std::cos(yaw_rad) + b.h1 * std::sin(yaw_rad);
    *offset = b.n * std::sin(pitch_rad) + h * std::cos(pitch_rad);
    // The derivative of the offset with pitch: perpendicular to it and toward n, defined even
    // when looking straight down.
    *up = b.n * std::cos(pitch_rad) - h * std::sin(pitch_rad);
}

// Chase basis: n is the ship's own up (body +Y), h0 points behind its nose (body -Z), so at yaw
// 0 the camera sits behind and above the ship and rolls with it: the ship stays upright on
// screen and the sky turns around it.
Basis chase_basis(const sim::Ship& ship) {
    return {sim::rotate(ship.attitude, sim::Vec3{0.0, 1.0, 0.0}),
            sim::rotate(ship.attitude, sim::Vec3{0.0, 0.0, -1.0}),
            sim::rotate(ship.attitude, sim::Vec3{-1.0, 0.0, 0.0})};
}

Mat4 view_matrix(sim::Vec3 forward, sim::Vec3 up) {
    const sim::Vec3 right = sim::normalized(sim::cross(forward, up));
    const sim::Vec3 true_up = sim::cross(right, forward);
    Mat4 m{};
    // Rows right, up, -forward (column-major storage: element (row r, column c) at c * 4 + r).
    const sim::Vec3 rows[3] = {right, true_up, -forward};
    for (int r = 0; r < 3; ++r) {
        m[static_cast<std::size_t>(0 * 4 + r)] = static_cast<float>(rows[r].x);
        m[static_cast<std::size_t>(1 * 4 + r)] = static_cast<float>(rows[r].y);
        m[static_cast<std::size_t>(2 * 4 + r)] = static_cast<float>(rows[r].z);
    }
    m[15] = 1.0f;
    return m;
}

Mat4 projection_matrix(double fov_y_rad, double aspect, double near_m, double far_m) {
    const double f = 1.0 / std::tan(fov_y_rad / 2.0);
    Mat4 m{};
    m[0] = static_cast<float>(f / aspect);
    m[5] = static_cast<float>(f);
    m[10] = static_cast<float>((far_m + near_m) / (near_m - far_m));
    m[11] = -1.0f;
    m[14] = static_cast<float>(2.0 * far_m * near_m / (near_m - far_m));
    return m;
}

}  // namespace

double ship_display_radius_m(sim::ShipClass ship_class) {
    return ship_class == sim::ShipClass::CargoHauler ? kCargoHaulerRadius_m
                                                     : kFastFrigateRadius_m;
}

double display_radius_m(const sim::World& world, sim::TargetRef object) {
    switch (object.kind) {
        case sim::TargetKind::Body:
            return object.id < world.bodies.size() ? world.bodies[object.id].def.mean_radius_m
                                                   : 0.0;
        case sim::TargetKind::Ship: {
            const sim::Ship* ship = sim::find_ship(world, object.id);
            return ship != nullptr ? ship_display_radius_m(ship->ship_class) : 0.0;
        }
        case sim::TargetKind::Station:
            return sim::find_station(world, object.id) != nullptr ? sim::kStationRadius_m : 0.0;
        case sim::TargetKind::None:
            break;
    }
    return 0.0;
}

bool project_to_screen(const CameraFrame& frame, sim::Vec3 position_m, double* x_px,
                       double* y_px, double* depth_m) {
    // The offset from the eye in double: at 1e11 m from the origin a float position would be
    // off by kilometres, the double difference is good to micrometres.
    const sim::Vec3 o = position_m - frame.eye_m;
    // The matrix entries widened to double, so the offset keeps its precision.
    const auto v = [&frame](std::size_t i) { return static_cast<double>(frame.view[i]); };
    const double vx = v(0) * o.x + v(4) * o.y + v(8) * o.z;
    const double vy = v(1) * o.x + v(5) * o.y + v(9) * o.z;
    const double vz = v(2) * o.x + v(6) * o.y + v(10) * o.z;
    const double w = -vz;   // distance along the view axis
    if (!(w > 0.0)) return false;
    const double ndc_x = static_cast<double>(frame.projection[0]) * vx / w;
    const double ndc_y = static_cast<double>(frame.projection[5]) * vy / w;
    if (x_px != nullptr) *x_px = (ndc_x * 0.5 + 0.5) * frame.width_px;
    if (y_px != nullptr) *y_px = (0.5 - ndc_y * 0.5) * frame.height_px;
    if (depth_m != nullptr) *depth_m = w;
    return true;
}

void Camera::set_mode(CameraMode mode) {
    if (mode == mode_) return;
    if (mode == CameraMode::Map) mode_before_map_ = mode_;
    mode_ = mode;
}

void Camera::toggle_map() {
    set_mode(mode_ == CameraMode::Map ? mode_before_map_ : CameraMode::Map);
}

void Camera::set_focus(sim::TargetRef focus) {
    const bool same = focus.kind == focus_.kind && focus.id == focus_.id;
    focus_ = focus;
    // A new focus starts at a distance fitted to its size; re-selecting keeps the zoom.
    if (!same) orbit_scale_ = kDefaultOrbitRadii;
}

void Camera::drag(double dx_px, double dy_px, double sensitivity) {
    const double k = kDragRadPerPx * sensitivity;
    if (mode_ == CameraMode::Map) {
        map_yaw_rad_ = std::remainder(map_yaw_rad_ - dx_px * k, 2.0 * kPi);
        map_pitch_rad_ = std::clamp(map_pitch_rad_ + dy_px * k, kMinMapPitch_rad, kPi / 2.0);
        return;
    }
    // Dragging right swings the camera left around the focus, so the scene follows the mouse.
    yaw_rad_ = std::remainder(yaw_rad_ - dx_px * k, 2.0 * kPi);
    pitch_rad_ = std::clamp(pitch_rad_ + dy_px * k, -kMaxPitch_rad, kMaxPitch_rad);
}

void Camera::zoom(double notches) {
    const double factor = std::pow(kZoomPerNotch, -notches);
    switch (mode_) {
        case CameraMode::Chase:
            chase_distance_m_ = std::clamp(chase_distance_m_ * factor, kMinChase_m, kMaxChase_m);
            break;
        case CameraMode::Orbit: {
            const double radius = std::max(focus_radius_m_, 1.0);
            orbit_scale_ = std::clamp(orbit_scale_ * factor, kMinFocusRadii,
                                      std::max(kMinFocusRadii, kMaxDistance_m / radius));
            break;
        }
        case CameraMode::Map: {
            const double lowest = std::max(kMinMap_m, kMinFocusRadii * focus_radius_m_);
            map_distance_m_ = std::clamp(map_distance_m_ * factor, lowest, kMaxDistance_m);
            break;
        }
    }
}

double Camera::distance_m() const {
    switch (mode_) {
        case CameraMode::Chase: return chase_distance_m_;
        case CameraMode::Orbit: return orbit_scale_ * focus_radius_m_;
        case CameraMode::Map: return map_distance_m_;
    }
    return chase_distance_m_;
}

CameraFrame Camera::frame(const sim::World& world, std::uint32_t own_ship, int width_px,
                          int height_px) const {
    CameraFrame out;
    out.width_px = std::max(width_px, 1);
    out.height_px = std::max(height_px, 1);

    sim::Vec3 centre;
    double radius = 1.0;
    sim::Vec3 offset{0.0, 0.0, 1.0};
    sim::Vec3 up{0.0, 1.0, 0.0};
    double distance = 1.0;
    const sim::Ship* ship = own_ship != 0 ? sim::find_ship(world, own_ship) : nullptr;
    const Basis ecliptic = basis_from_normal(sim::reference_plane_normal(world, 0));

    if (mode_ == CameraMode::Chase && ship != nullptr) {
        centre = ship->position_m;
        radius = ship_display_radius_m(ship->ship_class);
        offset_direction(chase_basis(*ship), yaw_rad_, pitch_rad_, &offset, &up);
        distance = chase_distance_m_;
    } else if (mode_ == CameraMode::Map) {
        // The map centres on the chosen focus, or the Sun when none was chosen.
        sim::TargetRef centre_ref = focus_;
        if (!locate(world, centre_ref, &centre, &radius)) {
            centre_ref = world.bodies.empty() ? sim::TargetRef{}
                                              : sim::TargetRef{sim::TargetKind::Body, 0};
            if (!locate(world, centre_ref, &centre, &radius)) radius = 1.0;
        }
        offset_direction(ecliptic, map_yaw_rad_, map_pitch_rad_, &offset, &up);
        distance = std::clamp(map_distance_m_, std::max(kMinMap_m, kMinFocusRadii * radius),
                              kMaxDistance_m);
    } else {
        // Orbit (and Chase without a ship): around the focus, the own ship, or Earth.
        if (!locate(world, focus_, &centre, &radius) &&
            !locate(world, default_focus(world, own_ship), &centre, &radius)) {
            radius = 1.0;
        }
        offset_direction(ecliptic, yaw_rad_, pitch_rad_, &offset, &up);
        distance = std::clamp(orbit_scale_ * radius, kMinFocusRadii * radius, kMaxDistance_m);
    }
    focus_radius_m_ = std::max(radius, 1.0);

    out.eye_m = centre + offset * distance;
    out.view = view_matrix(-offset, up);
    out.projection = projection_matrix(out.fov_y_rad,
                                       static_cast<double>(out.width_px) / out.height_px,
                                       out.near_m, out.far_m);
    return out;
}

}  // namespace galaxy::client
