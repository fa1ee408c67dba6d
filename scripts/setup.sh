#!/usr/bin/env bash
# Installs everything the project needs on a fresh Debian 12 machine (as root),
# and nothing that is already there. Safe to run again: each step checks first.
#   1. Debian packages (Emscripten, RE2, nlohmann_json, Catch2, Chromium, ...)
#   2. RE2's source, from Debian's source package, prepared for the wasm build
#      in third_party/ (git-ignored: third-party source is never committed)
#   3. npm dev dependencies, pinned by package-lock.json
set -euo pipefail
cd "$(dirname "$0")/.."

PACKAGES=(emscripten nlohmann-json3-dev catch2 libre2-dev cmake pkg-config g++ clang libclang-rt-14-dev
          unicode-data python3-six dpkg-dev brotli chromium)

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

# RE2 for WebAssembly is compiled from source; Debian's package is the pinned version.
RE2_DIR=third_party/re2
RE2_VERSION=20220601+dfsg
RE2_ORIG_SHA256=3bc61251da3b0b97be40a8a127818c517c62516e4eda11fc901d29496663df54
if [ ! -f "$RE2_DIR/.prepared" ]; then
  echo "setup: fetching RE2 $RE2_VERSION source from Debian's source package"
  work=$(mktemp -d)
  # A private apt configuration with one deb-src line, so the machine's own stays untouched.
  mirror=$(grep -h -m1 -E '^URIs:' /etc/apt/sources.list.d/*.sources 2>/dev/null | awk '{print $2}' | grep -v security | head -n1 || true)
  [ -n "$mirror" ] || mirror=$(grep -h -m1 -E '^deb ' /etc/apt/sources.list 2>/dev/null | awk '{print $2}' || true)
  [ -n "$mirror" ] || { echo "setup: no Debian mirror found in the apt sources" >&2; exit 1; }
  mkdir -p "$work/lists/partial"
  echo "deb-src [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $mirror bookworm main" > "$work/sources.list"
  APT_OPTS=(-o "Dir::Etc::SourceList=$work/sources.list" -o "Dir::Etc::SourceParts=-"
            -o "Dir::State::Lists=$work/lists" -o "APT::Sandbox::User=root")
  apt-get "${APT_OPTS[@]}" update -qq
  (cd "$work" && apt-get "${APT_OPTS[@]}" source -qq "re2=$RE2_VERSION-1" >/dev/null)
  echo "$RE2_ORIG_SHA256  $work/re2_$RE2_VERSION.orig.tar.xz" | sha256sum --check --quiet
  src=$(find "$work" -maxdepth 1 -type d -name 're2-*' | head -n1)
  [ -n "$src" ] || { echo "setup: apt-get source re2 gave no source tree" >&2; exit 1; }
  # Debian's +dfsg source drops three generated tables; regenerate them.
  (cd "$src" && perl re2/make_perl_groups.pl > re2/perl_groups.cc &&
     cd re2 && python3 make_unicode_casefold.py > unicode_casefold.cc && python3 make_unicode_groups.py > unicode_groups.cc)
  rm -rf "$RE2_DIR" && mkdir -p third_party && mv "$src" "$RE2_DIR"
  rm -rf "$work"
  touch "$RE2_DIR/.prepared"
fi

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "setup: installing npm dev dependencies"
  npm ci --no-audit --no-fund --loglevel=error
fi
