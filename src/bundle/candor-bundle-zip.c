/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-bundle-zip.c: reproducible zip writing and defensive in-memory zip reading (libarchive). */
#include "config.h"

#include <archive.h>
#include <archive_entry.h>
#include <glib/gi18n-lib.h>
#include <string.h>
#include <zlib.h>

#include "candor-text-safe.h"
#include "candor-bundle-error.h"
#include "candor-bundle-file.h"
#include "candor-zip-index.h"

/* 1980-01-01, the earliest time a zip (MS-DOS) timestamp can hold. */
#define ZIP_EPOCH 315532800

static la_ssize_t
append_cb (struct archive *a, void *user_data, const void *buffer, size_t length)
{
  g_byte_array_append (user_data, buffer, length);
  return (la_ssize_t) length;
}

static guint32
read_le (const guint8 *p, guint n)
{
  guint32 value = 0;

  for (guint i = n; i > 0; i--)
    value = (value << 8) | p[i - 1];
  return value;
}

static void
write_le16 (guint8 *p, guint16 value)
{
  p[0] = value & 0xff;
  p[1] = value >> 8;
}

/* libarchive writes the MS-DOS time of each entry in local time, so the same export would
 * differ between time zones. Rewrite those fields in UTC (the "UT" extra field already holds
 * the Unix time): walk the central directory from the end record and patch each entry and
 * its local header. Anything unexpected (a comment, zip64) is left alone. */
static void
set_dos_times_utc (GByteArray *zip, gint64 mtime)
{
  g_autoptr(GDateTime) when = g_date_time_new_from_unix_utc (mtime);
  guint16 dos_time, dos_date;
  guint8 *end;
  guint32 count, offset;

  if (when == NULL || zip->len < 22)
    return;
  end = zip->data + zip->len - 22;
  if (memcmp (end, "PK\x05\x06", 4) != 0)
    return;
  dos_time = (guint16) ((g_date_time_get_hour (when) << 11) | (g_date_time_get_minute (when) << 5) |
                        (g_date_time_get_second (when) / 2));
  dos_date = (guint16) (((g_date_time_get_year (when) - 1980) << 9) | (g_date_time_get_month (when) << 5) |
                        g_date_time_get_day_of_month (when));
  count = read_le (end + 10, 2);
  offset = read_le (end + 16, 4);
  for (guint32 i = 0; i < count; i++)
    {
      guint8 *entry = zip->data + offset;
      guint32 local;

      if ((gsize) offset + 46 > zip->len || memcmp (entry, "PK\x01\x02", 4) != 0)
        return;
      local = read_le (entry + 42, 4);
      if ((gsize) local + 30 > zip->len || memcmp (zip->data + local, "PK\x03\x04", 4) != 0)
        return;
      write_le16 (entry + 12, dos_time);
      write_le16 (entry + 14, dos_date);
      write_le16 (zip->data + local + 10, dos_time);
      write_le16 (zip->data + local + 12, dos_date);
      offset += 46 + read_le (entry + 28, 2) + read_le (entry + 30, 2) + read_le (entry + 32, 2);
    }
}

GBytes *
candor_bundle_zip_write (GPtrArray *files, gint64 mtime, GError **error)
{
  g_autoptr(GByteArray) out = g_byte_array_new ();
  struct archive *a = archive_write_new ();
  struct archive_entry *entry = archive_entry_new ();
  gboolean ok = TRUE;

  g_return_val_if_fail (files != NULL, NULL);

  mtime = MAX (mtime, ZIP_EPOCH);
  archive_write_set_format_zip (a);
  archive_write_set_bytes_in_last_block (a, 1);
  if (archive_write_set_options (a, "zip:compression=deflate,zip:compression-level=1") != ARCHIVE_OK ||
      archive_write_open (a, out, NULL, append_cb, NULL) != ARCHIVE_OK)
    ok = FALSE;

  for (guint i = 0; ok && i < files->len; i++)
    {
      CandorBundleFile *file = g_ptr_array_index (files, i);
      gsize size;
      const guint8 *data = g_bytes_get_data (file->bytes, &size);

      /* PNG and PDF are compressed already: deflating them again costs time for nothing */
      if (g_str_has_suffix (file->name, ".png") || g_str_has_suffix (file->name, ".pdf"))
        archive_write_zip_set_compression_store (a);
      else
        archive_write_zip_set_compression_deflate (a);
      archive_entry_clear (entry);
      archive_entry_set_pathname_utf8 (entry, file->name);
      archive_entry_set_filetype (entry, AE_IFREG);
      archive_entry_set_perm (entry, 0644);
      archive_entry_set_size (entry, (la_int64_t) size);
      archive_entry_set_mtime (entry, (time_t) mtime, 0);
      archive_entry_set_uid (entry, 0);
      archive_entry_set_gid (entry, 0);
      if (archive_write_header (a, entry) != ARCHIVE_OK ||
          (size > 0 && archive_write_data (a, data, size) != (la_ssize_t) size))
        ok = FALSE;
    }
  if (ok && archive_write_close (a) != ARCHIVE_OK)
    ok = FALSE;
  if (!ok)
    g_set_error (error, CANDOR_BUNDLE_ERROR, CANDOR_BUNDLE_ERROR_FAILED,
                 _("Cannot write the zip: %s"),
                 archive_error_string (a) != NULL ? archive_error_string (a) : _("unknown error"));
  archive_entry_free (entry);
  archive_write_free (a);
  if (!ok)
    return NULL;
  set_dos_times_utc (out, mtime);
  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}

static gboolean
fail (GError **error, int code, const char *name, const char *message)
{
  if (name != NULL)
    {
      g_autofree char *shown = candor_text_safe (name, -1, CANDOR_TEXT_SAFE_DEFAULT);
      g_set_error (error, CANDOR_BUNDLE_ERROR, code, "%s: %s", shown, message);
    }
  else
    g_set_error_literal (error, CANDOR_BUNDLE_ERROR, code, message);
  return FALSE;
}

/* Checks one entry's header: everything that can be refused before reading content. */
static gboolean
check_entry (struct archive_entry *entry, const char *name, GHashTable *seen, GError **error)
{
  g_autofree char *folded = NULL;
  la_int64_t declared;

  if (!candor_bundle_check_name (name, error))
    return FALSE;
  if (archive_entry_filetype (entry) == AE_IFLNK || archive_entry_symlink (entry) != NULL)
    return fail (error, CANDOR_BUNDLE_ERROR_MALFORMED, name, _("symbolic links are not allowed"));
  if (archive_entry_hardlink (entry) != NULL)
    return fail (error, CANDOR_BUNDLE_ERROR_MALFORMED, name, _("hard links are not allowed"));
  if (archive_entry_filetype (entry) == AE_IFDIR)
    return fail (error, CANDOR_BUNDLE_ERROR_MALFORMED, name, _("folders are not allowed in a bundle"));
  if (archive_entry_filetype (entry) != AE_IFREG)
    return fail (error, CANDOR_BUNDLE_ERROR_MALFORMED, name, _("not a regular file"));
  if (archive_entry_is_encrypted (entry))
    return fail (error, CANDOR_BUNDLE_ERROR_MALFORMED, name, _("encrypted entries are not allowed"));

  /* Case-folded, so that a bundle cannot unpack differently on a case-insensitive disk. */
  folded = g_utf8_casefold (name, -1);
  if (g_hash_table_contains (seen, folded))
    return fail (error, CANDOR_BUNDLE_ERROR_MALFORMED, name, _("the name appears twice in the zip"));
  g_hash_table_add (seen, g_steal_pointer (&folded));

  declared = archive_entry_size_is_set (entry) ? archive_entry_size (entry) : 0;
  if (declared < 0 || declared > CANDOR_BUNDLE_MAX_ENTRY_SIZE)
    return fail (error, CANDOR_BUNDLE_ERROR_TOO_LARGE, name,
                 _("the declared size is larger than the 64 MiB limit: refused, not unpacked"));
  return TRUE;
}

/* libarchive read @content for entry @number: it must be the entry the zip index lists there,
 * with its size and CRC-32. Two readers that agree on every entry leave no room for a third
 * (unzip, Python, a browser) to read another name or other bytes. */
static gboolean
agrees_with_index (GPtrArray *index, guint number, const char *name, GByteArray *content, GError **error)
{
  CandorZipIndexEntry *listed = number <= index->len ? g_ptr_array_index (index, number - 1) : NULL;
  g_autofree char *shown = candor_text_safe (name, -1, CANDOR_TEXT_SAFE_DEFAULT);
  guint32 crc;

  if (listed == NULL)
    {
      g_set_error (error, CANDOR_BUNDLE_ERROR, CANDOR_BUNDLE_ERROR_MALFORMED,
                   _("Entry %u (%s): the zip reader finds more entries than the zip index lists"), number, shown);
      return FALSE;
    }
  crc = (guint32) crc32 (0L, content->data, content->len);
  if (strcmp (listed->name, name) != 0 || listed->size != content->len || listed->crc32 != crc)
    {
      g_autofree char *listed_shown = candor_text_safe (listed->name, -1, CANDOR_TEXT_SAFE_DEFAULT);

      g_set_error (error, CANDOR_BUNDLE_ERROR, CANDOR_BUNDLE_ERROR_MALFORMED,
                   _("Entry %u: the zip reader finds %s (%u bytes, CRC-32 0x%08x) where the zip index lists "
                     "%s (%u bytes, CRC-32 0x%08x)"),
                   number, shown, content->len, crc, listed_shown, listed->size, listed->crc32);
      return FALSE;
    }
  return TRUE;
}

GPtrArray *
candor_bundle_zip_read (GBytes *zip, GError **error)
{
  g_autoptr(GPtrArray) files = candor_bundle_file_list_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) index = NULL;
  struct archive *a;
  struct archive_entry *entry;
  gsize zip_size, total = 0;
  const void *zip_data;
  gboolean ok = TRUE;
  int r = ARCHIVE_OK;

  g_return_val_if_fail (zip != NULL, NULL);

  zip_data = g_bytes_get_data (zip, &zip_size);
  if (zip_size > CANDOR_BUNDLE_MAX_ZIP_SIZE)
    {
      fail (error, CANDOR_BUNDLE_ERROR_TOO_LARGE, NULL, _("The bundle is larger than the 64 MiB limit"));
      return NULL;
    }
  if (zip_size < 22 || zip_data == NULL)
    {
      fail (error, CANDOR_BUNDLE_ERROR_MALFORMED, NULL, _("Not a zip file (too short or truncated)"));
      return NULL;
    }
  /* Our own strict reading of the structure first: libarchive trusts the local headers
   * where other tools trust the central directory, so both must say the same. */
  index = candor_zip_index_read (zip_data, zip_size, error);
  if (index == NULL)
    return NULL;

  a = archive_read_new ();
  /* Only the seekable reader: it trusts the central directory at the end, so a truncated
   * archive is refused as a whole instead of being read up to the cut. */
  archive_read_support_format_zip_seekable (a);
  if (archive_read_open_memory (a, zip_data, zip_size) != ARCHIVE_OK)
    {
      g_set_error (error, CANDOR_BUNDLE_ERROR, CANDOR_BUNDLE_ERROR_MALFORMED,
                   _("Not a readable zip file (damaged or truncated): %s"),
                   archive_error_string (a) != NULL ? archive_error_string (a) : "");
      archive_read_free (a);
      return NULL;
    }

  while (ok && (r = archive_read_next_header (a, &entry)) == ARCHIVE_OK)
    {
      const char *name = archive_entry_pathname_utf8 (entry);
      g_autoptr(GByteArray) content = g_byte_array_new ();
      guint8 buffer[16384];
      la_ssize_t n;

      if (name == NULL)
        name = archive_entry_pathname (entry);
      if (files->len >= CANDOR_BUNDLE_MAX_ENTRIES)
        {
          ok = fail (error, CANDOR_BUNDLE_ERROR_TOO_LARGE, NULL, _("The bundle has too many files"));
          break;
        }
      if (!(ok = check_entry (entry, name, seen, error)))
        break;

      /* The declared size may lie: stop reading as soon as the real size passes a limit. */
      while ((n = archive_read_data (a, buffer, sizeof buffer)) > 0)
        {
          if (content->len + (gsize) n > CANDOR_BUNDLE_MAX_ENTRY_SIZE ||
              total + (gsize) n > CANDOR_BUNDLE_MAX_TOTAL_SIZE)
            {
              ok = fail (error, CANDOR_BUNDLE_ERROR_TOO_LARGE, name,
                         _("unpacks to more than the 64 MiB limit: refused, not unpacked"));
              break;
            }
          g_byte_array_append (content, buffer, (guint) n);
          total += (gsize) n;
        }
      if (ok && n < 0)
        {
          g_autofree char *message = g_strdup_printf (_("damaged content (%s)"),
                                                      archive_error_string (a) != NULL ? archive_error_string (a) : "");
          ok = fail (error, CANDOR_BUNDLE_ERROR_MALFORMED, name, message);
        }
      if (ok && archive_entry_size_is_set (entry) && archive_entry_size (entry) != (la_int64_t) content->len)
        ok = fail (error, CANDOR_BUNDLE_ERROR_MALFORMED, name, _("the size does not match the zip directory"));
      if (ok)
        ok = agrees_with_index (index, files->len + 1, name, content, error);
      if (ok)
        {
          g_autoptr(GBytes) bytes = g_byte_array_free_to_bytes (g_steal_pointer (&content));
          g_ptr_array_add (files, candor_bundle_file_new (name, bytes));
        }
    }
  if (ok && r != ARCHIVE_EOF)
    {
      g_set_error (error, CANDOR_BUNDLE_ERROR, CANDOR_BUNDLE_ERROR_MALFORMED,
                   _("Not a readable zip file (damaged or truncated): %s"),
                   archive_error_string (a) != NULL ? archive_error_string (a) : "");
      ok = FALSE;
    }
  if (ok && files->len != index->len)
    {
      g_set_error (error, CANDOR_BUNDLE_ERROR, CANDOR_BUNDLE_ERROR_MALFORMED,
                   _("The zip reader finds %u entries where the zip index lists %u"), files->len, index->len);
      ok = FALSE;
    }
  archive_read_free (a);
  return ok ? g_steal_pointer (&files) : NULL;
}
