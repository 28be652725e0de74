#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Creates (once) and caches a Debian 13 (trixie) root with everything Candor needs to build and
# test against newer GNOME (GTK 4.18, libadwaita 1.7, WebKitGTK 6, poppler 25), using mmdebstrap
# from Debian's package archive. Prints the root's path on stdout.
#
# Usage: build-aux/newer-gnome-root.sh [ROOT]
#   ROOT defaults to $CANDOR_NEWER_ROOT, else ~/.cache/candor/trixie-root.
# The root is rebuilt when this script's package list changes (a stamp file records it).
# Needs root (mmdebstrap --mode=root) or a user namespace (--mode=unshare).
set -eu

root=${1:-${CANDOR_NEWER_ROOT:-${XDG_CACHE_HOME:-$HOME/.cache}/candor/trixie-root}}
mirror=${CANDOR_DEBIAN_MIRROR:-http://deb.debian.org/debian}

# Build and test dependencies, as build-aux/install-deps.sh lists them for Debian 12, with
# Debian 13's names. fonts-dejavu-extra has DejaVu Sans Condensed, the label font.
pkgs="meson ninja-build pkg-config gcc clang gettext itstool ccache
  libglib2.0-dev libglib2.0-bin libgtk-4-dev libadwaita-1-dev libjson-glib-dev
  libcairo2-dev libpango1.0-dev libqrencode-dev libgnutls28-dev libarchive-dev
  libpoppler-glib-dev libwebkitgtk-6.0-dev libsecret-1-dev libqpdf-dev libtasn1-6-dev
  desktop-file-utils shared-mime-info appstream yelp-tools libxml2-utils
  xvfb xauth xkb-data poppler-utils zbar-tools softhsm2 gnutls-bin openssl librsvg2-bin
  fonts-dejavu-core fonts-dejavu-extra fonts-wqy-zenhei diction dbus-x11 at-spi2-core
  adwaita-icon-theme chromium python3 nodejs npm mupdf-tools python3-pikepdf qpdf ca-certificates locales"

# A D-Bus machine id: GTK warns (fatal in tests) when it cannot start a session bus without one.
# Debian images ship /etc/machine-id empty (systemd fills it on first boot, which never happens
# here), and `dbus-uuidgen --ensure` leaves an empty file alone, so write one when it is not
# 32 hex digits. Also repairs a root cached by an older version of this script.
ensure_machine_id() {
  if ! grep -qE '^[0-9a-f]{32}$' "$1/etc/machine-id" 2>/dev/null; then
    tr -d '-' < /proc/sys/kernel/random/uuid > "$1/etc/machine-id"
  fi
}

# The stamp covers the package list, the mirror and the set-up hooks below (version 2: machine-id).
stamp_want=$(printf '%s\n' "$pkgs" "$mirror" "hooks-2" | sha256sum | cut -c1-16)
if [ -f "$root/.candor-stamp" ] && [ "$(cat "$root/.candor-stamp")" = "$stamp_want" ]; then
  ensure_machine_id "$root"
  echo "$root"
  exit 0
fi

command -v mmdebstrap >/dev/null 2>&1 || {
  echo "newer-gnome-root: mmdebstrap is missing (apt-get install mmdebstrap)" >&2
  exit 1
}

mode=root
[ "$(id -u)" -ne 0 ] && mode=unshare

rm -rf --one-file-system "$root.tmp"
mkdir -p "$(dirname "$root")"
include=$(echo $pkgs | tr ' ' ',')
echo "newer-gnome-root: creating a Debian 13 root in $root (a few minutes)" >&2
mmdebstrap --mode="$mode" --variant=apt --include="$include" \
  --aptopt='APT::Install-Recommends "false"' \
  --customize-hook='chroot "$1" sh -c "echo en_US.UTF-8 UTF-8 > /etc/locale.gen && locale-gen >/dev/null"' \
  trixie "$root.tmp" "$mirror" >&2
ensure_machine_id "$root.tmp"
echo "$stamp_want" > "$root.tmp/.candor-stamp"
rm -rf --one-file-system "$root"
mv "$root.tmp" "$root"
echo "$root"
