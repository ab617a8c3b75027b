// Fills gaps in the C++20 library of Debian's Emscripten 3.1.6, which ships libc++ 13.
// The root CMakeLists.txt force-includes this header into every WebAssembly translation unit
// (-include), so project code can be written against the standard as g++ 12 implements it.
// Each polyfill applies only while the library lacks the feature (checked by its feature-test
// macro), so a newer Emscripten makes this file a no-op.
#pragma once

#ifdef __cplusplus
#include <bit>
#include <type_traits>

#ifndef __cpp_lib_bit_cast
// libc++ 13 has <bit> but not std::bit_cast (added in libc++ 14). Clang 14 provides the
// builtin the real implementation uses, so this is the same constexpr, bit-exact operation.
namespace std {
template <class To, class From>
[[nodiscard]] constexpr To bit_cast(const From& from) noexcept {
    static_assert(sizeof(To) == sizeof(From), "bit_cast needs types of equal size");
    static_assert(is_trivially_copyable_v<To> && is_trivially_copyable_v<From>,
                  "bit_cast needs trivially copyable types");
    return __builtin_bit_cast(To, from);
}
}  // namespace std
#endif
#endif
