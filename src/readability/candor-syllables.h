/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-syllables.h: English syllable counting (rules plus a shipped exception list). */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * candor_syllables_count:
 * @word: one word, UTF-8, any case; apostrophes and hyphens are allowed
 * @length: length of @word in bytes, or -1 if nul-terminated
 *
 * Counts the syllables of an English word: the rules of
 * candor_syllables_count_rules() overridden by the exception list in the
 * resource `syllable-exceptions.txt` (loaded once, on first use). Hyphenated
 * words count as the sum of their parts. A word without letters (a number,
 * a symbol) counts as one syllable, as POLICY.md says.
 *
 * Returns: the number of syllables, at least 1
 */
guint candor_syllables_count       (const char *word,
                                    gssize      length);

/**
 * candor_syllables_count_rules:
 * @word: one word, UTF-8
 * @length: length of @word in bytes, or -1 if nul-terminated
 *
 * Like candor_syllables_count() but with the rules only — spelling rules plus
 * the corrections by word ending of `syllable-endings.tsv` — without the list
 * of single words. Its accuracy is the one to expect on words outside the list.
 *
 * Returns: the number of syllables, at least 1
 */
guint candor_syllables_count_rules (const char *word,
                                    gssize      length);

G_END_DECLS
