/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-wording-example.c: the shipped example camera passes every check and matches its answers. */
#include <glib.h>
#include <locale.h>

#include "candor-format.h"
#include "candor-wording.h"
#include "wording-test-util.h"

static CandorDocument *
load_example (void)
{
  const char *root = g_getenv ("CANDOR_SOURCE_ROOT");
  g_autofree char *path = NULL;
  g_autoptr (GFile) file = NULL;
  g_autoptr (GError) error = NULL;
  CandorDocument *document;

  /* meson test sets it (tests/meson.build); by hand, run from the source root. */
  if (root == NULL)
    root = ".";
  path = g_build_filename (root, "data", "examples", "smart-camera.candor", NULL);
  file = g_file_new_for_path (path);
  document = candor_format_load_file (file, NULL, &error);
  g_assert_no_error (error);
  return document;
}

/* The example is a finished disclosure: nothing blocks its export, every page is ready. */
static void
test_example_ready (void)
{
  g_autoptr (CandorDocument) document = load_example ();
  g_autoptr (GPtrArray) issues = candor_wording_check (document);

  for (guint i = 0; i < issues->len; i++)
    {
      CandorIssue *issue = g_ptr_array_index (issues, i);
      g_test_message ("%s: %s", issue->rule, issue->message);
      g_assert_cmpint (issue->severity, !=, CANDOR_SEVERITY_BLOCKING);
    }
  for (CandorElementId id = 0; id < CANDOR_N_ELEMENTS; id++)
    g_assert_cmpint (candor_wording_element_status (document, id), ==, CANDOR_ELEMENT_STATUS_READY);

  {
    g_autofree char *a3 = candor_wording_short_answer (document, CANDOR_ELEMENT_A3);
    g_autofree char *a3_web = candor_wording_generate (document, CANDOR_ELEMENT_A3, CANDOR_TEXT_WEB);
    g_assert_cmpstr (a3, ==, "At least until 31 December 2030");
    g_assert_cmpstr (a3_web, ==, "The Lumen Cam 2 gets security updates until at least 31 December 2030. "
                                 "Lumen Home can move this date later, but not earlier.");
  }
}

/* The example's texts that are not marked as edited are exactly what Candor proposes from its
 * answers: opening it and changing nothing must not rewrite any of them. */
static void
test_unedited_texts_are_generated (void)
{
  g_autoptr (CandorDocument) document = load_example ();
  guint edited = 0;

  for (CandorElementId id = 0; id < CANDOR_N_ELEMENTS; id++)
    for (CandorTextKind kind = 0; kind < CANDOR_N_TEXT_KINDS; kind++)
      {
        CandorElement *element = candor_document_get_element (document, id);
        g_autofree char *proposed = candor_wording_generate (document, id, kind);

        if (candor_element_get_text_edited (element, kind))
          {
            edited++;
            g_assert_cmpstr (candor_element_get_text (element, kind), !=, proposed);
            continue;
          }
        g_assert_cmpstr (candor_element_get_text (element, kind), ==, proposed);
      }
  /* The example shows both kinds: one text was rewritten by hand. */
  g_assert_cmpuint (edited, ==, 1);
}

/* Values of the wrong type (a hand-edited or damaged draft) never crash and never give
 * half-sentences: they count as unanswered. */
static void
test_wrong_types (void)
{
  g_autoptr (CandorDocument) document = wording_test_document ("Acme", "Cam 2",
    "{'A1': {'receives_updates': ['yes'], 'no_advice': 'replace', 'no_reason': 7},"
    " 'A2': {'method': {'a': 1}, 'manual_how': 'app', 'manual_minutes': 'ten', 'cost': true,"
    "        'price': '4.99', 'included_months': 'x', 'needs_internet': 'yes'},"
    " 'A3': {'end_kind': 3, 'end_date': 2029, 'period_months': '60', 'at_least': 'true',"
    "        'first_sale_date': ['2025-03']},"
    " 'B1': {'channels': 'app', 'schedule': [1], 'tells_what_fixed': 'no'},"
    " 'B2': {'after_end': null, 'extension_price': {'amount': 5, 'currency': 'EUR'}},"
    " 'B3': {'measures': [1, 'signed', null], 'standards': {'x': 'tuf'}, 'free_text': false}}");
  g_autoptr (GPtrArray) issues = candor_wording_check (document);
  guint n_missing = 0;

  for (CandorElementId id = 0; id < CANDOR_N_ELEMENTS; id++)
    {
      g_autofree char *label = candor_wording_generate (document, id, CANDOR_TEXT_LABEL);
      g_autofree char *web = candor_wording_generate (document, id, CANDOR_TEXT_WEB);
      g_autofree char *short_answer = candor_wording_short_answer (document, id);

      g_assert_nonnull (label);
      g_assert_nonnull (web);
      g_assert_null (strstr (web, "(null)"));
      if (id != CANDOR_ELEMENT_B3)
        {
          g_assert_cmpstr (label, ==, "");
          g_assert_null (short_answer);
        }
    }
  for (guint i = 0; i < issues->len; i++)
    if (g_str_has_suffix (((CandorIssue *) g_ptr_array_index (issues, i))->rule, "-missing"))
      n_missing++;
  /* A1, A2 method and cost, A3, B1, B2 are unanswered; B3 keeps its one valid measure. */
  g_assert_cmpuint (n_missing, ==, 6);
  g_assert_cmpint (candor_wording_element_status (document, CANDOR_ELEMENT_B3), ==, CANDOR_ELEMENT_STATUS_READY);
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/candor/wording/example/ready", test_example_ready);
  g_test_add_func ("/candor/wording/example/unedited-texts-are-generated", test_unedited_texts_are_generated);
  g_test_add_func ("/candor/wording/example/wrong-types", test_wrong_types);
  return g_test_run ();
}
