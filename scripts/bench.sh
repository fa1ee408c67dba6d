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

# tools/bench_native compiled to wasm against the module's own libraries, for
# the per-stage split inside wasm, linked with the module's own Binaryen flag
# (CMakeLists.txt) so that the stages run the module's code. Rebuilt only
# when its inputs change.
stages_tool=build/bench/bench_native_wasm.cjs
if command -v em++ >/dev/null && [ -f "$wasm_dir/libinspector_core.a" ]; then
  mkdir -p build/bench
  if [ ! -f $stages_tool ] || [ tools/bench_native.cc -nt $stages_tool ] || [ "$wasm_dir/libinspector_core.a" -nt $stages_tool ]; then
    NODE_PATH=/usr/share/nodejs em++ -std=c++17 -O3 -fwasm-exceptions -msimd128 -mbulk-memory tools/bench_native.cc -Icore -isystem "$wasm_dir/ext-include" \
      "$wasm_dir/libinspector_core.a" -sALLOW_MEMORY_GROWTH=1 -sMAXIMUM_MEMORY=4GB -sNODERAWFS=1 \
      -sEXIT_RUNTIME=1 -sSINGLE_FILE=1 -sBINARYEN_EXTRA_PASSES=--one-caller-inline-max-function-size=50 -o $stages_tool
  fi
  args=(--wasm-stages $stages_tool "${args[@]}")
fi

node bench/bench.js --native "$native_dir/bench_native" "${args[@]}"
if [ $size = 1 ]; then node bench/size.js --native-dir "$native_dir"; fi
