#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Idle CPU benchmark: Candor open on the shipped example under Xvfb, with GTK's default (GL)
# renderer; the pointer rests 5 s away from the previews, then 5 s over the web preview.
# Prints the CPU time of Candor and its WebKit processes in each place, in % of one core.
# Usage: build-aux/bench-preview-hover.sh [BUILDDIR]
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-"$root/_build"}

if ! command -v xdotool >/dev/null 2>&1; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo=sudo
  $sudo apt-get install -y --no-install-recommends xdotool >&2
fi
ninja -C "$build" src/app/candor >/dev/null

work=$(mktemp -d "${TMPDIR:-/tmp}/candor-hover-XXXXXX")
xvfb_pid=""
app_pid=""
cleanup () {
  [ -z "$app_pid" ] || kill "$app_pid" 2>/dev/null || true
  [ -z "$xvfb_pid" ] || kill "$xvfb_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT INT TERM

mkfifo "$work/displayfd"
Xvfb -displayfd 3 -screen 0 1400x1000x24 -nolisten tcp 3>"$work/displayfd" >/dev/null 2>&1 &
xvfb_pid=$!
read -r display <"$work/displayfd"
export DISPLAY=":$display" GSETTINGS_BACKEND=memory GSETTINGS_SCHEMA_DIR="$build/data"
export GTK_A11Y=none NO_AT_BRIDGE=1 HOME="$work" XDG_DATA_HOME="$work/data" XDG_CONFIG_HOME="$work/config"

"$build/src/app/candor" "$root/data/examples/smart-camera.candor" >"$work/log" 2>&1 &
app_pid=$!
window=""
while [ -z "$window" ]; do
  sleep 0.2
  window=$(xdotool search --onlyvisible --pid "$app_pid" 2>/dev/null | head -n 1 || true)
done
sleep 6  # the web page loads

descendants () { for c in $(pgrep -P "$1"); do echo "$c"; descendants "$c"; done; }
ticks () {
  t=0
  for p in "$app_pid" $(descendants "$app_pid"); do
    [ -r "/proc/$p/stat" ] && t=$((t + $(awk '{ print $14 + $15 }' "/proc/$p/stat")))
  done
  echo "$t"
}
eval "$(xdotool getwindowgeometry --shell "$window")"
hz=$(getconf CLK_TCK)
rest () {
  xdotool mousemove --window "$window" "$2" "$3"
  sleep 2
  a=$(ticks); sleep 5; b=$(ticks)
  awk -v n="$1" -v t=$((b - a)) -v hz="$hz" 'BEGIN { printf "%-30s %5.1f %% of one core\n", n, 100 * t / hz / 5 }'
}
# The window is 1180 × 780 by default: the steps list on the left, the web preview at the
# bottom right, under the label preview.
rest "pointer on the steps list:" $((WIDTH / 12)) $((HEIGHT / 2))
rest "pointer on the web preview:" $((WIDTH * 85 / 100)) $((HEIGHT * 85 / 100))
