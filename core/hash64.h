// hash64.h — the 64-bit finaliser both the feature hasher and the gazetteer
// use. They must agree bit for bit with the model file, so there is one copy.
#pragma once

#include <cstdint>

namespace ai {

// MurmurHash3's fmix64: spreads every input bit over the whole word.
// constexpr, so that hashes of constants (the feature ids of small values)
// can be tabled at compile time.
constexpr uint64_t mix64(uint64_t x) {
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdULL;
  x ^= x >> 33;
  x *= 0xc4ceb9fe1a85ec53ULL;
  x ^= x >> 33;
  return x;
}

}  // namespace ai
