/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-word-diff.h: a word-by-word difference of two texts ("changes since approval"). */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  CANDOR_DIFF_EQUAL,
  CANDOR_DIFF_DELETE,   /* in the old text only */
  CANDOR_DIFF_INSERT,   /* in the new text only */
} CandorDiffOp;

/**
 * CandorDiffRun:
 * @op: what happened to @text
 * @text: a run of whole tokens (words, spaces, punctuation), UTF-8
 */
typedef struct
{
  CandorDiffOp  op;
  char         *text;
} CandorDiffRun;

void candor_diff_run_free (CandorDiffRun *run);

/**
 * candor_word_diff:
 * @old_text: the text as approved
 * @new_text: the text now
 *
 * Splits both texts into tokens (a word is a run of letters, digits and inner apostrophes
 * or hyphens; each run of white space is one token; any other character is a token of its
 * own) and returns the shortest edit between them as runs: joining the EQUAL and DELETE
 * runs gives @old_text, joining the EQUAL and INSERT runs gives @new_text. Matching words
 * count for more than matching punctuation, and white space for little, so words line up
 * first; white space alone between two changes joins them into one. Adjacent runs of the
 * same kind are merged; within a changed stretch the DELETE run comes before the INSERT.
 * The common beginning and end are matched first; a changed middle larger than 2,000,000
 * token pairs is reported as one deletion and one insertion rather than searched.
 * Returns: (transfer full) (element-type CandorDiffRun)
 */
GPtrArray *candor_word_diff (const char *old_text,
                             const char *new_text);

/* A plain rendering for terminals and logs: deletions as [-…-], insertions as {+…+}. */
char      *candor_word_diff_to_string (GPtrArray *runs);

G_END_DECLS
