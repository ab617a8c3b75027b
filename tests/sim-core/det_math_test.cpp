// Tests for galaxy::sim::dm (deterministic transcendental functions).
//
// Accuracy: each function is compared against the C library's long double version (the test may
// use libm; sim-core may not) on deterministic pseudo-random samples, and the largest error is
// asserted in units in the last place (ulp) of the double result.
//  - The header's contract is "a few ulp"; the project target is 4 ulp. The algorithms are
//    fdlibm-style and stay below 1 ulp, so the tests assert the tighter bound kMaxUlp = 1 to catch
//    a damaged coefficient or reduction step, which would show up as several ulp.
//  - atan2 gets kMaxUlpAtan2 = 2: it evaluates atan of the rounded quotient y/x, whose own
//    rounding adds up to ~0.5 ulp on top of atan's error (measured 1.48 ulp).
//  - Reference error: x86-64 long double has 64 mantissa bits, so the reference is ~2^-11 ulp
//    off at most. Under WebAssembly long double is a 113-bit software float, but musl's expl and
//    logl for it just call exp and log (error up to ~0.52 ulp), so exp/log allow 1 + 0.55 ulp
//    there. Both targets produce the same bits (GoldenHash below), so the native measurement is
//    the one that counts.
// Determinism: GoldenHash hashes the bits of many outputs and compares with a constant that both
// the native and the WebAssembly build must reproduce.

#include "galaxy/sim/det_math.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <string>

namespace dm = galaxy::sim::dm;

namespace {

// Samples per function and domain. long double is software-emulated under WebAssembly; the
// whole suite still runs in ~4 s under Node (~0.6 s natively).
constexpr int kSamples = 100000;
#ifdef __EMSCRIPTEN__
constexpr double kExpLogRefSlackUlp = 0.55;  // musl's ld128 expl/logl are the double versions
#else
constexpr double kExpLogRefSlackUlp = 0.0;
#endif
constexpr double kMaxUlp = 1.0;
constexpr double kMaxUlpAtan2 = 2.0;
// Reference constants as long double literals (musl's logl/expl would only give double ones).
constexpr long double kE = 2.718281828459045235360287471352662498L;
constexpr long double kLn2 = 0.693147180559945309417232121458176568L;

std::uint64_t bits_of(double x) {
    std::uint64_t u = 0;
    std::memcpy(&u, &x, sizeof u);
    return u;
}

// SplitMix64: same sequence on every target (integer arithmetic only).
class Rng {
public:
    explicit Rng(std::uint64_t seed) : state_(seed) {}
    std::uint64_t next() {
        std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
    // Uniform in [0, 1) with 53 random bits (exact conversion).
    double unit() { return static_cast<double>(next() >> 11) * 0x1p-53; }
    // Uniform in [lo, hi).
    double uniform(double lo, double hi) { return lo + (hi - lo) * unit(); }
    // |x| log-uniform over [2^lo_exp, 2^hi_exp), random sign if with_sign.
    double log_uniform(int lo_exp, int hi_exp, bool with_sign) {
        const auto span = static_cast<std::uint64_t>(hi_exp - lo_exp);
        const double v = std::ldexp(1.0 + unit(), lo_exp + static_cast<int>(next() % span));
        return (with_sign && (next() & 1) != 0) ? -v : v;
    }

private:
    std::uint64_t state_;
};

// |got - ref| in ulp of the double nearest ref (subnormal results: ulp = 2^-1074).
double ulp_error(double got, long double ref) {
    const auto ref_d = static_cast<double>(ref);
    if (std::isnan(got) || std::isnan(ref_d)) {
        return std::isnan(got) && std::isnan(ref_d) ? 0.0 : std::numeric_limits<double>::infinity();
    }
    if (std::isinf(got) || std::isinf(ref_d)) {
        return got == ref_d ? 0.0 : std::numeric_limits<double>::infinity();
    }
    if (ref == 0.0L) {
        return got == 0.0 ? 0.0 : std::numeric_limits<double>::infinity();
    }
    int e = std::ilogb(ref);
    if (e < -1022) {
        e = -1022;
    }
    const long double ulp = std::ldexp(1.0L, e - 52);
    return static_cast<double>(std::fabs(static_cast<long double>(got) - ref) / ulp);
}

// Largest ulp error of f against ref over kSamples inputs drawn by gen.
template <class Gen, class F, class Ref>
double max_ulp_error(std::uint64_t seed, Gen gen, F f, Ref ref, double* worst_x = nullptr) {
    Rng rng(seed);
    double worst = 0.0;
    for (int i = 0; i < kSamples; ++i) {
        const double x = gen(rng);
        const double e = ulp_error(f(x), ref(static_cast<long double>(x)));
        if (e > worst) {
            worst = e;
            if (worst_x != nullptr) {
                *worst_x = x;
            }
        }
    }
    return worst;
}

void expect_within(const char* what, double err_ulp, double limit_ulp, double worst_x) {
    ::testing::Test::RecordProperty(std::string("max_ulp_") + what, std::to_string(err_ulp));
    EXPECT_LE(err_ulp, limit_ulp) << what << ": worst input " << worst_x;
}

long double ref_sin(long double x) { return std::sin(x); }
long double ref_cos(long double x) { return std::cos(x); }
long double ref_atan(long double x) { return std::atan(x); }
long double ref_asin(long double x) { return std::asin(x); }
long double ref_acos(long double x) { return std::acos(x); }
long double ref_exp(long double x) { return std::exp(x); }
long double ref_log(long double x) { return std::log(x); }
long double ref_cbrt(long double x) { return std::cbrt(x); }

double dm_sin(double x) { return dm::sin(x); }
double dm_cos(double x) { return dm::cos(x); }

// ---------------------------------------------------------------------------------------------
// Accuracy
// ---------------------------------------------------------------------------------------------

TEST(DetMath, SinCosAccurateUpToMillionRad) {
    double wx = 0.0;
    const auto gen = [](Rng& r) { return r.uniform(-1e6, 1e6); };
    expect_within("sin", max_ulp_error(1, gen, dm_sin, ref_sin, &wx), kMaxUlp, wx);
    expect_within("cos", max_ulp_error(2, gen, dm_cos, ref_cos, &wx), kMaxUlp, wx);
}

TEST(DetMath, SinCosAccurateOnSmallAndTinyArguments) {
    double wx = 0.0;
    const auto small = [](Rng& r) { return r.uniform(-7.0, 7.0); };
    expect_within("sin_small", max_ulp_error(3, small, dm_sin, ref_sin, &wx), kMaxUlp, wx);
    expect_within("cos_small", max_ulp_error(4, small, dm_cos, ref_cos, &wx), kMaxUlp, wx);
    const auto wide = [](Rng& r) { return r.log_uniform(-40, 30, true); };
    expect_within("sin_wide", max_ulp_error(5, wide, dm_sin, ref_sin, &wx), kMaxUlp, wx);
    expect_within("cos_wide", max_ulp_error(6, wide, dm_cos, ref_cos, &wx), kMaxUlp, wx);
}

// Beyond 2^30 rad the Payne-Hanek reduction takes over; it stays exact up to DBL_MAX.
TEST(DetMath, SinCosAccurateOnHugeArguments) {
    double wx = 0.0;
    const auto huge = [](Rng& r) { return r.log_uniform(30, 1023, true); };
    expect_within("sin_huge", max_ulp_error(7, huge, dm_sin, ref_sin, &wx), kMaxUlp, wx);
    expect_within("cos_huge", max_ulp_error(8, huge, dm_cos, ref_cos, &wx), kMaxUlp, wx);
}

// Doubles closest to multiples of pi/2 are where a short pi/2 would lose all accuracy.
TEST(DetMath, SinCosAccurateNearMultiplesOfHalfPi) {
    double worst = 0.0;
    for (int k = 1; k <= 2000; ++k) {
        const double base = static_cast<double>(k) * dm::kHalfPi;
        for (double x : {base, std::nextafter(base, 0.0), std::nextafter(base, 1e300)}) {
            worst = std::max(worst, ulp_error(dm::sin(x), ref_sin(static_cast<long double>(x))));
            worst = std::max(worst, ulp_error(dm::cos(x), ref_cos(static_cast<long double>(x))));
        }
    }
    // The double nearest a multiple of pi/2 (Kahan / McDonald): 6381956970095103 * 2^797.
    const double hard = std::ldexp(6381956970095103.0, 797);
    worst = std::max(worst, ulp_error(dm::sin(hard), ref_sin(static_cast<long double>(hard))));
    worst = std::max(worst, ulp_error(dm::cos(hard), ref_cos(static_cast<long double>(hard))));
    expect_within("sincos_near_pio2", worst, kMaxUlp, 0.0);
}

TEST(DetMath, AtanAccurate) {
    double wx = 0.0;
    const auto wide = [](Rng& r) { return r.log_uniform(-30, 70, true); };
    expect_within("atan", max_ulp_error(9, wide, dm::atan, ref_atan, &wx), kMaxUlp, wx);
    const auto mid = [](Rng& r) { return r.uniform(-4.0, 4.0); };
    expect_within("atan_mid", max_ulp_error(10, mid, dm::atan, ref_atan, &wx), kMaxUlp, wx);
}

TEST(DetMath, Atan2AccurateInAllQuadrants) {
    Rng rng(11);
    double worst = 0.0;
    for (int i = 0; i < kSamples; ++i) {
        // Exponents of y and x drawn independently so |y/x| spans 2^-80..2^80.
        const double y = rng.log_uniform(-40, 40, true);
        const double x = rng.log_uniform(-40, 40, true);
        const long double ref =
            std::atan2(static_cast<long double>(y), static_cast<long double>(x));
        worst = std::max(worst, ulp_error(dm::atan2(y, x), ref));
    }
    expect_within("atan2", worst, kMaxUlpAtan2, 0.0);
}

TEST(DetMath, Atan2SpecialValues) {
    const double inf = std::numeric_limits<double>::infinity();
    const double pi = dm::kPi;
    const double hp = dm::kHalfPi;
    EXPECT_EQ(bits_of(dm::atan2(0.0, 0.0)), bits_of(0.0));
    EXPECT_EQ(bits_of(dm::atan2(-0.0, 0.0)), bits_of(-0.0));
    EXPECT_EQ(dm::atan2(0.0, -0.0), pi);
    EXPECT_EQ(dm::atan2(-0.0, -0.0), -pi);
    EXPECT_EQ(dm::atan2(0.0, -1.0), pi);
    EXPECT_EQ(dm::atan2(-0.0, -1.0), -pi);
    EXPECT_EQ(dm::atan2(1.0, 0.0), hp);
    EXPECT_EQ(dm::atan2(-1.0, -0.0), -hp);
    EXPECT_EQ(dm::atan2(1.0, inf), 0.0);
    EXPECT_EQ(dm::atan2(1.0, -inf), pi);
    EXPECT_EQ(dm::atan2(-1.0, -inf), -pi);
    EXPECT_EQ(dm::atan2(inf, 1.0), hp);
    EXPECT_EQ(dm::atan2(-inf, -1.0), -hp);
    EXPECT_EQ(dm::atan2(inf, inf), static_cast<double>(std::atan2(1.0L, 1.0L)));
    EXPECT_EQ(dm::atan2(inf, -inf), static_cast<double>(std::atan2(1.0L, -1.0L)));
    EXPECT_EQ(dm::atan2(-inf, -inf), static_cast<double>(std::atan2(-1.0L, -1.0L)));
    EXPECT_EQ(dm::atan2(1.0, 1.0), static_cast<double>(std::atan2(1.0L, 1.0L)));
    EXPECT_EQ(dm::atan2(1e300, 1e-300), hp);
    EXPECT_EQ(dm::atan2(1e-300, -1e300), pi);
    EXPECT_TRUE(std::isnan(dm::atan2(std::nan(""), 1.0)));
    EXPECT_TRUE(std::isnan(dm::atan2(1.0, std::nan(""))));
}

TEST(DetMath, AsinAcosAccurate) {
    double wx = 0.0;
    const auto unit = [](Rng& r) { return r.uniform(-1.0, 1.0); };
    expect_within("asin", max_ulp_error(12, unit, dm::asin, ref_asin, &wx), kMaxUlp, wx);
    expect_within("acos", max_ulp_error(13, unit, dm::acos, ref_acos, &wx), kMaxUlp, wx);
    // Near +-1 (where sqrt((1 - |x|)/2) is used) and near 0.
    const auto edge = [](Rng& r) {
        const double d = r.log_uniform(-52, -1, false);
        return (r.next() & 1) != 0 ? 1.0 - d : d - 1.0;
    };
    expect_within("asin_edge", max_ulp_error(14, edge, dm::asin, ref_asin, &wx), kMaxUlp, wx);
    expect_within("acos_edge", max_ulp_error(15, edge, dm::acos, ref_acos, &wx), kMaxUlp, wx);
    const auto tiny = [](Rng& r) { return r.log_uniform(-60, -1, true); };
    expect_within("asin_tiny", max_ulp_error(16, tiny, dm::asin, ref_asin, &wx), kMaxUlp, wx);
    expect_within("acos_tiny", max_ulp_error(17, tiny, dm::acos, ref_acos, &wx), kMaxUlp, wx);
}

TEST(DetMath, ExpAccurate) {
    double wx = 0.0;
    const double limit = kMaxUlp + kExpLogRefSlackUlp;
    const auto wide = [](Rng& r) { return r.uniform(-700.0, 700.0); };
    expect_within("exp", max_ulp_error(18, wide, dm::exp, ref_exp, &wx), limit, wx);
    const auto small = [](Rng& r) { return r.uniform(-2.0, 2.0); };
    expect_within("exp_small", max_ulp_error(19, small, dm::exp, ref_exp, &wx), limit, wx);
    const auto tiny = [](Rng& r) { return r.log_uniform(-60, -1, true); };
    expect_within("exp_tiny", max_ulp_error(20, tiny, dm::exp, ref_exp, &wx), limit, wx);
}

// Subnormal results are rounded twice (to 53 bits, then to the subnormal grid), which can cost
// up to one more unit of the subnormal grid.
TEST(DetMath, ExpSubnormalResults) {
    double wx = 0.0;
    const auto sub = [](Rng& r) { return r.uniform(-745.0, -708.5); };
    expect_within("exp_subnormal", max_ulp_error(21, sub, dm::exp, ref_exp, &wx),
                  kMaxUlp + 1.0 + kExpLogRefSlackUlp, wx);
}

TEST(DetMath, LogAccurate) {
    double wx = 0.0;
    const double limit = kMaxUlp + kExpLogRefSlackUlp;
    const auto wide = [](Rng& r) { return r.log_uniform(-996, 996, false); };  // (1e-300, 1e300)
    expect_within("log", max_ulp_error(22, wide, dm::log, ref_log, &wx), limit, wx);
    const auto near_one = [](Rng& r) { return r.uniform(0.5, 2.0); };
    expect_within("log_near_one", max_ulp_error(23, near_one, dm::log, ref_log, &wx), limit, wx);
    const auto sub = [](Rng& r) { return r.unit() * 0x1p-1022; };
    expect_within("log_subnormal", max_ulp_error(24, sub, dm::log, ref_log, &wx), limit, wx);
}

TEST(DetMath, CbrtAccurate) {
    double wx = 0.0;
    const auto wide = [](Rng& r) { return r.log_uniform(-1074, 1023, true); };
    expect_within("cbrt", max_ulp_error(25, wide, dm::cbrt, ref_cbrt, &wx), kMaxUlp, wx);
    const auto mid = [](Rng& r) { return r.uniform(-30.0, 30.0); };
    expect_within("cbrt_mid", max_ulp_error(26, mid, dm::cbrt, ref_cbrt, &wx), kMaxUlp, wx);
}

// ---------------------------------------------------------------------------------------------
// Exact identities and special values
// ---------------------------------------------------------------------------------------------

TEST(DetMath, SincosHasSameBitsAsSinAndCos) {
    Rng rng(27);
    for (int i = 0; i < kSamples; ++i) {
        const double x = (i % 2 == 0) ? rng.uniform(-1e6, 1e6) : rng.log_uniform(-30, 200, true);
        double s = 0.0;
        double c = 0.0;
        dm::sincos(x, &s, &c);
        ASSERT_EQ(bits_of(s), bits_of(dm::sin(x))) << x;
        ASSERT_EQ(bits_of(c), bits_of(dm::cos(x))) << x;
    }
}

TEST(DetMath, OddAndEvenSymmetryIsExact) {
    Rng rng(28);
    for (int i = 0; i < kSamples; ++i) {
        const double x = (i % 2 == 0) ? rng.uniform(0.0, 1e6) : rng.log_uniform(-30, 200, false);
        ASSERT_EQ(bits_of(dm::sin(-x)), bits_of(-dm::sin(x))) << x;
        ASSERT_EQ(bits_of(dm::cos(-x)), bits_of(dm::cos(x))) << x;
        ASSERT_EQ(bits_of(dm::atan(-x)), bits_of(-dm::atan(x))) << x;
        ASSERT_EQ(bits_of(dm::cbrt(-x)), bits_of(-dm::cbrt(x))) << x;
        const double u = rng.unit();
        ASSERT_EQ(bits_of(dm::asin(-u)), bits_of(-dm::asin(u))) << u;
    }
}

TEST(DetMath, ExactValues) {
    EXPECT_EQ(bits_of(dm::sin(0.0)), bits_of(0.0));
    EXPECT_EQ(bits_of(dm::sin(-0.0)), bits_of(-0.0));
    EXPECT_EQ(dm::cos(0.0), 1.0);
    EXPECT_EQ(dm::sin(dm::kHalfPi), 1.0);
    EXPECT_EQ(dm::cos(dm::kPi), -1.0);
    EXPECT_EQ(dm::sin(dm::kPi), static_cast<double>(std::sin(static_cast<long double>(dm::kPi))));
    EXPECT_EQ(dm::acos(1.0), 0.0);
    EXPECT_EQ(dm::acos(-1.0), dm::kPi);
    EXPECT_EQ(dm::acos(0.0), dm::kHalfPi);
    EXPECT_EQ(dm::asin(1.0), dm::kHalfPi);
    EXPECT_EQ(dm::asin(-1.0), -dm::kHalfPi);
    EXPECT_EQ(dm::atan(1.0), 0.5 * dm::kHalfPi);
    EXPECT_EQ(dm::cbrt(-8.0), -2.0);
    for (int i = -100; i <= 100; ++i) {  // perfect cubes come out exact
        const double v = static_cast<double>(i);
        EXPECT_EQ(dm::cbrt(v * v * v), v) << i;
    }
    EXPECT_EQ(dm::exp(0.0), 1.0);
    EXPECT_LE(ulp_error(dm::exp(1.0), kE), kMaxUlp);  // fdlibm's exp(1) is 0.67 ulp off
    EXPECT_EQ(dm::log(1.0), 0.0);
    EXPECT_EQ(dm::log(2.0), 0.6931471805599453);
    for (int k = -1074; k <= 1023; ++k) {  // log(2^k) = k ln 2, correctly rounded
        const double x = std::ldexp(1.0, k);
        EXPECT_EQ(dm::log(x), static_cast<double>(static_cast<long double>(k) * kLn2)) << k;
    }
}

// Clamped domains and IEEE special values (NaN in -> NaN out).
TEST(DetMath, SpecialValues) {
    const double inf = std::numeric_limits<double>::infinity();
    const double nan = std::numeric_limits<double>::quiet_NaN();
    for (double x : {nan, inf, -inf}) {
        EXPECT_TRUE(std::isnan(dm::sin(x)));
        EXPECT_TRUE(std::isnan(dm::cos(x)));
        double s = 0.0;
        double c = 0.0;
        dm::sincos(x, &s, &c);
        EXPECT_TRUE(std::isnan(s) && std::isnan(c));
        EXPECT_TRUE(std::isnan(dm::wrap_two_pi(x)));
    }
    EXPECT_TRUE(std::isnan(dm::atan(nan)));
    EXPECT_EQ(dm::atan(inf), dm::kHalfPi);
    EXPECT_EQ(dm::atan(-inf), -dm::kHalfPi);
    EXPECT_TRUE(std::isnan(dm::asin(nan)));
    EXPECT_TRUE(std::isnan(dm::acos(nan)));
    EXPECT_EQ(dm::asin(1.5), dm::kHalfPi);
    EXPECT_EQ(dm::asin(-7.0), -dm::kHalfPi);
    EXPECT_EQ(dm::acos(1.0000001), 0.0);
    EXPECT_EQ(dm::acos(-inf), dm::kPi);
    EXPECT_TRUE(std::isnan(dm::exp(nan)));
    EXPECT_EQ(dm::exp(inf), inf);
    EXPECT_EQ(dm::exp(-inf), 0.0);
    EXPECT_EQ(dm::exp(710.0), inf);
    EXPECT_EQ(dm::exp(-746.0), 0.0);
    EXPECT_TRUE(std::isfinite(dm::exp(709.78)));
    EXPECT_GT(dm::exp(-745.0), 0.0);  // smallest subnormal range
    EXPECT_TRUE(std::isnan(dm::log(nan)));
    EXPECT_TRUE(std::isnan(dm::log(-1.0)));
    EXPECT_TRUE(std::isnan(dm::log(-inf)));
    EXPECT_EQ(dm::log(0.0), -inf);
    EXPECT_EQ(dm::log(-0.0), -inf);
    EXPECT_EQ(dm::log(inf), inf);
    EXPECT_TRUE(std::isnan(dm::cbrt(nan)));
    EXPECT_EQ(dm::cbrt(inf), inf);
    EXPECT_EQ(dm::cbrt(-inf), -inf);
    EXPECT_EQ(bits_of(dm::cbrt(-0.0)), bits_of(-0.0));
    const double dbl_max = std::numeric_limits<double>::max();
    EXPECT_EQ(dm::sin(dbl_max), static_cast<double>(std::sin(static_cast<long double>(dbl_max))));
}

TEST(DetMath, WrapTwoPiRangeAndConsistency) {
    Rng rng(29);
    for (int i = 0; i < kSamples; ++i) {
        const double x = (i % 2 == 0) ? rng.uniform(-1e6, 1e6) : rng.log_uniform(-60, 100, true);
        const double w = dm::wrap_two_pi(x);
        ASSERT_GE(w, 0.0) << x;
        ASSERT_LT(w, dm::kTwoPi) << x;
        // w must name the same angle as x: an error of d rad moves sin/cos by up to d, and each
        // evaluation adds < 1 ulp (<= 1.1e-16). 1 ulp of w (<= 8.9e-16) plus that: 1.2e-15.
        ASSERT_NEAR(dm::sin(w), dm::sin(x), 1.2e-15) << x;
        ASSERT_NEAR(dm::cos(w), dm::cos(x), 1.2e-15) << x;
    }
}

TEST(DetMath, WrapTwoPiExactCases) {
    EXPECT_EQ(bits_of(dm::wrap_two_pi(0.0)), bits_of(0.0));
    EXPECT_EQ(bits_of(dm::wrap_two_pi(-0.0)), bits_of(0.0));
    EXPECT_EQ(dm::wrap_two_pi(1.0), 1.0);  // values already in range are returned unchanged
    EXPECT_EQ(dm::wrap_two_pi(6.0), 6.0);
    EXPECT_EQ(dm::wrap_two_pi(dm::kPi), dm::kPi);
    // kTwoPi (just below 2 pi) is out of range by the contract; it wraps to ~2.4e-16.
    EXPECT_NEAR(dm::wrap_two_pi(dm::kTwoPi), 0.0, 1e-15);
    EXPECT_LT(dm::wrap_two_pi(dm::kTwoPi), dm::kTwoPi);
    // Tiny negative angles round up to 2 pi, which on the circle is 0.
    EXPECT_EQ(dm::wrap_two_pi(-1e-300), 0.0);
    EXPECT_EQ(dm::wrap_two_pi(-1.0), static_cast<double>(8.0L * std::atan(1.0L) - 1.0L));
    EXPECT_EQ(dm::wrap_two_pi(7.0), static_cast<double>(7.0L - 8.0L * std::atan(1.0L)));
}

// ---------------------------------------------------------------------------------------------
// Cross-target determinism
// ---------------------------------------------------------------------------------------------

// FNV-1a over the bits of 2 * 10^4 outputs of every function. The inputs use only exact
// arithmetic, so the expected value is the same for the native and the WebAssembly build; if it
// changes on one target only, the two simulations would diverge. Update the constant only when
// an algorithm is changed on purpose (and then on both targets at once).
TEST(DetMath, GoldenHash) {
    std::uint64_t h = 0xCBF29CE484222325ULL;
    const auto mix = [&h](double v) {
        std::uint64_t u = bits_of(v);
        for (int i = 0; i < 8; ++i) {
            h ^= u & 0xFFU;
            h *= 0x100000001B3ULL;
            u >>= 8;
        }
    };
    Rng rng(30);
    for (int i = 0; i < 20000; ++i) {
        const double a = rng.uniform(-1e6, 1e6);
        const double b = static_cast<double>(rng.next() >> 11) * 0x1p-40;  // [0, 8192)
        const double u = rng.uniform(-1.0, 1.0);
        const double big = static_cast<double>(rng.next()) * 0x1p200;
        mix(dm::sin(a));
        mix(dm::cos(a));
        mix(dm::sin(big));
        mix(dm::atan(a * 1e-3));
        mix(dm::atan2(u, a * 1e-6));
        mix(dm::asin(u));
        mix(dm::acos(u));
        mix(dm::exp(a * 7e-4));
        mix(dm::log(b));
        mix(dm::cbrt(a));
        mix(dm::wrap_two_pi(a));
    }
    EXPECT_EQ(h, 0xB55CBD27D2483C0DULL) << std::hex << h;
}

}  // namespace
