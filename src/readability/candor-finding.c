/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-finding.c: the rule ids a finding can carry. */
#include "config.h"

#include "candor-finding.h"

/**
 * candor_finding_get_rules:
 *
 * Every rule id the engine reports, for settings pages and tests.
 *
 * Returns: (transfer none) (array zero-terminated=1): the `CANDOR_RULE_…` ids
 */
const char * const *
candor_finding_get_rules (void)
{
  static const char *const rules[] = {
    CANDOR_RULE_LONG_SENTENCE, CANDOR_RULE_VERY_LONG_SENTENCE, CANDOR_RULE_PASSIVE_VOICE,
    CANDOR_RULE_JARGON, CANDOR_RULE_WORDY_PHRASE, CANDOR_RULE_VAGUE_WORD, CANDOR_RULE_HEDGE,
    CANDOR_RULE_DOUBLE_NEGATIVE, CANDOR_RULE_UNDEFINED_ABBREVIATION, CANDOR_RULE_ALL_CAPS,
    CANDOR_RULE_HARD_WORDS,
    NULL,
  };
  return rules;
}

/**
 * candor_finding_write_json:
 *
 * Writes the object candor_finding_to_json() returns, without building it.
 */
void
candor_finding_write_json (const CandorFinding *f, CandorJsonWriter *w)
{
  g_return_if_fail (f != NULL);

  candor_json_writer_begin_object (w);
  candor_json_writer_key (w, "rule");
  candor_json_writer_string (w, f->rule);
  candor_json_writer_key (w, "start");
  candor_json_writer_int (w, f->start);
  candor_json_writer_key (w, "end");
  candor_json_writer_int (w, f->end);
  candor_json_writer_key (w, "quote");
  candor_json_writer_string (w, f->quote);
  candor_json_writer_key (w, "message");
  candor_json_writer_string (w, f->message);
  candor_json_writer_key (w, "suggestion");
  if (f->suggestion != NULL)
    candor_json_writer_string (w, f->suggestion);
  else
    candor_json_writer_null (w);
  candor_json_writer_key (w, "replaceable");
  candor_json_writer_boolean (w, f->replaceable);
  candor_json_writer_end_object (w);
}
