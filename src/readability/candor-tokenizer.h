/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-tokenizer.h: splits text into sentences (units) and words, with character offsets. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * CandorWordKind:
 * @CANDOR_WORD_PLAIN: an ordinary word, hyphenated word or contraction
 * @CANDOR_WORD_NUMBER: anything with a digit: number, date in digits, time,
 *   price, percentage, version, model number ("31", "2.1", "$3.50", "XR-200")
 * @CANDOR_WORD_DATE_PART: a month name in a date ("December", "Jan.")
 * @CANDOR_WORD_URL: a web address ("https://…", "www.…", "example.com/…")
 * @CANDOR_WORD_EMAIL: an e-mail address
 * @CANDOR_WORD_ABBREVIATION: a dotted abbreviation or initial ("e.g.", "U.S.", "J.")
 *
 * What a word is. Every kind but @CANDOR_WORD_PLAIN counts as one word of one
 * syllable (see POLICY.md).
 */
typedef enum
{
  CANDOR_WORD_PLAIN,
  CANDOR_WORD_NUMBER,
  CANDOR_WORD_DATE_PART,
  CANDOR_WORD_URL,
  CANDOR_WORD_EMAIL,
  CANDOR_WORD_ABBREVIATION,
} CandorWordKind;

/**
 * CandorWordFlags:
 * @CANDOR_WORD_FLAG_TOPIC: an unavoidable topic word ("security", "update")
 * @CANDOR_WORD_FLAG_FAMILIAR: familiar for Dale–Chall
 * @CANDOR_WORD_FLAG_COMPLEX: three or more syllables (Gunning Fog, SMOG)
 * @CANDOR_WORD_FLAG_CAPITALISED: starts with an upper-case letter
 * @CANDOR_WORD_FLAG_ALL_CAPS: at least two letters, all upper case
 * @CANDOR_WORD_FLAG_SENTENCE_START: first word of its sentence
 */
typedef enum
{
  CANDOR_WORD_FLAG_TOPIC          = 1 << 0,
  CANDOR_WORD_FLAG_FAMILIAR       = 1 << 1,
  CANDOR_WORD_FLAG_COMPLEX        = 1 << 2,
  CANDOR_WORD_FLAG_CAPITALISED    = 1 << 3,
  CANDOR_WORD_FLAG_ALL_CAPS       = 1 << 4,
  CANDOR_WORD_FLAG_SENTENCE_START = 1 << 5,
} CandorWordFlags;

/**
 * CandorWord:
 * @start: offset of the first character, in Unicode characters (code points)
 *   from the start of the text — not bytes
 * @end: offset just past the last character, in characters
 * @byte_start: the same in bytes, for slicing the UTF-8 text
 * @byte_end: the same in bytes
 * @kind: what the word is
 * @flags: #CandorWordFlags
 * @syllables: syllables as counted for the formulas (POLICY.md: numbers,
 *   dates, topic words … count as one)
 * @spoken_syllables: syllables of the word as spoken (for explanations)
 * @characters: letters and digits in the word
 * @sentence: index of the sentence that holds the word
 */
typedef struct
{
  guint          start;
  guint          end;
  guint          byte_start;
  guint          byte_end;
  CandorWordKind kind;
  guint          flags;
  guint          syllables;
  guint          spoken_syllables;
  guint          characters;
  guint          sentence;
} CandorWord;

/**
 * CandorSentence:
 * @start: character offset of the first word (code points, not bytes)
 * @end: character offset just past the sentence, including its final
 *   punctuation
 * @byte_start: the same in bytes
 * @byte_end: the same in bytes
 * @first_word: index of its first word
 * @n_words: number of words
 * @syllables: sum of the words' @syllables
 * @finished: %TRUE if ended by . ! ? or by the end of a line; %FALSE for the
 *   last sentence when the text stops in the middle of it
 * @list_item: %TRUE if the line starts with a list marker ("-", "•", "1.")
 *
 * One sentence, or one list item or line (a "unit" in POLICY.md).
 */
typedef struct
{
  guint    start;
  guint    end;
  guint    byte_start;
  guint    byte_end;
  guint    first_word;
  guint    n_words;
  guint    syllables;
  gboolean finished;
  gboolean list_item;
} CandorSentence;

/* Splits valid UTF-8 @text into @words and @sentences (arrays of CandorWord and
 * CandorSentence, appended to) and returns the length of @text in characters.
 * Only offsets, @kind and the sentence fields are filled in; the analysis
 * classifies the words. Internal to the engine. */
guint candor_tokenize (const char *text,
                       gsize       length,
                       GArray     *words,
                       GArray     *sentences);

/* g_utf8_validate_len() with its result and @end, faster on mostly ASCII text (which it
 * skips eight bytes at a time). Internal to the engine and its command line. */
gboolean candor_utf8_validate (const char  *text,
                               gsize        length,
                               const char **end);

G_END_DECLS
