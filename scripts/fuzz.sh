#!/usr/bin/env bash
# Runs the libFuzzer targets in tests/fuzz (ASan + UBSan, clang).
#
#   bash scripts/fuzz.sh                 # every target for 10 minutes (npm run fuzz)
#   bash scripts/fuzz.sh --ci            # every target for 20 s: the bounded run npm test uses
#   bash scripts/fuzz.sh 3600 fuzz_inspect   # one target for an hour
#
# Seeds come from tests/fuzz/corpus (committed); what the fuzzer learns goes to
# <build>/fuzz-corpus/<target> and is reused by the next run. A crash stops the
# run with a non-zero exit and leaves the input in <build>/fuzz-artifacts/:
# reproduce it with `<build>/tests/fuzz/<target> <file>`, then add it as a
# Catch2 case to tests/unit/test_hostile.cc before fixing it.
# The build directory (default build/asan, shared with scripts/sanitize.sh) can
# be changed with AI_ASAN_BUILD_DIR.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=600
if [ "${1:-}" = "--ci" ]; then
  seconds=20
  shift
elif [[ "${1:-}" =~ ^[0-9]+$ ]]; then
  seconds=$1
  shift
fi

build=${AI_ASAN_BUILD_DIR:-build/asan}
if [ ! -f "$build/CMakeCache.txt" ] || ! grep -q '^AI_FUZZ:BOOL=ON' "$build/CMakeCache.txt"; then
  CC=clang CXX=clang++ cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DAI_SANITIZE=ON -DAI_FUZZ=ON >/dev/null
fi

cmake "$build" >/dev/null  # picks up fuzz targets added since the last configure
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  for source in tests/fuzz/fuzz_*.cc; do targets+=("$(basename "$source" .cc)"); done
fi
cmake --build "$build" -j"$(nproc)" --target "${targets[@]}"

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
status=0
for target in "${targets[@]}"; do
  case $target in
    fuzz_options) seeds=tests/fuzz/corpus/options; max_len=512 ;;
    fuzz_numbers) seeds=tests/fuzz/corpus/numbers; max_len=512 ;;
    fuzz_inspect) seeds=tests/fuzz/corpus/text; max_len=8192 ;;
    *) seeds=tests/fuzz/corpus/text; max_len=16384 ;;
  esac
  corpus=$build/fuzz-corpus/$target
  artifacts=$build/fuzz-artifacts/$target
  mkdir -p "$corpus" "$artifacts"
  echo "== $target: ${seconds}s"
  # -timeout flags any single input that takes over 10 s: with max_len at most
  # 16 KB, that is a hang or a super-linear path, not a slow machine.
  if ! "$build/tests/fuzz/$target" -max_total_time="$seconds" -max_len="$max_len" -timeout=10 -rss_limit_mb=2048 \
      -dict=tests/fuzz/news.dict -print_final_stats=1 -artifact_prefix="$artifacts/" \
      "$corpus" "$seeds" 2>"$build/fuzz-$target.log"; then
    status=1
    tail -n 60 "$build/fuzz-$target.log"
    echo "== $target FAILED: input saved in $artifacts/ (log: $build/fuzz-$target.log)"
  else
    grep -E '^(stat::number_of_executed_units|stat::peak_rss_mb)|cov:' "$build/fuzz-$target.log" | tail -n 3
  fi
done
exit $status
