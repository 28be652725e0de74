/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-bundle.c: time to export the example draft as a signed bundle (render with PNG, gate,
 * sign, zip) and to export a batch of 1,000 drafts. Targets: 300 ms and 60 s.
 * Usage: bench-bundle DRAFT [BATCH_SIZE]; needs CANDOR_BUILD_ROOT (set by meson) for candor-cli. */
#include <stdio.h>
#include <stdlib.h>
#include <glib/gstdio.h>

#include "bundle-test-util.h"
#include "candor-format.h"

static int
compare_doubles (const void *a, const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static GBytes *
export_once (CandorDocument *document, CandorSigner *signer, GError **error)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) files = candor_bundle_render_files (document, NULL, NULL, problems, error);
  CandorExportOptions options = { .render_problems = problems };

  if (files == NULL)
    return NULL;
  return candor_bundle_export (document, files, signer, &options, error);
}

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(CandorDocument) document = NULL;
  g_autoptr(CandorIdentity) identity = NULL;
  g_autoptr(CandorSigner) signer = NULL;
  char *dir;
  guint batch = argc > 2 ? (guint) atoi (argv[2]) : 1000;
  double single[15], t0, unlock_ms, batch_s;
  gsize bundle_size = 0;

  if (argc < 2)
    {
      g_printerr ("usage: bench-bundle DRAFT [BATCH_SIZE]\n");
      return 2;
    }
  dir = test_tmpdir_new ();
  file = g_file_new_for_commandline_arg (argv[1]);
  document = candor_format_load_file (file, NULL, &error);
  g_assert_no_error (error);
  /* a signed export needs every element approved */
  test_approve_all (document);
  identity = test_identity_new (dir, "bench", NULL, 365);

  t0 = g_get_monotonic_time ();
  signer = candor_identity_unlock (identity, TEST_PASSPHRASE, &error);
  g_assert_no_error (error);
  unlock_ms = (g_get_monotonic_time () - t0) / 1000.0;

  /* one warm-up (fonts, resources), then the example several times */
  g_bytes_unref (export_once (document, signer, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (single); i++)
    {
      g_autoptr(GBytes) zip = NULL;

      t0 = g_get_monotonic_time ();
      zip = export_once (document, signer, &error);
      single[i] = (g_get_monotonic_time () - t0) / 1000.0;
      g_assert_no_error (error);
      bundle_size = g_bytes_get_size (zip);
    }
  qsort (single, G_N_ELEMENTS (single), sizeof single[0], compare_doubles);

  /* the batch as a release engineer runs it: one candor-cli export of BATCH drafts into a
   * folder (distinct products; the command uses every processor) */
  {
    g_autofree char *drafts_dir = g_build_filename (dir, "drafts", NULL);
    g_autofree char *out_dir = g_build_filename (dir, "out", NULL);
    g_autofree char *cli = test_cli_path ();
    g_autoptr(GPtrArray) args = g_ptr_array_new_with_free_func (g_free);
    g_autofree char *err = NULL;
    g_autofree char *written = NULL;
    int status;

    g_mkdir_with_parents (drafts_dir, 0700);
    g_ptr_array_add (args, g_strdup (cli));
    g_ptr_array_add (args, g_strdup ("export"));
    for (guint i = 0; i < batch; i++)
      {
        g_autofree char *product = g_strdup_printf ("Lumen Cam %u", i);
        g_autofree char *name = g_strdup_printf ("draft-%04u.candor", i);
        char *path = g_build_filename (drafts_dir, name, NULL);
        g_autoptr(GFile) target = g_file_new_for_path (path);

        candor_document_set_product_name (document, product);
        test_approve_all (document);   /* the product name is part of what was approved */
        g_assert_true (candor_format_save_file (document, target, NULL, &error));
        g_ptr_array_add (args, path);
      }
    g_ptr_array_add (args, g_strdup ("-o"));
    g_ptr_array_add (args, g_strdup (out_dir));
    g_ptr_array_add (args, g_strdup ("--identity"));
    g_ptr_array_add (args, g_strdup (candor_identity_get_path (identity)));
    g_ptr_array_add (args, g_strdup ("--passphrase-env"));
    g_ptr_array_add (args, g_strdup ("CANDOR_BENCH_PASSPHRASE"));
    g_ptr_array_add (args, NULL);
    g_setenv ("CANDOR_BENCH_PASSPHRASE", TEST_PASSPHRASE, TRUE);

    t0 = g_get_monotonic_time ();
    status = test_run ((const char * const *) args->pdata, NULL, &written, &err);
    batch_s = (g_get_monotonic_time () - t0) / (double) G_USEC_PER_SEC;
    if (status != 0)
      g_error ("candor-cli export failed: %s", err);
    /* one line per bundle written */
    {
      g_auto(GStrv) lines = g_strsplit (g_strstrip (written), "\n", -1);
      g_assert_cmpuint (g_strv_length (lines), ==, batch);
    }
  }

  printf ("unlock identity (PBKDF2): %.1f ms\n", unlock_ms);
  printf ("export example (all templates, PDF+SVG+PNG, %" G_GSIZE_FORMAT " bytes): median %.1f ms, min %.1f ms, max %.1f ms (target <= 300 ms)\n",
          bundle_size, single[G_N_ELEMENTS (single) / 2], single[0], single[G_N_ELEMENTS (single) - 1]);
  printf ("batch of %u drafts (candor-cli export, %u processors): %.1f s, %.1f ms per draft (target <= 60 s for 1000)\n",
          batch, g_get_num_processors (), batch_s, batch_s * 1000.0 / MAX (batch, 1));
  test_tmpdir_free (dir);
  return single[G_N_ELEMENTS (single) / 2] <= 300.0 ? 0 : 1;
}
