#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds Candor and opens it on the shipped example disclosure (a smart camera).
# Usage: build-aux/run.sh [FILE.candor]   (from anywhere; installs what it needs)
set -eu
cd "$(dirname "$0")/.."
top=$(pwd)

build-aux/install-deps.sh run

if [ -f _build/run/build.ninja ]; then
  meson setup --reconfigure _build/run >/dev/null
else
  meson setup _build/run -Dbuildtype=debugoptimized
fi
meson compile -C _build/run

file=${1:-$top/data/examples/smart-camera.candor}
if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  echo "No display found: Candor is a desktop app. Run this from a desktop session." >&2
  exit 1
fi
# Run from the build tree: settings schema and help come from there.
export GSETTINGS_SCHEMA_DIR="$top/_build/run/data"
# Without Yelp, F1 opens the help as HTML in the browser (built by yelp-build from yelp-tools).
export CANDOR_HELP_HTML_DIR="$top/_build/run/help"
exec "$top/_build/run/src/app/candor" "$file"
