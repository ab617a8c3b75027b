// Deterministic transcendental functions.
//
// The C libraries of the native build (glibc) and of the WebAssembly build (Emscripten's musl)
// return different last bits for sin, cos, atan2 and friends, which would make the two targets
// diverge. Everything in the simulation step path uses these implementations instead: they are
// built from +, -, *, / and sqrt only (all correctly rounded under IEEE-754 with
// -ffp-contract=off), so both targets produce the same bits. Accuracy: within a few ulp of the
// true value (at most 1.5 ulp, atan2; <= 1 ulp for the rest) for every finite input;
// tests/sim-core/det_math_test.cpp measures it. NaN results' payload bits are not specified.
#pragma once

namespace galaxy::sim::dm {

inline constexpr double kPi = 3.14159265358979323846;
inline constexpr double kTwoPi = 6.28318530717958647692;
inline constexpr double kHalfPi = 1.57079632679489661923;
inline constexpr double kDegToRad = kPi / 180.0;

double sin(double x);              // x in rad, any finite x (argument reduced internally)
double cos(double x);              // x in rad, any finite x
void sincos(double x, double* s, double* c);  // both at once, same bits as sin()/cos()
double atan(double x);             // result in (-pi/2, pi/2)
double atan2(double y, double x);  // result in [-pi, pi]; C99 signed zeros: atan2(+-0, +0) = +-0,
                                   // atan2(+-0, -0) = +-pi
double asin(double x);             // x clamped to [-1, 1]; result in [-pi/2, pi/2]
double acos(double x);             // x clamped to [-1, 1]; result in [0, pi]
double exp(double x);              // overflows to +inf above ~709.78, 0 below ~-745
double log(double x);              // natural log; x > 0 (log(0) = -inf, log(<0) = NaN)
double cbrt(double x);             // real cube root, any sign
double wrap_two_pi(double x);      // x reduced to [0, 2 pi)

}  // namespace galaxy::sim::dm
