#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Figures for the PDF review copy (issue 12): the time to export a review copy of the shipped
# example carrying 100 comments (every tenth with a reply). Prints seconds; not a pass/fail test.
#   sh build-aux/bench-review-copy.sh [BUILD_DIR]      (default _build/ci)
set -eu
build=${1:-_build/ci}
cli="$build/src/cli/candor-cli-full"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp data/examples/smart-camera.candor "$tmp/d.candor"
words="security updates continue until at least 31 December 2030"
i=0
while [ $i -lt 100 ]; do
  "$cli" review comment "$tmp/d.candor" A3 --field web_text --quote "e" --occurrence $((i % 15 + 1)) \
    --body "Comment $i on $words" --by "Reviewer $((i % 4))" >"$tmp/id"
  if [ $((i % 10)) -eq 0 ]; then
    "$cli" review reply "$tmp/d.candor" "$(cat "$tmp/id")" --body "Reply to $i" --by "Priya Shah" >/dev/null
  fi
  i=$((i + 1))
done
best=""
for run in 1 2 3 4 5; do
  start=$(date +%s.%N)
  "$cli" review export "$tmp/d.candor" -o "$tmp/r.pdf"
  end=$(date +%s.%N)
  t=$(echo "$end - $start" | bc -l)
  if [ -z "$best" ] || [ "$(echo "$t < $best" | bc -l)" -eq 1 ]; then best=$t; fi
done
printf 'review export, example with 100 comments + 10 replies: best of 5 runs %.3f s (whole process), %s bytes\n' "$best" "$(wc -c <"$tmp/r.pdf")"
