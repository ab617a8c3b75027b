// The hulls are built from convex pieces: a piece's faces get normals pointing away from its
// centre, so the winding of the listed corners does not matter (the scene draws both sides).
#include "render/meshes.hpp"

#include <cmath>

#include "galaxy/sim/vec3.hpp"

namespace galaxy::app::render {
namespace {

constexpr double kPi = 3.14159265358979323846;

void push(std::vector<MeshVertex>* out, sim::Vec3 p, sim::Vec3 n) {
    out->push_back({{static_cast<float>(p.x), static_cast<float>(p.y), static_cast<float>(p.z)},
                    {static_cast<float>(n.x), static_cast<float>(n.y), static_cast<float>(n.z)}});
}

// A flat triangle of a convex piece around centre.
void triangle(std::vector<MeshVertex>* out, sim::Vec3 a, sim::Vec3 b, sim::Vec3 c,
              sim::Vec3 centre) {
    sim::Vec3 n = sim::normalized(sim::cross(b - a, c - a));
    if (sim::dot(n, (a + b + c) / 3.0 - centre) < 0.0) n = -n;
    push(out, a, n);
    push(out, b, n);
    push(out, c, n);
}

// An axis-aligned box from its centre and half-extents.
void box(std::vector<MeshVertex>* out, sim::Vec3 centre, sim::Vec3 half) {
    const auto corner = [&](int i) {
        return centre + sim::Vec3{(i & 1) ? half.x : -half.x, (i & 2) ? half.y : -half.y,
                                  (i & 4) ? half.z : -half.z};
    };
    // Each face as two triangles over corner indices (bit 0 = +x, bit 1 = +y, bit 2 = +z).
    static const int kFaces[6][4] = {{0, 2, 6, 4}, {1, 3, 7, 5}, {0, 1, 5, 4},
                                     {2, 3, 7, 6}, {0, 1, 3, 2}, {4, 5, 7, 6}};
    for (const auto& f : kFaces) {
        triangle(out, corner(f[0]), corner(f[1]), corner(f[2]), centre);
        triangle(out, corner(f[0]), corner(f[2]), corner(f[3]), centre);
    }
}

// A box from a to b (thickness half_width) along an arbitrary direction: the station's spokes.
void beam(std::vector<MeshVertex>* out, sim::Vec3 a, sim::Vec3 b, double half_width) {
    const sim::Vec3 axis = sim::normalized(b - a);
    const sim::Vec3 side = sim::normalized(sim::cross(axis, sim::Vec3{0.0, 0.0, 1.0})) * half_width;
    const sim::Vec3 up = sim::Vec3{0.0, 0.0, half_width};
    const sim::Vec3 centre = (a + b) / 2.0;
    const sim::Vec3 c[8] = {a - side - up, a + side - up, a + side + up, a - side + up,
                            b - side - up, b + side - up, b + side + up, b - side + up};
    static const int kQuads[6][4] = {{0, 1, 2, 3}, {4, 5, 6, 7}, {0, 1, 5, 4},
                                     {1, 2, 6, 5}, {2, 3, 7, 6}, {3, 0, 4, 7}};
    for (const auto& q : kQuads) {
        triangle(out, c[q[0]], c[q[1]], c[q[2]], centre);
        triangle(out, c[q[0]], c[q[2]], c[q[3]], centre);
    }
}

// A smooth torus in the xy-plane: major radius big_r, tube radius small_r.
void torus(std::vector<MeshVertex>* out, double big_r, double small_r, int around, int tube) {
    const auto point = [&](int i, int j, sim::Vec3* normal) {
        const double u = 2.0 * kPi * i / around;
        const double v = 2.0 * kPi * j / tube;
        const sim::Vec3 radial{std::cos(u), std::sin(u), 0.0};
        *normal = radial * std::cos(v) + sim::Vec3{0.0, 0.0, std::sin(v)};
        return radial * big_r + *normal * small_r;
    };
    for (int i = 0; i < around; ++i) {
        for (int j = 0; j < tube; ++j) {
            sim::Vec3 n[4];
            const sim::Vec3 p[4] = {point(i, j, &n[0]), point(i + 1, j, &n[1]),
                                    point(i + 1, j + 1, &n[2]), point(i, j + 1, &n[3])};
            for (const int k : {0, 1, 2, 0, 2, 3}) push(out, p[k], n[k]);
        }
    }
}

// A smooth cylinder along z with flat caps.
void cylinder(std::vector<MeshVertex>* out, double radius, double half_length, int sides) {
    const sim::Vec3 top{0.0, 0.0, half_length};
    const sim::Vec3 bottom{0.0, 0.0, -half_length};
    for (int i = 0; i < sides; ++i) {
        const double u0 = 2.0 * kPi * i / sides;
        const double u1 = 2.0 * kPi * (i + 1) / sides;
        const sim::Vec3 r0{std::cos(u0), std::sin(u0), 0.0};
        const sim::Vec3 r1{std::cos(u1), std::sin(u1), 0.0};
        const sim::Vec3 a = r0 * radius + bottom;
        const sim::Vec3 b = r1 * radius + bottom;
        const sim::Vec3 c = r1 * radius + top;
        const sim::Vec3 d = r0 * radius + top;
        push(out, a, r0);
        push(out, b, r1);
        push(out, c, r1);
        push(out, a, r0);
        push(out, c, r1);
        push(out, d, r0);
        triangle(out, top, d, c, sim::Vec3{});
        triangle(out, bottom, a, b, sim::Vec3{});
    }
}

}  // namespace

void build_cargo_hauler(std::vector<MeshVertex>* out) {
    out->clear();
    box(out, {0.0, 0.0, 0.0}, {5.0, 5.0, 14.0});      // cargo hold
    box(out, {0.0, 1.0, 17.0}, {3.0, 3.0, 3.0});      // cab, raised: the top is easy to tell
    box(out, {0.0, 0.0, -17.0}, {4.0, 4.0, 3.0});     // engine block
    box(out, {6.5, 0.0, -2.0}, {1.5, 0.5, 8.0});      // side tanks
    box(out, {-6.5, 0.0, -2.0}, {1.5, 0.5, 8.0});
}

void build_fast_frigate(std::vector<MeshVertex>* out) {
    out->clear();
    // A dart: nose at +12 m, swept wings to +-8 m at the tail, a dorsal ridge.
    const sim::Vec3 nose{0.0, 0.0, 12.0};
    const sim::Vec3 left{-8.0, 0.0, -12.0};
    const sim::Vec3 right{8.0, 0.0, -12.0};
    const sim::Vec3 top{0.0, 3.0, -8.0};
    const sim::Vec3 bottom{0.0, -1.5, -8.0};
    const sim::Vec3 tail{0.0, 0.0, -10.0};
    const sim::Vec3 centre{0.0, 0.3, -6.0};
    triangle(out, nose, top, left, centre);
    triangle(out, nose, right, top, centre);
    triangle(out, nose, left, bottom, centre);
    triangle(out, nose, bottom, right, centre);
    triangle(out, top, tail, left, centre);
    triangle(out, top, right, tail, centre);
    triangle(out, bottom, left, tail, centre);
    triangle(out, bottom, tail, right, centre);
}

void build_station(std::vector<MeshVertex>* out) {
    out->clear();
    torus(out, 40.0, 4.0, 48, 10);
    cylinder(out, 6.0, 12.0, 16);
    for (int i = 0; i < 4; ++i) {
        const double u = kPi / 4.0 + kPi / 2.0 * i;
        const sim::Vec3 dir{std::cos(u), std::sin(u), 0.0};
        beam(out, dir * 6.0, dir * 37.0, 1.2);
    }
}

}  // namespace galaxy::app::render
