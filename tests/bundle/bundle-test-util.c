/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bundle-test-util.c: helpers shared by the bundle tests. */
#include "bundle-test-util.h"
#include "candor-review.h"
#include "candor-wording.h"

#include <glib/gstdio.h>
#include <sys/wait.h>
#include <string.h>

char *
test_tmpdir_new (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("candor-bundle-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (g_file_test (path, G_FILE_TEST_IS_SYMLINK) || !g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_unlink (path);
      return;
    }
  dir = g_dir_open (path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      remove_tree (child);
    }
  g_rmdir (path);
}

void
test_tmpdir_free (char *path)
{
  if (path == NULL)
    return;
  remove_tree (path);
  g_free (path);
}

CandorIdentity *
test_identity_new (const char *dir, const char *name, GDateTime *not_before, guint days)
{
  g_autoptr(GError) error = NULL;
  CandorIdentity *identity = candor_identity_create (dir, name, "Example Devices Ltd",
                                                     "security@example.com", not_before, days,
                                                     TEST_PASSPHRASE, &error);

  g_assert_no_error (error);
  g_assert_nonnull (identity);
  return identity;
}

CandorSigner *
test_signer_new (const char *dir, const char *name)
{
  g_autoptr(CandorIdentity) identity = test_identity_new (dir, name, NULL, 365);
  g_autoptr(GError) error = NULL;
  CandorSigner *signer = candor_identity_unlock (identity, TEST_PASSPHRASE, &error);

  g_assert_no_error (error);
  return signer;
}

static void
add_text (GPtrArray *files, const char *name, const char *text)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

  g_ptr_array_add (files, candor_bundle_file_new (name, bytes));
}

GPtrArray *
test_sample_files (void)
{
  GPtrArray *files = candor_bundle_file_list_new ();
  static const guint8 png[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 0 };
  g_autoptr(GBytes) png_bytes = g_bytes_new_static (png, sizeof png);

  add_text (files, "disclosure.json", "{\n  \"format\": \"candor-published-disclosure\"\n}\n");
  add_text (files, "index.html", "<!DOCTYPE html>\n<html lang=\"en\"><title>Test</title></html>\n");
  add_text (files, "label-compact.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n");
  add_text (files, "label-compact.pdf", "%PDF-1.5\n%%EOF\n");
  g_ptr_array_add (files, candor_bundle_file_new ("label-compact.png", png_bytes));
  return files;
}

GBytes *
test_sample_bundle (CandorSigner *signer)
{
  g_autoptr(GPtrArray) files = test_sample_files ();
  g_autoptr(GDateTime) mtime = g_date_time_new_utc (2026, 3, 1, 12, 0, 0);
  g_autoptr(GError) error = NULL;
  GBytes *zip = candor_bundle_write (files, mtime, signer, &error);

  g_assert_no_error (error);
  return zip;
}

void
test_write_files (const char *dir, GPtrArray *files)
{
  for (guint i = 0; i < files->len; i++)
    {
      CandorBundleFile *file = g_ptr_array_index (files, i);
      g_autofree char *path = g_build_filename (dir, file->name, NULL);
      g_autoptr(GError) error = NULL;
      gsize size;
      const char *data = g_bytes_get_data (file->bytes, &size);

      g_file_set_contents (path, data, size, &error);
      g_assert_no_error (error);
    }
}

void
test_unpack (GBytes *zip, const char *dir)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) files = candor_bundle_zip_read (zip, &error);

  g_assert_no_error (error);
  test_write_files (dir, files);
}

int
test_run (const char * const *argv, const char *cwd, char **out, char **err)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *ignored_out = NULL;
  g_autofree char *ignored_err = NULL;
  int status = 0;

  /* always captured: a child writing to our stdout would break the TAP stream */
  g_spawn_sync (cwd, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                out != NULL ? out : &ignored_out, err != NULL ? err : &ignored_err, &status, &error);
  g_assert_no_error (error);
  if (WIFEXITED (status))
    return WEXITSTATUS (status);
  return 128;
}

void
test_assert_interop (GBytes *zip)
{
  char *dir = test_tmpdir_new ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *sha[] = { "sha256sum", "--strict", "-c", CANDOR_BUNDLE_SUMS, NULL };
  const char *cms[] = { "openssl", "cms", "-verify", "-binary", "-inform", "DER",
                        "-in", CANDOR_BUNDLE_SIGNATURE, "-content", CANDOR_BUNDLE_SUMS,
                        "-CAfile", CANDOR_BUNDLE_SIGNER, "-purpose", "any", "-out", "/dev/null", NULL };
  int status;

  /* an independent zip reader accepts it too (Python's zipfile checks every CRC) */
  {
    char *zip_dir = test_tmpdir_new ();
    g_autofree char *zip_path = g_build_filename (zip_dir, "bundle.zip", NULL);
    const char *py[] = { "python3", "-c",
                         "import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); "
                         "assert z.testzip() is None; "
                         "assert all(i.external_attr >> 16 == 0o100644 for i in z.infolist())",
                         zip_path, NULL };

    g_assert_true (g_file_set_contents (zip_path, g_bytes_get_data (zip, NULL), g_bytes_get_size (zip), NULL));
    g_assert_cmpint (test_run (py, NULL, NULL, NULL), ==, 0);
    test_tmpdir_free (zip_dir);
  }

  test_unpack (zip, dir);
  status = test_run (sha, dir, &out, &err);
  if (status != 0)
    g_printerr ("sha256sum: %s%s\n", out, err);
  g_assert_cmpint (status, ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  status = test_run (cms, dir, &out, &err);
  if (status != 0)
    g_printerr ("openssl cms: %s%s\n", out, err);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (err, "Verification successful"));
  test_tmpdir_free (dir);
}

GBytes *
test_edit_bundle (GBytes *zip, TestEditFunc edit, gpointer user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) files = candor_bundle_zip_read (zip, &error);
  GBytes *result;

  g_assert_no_error (error);
  edit (files, user_data);
  result = candor_bundle_zip_write (files, 1772366400, &error);
  g_assert_no_error (error);
  return result;
}

char *
test_cli_path (void)
{
  const char *root = g_getenv ("CANDOR_BUILD_ROOT");

  g_assert_nonnull (root);
  return g_build_filename (root, "src", "cli", "candor-cli", NULL);
}

char *
test_source_path (const char *relative)
{
  const char *root = g_getenv ("CANDOR_SOURCE_ROOT");

  g_assert_nonnull (root);
  return g_build_filename (root, relative, NULL);
}

gboolean
test_bytes_contain (GBytes *haystack, gconstpointer needle, gsize length)
{
  gsize size;
  gconstpointer data = g_bytes_get_data (haystack, &size);

  return length > 0 && memmem (data, size, needle, length) != NULL;
}

void
test_approve_all (CandorDocument *document)
{
  CandorReview *review = candor_review_get_for_document (document);
  g_autoptr(GDateTime) when = g_date_time_new_utc (2026, 11, 30, 12, 0, 0);

  candor_wording_refresh_generated (document);
  for (CandorElementId id = 0; id < CANDOR_N_ELEMENTS; id++)
    {
      g_autoptr(GError) error = NULL;
      g_assert_true (candor_review_approve (review, id, "Test Reviewer", when, &error));
      g_assert_no_error (error);
    }
}
