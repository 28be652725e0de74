// SPDX-License-Identifier: GPL-3.0-or-later
// cmu-export.mjs: prints the alphabetic words of the CMU Pronouncing Dictionary as
// "word<TAB>counts", counts being the syllables of each listed pronunciation (comma-separated).
// Usage: node cmu-export.mjs NODE_MODULES_DIR   (tests/js/node_modules)
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const modules = process.argv[2];
if (!modules) {
  process.stderr.write('usage: node cmu-export.mjs NODE_MODULES_DIR\n');
  process.exit(2);
}
const { dictionary } = await import(pathToFileURL(join(modules, 'cmu-pronouncing-dictionary', 'index.js')).href);

const words = new Map();
for (const [key, phones] of Object.entries(dictionary)) {
  const word = key.replace(/\(\d+\)$/, '');
  if (!/^[a-z]+$/.test(word))
    continue;
  // Every vowel phoneme carries a stress digit: one digit, one syllable.
  const count = (phones.match(/[012]/g) || []).length;
  if (!words.has(word))
    words.set(word, []);
  if (!words.get(word).includes(count))
    words.get(word).push(count);
}
const lines = [];
for (const [word, counts] of words)
  lines.push(word + '\t' + counts.join(','));
process.stdout.write(lines.join('\n') + '\n');
