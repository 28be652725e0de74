/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-format.c: the .candor format: round trips, key order, migration, bad input, atomic save. */
#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>

#include "candor-error.h"
#include "candor-format.h"
#include "candor-schema.h"

static char *
source_path (const char *first, ...)
{
  const char *root = g_getenv ("CANDOR_SOURCE_ROOT");
  va_list args;
  GPtrArray *parts = g_ptr_array_new ();
  char *path;

  g_assert_nonnull (root);
  g_ptr_array_add (parts, (char *) root);
  g_ptr_array_add (parts, (char *) first);
  va_start (args, first);
  for (const char *p = va_arg (args, const char *); p != NULL; p = va_arg (args, const char *))
    g_ptr_array_add (parts, (char *) p);
  va_end (args);
  g_ptr_array_add (parts, NULL);
  path = g_build_filenamev ((char **) parts->pdata);
  g_ptr_array_unref (parts);
  return path;
}

static GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *data = NULL;
  gsize length = 0;

  g_file_get_contents (path, &data, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (data, length);
}

/* Validates files with ajv (tests/js/validate-schema.mjs), independently of our validator. */
static void
assert_schema_valid_with_ajv (const char * const *files)
{
  const char *node = g_getenv ("CANDOR_NODE");
  const char *js = g_getenv ("CANDOR_JS_DIR");
  g_autofree char *schema = source_path ("data", "schema", "candor-draft.schema.json", NULL);
  g_autofree char *script = NULL;
  g_autofree char *modules = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_assert_true (node != NULL && *node != '\0' && js != NULL);
  script = g_build_filename (js, "validate-schema.mjs", NULL);
  modules = g_build_filename (js, "node_modules", "ajv", NULL);
  if (!g_file_test (modules, G_FILE_TEST_IS_DIR))
    g_error ("ajv is not installed in %s: run build-aux/test.sh (it runs npm ci there)", js);

  g_ptr_array_add (argv, (char *) node);
  g_ptr_array_add (argv, script);
  g_ptr_array_add (argv, schema);
  for (guint i = 0; files[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) files[i]);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("ajv rejected a file:\n%s%s", out, err);
}

static CandorDocument *
load_example (void)
{
  g_autofree char *path = source_path ("data", "examples", "smart-camera.candor", NULL);
  g_autoptr(GBytes) bytes = read_bytes (path);
  g_autoptr(GError) error = NULL;
  CandorDocument *doc = candor_format_load_bytes (bytes, &error);

  g_assert_no_error (error);
  g_assert_nonnull (doc);
  return doc;
}

static void
test_example_round_trip (void)
{
  g_autofree char *path = source_path ("data", "examples", "smart-camera.candor", NULL);
  g_autoptr(GBytes) original = read_bytes (path);
  g_autoptr(GError) error = NULL;
  CandorDocument *doc = candor_format_load_bytes (original, &error);
  g_autoptr(GBytes) again = NULL;
  CandorElement *a3;

  g_assert_no_error (error);
  g_assert_false (candor_document_get_dirty (doc));
  g_assert_cmpstr (candor_document_get_product_name (doc), ==, "Lumen Cam 2");
  g_assert_cmpstr (candor_document_get_models (doc)[1], ==, "LC2-100W");
  a3 = candor_document_get_element (doc, CANDOR_ELEMENT_A3);
  g_assert_cmpstr (candor_element_get_answer_string (a3, "end_date"), ==, "2030-12-31");
  g_assert_true (candor_element_get_answer_boolean (a3, "at_least", FALSE));
  g_assert_true (candor_element_get_text_edited (candor_document_get_element (doc, CANDOR_ELEMENT_A2),
                                                 CANDOR_TEXT_WEB));

  /* The shipped example is in canonical form: writing it back gives the same bytes. */
  again = candor_format_serialize (doc);
  g_assert_cmpmem (g_bytes_get_data (again, NULL), g_bytes_get_size (again),
                   g_bytes_get_data (original, NULL), g_bytes_get_size (original));
  g_assert_finalize_object (doc);
}

static void
test_unknown_keys_kept (void)
{
  const char *input =
    "{\"version\": 1, \"x-vendor\": {\"b\": 1, \"a\": [true, null, 2.5]}, \"format\": \"candor-disclosure\",\n"
    " \"product\": {\"name\": \"Cam\", \"x-sku\": \"99\"},\n"
    " \"elements\": {\"C1\": {\"future\": \"element\"},"
    "  \"A1\": {\"receives_updates\": \"yes\", \"x-note\": \"kept\"}},\n"
    " \"review\": {\"comments\": [{\"id\": \"c1\", \"element\": \"A1\", \"author\": \"Dana\","
    "  \"created\": \"2026-11-21T10:00:00Z\", \"body\": \"OK\", \"x-colour\": \"red\"}]}}";
  g_autoptr(GBytes) bytes = g_bytes_new_static (input, strlen (input));
  g_autoptr(GError) error = NULL;
  g_autoptr(CandorDocument) doc = candor_format_load_bytes (bytes, &error);
  g_autoptr(GBytes) out = NULL;
  g_autoptr(CandorDocument) reloaded = NULL;
  g_autoptr(GBytes) out2 = NULL;
  const char *text;

  g_assert_no_error (error);
  out = candor_format_serialize (doc);
  text = g_bytes_get_data (out, NULL);
  g_assert_nonnull (strstr (text, "\"x-vendor\": {\n    \"b\": 1,\n    \"a\": [\n      true,\n      null,\n      2.5\n    ]\n  }"));
  g_assert_nonnull (strstr (text, "\"x-sku\": \"99\""));
  g_assert_nonnull (strstr (text, "\"C1\": {\n      \"future\": \"element\"\n    }"));
  g_assert_nonnull (strstr (text, "\"x-note\": \"kept\""));
  g_assert_nonnull (strstr (text, "\"x-colour\": \"red\""));
  /* Known keys first, in schema order, whatever the order read. */
  g_assert_true (g_str_has_prefix (text, "{\n  \"format\": \"candor-disclosure\",\n  \"version\": 1,\n  \"product\""));
  g_assert_true (strstr (text, "\"metadata\"") < strstr (text, "\"x-vendor\""));

  reloaded = candor_format_load_bytes (out, &error);
  g_assert_no_error (error);
  out2 = candor_format_serialize (reloaded);
  g_assert_true (g_bytes_equal (out, out2));
}

static void
test_key_order_stable (void)
{
  CandorDocument *doc = load_example ();
  CandorElement *b1 = candor_document_get_element (doc, CANDOR_ELEMENT_B1);
  g_autoptr(GBytes) out = NULL;
  const char *text;

  /* Setting answers in a different order than the schema lists them does not change the
   * written order: drafts diff well. */
  candor_element_unset_answer (b1, "channels");
  candor_element_set_answer_string (b1, "schedule", "monthly");
  candor_element_set_answer_strv (b1, "channels", (const char *[]) { "app", NULL });
  out = candor_format_serialize (doc);
  text = g_bytes_get_data (out, NULL);
  g_assert_true (strstr (text, "\"channels\"") < strstr (text, "\"tells_what_fixed\""));
  g_assert_true (strstr (text, "\"tells_what_fixed\"") < strstr (text, "\"schedule\": \"monthly\""));
  g_assert_true (strstr (text, "\"web_edited\"") < strstr (text, "\"channels\""));
  g_assert_finalize_object (doc);
}

static void
test_migrate_version_0 (void)
{
  const char *input =
    "{\"format\": \"candor-disclosure\", \"version\": 0,"
    " \"product\": {\"name\": \"Old Plug\", \"model\": \"OP-1\"},"
    " \"elements\": {\"A1\": {\"label\": \"Yes.\", \"web\": \"Yes, it gets updates.\", \"receives_updates\": \"yes\"}}}";
  g_autoptr(GBytes) bytes = g_bytes_new_static (input, strlen (input));
  g_autoptr(GError) error = NULL;
  g_autoptr(CandorDocument) doc = candor_format_load_bytes (bytes, &error);
  CandorElement *a1;
  g_autoptr(GBytes) out = NULL;

  g_assert_no_error (error);
  g_assert_cmpstrv (candor_document_get_models (doc), ((const char *[]) { "OP-1", NULL }));
  a1 = candor_document_get_element (doc, CANDOR_ELEMENT_A1);
  g_assert_cmpstr (candor_element_get_text (a1, CANDOR_TEXT_LABEL), ==, "Yes.");
  g_assert_cmpstr (candor_element_get_text (a1, CANDOR_TEXT_WEB), ==, "Yes, it gets updates.");
  g_assert_true (candor_element_get_text_edited (a1, CANDOR_TEXT_LABEL));
  out = candor_format_serialize (doc);
  g_assert_nonnull (strstr (g_bytes_get_data (out, NULL), "\"version\": 1,"));
  g_assert_null (strstr (g_bytes_get_data (out, NULL), "\"model\""));
}

/* Version 0: the loader, `validate` and the schema agree. The schema describes version 1
 * only, so the file as written does not match it ($.version), while the check reports the
 * file's version 0 with no problem (it checks the draft as read, migrated), and what is
 * saved from it matches the schema. Versions below 0 and above 1 are refused. */
static void
test_version_0_agreement (void)
{
  const char *input =
    "{\"format\": \"candor-disclosure\", \"version\": 0,"
    " \"product\": {\"name\": \"Old Plug\", \"model\": \"OP-1\"},"
    " \"elements\": {\"A1\": {\"label\": \"Yes.\", \"web\": \"Yes, it gets updates.\", \"receives_updates\": \"yes\"}}}";
  g_autoptr(GBytes) bytes = g_bytes_new_static (input, strlen (input));
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) raw_problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) saved_problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(JsonNode) raw = NULL;
  g_autoptr(JsonNode) saved_root = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CandorDocument) doc = NULL;
  g_autoptr(GBytes) saved = NULL;
  CandorSchema *schema = candor_schema_get ("candor-draft.schema.json");
  gint64 version = 99;
  gboolean names_version = FALSE;

  problems = candor_format_check_bytes_version (bytes, &version);
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_cmpint (version, ==, 0);

  raw = json_from_string (input, &error);
  g_assert_no_error (error);
  candor_schema_validate (schema, raw, raw_problems, 20);
  for (guint i = 0; i < raw_problems->len; i++)
    names_version |= g_str_has_prefix (raw_problems->pdata[i], "$.version");
  g_assert_true (names_version);

  doc = candor_format_load_bytes (bytes, &error);
  g_assert_no_error (error);
  saved = candor_format_serialize (doc);
  saved_root = json_from_string (g_bytes_get_data (saved, NULL), &error);
  g_assert_no_error (error);
  candor_schema_validate (schema, saved_root, saved_problems, 20);
  g_assert_cmpuint (saved_problems->len, ==, 0);
  g_clear_pointer (&problems, g_ptr_array_unref);
  version = 99;
  problems = candor_format_check_bytes_version (saved, &version);
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_cmpint (version, ==, 1);

  for (gint64 bad = -1; bad <= 2; bad += 3)
    {
      g_autofree char *text = g_strdup_printf ("{\"format\": \"candor-disclosure\", \"version\": %" G_GINT64_FORMAT
                                               ", \"product\": {}, \"elements\": {}}", bad);
      g_autoptr(GBytes) b = g_bytes_new (text, strlen (text));
      g_autoptr(GPtrArray) p = candor_format_check_bytes_version (b, &version);
      g_assert_cmpuint (p->len, ==, 1);
      g_assert_nonnull (strstr (p->pdata[0], bad < 0 ? "from 0 to 1" : "newer Candor"));
    }
}

/* Every file in tests/core/malformed is refused with its own message (EXPECTED lists them). */
static void
test_malformed_corpus (void)
{
  g_autofree char *dir = source_path ("tests", "core", "malformed", NULL);
  g_autofree char *manifest_path = g_build_filename (dir, "EXPECTED", NULL);
  g_autoptr(GBytes) manifest = read_bytes (manifest_path);
  g_auto(GStrv) lines = g_strsplit (g_bytes_get_data (manifest, NULL), "\n", -1);
  g_autoptr(GHashTable) listed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  guint checked = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;
      g_autofree char *path = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(CandorDocument) doc = NULL;

      if (lines[i][0] == '\0' || lines[i][0] == '#')
        continue;
      fields = g_strsplit (lines[i], "\t", 3);
      g_assert_cmpuint (g_strv_length (fields), ==, 3);
      path = g_build_filename (dir, fields[0], NULL);
      bytes = read_bytes (path);
      doc = candor_format_load_bytes (bytes, &error);
      if (doc != NULL)
        g_error ("%s was accepted", fields[0]);
      if (g_strcmp0 (error->message, fields[2]) != 0)
        g_error ("%s:\n  expected: %s\n  got:      %s", fields[0], fields[2], error->message);
      g_test_message ("%s: %s", fields[0], error->message);
      g_assert_true (error->domain == CANDOR_ERROR);
      g_assert_cmpstr (fields[1], ==, error->code == CANDOR_ERROR_PARSE ? "parse"
                                      : error->code == CANDOR_ERROR_NOT_A_DRAFT ? "not-a-draft"
                                      : error->code == CANDOR_ERROR_VERSION_TOO_NEW ? "too-new"
                                      : error->code == CANDOR_ERROR_TOO_LARGE ? "too-large"
                                      : "invalid");
      g_hash_table_add (listed, g_strdup (fields[0]));
      checked++;
    }

  while ((name = g_dir_read_name (d)) != NULL)
    if (g_str_has_suffix (name, ".candor") && !g_hash_table_contains (listed, name))
      g_error ("%s has no expected message in EXPECTED", name);
  g_assert_cmpuint (checked, >=, 30);
}

static void
test_newer_version_refused (void)
{
  const char *input = "{\"format\": \"candor-disclosure\", \"version\": 7, \"product\": {}, \"elements\": {}}";
  g_autoptr(GBytes) bytes = g_bytes_new_static (input, strlen (input));
  g_autoptr(GError) error = NULL;
  g_autoptr(CandorDocument) doc = candor_format_load_bytes (bytes, &error);

  g_assert_null (doc);
  g_assert_error (error, CANDOR_ERROR, CANDOR_ERROR_VERSION_TOO_NEW);
  g_assert_nonnull (strstr (error->message, "format version 7"));
}

static void
test_check_collects_all (void)
{
  g_autofree char *path = source_path ("data", "examples", "smart-camera.candor", NULL);
  g_autoptr(GBytes) bytes = read_bytes (path);
  g_autoptr(GString) text = g_string_new_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_autoptr(GBytes) broken = NULL;
  g_autoptr(GPtrArray) problems = NULL;

  g_string_replace (text, "\"2030-12-31\"", "\"31/12/2030\"", 1);
  g_string_replace (text, "\"camera\"", "\"drone\"", 1);
  broken = g_string_free_to_bytes (g_steal_pointer (&text));
  problems = candor_format_check_bytes (broken);
  g_assert_cmpuint (problems->len, ==, 2);
  g_assert_cmpstr (problems->pdata[0], ==,
                   "$.product.category: expected one of \"\", \"camera\", \"doorbell\", \"smart-plug\", "
                   "\"lighting\", \"thermostat\", \"lock\", \"router\", \"speaker\", \"hub\", \"toy\", "
                   "\"wearable\", \"appliance\", \"health\", \"sensor\", \"tv\", \"other\" (found \"drone\")");
  g_assert_cmpstr (problems->pdata[1], ==, "$.elements.A3.end_date: expected a date YYYY-MM or YYYY-MM-DD");
}

static char *
make_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("candor-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static guint
count_entries (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (g_dir_read_name (d) != NULL)
    n++;
  return n;
}

static void
test_save_and_reload (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "saved.candor", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(CandorDocument) reloaded = NULL;
  CandorDocument *doc = load_example ();
  const char *files[] = { path, NULL };

  candor_document_set_product_name (doc, "Lumen Cam 2 “Pro” — naïve 日本 עברית");
  candor_element_set_text (candor_document_get_element (doc, CANDOR_ELEMENT_A1), CANDOR_TEXT_LABEL,
                           "Quotes \" backslash \\ tab\t newline\n control \x01 end", TRUE);
  g_assert_true (candor_document_get_dirty (doc));
  g_assert_true (candor_format_save_file (doc, file, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (candor_document_get_dirty (doc));
  g_assert_true (g_file_equal (candor_document_get_file (doc), file));

  reloaded = candor_format_load_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (candor_document_get_product_name (reloaded), ==, "Lumen Cam 2 “Pro” — naïve 日本 עברית");
  g_assert_cmpstr (candor_element_get_text (candor_document_get_element (reloaded, CANDOR_ELEMENT_A1),
                                            CANDOR_TEXT_LABEL),
                   ==, "Quotes \" backslash \\ tab\t newline\n control \x01 end");
  g_assert_cmpstr (candor_document_get_authors (reloaded)[0], ==, "Priya Shah");
  g_assert_cmpuint (count_entries (dir), ==, 1);

  assert_schema_valid_with_ajv (files);
  g_assert_finalize_object (doc);
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_examples_valid_with_ajv (void)
{
  g_autofree char *example = source_path ("data", "examples", "smart-camera.candor", NULL);
  const char *files[] = { example, NULL };

  assert_schema_valid_with_ajv (files);
}

/* A write that fails half-way (the file size limit, which even root cannot bypass) leaves
 * the previous draft byte for byte, and no temporary file behind. */
static void
test_failed_write_keeps_old_file (void)
{
  const char *old_contents = "{\"format\": \"candor-disclosure\", \"version\": 1, \"product\": {}, \"elements\": {}}\n";
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *now = NULL;

  if (g_test_subprocess ())
    {
      g_autoptr(GFile) file = g_file_new_for_path (g_getenv ("CANDOR_TEST_PATH"));
      g_autoptr(GError) error = NULL;
      CandorDocument *doc = load_example ();
      struct rlimit limit = { 512, 512 };

      signal (SIGXFSZ, SIG_IGN);
      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
      g_assert_false (candor_format_save_file (doc, file, NULL, &error));
      g_assert_nonnull (error);
      g_printerr ("save failed as intended: %s\n", error->message);
      /* Nothing was saved: the document is not attached to the file. */
      g_assert_null (candor_document_get_file (doc));
      g_object_unref (doc);
      return;
    }

  dir = make_temp_dir ();
  path = g_build_filename (dir, "draft.candor", NULL);
  g_assert_true (g_file_set_contents (path, old_contents, -1, NULL));
  g_setenv ("CANDOR_TEST_PATH", path, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr ("*save failed as intended*");

  g_assert_true (g_file_get_contents (path, &now, NULL, NULL));
  g_assert_cmpstr (now, ==, old_contents);
  g_assert_cmpuint (count_entries (dir), ==, 1);
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_load_errors_from_disk (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *missing = g_build_filename (dir, "nope.candor", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (missing);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(CandorDocument) doc = candor_format_load_file (file, NULL, &error);

  g_assert_null (doc);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);

  doc = candor_format_load_file (folder, NULL, &error);
  g_assert_null (doc);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
  g_rmdir (dir);
}

static void
test_huge_file_refused (void)
{
  gsize size = CANDOR_FORMAT_MAX_SIZE + 10;
  char *data = g_malloc (size);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CandorDocument) doc = NULL;

  memset (data, ' ', size);
  bytes = g_bytes_new_take (data, size);
  doc = candor_format_load_bytes (bytes, &error);
  g_assert_null (doc);
  g_assert_error (error, CANDOR_ERROR, CANDOR_ERROR_TOO_LARGE);
  g_assert_cmpstr (error->message, ==, "the file is too large for a draft (16 MiB; at most 16 MiB)");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/candor/core/format/example-round-trip", test_example_round_trip);
  g_test_add_func ("/candor/core/format/unknown-keys-kept", test_unknown_keys_kept);
  g_test_add_func ("/candor/core/format/key-order-stable", test_key_order_stable);
  g_test_add_func ("/candor/core/format/migrate-v0", test_migrate_version_0);
  g_test_add_func ("/candor/core/format/version-0-agreement", test_version_0_agreement);
  g_test_add_func ("/candor/core/format/newer-version-refused", test_newer_version_refused);
  g_test_add_func ("/candor/core/format/malformed-corpus", test_malformed_corpus);
  g_test_add_func ("/candor/core/format/check-collects-all", test_check_collects_all);
  g_test_add_func ("/candor/core/format/save-and-reload", test_save_and_reload);
  g_test_add_func ("/candor/core/format/examples-valid-ajv", test_examples_valid_with_ajv);
  g_test_add_func ("/candor/core/format/failed-write-keeps-old-file", test_failed_write_keeps_old_file);
  g_test_add_func ("/candor/core/format/load-errors-from-disk", test_load_errors_from_disk);
  g_test_add_func ("/candor/core/format/huge-file-refused", test_huge_file_refused);
  return g_test_run ();
}
