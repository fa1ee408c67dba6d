#!/usr/bin/env bash
# Builds whatever is missing, then runs every test suite. Used by `npm test` and .ci/run.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh

step() { printf '\n=== %s ===\n' "$*"; }

step "Catch2 suite, native"
(cd build/native && ctest --output-on-failure -j2)

step "Catch2 suite, WebAssembly under node"
(cd build/wasm && ctest --output-on-failure -j2)

step "JavaScript package (node --test)"
node --test tests/js/

step "Packaging: npm pack, bundlers, types"
node --test tests/package/

step "Browser (Chromium via playwright-core)"
node --test tests/browser/

step "Catch2 suite under AddressSanitizer + UndefinedBehaviorSanitizer"
bash scripts/sanitize.sh

step "Fuzzing (bounded CI run)"
bash scripts/fuzz.sh --ci
