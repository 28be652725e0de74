#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# candor-cli render: outputs, exit statuses (0 ok, 1 invalid input or a label problem, 2 usage).
# Usage: test-cli-render.sh CANDOR-CLI SOURCE-ROOT
set -u
cli=$1
root=$2
example=$root/data/examples/smart-camera.candor
out=$(mktemp -d "${TMPDIR:-/tmp}/candor-cli-render-XXXXXX")
trap 'rm -rf "$out"' EXIT
failed=0
n=0

expect() {
  want=$1; shift
  n=$((n + 1))
  "$cli" render "$@" >"$out/stdout" 2>"$out/stderr"
  got=$?
  if [ "$got" -ne "$want" ]; then
    echo "not ok $n - render $* exited $got, expected $want"; cat "$out/stderr"
    failed=$((failed + 1))
  else
    echo "ok $n - render $* exits $want"
  fi
}

check() {
  n=$((n + 1))
  if eval "$2"; then echo "ok $n - $1"; else echo "not ok $n - $1"; failed=$((failed + 1)); fi
}

expect 0 "$example" --label "$out/l.pdf" --web "$out/index.html" --json "$out/disclosure.json"
check "PDF written" '[ "$(head -c 5 "$out/l.pdf")" = "%PDF-" ]'
check "HTML written" 'grep -q "<h1 dir=\"auto\">Lumen Cam 2</h1>" "$out/index.html"'
check "JSON written" 'grep -q "\"format\": \"candor-published-disclosure\"" "$out/disclosure.json"'
expect 0 "$example" --label "$out/l.svg" --template full --size large
check "SVG at its true size" 'grep -q "width=\"283.46[0-9]*pt\"" "$out/l.svg"'
expect 0 "$example" --label "$out/l.png" --template compact --size medium
check "PNG written" '[ -s "$out/l.png" ]'
expect 2 "$example"
expect 2 "$example" --label "$out/l.doc"
expect 2 "$example" --label "$out/l.pdf" --template poster
expect 2 "$example" --label "$out/l.pdf" --template full --size small
expect 2 "$example" --template full
expect 2 --web "$out/x.html"
expect 1 "$root/tests/render/no-such-draft.candor" --web "$out/x.html"
expect 1 "$root/tests/render/stress.candor" --label "$out/too-long.pdf"
check "too long names the element" 'grep -q "A.2 “Installation and cost”: the label text is too long" "$out/stderr"'
check "nothing written for a label with problems" '[ ! -e "$out/too-long.pdf" ]'

echo "1..$n"
echo "# $((n - failed)) passed, $failed failed"
[ "$failed" -eq 0 ]
