#include "render/shaders.hpp"

namespace galaxy::app::render::shaders {

// The depth every fragment shader writes (see shaders.hpp); v_w is the clip-space w.
#define GALAXY_LOG_DEPTH                                                            \
    "uniform float u_log_depth;\n" /* 1 / log2(far + 1) */                         \
    "float log_depth(float w) { return log2(max(w, 1e-6) + 1.0) * u_log_depth; }\n"

// A quad facing the eye around u_center (view space, m), half-size u_half_size (m), from
// gl_VertexID 0..3 as a triangle strip; the corner in -1..1 goes to v_corner. The quad is
// shrunk toward the eye to 1 km away: the directions through it (all the fragment shaders
// use) do not change, and rasterisers interpolate badly across a quad whose w is ~1e11.
#define GALAXY_FACING_QUAD                                                          \
    "uniform mat4 u_proj;\n"                                                        \
    "uniform vec3 u_center;\n"                                                      \
    "uniform float u_half_size;\n"                                                  \
    "out vec3 v_view_pos;\n"                                                        \
    "out vec2 v_corner;\n"                                                          \
    "void main() {\n"                                                               \
    "  vec2 corner = vec2(float(gl_VertexID & 1), float(gl_VertexID >> 1)) * 2.0 - 1.0;\n" \
    "  vec3 d = normalize(u_center);\n"                                             \
    "  vec3 helper = abs(d.y) < 0.9 ? vec3(0.0, 1.0, 0.0) : vec3(1.0, 0.0, 0.0);\n" \
    "  vec3 u = normalize(cross(d, helper));\n"                                     \
    "  vec3 v = cross(u, d);\n"                                                     \
    "  vec3 p = (u_center + (u * corner.x + v * corner.y) * u_half_size)\n"         \
    "           * (1000.0 / length(u_center));\n"                                  \
    "  v_view_pos = p;\n"                                                           \
    "  v_corner = corner;\n"                                                        \
    "  gl_Position = u_proj * vec4(p, 1.0);\n"                                      \
    "}\n"

const char* const kBodyVertex =
    "#version 300 es\n"
    "precision highp float;\n"
    GALAXY_FACING_QUAD;

// The ray from the eye through the fragment meets the sphere at t = c / (b + sqrt(disc)):
// c = |centre|^2 - r^2 comes from the CPU in double (it is the small difference of two huge
// numbers near the surface), and disc = r^2 - |perpendicular|^2 avoids squaring |centre|, so
// a body both far away and close up gets a clean edge and an exact surface.
const char* const kBodyFragment =
    "#version 300 es\n"
    "precision highp float;\n"
    GALAXY_LOG_DEPTH
    "uniform vec3 u_center;\n"     // view space, m
    "uniform float u_radius;\n"    // as drawn, m
    "uniform float u_c;\n"         // |centre|^2 - radius^2, m^2
    "uniform mat3 u_to_body;\n"    // view space -> body-fixed axes
    "uniform vec3 u_light;\n"      // unit, view space, toward the Sun
    "uniform vec3 u_color;\n"
    "uniform int u_style;\n"       // 0 star, 1 rocky, 2 banded gas giant
    "uniform float u_seed;\n"
    "in vec3 v_view_pos;\n"
    "out vec4 o_color;\n"
    "float hash(vec3 p) {\n"
    "  p = fract(p * 0.3183099 + vec3(0.71, 0.113, 0.419));\n"
    "  p *= 17.0;\n"
    "  return fract(p.x * p.y * p.z * (p.x + p.y + p.z));\n"
    "}\n"
    "float noise(vec3 x) {\n"
    "  vec3 i = floor(x);\n"
    "  vec3 f = fract(x);\n"
    "  f = f * f * (3.0 - 2.0 * f);\n"
    "  return mix(mix(mix(hash(i), hash(i + vec3(1, 0, 0)), f.x),\n"
    "                 mix(hash(i + vec3(0, 1, 0)), hash(i + vec3(1, 1, 0)), f.x), f.y),\n"
    "             mix(mix(hash(i + vec3(0, 0, 1)), hash(i + vec3(1, 0, 1)), f.x),\n"
    "                 mix(hash(i + vec3(0, 1, 1)), hash(i + vec3(1, 1, 1)), f.x), f.y), f.z);\n"
    "}\n"
    "void main() {\n"
    "  vec3 dir = normalize(v_view_pos);\n"
    "  float b = dot(dir, u_center);\n"
    "  vec3 perp = u_center - dir * b;\n"
    "  float disc = u_radius * u_radius - dot(perp, perp);\n"
    "  if (disc < 0.0 || b <= 0.0) discard;\n"
    "  float t = u_c / (b + sqrt(disc));\n"
    "  vec3 hit = dir * t;\n"
    "  vec3 n = normalize(hit - u_center);\n"
    "  vec3 color;\n"
    "  if (u_style == 0) {\n"
    "    float mu = max(dot(n, -dir), 0.0);\n"
    "    color = u_color * (0.55 + 0.6 * mu);\n"   // limb darkening
    "  } else {\n"
    "    vec3 nb = u_to_body * n;\n"
    "    vec3 seed = vec3(u_seed, u_seed * 1.7, u_seed * 0.3);\n"
    "    vec3 albedo;\n"
    "    if (u_style == 2) {\n"
    "      float lat = asin(clamp(nb.z, -1.0, 1.0));\n"
    "      float swirl = noise(nb * 4.0 + seed);\n"
    "      float bands = 0.5 + 0.5 * sin(lat * 16.0 + swirl * 2.5);\n"
    "      float spots = smoothstep(0.72, 0.85, noise(nb * 9.0 + seed));\n"
    "      albedo = u_color * (0.72 + 0.42 * bands) * (1.0 - 0.25 * spots);\n"
    "    } else {\n"
    "      float terrain = 0.65 * noise(nb * 3.0 + seed) + 0.35 * noise(nb * 9.0 + seed);\n"
    "      albedo = u_color * (0.55 + 0.8 * terrain);\n"
    "    }\n"
    "    float sun = dot(n, u_light);\n"
    "    float lit = smoothstep(-0.08, 0.25, sun) * max(sun, 0.0) * 0.85 +\n"
    "                smoothstep(-0.08, 0.08, sun) * 0.15;\n"
    "    color = albedo * (0.035 + lit);\n"
    "  }\n"
    "  o_color = vec4(color, 1.0);\n"
    "  gl_FragDepth = log_depth(-hit.z);\n"
    "}\n";

const char* const kGlowVertex =
    "#version 300 es\n"
    "precision highp float;\n"
    GALAXY_FACING_QUAD;

const char* const kGlowFragment =
    "#version 300 es\n"
    "precision highp float;\n"
    "uniform vec3 u_color;\n"
    "in vec2 v_corner;\n"
    "out vec4 o_color;\n"
    "void main() {\n"
    "  float r2 = dot(v_corner, v_corner);\n"
    "  float glow = exp(-r2 * 9.0) * 0.9 + exp(-r2 * 2.5) * 0.25;\n"
    "  o_color = vec4(u_color * glow, 1.0);\n"
    "}\n";

const char* const kStarVertex =
    "#version 300 es\n"
    "precision highp float;\n"
    "uniform mat4 u_view_proj;\n"
    "uniform float u_point_scale;\n"   // device pixels per CSS pixel
    "layout(location = 0) in vec3 a_dir;\n"
    "layout(location = 1) in vec4 a_color;\n"   // rgb, a = size in px
    "out vec3 v_color;\n"
    "void main() {\n"
    "  gl_Position = u_view_proj * vec4(a_dir * 1000.0, 1.0);\n"
    "  gl_Position.z = gl_Position.w;\n"   // at infinity: behind everything
    "  gl_PointSize = a_color.a * u_point_scale;\n"
    "  v_color = a_color.rgb;\n"
    "}\n";

const char* const kStarFragment =
    "#version 300 es\n"
    "precision highp float;\n"
    "in vec3 v_color;\n"
    "out vec4 o_color;\n"
    "void main() {\n"
    "  vec2 d = gl_PointCoord * 2.0 - 1.0;\n"
    "  float fade = clamp(1.0 - dot(d, d), 0.0, 1.0);\n"
    "  o_color = vec4(v_color * fade, 1.0);\n"
    "}\n";

const char* const kMeshVertex =
    "#version 300 es\n"
    "precision highp float;\n"
    "uniform mat4 u_view_proj;\n"
    "layout(location = 0) in vec3 a_pos;\n"      // mesh, body frame, m
    "layout(location = 1) in vec3 a_normal;\n"
    "layout(location = 2) in vec3 i_offset;\n"   // instance centre minus the eye, ICRF, m
    "layout(location = 3) in vec4 i_quat;\n"     // body -> ICRF (x, y, z, w)
    "layout(location = 4) in float i_scale;\n"
    "layout(location = 5) in vec4 i_color;\n"
    "layout(location = 6) in vec3 i_light;\n"    // unit, ICRF, toward the Sun
    "out vec3 v_normal;\n"
    "out vec3 v_to_eye;\n"
    "out vec4 v_color;\n"
    "out vec3 v_light;\n"
    "out float v_w;\n"
    "vec3 rotate(vec4 q, vec3 v) {\n"
    "  vec3 t = 2.0 * cross(q.xyz, v);\n"
    "  return v + q.w * t + cross(q.xyz, t);\n"
    "}\n"
    "void main() {\n"
    "  vec3 p = i_offset + rotate(i_quat, a_pos * i_scale);\n"
    "  v_normal = rotate(i_quat, a_normal);\n"
    "  v_to_eye = -p;\n"
    "  v_color = i_color;\n"
    "  v_light = i_light;\n"
    "  gl_Position = u_view_proj * vec4(p, 1.0);\n"
    "  v_w = gl_Position.w;\n"
    "}\n";

const char* const kMeshFragment =
    "#version 300 es\n"
    "precision highp float;\n"
    GALAXY_LOG_DEPTH
    "in vec3 v_normal;\n"
    "in vec3 v_to_eye;\n"
    "in vec4 v_color;\n"
    "in vec3 v_light;\n"
    "in float v_w;\n"
    "out vec4 o_color;\n"
    "void main() {\n"
    "  vec3 n = normalize(v_normal);\n"
    "  float sun = max(dot(n, v_light), 0.0);\n"
    // A dim light from the eye, so a hull on the night side still shows its shape.
    "  float fill = max(dot(n, normalize(v_to_eye)), 0.0);\n"
    "  o_color = vec4(v_color.rgb * (0.12 + 0.75 * sun + 0.3 * fill), 1.0);\n"
    "  gl_FragDepth = log_depth(v_w);\n"
    "}\n";

const char* const kLineVertex =
    "#version 300 es\n"
    "precision highp float;\n"
    "uniform mat4 u_view_proj;\n"
    "layout(location = 0) in vec3 a_pos;\n"     // minus the eye, ICRF, m
    "layout(location = 1) in vec4 a_color;\n"
    "out vec4 v_color;\n"
    "out float v_w;\n"
    "void main() {\n"
    "  v_color = a_color;\n"
    "  gl_Position = u_view_proj * vec4(a_pos, 1.0);\n"
    "  v_w = gl_Position.w;\n"
    "}\n";

const char* const kLineFragment =
    "#version 300 es\n"
    "precision highp float;\n"
    GALAXY_LOG_DEPTH
    "in vec4 v_color;\n"
    "in float v_w;\n"
    "out vec4 o_color;\n"
    "void main() {\n"
    "  o_color = v_color;\n"
    "  gl_FragDepth = log_depth(v_w);\n"
    "}\n";

#undef GALAXY_LOG_DEPTH
#undef GALAXY_FACING_QUAD

}  // namespace galaxy::app::render::shaders
