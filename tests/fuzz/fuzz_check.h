// fuzz_check.h — the assertion the fuzz targets use.
//
// A failed FUZZ_CHECK prints what broke and aborts, which libFuzzer reports as
// a crash and saves the input as crash-<sha1> (turn it into a Catch2 case in
// tests/unit/test_hostile.cc). Unlike assert() it stays on in Release builds.
#pragma once

#include <cstdio>
#include <cstdlib>

#define FUZZ_CHECK(condition)                                                            \
  do {                                                                                   \
    if (!(condition)) {                                                                  \
      std::fprintf(stderr, "%s:%d: FUZZ_CHECK failed: %s\n", __FILE__, __LINE__, #condition); \
      std::abort();                                                                      \
    }                                                                                    \
  } while (false)
