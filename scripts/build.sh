#!/usr/bin/env bash
# Builds everything that is out of date: native (library, CLI, tools, tests),
# wasm (module, tests), the npm package in dist/ and the page in web/dist/.
# Runs scripts/setup.sh first, so a fresh machine needs nothing else.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
jobs=$(nproc)

# The native core is optimised with a profile of itself at work (CMakeLists.txt,
# AI_PROFILE): build/profile holds a recording build, which inspects our own
# texts (the golden articles, the bundled example and the benchmark's generated
# articles) to write build/profile/data, and build/native is compiled with it.
# Recorded afresh on every build (about a second), so it follows the sources.
profile_data=$PWD/build/profile/data
if [ ! -f build/profile/CMakeCache.txt ]; then
  cmake -S . -B build/profile -DCMAKE_BUILD_TYPE=Release -DAI_PROFILE=generate -DAI_PROFILE_DIR="$profile_data" >/dev/null
fi
cmake --build build/profile -j"$jobs" --target article-inspector
rm -rf "$profile_data" build/profile/texts
node -e "require('./bench/corpus.js').generateCorpus('build/profile/texts')"
build/profile/article-inspector --format jsonl -q --jobs 1 build/profile/texts tests/golden/articles \
  tests/golden/figures/harbour.txt examples >/dev/null

cmake -S . -B build/native -DCMAKE_BUILD_TYPE=Release -DAI_PROFILE=use -DAI_PROFILE_DIR="$profile_data" >/dev/null
cmake --build build/native -j"$jobs"

if [ ! -f build/wasm/CMakeCache.txt ]; then
  emcmake cmake -S . -B build/wasm -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX="$PWD/build/wasm/install" \
    -DCMAKE_CROSSCOMPILING_EMULATOR=/usr/bin/node >/dev/null
fi
cmake --build build/wasm -j"$jobs"

node scripts/package-dist.js
node web/build.js
