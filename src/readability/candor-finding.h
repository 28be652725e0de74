/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-finding.h: one problem found in a text (span, rule, message, suggestion). */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

#include "candor-json-writer.h"

G_BEGIN_DECLS

/* Stable rule ids, saved in drafts with dismissals: never rename one. */
#define CANDOR_RULE_LONG_SENTENCE          "long-sentence"
#define CANDOR_RULE_VERY_LONG_SENTENCE     "very-long-sentence"
#define CANDOR_RULE_PASSIVE_VOICE          "passive-voice"
#define CANDOR_RULE_JARGON                 "jargon"
#define CANDOR_RULE_WORDY_PHRASE           "wordy-phrase"
#define CANDOR_RULE_VAGUE_WORD             "vague-word"
#define CANDOR_RULE_HEDGE                  "hedge"
#define CANDOR_RULE_DOUBLE_NEGATIVE        "double-negative"
#define CANDOR_RULE_UNDEFINED_ABBREVIATION "undefined-abbreviation"
#define CANDOR_RULE_ALL_CAPS               "all-caps"
#define CANDOR_RULE_HARD_WORDS             "hard-words"

/**
 * CandorFinding:
 * @rule: the rule id, one of the `CANDOR_RULE_…` strings (static)
 * @start: first character of the span, in Unicode characters (code points,
 *   not bytes) from the start of the text
 * @end: character just past the span
 * @byte_start: the same in bytes
 * @byte_end: the same in bytes
 * @quote: the text of the span
 * @message: a plain, translated explanation for the user
 * @suggestion: (nullable): replacement text for the span, or a hint in
 *   brackets when the user must supply a fact ("give the end date"); %NULL
 *   when there is none
 * @replaceable: %TRUE if @suggestion can replace the span as it is (a
 *   one-click fix); %FALSE if it is only advice
 *
 * One finding. Owned by its #CandorTextAnalysis.
 */
typedef struct
{
  const char *rule;
  guint       start;
  guint       end;
  guint       byte_start;
  guint       byte_end;
  char       *quote;
  char       *message;
  char       *suggestion;
  gboolean    replaceable;
} CandorFinding;

/* All rule ids, NULL-terminated. */
const char * const *candor_finding_get_rules (void);

/* The finding as published by `--json` (DESIGN §8): rule, start, end (characters), quote,
 * message, suggestion (null when none), replaceable. Returns: (transfer full) */
JsonObject         *candor_finding_to_json   (const CandorFinding *finding);
/* The same object, streamed. */
void                candor_finding_write_json (const CandorFinding *finding,
                                               CandorJsonWriter    *writer);

G_END_DECLS
