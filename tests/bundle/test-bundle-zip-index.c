/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-bundle-zip-index.c: the strict zip index reader on a good bundle, and the second,
 * unzip-like reader the fuzzer compares with (tests/bundle/zip-mismatch.py has the classes
 * of mismatch, through candor-cli). */
#include <string.h>

#include "bundle-test-util.h"
#include "candor-zip-index.h"
#include "unzip-like-reader.h"

static GBytes *
good_bundle (void)
{
  char *dir = test_tmpdir_new ();
  g_autoptr(CandorSigner) signer = test_signer_new (dir, "acme");
  GBytes *zip = test_sample_bundle (signer);

  test_tmpdir_free (dir);
  return zip;
}

/* The index of a bundle the writer made: every entry, back to back from offset 0. */
static void
test_zip_index_good (void)
{
  g_autoptr(GBytes) zip = good_bundle ();
  gsize size;
  const guint8 *data = g_bytes_get_data (zip, &size);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) index = candor_zip_index_read (data, size, &error);
  g_autoptr(GPtrArray) files = candor_bundle_zip_read (zip, &error);
  g_autoptr(GPtrArray) unzipped = test_unzip_like_read (zip);

  g_assert_no_error (error);
  g_assert_cmpuint (index->len, ==, 8);
  g_assert_cmpuint (files->len, ==, 8);
  g_assert_nonnull (unzipped);
  g_assert_cmpuint (unzipped->len, ==, 8);
  for (guint i = 0; i < index->len; i++)
    {
      CandorZipIndexEntry *entry = g_ptr_array_index (index, i);
      CandorBundleFile *file = g_ptr_array_index (files, i);
      CandorBundleFile *other = g_ptr_array_index (unzipped, i);

      g_assert_cmpstr (entry->name, ==, file->name);
      g_assert_cmpstr (other->name, ==, file->name);
      g_assert_true (g_bytes_equal (other->bytes, file->bytes));
      g_assert_cmpuint (entry->size, ==, g_bytes_get_size (file->bytes));
      g_assert_cmpuint (entry->data_offset, ==, entry->local_offset + 30 + strlen (entry->name) + 24);
      if (i == 0)
        g_assert_cmpuint (entry->local_offset, ==, 0);
      else
        {
          CandorZipIndexEntry *before = g_ptr_array_index (index, i - 1);

          /* the data descriptor (16 bytes) follows every entry's data */
          g_assert_cmpuint (entry->local_offset, ==, before->data_offset + before->compressed_size + 16);
        }
    }
}

/* Every prefix of a good bundle is refused without a crash and with a message. */
static void
test_zip_index_truncated (void)
{
  g_autoptr(GBytes) zip = good_bundle ();
  gsize size;
  const guint8 *data = g_bytes_get_data (zip, &size);

  for (gsize cut = 0; cut < size; cut++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) index = candor_zip_index_read (data, cut, &error);

      g_assert_null (index);
      g_assert_error (error, CANDOR_BUNDLE_ERROR, CANDOR_BUNDLE_ERROR_MALFORMED);
    }
}

/* The name in the index differs from the local header (same length, so nothing else moves):
 * the index reader names the entry; unzip would extract the index's name. */
static void
test_zip_index_renamed (void)
{
  g_autoptr(GBytes) zip = good_bundle ();
  gsize size;
  guint8 *data = g_memdup2 (g_bytes_get_data (zip, NULL), g_bytes_get_size (zip));
  g_autoptr(GBytes) changed = NULL;
  g_autoptr(GPtrArray) unzipped = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) files = NULL;
  guint8 *at = NULL;

  size = g_bytes_get_size (zip);
  for (gsize i = size - 22; i > 0 && at == NULL; i--)
    if (memcmp (data + i, "PK\x01\x02", 4) == 0 && memcmp (data + i + 46, "index.html", 10) == 0)
      at = data + i + 46;
  g_assert_nonnull (at);
  memcpy (at, "run.sh.htm", 10);
  changed = g_bytes_new_take (data, size);

  unzipped = test_unzip_like_read (changed);
  g_assert_nonnull (unzipped);
  g_assert_cmpstr (((CandorBundleFile *) g_ptr_array_index (unzipped, 1))->name, ==, "run.sh.htm");

  files = candor_bundle_zip_read (changed, &error);
  g_assert_null (files);
  g_assert_error (error, CANDOR_BUNDLE_ERROR, CANDOR_BUNDLE_ERROR_MALFORMED);
  g_assert_cmpstr (error->message, ==,
                   "Entry 2: its name in the zip index (run.sh.htm) differs from its local header (index.html)");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/candor/bundle/zip-index/good", test_zip_index_good);
  g_test_add_func ("/candor/bundle/zip-index/truncated", test_zip_index_truncated);
  g_test_add_func ("/candor/bundle/zip-index/renamed", test_zip_index_renamed);
  return g_test_run ();
}
