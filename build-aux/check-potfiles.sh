#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Checks that po/POTFILES.in lists every source file with translatable strings, and nothing missing.
# Usage: build-aux/check-potfiles.sh SOURCE_ROOT [XGETTEXT]
# Fails, naming the files, when a file under src/ with translatable strings is not listed, or a
# listed file does not exist. With XGETTEXT given (as the meson test does), xgettext decides which
# files have strings, and the listed files are also extracted as `ninja candor-pot` would: a
# data file that gives no string (type not understood) fails too.
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
    -e '/^$/d' "$potfiles" > "$tmp/listed"

# Files that hold translatable strings. With xgettext, the ones it extracts a string from when
# run over every C and GtkBuilder file under src/ with the keywords below (the definition that
# matters: a "_(" in a comment or on a variable gives nothing to translate). Without it, a
# plain search for _(), N_(), C_(), NC_(), Q_(), the ngettext family and translatable="yes".
keywords="--keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 --keyword=Q_
  --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3"
cd "$root" || exit 1
find src -type f \( -name '*.c' -o -name '*.h' -o -name '*.ui' \) | LC_ALL=C sort > "$tmp/sources"
if [ -n "$xgettext" ]; then
  # shellcheck disable=SC2086
  if ! "$xgettext" --from-code=UTF-8 $keywords --files-from="$tmp/sources" \
      --output="$tmp/all.pot" 2> "$tmp/scan.log"; then
    echo "check-potfiles: xgettext could not read the sources under src/:" >&2
    cat "$tmp/scan.log" >&2
    exit 1
  fi
  if [ -f "$tmp/all.pot" ]; then
    sed -n 's/^#: //p' "$tmp/all.pot" | tr ' ' '\n' | sed 's/:[0-9]*$//' | sed '/^$/d' \
      | LC_ALL=C sort -u > "$tmp/needed"
  else
    : > "$tmp/needed"  # xgettext writes no file when there is nothing to translate
  fi
else
  : > "$tmp/needed"
  while read -r f; do
    case "$f" in
      *.ui) grep -q 'translatable="yes"' "$f" && echo "$f" >> "$tmp/needed" ;;
      *) grep -Eq '(^|[^A-Za-z0-9_])((N|C|NC|Q)?_|g_dngettext|ngettext|g_dpgettext2)[[:space:]]*\(' "$f" \
           && echo "$f" >> "$tmp/needed" ;;
    esac
  done < "$tmp/sources"
  LC_ALL=C sort -u -o "$tmp/needed" "$tmp/needed"
fi
LC_ALL=C sort -u -o "$tmp/listed" "$tmp/listed"

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
  # shellcheck disable=SC2086
  if ! "$xgettext" --from-code=UTF-8 --add-comments --package-name=candor \
      $keywords --directory="$root" --files-from="$tmp/listed" --output="$tmp/candor.pot" 2> "$tmp/xgettext.log"; then
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
