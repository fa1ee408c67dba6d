#!/usr/bin/env bash
# `npm run bench`: builds what is out of date, then runs bench/bench.js
# (native, wasm and peers in one run; table on stdout, JSON in
# bench/results/latest.json). A few minutes on 2 cores.
#
#   bash scripts/bench.sh [--no-build] [--size] [bench.js options...]
#     --no-build  use the existing builds (AI_NATIVE_BUILD_DIR, AI_WASM_BUILD_DIR, dist/)
#     --size      afterwards, the size run too (bench/size.js: 50 MB through wasm,
#                 200 MB through the native CLI, hostile inputs at growing sizes)
set -euo pipefail
cd "$(dirname "$0")/.."

build=1
size=0
args=()
for arg in "$@"; do
  case $arg in
    --no-build) build=0 ;;
    --size) size=1 ;;
    *) args+=("$arg") ;;
  esac
done
native_dir=${AI_NATIVE_BUILD_DIR:-build/native}
wasm_dir=${AI_WASM_BUILD_DIR:-build/wasm}
if [ $build = 1 ]; then bash scripts/build.sh; fi

# tools/bench_native compiled to wasm (the bench_native_wasm target, linked
# like the module), for the per-stage split inside wasm.
if [ -f "$wasm_dir/CMakeCache.txt" ]; then
  cmake --build "$wasm_dir" --target bench_native_wasm >/dev/null
  args=(--wasm-stages "$wasm_dir/bench_native_wasm.cjs" "${args[@]}")
fi

node bench/bench.js --native "$native_dir/bench_native" "${args[@]}"
if [ $size = 1 ]; then node bench/size.js --native-dir "$native_dir"; fi
