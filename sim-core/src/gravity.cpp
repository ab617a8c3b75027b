// Gravity kernels. Iteration order is fixed (bodies by index, particles by index), so the sums
// are the same on every target; no reassociation is allowed (no fast-math), so the compiler may
// vectorise across particles (independent lanes) but never reorder a particle's sum.
#include "gravity.hpp"

#include <algorithm>
#include <cmath>

namespace galaxy::sim {

void ParticleSet::resize(std::size_t n) {
    for (auto* v : {&x, &y, &z, &vx, &vy, &vz, &ax, &ay, &az}) v->resize(n);
    j2_body.resize(n);
}

void fill_body_field(const std::vector<Body>& bodies, BodyField* field) {
    const std::size_t n = bodies.size();
    field->x.resize(n);
    field->y.resize(n);
    field->z.resize(n);
    field->gm.resize(n);
    field->j2_gm_r2.resize(n);
    field->pole.resize(n);
    field->parent.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
        const Body& b = bodies[i];
        field->x[i] = b.position_m.x;
        field->y[i] = b.position_m.y;
        field->z[i] = b.position_m.z;
        field->gm[i] = b.def.gm_m3_s2;
        const double r = b.def.reference_radius_m;
        field->j2_gm_r2[i] = 1.5 * b.def.j2 * b.def.gm_m3_s2 * r * r;
        field->pole[i] = b.pole;
        field->parent[i] = b.parent_index;
    }
}

// The J2 zonal term of a body whose spin axis is the unit vector k:
//   a = 1.5 J2 GM R^2 / r^5 * [ (5 z^2 / r^2 - 1) r - 2 z k ],   z = r . k
// It is the gradient of the oblateness potential, so it conserves energy with a fixed axis.
Vec3 j2_acceleration(Vec3 r, Vec3 pole, double j2_gm_r2) {
    const double r2 = norm_squared(r);
    const double inv_r2 = 1.0 / r2;
    const double z = dot(r, pole);
    const double inv_r5 = inv_r2 * inv_r2 / std::sqrt(r2);
    const double f = j2_gm_r2 * inv_r5;
    return r * (f * (5.0 * z * z * inv_r2 - 1.0)) - pole * (2.0 * f * z);
}

void body_accelerations(const BodyField& field, std::vector<Vec3>* acc) {
    const std::size_t n = field.gm.size();
    acc->assign(n, Vec3{});
    Vec3* a = acc->data();
    for (std::size_t i = 0; i < n; ++i) {
        for (std::size_t j = i + 1; j < n; ++j) {
            const double dx = field.x[j] - field.x[i];
            const double dy = field.y[j] - field.y[i];
            const double dz = field.z[j] - field.z[i];
            const double r2 = dx * dx + dy * dy + dz * dz;
            const double inv_r3 = 1.0 / (r2 * std::sqrt(r2));
            const double fi = field.gm[j] * inv_r3;   // pull on i toward j
            const double fj = field.gm[i] * inv_r3;
            a[i].x += dx * fi;
            a[i].y += dy * fi;
            a[i].z += dz * fi;
            a[j].x -= dx * fj;
            a[j].y -= dy * fj;
            a[j].z -= dz * fj;
        }
    }
    for (std::size_t c = 0; c < n; ++c) {
        const std::int32_t p = field.parent[c];
        if (p < 0 || field.j2_gm_r2[static_cast<std::size_t>(p)] == 0.0) continue;
        const std::size_t pi = static_cast<std::size_t>(p);
        const Vec3 r{field.x[c] - field.x[pi], field.y[c] - field.y[pi], field.z[c] - field.z[pi]};
        const Vec3 ac = j2_acceleration(r, field.pole[pi], field.j2_gm_r2[pi]);
        a[c] += ac;
        // Reaction on the parent (masses in the ratio of their GMs): momentum is conserved.
        a[pi] -= ac * (field.gm[c] / field.gm[pi]);
    }
}

namespace {

// One body's point-mass pull added to n particles. Separate, with restrict-qualified pointers,
// so the compiler knows nothing aliases and vectorises across particles (two doubles per SSE2
// or WASM SIMD lane pair); each particle's own sum keeps its order. Natively an AVX clone
// (four doubles) is chosen at run time where the CPU has AVX: the same IEEE operations per lane
// (and no FMA: -ffp-contract=off), so the bits are the same as the SSE2 path's.
#if defined(__x86_64__) && !defined(__SANITIZE_ADDRESS__)
__attribute__((target_clones("avx", "default")))
#endif
void add_point_mass(const double* __restrict px, const double* __restrict py,
                    const double* __restrict pz, double* __restrict ax, double* __restrict ay,
                    double* __restrict az, std::size_t n, double bx, double by, double bz,
                    double gm) {
    for (std::size_t i = 0; i < n; ++i) {
        const double dx = bx - px[i];
        const double dy = by - py[i];
        const double dz = bz - pz[i];
        const double r2 = dx * dx + dy * dy + dz * dz;
        const double f = gm / (r2 * std::sqrt(r2));
        ax[i] += dx * f;
        ay[i] += dy * f;
        az[i] += dz * f;
    }
}

}  // namespace

void particle_accelerations(const BodyField& field, ParticleSet* p) {
    const std::size_t n = p->size();
    const std::size_t nb = field.gm.size();
    std::fill(p->ax.begin(), p->ax.end(), 0.0);
    std::fill(p->ay.begin(), p->ay.end(), 0.0);
    std::fill(p->az.begin(), p->az.end(), 0.0);
    // Blocks keep a block's accumulators in L1 while every body passes over them.
    constexpr std::size_t kBlock = 256;
    for (std::size_t begin = 0; begin < n; begin += kBlock) {
        const std::size_t count = std::min(n, begin + kBlock) - begin;
        for (std::size_t j = 0; j < nb; ++j) {
            add_point_mass(p->x.data() + begin, p->y.data() + begin, p->z.data() + begin,
                           p->ax.data() + begin, p->ay.data() + begin, p->az.data() + begin, count,
                           field.x[j], field.y[j], field.z[j], field.gm[j]);
        }
    }
    for (std::size_t i = 0; i < n; ++i) {
        const std::int32_t jb = p->j2_body[i];
        if (jb < 0) continue;
        const std::size_t b = static_cast<std::size_t>(jb);
        const Vec3 r{p->x[i] - field.x[b], p->y[i] - field.y[b], p->z[i] - field.z[b]};
        const Vec3 a = j2_acceleration(r, field.pole[b], field.j2_gm_r2[b]);
        p->ax[i] += a.x;
        p->ay[i] += a.y;
        p->az[i] += a.z;
    }
}

}  // namespace galaxy::sim
