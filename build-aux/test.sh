#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds Candor three times and runs every test:
#   1. gcc, warnings as errors;
#   2. clang with AddressSanitizer + UndefinedBehaviorSanitizer (and the libFuzzer targets);
#   3. gcc against newer GNOME (Debian 13: GTK 4.18, libadwaita 1.7), warnings as errors, in a
#      cached Debian 13 root (build-aux/test-newer-gnome.sh); the root is made, the first time,
#      in the background while the first two builds run. CANDOR_SKIP_NEWER=1 leaves it out.
# Ends with one line "N passed, N failed, N skipped" taken from meson's results, and exits
# non-zero if anything failed. Usage: build-aux/test.sh   (from anywhere; installs what it needs)
set -u
cd "$(dirname "$0")/.." || exit 2
top=$(pwd)

build-aux/install-deps.sh test || { echo "0 passed, 1 failed"; exit 1; }

# Test-only npm packages (ajv, axe-core, playwright-core, …), never runtime dependencies.
if [ ! -d tests/js/node_modules ] || [ tests/js/package-lock.json -nt tests/js/node_modules ]; then
  (cd tests/js && npm ci --no-audit --no-fund --loglevel=error) || { echo "0 passed, 1 failed"; exit 1; }
fi

jobs=$(nproc 2>/dev/null || echo 2)
build_failures=0

newer_root_pid=""
if [ "${CANDOR_SKIP_NEWER:-0}" != 1 ]; then
  mkdir -p _build
  build-aux/newer-gnome-root.sh > _build/newer-root.log 2>&1 &
  newer_root_pid=$!
fi

run_build() { # name, then meson setup arguments
  name=$1; shift
  dir=_build/$name
  echo "=== $name: configure"
  if [ -f "$dir/build.ninja" ]; then
    meson setup --reconfigure "$dir" "$@" >/dev/null || { build_failures=$((build_failures + 1)); return; }
  else
    meson setup "$dir" "$@" || { build_failures=$((build_failures + 1)); return; }
  fi
  echo "=== $name: build"
  if ! meson compile -C "$dir" -j "$jobs"; then
    build_failures=$((build_failures + 1))
    return
  fi
  echo "=== $name: test"
  rm -f "$dir/meson-logs/testlog.json"
  xvfb-run -a -s "-screen 0 1400x1000x24" \
    meson test -C "$dir" --print-errorlogs --num-processes "$jobs" --timeout-multiplier 2 || true
}

run_build ci -Dwerror=true -Dbuildtype=debugoptimized
CC=clang run_build asan -Dwerror=true -Dbuildtype=debug -Db_sanitize=address,undefined -Db_lundef=false

if [ -n "$newer_root_pid" ]; then
  echo "=== newer GNOME: waiting for the Debian 13 root"
  if wait "$newer_root_pid"; then
    build-aux/test-newer-gnome.sh || true
    [ -f _build/newer/meson-logs/testlog.json ] || build_failures=$((build_failures + 1))
  else
    tail -20 _build/newer-root.log
    echo "=== newer GNOME: the Debian 13 root could not be made (see _build/newer-root.log)"
    build_failures=$((build_failures + 1))
  fi
fi

python3 build-aux/summarize-tests.py "$build_failures" _build/ci/meson-logs/testlog.json _build/asan/meson-logs/testlog.json _build/newer/meson-logs/testlog.json
