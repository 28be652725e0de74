/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-readiness.c: one definition of "ready" (candor_readiness_check()): ready, blocked by each
 * kind of reason, dismissed findings, texts not analysed yet, and the export gate built on it. */
#include <glib.h>
#include <locale.h>
#include <string.h>

#include "candor-analysis-cache.h"
#include "candor-bundle-export.h"
#include "candor-format.h"
#include "candor-readiness.h"

/* 34 words, one sentence, grade 33: "Hard to read", with jargon, an abbreviation and advice. */
#define HARD_TEXT \
  "Notwithstanding the aforementioned considerations, the manufacturer shall endeavour to ascertain " \
  "the applicability of supplementary firmware modifications pursuant to contractual obligations, " \
  "subsequently disseminating cryptographic patches via OTA mechanisms whenever commercially " \
  "reasonable circumstances necessitate such interventions."

/* Lets any result that is still to come arrive. */
static void
spin_a_while (void)
{
  gint64 until = g_get_monotonic_time () + 100 * 1000;

  while (g_get_monotonic_time () < until)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
}

static CandorDocument *
load_example (void)
{
  const char *root = g_getenv ("CANDOR_SOURCE_ROOT");
  g_autofree char *path = NULL;
  g_autoptr (GFile) file = NULL;
  g_autoptr (GError) error = NULL;
  CandorDocument *document;

  if (root == NULL)
    root = ".";
  path = g_build_filename (root, "data", "examples", "smart-camera.candor", NULL);
  file = g_file_new_for_path (path);
  document = candor_format_load_file (file, NULL, &error);
  g_assert_no_error (error);
  return document;
}

static void
set_text (CandorDocument *document, CandorElementId id, CandorTextKind kind, const char *text)
{
  candor_element_set_text (candor_document_get_element (document, id), kind, text, TRUE);
}

/* The reasons as "kind:field:rule" joined by commas, to compare in one assertion. */
static char *
describe_reasons (CandorReadiness *readiness)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < readiness->reasons->len; i++)
    {
      CandorBlockReason *r = g_ptr_array_index (readiness->reasons, i);
      const char *field = candor_block_reason_field_key (r);

      g_test_message ("reason: %s", r->message);
      g_assert_nonnull (r->message);
      g_assert_cmpuint (strlen (r->message), >, 10);
      g_string_append_printf (s, "%s%d:%s:%s", i > 0 ? "," : "", r->kind, field != NULL ? field : "-", r->rule);
    }
  return g_string_free (s, FALSE);
}

static void
test_example_ready (void)
{
  g_autoptr (CandorDocument) document = load_example ();
  g_autoptr (CandorReadinessReport) report = candor_readiness_check_all (document, NULL, NULL);
  g_autoptr (GPtrArray) problems = candor_readiness_report_problems (report);

  g_assert_true (report->ready);
  g_assert_cmpuint (report->general->len, ==, 0);
  for (CandorElementId id = 0; id < CANDOR_N_ELEMENTS; id++)
    {
      CandorReadiness *r = report->elements[id];

      g_assert_cmpint (r->status, ==, CANDOR_READINESS_READY);
      g_assert_cmpuint (r->reasons->len, ==, 0);
      for (CandorTextKind kind = 0; kind < CANDOR_N_TEXT_KINDS; kind++)
        {
          g_assert_nonnull (r->analyses[kind]);
          g_assert_nonnull (r->open_findings[kind]);
        }
    }
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_cmpstr (candor_readiness_status_to_key (CANDOR_READINESS_READY), ==, "ready");
}

/* The case from issue 15: A.1's web text reads at a high grade with open findings. The review
 * page called it "Ready"; now the grade and the findings block, each a sentence naming the web
 * text, and the label text (still fine) gives no reason. */
static void
test_blocked_by_grade_and_findings (void)
{
  g_autoptr (CandorDocument) document = load_example ();
  g_autoptr (CandorReadiness) r = NULL;
  g_autofree char *reasons = NULL;
  CandorBlockReason *grade, *findings;

  set_text (document, CANDOR_ELEMENT_A1, CANDOR_TEXT_WEB, HARD_TEXT);
  r = candor_readiness_check (document, CANDOR_ELEMENT_A1, NULL, NULL, NULL);
  reasons = describe_reasons (r);
  g_assert_cmpint (r->status, ==, CANDOR_READINESS_BLOCKED);
  g_assert_cmpstr (reasons, ==, "4:web:readability-grade,3:web:readability-findings");
  grade = g_ptr_array_index (r->reasons, 0);
  findings = g_ptr_array_index (r->reasons, 1);
  g_assert_cmpstr (grade->message, ==, "The web text reads at grade 34: make it grade 10 or lower "
                                       "(the target is 8) with shorter sentences and everyday words.");
  /* very long sentence, "firmware", "cryptographic", "patches", "OTA"; the formal words are
   * advice and do not block */
  g_assert_cmpuint (findings->n_findings, ==, 5);
  g_assert_cmpstr (findings->message, ==, "The web text has 5 open readability findings: fix them or "
                                          "dismiss each with a reason.");
  g_assert_cmpuint (r->open_findings[CANDOR_TEXT_WEB]->len, >, 5);
  g_assert_cmpuint (r->open_findings[CANDOR_TEXT_LABEL]->len, ==, 0);
  g_assert_cmpstr (candor_readiness_status_describe (r->status), ==, "Not ready");
  g_assert_cmpstr (candor_readiness_status_to_key (r->status), ==, "needs-work");
}

/* A hard text with no finding at all still blocks, by its grade alone: no dismissal can
 * change a grade. (Flesch–Kincaid 25.0; shown rounded up, as on the field's badge.) */
static void
test_blocked_by_grade_alone (void)
{
  g_autoptr (CandorDocument) document = load_example ();
  g_autoptr (CandorReadiness) r = NULL;
  g_autofree char *reasons = NULL;

  set_text (document, CANDOR_ELEMENT_A1, CANDOR_TEXT_WEB,
            "Manufacturers communicate extraordinarily comprehensive informational documentation about "
            "working characteristics. So individuals understand considerably more information about "
            "continuing availability of the camera. Also, organizations deliver complementary educational "
            "opportunities for every owner of the camera at home.");
  r = candor_readiness_check (document, CANDOR_ELEMENT_A1, NULL, NULL, NULL);
  reasons = describe_reasons (r);
  g_assert_cmpuint (r->open_findings[CANDOR_TEXT_WEB]->len, ==, 0);
  g_assert_cmpint (r->status, ==, CANDOR_READINESS_BLOCKED);
  g_assert_cmpstr (reasons, ==, "4:web:readability-grade");
  g_assert_cmpstr (((CandorBlockReason *) g_ptr_array_index (r->reasons, 0))->message, ==,
                   "The web text reads at grade 26: make it grade 10 or lower (the target is 8) with "
                   "shorter sentences and everyday words.");
}

/* Advice alone (a formal word) does not block; jargon does. */
static void
test_advice_does_not_block (void)
{
  g_autoptr (CandorDocument) document = load_example ();
  g_autoptr (CandorReadiness) advice = NULL;
  g_autoptr (CandorReadiness) jargon = NULL;

  set_text (document, CANDOR_ELEMENT_A1, CANDOR_TEXT_WEB, "The Lumen Cam 2 shall get security updates.");
  advice = candor_readiness_check (document, CANDOR_ELEMENT_A1, NULL, NULL, NULL);
  g_assert_cmpuint (advice->open_findings[CANDOR_TEXT_WEB]->len, ==, 1);
  g_assert_cmpint (advice->status, ==, CANDOR_READINESS_READY);

  set_text (document, CANDOR_ELEMENT_A1, CANDOR_TEXT_WEB, "The Lumen Cam 2 gets firmware updates.");
  jargon = candor_readiness_check (document, CANDOR_ELEMENT_A1, NULL, NULL, NULL);
  g_assert_cmpint (jargon->status, ==, CANDOR_READINESS_BLOCKED);
  g_assert_cmpuint (jargon->reasons->len, ==, 1);
  g_assert_cmpstr (((CandorBlockReason *) g_ptr_array_index (jargon->reasons, 0))->message, ==,
                   "The web text has 1 open readability finding: fix it or dismiss it with a reason.");
  g_assert_true (candor_readiness_finding_blocks (CANDOR_RULE_JARGON));
  g_assert_true (candor_readiness_finding_blocks (CANDOR_RULE_VERY_LONG_SENTENCE));
  g_assert_false (candor_readiness_finding_blocks (CANDOR_RULE_HEDGE));
}

/* A dismissed finding no longer blocks; the same finding in the other text still does. */
static void
test_dismissed_finding_does_not_block (void)
{
  g_autoptr (CandorDocument) document = load_example ();
  g_autoptr (CandorReadiness) before = NULL;
  g_autoptr (CandorReadiness) after = NULL;
  g_autoptr (CandorReadiness) other = NULL;
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  CandorFinding *f;

  set_text (document, CANDOR_ELEMENT_A1, CANDOR_TEXT_WEB, "The Lumen Cam 2 gets firmware updates.");
  before = candor_readiness_check (document, CANDOR_ELEMENT_A1, NULL, NULL, NULL);
  g_assert_cmpint (before->status, ==, CANDOR_READINESS_BLOCKED);
  f = g_ptr_array_index (before->open_findings[CANDOR_TEXT_WEB], 0);
  g_assert_cmpstr (f->rule, ==, CANDOR_RULE_JARGON);

  {
    g_autofree char *json = g_strdup_printf ("{\"dismissals\": [{\"element\": \"A1\", \"field\": \"web_text\", "
                                             "\"rule\": \"%s\", \"quote\": \"%s\", \"start\": %u, "
                                             "\"reason\": \"Our buyers know it\"}]}",
                                             f->rule, f->quote, f->start);
    json_parser_load_from_data (parser, json, -1, &error);
    g_assert_no_error (error);
    candor_document_set_review (document, json_node_get_object (json_parser_get_root (parser)));
  }
  after = candor_readiness_check (document, CANDOR_ELEMENT_A1, NULL, NULL, NULL);
  g_assert_cmpint (after->status, ==, CANDOR_READINESS_READY);
  g_assert_cmpuint (after->reasons->len, ==, 0);
  g_assert_cmpuint (after->open_findings[CANDOR_TEXT_WEB]->len, ==, 0);

  /* The dismissal is for the web text: the label text's finding still blocks. */
  set_text (document, CANDOR_ELEMENT_A1, CANDOR_TEXT_LABEL, "The Lumen Cam 2 gets firmware updates.");
  other = candor_readiness_check (document, CANDOR_ELEMENT_A1, NULL, NULL, NULL);
  g_assert_cmpint (other->status, ==, CANDOR_READINESS_BLOCKED);
  g_assert_cmpstr (((CandorBlockReason *) g_ptr_array_index (other->reasons, 0))->message, ==,
                   "The label text has 1 open readability finding: fix it or dismiss it with a reason.");
}

/* Missing answers: status "missing", the wording check's message, and no extra "empty text". */
static void
test_blocked_by_missing_answers (void)
{
  g_autoptr (CandorDocument) document = candor_document_new ();
  g_autoptr (CandorReadinessReport) report = candor_readiness_check_all (document, NULL, NULL);
  CandorReadiness *a1 = report->elements[CANDOR_ELEMENT_A1];
  CandorBlockReason *reason;

  g_assert_false (report->ready);
  g_assert_cmpint (a1->status, ==, CANDOR_READINESS_MISSING);
  g_assert_cmpuint (a1->reasons->len, ==, 1);
  reason = g_ptr_array_index (a1->reasons, 0);
  g_assert_cmpint (reason->kind, ==, CANDOR_BLOCK_MISSING);
  g_assert_cmpstr (reason->rule, ==, "a1-missing");
  g_assert_false (reason->has_field);
  g_assert_cmpstr (candor_readiness_status_to_key (a1->status), ==, "missing");
}

/* A blocking consistency rule (an edited text that says "free" for a paid plan) blocks, with
 * the rule's own message, under its element. */
static void
test_blocked_by_contradiction (void)
{
  g_autoptr (CandorDocument) document = load_example ();
  CandorElement *a2 = candor_document_get_element (document, CANDOR_ELEMENT_A2);
  g_autoptr (CandorReadinessReport) report = NULL;
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (GPtrArray) gate = NULL;
  CandorReadiness *r;
  gboolean found = FALSE;

  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;

  json_parser_load_from_data (parser, "{\"amount\": \"2.99\", \"currency\": \"EUR\"}", -1, &error);
  g_assert_no_error (error);
  candor_element_set_answer_string (a2, "cost", "subscription");
  candor_element_set_answer_node (a2, "price", json_parser_get_root (parser));
  candor_element_set_answer_string (a2, "price_period", "year");
  report = candor_readiness_check_all (document, NULL, NULL);
  r = report->elements[CANDOR_ELEMENT_A2];
  g_assert_cmpint (r->status, ==, CANDOR_READINESS_BLOCKED);
  for (guint i = 0; i < r->reasons->len; i++)
    {
      CandorBlockReason *reason = g_ptr_array_index (r->reasons, i);

      g_test_message ("%s: %s", reason->rule, reason->message);
      g_assert_true (reason->kind == CANDOR_BLOCK_PROBLEM || reason->kind == CANDOR_BLOCK_MISSING);
      if (g_str_equal (reason->rule, "a2-text-says-free-but-paid"))
        found = TRUE;
    }
  g_assert_true (found);

  /* The export gate lists the same reasons, each once, starting with the element. */
  problems = candor_readiness_report_problems (report);
  gate = candor_bundle_export_gate (document);
  g_assert_cmpuint (gate->len, ==, problems->len);
  g_assert_cmpuint (gate->len, >, 0);
  for (guint i = 0; i < gate->len; i++)
    {
      g_assert_cmpstr (g_ptr_array_index (gate, i), ==, g_ptr_array_index (problems, i));
      g_assert_true (g_str_has_prefix (g_ptr_array_index (gate, i), "A.2 "));
    }
}

/* A text emptied by hand blocks although the answers are complete. */
static void
test_blocked_by_empty_text (void)
{
  g_autoptr (CandorDocument) document = load_example ();
  g_autoptr (CandorReadiness) r = NULL;
  g_autofree char *reasons = NULL;

  set_text (document, CANDOR_ELEMENT_B3, CANDOR_TEXT_LABEL, "  ");
  r = candor_readiness_check (document, CANDOR_ELEMENT_B3, NULL, NULL, NULL);
  reasons = describe_reasons (r);
  g_assert_cmpint (r->status, ==, CANDOR_READINESS_BLOCKED);
  g_assert_cmpstr (reasons, ==, "2:label:empty-text");
  g_assert_cmpstr (((CandorBlockReason *) g_ptr_array_index (r->reasons, 0))->message, ==,
                   "The label text is empty: answer the questions or write it.");
}

/* A supplier that has no analysis yet (the app's worker thread is still running) makes the
 * element "not yet checked", never ready; other reasons still win. */
typedef struct
{
  CandorTextKind pending;
  guint          calls;
} Pending;

static CandorTextAnalysis *
analyse_all_but_pending (CandorElementId id, CandorTextKind kind, const char *text, gpointer data)
{
  Pending *p = data;

  p->calls++;
  if (kind == p->pending)
    return NULL;
  return candor_text_analysis_new (text, -1, kind, CANDOR_ANALYSIS_NONE, NULL);
}

static void
test_not_yet_checked (void)
{
  g_autoptr (CandorDocument) document = load_example ();
  g_autoptr (CandorReadiness) r = NULL;
  g_autoptr (CandorReadiness) hard = NULL;
  g_autofree char *reasons = NULL;
  g_autofree char *hard_reasons = NULL;
  Pending pending = { CANDOR_TEXT_WEB, 0 };

  r = candor_readiness_check (document, CANDOR_ELEMENT_A1, NULL, analyse_all_but_pending, &pending);
  reasons = describe_reasons (r);
  g_assert_cmpuint (pending.calls, ==, 2);
  g_assert_cmpint (r->status, ==, CANDOR_READINESS_UNCHECKED);
  g_assert_cmpstr (reasons, ==, "5:web:not-checked");
  g_assert_null (r->analyses[CANDOR_TEXT_WEB]);
  g_assert_null (r->open_findings[CANDOR_TEXT_WEB]);
  g_assert_cmpstr (candor_readiness_status_describe (r->status), ==, "Not ready: not yet checked");
  g_assert_cmpstr (candor_readiness_status_to_key (r->status), ==, "not-checked");

  /* The label is analysed and hard: blocked, and the web text is still listed as unchecked. */
  set_text (document, CANDOR_ELEMENT_A1, CANDOR_TEXT_LABEL, "The Lumen Cam 2 gets firmware updates.");
  hard = candor_readiness_check (document, CANDOR_ELEMENT_A1, NULL, analyse_all_but_pending, &pending);
  hard_reasons = describe_reasons (hard);
  g_assert_cmpint (hard->status, ==, CANDOR_READINESS_BLOCKED);
  g_assert_cmpstr (hard_reasons, ==, "3:label:readability-findings,5:web:not-checked");
}

/* ---- the analysis cache: short texts at once, long ones in a worker thread ---------------- */

static char *
long_plain_text (const char *last_sentence)
{
  GString *s = g_string_new (NULL);

  while (s->len < 19000)
    g_string_append (s, "Updates come every month. ");
  g_string_append (s, last_sentence);
  return g_string_free (s, FALSE);
}

static void
count_analysed (CandorAnalysisCache *cache, guint id, guint kind, guint *n)
{
  (*n)++;
}

static void
wait_analysed (guint *n, guint target)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (*n < target)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
}

static void
test_cache_short_text_at_once (void)
{
  g_autoptr (CandorAnalysisCache) cache = candor_analysis_cache_new ();
  g_autoptr (CandorTextAnalysis) a = NULL;
  g_autoptr (CandorTextAnalysis) again = NULL;
  g_autoptr (CandorTextAnalysis) other = NULL;

  a = candor_analysis_cache_request (cache, CANDOR_ELEMENT_A1, CANDOR_TEXT_WEB, "Updates are free.", CANDOR_ANALYSIS_NONE);
  g_assert_nonnull (a);
  g_assert_false (candor_analysis_cache_is_pending (cache, CANDOR_ELEMENT_A1, CANDOR_TEXT_WEB));
  again = candor_analysis_cache_lookup (cache, CANDOR_ELEMENT_A1, CANDOR_TEXT_WEB, "Updates are free.");
  g_assert_true (again == a);
  g_assert_null (candor_analysis_cache_lookup (cache, CANDOR_ELEMENT_A1, CANDOR_TEXT_WEB, "Updates cost money."));
  g_assert_null (candor_analysis_cache_lookup (cache, CANDOR_ELEMENT_A1, CANDOR_TEXT_LABEL, "Updates are free."));
  other = candor_analysis_cache_request (cache, CANDOR_ELEMENT_A1, CANDOR_TEXT_WEB, "Updates are free.", CANDOR_ANALYSIS_IN_PROGRESS);
  g_assert_nonnull (other);
  g_assert_true (other != a);
  g_assert_cmpuint (candor_analysis_cache_get_n_threaded (cache), ==, 0);
}

/* A long text: NULL at first ("not yet checked" for readiness), then the worker's result,
 * announced once, and readiness sees the finding at its very end. */
static void
test_cache_long_text_in_thread (void)
{
  g_autoptr (CandorDocument) document = load_example ();
  CandorAnalysisCache *cache = candor_analysis_cache_get_for_document (document);
  g_autofree char *text = long_plain_text ("The firmware is new.");
  g_autoptr (CandorReadiness) before = NULL;
  g_autoptr (CandorReadiness) after = NULL;
  g_autoptr (CandorTextAnalysis) result = NULL;
  guint n = 0;
  CandorFinding *f;

  g_assert_true (candor_analysis_cache_get_for_document (document) == cache);
  g_signal_connect (cache, "analysed", G_CALLBACK (count_analysed), &n);
  set_text (document, CANDOR_ELEMENT_A1, CANDOR_TEXT_WEB, text);
  before = candor_readiness_check (document, CANDOR_ELEMENT_A1, NULL, candor_analysis_cache_readiness_analyse, cache);
  g_assert_cmpint (before->status, ==, CANDOR_READINESS_UNCHECKED);
  g_assert_true (candor_analysis_cache_is_pending (cache, CANDOR_ELEMENT_A1, CANDOR_TEXT_WEB));
  g_assert_cmpuint (candor_analysis_cache_get_n_threaded (cache), ==, 1);
  /* Asking again while it runs starts nothing new. */
  g_assert_null (candor_analysis_cache_request (cache, CANDOR_ELEMENT_A1, CANDOR_TEXT_WEB, text, CANDOR_ANALYSIS_NONE));
  g_assert_cmpuint (candor_analysis_cache_get_n_threaded (cache), ==, 1);

  wait_analysed (&n, 1);
  g_assert_false (candor_analysis_cache_is_pending (cache, CANDOR_ELEMENT_A1, CANDOR_TEXT_WEB));
  result = candor_analysis_cache_lookup (cache, CANDOR_ELEMENT_A1, CANDOR_TEXT_WEB, text);
  g_assert_nonnull (result);
  g_assert_cmpuint (candor_text_analysis_get_findings (result)->len, ==, 1);
  f = g_ptr_array_index (candor_text_analysis_get_findings (result), 0);
  g_assert_cmpstr (f->rule, ==, CANDOR_RULE_JARGON);
  g_assert_cmpuint (f->end, ==, g_utf8_strlen (text, -1) - strlen (" is new."));

  after = candor_readiness_check (document, CANDOR_ELEMENT_A1, NULL, candor_analysis_cache_readiness_analyse, cache);
  g_assert_cmpint (after->status, ==, CANDOR_READINESS_BLOCKED);
  g_assert_cmpuint (candor_analysis_cache_get_n_threaded (cache), ==, 1);
  spin_a_while ();
  g_assert_cmpuint (n, ==, 1);
}

/* Typing on while a worker runs: the newest text wins, the stale result is dropped, and at
 * most one worker runs per text. */
static void
test_cache_stale_result_dropped (void)
{
  g_autoptr (CandorAnalysisCache) cache = candor_analysis_cache_new ();
  g_autofree char *first = long_plain_text ("The firmware is new.");
  g_autofree char *second = long_plain_text ("The firmware is newer.");
  g_autofree char *third = long_plain_text ("The software is newer.");
  g_autoptr (CandorTextAnalysis) result = NULL;
  guint n = 0;

  g_signal_connect (cache, "analysed", G_CALLBACK (count_analysed), &n);
  g_assert_null (candor_analysis_cache_request (cache, CANDOR_ELEMENT_B1, CANDOR_TEXT_WEB, first, CANDOR_ANALYSIS_NONE));
  g_assert_null (candor_analysis_cache_request (cache, CANDOR_ELEMENT_B1, CANDOR_TEXT_WEB, second, CANDOR_ANALYSIS_NONE));
  g_assert_null (candor_analysis_cache_request (cache, CANDOR_ELEMENT_B1, CANDOR_TEXT_WEB, third, CANDOR_ANALYSIS_NONE));
  /* The first runs; only the newest waits for it. */
  g_assert_cmpuint (candor_analysis_cache_get_n_threaded (cache), ==, 1);
  wait_analysed (&n, 1);
  g_assert_cmpuint (candor_analysis_cache_get_n_threaded (cache), ==, 2);
  g_assert_null (candor_analysis_cache_lookup (cache, CANDOR_ELEMENT_B1, CANDOR_TEXT_WEB, first));
  g_assert_null (candor_analysis_cache_lookup (cache, CANDOR_ELEMENT_B1, CANDOR_TEXT_WEB, second));
  result = candor_analysis_cache_lookup (cache, CANDOR_ELEMENT_B1, CANDOR_TEXT_WEB, third);
  g_assert_nonnull (result);
  g_assert_cmpuint (candor_text_analysis_get_findings (result)->len, ==, 0);
  spin_a_while ();
  g_assert_cmpuint (n, ==, 1);

  /* A short text asked for while a worker runs replaces it: the worker's result is dropped. */
  g_clear_object (&result);
  g_assert_null (candor_analysis_cache_request (cache, CANDOR_ELEMENT_B1, CANDOR_TEXT_WEB, first, CANDOR_ANALYSIS_NONE));
  result = candor_analysis_cache_request (cache, CANDOR_ELEMENT_B1, CANDOR_TEXT_WEB, "Short now.", CANDOR_ANALYSIS_NONE);
  g_assert_nonnull (result);
  while (candor_analysis_cache_is_pending (cache, CANDOR_ELEMENT_B1, CANDOR_TEXT_WEB))
    g_main_context_iteration (NULL, TRUE);
  spin_a_while ();
  g_assert_cmpuint (n, ==, 1);
  g_assert_null (candor_analysis_cache_lookup (cache, CANDOR_ELEMENT_B1, CANDOR_TEXT_WEB, first));
  g_assert_nonnull (candor_analysis_cache_lookup (cache, CANDOR_ELEMENT_B1, CANDOR_TEXT_WEB, "Short now."));
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("LANGUAGE", "C", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/candor/readiness/example-ready", test_example_ready);
  g_test_add_func ("/candor/readiness/blocked/grade-and-findings", test_blocked_by_grade_and_findings);
  g_test_add_func ("/candor/readiness/blocked/grade-alone", test_blocked_by_grade_alone);
  g_test_add_func ("/candor/readiness/blocked/advice-does-not-block", test_advice_does_not_block);
  g_test_add_func ("/candor/readiness/blocked/missing-answers", test_blocked_by_missing_answers);
  g_test_add_func ("/candor/readiness/blocked/contradiction", test_blocked_by_contradiction);
  g_test_add_func ("/candor/readiness/blocked/empty-text", test_blocked_by_empty_text);
  g_test_add_func ("/candor/readiness/dismissed-finding", test_dismissed_finding_does_not_block);
  g_test_add_func ("/candor/readiness/not-yet-checked", test_not_yet_checked);
  g_test_add_func ("/candor/readiness/cache/short-text-at-once", test_cache_short_text_at_once);
  g_test_add_func ("/candor/readiness/cache/long-text-in-thread", test_cache_long_text_in_thread);
  g_test_add_func ("/candor/readiness/cache/stale-result-dropped", test_cache_stale_result_dropped);
  return g_test_run ();
}
