/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-bundle-file.c: bundle entries, the SHA256SUMS format and name rules. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "candor-text-safe.h"
#include "candor-bundle-error.h"
#include "candor-bundle-file.h"

CandorBundleFile *
candor_bundle_file_new (const char *name, GBytes *bytes)
{
  CandorBundleFile *file = g_new0 (CandorBundleFile, 1);

  g_return_val_if_fail (name != NULL && bytes != NULL, NULL);

  file->name = g_strdup (name);
  file->bytes = g_bytes_ref (bytes);
  return file;
}

void
candor_bundle_file_free (CandorBundleFile *file)
{
  if (file == NULL)
    return;
  g_free (file->name);
  g_bytes_unref (file->bytes);
  g_free (file);
}

GPtrArray *
candor_bundle_file_list_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) candor_bundle_file_free);
}

CandorBundleFile *
candor_bundle_file_list_find (GPtrArray *files, const char *name)
{
  for (guint i = 0; i < files->len; i++)
    {
      CandorBundleFile *file = g_ptr_array_index (files, i);

      if (strcmp (file->name, name) == 0)
        return file;
    }
  return NULL;
}

gboolean
candor_bundle_check_name (const char *name, GError **error)
{
  const char *problem = NULL;

  if (name == NULL || *name == '\0')
    problem = _("an entry has an empty name");
  else if (!g_utf8_validate (name, -1, NULL))
    problem = _("the name is not valid UTF-8");
  else if (name[0] == '/' || name[0] == '\\' || (g_ascii_isalpha (name[0]) && name[1] == ':'))
    problem = _("absolute paths are not allowed");
  else if (strcmp (name, "..") == 0 || g_str_has_prefix (name, "../") || strstr (name, "/../") != NULL ||
           g_str_has_suffix (name, "/..") || strstr (name, "..\\") != NULL)
    problem = _("paths with “..” are not allowed");
  else if (strchr (name, '/') != NULL || strchr (name, '\\') != NULL)
    problem = _("every file must be at the root of the bundle");
  else if (strcmp (name, ".") == 0 || strlen (name) > 255)
    problem = _("not a usable file name");
  else
    for (const char *p = name; *p != '\0'; p++)
      if ((guchar) *p < 0x20 || *p == 0x7f)
        {
          problem = _("control characters are not allowed in names");
          break;
        }

  if (problem != NULL)
    {
      g_autofree char *shown = name != NULL ? candor_text_safe (name, -1, CANDOR_TEXT_SAFE_DEFAULT) : g_strdup ("");
      g_set_error (error, CANDOR_BUNDLE_ERROR, CANDOR_BUNDLE_ERROR_MALFORMED,
                   _("%s: unsafe entry name: %s"), shown, problem);
      return FALSE;
    }
  return TRUE;
}

static int
compare_names (gconstpointer a, gconstpointer b)
{
  const CandorBundleFile *fa = *(CandorBundleFile **) a;
  const CandorBundleFile *fb = *(CandorBundleFile **) b;

  return strcmp (fa->name, fb->name);
}

GBytes *
candor_sha256sums_build (GPtrArray *files)
{
  g_autoptr(GPtrArray) sorted = g_ptr_array_sized_new (files->len);
  GString *out = g_string_new (NULL);

  /* a plain array of borrowed pointers: g_ptr_array_copy() would also copy the free func */
  for (guint i = 0; i < files->len; i++)
    g_ptr_array_add (sorted, g_ptr_array_index (files, i));

  /* strcmp is byte order, which is what `LC_ALL=C sort` gives: stable across locales */
  g_ptr_array_sort (sorted, compare_names);
  for (guint i = 0; i < sorted->len; i++)
    {
      CandorBundleFile *file = g_ptr_array_index (sorted, i);
      gsize size;
      gconstpointer data = g_bytes_get_data (file->bytes, &size);
      g_autofree char *hex = g_compute_checksum_for_data (G_CHECKSUM_SHA256, data, size);

      g_string_append_printf (out, "%s  %s\n", hex, file->name);
    }
  return g_string_free_to_bytes (out);
}

GHashTable *
candor_sha256sums_parse (GBytes *sums, GError **error)
{
  g_autoptr(GHashTable) table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  gsize size;
  const char *data = g_bytes_get_data (sums, &size);
  const char *end;
  guint line_no = 0;

  /* An empty GBytes may hold a NULL pointer: do no arithmetic on it. */
  if (size == 0 || data == NULL)
    {
      g_set_error (error, CANDOR_BUNDLE_ERROR, CANDOR_BUNDLE_ERROR_MALFORMED,
                   _("%s: the file is empty"), CANDOR_BUNDLE_SUMS);
      return NULL;
    }
  end = data + size;
  if (data[size - 1] != '\n' || memchr (data, '\0', size) != NULL || memchr (data, '\r', size) != NULL)
    {
      g_set_error (error, CANDOR_BUNDLE_ERROR, CANDOR_BUNDLE_ERROR_MALFORMED,
                   _("%s: not in sha256sum format (it must be text lines ending in a newline)"),
                   CANDOR_BUNDLE_SUMS);
      return NULL;
    }

  for (const char *line = data; line < end; )
    {
      const char *nl = memchr (line, '\n', end - line);
      g_autofree char *name = NULL;
      gboolean ok = nl - line > 66 && (line[65] == ' ' || line[65] == '*') && line[64] == ' ';

      line_no++;
      for (int i = 0; ok && i < 64; i++)
        ok = g_ascii_isxdigit (line[i]);
      if (ok)
        {
          name = g_strndup (line + 66, nl - (line + 66));
          ok = candor_bundle_check_name (name, NULL);
        }
      if (!ok)
        {
          g_set_error (error, CANDOR_BUNDLE_ERROR, CANDOR_BUNDLE_ERROR_MALFORMED,
                       _("%s: line %u is not “SHA-256  NAME”"), CANDOR_BUNDLE_SUMS, line_no);
          return NULL;
        }
      if (g_hash_table_contains (table, name))
        {
          g_set_error (error, CANDOR_BUNDLE_ERROR, CANDOR_BUNDLE_ERROR_MALFORMED,
                       _("%s: “%s” is listed twice (line %u)"), CANDOR_BUNDLE_SUMS, name, line_no);
          return NULL;
        }
      g_hash_table_insert (table, g_steal_pointer (&name), g_ascii_strdown (line, 64));
      line = nl + 1;
    }
  return g_steal_pointer (&table);
}
