/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-bundle-verify.c: libFuzzer target for everything verify reads from an untrusted bundle.
 * The first byte picks the input: 'S' SHA256SUMS, 'P' SHA256SUMS.p7s (inside an otherwise
 * valid bundle, so the CMS checks are reached), anything else a whole zip. */
#include <stdint.h>

#include "bundle-test-util.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static GPtrArray *content;
static GBytes *sums;
static GBytes *signer_pem;

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
  test_tmpdir_free (dir);
  return 0;
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
  else
    {
      CandorBundleVerification *result = candor_bundle_verify (input, NULL, NULL);

      g_object_unref (result);
    }
  return 0;
}
