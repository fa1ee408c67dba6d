#!/usr/bin/env bash
# Installs everything the project needs on a fresh Debian 12 machine (as root),
# and nothing that is already there. Safe to run again: each step checks first.
#   1. Debian packages (Emscripten, nlohmann_json, Catch2, Chromium, RE2 for
#      the native differential test, ...)
#   2. npm dev dependencies, pinned by package-lock.json
set -euo pipefail
cd "$(dirname "$0")/.."

PACKAGES=(emscripten nlohmann-json3-dev catch2 libre2-dev cmake pkg-config g++ clang libclang-rt-14-dev
          brotli chromium)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "setup: installing Debian packages: ${missing[*]}"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "setup: installing npm dev dependencies"
  npm ci --no-audit --no-fund --loglevel=error
fi
