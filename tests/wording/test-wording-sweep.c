/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-wording-sweep.c: every combination of answers gives clean text that passes the readability checks. */
#include <glib.h>
#include <locale.h>

#include "candor-readability.h"
#include "candor-wording.h"
#include "wording-test-util.h"

/* ---- sweep ---- */

static GRegex *bad_words;
static GRegex *numeric_date;
static guint n_texts;
static guint n_analysed;
static double max_grade;
static char *max_grade_text;

/* The generated text must pass the project's own readability checks for its kind, with no
 * finding at all (standards are named with their issuer written out). */
static void
assert_readable (const char *text, CandorTextKind kind, const char *context)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CandorTextAnalysis) analysis = NULL;
  GPtrArray *findings;
  double grade = 0;

  if (*text == '\0')
    return;
  analysis = candor_text_analysis_new (text, -1, kind, CANDOR_ANALYSIS_NONE, &error);
  g_assert_no_error (error);
  n_analysed++;
  findings = candor_text_analysis_get_findings (analysis);
  for (guint i = 0; i < findings->len; i++)
    {
      CandorFinding *finding = g_ptr_array_index (findings, i);

      g_error ("%s finding “%s” (%s) in %s text for %s: “%s”", finding->rule, finding->quote,
               finding->message, kind == CANDOR_TEXT_LABEL ? "label" : "web", context, text);
    }
  if (candor_text_analysis_get_grade (analysis, &grade) && grade > max_grade)
    {
      max_grade = grade;
      g_free (max_grade_text);
      max_grade_text = g_strdup (text);
    }
}

static void
assert_clean (const char *text, const char *context)
{
  if (text == NULL)
    return;
  n_texts++;
  if (g_regex_match (bad_words, text, 0, NULL) || g_regex_match (numeric_date, text, 0, NULL) ||
      strstr (text, "(null)") != NULL || strchr (text, '%') != NULL || strstr (text, "  ") != NULL ||
      strstr (text, " .") != NULL || strstr (text, "..") != NULL)
    g_error ("bad text for %s: “%s”", context, text);
}

/* The manufacturer's name is not repeated in two sentences in a row (after the first,
 * "It"): a paragraph that says "Acme … Acme … Acme …" reads like a form. */
static void
assert_name_not_repeated (CandorDocument *document, const char *text, const char *context)
{
  const char *maker = candor_document_get_manufacturer (document);
  g_autoptr (GRegex) split = NULL;
  g_autoptr (GRegex) product = NULL;
  g_autofree char *product_name = NULL;
  g_autofree char *without_product = NULL;
  g_auto (GStrv) sentences = NULL;

  if (text == NULL || *text == '\0' || maker == NULL || *maker == '\0')
    return;
  /* "The Acme Cam 2" names the product, not the maker. */
  {
    g_autofree char *full = g_strdup_printf ("%s %s", maker, candor_document_get_product_name (document));
    product_name = g_regex_escape_string (full, -1);
  }
  product = g_regex_new (product_name, 0, 0, NULL);
  without_product = g_regex_replace_literal (product, text, -1, 0, "(product)", 0, NULL);
  split = g_regex_new ("(?<=[.!?])\\s+", 0, 0, NULL);
  sentences = g_regex_split (split, without_product, 0);
  for (guint i = 1; sentences[0] != NULL && sentences[i] != NULL; i++)
    if (strstr (sentences[i - 1], maker) != NULL && strstr (sentences[i], maker) != NULL)
      g_error ("“%s” in two sentences in a row for %s: “%s”", maker, context, text);
}

static void
check_document (CandorDocument *document, const char *context)
{
  for (CandorElementId id = 0; id < CANDOR_N_ELEMENTS; id++)
    {
      g_autofree char *label = candor_wording_generate (document, id, CANDOR_TEXT_LABEL);
      g_autofree char *web = candor_wording_generate (document, id, CANDOR_TEXT_WEB);
      g_autofree char *short_answer = candor_wording_short_answer (document, id);

      assert_clean (label, context);
      assert_clean (web, context);
      assert_name_not_repeated (document, label, context);
      assert_name_not_repeated (document, web, context);
      assert_readable (label, CANDOR_TEXT_LABEL, context);
      assert_readable (web, CANDOR_TEXT_WEB, context);
      assert_clean (short_answer, context);
      g_assert_nonnull (label);
      g_assert_nonnull (web);
      /* A text is whole sentences, and the web text never says less than the label. */
      if (*label != '\0')
        g_assert_true (g_str_has_suffix (label, "."));
      if (*web != '\0')
        g_assert_true (g_str_has_suffix (web, "."));
      g_assert_cmpuint (strlen (web), >=, strlen (label));
      /* Every answered label element has a row on the packaging label. */
      if (candor_element_id_is_label (id))
        g_assert_true (*label == '\0' || short_answer != NULL);
    }
  {
    g_autoptr (GPtrArray) issues = candor_wording_check (document);
    for (guint i = 0; i < issues->len; i++)
      assert_clean (((CandorIssue *) g_ptr_array_index (issues, i))->message, context);
  }
}

/* Each combination with a named product, and with no names at all ("This device", "the
 * maker"). */
static void
sweep (const char *json)
{
  g_autoptr (CandorDocument) named = wording_test_document ("Acme", "Cam 2", json);
  g_autoptr (CandorDocument) unnamed = wording_test_document (NULL, NULL, json);

  check_document (named, json);
  check_document (unnamed, json);
}

static void
test_sweep (void)
{
  static const char *const a1[] = {
    "{'receives_updates': 'yes'}", "{'receives_updates': 'no'}",
    "{'receives_updates': 'no', 'no_reason': 'Old chip.', 'no_advice': ['replace', 'isolate', 'offline', 'other'], 'no_advice_other': 'Unplug it'}",
    "{'receives_updates': 'service'}", "{'receives_updates': 'service', 'service_how': 'return'}",
    "{'receives_updates': 'service', 'service_how': 'technician'}", "{'receives_updates': 'service', 'service_how': 'store'}",
  };
  static const char *const methods[] = { "", "'method': 'automatic',", "'method': 'automatic-default',",
                                         "'method': 'approve',", "'method': 'manual',",
                                         "'method': 'manual', 'manual_how': ['usb'], 'manual_minutes': 90,",
                                         "'method': 'manual', 'manual_how': ['app', 'web', 'usb', 'service-visit'], 'manual_minutes': 60," };
  static const char *const costs[] = { "", "'cost': 'free',", "'cost': 'included-period',",
                                       "'cost': 'included-period', 'included_months': 1,",
                                       "'cost': 'included-period', 'included_months': 36,",
                                       "'cost': 'subscription',", "'cost': 'per-update'," };
  static const char *const prices[] = { "", "'price': {'amount': '4.99', 'currency': 'EUR'},",
                                        "'price': {'amount': '5', 'currency': 'USD'}, 'price_period': 'month',",
                                        "'price': {'amount': '5.5', 'currency': 'USD'}, 'price_period': 'year'," };
  static const char *const internet[] = { "'x': 1", "'needs_internet': true", "'needs_internet': false" };
  static const char *const ends[] = {
    "{'end_kind': 'date', 'end_date': '2031-12'}", "{'end_kind': 'date', 'end_date': '2031-12-31', 'at_least': true}",
    "{'end_kind': 'none'}", "{'end_kind': 'unknown'}",
    "{'end_kind': 'unknown', 'unknown_reason': 'Waiting for the chip maker.', 'known_by': '2027-03'}",
  };
  static const char *const froms[] = { "purchase", "registration", "first-sale", "end-of-sale" };
  static const int months[] = { 1, 12, 18, 60, 66, 1200 };
  static const char *const sale_dates[] = { "", ", 'first_sale_date': '2028-02-29'",
                                            ", 'first_sale_date': '2025-03', 'end_of_sale_date': '2027-06-30'" };
  static const char *const channels[] = { "app", "device", "email", "sms", "push", "web", "none" };
  static const char *const schedules[] = { "", ", 'schedule': 'as-needed'", ", 'schedule': 'monthly'",
                                           ", 'schedule': 'quarterly'", ", 'schedule': 'other'",
                                           ", 'schedule': 'other', 'schedule_other': 'Twice a year'" };
  static const char *const afters[] = { "keeps-working", "loses-functions", "stops", "paid-extension", "handover", "other" };
  static const char *const measures[] = { "signed", "encrypted", "tested", "recovery", "independent-testing" };
  static const char *const standards[] = { "etsi-en-303-645", "iec-62443-4-2", "nistir-8259a", "uptane", "tuf", "ietf-suit" };

  for (guint i = 0; i < G_N_ELEMENTS (a1); i++)
    {
      g_autofree char *json = g_strdup_printf ("{'A1': %s, 'B2': {'after_end': 'stops'}}", a1[i]);
      sweep (json);
    }

  for (guint m = 0; m < G_N_ELEMENTS (methods); m++)
    for (guint c = 0; c < G_N_ELEMENTS (costs); c++)
      for (guint p = 0; p < G_N_ELEMENTS (prices); p++)
        for (guint n = 0; n < G_N_ELEMENTS (internet); n++)
          {
            g_autofree char *json = g_strdup_printf ("{'A1': {'receives_updates': 'yes'}, 'A2': {%s %s %s %s}}",
                                                     methods[m], costs[c], prices[p], internet[n]);
            sweep (json);
          }

  for (guint e = 0; e < G_N_ELEMENTS (ends); e++)
    {
      g_autofree char *json = g_strdup_printf ("{'A3': %s}", ends[e]);
      sweep (json);
    }
  for (guint f = 0; f < G_N_ELEMENTS (froms); f++)
    for (guint m = 0; m < G_N_ELEMENTS (months); m++)
      for (guint s = 0; s < G_N_ELEMENTS (sale_dates); s++)
        for (guint al = 0; al < 2; al++)
          {
            g_autofree char *json =
              g_strdup_printf ("{'A3': {'end_kind': 'period', 'period_from': '%s', 'period_months': %d, 'at_least': %s%s}}",
                               froms[f], months[m], al ? "true" : "false", sale_dates[s]);
            sweep (json);
          }

  for (guint mask = 0; mask < (1u << G_N_ELEMENTS (channels)); mask++)
    {
      g_autoptr (GString) list = g_string_new (NULL);

      for (guint i = 0; i < G_N_ELEMENTS (channels); i++)
        if (mask & (1u << i))
          g_string_append_printf (list, "%s'%s'", list->len > 0 ? ", " : "", channels[i]);
      for (guint s = 0; s < G_N_ELEMENTS (schedules); s++)
        {
          g_autofree char *json =
            g_strdup_printf ("{'B1': {'channels': [%s], 'tells_what_fixed': %s, 'warns_before_end': %s%s}}",
                             list->str, mask & 1 ? "true" : "false", mask & 2 ? "true" : "false", schedules[s]);
          sweep (json);
        }
    }

  for (guint a = 0; a < G_N_ELEMENTS (afters); a++)
    for (guint d = 0; d < 2; d++)
      {
        g_autofree char *json =
          g_strdup_printf ("{'B2': {'after_end': '%s'%s}}", afters[a],
                           d ? ", 'lost_functions': 'alerts', 'extension_how': 'In the app.', 'extension_price': "
                               "{'amount': '10', 'currency': 'EUR'}, 'extension_period': 'once', 'handover_party': "
                               "'Secure Co', 'other': 'It becomes a plain camera', 'advice': 'Replace it.'"
                             : "");
        sweep (json);
      }

  for (guint mm = 0; mm < (1u << G_N_ELEMENTS (measures)); mm++)
    for (guint sm = 0; sm < (1u << G_N_ELEMENTS (standards)); sm += 7)
      {
        g_autoptr (GString) ml = g_string_new (NULL);
        g_autoptr (GString) sl = g_string_new (NULL);
        g_autofree char *json = NULL;

        for (guint i = 0; i < G_N_ELEMENTS (measures); i++)
          if (mm & (1u << i))
            g_string_append_printf (ml, "%s'%s'", ml->len > 0 ? ", " : "", measures[i]);
        for (guint i = 0; i < G_N_ELEMENTS (standards); i++)
          if (sm & (1u << i))
            g_string_append_printf (sl, "%s'%s'", sl->len > 0 ? ", " : "", standards[i]);
        json = g_strdup_printf ("{'B3': {'measures': [%s], 'standards': [%s]%s}}", ml->str, sl->str,
                                mm % 3 == 0 ? ", 'free_text': 'The device checks its software at each start.'" : "");
        sweep (json);
      }

  g_test_message ("%u texts checked, %u analysed; highest Flesch-Kincaid grade %.1f: %s",
                  n_texts, n_analysed, max_grade, max_grade_text);
  g_assert_cmpuint (n_texts, >, 5000);
  g_assert_cmpfloat (max_grade, <=, CANDOR_TARGET_GRADE);
  g_clear_pointer (&max_grade_text, g_free);
}

/* The sweep's own checks must catch what they look for. */
static void
test_detectors (void)
{
  g_assert_true (g_regex_match (bad_words, "Support Expires soon.", 0, NULL));
  g_assert_true (g_regex_match (bad_words, "Expiry: 2029.", 0, NULL));
  g_assert_true (g_regex_match (numeric_date, "Until 12/31/29.", 0, NULL));
  g_assert_true (g_regex_match (numeric_date, "Until 2029-12.", 0, NULL));
  g_assert_true (g_regex_match (numeric_date, "Until 31.12.2029.", 0, NULL));
  g_assert_false (g_regex_match (numeric_date, "It costs 4.99 EUR per month.", 0, NULL));
  g_assert_false (g_regex_match (numeric_date, "IEC 62443-4-2 is a standard.", 0, NULL));
}

int
main (int argc, char *argv[])
{
  int status;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  bad_words = g_regex_new ("expir", G_REGEX_CASELESS, 0, NULL);
  numeric_date = g_regex_new ("\\b\\d{4}-\\d{2}\\b|\\b\\d{1,2}/\\d{1,2}(/\\d{2,4})?\\b|\\b\\d{1,2}\\.\\d{1,2}\\.\\d{2,4}\\b",
                              0, 0, NULL);

  g_test_add_func ("/candor/wording/sweep/detectors", test_detectors);
  g_test_add_func ("/candor/wording/sweep/all-answers", test_sweep);
  status = g_test_run ();
  g_regex_unref (bad_words);
  g_regex_unref (numeric_date);
  return status;
}
