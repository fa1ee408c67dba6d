#!/usr/bin/env bash
# Runs the libFuzzer targets in tests/fuzz (ASan + UBSan, clang).
#
#   bash scripts/fuzz.sh                 # every target for 10 minutes (npm run fuzz)
#   bash scripts/fuzz.sh --ci            # the bounded run npm test uses, about 20 s a target
#   bash scripts/fuzz.sh 3600 fuzz_inspect   # one target for an hour
#
# Seeds come from tests/fuzz/corpus (committed); what the fuzzer learns goes to
# <build>/fuzz-corpus/<target> and is reused by the next run. The --ci run is
# the same on every machine: a fixed random seed, a fixed number of inputs per
# target, only the committed seeds, no corpus reloading and, where the system
# allows it, no address randomisation (libFuzzer mutates with values the code
# compared, pointers among them). So a submission passes or fails on its own
# code, never on where a clock stopped the search; searching further is the
# longer runs' job. A crash stops the
# run with a non-zero exit and leaves the input in <build>/fuzz-artifacts/:
# reproduce it with `<build>/tests/fuzz/<target> <file>`, then add it as a
# Catch2 case (tests/unit/test_hostile.cc, or the stage's own tests) before
# fixing it.
# The build directory (default build/asan, shared with scripts/sanitize.sh) can
# be changed with AI_ASAN_BUILD_DIR.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=600
ci=false
if [ "${1:-}" = "--ci" ]; then
  ci=true
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
fixed_addresses=()
if $ci && setarch "$(uname -m)" -R true 2>/dev/null; then
  fixed_addresses=(setarch "$(uname -m)" -R)
fi
status=0
for target in "${targets[@]}"; do
  # ci_runs: about 20 s of inputs for each target on a 2-core CI machine.
  case $target in
    fuzz_options) seeds=tests/fuzz/corpus/options; max_len=512; ci_runs=2000000 ;;
    fuzz_numbers) seeds=tests/fuzz/corpus/numbers; max_len=512; ci_runs=600000 ;;
    fuzz_inspect) seeds=tests/fuzz/corpus/text; max_len=8192; ci_runs=6000 ;;
    *) seeds=tests/fuzz/corpus/text; max_len=16384; ci_runs=240000 ;;
  esac
  artifacts=$build/fuzz-artifacts/$target
  if $ci; then
    corpus=$build/fuzz-corpus-ci/$target
    rm -rf "$corpus"
    budget=(-seed=1 -runs="$ci_runs" -reload=0)
    echo "== $target: $ci_runs inputs"
  else
    corpus=$build/fuzz-corpus/$target
    budget=(-max_total_time="$seconds")
    echo "== $target: ${seconds}s"
  fi
  mkdir -p "$corpus" "$artifacts"
  # -timeout flags any single input that takes over 10 s: with max_len at most
  # 16 KB, that is a hang or a super-linear path, not a slow machine.
  if ! "${fixed_addresses[@]}" "$build/tests/fuzz/$target" "${budget[@]}" -max_len="$max_len" -timeout=10 -rss_limit_mb=2048 \
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
