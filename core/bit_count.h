// bit_count.h — counting set bits, fast on every target the core builds for.
//
// `__builtin_popcountll` is one instruction in wasm and on x86-64 with
// POPCNT, but a portable x86-64 build (no -mpopcnt) turns it into a call to
// libgcc's table-driven __popcountdi2. The offset map runs it for every span
// offset it converts, so the portable build counts in registers instead:
//
//   const size_t units = ai::count_set_bits(mask & before);
#pragma once

#include <cstdint>

namespace ai {

// The number of bits set in `bits`.
inline int count_set_bits(uint64_t bits) {
#if defined(__POPCNT__) || defined(__wasm__)
  return __builtin_popcountll(bits);
#else
  // Pairs, nibbles, then bytes summed by one multiply (Hacker's Delight 5-2).
  bits -= (bits >> 1) & 0x5555555555555555ull;
  bits = (bits & 0x3333333333333333ull) + ((bits >> 2) & 0x3333333333333333ull);
  bits = (bits + (bits >> 4)) & 0x0F0F0F0F0F0F0F0Full;
  return static_cast<int>((bits * 0x0101010101010101ull) >> 56);
#endif
}

}  // namespace ai
