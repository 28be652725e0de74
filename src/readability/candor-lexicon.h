/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-lexicon.h: everything the engine knows about one lower-case word, looked up once (private). */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  CANDOR_LEX_TOPIC        = 1 << 0,  /* topic-words.txt (or its possessive) */
  CANDOR_LEX_FAMILIAR     = 1 << 1,  /* Dale–Chall list, with regular inflections */
  CANDOR_LEX_MONTH        = 1 << 2,  /* months.txt */
  CANDOR_LEX_BE_VERB      = 1 << 3,  /* be-verbs.txt */
  CANDOR_LEX_NEGATOR      = 1 << 4,  /* negators.txt or ends in n't */
  CANDOR_LEX_NEGATED      = 1 << 5,  /* negated-words.txt */
  CANDOR_LEX_PARTICIPLE   = 1 << 6,  /* irregular participle or a regular -ed form */
  CANDOR_LEX_ADJECTIVAL   = 1 << 7,  /* adjectival-participles.txt */
  CANDOR_LEX_GAP_ADVERB   = 1 << 8,  /* may stand between "is" and its participle */
  CANDOR_LEX_PHRASE_START = 1 << 9,  /* first word of an entry of a phrase table */
  CANDOR_LEX_JARGON_WORD  = 1 << 10, /* a one-word entry of jargon.tsv */
  /* which phrase tables have an entry starting with the word (with CANDOR_LEX_PHRASE_START) */
  CANDOR_LEX_STARTS_JARGON = 1 << 11,
  CANDOR_LEX_STARTS_WORDY  = 1 << 12,
  CANDOR_LEX_STARTS_VAGUE  = 1 << 13,
  CANDOR_LEX_STARTS_HEDGE  = 1 << 14,
} CandorLexFlags;

#define CANDOR_LEX_PHRASE_BITS (CANDOR_LEX_PHRASE_START | CANDOR_LEX_STARTS_JARGON | CANDOR_LEX_STARTS_WORDY \
                                | CANDOR_LEX_STARTS_VAGUE | CANDOR_LEX_STARTS_HEDGE)

typedef struct
{
  guint32 flags;     /* CandorLexFlags */
  guint32 syllables; /* candor_syllables_count() of the word */
} CandorLexEntry;

/* Looks @lower (a lower-case word, as the analysis stores it) up in every word
 * list at once. Results are cached per thread, so a word seen before costs one
 * hash lookup. */
CandorLexEntry candor_lexicon_lookup (const char *lower);

/* The hash candor_lexicon_lookup_hashed() wants (FNV-1a over the bytes of the word). */
#define CANDOR_LEXICON_HASH_INIT        2166136261u
#define CANDOR_LEXICON_HASH_STEP(h, c)  (((h) ^ (guchar) (c)) * 16777619u)

/* candor_lexicon_lookup() of @lower, @len bytes long, whose hash the caller made as it
 * lower-cased it. */
CandorLexEntry candor_lexicon_lookup_hashed (const char *lower,
                                             guint32     len,
                                             guint32     hash);

G_END_DECLS
