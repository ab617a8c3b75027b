// The cameras: matrices and projection, the floating origin's precision far from the origin,
// zoom limits, the modes (Chase behind the ship, Orbit around a focus, Map over the ecliptic).
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "galaxy/client/camera.hpp"
#include "galaxy/sim/orbit.hpp"
#include "galaxy/sim/scenario.hpp"

namespace gc = galaxy::client;
namespace gs = galaxy::sim;

namespace {

constexpr int kWidth = 1280;
constexpr int kHeight = 720;

// Sun, Earth and Moon with one frigate in a 400 km, 30 deg orbit around Earth (~1.5e11 m from
// the barycentre, so every test below runs far from the origin).
struct Scene {
    gs::World world = gs::scenario_bodies({"Sun", "Earth", "Moon"}, false);
    std::uint32_t ship = 0;
    int earth = 1;

    Scene() {
        earth = gs::find_body(world, "Earth");
        const std::vector<gs::Event> events = gs::step(
            world, 1.0, {gs::spawn_in_orbit(earth, 400e3, 0.5, gs::ShipClass::FastFrigate)});
        for (const gs::Event& e : events) {
            if (e.type == gs::EventType::ShipSpawned) ship = e.ship;
        }
    }
    gs::TargetRef earth_ref() const {
        return {gs::TargetKind::Body, static_cast<std::uint32_t>(earth)};
    }
};

// Rows of the view matrix: the camera's right, up and backward axes in ICRF.
gs::Vec3 view_row(const gc::CameraFrame& f, int row) {
    const auto at = [&f](int i) { return static_cast<double>(f.view[static_cast<std::size_t>(i)]); };
    return {at(row), at(4 + row), at(8 + row)};
}
gs::Vec3 forward(const gc::CameraFrame& f) { return -view_row(f, 2); }

double angle_between(gs::Vec3 a, gs::Vec3 b) {
    return std::atan2(gs::norm(gs::cross(a, b)), gs::dot(a, b));
}

TEST(Camera, APointAheadProjectsToTheCentreAndAPointBehindDoesNot) {
    Scene s;
    ASSERT_NE(s.ship, 0u);
    const gc::Camera camera;
    const gc::CameraFrame f = camera.frame(s.world, s.ship, kWidth, kHeight);
    double x = 0.0;
    double y = 0.0;
    double depth = 0.0;
    ASSERT_TRUE(gc::project_to_screen(f, f.eye_m + forward(f) * 1000.0, &x, &y, &depth));
    // The matrices are float: 1e-4 px is ~1e-7 of the half-width, float's resolution.
    EXPECT_NEAR(x, kWidth / 2.0, 1e-4);
    EXPECT_NEAR(y, kHeight / 2.0, 1e-4);
    EXPECT_NEAR(depth, 1000.0, 1e-3);
    EXPECT_FALSE(gc::project_to_screen(f, f.eye_m - forward(f) * 1000.0, &x, &y, &depth));
}

TEST(Camera, ScreenAxesPointRightAndDown) {
    Scene s;
    const gc::CameraFrame f = gc::Camera{}.frame(s.world, s.ship, kWidth, kHeight);
    const gs::Vec3 ahead = f.eye_m + forward(f) * 100.0;
    double x = 0.0;
    double y = 0.0;
    ASSERT_TRUE(gc::project_to_screen(f, ahead + view_row(f, 0) * 10.0, &x, &y, nullptr));
    EXPECT_GT(x, kWidth / 2.0 + 1.0);
    EXPECT_NEAR(y, kHeight / 2.0, 1e-3);
    ASSERT_TRUE(gc::project_to_screen(f, ahead + view_row(f, 1) * 10.0, &x, &y, nullptr));
    EXPECT_NEAR(x, kWidth / 2.0, 1e-3);
    EXPECT_LT(y, kHeight / 2.0 - 1.0);   // up in the world is up on the screen (smaller y)
}

TEST(Camera, APointTenMetresFromAnEyeFarFromTheOriginProjectsExactly) {
    Scene s;
    const gc::CameraFrame f = gc::Camera{}.frame(s.world, s.ship, kWidth, kHeight);
    ASSERT_GT(gs::norm(f.eye_m), 1e11);
    // 10 m ahead and 1 m to the right: x = centre + (1 / 10) * (f / aspect) * width / 2.
    const gs::Vec3 p = f.eye_m + forward(f) * 10.0 + view_row(f, 0) * 1.0;
    double x = 0.0;
    double y = 0.0;
    double depth = 0.0;
    ASSERT_TRUE(gc::project_to_screen(f, p, &x, &y, &depth));
    const double focal = 1.0 / std::tan(f.fov_y_rad / 2.0);
    const double aspect = static_cast<double>(kWidth) / kHeight;
    const double expected_x = kWidth / 2.0 + 0.1 * (focal / aspect) * kWidth / 2.0;
    // The offset is taken in double (good to ~3e-5 m at 1.5e11 m); the float matrices leave
    // ~1e-7 relative error, well under 1e-3 px. A float offset would be off by kilometres.
    EXPECT_NEAR(x, expected_x, 1e-3);
    EXPECT_NEAR(y, kHeight / 2.0, 1e-3);
    EXPECT_NEAR(depth, 10.0, 1e-5);
    // Why the offset is taken in double: float positions there are 16 km apart, so a float
    // difference cannot hold a 10 m offset at all (each component rounds to 0 or >= 8 km).
    const auto to_float = [](gs::Vec3 v) {
        return gs::Vec3{static_cast<double>(static_cast<float>(v.x)),
                        static_cast<double>(static_cast<float>(v.y)),
                        static_cast<double>(static_cast<float>(v.z))};
    };
    const gs::Vec3 naive = to_float(p) - to_float(f.eye_m);
    EXPECT_GT(gs::norm(naive - (p - f.eye_m)), 5.0);
}

TEST(Camera, ChaseLooksAtTheOwnShipFromBehindAndAboveWithTheShipUpright) {
    Scene s;
    const gs::Ship& ship = *gs::find_ship(s.world, s.ship);
    gc::Camera camera;
    const gc::CameraFrame f = camera.frame(s.world, s.ship, kWidth, kHeight);
    EXPECT_EQ(camera.mode(), gc::CameraMode::Chase);
    double x = 0.0;
    double y = 0.0;
    ASSERT_TRUE(gc::project_to_screen(f, ship.position_m, &x, &y, nullptr));
    EXPECT_NEAR(x, kWidth / 2.0, 1e-3);
    EXPECT_NEAR(y, kHeight / 2.0, 1e-3);
    const gs::Vec3 offset = f.eye_m - ship.position_m;
    // The default chase distance; the eye is a double at 1.5e11 m, whose spacing is 3e-5 m.
    EXPECT_NEAR(gs::norm(offset), 60.0, 1e-4);
    const gs::Vec3 nose = gs::rotate(ship.attitude, gs::Vec3{0.0, 0.0, 1.0});
    EXPECT_LT(gs::dot(offset, nose), 0.0);   // behind
    const gs::Vec3 ship_up = gs::rotate(ship.attitude, gs::Vec3{0.0, 1.0, 0.0});
    EXPECT_GT(gs::dot(offset, ship_up), 0.0);   // above
    EXPECT_GT(gs::dot(view_row(f, 1), ship_up), 0.9);   // and upright: the ship's up is up
}

TEST(Camera, WheelNotchesScaleTheDistanceByOnePointTwoWithinLimits) {
    gc::Camera camera;
    camera.zoom(1.0);
    EXPECT_NEAR(camera.distance_m(), 60.0 / 1.2, 1e-9);
    camera.zoom(-2.0);
    EXPECT_NEAR(camera.distance_m(), 60.0 * 1.2, 1e-9);
    camera.zoom(1000.0);
    EXPECT_DOUBLE_EQ(camera.distance_m(), 10.0);
    camera.zoom(-1000.0);
    EXPECT_DOUBLE_EQ(camera.distance_m(), 1.0e6);
    // The limit holds after any number of notches: one notch back moves off it at once.
    camera.zoom(1.0);
    EXPECT_NEAR(camera.distance_m(), 1.0e6 / 1.2, 1e-6);
}

TEST(Camera, OrbitKeepsOutsideOneAndAHalfBodyRadii) {
    Scene s;
    gc::Camera camera;
    camera.set_mode(gc::CameraMode::Orbit);
    camera.set_focus(s.earth_ref());
    const double radius = s.world.bodies[static_cast<std::size_t>(s.earth)].def.mean_radius_m;
    gc::CameraFrame f = camera.frame(s.world, s.ship, kWidth, kHeight);
    const gs::Vec3 earth = s.world.bodies[static_cast<std::size_t>(s.earth)].position_m;
    EXPECT_NEAR(gs::norm(f.eye_m - earth), 4.0 * radius, 1e-3);   // a new focus: 4 radii
    camera.zoom(1000.0);
    f = camera.frame(s.world, s.ship, kWidth, kHeight);
    EXPECT_NEAR(gs::norm(f.eye_m - earth), 1.5 * radius, 1e-3);
    camera.zoom(-1000.0);
    f = camera.frame(s.world, s.ship, kWidth, kHeight);
    EXPECT_NEAR(gs::norm(f.eye_m - earth), 1.0e13, 1e3);
    double x = 0.0;
    double y = 0.0;
    ASSERT_TRUE(gc::project_to_screen(f, earth, &x, &y, nullptr));
    EXPECT_NEAR(x, kWidth / 2.0, 1e-3);
}

TEST(Camera, DragOrbitsAroundTheFocusAtAConstantDistanceAndPitchStopsShortOfThePole) {
    Scene s;
    gc::Camera camera;
    camera.set_mode(gc::CameraMode::Orbit);
    camera.set_focus(s.earth_ref());
    const gs::Vec3 earth = s.world.bodies[static_cast<std::size_t>(s.earth)].position_m;
    const gc::CameraFrame before = camera.frame(s.world, s.ship, kWidth, kHeight);
    camera.drag(200.0, 0.0, 1.0);   // 200 px at 0.005 rad/px: 1 rad of yaw
    const gc::CameraFrame after = camera.frame(s.world, s.ship, kWidth, kHeight);
    EXPECT_NEAR(gs::norm(after.eye_m - earth), gs::norm(before.eye_m - earth), 1e-3);
    EXPECT_GT(angle_between(after.eye_m - earth, before.eye_m - earth), 0.5);
    camera.drag(0.0, 1.0e6, 1.0);
    const gc::CameraFrame top = camera.frame(s.world, s.ship, kWidth, kHeight);
    const gs::Vec3 ecliptic_pole = gs::reference_plane_normal(s.world, 0);
    const double from_pole = angle_between(top.eye_m - earth, ecliptic_pole);
    EXPECT_GT(from_pole, 0.0);
    EXPECT_LT(from_pole, 2e-3);   // clamped 1e-3 rad short of the pole
    for (float v : top.view) EXPECT_TRUE(std::isfinite(v));
}

TEST(Camera, MapLooksDownTheEclipticFromThreeAuAndToggles) {
    Scene s;
    gc::Camera camera;
    camera.set_mode(gc::CameraMode::Orbit);
    camera.toggle_map();
    EXPECT_EQ(camera.mode(), gc::CameraMode::Map);
    const gc::CameraFrame f = camera.frame(s.world, s.ship, kWidth, kHeight);
    const gs::Vec3 sun = s.world.bodies[0].position_m;
    EXPECT_NEAR(gs::norm(f.eye_m - sun), 4.5e11, 1.0);
    const gs::Vec3 pole = gs::reference_plane_normal(s.world, 0);
    EXPECT_LT(angle_between(-forward(f), pole), 1e-3);   // looking straight down
    camera.toggle_map();
    EXPECT_EQ(camera.mode(), gc::CameraMode::Orbit);
}

TEST(Camera, MapCentresOnTheFocusWhenOneIsSet) {
    Scene s;
    gc::Camera camera;
    camera.set_focus(s.earth_ref());
    camera.set_mode(gc::CameraMode::Map);
    const gc::CameraFrame f = camera.frame(s.world, s.ship, kWidth, kHeight);
    double x = 0.0;
    double y = 0.0;
    ASSERT_TRUE(gc::project_to_screen(
        f, s.world.bodies[static_cast<std::size_t>(s.earth)].position_m, &x, &y, nullptr));
    EXPECT_NEAR(x, kWidth / 2.0, 1e-3);
    EXPECT_NEAR(y, kHeight / 2.0, 1e-3);
}

TEST(Camera, WithoutAShipChaseFallsBackToOrbitingEarth) {
    Scene s;
    const gc::CameraFrame f = gc::Camera{}.frame(s.world, 0, kWidth, kHeight);
    const gs::Vec3 earth = s.world.bodies[static_cast<std::size_t>(s.earth)].position_m;
    const double radius = s.world.bodies[static_cast<std::size_t>(s.earth)].def.mean_radius_m;
    EXPECT_NEAR(gs::norm(f.eye_m - earth), 4.0 * radius, 1e-3);
}

TEST(Camera, DisplayRadiiComeFromTheCatalogAndTheHulls) {
    Scene s;
    EXPECT_DOUBLE_EQ(gc::display_radius_m(s.world, s.earth_ref()),
                     s.world.bodies[static_cast<std::size_t>(s.earth)].def.mean_radius_m);
    EXPECT_DOUBLE_EQ(gc::display_radius_m(s.world, {gs::TargetKind::Ship, s.ship}),
                     gc::ship_display_radius_m(gs::ShipClass::FastFrigate));
    EXPECT_EQ(gc::display_radius_m(s.world, {gs::TargetKind::Ship, 999}), 0.0);
    EXPECT_EQ(gc::display_radius_m(s.world, {}), 0.0);
}

}  // namespace
