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
    NULL,
  };
  return rules;
}
