/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-rules.c: every inline check, with a text where it fires and one where it must not. */
#include "candor-readability.h"

#include <string.h>

typedef struct
{
  const char     *rule;
  CandorTextKind  kind;
  const char     *text;
  const char     *quote;      /* the finding's text; NULL: the rule must not fire */
  const char     *suggestion; /* expected suggestion, or NULL to not check */
} RuleCase;

#define LABEL CANDOR_TEXT_LABEL
#define WEB   CANDOR_TEXT_WEB

/* 13 words: long on the label (> 12), fine on the web (≤ 20). */
#define THIRTEEN "We send a free update to your camera every month until the end of 2029."
/* 22 words: very long on the label (> 20), long on the web (> 20). */
#define TWENTY_TWO "We send a free update to your camera and to your doorbell every month until the end of 2029 if you keep them online."

static const RuleCase cases[] = {
  { CANDOR_RULE_LONG_SENTENCE, LABEL, THIRTEEN, THIRTEEN, NULL },
  { CANDOR_RULE_LONG_SENTENCE, WEB, THIRTEEN, NULL, NULL },
  { CANDOR_RULE_LONG_SENTENCE, LABEL, "We send free updates until 2029.", NULL, NULL },
  { CANDOR_RULE_VERY_LONG_SENTENCE, LABEL, TWENTY_TWO, TWENTY_TWO, NULL },
  { CANDOR_RULE_LONG_SENTENCE, WEB, TWENTY_TWO, TWENTY_TWO, NULL },
  { CANDOR_RULE_VERY_LONG_SENTENCE, WEB, TWENTY_TWO, NULL, NULL },
  { CANDOR_RULE_LONG_SENTENCE, LABEL, TWENTY_TWO, NULL, NULL }, /* very long replaces long */

  { CANDOR_RULE_PASSIVE_VOICE, WEB, "Updates are installed automatically at night.", "are installed", NULL },
  { CANDOR_RULE_PASSIVE_VOICE, WEB, "Updates are automatically installed at night.", "are automatically installed", NULL },
  { CANDOR_RULE_PASSIVE_VOICE, WEB, "Fixes were written by our team.", "were written", NULL },
  { CANDOR_RULE_PASSIVE_VOICE, WEB, "The device is connected to the internet.", NULL, NULL },
  { CANDOR_RULE_PASSIVE_VOICE, WEB, "The camera is supported until 2030.", NULL, NULL },
  { CANDOR_RULE_PASSIVE_VOICE, WEB, "The device is connected by the installer.", "is connected", NULL },
  { CANDOR_RULE_PASSIVE_VOICE, WEB, "We install updates at night.", NULL, NULL },
  { CANDOR_RULE_PASSIVE_VOICE, WEB, "The update is free and it is fast.", NULL, NULL },

  { CANDOR_RULE_JARGON, WEB, "We update the firmware monthly.", "firmware", "device software" },
  { CANDOR_RULE_JARGON, WEB, "Updates arrive OTA.", "OTA", "over the internet" },
  { CANDOR_RULE_JARGON, WEB, "Firmware updates are free.", "Firmware updates", "Software updates" },
  { CANDOR_RULE_JARGON, WEB, "We fix each vulnerability quickly.", "vulnerability", "security flaw" },
  { CANDOR_RULE_JARGON, WEB, "We update the software monthly.", NULL, NULL },

  { CANDOR_RULE_WORDY_PHRASE, WEB, "Restart the hub in order to finish.", "in order to", "to" },
  { CANDOR_RULE_WORDY_PHRASE, WEB, "Prior to 2030 we send fixes.", "Prior to", "Before" },
  { CANDOR_RULE_WORDY_PHRASE, WEB, "Restart the hub to finish.", NULL, NULL },
  { CANDOR_RULE_WORDY_PHRASE, WEB, "The order arrives in two days.", NULL, NULL },

  /* ISSUE-15: formal and legal words (plain-words.tsv), inflected forms too */
  { CANDOR_RULE_WORDY_PHRASE, WEB, "Our utilization of data is small.", "utilization", "use" },
  { CANDOR_RULE_WORDY_PHRASE, WEB, "Our team endeavours to help.", "endeavours", "tries" },
  { CANDOR_RULE_WORDY_PHRASE, WEB, "We ascertain the fault first.", "ascertain", "find out" },
  { CANDOR_RULE_WORDY_PHRASE, WEB, "Subsequently we send a fix.", "Subsequently", "Later" },
  { CANDOR_RULE_WORDY_PHRASE, WEB, "Notwithstanding this, fixes are free.", "Notwithstanding", "Despite" },
  { CANDOR_RULE_WORDY_PHRASE, WEB, "You get supplementary fixes.", "supplementary", "extra" },
  { CANDOR_RULE_WORDY_PHRASE, WEB, "We list all modifications online.", "modifications", "changes" },
  { CANDOR_RULE_WORDY_PHRASE, WEB, "Support commenced in 2024.", "commenced", "started" },
  { CANDOR_RULE_WORDY_PHRASE, WEB, "We fix flaws pursuant to the law.", "pursuant to", "under" },
  { CANDOR_RULE_WORDY_PHRASE, WEB, "The terms herein apply.", "herein", "here" },
  { CANDOR_RULE_WORDY_PHRASE, WEB, "We test each part thereof.", "thereof", "of it" },
  { CANDOR_RULE_WORDY_PHRASE, WEB, "This functionality is new.", NULL, NULL }, /* jargon, not wordy */
  { CANDOR_RULE_JARGON, WEB, "This functionality is new.", "functionality", "features" },
  { CANDOR_RULE_WORDY_PHRASE, WEB, "We change the app and try again.", NULL, NULL },

  /* short texts: each sentence is checked for long, uncommon words */
  { CANDOR_RULE_HARD_WORDS, WEB,
    "The utilization of supplementary modifications notwithstanding, we endeavour to ascertain the issue and subsequently remediate it.",
    "The utilization of supplementary modifications notwithstanding, we endeavour to ascertain the issue and subsequently remediate it.", NULL },
  { CANDOR_RULE_HARD_WORDS, LABEL, "Considerable complications necessitate postponement.",
    "Considerable complications necessitate postponement.", NULL },
  { CANDOR_RULE_HARD_WORDS, WEB, "Updates install automatically every night and the device restarts quietly.", NULL, NULL },
  { CANDOR_RULE_HARD_WORDS, WEB, "Security updates for the device and its software are supported online.", NULL, NULL },

  { CANDOR_RULE_VAGUE_WORD, WEB, "We check for updates periodically.", "periodically", NULL },
  { CANDOR_RULE_VAGUE_WORD, WEB, "We fix flaws from time to time.", "from time to time", NULL },
  { CANDOR_RULE_VAGUE_WORD, WEB, "Support lasts for a reasonable period.", "a reasonable period", NULL },
  { CANDOR_RULE_VAGUE_WORD, WEB, "Support continues until further notice.", "until further notice", NULL },
  { CANDOR_RULE_VAGUE_WORD, WEB, "We check for updates every day.", NULL, NULL },

  { CANDOR_RULE_HEDGE, WEB, "Updates may arrive each month.", "may", NULL },
  { CANDOR_RULE_HEDGE, WEB, "We aim to fix flaws in 30 days.", "We aim to", "We will" },
  { CANDOR_RULE_HEDGE, WEB, "Support ends on 1 May 2030.", NULL, NULL },
  { CANDOR_RULE_HEDGE, WEB, "Updates arrive each month.", NULL, NULL },
  { CANDOR_RULE_HEDGE, WEB, "You may turn off automatic updates in the app.", NULL, NULL },

  { CANDOR_RULE_DOUBLE_NEGATIVE, WEB, "A flaw is not unlikely.", "not unlikely", "likely" },
  { CANDOR_RULE_DOUBLE_NEGATIVE, WEB, "We never send no updates.", "never send no", NULL },
  { CANDOR_RULE_DOUBLE_NEGATIVE, WEB, "We do not charge for updates.", NULL, NULL },
  { CANDOR_RULE_DOUBLE_NEGATIVE, WEB, "Neither the app nor the hub costs money.", NULL, NULL },
  { CANDOR_RULE_DOUBLE_NEGATIVE, WEB, "Model No. 5 does not get updates.", NULL, NULL },

  { CANDOR_RULE_UNDEFINED_ABBREVIATION, WEB, "Updates follow the ETSI rules.", "ETSI", NULL },
  { CANDOR_RULE_UNDEFINED_ABBREVIATION, WEB, "Updates follow the European rules (ETSI). ETSI is strict.", NULL, NULL },
  { CANDOR_RULE_UNDEFINED_ABBREVIATION, WEB, "Updates follow ETSI (European standards) rules.", NULL, NULL },
  { CANDOR_RULE_UNDEFINED_ABBREVIATION, WEB, "Plug it into a USB port.", NULL, NULL },
  { CANDOR_RULE_UNDEFINED_ABBREVIATION, WEB, "Updates arrive OTA.", NULL, NULL }, /* jargon instead */

  { CANDOR_RULE_ALL_CAPS, WEB, "DO NOT UNPLUG the hub.", "DO NOT UNPLUG", "Do not unplug" },
  { CANDOR_RULE_ALL_CAPS, WEB, "Updates are FREE, ALWAYS.", "FREE, ALWAYS", "free, always" },
  { CANDOR_RULE_ALL_CAPS, WEB, "Updates are FREE.", "FREE", "free" },
  { CANDOR_RULE_UNDEFINED_ABBREVIATION, WEB, "Updates are FREE.", NULL, NULL },
  { CANDOR_RULE_ALL_CAPS, WEB, "Updates are free. WARNING: keep it online.", "WARNING", "Warning" },
  { CANDOR_RULE_ALL_CAPS, WEB, "Plug the USB cable into the TV.", NULL, NULL },
  { CANDOR_RULE_ALL_CAPS, WEB, "Do not unplug the hub.", NULL, NULL },
  { CANDOR_RULE_ALL_CAPS, WEB, "We follow ETSI EN 303 645, a European standard.", NULL, NULL },
  { CANDOR_RULE_ALL_CAPS, WEB, "We follow NIST IR 8259A.", NULL, NULL },
  { CANDOR_RULE_ALL_CAPS, WEB, "They wrote SUIT (Software Updates for Internet of Things).", NULL, NULL },
  { CANDOR_RULE_ALL_CAPS, WEB, "DO NOT UNPLUG 2 times.", "DO NOT UNPLUG", "Do not unplug" },
};

static const CandorFinding *
find_rule (GPtrArray *findings, const char *rule)
{
  for (guint i = 0; i < findings->len; i++)
    {
      const CandorFinding *f = g_ptr_array_index (findings, i);
      if (strcmp (f->rule, rule) == 0)
        return f;
    }
  return NULL;
}

static void
test_case (gconstpointer data)
{
  const RuleCase *c = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(CandorTextAnalysis) a = candor_text_analysis_new (c->text, -1, c->kind, CANDOR_ANALYSIS_NONE, &error);
  const CandorFinding *f;

  g_assert_no_error (error);
  f = find_rule (candor_text_analysis_get_findings (a), c->rule);
  if (c->quote == NULL)
    {
      if (f != NULL)
        g_test_message ("unexpected %s on “%s”", f->rule, f->quote);
      g_assert_null (f);
      return;
    }
  if (f == NULL)
    g_error ("no %s finding on “%s”", c->rule, c->text);
  g_assert_cmpstr (f->quote, ==, c->quote);
  /* the character span is the quote */
  {
    g_autofree gunichar *ucs = g_utf8_to_ucs4 (c->text, -1, NULL, NULL, NULL);
    g_autofree char *span = g_ucs4_to_utf8 (ucs + f->start, f->end - f->start, NULL, NULL, NULL);
    g_assert_cmpstr (span, ==, c->quote);
  }
  g_assert_nonnull (f->message);
  g_assert_cmpuint (strlen (f->message), >, 10);
  if (c->suggestion != NULL)
    g_assert_cmpstr (f->suggestion, ==, c->suggestion);
}

/* Every rule id is covered by at least one firing and one non-firing case. */
static void
test_coverage (void)
{
  const char * const *rules = candor_finding_get_rules ();

  for (guint r = 0; rules[r] != NULL; r++)
    {
      gboolean fires = FALSE, silent = FALSE;
      for (gsize k = 0; k < G_N_ELEMENTS (cases); k++)
        if (strcmp (cases[k].rule, rules[r]) == 0)
          {
            fires |= cases[k].quote != NULL;
            silent |= cases[k].quote == NULL;
          }
      if (!fires || !silent)
        g_test_message ("rule %s lacks a %s case", rules[r], fires ? "not-firing" : "firing");
      g_assert_true (fires && silent);
    }
}

/* While typing at the end, the unfinished sentence is not "too long"; once finished, it is. */
static void
test_in_progress (void)
{
  const char *typing = "We send a free update to your camera every month until the end of";
  g_autofree char *finished = g_strconcat (typing, " 2029.", NULL);
  g_autoptr(CandorTextAnalysis) a = candor_text_analysis_new (typing, -1, LABEL, CANDOR_ANALYSIS_IN_PROGRESS, NULL);
  g_autoptr(CandorTextAnalysis) b = candor_text_analysis_new (typing, -1, LABEL, CANDOR_ANALYSIS_NONE, NULL);
  g_autoptr(CandorTextAnalysis) c = candor_text_analysis_new (finished, -1, LABEL, CANDOR_ANALYSIS_IN_PROGRESS, NULL);
  g_autoptr(CandorTextAnalysis) d = candor_text_analysis_new ("It is free. We send a free update to your camera every month until the end of 2029. Then",
                                                              -1, LABEL, CANDOR_ANALYSIS_IN_PROGRESS, NULL);
  g_autoptr(CandorTextAnalysis) e = candor_text_analysis_new ("We follow the ETS", -1, WEB, CANDOR_ANALYSIS_IN_PROGRESS, NULL);
  g_autoptr(CandorTextAnalysis) f = candor_text_analysis_new ("We follow the ETS ", -1, WEB, CANDOR_ANALYSIS_IN_PROGRESS, NULL);

  g_assert_null (find_rule (candor_text_analysis_get_findings (a), CANDOR_RULE_LONG_SENTENCE));
  g_assert_nonnull (find_rule (candor_text_analysis_get_findings (b), CANDOR_RULE_LONG_SENTENCE));
  g_assert_nonnull (find_rule (candor_text_analysis_get_findings (c), CANDOR_RULE_LONG_SENTENCE));
  /* a finished long sentence before the one being typed is still reported */
  g_assert_nonnull (find_rule (candor_text_analysis_get_findings (d), CANDOR_RULE_LONG_SENTENCE));
  /* the word under the caret gets no finding until a space follows it */
  g_assert_null (find_rule (candor_text_analysis_get_findings (e), CANDOR_RULE_UNDEFINED_ABBREVIATION));
  g_assert_nonnull (find_rule (candor_text_analysis_get_findings (f), CANDOR_RULE_UNDEFINED_ABBREVIATION));
}

/* The abbreviation finding is given once, at the first use. */
static void
test_abbreviation_once (void)
{
  g_autoptr(CandorTextAnalysis) a = candor_text_analysis_new ("ETSI sets rules. ETSI checks them.", -1, WEB, CANDOR_ANALYSIS_NONE, NULL);
  GPtrArray *findings = candor_text_analysis_get_findings (a);
  guint count = 0;

  for (guint i = 0; i < findings->len; i++)
    if (strcmp (((CandorFinding *) g_ptr_array_index (findings, i))->rule, CANDOR_RULE_UNDEFINED_ABBREVIATION) == 0)
      count++;
  g_assert_cmpuint (count, ==, 1);
  g_assert_cmpuint (((CandorFinding *) g_ptr_array_index (findings, 0))->start, ==, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  for (gsize k = 0; k < G_N_ELEMENTS (cases); k++)
    {
      g_autofree char *path = g_strdup_printf ("/candor/readability/rules/%s/%s/%" G_GSIZE_FORMAT,
                                               cases[k].rule, cases[k].quote ? "fires" : "silent", k);
      g_test_add_data_func (path, &cases[k], test_case);
    }
  g_test_add_func ("/candor/readability/rules/coverage", test_coverage);
  g_test_add_func ("/candor/readability/rules/in-progress", test_in_progress);
  g_test_add_func ("/candor/readability/rules/abbreviation-once", test_abbreviation_once);
  return g_test_run ();
}
