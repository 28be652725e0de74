#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# bench-keystroke.sh: what one keystroke costs the editor's main loop (findings, step statuses,
# review page, label and web previews) with a web text of 2,000 and of 20,000 characters.
# Usage: build-aux/bench-keystroke.sh [BUILD_DIR] [KEYSTROKES]   (defaults: _build, 200)
# Needs: xvfb-run (Debian package xvfb).
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-"$root/_build"}
keys=${2:-200}
ninja -C "$build" tests/app/bench-keystroke >/dev/null
export CANDOR_SOURCE_ROOT="$root"
exec xvfb-run -a -s "-screen 0 1400x1000x24" "$build/tests/app/bench-keystroke" "$keys"
