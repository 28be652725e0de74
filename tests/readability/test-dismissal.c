/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-dismissal.c: dismissed findings stay dismissed across edits elsewhere in the text. */
#include "candor-readability.h"

#include <string.h>

static CandorTextAnalysis *
analyse (const char *text)
{
  g_autoptr(GError) error = NULL;
  CandorTextAnalysis *a = candor_text_analysis_new (text, -1, CANDOR_TEXT_WEB, CANDOR_ANALYSIS_NONE, &error);

  g_assert_no_error (error);
  return a;
}

static guint
count_rule (GPtrArray *findings, const char *rule)
{
  guint n = 0;

  for (guint i = 0; i < findings->len; i++)
    if (strcmp (((CandorFinding *) g_ptr_array_index (findings, i))->rule, rule) == 0)
      n++;
  return n;
}

/* The first finding of @rule; fails the test if there is none. */
static const CandorFinding *
first_of (GPtrArray *findings, const char *rule)
{
  for (guint i = 0; i < findings->len; i++)
    if (strcmp (((CandorFinding *) g_ptr_array_index (findings, i))->rule, rule) == 0)
      return g_ptr_array_index (findings, i);
  g_error ("no %s finding", rule);
}

/* Dismiss "firmware" in one text; after text is added before it, the dismissal still
 * matches (same rule, same quote), although the offset moved. */
static void
test_survives_edit (void)
{
  g_autoptr(CandorTextAnalysis) before = analyse ("We update the firmware monthly.");
  g_autoptr(CandorTextAnalysis) after = analyse ("Updates are free. We update the firmware monthly.");
  g_autoptr(GPtrArray) dismissals = g_ptr_array_new_with_free_func ((GDestroyNotify) candor_dismissal_free);
  g_autoptr(GPtrArray) kept = NULL;
  const CandorFinding *f = first_of (candor_text_analysis_get_findings (before), CANDOR_RULE_JARGON);

  g_ptr_array_add (dismissals, candor_dismissal_new (f->rule, f->quote, f->start));

  kept = candor_dismissals_filter (candor_text_analysis_get_findings (after), dismissals);
  g_assert_cmpuint (count_rule (candor_text_analysis_get_findings (after), CANDOR_RULE_JARGON), ==, 1);
  g_assert_cmpuint (count_rule (kept, CANDOR_RULE_JARGON), ==, 0);
}

/* With the same phrase twice, only the one nearest the saved start is dismissed. */
static void
test_nearest (void)
{
  const char *text = "The firmware is new. We sign the firmware.";
  g_autoptr(CandorTextAnalysis) a = analyse (text);
  g_autoptr(CandorTextAnalysis) edited = analyse ("Note: the firmware is new. We sign the firmware.");
  GPtrArray *findings = candor_text_analysis_get_findings (a);
  g_autoptr(GPtrArray) dismissals = g_ptr_array_new_with_free_func ((GDestroyNotify) candor_dismissal_free);
  g_autoptr(GPtrArray) kept = NULL;
  g_autoptr(GPtrArray) kept_edited = NULL;
  const CandorFinding *second = NULL;

  g_assert_cmpuint (count_rule (findings, CANDOR_RULE_JARGON), ==, 2);
  for (guint i = 0; i < findings->len; i++)
    {
      const CandorFinding *f = g_ptr_array_index (findings, i);
      if (strcmp (f->rule, CANDOR_RULE_JARGON) == 0)
        second = f;
    }
  if (second == NULL)
    g_error ("no jargon finding");
  g_ptr_array_add (dismissals, candor_dismissal_new (second->rule, second->quote, second->start));

  kept = candor_dismissals_filter (findings, dismissals);
  g_assert_cmpuint (count_rule (kept, CANDOR_RULE_JARGON), ==, 1);
  g_assert_cmpuint (first_of (kept, CANDOR_RULE_JARGON)->start, ==, 4);

  /* six characters added at the start: still the second one that is hidden */
  kept_edited = candor_dismissals_filter (candor_text_analysis_get_findings (edited), dismissals);
  g_assert_cmpuint (count_rule (kept_edited, CANDOR_RULE_JARGON), ==, 1);
  g_assert_cmpuint (first_of (kept_edited, CANDOR_RULE_JARGON)->start, ==, 10);
}

/* A different rule or a changed quote does not match. */
static void
test_no_match (void)
{
  g_autoptr(CandorTextAnalysis) a = analyse ("We update the firmware monthly.");
  g_autoptr(GPtrArray) dismissals = g_ptr_array_new_with_free_func ((GDestroyNotify) candor_dismissal_free);
  g_autoptr(GPtrArray) kept = NULL;

  g_ptr_array_add (dismissals, candor_dismissal_new (CANDOR_RULE_HEDGE, "firmware", 14));
  g_ptr_array_add (dismissals, candor_dismissal_new (CANDOR_RULE_JARGON, "Firmware", 14));
  kept = candor_dismissals_filter (candor_text_analysis_get_findings (a), dismissals);
  g_assert_cmpuint (count_rule (kept, CANDOR_RULE_JARGON), ==, 1);
}

/* Dismissals are read from the draft's review object, per element and field. */
static void
test_from_review (void)
{
  const char *json =
    "{\"dismissals\": ["
    " {\"element\": \"A2\", \"field\": \"web_text\", \"rule\": \"jargon\", \"quote\": \"firmware\", \"start\": 14, \"reason\": \"defined on the page\"},"
    " {\"element\": \"A2\", \"field\": \"label_text\", \"rule\": \"jargon\", \"quote\": \"OTA\"},"
    " {\"element\": \"B1\", \"field\": \"web_text\", \"rule\": \"hedge\", \"quote\": \"may\"},"
    " {\"element\": \"A2\", \"field\": \"web_text\", \"rule\": \"hedge\"},"
    " {\"element\": {}, \"field\": \"web_text\", \"rule\": \"hedge\", \"quote\": \"may\"},"
    " {\"element\": \"A2\", \"field\": \"web_text\", \"rule\": [1], \"quote\": 7},"
    " {\"element\": \"A2\", \"field\": \"web_text\", \"rule\": \"hedge\", \"quote\": \"may\", \"start\": \"x\"},"
    " 42 ]}";
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) web = NULL;
  g_autoptr(GPtrArray) label = NULL;
  g_autoptr(GPtrArray) none = NULL;
  const CandorDismissal *d;

  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);
  web = candor_dismissals_from_review (json_node_get_object (json_parser_get_root (parser)),
                                       CANDOR_ELEMENT_A2, CANDOR_TEXT_WEB);
  /* skipped: the entry without a quote, members of the wrong type, the number */
  g_assert_cmpuint (web->len, ==, 2);
  d = g_ptr_array_index (web, 0);
  g_assert_cmpstr (d->rule, ==, "jargon");
  g_assert_cmpstr (d->quote, ==, "firmware");
  g_assert_cmpint (d->start, ==, 14);
  /* a start that is not a number is treated as unknown */
  d = g_ptr_array_index (web, 1);
  g_assert_cmpstr (d->rule, ==, "hedge");
  g_assert_cmpint (d->start, ==, -1);

  label = candor_dismissals_from_review (json_node_get_object (json_parser_get_root (parser)),
                                         CANDOR_ELEMENT_A2, CANDOR_TEXT_LABEL);
  g_assert_cmpuint (label->len, ==, 1);
  g_assert_cmpint (((CandorDismissal *) g_ptr_array_index (label, 0))->start, ==, -1);

  none = candor_dismissals_from_review (NULL, CANDOR_ELEMENT_A1, CANDOR_TEXT_WEB);
  g_assert_cmpuint (none->len, ==, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/candor/readability/dismissal/survives-edit", test_survives_edit);
  g_test_add_func ("/candor/readability/dismissal/nearest", test_nearest);
  g_test_add_func ("/candor/readability/dismissal/no-match", test_no_match);
  g_test_add_func ("/candor/readability/dismissal/from-review", test_from_review);
  return g_test_run ();
}
