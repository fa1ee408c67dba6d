// The Catch2 runner, alone in its translation unit: it is slow to compile and
// never changes, so the test files around it rebuild quickly.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
