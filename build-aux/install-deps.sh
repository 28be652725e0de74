#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs what Candor needs to build, run and test on Debian 12 (bookworm).
# Usage: build-aux/install-deps.sh [run|test]
set -eu

mode=${1:-test}

runtime_pkgs="meson ninja-build pkg-config gcc gettext itstool
  libglib2.0-dev libglib2.0-bin libgtk-4-dev libadwaita-1-dev libjson-glib-dev
  libcairo2-dev libpango1.0-dev libqrencode-dev libgnutls28-dev libtasn1-6-dev libarchive-dev
  libpoppler-glib-dev libwebkitgtk-6.0-dev libsecret-1-dev libqpdf-dev
  desktop-file-utils shared-mime-info fonts-dejavu-core fonts-dejavu-extra yelp-tools"

test_pkgs="clang libclang-rt-14-dev appstream libxml2-utils xvfb xauth
  poppler-utils zbar-tools softhsm2 gnutls-bin openssl chromium qpdf
  librsvg2-bin fonts-wqy-zenhei
  diction dbus-x11 at-spi2-core mmdebstrap bubblewrap"

pkgs=$runtime_pkgs
[ "$mode" = test ] && pkgs="$pkgs $test_pkgs"
# Node.js may come from elsewhere (NodeSource) and conflict with Debian's npm:
# only ask for Debian's when no npm is on the PATH.
if [ "$mode" = test ] && ! command -v npm >/dev/null 2>&1; then
  pkgs="$pkgs nodejs npm"
fi

missing=""
for p in $pkgs; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done

if [ -n "$missing" ]; then
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  echo "Installing:$missing"
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -q
  # shellcheck disable=SC2086
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $missing
fi
