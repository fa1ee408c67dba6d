// count_set_bits: the register-only count the portable native build uses
// must agree with the compiler's builtin on every bit pattern kind.
#include <catch2/catch.hpp>
#include <cstdint>

#include "bit_count.h"

TEST_CASE("count_set_bits counts every set bit") {
  struct Case {
    uint64_t bits;
    int expected;
  };
  const Case cases[] = {
      {0, 0},
      {1, 1},
      {uint64_t{1} << 63, 1},
      {~uint64_t{0}, 64},
      {0x8080808080808080ull, 8},  // one flag per byte, as the byte scans make
      {0x5555555555555555ull, 32},
      {0xFF00FF00FF00FF00ull, 32},
      {0x0123456789ABCDEFull, 32},
      {0x7FFFFFFFFFFFFFFFull, 63},
  };
  for (const Case& c : cases) {
    INFO("bits " << c.bits);
    CHECK(ai::count_set_bits(c.bits) == c.expected);
  }
}

TEST_CASE("count_set_bits agrees with the builtin on a stream of patterns") {
  uint64_t bits = 0x9E3779B97F4A7C15ull;
  for (int i = 0; i < 10000; ++i) {
    bits ^= bits << 13;
    bits ^= bits >> 7;
    bits ^= bits << 17;
    REQUIRE(ai::count_set_bits(bits) == __builtin_popcountll(bits));
  }
}
