/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zip-flip-helper.c: for tests/bundle/zip-mismatch.py: writes a good signed bundle, and
 * verifies many single-bit changes of a bundle in one process (a process per change would
 * take minutes). */
#include <stdio.h>
#include <stdlib.h>

#include "bundle-test-util.h"

static int
write_sample (const char *path)
{
  char *dir = test_tmpdir_new ();
  g_autoptr(CandorSigner) signer = test_signer_new (dir, "acme");
  g_autoptr(GBytes) zip = test_sample_bundle (signer);
  g_autoptr(GError) error = NULL;
  g_autofree char *pem_path = g_strconcat (path, ".pem", NULL);
  GBytes *pem = candor_signer_get_chain_pem (signer);

  test_tmpdir_free (dir);
  if (!g_file_set_contents (path, g_bytes_get_data (zip, NULL), g_bytes_get_size (zip), &error) ||
      !g_file_set_contents (pem_path, g_bytes_get_data (pem, NULL), g_bytes_get_size (pem), &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  return 0;
}

/* stdin: "OFFSET MASK" per line; stdout: "OFFSET MASK 1" when the changed bundle verifies,
 * "OFFSET MASK 0 message" when it does not. */
static int
verify_flips (const char *path)
{
  g_autofree char *contents = NULL;
  gsize size;
  char line[128];

  if (!g_file_get_contents (path, &contents, &size, NULL))
    return 1;
  while (fgets (line, sizeof line, stdin) != NULL)
    {
      gsize offset;
      guint mask;
      g_autofree guint8 *copy = NULL;
      g_autoptr(GBytes) flipped = NULL;
      g_autoptr(CandorBundleVerification) result = NULL;

      if (sscanf (line, "%" G_GSIZE_FORMAT " %u", &offset, &mask) != 2 || offset >= size)
        return 2;
      copy = g_memdup2 (contents, size);
      copy[offset] ^= (guint8) mask;
      flipped = g_bytes_new_take (g_steal_pointer (&copy), size);
      result = candor_bundle_verify (flipped, NULL, NULL);
      if (candor_bundle_verification_get_passed (result))
        printf ("%" G_GSIZE_FORMAT " %u 1\n", offset, mask);
      else
        {
          g_autofree char *message = g_strescape (candor_bundle_verification_get_error (result)->message, NULL);
          printf ("%" G_GSIZE_FORMAT " %u 0 %s\n", offset, mask, message);
        }
    }
  return 0;
}

int
main (int argc, char **argv)
{
  if (argc == 3 && g_str_equal (argv[1], "sample"))
    return write_sample (argv[2]);
  if (argc == 3 && g_str_equal (argv[1], "flips"))
    return verify_flips (argv[2]);
  g_printerr ("usage: %s sample OUT.zip | flips BUNDLE.zip < OFFSET-MASK-LINES\n", argv[0]);
  return 2;
}
