#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Checks that po/POTFILES.in lists every source file with translatable strings, and nothing missing.
# Usage: build-aux/check-potfiles.sh SOURCE_ROOT [XGETTEXT]
# With XGETTEXT given, also extracts the strings of every listed file, as `ninja candor-pot` would,
# and fails when extraction fails or when known strings do not come out.
set -u

root=${1:?usage: check-potfiles.sh SOURCE_ROOT [XGETTEXT]}
xgettext=${2:-}
potfiles="$root/po/POTFILES.in"

if [ ! -f "$potfiles" ]; then
  echo "check-potfiles: $potfiles does not exist" >&2
  exit 1
fi

tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT

# The listed files, without comments, blank lines or "[type: …]" prefixes.
sed -e 's/#.*$//' -e 's/^[[:space:]]*\[[^]]*\][[:space:]]*//' -e 's/[[:space:]]*$//' \
    -e '/^$/d' "$potfiles" | sort -u > "$tmp/listed"

# Files that hold translatable strings: C calls to _(), N_(), C_(), NC_(), Q_() or the
# ngettext family, and GtkBuilder files with translatable="yes".
: > "$tmp/needed"
cd "$root" || exit 1
find src -type f \( -name '*.c' -o -name '*.h' \) | sort | while read -r f; do
  if grep -Eq '(^|[^A-Za-z0-9_])((N|C|NC|Q)?_|g_dngettext|ngettext|g_dpgettext2)[[:space:]]*\(' "$f"; then
    echo "$f" >> "$tmp/needed"
  fi
done
find src -type f -name '*.ui' | sort | while read -r f; do
  if grep -q 'translatable="yes"' "$f"; then
    echo "$f" >> "$tmp/needed"
  fi
done
sort -u -o "$tmp/needed" "$tmp/needed"

status=0

missing=$(comm -23 "$tmp/needed" "$tmp/listed")
if [ -n "$missing" ]; then
  echo "check-potfiles: these files have translatable strings but are not in po/POTFILES.in:" >&2
  echo "$missing" | sed 's/^/  /' >&2
  status=1
fi

gone=""
while read -r f; do
  [ -f "$f" ] || gone="$gone
  $f"
done < "$tmp/listed"
if [ -n "$gone" ]; then
  echo "check-potfiles: po/POTFILES.in lists files that do not exist (xgettext would fail):$gone" >&2
  status=1
fi

unsorted=$(sed -e 's/#.*$//' -e '/^[[:space:]]*$/d' "$potfiles" | LC_ALL=C sort -c 2>&1)
if [ -n "$unsorted" ]; then
  echo "check-potfiles: note: po/POTFILES.in is not sorted ($unsorted)" >&2
fi

if [ -n "$xgettext" ] && [ "$status" -eq 0 ]; then
  # The same keywords as meson's i18n.gettext(preset: 'glib').
  if ! "$xgettext" --from-code=UTF-8 --add-comments --package-name=candor \
      --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
      --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
      --directory="$root" --files-from="$tmp/listed" --output="$tmp/candor.pot" 2> "$tmp/xgettext.log"; then
    echo "check-potfiles: xgettext failed on the listed files:" >&2
    cat "$tmp/xgettext.log" >&2
    exit 1
  fi
  # xgettext notes (e.g. about format strings) are worth seeing but are not failures.
  [ -s "$tmp/xgettext.log" ] && cat "$tmp/xgettext.log" >&2
  # A data file that gives no string means xgettext does not understand its type (missing
  # ITS rules, wrong extension): its strings would never be translated. A source file that
  # gives none (a "_(" only in a comment) is harmless and only noted.
  empty=""
  while read -r f; do
    grep '^#:' "$tmp/candor.pot" | grep -qF " $f:" && continue
    case "$f" in
      src/*) echo "check-potfiles: note: no translatable strings were extracted from $f" >&2 ;;
      *) empty="$empty
  $f" ;;
    esac
  done < "$tmp/listed"
  if [ -n "$empty" ]; then
    echo "check-potfiles: no translatable strings were extracted from:$empty" >&2
    status=1
  fi
  n=$(grep -c '^msgid ' "$tmp/candor.pot")
  echo "check-potfiles: $(wc -l < "$tmp/listed") files listed, $((n - 1)) strings extracted"
fi

[ "$status" -eq 0 ] && echo "check-potfiles: po/POTFILES.in is complete"
exit "$status"
