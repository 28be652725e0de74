#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds Candor against newer GNOME (Debian 13: GTK 4.18, libadwaita 1.7) with warnings as
# errors and runs every test there, inside a cached Debian 13 root (build-aux/newer-gnome-root.sh)
# entered with bwrap, Xvfb inside. This compiles the GTK_CHECK_VERSION / ADW_CHECK_VERSION
# branches that Debian 12 never sees. Results go to _build/newer/meson-logs/testlog.json.
#
# Usage: build-aux/test-newer-gnome.sh [meson test arguments...]   (build-aux/test.sh calls it)
# Exit status: 0 when configure, build and every test passed.
set -u
cd "$(dirname "$0")/.." || exit 2
top=$(pwd)

root=$(build-aux/newer-gnome-root.sh) || exit 1
command -v bwrap >/dev/null 2>&1 || { echo "test-newer-gnome: bwrap is missing" >&2; exit 1; }

# The source tree is bound at the same path, so the build dir's absolute paths hold on both sides.
# tests/js/node_modules may be a symlink into another checkout: bind its target too.
# /proc is the host's, bound (not a new proc mount), and capabilities are kept: WebKitGTK runs
# its web processes in a bwrap sandbox of its own (which also binds parts of /sys), and that
# cannot mount a new proc in a nested sandbox otherwise ("Failed to fully launch dbus-proxy").
extra=""
if [ -L tests/js/node_modules ]; then
  target=$(readlink -f tests/js/node_modules)
  extra="--ro-bind $target $target"
fi

jobs=$(nproc 2>/dev/null || echo 2)
dir=_build/newer
rm -f "$dir/meson-logs/testlog.json"

# shellcheck disable=SC2086
# (/tmp and /run first: the checkout itself may be below /tmp.)
bwrap --bind "$root" / --tmpfs /tmp --tmpfs /run --perms 0700 --dir /run/user/0 \
  --bind "$top" "$top" $extra \
  --bind /proc /proc --ro-bind /sys /sys --dev /dev --cap-add ALL \
  --setenv HOME /tmp --setenv LANG C.UTF-8 --setenv PATH /usr/sbin:/usr/bin:/sbin:/bin \
  --setenv XDG_RUNTIME_DIR /run/user/0 --unsetenv DISPLAY --unsetenv WAYLAND_DISPLAY \
  --chdir "$top" --die-with-parent \
  sh -eu -c '
    dir=$1; jobs=$2; shift 2
    if [ -f "$dir/build.ninja" ]; then
      meson setup --reconfigure "$dir" -Dwerror=true -Dbuildtype=debugoptimized >/dev/null
    else
      meson setup "$dir" -Dwerror=true -Dbuildtype=debugoptimized
    fi
    echo "=== newer GNOME: $(pkg-config --modversion gtk4) / libadwaita $(pkg-config --modversion libadwaita-1)"
    meson compile -C "$dir" -j "$jobs"
    xvfb-run -a -s "-screen 0 1400x1000x24" \
      meson test -C "$dir" --print-errorlogs --num-processes "$jobs" --timeout-multiplier 2 "$@"
  ' sh "$dir" "$jobs" "$@"
