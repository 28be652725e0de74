#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Start-up benchmark: time from launch to the first mapped window, Candor beside Debian's
# gnome-text-editor, on one Xvfb, runs interleaved (the load of the machine hits both alike).
# Prints every run, then the median and p90 of each and the ratio of the medians, for the
# wall-clock time and for the CPU time the process used until its window was mapped.
# Usage: build-aux/bench-startup.sh [BUILDDIR] [RUNS]
#   BUILDDIR  a configured build folder (default: _build); its src/app/candor is built first
#   RUNS      runs of each program (default: 11)
# Both start with an empty home (no recent files, no saved session), a memory settings
# backend, their own session bus and no accessibility bus, so each run is a first start;
# the cache folder (fonts, shaders) is kept from run to run, as on a used desktop.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-"$root/_build"}
runs=${2:-11}

need=""
command -v gnome-text-editor >/dev/null 2>&1 || need="$need gnome-text-editor"
command -v xdotool >/dev/null 2>&1 || need="$need xdotool"
command -v Xvfb >/dev/null 2>&1 || need="$need xvfb"
command -v dbus-run-session >/dev/null 2>&1 || need="$need dbus"
if [ -n "$need" ]; then
  echo "Installing$need" >&2
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo=sudo
  $sudo apt-get install -y --no-install-recommends $need >&2
fi

# The program and, where it is built, the web preview's WebKit module beside it.
ninja -C "$build" src/app/candor \
  $(ninja -C "$build" -t targets all | sed -n 's|^\(src/app/candor-webkit.so\):.*|\1|p') >/dev/null
candor="$build/src/app/candor"

work=$(mktemp -d "${TMPDIR:-/tmp}/candor-startup-XXXXXX")
xvfb_pid=""
cleanup () {
  [ -z "$xvfb_pid" ] || kill "$xvfb_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT INT TERM

# A display of our own: Xvfb picks a free number and writes it to the pipe.
mkfifo "$work/displayfd"
Xvfb -displayfd 3 -screen 0 1400x1000x24 -nolisten tcp 3>"$work/displayfd" >/dev/null 2>&1 &
xvfb_pid=$!
read -r display <"$work/displayfd"
export DISPLAY=":$display"

export GSETTINGS_BACKEND=memory
export GSETTINGS_SCHEMA_DIR="$build/data"
export LC_ALL=C.UTF-8
# No accessibility bus: starting at-spi under Xvfb takes seconds and the same for both.
export GTK_A11Y=none NO_AT_BRIDGE=1

# One run: a fresh home, launch, poll until a window of that process is viewable, stop it.
# Prints "WALL CPU" in milliseconds. The poll (xdotool, a few ms a round) costs both alike.
measure () {
  home="$work/home"
  rm -rf "$home"
  mkdir -p "$home/config" "$home/data" "$home/state" "$work/cache"
  HOME="$home" XDG_CONFIG_HOME="$home/config" XDG_DATA_HOME="$home/data" \
  XDG_CACHE_HOME="$work/cache" XDG_STATE_HOME="$home/state" \
  dbus-run-session -- sh -c '
    start=$(date +%s%N)
    "$@" >/dev/null 2>&1 &
    pid=$!
    until xdotool search --onlyvisible --pid "$pid" >/dev/null 2>&1; do
      if ! kill -0 "$pid" 2>/dev/null; then echo "exited before showing a window: $1" >&2; exit 1; fi
    done
    end=$(date +%s%N)
    cpu=0
    for t in /proc/"$pid"/task/*/schedstat; do
      read -r ns rest <"$t" && cpu=$((cpu + ns))
    done
    kill "$pid"; wait "$pid" 2>/dev/null || true
    echo $(( (end - start) / 1000000 )) $(( cpu / 1000000 ))
  ' sh "$@" 2>"$work/dbus.log"
}

# "median p90" of the numbers on stdin (p90: nearest rank).
stats () {
  sort -n | awk '
    { v[NR] = $1 }
    END {
      median = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
      rank = int(0.9 * NR + 0.999999)
      printf "%.0f %.0f\n", median, v[rank]
    }'
}

# One untimed start of each first: the page cache then holds both programs' libraries, and
# the cache folder is filled.
measure "$candor" >/dev/null
measure gnome-text-editor >/dev/null

: >"$work/candor.txt"
: >"$work/gte.txt"
: >"$work/candor-cpu.txt"
: >"$work/gte-cpu.txt"
i=1
tries=0
while [ "$i" -le "$runs" ]; do
  tries=$((tries + 1))
  if [ "$tries" -gt $((2 * runs + 3)) ]; then
    echo "Too many failed runs; see $work/dbus.log" >&2
    exit 1
  fi
  c=$(measure "$candor" || true)
  g=$(measure gnome-text-editor || true)
  if [ -z "$c" ] || [ -z "$g" ]; then
    echo "run $i: a program did not show its window; run again" >&2
    continue
  fi
  set -- $c $g
  echo "run $i: candor $1 ms (CPU $2 ms), gnome-text-editor $3 ms (CPU $4 ms)"
  echo "$1" >>"$work/candor.txt"
  echo "$2" >>"$work/candor-cpu.txt"
  echo "$3" >>"$work/gte.txt"
  echo "$4" >>"$work/gte-cpu.txt"
  i=$((i + 1))
done

set -- $(stats <"$work/candor.txt") $(stats <"$work/gte.txt") \
       $(stats <"$work/candor-cpu.txt") $(stats <"$work/gte-cpu.txt")
echo "launch to first mapped window ($runs runs each, interleaved):"
echo "  candor:            median $1 ms, p90 $2 ms"
echo "  gnome-text-editor: median $3 ms, p90 $4 ms"
awk -v c="$1" -v g="$3" 'BEGIN { printf "  ratio of medians (candor / gnome-text-editor): %.2f\n", c / g }'
echo "CPU time of the process (all threads) until then, which a busy machine disturbs less:"
echo "  candor:            median $5 ms, p90 $6 ms"
echo "  gnome-text-editor: median $7 ms, p90 $8 ms"
awk -v c="$5" -v g="$7" 'BEGIN { printf "  ratio of medians (candor / gnome-text-editor): %.2f\n", c / g }'
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) CPUs"
