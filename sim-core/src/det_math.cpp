// Deterministic transcendental functions (see det_math.hpp for the contract).
//
// Only +, -, *, /, sqrt, comparisons and integer/bit operations are used, each of which is
// correctly rounded IEEE-754 on x86-64 (SSE2) and on WebAssembly, so with -ffp-contract=off the
// native and WASM builds return the same bits. The algorithms follow the classic fdlibm / musl
// designs (argument reduction + minimax polynomial on a small interval); the polynomial
// coefficients are the published fdlibm ones.
//
// [SECTION] Bit helpers
// [SECTION] Argument reduction by pi/2 (Cody-Waite, Payne-Hanek)
// [SECTION] sin, cos, sincos
// [SECTION] atan, atan2
// [SECTION] asin, acos
// [SECTION] exp, log
// [SECTION] cbrt
// [SECTION] wrap_two_pi

#include "galaxy/sim/det_math.hpp"

#include <cmath>
#include <cstdint>
#include <cstring>

namespace galaxy::sim::dm {
namespace {

// [SECTION] Bit helpers

// memcpy as the bit cast: Emscripten 3.1.6 ships libc++ 13, which has no std::bit_cast.
std::uint64_t to_bits(double x) {
    std::uint64_t u = 0;
    std::memcpy(&u, &x, sizeof u);
    return u;
}
double from_bits(std::uint64_t u) {
    double x = 0.0;
    std::memcpy(&x, &u, sizeof x);
    return x;
}

// 2^k for k in [-1022, 1023], built from the exponent field (exact, no libm ldexp).
double pow2(int k) { return from_bits(static_cast<std::uint64_t>(k + 1023) << 52); }

// Upper 32 bits of the representation (sign, exponent, top 20 mantissa bits), as fdlibm uses.
std::uint32_t high_word(double x) { return static_cast<std::uint32_t>(to_bits(x) >> 32); }

// x with the low 32 mantissa bits cleared: its square is exact (fdlibm's "df" trick).
double clear_low_word(double x) { return from_bits(to_bits(x) & 0xFFFFFFFF00000000ULL); }

double quiet_nan() { return from_bits(0x7FF8000000000000ULL); }
double infinity() { return from_bits(0x7FF0000000000000ULL); }

// Rounds |v| < 2^51 to the nearest integer (ties to even): adding 1.5 * 2^52 pushes the
// fraction bits out of the mantissa. Not folded away because fast-math is off.
constexpr double kRoundShift = 0x1.8p52;
double round_to_int(double v) { return (v + kRoundShift) - kRoundShift; }

// Dekker's exact product: a * b == p + err exactly (Veltkamp split at 2^27 + 1). Needs no FMA,
// which -ffp-contract=off forbids anyway.
void two_prod(double a, double b, double* p, double* err) {
    constexpr double kSplit = 134217729.0;  // 2^27 + 1
    const double ca = kSplit * a;
    const double a_hi = ca - (ca - a);
    const double a_lo = a - a_hi;
    const double cb = kSplit * b;
    const double b_hi = cb - (cb - b);
    const double b_lo = b - b_hi;
    *p = a * b;
    *err = ((a_hi * b_hi - *p) + a_hi * b_lo + a_lo * b_hi) + a_lo * b_lo;
}

// Knuth's TwoSum: a + b == *s + *err exactly, whatever the magnitudes.
void two_sum(double a, double b, double* s, double* err) {
    *s = a + b;
    const double bv = *s - a;
    *err = (a - (*s - bv)) + (b - bv);
}

// [SECTION] Argument reduction by pi/2

// x == n * pi/2 + (hi + lo) with |hi + lo| <= ~pi/4; hi + lo carries ~100 correct bits.
struct Reduced {
    std::int64_t n;
    double hi;
    double lo;
};

constexpr double kPio4 = 0x1.921fb54442d18p-1;        // pi/4 rounded down (rad)
constexpr double kPio2Hi = 0x1.921fb54442d18p+0;      // pi/2 rounded (rad)
constexpr double kPio2Lo = 0x1.1a62633145c07p-54;     // pi/2 - kPio2Hi (rad)
constexpr double kTwoOverPi = 0x1.45f306dc9c883p-1;   // 2/pi rounded
constexpr double kCodyWaiteLimit = 0x1p30;            // |x| below this: Cody-Waite (rad)

// Cody-Waite: pi/2 split into 21-bit pieces at fixed bit windows (piece i holds the bits of
// pi/2 from 2^(-21 i) to 2^(-21 i - 20)). With |n| < 2^32, n * piece is exact (21 + 32 bits),
// so each subtraction's only error is captured exactly by TwoSum. 8 pieces = 168 bits of pi/2.
constexpr double kPio2Piece[8] = {
    0x1.921fb00000000p+0,   0x1.5110a00000000p-22,  0x1.4611a00000000p-42,
    0x1.898cc00000000p-64,  0x1.45c0400000000p-86,  0x1.7073400000000p-105,
    0x1.2902400000000p-127, 0x1.c111400000000p-148,
};
// After pieces 0..i are subtracted, the rest of pi/2 is below 2^(-21 (i+1) + 1).
constexpr double kPio2RestBound[8] = {
    0x1p-20, 0x1p-41, 0x1p-62, 0x1p-83, 0x1p-104, 0x1p-125, 0x1p-146, 0x1p-167,
};

Reduced reduce_cody_waite(double x) {
    const double fn = round_to_int(x * kTwoOverPi);
    // x and fn * piece0 are within a factor 2 of each other when fn != 0, so this is exact
    // (Sterbenz); for fn == 0 it is trivially exact.
    double s = x - fn * kPio2Piece[0];
    double tail = 0.0;
    for (int i = 1; i < 8; ++i) {
        double t = 0.0;
        double err = 0.0;
        two_sum(s, -(fn * kPio2Piece[i]), &t, &err);
        s = t;
        tail += err;
        // Stop once the pieces still to come cannot change the result by 2^-64 relative;
        // near-multiples of pi/2 (small s) automatically take more pieces.
        if (std::fabs(fn) * kPio2RestBound[i] < std::fabs(s) * 0x1p-64) {
            break;
        }
    }
    const double hi = s + tail;
    return Reduced{static_cast<std::int64_t>(fn), hi, tail - (hi - s)};
}

// 2/pi in binary, 32 bits per word, preceded by one zero word so that windows starting up to
// 32 bits before the binary point read zeros. 1280 bits cover every double exponent.
constexpr std::uint32_t kTwoOverPiBits[41] = {
    0x00000000, 0xA2F9836E, 0x4E441529, 0xFC2757D1, 0xF534DDC0, 0xDB629599, 0x3C439041,
    0xFE5163AB, 0xDEBBC561, 0xB7246E3A, 0x424DD2E0, 0x06492EEA, 0x09D1921C, 0xFE1DEB1C,
    0xB129A73E, 0xE88235F5, 0x2EBB4484, 0xE99C7026, 0xB45F7E41, 0x3991D639, 0x835339F4,
    0x9C845F8B, 0xBDF9283B, 0x1FF897FF, 0xDE05980F, 0xEF2F118B, 0x5A0A6D1F, 0x6D367ECF,
    0x27CB09B7, 0x4F463F66, 0x9E5FEA2D, 0x7527BAC7, 0xEBE5F17B, 0x3D0739F7, 0x8A5292EA,
    0x6BFB5FB1, 0x1F8D5D08, 0x56033046, 0xFC7B6BAB, 0xF0CFBC20, 0x9AF4361D,
};

// Payne-Hanek reduction for 2^30 <= |x| < inf: x = m * 2^e with a 53-bit integer m, and
// x * 2/pi mod 4 only depends on the bits of 2/pi from 2^-(e-1) onwards. A 192-bit window of
// them times m gives the quadrant (2 bits) and 190 fraction bits exactly; the window's
// truncation costs < 2^-137 of a quadrant, far below the closest approach of any double to a
// multiple of pi/2 (about 2^-61 of a quadrant).
Reduced reduce_payne_hanek(double x) {
    const std::uint64_t bits = to_bits(x) & 0x7FFFFFFFFFFFFFFFULL;
    const int e = static_cast<int>(bits >> 52) - 1075;  // |x| = m * 2^e, e >= -22 here
    const std::uint64_t m = (bits & 0x000FFFFFFFFFFFFFULL) | 0x0010000000000000ULL;

    // Window of 192 bits of 2/pi starting at bit index e - 1 (bit 1 is the 2^-1 bit), stored
    // little-endian in 32-bit limbs.
    const int start = e + 30;  // bit position in kTwoOverPiBits (after the zero word)
    const int word = start / 32;
    const int shift = start % 32;
    std::uint64_t win[6];
    for (int j = 0; j < 6; ++j) {
        const std::uint64_t a = kTwoOverPiBits[word + j];
        const std::uint64_t b = kTwoOverPiBits[word + j + 1];
        win[5 - j] = ((a << shift) | (b >> (32 - shift))) & 0xFFFFFFFFULL;
    }

    // prod = (m * window) mod 2^192: the value x * 2/pi mod 4 is prod / 2^190.
    const std::uint64_t m_lo = m & 0xFFFFFFFFULL;
    const std::uint64_t m_hi = m >> 32;
    std::uint64_t prod[6];
    std::uint64_t carry = 0;
    for (int i = 0; i < 6; ++i) {
        const std::uint64_t t = m_lo * win[i] + carry;
        prod[i] = t & 0xFFFFFFFFULL;
        carry = t >> 32;
    }
    carry = 0;
    for (int i = 0; i + 1 < 6; ++i) {
        const std::uint64_t t = m_hi * win[i] + prod[i + 1] + carry;
        prod[i + 1] = t & 0xFFFFFFFFULL;
        carry = t >> 32;
    }

    // Split into quadrant q (top 2 bits) and the fraction f (190 bits) as three 64-bit words
    // holding f * 2^192 (f shifted up to the top).
    std::int64_t q = static_cast<std::int64_t>(prod[5] >> 30);
    std::uint64_t w2 = ((prod[5] << 32) | prod[4]) << 2 | (prod[3] >> 30);
    std::uint64_t w1 = ((prod[3] << 32) | prod[2]) << 2 | (prod[1] >> 30);
    std::uint64_t w0 = ((prod[1] << 32) | prod[0]) << 2;
    bool negative = false;
    if ((w2 >> 63) != 0) {  // f >= 1/2: round the quadrant up, f becomes f - 1 (two's complement)
        q += 1;
        negative = true;
        w0 = ~w0 + 1;
        w1 = ~w1 + (w0 == 0 ? 1 : 0);
        w2 = ~w2 + (w0 == 0 && w1 == 0 ? 1 : 0);
    }
    // Normalise so the leading one is bit 63 of w2 (f is never below ~2^-62 for a double, but
    // the bound keeps the loop finite regardless); scale tracks the shift.
    int scale = 0;
    while ((w2 >> 63) == 0 && scale < 192) {
        w2 = (w2 << 1) | (w1 >> 63);
        w1 = (w1 << 1) | (w0 >> 63);
        w0 <<= 1;
        ++scale;
    }
    // f = (hi53 * 2^-53 + lo53 * 2^-106) * 2^-scale, both parts exact doubles.
    const double f_hi = static_cast<double>(w2 >> 11) * 0x1p-53 * pow2(-scale);
    const double f_lo =
        static_cast<double>(((w2 & 0x7FFULL) << 42) | (w1 >> 22)) * 0x1p-106 * pow2(-scale);

    // y = f * pi/2 in double-double.
    double p = 0.0;
    double p_err = 0.0;
    two_prod(f_hi, kPio2Hi, &p, &p_err);
    const double lo = p_err + (f_hi * kPio2Lo + f_lo * kPio2Hi);
    const double hi = p + lo;
    const double sign = (negative != (x < 0.0)) ? -1.0 : 1.0;
    return Reduced{x < 0.0 ? -q : q, sign * hi, sign * (lo - (hi - p))};
}

// Any x; NaN and +-inf give a NaN remainder, which every caller passes through to its result.
Reduced reduce_pio2(double x) {
    if (!std::isfinite(x)) {
        return Reduced{0, x - x, 0.0};
    }
    const double ax = std::fabs(x);
    if (ax <= kPio4) {
        return Reduced{0, x, 0.0};
    }
    if (ax < kCodyWaiteLimit) {
        return reduce_cody_waite(x);
    }
    return reduce_payne_hanek(x);
}

// [SECTION] sin, cos, sincos

// fdlibm kernels on |x + y| <= ~pi/4 (y is the low part of the reduced argument): degree-13
// odd / degree-14 even minimax polynomials, error < 1 ulp.
constexpr double kS[6] = {-1.66666666666666324348e-01, 8.33333333332248946124e-03,
                          -1.98412698298579493134e-04, 2.75573137070700676789e-06,
                          -2.50507602534068634195e-08, 1.58969099521155010221e-10};
constexpr double kC[6] = {4.16666666666666019037e-02,  -1.38888888888741095749e-03,
                          2.48015872894767294178e-05,  -2.75573143513906633035e-07,
                          2.08757232129817482790e-09,  -1.13596475577881948265e-11};

double kernel_sin(double x, double y) {
    const double z = x * x;
    const double w = z * z;
    const double r = kS[1] + z * (kS[2] + z * kS[3]) + z * w * (kS[4] + z * kS[5]);
    const double v = z * x;
    return x - ((z * (0.5 * y - v * r) - y) - v * kS[0]);
}

double kernel_cos(double x, double y) {
    const double z = x * x;
    const double w = z * z;
    const double r =
        z * (kC[0] + z * (kC[1] + z * kC[2])) + w * w * (kC[3] + z * (kC[4] + z * kC[5]));
    const double hz = 0.5 * z;
    const double a = 1.0 - hz;
    // (1 - a) - hz recovers the rounding error of 1 - hz, keeping the result within 1 ulp.
    return a + (((1.0 - a) - hz) + (z * r - x * y));
}

// sin(n pi/2 + y) by quadrant; cos(x) is sin in the next quadrant (cos x = sin(x + pi/2)).
double sin_quadrant(std::int64_t n, const Reduced& r) {
    switch (n & 3) {
        case 0: return kernel_sin(r.hi, r.lo);
        case 1: return kernel_cos(r.hi, r.lo);
        case 2: return -kernel_sin(r.hi, r.lo);
        default: return -kernel_cos(r.hi, r.lo);
    }
}

// [SECTION] atan, atan2

// fdlibm atan: atan(x) for x in [0, 7/16] by an odd polynomial; larger x is first mapped into
// that range with atan(x) = atan(c) + atan((x - c) / (1 + c x)) for c = 1/2, 1, 3/2, inf.
constexpr double kAtanHi[4] = {4.63647609000806093515e-01, 7.85398163397448278999e-01,
                               9.82793723247329054082e-01, 1.57079632679489655800e+00};
constexpr double kAtanLo[4] = {2.26987774529616870924e-17, 3.06161699786838301793e-17,
                               1.39033110312309984516e-17, 6.12323399573676603587e-17};
constexpr double kAT[11] = {
    3.33333333333329318027e-01,  -1.99999999998764832476e-01, 1.42857142725034663711e-01,
    -1.11111104054623557880e-01, 9.09088713343650656196e-02,  -7.69187620504482999495e-02,
    6.66107313738753120669e-02,  -5.83357013379057348645e-02, 4.97687799461593236017e-02,
    -3.65315727442169155270e-02, 1.62858201153657823623e-02,
};

constexpr double kPiHi = 0x1.921fb54442d18p+1;   // pi rounded (rad)
constexpr double kPiLo = 0x1.1a62633145c07p-53;  // pi - kPiHi (rad)

}  // namespace

double sin(double x) {
    const Reduced r = reduce_pio2(x);
    return sin_quadrant(r.n, r);
}

double cos(double x) {
    const Reduced r = reduce_pio2(x);
    return sin_quadrant(r.n + 1, r);
}

void sincos(double x, double* s, double* c) {
    // Same reduction and kernels as sin() and cos(), hence the same bits.
    const Reduced r = reduce_pio2(x);
    *s = sin_quadrant(r.n, r);
    *c = sin_quadrant(r.n + 1, r);
}

double atan(double x) {
    if (std::isnan(x)) {
        return x;
    }
    const bool negative = x < 0.0;
    double ax = std::fabs(x);
    if (ax >= 0x1p66) {  // atan(x) rounds to +-pi/2 (this also covers +-inf)
        return negative ? -kHalfPi : kHalfPi;
    }
    int id = -1;
    if (ax < 0.4375) {
        if (ax < 0x1p-27) {
            return x;  // x^3/3 is below half an ulp
        }
    } else if (ax < 1.1875) {
        if (ax < 0.6875) {
            id = 0;
            ax = (2.0 * ax - 1.0) / (2.0 + ax);
        } else {
            id = 1;
            ax = (ax - 1.0) / (ax + 1.0);
        }
    } else if (ax < 2.4375) {
        id = 2;
        ax = (ax - 1.5) / (1.0 + 1.5 * ax);
    } else {
        id = 3;
        ax = -1.0 / ax;
    }
    // Odd and even coefficients evaluated separately (two shorter Horner chains).
    const double z = ax * ax;
    const double w = z * z;
    const double s1 =
        z * (kAT[0] + w * (kAT[2] + w * (kAT[4] + w * (kAT[6] + w * (kAT[8] + w * kAT[10])))));
    const double s2 = w * (kAT[1] + w * (kAT[3] + w * (kAT[5] + w * (kAT[7] + w * kAT[9]))));
    const double r = id < 0 ? ax - ax * (s1 + s2)
                            : kAtanHi[id] - ((ax * (s1 + s2) - kAtanLo[id]) - ax);
    return negative ? -r : r;
}

// C99 / fdlibm conventions for zeros and infinities: atan2(+-0, +0) = +-0,
// atan2(+-0, -0) = +-pi, atan2(+-inf, +-inf) = +-pi/4 or +-3pi/4.
double atan2(double y, double x) {
    if (std::isnan(x) || std::isnan(y)) {
        return x + y;
    }
    if (x == 1.0) {
        return atan(y);
    }
    // m bit 0: y negative; bit 1: x negative (sign bits, so -0 counts as negative).
    const unsigned m = static_cast<unsigned>(to_bits(y) >> 63) |
                       (static_cast<unsigned>(to_bits(x) >> 63) << 1);
    if (y == 0.0) {
        return m < 2 ? y : (m == 2 ? kPiHi : -kPiHi);
    }
    if (std::isinf(x)) {
        // +-pi/4 or +-3pi/4 when y is infinite too, else +-0 or +-pi.
        const double a = std::isinf(y) ? ((m & 2) != 0 ? 0.75 * kPiHi : 0.25 * kPiHi)
                                       : ((m & 2) != 0 ? kPiHi : 0.0);
        return (m & 1) != 0 ? -a : a;
    }
    if (x == 0.0 || std::isinf(y)) {
        return (m & 1) != 0 ? -kHalfPi : kHalfPi;
    }
    // Exponent difference decides whether |y/x| is huge or negligible (fdlibm).
    const int ey = static_cast<int>((to_bits(y) >> 52) & 0x7FF);
    const int ex = static_cast<int>((to_bits(x) >> 52) & 0x7FF);
    const int k = ey - ex;
    if (k > 60) {  // |y/x| > 2^60: the angle is +-pi/2 to within an ulp
        return (m & 1) != 0 ? -kHalfPi : kHalfPi;
    }
    // |y/x| < 2^-60 with x < 0: the angle is +-pi to within an ulp.
    const double z = ((m & 2) != 0 && k < -60) ? 0.0 : atan(std::fabs(y / x));
    switch (m) {
        case 0: return z;
        case 1: return -z;
        case 2: return kPiHi - (z - kPiLo);
        default: return (z - kPiLo) - kPiHi;
    }
}

namespace {

// [SECTION] asin, acos

// fdlibm: asin(x) = x + x^3 R(x^2) on |x| < 1/2 with the rational minimax R = P/Q; beyond 1/2,
// asin(x) = pi/2 - 2 asin(sqrt((1 - x) / 2)), with sqrt split so the square is exact.
constexpr double kPS[6] = {1.66666666666666657415e-01,  -3.25565818622400915405e-01,
                           2.01212532134862925881e-01,  -4.00555345006794114027e-02,
                           7.91534994289814532176e-04,  3.47933107596021167570e-05};
constexpr double kQS[4] = {-2.40339491173441421878e+00, 2.02094576023350569471e+00,
                           -6.88283971605453293030e-01, 7.70381505559019352791e-02};

double asin_rational(double z) {
    const double p =
        z * (kPS[0] + z * (kPS[1] + z * (kPS[2] + z * (kPS[3] + z * (kPS[4] + z * kPS[5])))));
    const double q = 1.0 + z * (kQS[0] + z * (kQS[1] + z * (kQS[2] + z * kQS[3])));
    return p / q;
}

}  // namespace

double asin(double x) {
    if (std::isnan(x)) {
        return x;
    }
    const bool negative = x < 0.0;
    const double ax = std::fabs(x);
    if (ax >= 1.0) {  // clamped domain: asin(+-1) = +-pi/2
        const double r = kPio2Hi + kPio2Lo;
        return negative ? -r : r;
    }
    if (ax < 0.5) {
        if (ax < 0x1p-26) {
            return x;
        }
        return x + x * asin_rational(x * x);
    }
    const double z = (1.0 - ax) * 0.5;
    const double s = std::sqrt(z);
    const double r = asin_rational(z);
    double result = 0.0;
    if (ax >= 0.975) {
        result = kPio2Hi - (2.0 * (s + s * r) - kPio2Lo);
    } else {
        // s = f + c with f having a 21-bit mantissa, so f * f is exact.
        const double f = clear_low_word(s);
        const double c = (z - f * f) / (s + f);
        result = 0.5 * kPio2Hi - (2.0 * s * r - (kPio2Lo - 2.0 * c) - (0.5 * kPio2Hi - 2.0 * f));
    }
    return negative ? -result : result;
}

double acos(double x) {
    if (std::isnan(x)) {
        return x;
    }
    if (x >= 1.0) {
        return 0.0;  // clamped domain
    }
    if (x <= -1.0) {
        return 2.0 * kPio2Hi + 2.0 * kPio2Lo;  // pi, correctly rounded
    }
    if (std::fabs(x) < 0.5) {
        if (std::fabs(x) <= 0x1p-57) {
            return kPio2Hi + kPio2Lo;
        }
        return kPio2Hi - (x - (kPio2Lo - x * asin_rational(x * x)));
    }
    if (x < 0.0) {  // acos(x) = pi - 2 asin(sqrt((1 + x) / 2))
        const double z = (1.0 + x) * 0.5;
        const double s = std::sqrt(z);
        const double w = asin_rational(z) * s - kPio2Lo;
        return 2.0 * (kPio2Hi - (s + w));
    }
    // acos(x) = 2 asin(sqrt((1 - x) / 2)), with sqrt split into an exact-square head.
    const double z = (1.0 - x) * 0.5;
    const double s = std::sqrt(z);
    const double df = clear_low_word(s);
    const double c = (z - df * df) / (s + df);
    const double w = asin_rational(z) * s + c;
    return 2.0 * (df + w);
}

namespace {

// [SECTION] exp, log

// ln 2 split so that k * kLn2Hi is exact for |k| < 2^21 (kLn2Hi has 32 significant bits).
constexpr double kLn2Hi = 6.93147180369123816490e-01;
constexpr double kLn2Lo = 1.90821492927058770002e-10;
constexpr double kInvLn2 = 1.44269504088896338700e+00;
constexpr double kExpOverflow = 7.09782712893383973096e+02;   // above: exp(x) > DBL_MAX
constexpr double kExpUnderflow = -7.45133219101941108420e+02;  // below: exp(x) < 2^-1075

// fdlibm exp: Remez polynomial for R(r^2) in r (e^r + 1)/(e^r - 1) = 2 + r^2 R(r^2) ~ 2 + c.
constexpr double kP[5] = {1.66666666666666019037e-01, -2.77777777770155933842e-03,
                          6.61375632143793436117e-05, -1.65339022054652515390e-06,
                          4.13813679705723846039e-08};

// y * 2^k for y in [0.5, 2] and k in [-1080, 1030] (exact unless the result is subnormal).
double scale_by_pow2(double y, int k) {
    if (k > 1023) {
        return y * 2.0 * pow2(k - 1);
    }
    if (k < -1021) {
        // Scale into the normal range first, then one rounding into the subnormal range.
        return y * pow2(k + 1000) * 0x1p-1000;
    }
    return y * pow2(k);
}

// fdlibm log: x = 2^k (1 + f) with 1 + f in [sqrt(2)/2, sqrt(2)); log(1 + f) = 2s + s R(s^2)
// with s = f / (2 + f) and R a Remez polynomial.
constexpr double kLg[7] = {6.666666666666735130e-01, 3.999999999940941908e-01,
                           2.857142874366239149e-01, 2.222219843214978396e-01,
                           1.818357216161805012e-01, 1.531383769920937332e-01,
                           1.479819860511658591e-01};

}  // namespace

double exp(double x) {
    if (!(x <= kExpOverflow)) {
        return x > 0.0 ? infinity() : x;  // overflow, or NaN
    }
    if (x < kExpUnderflow) {
        return 0.0;
    }
    if (std::fabs(x) < 0x1p-28) {
        return 1.0 + x;
    }
    // Reduction: x = k ln2 + r with |r| <= ln2 / 2; hi - lo == r to ~2^-85.
    const double kf = round_to_int(x * kInvLn2);
    const double hi = x - kf * kLn2Hi;  // exact: kf * kLn2Hi is exact and close to x (Sterbenz)
    const double lo = kf * kLn2Lo;
    const double r = hi - lo;
    const double t = r * r;
    const double c = r - t * (kP[0] + t * (kP[1] + t * (kP[2] + t * (kP[3] + t * kP[4]))));
    const double y = 1.0 - ((lo - (r * c) / (2.0 - c)) - hi);
    return scale_by_pow2(y, static_cast<int>(kf));
}

double log(double x) {
    if (x == 0.0) {
        return -infinity();
    }
    if (!(x > 0.0) || std::isinf(x)) {
        return x > 0.0 ? x : quiet_nan();  // +inf stays; NaN and negatives give NaN
    }
    int k = 0;
    if (x < 0x1p-1022) {  // subnormal: scale up by 2^54 (exact)
        x *= 0x1p54;
        k -= 54;
    }
    // Move the mantissa into [sqrt(2)/2, sqrt(2)) by offsetting the high word so the exponent
    // carries over at sqrt(2) (0x3fe6a09e is the high word of sqrt(2)/2).
    std::uint32_t hx = high_word(x);
    hx += 0x3FF00000U - 0x3FE6A09EU;
    k += static_cast<int>(hx >> 20) - 0x3FF;
    hx = (hx & 0x000FFFFFU) + 0x3FE6A09EU;
    const double m =
        from_bits((static_cast<std::uint64_t>(hx) << 32) | (to_bits(x) & 0xFFFFFFFFULL));

    const double f = m - 1.0;
    const double hfsq = 0.5 * f * f;
    const double s = f / (2.0 + f);
    const double z = s * s;
    const double w = z * z;
    const double t1 = w * (kLg[1] + w * (kLg[3] + w * kLg[5]));
    const double t2 = z * (kLg[0] + w * (kLg[2] + w * (kLg[4] + w * kLg[6])));
    const double r = t2 + t1;
    const double dk = static_cast<double>(k);
    return s * (hfsq + r) + dk * kLn2Lo - hfsq + f + dk * kLn2Hi;
}

// [SECTION] cbrt

double cbrt(double x) {
    // Method (as in FreeBSD/musl): a bit-level guess accurate to ~5 bits (divide the exponent by
    // 3), a polynomial step to ~23 bits, rounding to 22 bits so t*t is exact, then one Newton
    // (Halley-like) step to < 0.667 ulp.
    constexpr std::uint32_t kB1 = 715094163;  // (1023 - 1023/3 - 0.03306235651) * 2^20
    constexpr std::uint32_t kB2 = 696219795;  // (1023 - 1023/3 - 54/3 - 0.03306235651) * 2^20
    constexpr double kCP[5] = {1.87595182427177009643, -1.88497979543377169875,
                               1.621429720105354466140, -0.758397934778766047437,
                               0.145996192886612446982};

    const std::uint64_t bits = to_bits(x);
    const std::uint64_t sign = bits & 0x8000000000000000ULL;
    std::uint32_t hx = static_cast<std::uint32_t>(bits >> 32) & 0x7FFFFFFFU;
    if (hx >= 0x7FF00000U) {
        return x + x;  // NaN or +-inf
    }
    if (hx < 0x00100000U) {  // zero or subnormal
        const double scaled = x * 0x1p54;
        hx = high_word(scaled) & 0x7FFFFFFFU;
        if (hx == 0) {
            return x;  // +-0
        }
        hx = hx / 3 + kB2;
    } else {
        hx = hx / 3 + kB1;
    }
    double t = from_bits(sign | (static_cast<std::uint64_t>(hx) << 32));

    // Polynomial refinement of t ~ cbrt(x): r = t^3 / x, error of t below 2^-23.
    double r = (t * t) * (t / x);
    t = t * ((kCP[0] + r * (kCP[1] + r * kCP[2])) + ((r * r) * r) * (kCP[3] + r * kCP[4]));

    // Round t away from zero to 22 significant bits (so t*t is exact and t >= cbrt(x)).
    t = from_bits((to_bits(t) + 0x80000000ULL) & 0xFFFFFFFFC0000000ULL);

    // One Newton step on t^3 = x, written to cancel the leading error term.
    const double s = t * t;
    r = x / s;
    const double w = t + t;
    r = (r - t) / (w + r);
    return t + t * r;
}

// [SECTION] wrap_two_pi

double wrap_two_pi(double x) {
    if (x == 0.0) {
        return 0.0;  // also maps -0 to +0
    }
    if (x > 0.0 && x < kTwoPi) {
        return x;  // already in range: returned unchanged, bit for bit
    }
    // x = n pi/2 + y; the result is (n mod 4) pi/2 + y, summed in double-double so that it is
    // rounded once. Table: k pi/2 for k = 0..4 as hi + lo (rad).
    constexpr double kQuadHi[5] = {0.0, 0x1.921fb54442d18p+0, 0x1.921fb54442d18p+1,
                                   0x1.2d97c7f3321d2p+2, 0x1.921fb54442d18p+2};
    constexpr double kQuadLo[5] = {0.0, 0x1.1a62633145c07p-54, 0x1.1a62633145c07p-53,
                                   0x1.a79394c9e8a0ap-53, 0x1.1a62633145c07p-52};
    const Reduced r = reduce_pio2(x);
    auto q = static_cast<unsigned>(r.n & 3);
    if (q == 0 && r.hi < 0.0) {
        q = 4;  // y in [-pi/4, 0): the result is 2 pi + y
    }
    double hi = 0.0;
    double err = 0.0;
    two_sum(kQuadHi[q], r.hi, &hi, &err);
    const double result = hi + (err + (kQuadLo[q] + r.lo));
    // A value within half an ulp below 2 pi rounds up to kTwoPi (which is itself < 2 pi); on
    // the circle it is closest to 0.
    return result >= kTwoPi ? 0.0 : result;
}

}  // namespace galaxy::sim::dm
