/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-bundle-cli.c: candor-cli export and verify end to end on the example draft: exit
 * statuses, messages, the gate and its recorded override, batches, tampering, trust. */
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "bundle-test-util.h"
#include "candor-format.h"
#include "candor-review.h"

typedef struct
{
  char *dir;
  char *cli;
  char *draft;
  CandorIdentity *identity;
} Fixture;

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autofree char *store = NULL;

  f->dir = test_tmpdir_new ();
  f->cli = test_cli_path ();
  /* The example, approved: a signed export needs every element approved. The review gate
   * itself is tested below on the example as shipped (not approved). */
  {
    g_autofree char *example = test_source_path ("data/examples/smart-camera.candor");
    g_autoptr(GFile) source = g_file_new_for_path (example);
    g_autoptr(GError) error = NULL;
    g_autoptr(CandorDocument) document = candor_format_load_file (source, NULL, &error);
    g_autoptr(GFile) target = NULL;

    g_assert_no_error (error);
    test_approve_all (document);
    f->draft = g_build_filename (f->dir, "smart-camera.candor", NULL);
    target = g_file_new_for_path (f->draft);
    g_assert_true (candor_format_save_file (document, target, NULL, &error));
    g_assert_no_error (error);
  }
  /* the child finds identities under XDG_DATA_HOME */
  g_setenv ("XDG_DATA_HOME", f->dir, TRUE);
  g_setenv ("CANDOR_TEST_PASSPHRASE", TEST_PASSPHRASE, TRUE);
  store = g_build_filename (f->dir, "io.github.candor_app.Candor", "identities", NULL);
  f->identity = test_identity_new (store, "acme", NULL, 365);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  g_object_unref (f->identity);
  g_free (f->cli);
  g_free (f->draft);
  test_tmpdir_free (f->dir);
}

static int
cli (Fixture *f, char **out, char **err, ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  va_list args;
  const char *arg;

  g_ptr_array_add (argv, f->cli);
  va_start (args, err);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  return test_run ((const char * const *) argv->pdata, f->dir, out, err);
}

static GBytes *
load (const char *path)
{
  g_autoptr(GMappedFile) mapped = g_mapped_file_new (path, FALSE, NULL);

  g_assert_nonnull (mapped);
  return g_mapped_file_get_bytes (mapped);
}

/* A copy of the example draft, changed by @edit, saved in the fixture folder. */
static char *
draft_copy (Fixture *f, const char *name, const char *product, gboolean break_a1)
{
  g_autoptr(GFile) source = g_file_new_for_path (f->draft);
  g_autoptr(GError) error = NULL;
  g_autoptr(CandorDocument) document = candor_format_load_file (source, NULL, &error);
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  g_autoptr(GFile) target = g_file_new_for_path (path);

  g_assert_no_error (error);
  if (product != NULL)
    candor_document_set_product_name (document, product);
  if (break_a1)
    candor_element_set_text (candor_document_get_element (document, CANDOR_ELEMENT_A1),
                             CANDOR_TEXT_LABEL, "", TRUE);
  /* approved as changed, so that only the completeness gate is at stake */
  test_approve_all (document);
  g_assert_true (candor_format_save_file (document, target, NULL, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

static void
test_cli_export_verify (Fixture *f, gconstpointer data)
{
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *zip_path = g_build_filename (f->dir, "lumen-cam-2-disclosure.zip", NULL);
  g_autoptr(GBytes) zip = NULL;
  g_autoptr(GPtrArray) files = NULL;
  const char *expected[] = { "disclosure.json", "index.html", "label-compact.pdf", "label-compact.png",
                             "label-compact.svg", "label-full.pdf", "label-full.png", "label-full.svg",
                             "SHA256SUMS", "SHA256SUMS.p7s", "signer.pem" };
  g_autofree char *dir_arg = g_strconcat (f->dir, "/", NULL);
  CandorCertificate *cert = candor_identity_get_certificate (f->identity);

  g_assert_cmpint (cli (f, &out, &err, "export", f->draft, "-o", dir_arg, "--identity", "acme",
                        "--passphrase-env", "CANDOR_TEST_PASSPHRASE", NULL), ==, 0);
  /* the certificate is shown before signing */
  g_assert_nonnull (strstr (err, candor_certificate_get_fingerprint (cert)));
  g_assert_nonnull (strstr (err, "Valid:"));
  g_assert_nonnull (strstr (out, "lumen-cam-2-disclosure.zip"));
  g_assert_null (strstr (out, TEST_PASSPHRASE));
  g_assert_null (strstr (err, TEST_PASSPHRASE));

  zip = load (zip_path);
  files = candor_bundle_zip_read (zip, NULL);
  g_assert_cmpuint (files->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < files->len; i++)
    g_assert_cmpstr (((CandorBundleFile *) g_ptr_array_index (files, i))->name, ==, expected[i]);
  test_assert_interop (zip);

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (cli (f, &out, &err, "verify", zip_path, NULL), ==, 0);
  g_assert_nonnull (strstr (out, candor_certificate_get_fingerprint (cert)));
  g_assert_nonnull (strstr (out, candor_certificate_get_subject (cert)));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autofree char *line = g_strdup_printf ("OK          %s\n", expected[i]);
      g_assert_nonnull (strstr (out, line));
    }
}

static void
test_cli_reproducible (Fixture *f, gconstpointer data)
{
  g_autofree char *a = g_build_filename (f->dir, "a.zip", NULL);
  g_autofree char *b = g_build_filename (f->dir, "b.zip", NULL);
  g_autoptr(GBytes) za = NULL, zb = NULL;
  g_autoptr(GPtrArray) fa = NULL, fb = NULL;

  g_assert_cmpint (cli (f, NULL, NULL, "export", f->draft, "-o", a, "--identity", "acme",
                        "--passphrase-env", "CANDOR_TEST_PASSPHRASE", NULL), ==, 0);
  g_assert_cmpint (cli (f, NULL, NULL, "export", f->draft, "-o", b, "--identity", "acme",
                        "--passphrase-env", "CANDOR_TEST_PASSPHRASE", NULL), ==, 0);
  za = load (a);
  zb = load (b);
  fa = candor_bundle_zip_read (za, NULL);
  fb = candor_bundle_zip_read (zb, NULL);
  g_assert_cmpuint (fa->len, ==, fb->len);
  for (guint i = 0; i < fa->len; i++)
    {
      CandorBundleFile *x = g_ptr_array_index (fa, i), *y = g_ptr_array_index (fb, i);

      g_assert_cmpstr (x->name, ==, y->name);
      if (strcmp (x->name, CANDOR_BUNDLE_SIGNATURE) != 0)
        g_assert_true (g_bytes_equal (x->bytes, y->bytes));
    }
}

static void
test_cli_tamper (Fixture *f, gconstpointer data)
{
  g_autofree char *zip_path = g_build_filename (f->dir, "good.zip", NULL);
  g_autofree char *bad_path = g_build_filename (f->dir, "bad.zip", NULL);
  g_autoptr(GBytes) zip = NULL;
  g_autoptr(GPtrArray) names = NULL;

  g_assert_cmpint (cli (f, NULL, NULL, "export", f->draft, "-o", zip_path, "--identity", "acme",
                        "--passphrase-env", "CANDOR_TEST_PASSPHRASE", "--format", "svg", NULL), ==, 0);
  zip = load (zip_path);
  names = candor_bundle_zip_read (zip, NULL);
  for (guint i = 0; i < names->len; i++)
    {
      g_autoptr(GPtrArray) files = candor_bundle_zip_read (zip, NULL);
      CandorBundleFile *file = g_ptr_array_index (files, i);
      gsize size;
      guint8 *bytes = g_bytes_unref_to_data (g_steal_pointer (&file->bytes), &size);
      g_autoptr(GBytes) bad = NULL;
      g_autofree char *out = NULL, *err = NULL;
      g_autofree char *expected = g_strdup_printf ("FAILED: %s:", file->name);

      bytes[size / 2] ^= 0x20;
      file->bytes = g_bytes_new_take (bytes, size);
      bad = candor_bundle_zip_write (files, 1772366400, NULL);
      g_assert_true (g_file_set_contents (bad_path, g_bytes_get_data (bad, NULL), g_bytes_get_size (bad), NULL));
      g_assert_cmpint (cli (f, &out, &err, "verify", bad_path, NULL), ==, 1);
      if (strstr (err, expected) == NULL)
        g_error ("%s: expected “%s” in: %s", file->name, expected, err);
    }

  /* A digest in SHA256SUMS written in capitals still names the same bytes, but the file is no
   * longer the one that was signed: SHA256SUMS is blamed, not the intact signature. */
  {
    g_autoptr(GPtrArray) files = candor_bundle_zip_read (zip, NULL);
    g_autoptr(GBytes) bad = NULL;
    g_autofree char *out = NULL, *err = NULL;

    for (guint i = 0; i < files->len; i++)
      {
        CandorBundleFile *file = g_ptr_array_index (files, i);
        gsize size;
        char *text;

        if (strcmp (file->name, CANDOR_BUNDLE_SUMS) != 0)
          continue;
        text = g_bytes_unref_to_data (g_steal_pointer (&file->bytes), &size);
        for (gsize j = 0; j < size; j++)
          if (text[j] >= 'a' && text[j] <= 'f')
            {
              text[j] = g_ascii_toupper (text[j]);
              break;
            }
        file->bytes = g_bytes_new_take (text, size);
      }
    bad = candor_bundle_zip_write (files, 1772366400, NULL);
    g_assert_true (g_file_set_contents (bad_path, g_bytes_get_data (bad, NULL), g_bytes_get_size (bad), NULL));
    g_assert_cmpint (cli (f, &out, &err, "verify", bad_path, NULL), ==, 1);
    g_assert_nonnull (strstr (err, "FAILED: SHA256SUMS:"));
  }
}

static void
test_cli_trust (Fixture *f, gconstpointer data)
{
  g_autofree char *zip_path = g_build_filename (f->dir, "t.zip", NULL);
  g_autofree char *own = g_build_filename (candor_identity_get_path (f->identity), CANDOR_IDENTITY_CERT_FILE, NULL);
  g_autofree char *store = g_build_filename (f->dir, "other-store", NULL);
  g_autoptr(CandorIdentity) other = test_identity_new (store, "other", NULL, 30);
  g_autofree char *foreign = g_build_filename (candor_identity_get_path (other), CANDOR_IDENTITY_CERT_FILE, NULL);
  g_autofree char *out = NULL, *err = NULL;

  g_assert_cmpint (cli (f, NULL, NULL, "export", f->draft, "-o", zip_path, "--identity", "acme",
                        "--passphrase-env", "CANDOR_TEST_PASSPHRASE", "--template", "compact",
                        "--format", "pdf", NULL), ==, 0);
  g_assert_cmpint (cli (f, &out, NULL, "verify", zip_path, "--ca", own, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Trust: the signer chains to"));
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (cli (f, &out, &err, "verify", zip_path, "--ca", foreign, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "FAILED: signer.pem: the certificate does not chain to the trust anchor"));
}

static void
test_cli_gate (Fixture *f, gconstpointer data)
{
  g_autofree char *draft = draft_copy (f, "incomplete.candor", NULL, TRUE);
  g_autofree char *zip_path = g_build_filename (f->dir, "gate.zip", NULL);
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(GBytes) zip = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *record;

  g_assert_cmpint (cli (f, &out, &err, "export", draft, "-o", zip_path, "--identity", "acme",
                        "--passphrase-env", "CANDOR_TEST_PASSPHRASE", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "not ready to publish"));
  g_assert_nonnull (strstr (err, "A.1"));
  g_assert_false (g_file_test (zip_path, G_FILE_TEST_EXISTS));

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (cli (f, &out, &err, "export", draft, "-o", zip_path, "--identity", "acme",
                        "--passphrase-env", "CANDOR_TEST_PASSPHRASE",
                        "--allow-incomplete", "Printer deadline; A.1 wording follows in 1.1", NULL), ==, 0);
  zip = load (zip_path);
  test_assert_interop (zip);
  {
    g_autoptr(CandorBundleVerification) result = candor_bundle_verify (zip, NULL, NULL);
    GBytes *json = candor_bundle_verification_lookup_file (result, "disclosure.json");

    g_assert_true (candor_bundle_verification_get_passed (result));
    g_assert_true (json_parser_load_from_data (parser, g_bytes_get_data (json, NULL), g_bytes_get_size (json), NULL));

    /* The recorded override is part of the published format: ajv accepts it. */
    {
      g_autofree char *json_path = g_build_filename (f->dir, "override-disclosure.json", NULL);
      g_autofree char *schema = g_build_filename (g_getenv ("CANDOR_SOURCE_ROOT"), "data", "schema",
                                                  "candor-disclosure.schema.json", NULL);
      g_autofree char *script = g_build_filename (g_getenv ("CANDOR_SOURCE_ROOT"), "tests", "js",
                                                  "validate-schema.mjs", NULL);
      g_autofree char *ajv_out = NULL;
      g_autoptr(GError) error = NULL;
      int status = 0;
      const char *argv[] = { "node", script, schema, json_path, NULL };

      g_assert_true (g_file_set_contents (json_path, g_bytes_get_data (json, NULL), g_bytes_get_size (json), NULL));
      g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                    &ajv_out, NULL, &status, &error);
      g_assert_no_error (error);
      g_assert_true (g_spawn_check_wait_status (status, NULL));
    }
  }
  record = json_object_get_object_member (json_node_get_object (json_parser_get_root (parser)),
                                          CANDOR_BUNDLE_OVERRIDE_KEY);
  g_assert_nonnull (record);
  g_assert_cmpstr (json_object_get_string_member (record, "reason"), ==, "Printer deadline; A.1 wording follows in 1.1");
  g_assert_cmpstr (json_object_get_string_member (record, "by"), !=, "");
  g_assert_true (g_regex_match_simple ("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ$",
                                       json_object_get_string_member (record, "at"), 0, 0));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (record, "problems")), >=, 1);
  g_assert_true (g_str_has_prefix (json_array_get_string_element (json_object_get_array_member (record, "problems"), 0), "A.1"));
}

static void
test_cli_batch (Fixture *f, gconstpointer data)
{
  g_autofree char *one = draft_copy (f, "one.candor", "Lumen Cam One", FALSE);
  g_autofree char *two = draft_copy (f, "two.candor", "Lumen Cam Two", FALSE);
  g_autofree char *broken = g_build_filename (f->dir, "broken.candor", NULL);
  g_autofree char *out_dir = g_build_filename (f->dir, "catalogue", NULL);
  g_autofree char *out = NULL, *err = NULL;
  const char *names[] = { "lumen-cam-one-disclosure.zip", "lumen-cam-two-disclosure.zip" };

  g_assert_true (g_file_set_contents (broken, "{ not json", -1, NULL));
  g_assert_cmpint (cli (f, &out, &err, "export", one, broken, two, "-o", out_dir, "--identity", "acme",
                        "--passphrase-env", "CANDOR_TEST_PASSPHRASE", "--format", "svg", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "broken.candor"));
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (out_dir, names[i], NULL);
      g_autofree char *vout = NULL;

      g_assert_nonnull (strstr (out, names[i]));
      g_assert_cmpint (cli (f, &vout, NULL, "verify", path, NULL), ==, 0);
    }
}

/* A key file whose mode was widened by hand still signs, with a warning naming it; the
 * 0600 file Candor writes gives none. */
static void
test_cli_key_mode_warning (Fixture *f, gconstpointer data)
{
  g_autofree char *key = g_build_filename (candor_identity_get_path (f->identity), "key.pem", NULL);
  g_autofree char *zip_path = g_build_filename (f->dir, "mode.zip", NULL);
  g_autofree char *out = NULL, *err = NULL;

  g_assert_cmpint (cli (f, &out, &err, "export", f->draft, "-o", zip_path, "--identity", "acme",
                        "--passphrase-env", "CANDOR_TEST_PASSPHRASE", NULL), ==, 0);
  g_assert_null (strstr (err, "can be read by other users"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (g_chmod (key, 0644), ==, 0);
  g_assert_cmpint (cli (f, &out, &err, "export", f->draft, "-o", zip_path, "--identity", "acme",
                        "--passphrase-env", "CANDOR_TEST_PASSPHRASE", NULL), ==, 0);
  g_assert_nonnull (strstr (err, "Warning: the key file "));
  g_assert_nonnull (strstr (err, "key.pem can be read by other users of this computer (mode 0644)"));
  g_assert_nonnull (strstr (err, "chmod 600"));
}

/* A worker that dies on one draft (as a crash in a renderer would; the test seam aborts it)
 * reports that draft by name as crashed, is not retried in the parent, and the rest of the
 * batch, its own share included, is written. A draft that used to crash the web page writer
 * (an octal escape putting invalid UTF-8 in a string) is refused by name. */
static void
test_cli_batch_worker_crash (Fixture *f, gconstpointer data)
{
  const char *products[] = { "Crash Cam One", "Crash Cam Two", "Crash Cam Three", "Crash Cam Four" };
  const char *names[] = { "one.candor", "two.candor", "three.candor", "four.candor" };
  g_autofree char *octal = g_build_filename (f->dir, "octal.candor", NULL);
  g_autofree char *out_dir = g_build_filename (f->dir, "crash-batch", NULL);
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *example = NULL;
  g_autoptr(GString) octal_text = NULL;
  char *paths[4];
  int status;

  if (g_get_num_processors () < 2)
    {
      g_test_skip ("a batch runs in worker processes only with two or more processors");
      return;
    }
  for (guint i = 0; i < 4; i++)
    paths[i] = draft_copy (f, names[i], products[i], FALSE);
  g_assert_true (g_file_get_contents (f->draft, &example, NULL, NULL));
  octal_text = g_string_new (example);
  g_assert_cmpuint (g_string_replace (octal_text, "\"Lumen Cam 2\"", "\"Lumen \\300 Cam 2\"", 1), ==, 1);
  g_assert_true (g_file_set_contents (octal, octal_text->str, -1, NULL));

  g_setenv ("CANDOR_TEST_EXPORT_WORKER_ABORT", "two.candor", TRUE);
  status = cli (f, &out, &err, "export", paths[0], paths[1], octal, paths[2], paths[3], "-o", out_dir,
                "--identity", "acme", "--passphrase-env", "CANDOR_TEST_PASSPHRASE", "--format", "svg", NULL);
  g_unsetenv ("CANDOR_TEST_EXPORT_WORKER_ABORT");
  g_test_message ("stdout: %s\nstderr: %s", out, err);
  g_assert_cmpint (status, ==, 1);
  g_assert_nonnull (strstr (err, "two.candor: the export of this draft crashed"));
  g_assert_nonnull (strstr (err, "octal.candor: line 6, column 20: the file is not valid JSON"));
  g_assert_null (strstr (out, "crash-cam-two-disclosure.zip"));
  for (guint i = 0; i < 4; i++)
    {
      g_autofree char *slug = g_ascii_strdown (products[i], -1);
      g_autofree char *name = NULL;
      g_autofree char *path = NULL;
      g_autofree char *vout = NULL;

      g_strdelimit (slug, " ", '-');
      name = g_strdup_printf ("%s-disclosure.zip", slug);
      path = g_build_filename (out_dir, name, NULL);
      if (i == 1)
        {
          g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
          continue;
        }
      g_assert_nonnull (strstr (out, name));
      g_assert_cmpint (cli (f, &vout, NULL, "verify", path, NULL), ==, 0);
    }
  for (guint i = 0; i < 4; i++)
    g_free (paths[i]);
}

/* A batch is exported in parallel: each bundle must be exactly what exporting its draft
 * alone gives (apart from the signature). */
static void
test_cli_parallel_batch (Fixture *f, gconstpointer data)
{
  g_autofree char *par_dir = g_build_filename (f->dir, "parallel", NULL);
  g_autofree char *seq_dir = g_build_filename (f->dir, "one-by-one", NULL);
  g_autoptr(GPtrArray) drafts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();

  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *name = g_strdup_printf ("p%u.candor", i);
      g_autofree char *product = g_strdup_printf ("Parallel Cam %u", i);
      g_ptr_array_add (drafts, draft_copy (f, name, product, FALSE));
    }
  g_ptr_array_add (argv, f->cli);
  g_ptr_array_add (argv, (gpointer) "export");
  for (guint i = 0; i < drafts->len; i++)
    g_ptr_array_add (argv, drafts->pdata[i]);
  g_ptr_array_add (argv, (gpointer) "-o");
  g_ptr_array_add (argv, par_dir);
  g_ptr_array_add (argv, (gpointer) "--identity");
  g_ptr_array_add (argv, (gpointer) "acme");
  g_ptr_array_add (argv, (gpointer) "--passphrase-env");
  g_ptr_array_add (argv, (gpointer) "CANDOR_TEST_PASSPHRASE");
  g_ptr_array_add (argv, NULL);
  g_assert_cmpint (test_run ((const char * const *) argv->pdata, f->dir, NULL, NULL), ==, 0);

  g_assert_cmpint (g_mkdir (seq_dir, 0700), ==, 0);
  for (guint i = 0; i < drafts->len; i++)
    {
      g_autofree char *name = g_strdup_printf ("parallel-cam-%u-disclosure.zip", i);
      g_autofree char *par = g_build_filename (par_dir, name, NULL);
      g_autofree char *seq = g_build_filename (seq_dir, name, NULL);
      g_autoptr(GBytes) za = NULL, zb = NULL;
      g_autoptr(GPtrArray) fa = NULL, fb = NULL;

      g_assert_cmpint (cli (f, NULL, NULL, "export", drafts->pdata[i], "-o", seq, "--identity", "acme",
                            "--passphrase-env", "CANDOR_TEST_PASSPHRASE", NULL), ==, 0);
      za = load (par);
      zb = load (seq);
      fa = candor_bundle_zip_read (za, NULL);
      fb = candor_bundle_zip_read (zb, NULL);
      g_assert_cmpuint (fa->len, ==, fb->len);
      for (guint j = 0; j < fa->len; j++)
        {
          CandorBundleFile *x = g_ptr_array_index (fa, j), *y = g_ptr_array_index (fb, j);

          g_assert_cmpstr (x->name, ==, y->name);
          if (strcmp (x->name, CANDOR_BUNDLE_SIGNATURE) != 0 && !g_bytes_equal (x->bytes, y->bytes))
            g_error ("%s: %s differs between the batch and a single export", name, x->name);
        }
    }
}

static void
test_cli_key_sources (Fixture *f, gconstpointer data)
{
  g_autofree char *key = g_build_filename (candor_identity_get_path (f->identity), CANDOR_IDENTITY_KEY_FILE, NULL);
  g_autofree char *cert = g_build_filename (candor_identity_get_path (f->identity), CANDOR_IDENTITY_CERT_FILE, NULL);
  g_autofree char *zip_path = g_build_filename (f->dir, "k.zip", NULL);
  g_autofree char *pass_path = g_build_filename (f->dir, "pass", NULL);
  g_autofree char *command = NULL;
  g_autofree char *out = NULL, *err = NULL;

  /* --key/--cert with the passphrase on file descriptor 3 */
  g_assert_true (g_file_set_contents (pass_path, TEST_PASSPHRASE "\n", -1, NULL));
  command = g_strdup_printf ("'%s' export '%s' -o '%s' --key '%s' --cert '%s' --passphrase-fd 3 --format png 3<'%s'",
                             f->cli, f->draft, zip_path, key, cert, pass_path);
  {
    const char *argv[] = { "/bin/sh", "-c", command, NULL };
    g_assert_cmpint (test_run (argv, f->dir, &out, &err), ==, 0);
  }
  g_assert_cmpint (cli (f, NULL, NULL, "verify", zip_path, NULL), ==, 0);

  /* a wrong passphrase says so */
  g_setenv ("CANDOR_TEST_WRONG", "not it", TRUE);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (cli (f, NULL, &err, "export", f->draft, "-o", zip_path, "--identity", "acme",
                        "--passphrase-env", "CANDOR_TEST_WRONG", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "Wrong passphrase"));
}

static void
test_cli_expired (Fixture *f, gconstpointer data)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) then = g_date_time_add_days (now, -100);
  g_autofree char *store = g_build_filename (f->dir, "io.github.candor_app.Candor", "identities", NULL);
  g_autoptr(CandorIdentity) old = test_identity_new (store, "old", then, 10);
  g_autofree char *zip_path = g_build_filename (f->dir, "e.zip", NULL);
  g_autofree char *err = NULL;

  g_assert_true (candor_certificate_is_self_signed (candor_identity_get_certificate (old)));
  g_assert_cmpint (cli (f, NULL, &err, "export", f->draft, "-o", zip_path, "--identity", "old",
                        "--passphrase-env", "CANDOR_TEST_PASSPHRASE", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "expired"));
  g_assert_false (g_file_test (zip_path, G_FILE_TEST_EXISTS));
}

/* Makes @zip_path without Candor, with openssl, sha256sum and Python's zipfile, as the
 * contract allows: the signer's certificate is made by `openssl req -x509 @key_args
 * @extensions`, so that it can break Candor's signing policy (Candor's signer would refuse). */
static void
make_foreign_bundle (Fixture *f, const char *name, const char *key_args, const char *extensions,
                     const char *zip_path)
{
  g_autofree char *work = g_build_filename (f->dir, name, NULL);
  g_autoptr(GPtrArray) files = test_sample_files ();
  g_autofree char *script = g_strdup_printf (
    "set -e\n"
    "openssl req -x509 %s -nodes -keyout ../%s-key.pem "
    "  -out signer.pem -days 30 -subj '/O=Foreign Org/CN=%s' %s 2>/dev/null\n"
    "LC_ALL=C sha256sum $(ls | LC_ALL=C sort) > SHA256SUMS\n"
    "openssl cms -sign -binary -md sha256 -in SHA256SUMS -signer signer.pem -inkey ../%s-key.pem "
    "  -outform DER -out SHA256SUMS.p7s\n"
    "python3 -c 'import os, sys, zipfile\n"
    "z = zipfile.ZipFile(sys.argv[1], \"w\", zipfile.ZIP_DEFLATED)\n"
    "[z.write(n) for n in sorted(os.listdir(\".\"))]\n"
    "z.close()' \"$1\"\n", key_args, name, name, extensions, name);
  const char *argv[] = { "/bin/sh", "-c", script, "sh", zip_path, NULL };
  g_autofree char *out = NULL, *err = NULL;

  g_assert_cmpint (g_mkdir (work, 0700), ==, 0);
  test_write_files (work, files);
  if (test_run (argv, work, &out, &err) != 0)
    g_error ("making a bundle with standard tools: %s%s", out, err);
}

/* A bundle made without Candor: candor-cli verify accepts it. */
static void
test_cli_verify_foreign (Fixture *f, gconstpointer data)
{
  g_autofree char *zip_path = g_build_filename (f->dir, "foreign.zip", NULL);
  g_autofree char *out = NULL, *err = NULL;

  make_foreign_bundle (f, "foreign", "-newkey ec -pkeyopt ec_paramgen_curve:P-256", "", zip_path);
  if (cli (f, &out, &err, "verify", zip_path, NULL) != 0)
    g_error ("verify refused a standard bundle: %s%s", out, err);
  g_assert_nonnull (strstr (out, "Foreign Org"));
}

/* The signing policy on the verify side (candor_certificate_check_signing_policy()): bundles
 * signed with openssl by certificates that break it are refused, each with its reason named;
 * certificates on the edge of it are accepted. */
static void
test_cli_verify_policy (Fixture *f, gconstpointer data)
{
  static const struct {
    const char *name, *key_args, *extensions, *reason;
  } cases[] = {
    { "rsa1024", "-newkey rsa:1024", "-addext keyUsage=digitalSignature",
      "has an RSA key of 1024 bits; Candor accepts RSA keys of at least 2048 bits" },
    { "rsa2047", "-newkey rsa:2047", "-addext keyUsage=digitalSignature",
      "has an RSA key of 2047 bits" },
    { "enc-only", "-newkey ec -pkeyopt ec_paramgen_curve:P-256", "-addext keyUsage=keyEncipherment",
      "may not be used for signatures (its key usage allows neither digitalSignature nor nonRepudiation)" },
    { "cert-sign-only", "-newkey ec -pkeyopt ec_paramgen_curve:P-256", "-addext keyUsage=keyCertSign",
      "its key usage allows neither digitalSignature nor nonRepudiation" },
    { "server-only", "-newkey ec -pkeyopt ec_paramgen_curve:P-256",
      "-addext keyUsage=digitalSignature -addext extendedKeyUsage=serverAuth",
      "may not be used to sign bundles (its extended key usage names neither code signing, e-mail protection nor any purpose)" },
    { "client-time", "-newkey ec -pkeyopt ec_paramgen_curve:P-256",
      "-addext keyUsage=digitalSignature -addext extendedKeyUsage=clientAuth,timeStamping",
      "its extended key usage names neither code signing" },
    /* on the right side of the policy */
    { "rsa2048", "-newkey rsa:2048", "-addext keyUsage=digitalSignature -addext extendedKeyUsage=codeSigning", NULL },
    { "non-repudiation", "-newkey ec -pkeyopt ec_paramgen_curve:P-256", "-addext keyUsage=nonRepudiation", NULL },
    { "email", "-newkey ec -pkeyopt ec_paramgen_curve:P-256",
      "-addext keyUsage=digitalSignature -addext extendedKeyUsage=serverAuth,emailProtection", NULL },
    { "any-purpose", "-newkey ec -pkeyopt ec_paramgen_curve:P-256",
      "-addext keyUsage=digitalSignature -addext extendedKeyUsage=anyExtendedKeyUsage", NULL },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *zip_name = g_strconcat (cases[i].name, ".zip", NULL);
      g_autofree char *zip_path = g_build_filename (f->dir, zip_name, NULL);
      g_autofree char *out = NULL, *err = NULL;
      int status;

      g_test_message ("%s", cases[i].name);
      make_foreign_bundle (f, cases[i].name, cases[i].key_args, cases[i].extensions, zip_path);
      status = cli (f, &out, &err, "verify", zip_path, NULL);
      if (cases[i].reason == NULL)
        {
          if (status != 0)
            g_error ("%s: verify refused a bundle within the policy: %s%s", cases[i].name, out, err);
          continue;
        }
      g_assert_cmpint (status, ==, 1);
      if (strstr (out, cases[i].reason) == NULL && strstr (err, cases[i].reason) == NULL)
        g_error ("%s: verify did not say “%s”:\n%s%s", cases[i].name, cases[i].reason, out, err);
      /* the certificate is named */
      g_assert_true (strstr (out, cases[i].name) != NULL || strstr (err, cases[i].name) != NULL);
      g_assert_null (strstr (out, "Verified"));
    }
}

static void
test_cli_usage (Fixture *f, gconstpointer data)
{
  g_autofree char *z = g_build_filename (f->dir, "u.zip", NULL);
  g_autofree char *missing = g_build_filename (f->dir, "missing.zip", NULL);

  g_assert_cmpint (cli (f, NULL, NULL, "export", NULL), ==, 2);
  g_assert_cmpint (cli (f, NULL, NULL, "export", f->draft, "--identity", "acme", NULL), ==, 2);
  g_assert_cmpint (cli (f, NULL, NULL, "export", f->draft, "-o", z, NULL), ==, 2);
  g_assert_cmpint (cli (f, NULL, NULL, "export", f->draft, "-o", z, "--identity", "acme", "--key", "k", "--cert", "c", NULL), ==, 2);
  g_assert_cmpint (cli (f, NULL, NULL, "export", f->draft, "-o", z, "--key", "k", NULL), ==, 2);
  g_assert_cmpint (cli (f, NULL, NULL, "export", f->draft, "-o", z, "--identity", "acme", "--passphrase", "x", NULL), ==, 2);
  g_assert_cmpint (cli (f, NULL, NULL, "export", f->draft, "-o", z, "--identity", "acme", "--allow-incomplete", " ", NULL), ==, 2);
  g_assert_cmpint (cli (f, NULL, NULL, "verify", NULL), ==, 2);
  g_assert_cmpint (cli (f, NULL, NULL, "verify", "a.zip", "b.zip", NULL), ==, 2);
  g_assert_cmpint (cli (f, NULL, NULL, "verify", missing, NULL), ==, 1);
}

static gboolean
ajv_accepts_disclosure (Fixture *f, GBytes *json)
{
  g_autofree char *json_path = g_build_filename (f->dir, "review-override-disclosure.json", NULL);
  g_autofree char *schema = test_source_path ("data/schema/candor-disclosure.schema.json");
  g_autofree char *script = test_source_path ("tests/js/validate-schema.mjs");
  g_autoptr(GError) error = NULL;
  int status = 0;
  const char *argv[] = { "node", script, schema, json_path, NULL };

  g_assert_true (g_file_set_contents (json_path, g_bytes_get_data (json, NULL), g_bytes_get_size (json), NULL));
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL | G_SPAWN_STDOUT_TO_DEV_NULL,
                NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  return g_spawn_check_wait_status (status, NULL);
}

/* The review gate: the example as shipped is complete but not approved. A signed export
 * refuses it, naming each element; --allow-incomplete does not open this gate;
 * --override-review does, and records who, when, why and what was not approved in
 * disclosure.json and in the draft's review log. */
static void
test_cli_review_gate (Fixture *f, gconstpointer data)
{
  g_autofree char *example = test_source_path ("data/examples/smart-camera.candor");
  g_autofree char *draft = g_build_filename (f->dir, "unapproved.candor", NULL);
  g_autofree char *zip_path = g_build_filename (f->dir, "review-gate.zip", NULL);
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) zip = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(CandorBundleVerification) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CandorDocument) reloaded = NULL;
  JsonObject *record, *review;
  JsonArray *not_approved, *log;
  JsonObject *entry;
  GBytes *json;

  g_assert_true (g_file_get_contents (example, &contents, NULL, NULL));
  g_assert_true (g_file_set_contents (draft, contents, -1, NULL));
  g_clear_pointer (&contents, g_free);

  g_assert_cmpint (cli (f, &out, &err, "export", draft, "-o", zip_path, "--identity", "acme", "--template", "compact", "--format", "svg",
                        "--passphrase-env", "CANDOR_TEST_PASSPHRASE", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "needs every element approved"));
  g_assert_nonnull (strstr (err, "A.1 Can it get security updates?: not approved (status draft)"));
  g_assert_nonnull (strstr (err, "B.3"));
  g_assert_false (g_file_test (zip_path, G_FILE_TEST_EXISTS));

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (cli (f, &out, &err, "export", draft, "-o", zip_path, "--identity", "acme", "--template", "compact", "--format", "svg",
                        "--passphrase-env", "CANDOR_TEST_PASSPHRASE", "--allow-incomplete", "not this gate", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "needs every element approved"));
  g_assert_false (g_file_test (zip_path, G_FILE_TEST_EXISTS));

  /* (one small label keeps this test quick under the sanitizers) */
  /* the same draft with one approval that lapsed */
  {
    g_autoptr(GFile) file = g_file_new_for_path (draft);
    g_autoptr(CandorDocument) doc = candor_format_load_file (file, NULL, &error);
    g_assert_no_error (error);
    test_approve_all (doc);
    candor_element_set_text (candor_document_get_element (doc, CANDOR_ELEMENT_A3), CANDOR_TEXT_WEB,
                             "Security updates last until at least 31 December 2030.", TRUE);
    g_assert_true (candor_format_save_file (doc, file, NULL, &error));
  }
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (cli (f, &out, &err, "export", draft, "-o", zip_path, "--identity", "acme", "--template", "compact", "--format", "svg",
                        "--passphrase-env", "CANDOR_TEST_PASSPHRASE", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "A.3 Until when?: approval lapsed"));
  g_assert_null (strstr (err, "A.1"));

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (cli (f, NULL, NULL, "export", draft, "-o", zip_path, "--identity", "acme", "--template", "compact", "--format", "svg",
                        "--override-review", "  ", NULL), ==, 2);
  g_assert_cmpint (cli (f, &out, &err, "export", draft, "-o", zip_path, "--identity", "acme", "--template", "compact", "--format", "svg",
                        "--passphrase-env", "CANDOR_TEST_PASSPHRASE", "--by", "Rita Release",
                        "--override-review", "Box printing starts Monday; legal re-reads A.3 after", NULL), ==, 0);
  zip = load (zip_path);
  result = candor_bundle_verify (zip, NULL, NULL);
  g_assert_true (candor_bundle_verification_get_passed (result));
  json = candor_bundle_verification_lookup_file (result, "disclosure.json");
  g_assert_true (ajv_accepts_disclosure (f, json));
  g_assert_true (json_parser_load_from_data (parser, g_bytes_get_data (json, NULL), g_bytes_get_size (json), NULL));
  record = json_object_get_object_member (json_node_get_object (json_parser_get_root (parser)), CANDOR_BUNDLE_OVERRIDE_KEY);
  g_assert_nonnull (record);
  g_assert_cmpstr (json_object_get_string_member (record, "reason"), ==, "Box printing starts Monday; legal re-reads A.3 after");
  g_assert_cmpstr (json_object_get_string_member (record, "by"), ==, "Rita Release");
  review = json_object_get_object_member (record, "review");
  g_assert_nonnull (review);
  g_assert_cmpstr (json_object_get_string_member (review, "reason"), ==, "Box printing starts Monday; legal re-reads A.3 after");
  not_approved = json_object_get_array_member (review, "not_approved");
  g_assert_cmpuint (json_array_get_length (not_approved), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (not_approved, 0), "element"), ==, "A3");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (not_approved, 0), "status"), ==, "lapsed");
  /* no comment or review state leaks into the published file otherwise */
  g_assert_false (test_bytes_contain (json, "approved_digest", strlen ("approved_digest")));
  g_assert_false (test_bytes_contain (json, "Test Reviewer", strlen ("Test Reviewer")));

  /* and the draft's review log has it */
  {
    g_autoptr(GFile) file = g_file_new_for_path (draft);
    reloaded = candor_format_load_file (file, NULL, &error);
    g_assert_no_error (error);
  }
  log = json_object_get_array_member (candor_document_get_review (reloaded), "log");
  entry = json_array_get_object_element (log, json_array_get_length (log) - 1);
  g_assert_cmpstr (json_object_get_string_member (entry, "action"), ==, "export-override");
  g_assert_cmpstr (json_object_get_string_member (entry, "by"), ==, "Rita Release");
  g_assert_cmpstr (json_object_get_string_member (entry, "reason"), ==, "Box printing starts Monday; legal re-reads A.3 after");
  g_assert_cmpstr (json_object_get_string_member (entry, "at"), ==, json_object_get_string_member (record, "at"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (entry, "not_approved")), ==, 1);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/candor/bundle/cli/export-verify", test_cli_export_verify);
  ADD ("/candor/bundle/cli/reproducible", test_cli_reproducible);
  ADD ("/candor/bundle/cli/tamper", test_cli_tamper);
  ADD ("/candor/bundle/cli/trust", test_cli_trust);
  ADD ("/candor/bundle/cli/gate", test_cli_gate);
  ADD ("/candor/bundle/cli/review-gate", test_cli_review_gate);
  ADD ("/candor/bundle/cli/batch", test_cli_batch);
  ADD ("/candor/bundle/cli/parallel-batch", test_cli_parallel_batch);
  ADD ("/candor/bundle/cli/batch-worker-crash", test_cli_batch_worker_crash);
  ADD ("/candor/bundle/cli/key-mode-warning", test_cli_key_mode_warning);
  ADD ("/candor/bundle/cli/key-sources", test_cli_key_sources);
  ADD ("/candor/bundle/cli/expired", test_cli_expired);
  ADD ("/candor/bundle/cli/verify-foreign", test_cli_verify_foreign);
  ADD ("/candor/bundle/cli/verify-policy", test_cli_verify_policy);
  ADD ("/candor/bundle/cli/usage", test_cli_usage);
#undef ADD

  return g_test_run ();
}
