// GLSL ES 3.00 sources of the scene's programs. Every program takes positions relative to the
// camera's eye (floating origin) and writes a logarithmic depth, log2(1 + w) / log2(1 + far)
// with w the distance along the view axis, so 1 m and 1e14 m share one 24-bit depth buffer.
#pragma once

namespace galaxy::app::render::shaders {

extern const char* const kBodyVertex;     // ray-cast sphere impostor on a camera-facing quad
extern const char* const kBodyFragment;   // lit, rotating, procedural surface; exact depth
extern const char* const kGlowVertex;     // a camera-facing quad around a point
extern const char* const kGlowFragment;   // additive radial glow (the Sun)
extern const char* const kStarVertex;     // star directions at infinity as points
extern const char* const kStarFragment;
extern const char* const kMeshVertex;     // instanced ship and station meshes
extern const char* const kMeshFragment;
extern const char* const kLineVertex;     // orbit lines and the trajectory, per-vertex colour
extern const char* const kLineFragment;

}  // namespace galaxy::app::render::shaders
