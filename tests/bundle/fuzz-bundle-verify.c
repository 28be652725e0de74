/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-bundle-verify.c: libFuzzer target for everything verify reads from an untrusted bundle.
 * The first byte picks the input: 'S' SHA256SUMS, 'P' SHA256SUMS.p7s (inside an otherwise
 * valid bundle, so the CMS checks are reached), 'Z' changes to a good signed bundle (each
 * three bytes: a 16-bit offset, then a byte to XOR there), anything else a whole zip.
 *
 * Whenever the zip reader accepts a zip (and so whenever verify passes), what it read must be
 * exactly what an unzip-like reader that trusts the central directory reads: same names,
 * same contents, same order. Otherwise a bundle could verify and unpack as something else. */
#include <stdint.h>
#include <stdlib.h>

#include "bundle-test-util.h"
#include "unzip-like-reader.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static GPtrArray *content;
static GBytes *sums;
static GBytes *signer_pem;
static GBytes *good;

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  char *dir = test_tmpdir_new ();
  g_autoptr(CandorSigner) signer = test_signer_new (dir, "fuzz");
  g_autoptr(GPtrArray) listed = test_sample_files ();

  content = test_sample_files ();
  signer_pem = g_bytes_ref (candor_signer_get_chain_pem (signer));
  g_ptr_array_add (listed, candor_bundle_file_new (CANDOR_BUNDLE_SIGNER, signer_pem));
  sums = candor_sha256sums_build (listed);
  good = test_sample_bundle (signer);
  test_tmpdir_free (dir);
  return 0;
}

static void
assert_same_files (GPtrArray *accepted, GBytes *zip, const char *what)
{
  g_autoptr(GPtrArray) independent = test_unzip_like_read (zip);
  gboolean same = independent != NULL && independent->len == accepted->len;

  for (guint i = 0; same && i < accepted->len; i++)
    {
      CandorBundleFile *a = g_ptr_array_index (accepted, i);
      CandorBundleFile *b = g_ptr_array_index (independent, i);

      same = g_str_equal (a->name, b->name) && g_bytes_equal (a->bytes, b->bytes);
    }
  if (!same)
    {
      g_printerr ("%s accepted a zip that an unzip-like reader reads differently:\n", what);
      for (guint i = 0; i < accepted->len; i++)
        g_printerr ("  accepted: %s\n", ((CandorBundleFile *) g_ptr_array_index (accepted, i))->name);
      for (guint i = 0; independent != NULL && i < independent->len; i++)
        g_printerr ("  unzip:    %s\n", ((CandorBundleFile *) g_ptr_array_index (independent, i))->name);
      if (independent == NULL)
        g_printerr ("  unzip:    cannot read it\n");
      abort ();
    }
}

/* Reads @zip, then verifies it; both, when they accept it, must agree with the other reader. */
static void
check_zip (GBytes *zip)
{
  g_autoptr(GPtrArray) files = candor_bundle_zip_read (zip, NULL);
  g_autoptr(CandorBundleVerification) result = NULL;

  if (files != NULL)
    assert_same_files (files, zip, "candor_bundle_zip_read");
  result = candor_bundle_verify (zip, NULL, NULL);
  if (candor_bundle_verification_get_passed (result))
    {
      g_autoptr(GPtrArray) verified = candor_bundle_file_list_new ();

      g_assert_nonnull (files);
      for (guint i = 0; i < files->len; i++)
        {
          CandorBundleFile *file = g_ptr_array_index (files, i);
          GBytes *bytes = candor_bundle_verification_lookup_file (result, file->name);

          g_assert_nonnull (bytes);
          g_ptr_array_add (verified, candor_bundle_file_new (file->name, bytes));
        }
      g_assert_cmpuint (candor_bundle_verification_get_n_files (result), ==, files->len);
      assert_same_files (verified, zip, "candor_bundle_verify");
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr(GBytes) input = NULL;

  if (size == 0)
    return 0;
  input = g_bytes_new (data + 1, size - 1);
  if (data[0] == 'S')
    {
      GHashTable *table = candor_sha256sums_parse (input, NULL);

      g_clear_pointer (&table, g_hash_table_unref);
    }
  else if (data[0] == 'P')
    {
      g_autoptr(GBytes) zip = candor_bundle_assemble (content, sums, input, signer_pem, 1772366400, NULL);
      g_autoptr(CandorBundleVerification) result = candor_bundle_verify (zip, signer_pem, "fuzz");

      /* nobody can make a signature for this key without it: a fuzzed one never passes */
      g_assert (!candor_bundle_verification_get_passed (result));
    }
  else if (data[0] == 'Z')
    {
      gsize good_size;
      guint8 *changed = g_bytes_unref_to_data (g_bytes_ref (good), &good_size);
      g_autoptr(GBytes) zip = NULL;

      for (size_t i = 1; i + 3 <= size; i += 3)
        changed[((data[i] << 8) | data[i + 1]) % good_size] ^= data[i + 2];
      zip = g_bytes_new_take (changed, good_size);
      check_zip (zip);
    }
  else
    check_zip (input);
  return 0;
}
