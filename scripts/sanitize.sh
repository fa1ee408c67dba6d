#!/usr/bin/env bash
# Builds the Catch2 suite with AddressSanitizer + UndefinedBehaviorSanitizer
# (clang) and runs it.
# Any sanitizer report fails the run. The build directory (default build/asan,
# shared with scripts/fuzz.sh so the core compiles once) can be changed
# with AI_ASAN_BUILD_DIR.
set -euo pipefail
cd "$(dirname "$0")/.."

build=${AI_ASAN_BUILD_DIR:-build/asan}
if [ ! -f "$build/CMakeCache.txt" ] || ! grep -q '^AI_FUZZ:BOOL=ON' "$build/CMakeCache.txt"; then
  CC=clang CXX=clang++ cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DAI_SANITIZE=ON -DAI_FUZZ=ON >/dev/null
fi
cmake --build "$build" -j"$(nproc)" --target core_tests

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
# One process for the whole suite: each Catch2 case in its own process would
# rebuild the inspector (and its model) hundreds of times under ASan.
"$build/core_tests" --order decl "$@"
