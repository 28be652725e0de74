/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-readability-data.h: word lists and phrase tables of the readability engine (private). */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* One entry of a phrase table: a phrase of one or more lower-case words and
 * its plain replacement (NULL when there is none, e.g. most hedges). */
typedef struct
{
  char  **words;      /* lower-case words of the phrase, NULL-terminated */
  guint   n_words;
  char   *phrase;     /* the words joined by spaces */
  char   *suggestion; /* nullable */
} CandorPhrase;

/* Phrases indexed by their first word; candidates are sorted longest first so
 * that "in order to" wins over "in order". */
typedef struct
{
  GHashTable *by_first_word; /* char* → GPtrArray of CandorPhrase* */
  guint       n_phrases;
} CandorPhraseTable;

typedef struct
{
  GHashTable        *syllables;     /* lower-case word → GUINT_TO_POINTER (count) */
  GHashTable        *endings;       /* word ending → GINT_TO_POINTER (correction + 100) */
  GHashTable        *familiar;      /* Dale–Chall familiar words (set) */
  GHashTable        *topic;         /* unavoidable topic words (set) */
  GHashTable        *abbreviations; /* lower-case, without the final dot: "e.g", "jan" (set) */
  GHashTable        *months;        /* lower-case month names and abbreviations (set) */
  GHashTable        *acronyms;      /* upper-case acronyms buyers know: "USB", "TV" (set) */
  GHashTable        *participles;   /* irregular past participles: "sent", "built" (set) */
  GHashTable        *adjectival;    /* participles read as adjectives after "be": "connected" (set) */
  GHashTable        *be_verbs;      /* forms of "be" that make a passive (set) */
  GHashTable        *negators;      /* "not", "never", "no", "cannot" (set) */
  GHashTable        *negated;       /* words negative by prefix: "unlikely", "impossible" (set) */
  CandorPhraseTable  jargon;
  CandorPhraseTable  wordy;
  CandorPhraseTable  vague;
  CandorPhraseTable  hedges;
} CandorReadabilityData;

/* Loads every list from the GResource on first call (thread-safe, once per
 * process) and returns the shared, read-only tables. */
const CandorReadabilityData *candor_readability_data_get (void);

/* The exception count for a lower-case a–z word, or 0 if the rules apply. */
guint candor_readability_data_lookup_syllables (const char *lower_word);

/* The correction the ending table gives a lower-case a–z word of @length letters
 * (the longest listed ending wins; none for an ending that is the whole word). */
int   candor_readability_data_ending_correction (const char *lower_word,
                                                 gsize       length);

/* The longest phrase of @table that starts at @words[0] (lower-case words),
 * or NULL. */
const CandorPhrase *candor_phrase_table_match (const CandorPhraseTable *table,
                                               const char * const      *words,
                                               guint                    n_words);

/* Asks the system to back the 2 MiB-aligned part of a large buffer (@bytes ≥ 4 MiB) by
 * transparent huge pages where it offers them on request: touching fresh memory one 4 KiB
 * page at a time costs more than the analysis of a large text on some systems (1 MiB of
 * text: 4 MB of decoded characters and 7 MB of words, ~2,900 page faults, ~30 ms). */
void candor_readability_advise_huge (gpointer data,
                                     gsize    bytes);

G_END_DECLS
