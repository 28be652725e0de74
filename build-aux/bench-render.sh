#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Render benchmark: how fast the label and web previews follow a keystroke, and how long
# writing every output file takes, on the shipped example.
# Usage: build-aux/bench-render.sh [BUILDDIR] [OUTDIR] [ITERATIONS]
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-"$root/_build"}
outdir=${2:-$(mktemp -d "${TMPDIR:-/tmp}/candor-bench-XXXXXX")}
iterations=${3:-2000}
ninja -C "$build" tests/render/bench-render >/dev/null
exec "$build/tests/render/bench-render" "$root/data/examples/smart-camera.candor" "$outdir" "$iterations"
