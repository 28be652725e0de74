#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# bench-readability.sh: Candor's readability engine side by side with npm text-readability and
# GNU style (Debian package diction) on the same large text, plus per-keystroke timing, the whole
# candor-cli readability process (--json and plain) beside style on a 1 MiB text, and
# Candor's syllable counter beside npm syllable on the CMU Pronouncing Dictionary.
# Usage: build-aux/bench-readability.sh [BUILD_DIR] [WORDS]   (defaults: _build, 100000)
# Needs: the built bench-readability and candor-cli, node with tests/js/node_modules, style.
set -eu

root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/_build}
target_words=${2:-100000}
bench=$build/tests/readability/bench-readability
cli=$build/src/cli/candor-cli
modules=$root/tests/js/node_modules

for f in "$bench" "$cli"; do
  [ -x "$f" ] || { echo "bench-readability: $f is not built (ninja -C $build)" >&2; exit 2; }
done

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# The large text: disclosure-style paragraphs (with some typographic quotes and dashes, as real
# texts have), repeated with a changing number.
cat > "$tmp/paragraphs.txt" <<'TEXT'
Security updates will continue until 31 December 2029. The device updates itself automatically.
We tell you about every security update in the app and by e-mail. Updates install at night, so you do not need to do anything.
If an update needs you to restart the camera, the app asks you first – it won’t restart on its own. You can read the list of changes for each version, e.g. version 2.1, on our web page.
In order to protect your home, the firmware is updated periodically over the air. Patches for vulnerabilities are cryptographically signed and authenticated before installation.
After support ends, the camera keeps working, but we no longer fix security flaws in it. We recommend that you replace it with a supported model at that time.
Updates are free of charge for the whole support period (“free” means no fee, ever). There is no subscription, and you do not need an account with Candor Ltd. to receive them.
The manufacturer, Example Devices Inc., is based in London, U.K. You can contact the security team at security@example.com or see https://example.com/security for details.
Customers who have questions about the end-of-life date may call our help line from Mon. to Fri., 9 a.m. to 5 p.m., or write to us.
It is not unlikely that new threats will appear, and we cannot promise that no flaw will ever be found; however, we fix reported flaws within 30 days.
- Security updates: until Dec. 2029
- Installed: automatically, at night
- Cost: free ($0.00), no account needed
TEXT
: > "$tmp/large.txt"
i=0
while [ "$(wc -w < "$tmp/large.txt")" -lt "$target_words" ]; do
  for n in 1 2 3 4 5 6 7 8 9 10; do
    i=$((i + 1))
    sed "s/2029/20$((29 + i % 70))/g" "$tmp/paragraphs.txt" >> "$tmp/large.txt"
    echo >> "$tmp/large.txt"
  done
done

"$bench" --rounds 5 --large "$tmp/large.txt" > "$tmp/candor.txt"
value () { awk -v k="$1" '$1 == k { print $2 }' "$2"; }
words=$(value large_words "$tmp/candor.txt")
candor_s=$(value large_seconds "$tmp/candor.txt")
cold=$(value large_cold_words_per_second "$tmp/candor.txt")

# npm text-readability: the same seven formulas Candor computes (Candor also finds issues).
cat > "$tmp/tr.mjs" <<'JS'
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
const [modules, file] = process.argv.slice(2);
const rs = (await import(pathToFileURL(join(modules, 'text-readability', 'main.js')).href)).default;
const text = readFileSync(file, 'utf8');
const t0 = process.cpuUsage();
const out = [rs.fleschReadingEase(text), rs.fleschKincaidGrade(text), rs.gunningFog(text),
             rs.smogIndex(text), rs.colemanLiauIndex(text), rs.automatedReadabilityIndex(text),
             rs.daleChallReadabilityScore(text)];
const used = process.cpuUsage(t0);
const seconds = (used.user + used.system) / 1e6;
console.log(seconds.toFixed(6), out.length);
JS
tr_s=NA
if command -v node > /dev/null && [ -d "$modules/text-readability" ]; then
  tr_s=$(node "$tmp/tr.mjs" "$modules" "$tmp/large.txt" | cut -d' ' -f1)
fi

# GNU style: user+system CPU time per run over the same text (process start-up included; it is
# about a millisecond), averaged over 10 runs because /usr/bin/time counts in 10 ms steps.
style_s=NA
if command -v style > /dev/null && [ -x /usr/bin/time ]; then
  /usr/bin/time -f '%U %S' -o "$tmp/style.time" \
    sh -c 'for run in 1 2 3 4 5 6 7 8 9 10; do style < "$1" > /dev/null; done' sh "$tmp/large.txt"
  style_s=$(awk '{ printf "%.6f", ($1 + $2) / 10 }' "$tmp/style.time")
fi

echo "== All times are CPU time (the machine may be busy); Candor: best of 3 analyses"
echo "== Per keystroke (typical web text of one element, typed a character at a time)"
grep '^keystroke_\|^startup_' "$tmp/candor.txt"
echo
echo "== Large text: $words words (Candor's count; the same count is used for every tool)"
awk -v w="$words" -v c="$candor_s" -v t="$tr_s" -v s="$style_s" -v cold="$cold" 'BEGIN {
  printf "%-28s %12s %16s\n", "tool", "seconds", "words/second"
  printf "%-28s %12.4f %16.0f\n", "candor (all metrics+checks)", c, w / c
  if (t != "NA") printf "%-28s %12.4f %16.0f\n", "npm text-readability 1.1.1", t, w / t
  if (s != "NA") printf "%-28s %12.4f %16.0f\n", "GNU style (diction)", s, w / s
  printf "(candor cold, first analysis in the process: %.0f words/second; %.1fx style)\n", cold, (s != "NA" ? cold * s / w : 0)
  if (t != "NA") printf "candor vs text-readability: %.1fx (target >= 50x)\n", t / c
  if (s != "NA") printf "candor vs style:            %.1fx (target >= 5x)\n", s / c
}'

# Whole processes side by side on a 1 MiB text (ISSUE-10 §4): `candor-cli readability --json`,
# `candor-cli readability` (plain text) and GNU style, each timed as user+system CPU of 10 runs
# (process start-up, reading, analysis and output included). The three alternate in
# $PROCESS_ROUNDS rounds (default 7) so that a busy machine slows them alike; the figures are
# the median round of each, and the ratios the median of the rounds' ratios.
if command -v style > /dev/null && [ -x /usr/bin/time ]; then
  : > "$tmp/mib.txt"
  i=0
  while [ "$(wc -c < "$tmp/mib.txt")" -lt 1048576 ]; do
    i=$((i + 1))
    sed "s/2029/20$((29 + i % 70))/g" "$tmp/paragraphs.txt" >> "$tmp/mib.txt"
    echo >> "$tmp/mib.txt"
  done
  runs () {
    # runs ROUND NAME COMMAND...: appends "ROUND NAME seconds-per-run" to $tmp/process.txt
    round=$1; name=$2; shift 2
    /usr/bin/time -f '%U %S' -o "$tmp/run.time" sh -c \
      'f=$1; shift; for r in 1 2 3 4 5 6 7 8 9 10; do "$@" < "$f" > /dev/null || exit 1; done' sh "$tmp/mib.txt" "$@"
    awk -v r="$round" -v n="$name" '{ printf "%s %s %.6f\n", r, n, ($1 + $2) / 10 }' "$tmp/run.time" >> "$tmp/process.txt"
  }
  : > "$tmp/process.txt"
  rounds=${PROCESS_ROUNDS:-7}
  round=1
  while [ "$round" -le "$rounds" ]; do
    runs "$round" style style
    runs "$round" json "$cli" readability --json
    runs "$round" plain "$cli" readability
    round=$((round + 1))
  done
  echo
  echo "== Whole process on a 1 MiB text ($(wc -c < "$tmp/mib.txt") bytes, $(wc -w < "$tmp/mib.txt") words by wc), CPU seconds per run, median of $rounds interleaved rounds of 10"
  awk '
    function median(list, n,   a, i, j, t) {
      for (i = 1; i <= n; i++) a[i] = list[i]
      for (i = 2; i <= n; i++) for (j = i; j > 1 && a[j - 1] > a[j]; j--) { t = a[j]; a[j] = a[j - 1]; a[j - 1] = t }
      return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
    }
    { t[$2, $1] = $3; if ($1 > n) n = $1 }
    END {
      for (r = 1; r <= n; r++) {
        s[r] = t["style", r]; j[r] = t["json", r]; p[r] = t["plain", r]
        rj[r] = t["style", r] / t["json", r]; rp[r] = t["style", r] / t["plain", r]
      }
      printf "%-34s %10.4f\n", "GNU style (diction)", median(s, n)
      printf "%-34s %10.4f   %.1fx style (target >= 5x)\n", "candor-cli readability --json", median(j, n), median(rj, n)
      printf "%-34s %10.4f   %.1fx style\n", "candor-cli readability (plain)", median(p, n), median(rp, n)
      printf "(per round, style/--json:"
      for (r = 1; r <= n; r++) printf " %.1f", rj[r]
      printf "; style/plain:"
      for (r = 1; r <= n; r++) printf " %.1f", rp[r]
      printf ")\n"
    }' "$tmp/process.txt"
fi

# Syllables: Candor vs npm syllable on the CMU dictionary's alphabetic words.
if command -v node > /dev/null && [ -d "$modules/syllable" ] && [ -d "$modules/cmu-pronouncing-dictionary" ]; then
  node "$root/tests/readability/cmu-export.mjs" "$modules" > "$tmp/cmu.tsv"
  cut -f1 "$tmp/cmu.tsv" > "$tmp/words.txt"
  /usr/bin/time -f '%U %S' -o "$tmp/syl.time" "$cli" syllables < "$tmp/words.txt" > "$tmp/candor-syl.tsv"
  cat > "$tmp/syl.mjs" <<'JS'
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
const [modules, file] = process.argv.slice(2);
const { syllable } = await import(pathToFileURL(join(modules, 'syllable', 'index.js')).href);
const words = readFileSync(file, 'utf8').split('\n').filter(Boolean);
const t0 = process.cpuUsage();
const out = words.map((w) => w + '\t' + syllable(w));
const used = process.cpuUsage(t0);
const seconds = (used.user + used.system) / 1e6;
process.stderr.write(seconds.toFixed(6) + '\n');
process.stdout.write(out.join('\n') + '\n');
JS
  npm_s=$(node "$tmp/syl.mjs" "$modules" "$tmp/words.txt" 2>&1 > "$tmp/npm-syl.tsv")
  echo
  echo "== Syllables on the CMU Pronouncing Dictionary (exact = matches any listed pronunciation)"
  paste "$tmp/cmu.tsv" "$tmp/candor-syl.tsv" "$tmp/npm-syl.tsv" | awk -F '\t' \
    -v cs="$(awk '{ print $1 + $2 + 0.005 }' "$tmp/syl.time")" -v ns="$npm_s" '
    function ok(list, n,   p, i, k) { k = split(list, p, ","); for (i = 1; i <= k; i++) if (p[i] + 0 == n + 0) return 1; return 0 }
    { total++; c += ok($2, $4); s += ok($2, $6) }
    END {
      printf "%-34s %8.2f%% exact   %10.0f words/second\n", "candor (candor-cli syllables)", 100 * c / total, total / cs
      printf "%-34s %8.2f%% exact   %10.0f words/second\n", "npm syllable 5.0.1", 100 * s / total, total / ns
      printf "(%d words; CPU time; candor as a whole process run, npm syllable in-process)\n", total
    }'
fi
