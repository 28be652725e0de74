#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# test-syllable-accuracy.sh: candor-cli syllables against the CMU Pronouncing Dictionary; fails below 98%.
# Usage: test-syllable-accuracy.sh NODE CANDOR_CLI NODE_MODULES_DIR
# A word counts as right when the count matches any of the dictionary's pronunciations.
set -eu

node=$1
cli=$2
modules=$3
here=$(dirname "$0")

if [ ! -d "$modules/cmu-pronouncing-dictionary" ]; then
  echo "SKIP: $modules/cmu-pronouncing-dictionary is not installed (build-aux/test.sh installs it)"
  exit 77
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

"$node" "$here/cmu-export.mjs" "$modules" > "$tmp/cmu.tsv"
cut -f1 "$tmp/cmu.tsv" > "$tmp/words.txt"
"$cli" syllables < "$tmp/words.txt" > "$tmp/counts.tsv"
"$cli" syllables --rules-only < "$tmp/words.txt" > "$tmp/rules.tsv"

paste "$tmp/cmu.tsv" "$tmp/counts.tsv" "$tmp/rules.tsv" | awk -F '\t' '
  function matches(list, n,   parts, i, k) {
    k = split(list, parts, ",")
    for (i = 1; i <= k; i++) if (parts[i] + 0 == n + 0) return 1
    return 0
  }
  {
    if ($1 != $3) { printf "line %d: word mismatch %s / %s\n", NR, $1, $3; bad = 1; exit 1 }
    total++
    right += matches($2, $4)
    rules += matches($2, $6)
  }
  END {
    if (bad) exit 1
    if (total < 100000) { printf "only %d words exported\n", total; exit 1 }
    printf "syllables: %d of %d CMU words exact = %.2f%% (rules alone: %.2f%%)\n", right, total, 100 * right / total, 100 * rules / total
    if (right < 0.98 * total) { print "FAIL: below 98%"; exit 1 }
  }'
