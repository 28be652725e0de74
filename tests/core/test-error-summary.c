/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-error-summary.c: candor_error_dup_summary(), the plain sentence shown first for a load,
 * save or validation error: for every malformed draft of tests/core/malformed, for a save the
 * loader refuses, and for errors of other domains. */

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gstdio.h>

#include "candor-error.h"
#include "candor-format.h"

static char *
source_path (const char *first,
             ...)
{
  const char *root = g_getenv ("CANDOR_SOURCE_ROOT");
  GPtrArray *parts = g_ptr_array_new ();
  va_list args;
  char *path;

  g_ptr_array_add (parts, (gpointer) (root != NULL ? root : "."));
  va_start (args, first);
  for (const char *p = first; p != NULL; p = va_arg (args, const char *))
    g_ptr_array_add (parts, (gpointer) p);
  va_end (args);
  g_ptr_array_add (parts, NULL);
  path = g_build_filenamev ((char **) parts->pdata);
  g_ptr_array_unref (parts);
  return path;
}

/* What a person reading the sentence should never meet: JSON paths, parser words, keys. */
static const char *jargon[] = {
  "$.", "$", "JSON", "json", "unexpected", "identifier", "parse", "Parse", "token", "syntax",
  "{", "}", "[", "]", "_", "key", "surrogate", "escape", "UTF-8", "NUL", "U+", "line ", "column",
  "object", "expected", "schema", "null", NULL
};

static void
assert_plain (const char *name,
              const char *sentence)
{
  gunichar first;

  g_assert_nonnull (sentence);
  first = g_utf8_get_char (sentence);
  if (!g_unichar_isupper (first))
    g_error ("%s: the sentence does not start with a capital: %s", name, sentence);
  if (!g_str_has_suffix (sentence, "."))
    g_error ("%s: the sentence does not end with a full stop: %s", name, sentence);
  for (guint i = 0; jargon[i] != NULL; i++)
    if (strstr (sentence, jargon[i]) != NULL)
      g_error ("%s: “%s” in the plain sentence: %s", name, jargon[i], sentence);
}

static GBytes *
read_bytes (const char *path)
{
  char *data = NULL;
  gsize length = 0;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_get_contents (path, &data, &length, &error));
  g_assert_no_error (error);
  return g_bytes_new_take (data, length);
}

/* Exact sentences for some of the corpus: step and field named in words. */
static const struct { const char *file; const char *sentence; } exact[] = {
  { "wrong-format.candor", "This file is not a Candor disclosure." },
  { "missing-format.candor", "This file is not a Candor disclosure." },
  { "top-level-array.candor", "This file is not a Candor disclosure." },
  { "plain-text.candor", "This file is not a Candor disclosure, or it is damaged." },
  { "empty.candor", "This file is empty: it holds no disclosure." },
  { "version-too-new.candor", "This disclosure was made by a newer version of Candor. Update Candor to open it." },
  { "label-text-huge.candor",
    "The label text of step A.1 “Can it get security updates?” is too long (20,005 characters; at most 20,000)." },
  { "a2-price-no-currency.candor", "The price of step A.2 “How are updates installed?” has no currency." },
  { "a2-price-comma.candor", "The price of step A.2 “How are updates installed?” is not an amount such as 4.99." },
  { "a3-date-feb-30.candor", "The end date of step A.3 “Until when?” is not a real date." },
  { "a1-receives-maybe.candor",
    "The “gets security updates” answer of step A.1 “Can it get security updates?” is “maybe”, which is not one of the choices Candor offers." },
  { "b1-channels-twice.candor", "In the ways owners are told of step B.1 “How owners are told”, \"app\" is listed twice." },
  { "models-empty-item.candor", "Entry 3 of the model numbers is empty." },
  { "product-name-bidi.candor",
    "The product name holds an invisible formatting character (character 7), which would make the label read differently from what it says." },
  { "a2-minutes-zero.candor",
    "The minutes an update takes of step A.2 “How are updates installed?” must be a number from 1 to 1440, not 0." },
  { "missing-version.candor", "This file does not say which version of the Candor format it uses." },
  { "comment-no-author.candor", "Comment 1 in the review has no author." },
  { "elements-array.candor", "Candor cannot read the steps." },
  { "too-deep.candor", "This file is too complex to be a Candor disclosure." },
  { "many-values.candor", "This file is too complex to be a Candor disclosure." },
  { "models-string.candor", "The model numbers should be a list." },
};

static void
test_malformed_corpus (void)
{
  g_autofree char *dir = source_path ("tests", "core", "malformed", NULL);
  g_autofree char *manifest_path = g_build_filename (dir, "EXPECTED", NULL);
  g_autoptr(GBytes) manifest = read_bytes (manifest_path);
  g_auto(GStrv) lines = g_strsplit (g_bytes_get_data (manifest, NULL), "\n", -1);
  guint checked = 0, matched = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;
      g_autofree char *path = NULL;
      g_autofree char *summary = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(CandorDocument) doc = NULL;

      if (lines[i][0] == '\0' || lines[i][0] == '#')
        continue;
      fields = g_strsplit (lines[i], "\t", 3);
      path = g_build_filename (dir, fields[0], NULL);
      bytes = read_bytes (path);
      doc = candor_format_load_bytes (bytes, &error);
      g_assert_null (doc);
      g_assert_nonnull (error);
      /* The technical detail stays the loader's message, which the command line prints. */
      g_assert_cmpstr (error->message, ==, fields[2]);
      summary = candor_error_dup_summary (error);
      g_test_message ("%s: %s", fields[0], summary);
      assert_plain (fields[0], summary);
      g_assert_cmpstr (summary, !=, error->message);
      for (guint j = 0; j < G_N_ELEMENTS (exact); j++)
        if (g_str_equal (exact[j].file, fields[0]))
          {
            g_assert_cmpstr (summary, ==, exact[j].sentence);
            matched++;
          }
      checked++;
    }
  g_assert_cmpuint (checked, >=, 50);
  g_assert_cmpuint (matched, ==, G_N_ELEMENTS (exact));
}

/* Several problems: the first in words, and how many more. */
static void
test_more_problems (void)
{
  g_autofree char *path = source_path ("data", "examples", "smart-camera.candor", NULL);
  g_autoptr(GBytes) bytes = read_bytes (path);
  g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_autoptr(GRegex) receives = g_regex_new ("\"receives_updates\": \"yes\"", 0, 0, NULL);
  g_autoptr(GRegex) at_least = g_regex_new ("\"at_least\": true", 0, 0, NULL);
  g_autofree char *one = g_regex_replace_literal (receives, text, -1, 0, "\"receives_updates\": \"maybe\"", 0, NULL);
  g_autofree char *two = g_regex_replace_literal (at_least, one, -1, 0, "\"at_least\": \"yes\"", 0, NULL);
  g_autoptr(GBytes) broken = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CandorDocument) doc = NULL;
  g_autofree char *summary = NULL;

  g_assert_cmpstr (one, !=, text);
  g_assert_cmpstr (two, !=, one);
  broken = g_bytes_new (two, strlen (two));
  doc = candor_format_load_bytes (broken, &error);
  g_assert_error (error, CANDOR_ERROR, CANDOR_ERROR_INVALID);
  summary = candor_error_dup_summary (error);
  assert_plain ("two problems", summary);
  g_assert_true (g_str_has_prefix (summary, "The “gets security updates” answer of step A.1"));
  g_assert_true (g_str_has_suffix (summary, " There is 1 more problem."));
}

/* A save the loader would refuse: "Not saved", the reason in words, and the work kept. */
static void
test_save_refused (void)
{
  g_autofree char *path = source_path ("data", "examples", "smart-camera.candor", NULL);
  g_autoptr(GFile) example = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(CandorDocument) doc = candor_format_load_file (example, NULL, &error);
  g_autofree char *dir = g_dir_make_tmp ("candor-summary-XXXXXX", NULL);
  g_autofree char *target_path = g_build_filename (dir, "long.candor", NULL);
  g_autoptr(GFile) target = g_file_new_for_path (target_path);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *summary = NULL;

  g_assert_no_error (error);
  while (text->len < 20017)
    g_string_append_c (text, 'a' + text->len % 26);
  candor_element_set_text (candor_document_get_element (doc, CANDOR_ELEMENT_A1), CANDOR_TEXT_WEB, text->str, TRUE);
  g_assert_false (candor_format_save_file (doc, target, NULL, &error));
  g_assert_error (error, CANDOR_ERROR, CANDOR_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "$.elements.A1.web_text"));
  summary = candor_error_dup_summary (error);
  g_test_message ("%s", summary);
  assert_plain ("save refused", summary);
  g_assert_cmpstr (summary, ==,
                   "Not saved: The web text of step A.1 “Can it get security updates?” is too long "
                   "(20,017 characters; at most 20,000). Your work is kept in the window and in the "
                   "autosave copy.");
  g_assert_false (g_file_query_exists (target, NULL));
  g_rmdir (dir);
}

/* A file larger than a draft may be: refused before it is parsed, the sizes kept. */
static void
test_too_large (void)
{
  gsize size = CANDOR_FORMAT_MAX_SIZE + 4 * 1024 * 1024;
  g_autoptr(GBytes) bytes = g_bytes_new_take (g_malloc0 (size), size);
  g_autoptr(GError) error = NULL;
  g_autoptr(CandorDocument) doc = candor_format_load_bytes (bytes, &error);
  g_autofree char *summary = NULL;
  g_autofree char *expected = g_strdup_printf ("This file is too large to be a Candor disclosure "
                                               "(%d MiB; at most %d MiB).",
                                               (int) (size / (1024 * 1024)),
                                               CANDOR_FORMAT_MAX_SIZE / (1024 * 1024));

  g_assert_null (doc);
  g_assert_error (error, CANDOR_ERROR, CANDOR_ERROR_TOO_LARGE);
  summary = candor_error_dup_summary (error);
  assert_plain ("too large", summary);
  g_assert_cmpstr (summary, ==, expected);
}

/* Problems the corpus has no draft for, in the loader's words (candor-schema.c). */
static void
test_other_problems (void)
{
  static const struct { const char *message, *sentence; } cases[] = {
    { "$.product.models: too many items (40; at most 32)",
      "There are too many entries in the model numbers (40; at most 32)." },
    { "$.elements.B1.channels: too few items (0; at least 1)",
      "There are too few entries in the ways owners are told of step B.1 “How owners are told” (0; at least 1)." },
    { "$.elements.A2.manual_minutes: expected a number of at least 1 (found 0)",
      "The minutes an update takes of step A.2 “How are updates installed?” is out of range." },
    { "$.product.name: expected a text in quotes (found 7)", "The product name should be a text." },
    { "$.elements.A1: missing required key “web_text”",
      "Step A.1 “Can it get security updates?” has no web text." },
    { "$.review.dismissals[0].rule: missing required key “x”", "Dismissed finding 1 in the review has no x." },
    { "$.elements.A2.method: expected one of \"automatic\", \"manual\" (found 42)",
      "The way updates are installed of step A.2 “How are updates installed?” is not one of the choices Candor offers." },
    { "$.metadata.created: something new the loader may say one day",
      "Candor cannot read the date it was made in the file’s details." },
    { "no path at all", "Something in this file is not in the form Candor reads." },
    /* candor-migrate.c, for a draft of format version 0 */
    { "$.product.model: expected a text in quotes (format version 0)", "Candor cannot read the model number." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = g_error_new_literal (CANDOR_ERROR, CANDOR_ERROR_INVALID, cases[i].message);
      g_autofree char *summary = candor_error_dup_summary (error);

      assert_plain (cases[i].message, summary);
      g_assert_cmpstr (summary, ==, cases[i].sentence);
    }
}

/* File and disk errors are already plain: they come back as they are. */
static void
test_other_domains (void)
{
  g_autoptr(GError) error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                                                 "Could not open /tmp/x.candor: Permission denied");
  g_autofree char *summary = candor_error_dup_summary (error);

  g_assert_cmpstr (summary, ==, error->message);
}

int
main (int   argc,
      char *argv[])
{
  /* The digits grouped as in English: the C locale has no separator of its own. */
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/candor/core/error-summary/malformed-corpus", test_malformed_corpus);
  g_test_add_func ("/candor/core/error-summary/more-problems", test_more_problems);
  g_test_add_func ("/candor/core/error-summary/save-refused", test_save_refused);
  g_test_add_func ("/candor/core/error-summary/too-large", test_too_large);
  g_test_add_func ("/candor/core/error-summary/other-problems", test_other_problems);
  g_test_add_func ("/candor/core/error-summary/other-domains", test_other_domains);
  return g_test_run ();
}
