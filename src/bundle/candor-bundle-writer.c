/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-bundle-writer.c: files + signer -> SHA256SUMS, signature, signer.pem -> zip. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "candor-bundle-error.h"
#include "candor-bundle-writer.h"

static int
compare_names (gconstpointer a, gconstpointer b)
{
  return strcmp ((*(CandorBundleFile **) a)->name, (*(CandorBundleFile **) b)->name);
}

static gboolean
is_reserved (const char *name)
{
  return strcmp (name, CANDOR_BUNDLE_SUMS) == 0 || strcmp (name, CANDOR_BUNDLE_SIGNATURE) == 0 ||
         strcmp (name, CANDOR_BUNDLE_SIGNER) == 0;
}

/* The given files, checked, sorted by name, with signer.pem added: what SHA256SUMS lists. */
static GPtrArray *
listed_files (GPtrArray *files, GBytes *signer_pem, GError **error)
{
  g_autoptr(GPtrArray) listed = g_ptr_array_new_with_free_func ((GDestroyNotify) candor_bundle_file_free);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < files->len; i++)
    {
      CandorBundleFile *file = g_ptr_array_index (files, i);
      g_autofree char *folded = NULL;

      if (!candor_bundle_check_name (file->name, error))
        return NULL;
      folded = g_utf8_casefold (file->name, -1);
      if (is_reserved (file->name) || g_hash_table_contains (seen, folded))
        {
          g_set_error (error, CANDOR_BUNDLE_ERROR, CANDOR_BUNDLE_ERROR_FAILED,
                       _("%s: this name is reserved or given twice"), file->name);
          return NULL;
        }
      g_hash_table_add (seen, g_steal_pointer (&folded));
      g_ptr_array_add (listed, candor_bundle_file_new (file->name, file->bytes));
    }
  g_ptr_array_sort (listed, compare_names);
  if (signer_pem != NULL)
    g_ptr_array_add (listed, candor_bundle_file_new (CANDOR_BUNDLE_SIGNER, signer_pem));
  return g_steal_pointer (&listed);
}

GBytes *
candor_bundle_assemble (GPtrArray  *files,
                        GBytes     *sums,
                        GBytes     *signature,
                        GBytes     *signer_pem,
                        gint64      mtime,
                        GError    **error)
{
  g_autoptr(GPtrArray) entries = listed_files (files, NULL, error);

  g_return_val_if_fail (sums != NULL && signature != NULL && signer_pem != NULL, NULL);

  if (entries == NULL)
    return NULL;
  g_ptr_array_add (entries, candor_bundle_file_new (CANDOR_BUNDLE_SUMS, sums));
  g_ptr_array_add (entries, candor_bundle_file_new (CANDOR_BUNDLE_SIGNATURE, signature));
  g_ptr_array_add (entries, candor_bundle_file_new (CANDOR_BUNDLE_SIGNER, signer_pem));
  return candor_bundle_zip_write (entries, mtime, error);
}

GBytes *
candor_bundle_write (GPtrArray     *files,
                     GDateTime     *mtime,
                     CandorSigner  *signer,
                     GError       **error)
{
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GBytes) sums = NULL;
  g_autoptr(GBytes) signature = NULL;
  GBytes *signer_pem;

  g_return_val_if_fail (files != NULL, NULL);
  g_return_val_if_fail (mtime != NULL, NULL);
  g_return_val_if_fail (CANDOR_IS_SIGNER (signer), NULL);

  if (!candor_signer_check_validity (signer, NULL, error))
    return NULL;
  signer_pem = candor_signer_get_chain_pem (signer);
  listed = listed_files (files, signer_pem, error);
  if (listed == NULL)
    return NULL;
  sums = candor_sha256sums_build (listed);
  signature = candor_signer_sign (signer, sums, error);
  if (signature == NULL)
    return NULL;
  return candor_bundle_assemble (files, sums, signature, signer_pem,
                                 g_date_time_to_unix (mtime), error);
}

char *
candor_bundle_slug (const char *product_name)
{
  g_autofree char *ascii = g_str_to_ascii (product_name != NULL ? product_name : "", "C");
  GString *slug = g_string_new (NULL);
  gboolean dash = FALSE;

  for (const char *p = ascii; *p != '\0' && slug->len < 64; p++)
    {
      if (g_ascii_isalnum (*p))
        {
          if (dash && slug->len > 0)
            g_string_append_c (slug, '-');
          g_string_append_c (slug, g_ascii_tolower (*p));
          dash = FALSE;
        }
      else
        dash = TRUE;
    }
  if (slug->len == 0)
    g_string_append (slug, "untitled");
  return g_string_free (slug, FALSE);
}

char *
candor_bundle_file_name (const char *product_name)
{
  g_autofree char *slug = candor_bundle_slug (product_name);

  return g_strconcat (slug, "-disclosure.zip", NULL);
}
