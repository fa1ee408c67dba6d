#include <catch2/catch.hpp>
#include <cstdint>
#include <vector>

#include "thread_scratch.h"

TEST_CASE("release_if_longer frees a buffer only past the room a thread keeps", "[thread_scratch]") {
  struct Case {
    size_t reserved;
    size_t max_kept;
    bool freed;
  };
  const Case cases[] = {
      {0, 0, false}, {1, 0, true}, {16, 16, false}, {17, 16, true}, {4096, 1 << 14, false}, {1 << 15, 1 << 14, true},
  };
  for (const Case& c : cases) {
    INFO(c.reserved << " reserved, at most " << c.max_kept << " kept");
    std::vector<uint32_t> scratch;
    scratch.reserve(c.reserved);
    scratch.assign(c.reserved / 2, 7u);
    ai::release_if_longer(&scratch, c.max_kept);
    if (c.freed) {
      CHECK(scratch.empty());
      CHECK(scratch.capacity() == 0);
    } else {
      CHECK(scratch.capacity() >= c.reserved);
      CHECK(scratch == std::vector<uint32_t>(c.reserved / 2, 7u));
    }
  }
}
