/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-zip-index.c: strict, bounds-checked parse of a zip's end record, central directory,
 * local headers and data descriptors, requiring every copy of each entry's facts to agree. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdarg.h>
#include <string.h>

#include "candor-text-safe.h"
#include "candor-bundle-error.h"
#include "candor-bundle-file.h"
#include "candor-zip-index.h"

#define END_SIZE        22
#define CENTRAL_SIZE    46
#define LOCAL_SIZE      30
#define DESCRIPTOR_SIZE 16

#define FLAG_ENCRYPTED        0x0001
#define FLAG_DEFLATE_LEVEL    0x0006
#define FLAG_DESCRIPTOR       0x0008
#define FLAG_STRONG_ENCRYPTED 0x0040
#define FLAG_UTF8             0x0800
#define FLAG_MASKED_HEADERS   0x2000

#define EXTRA_TIMESTAMP 0x5455  /* "UT": modification time */
#define EXTRA_OWNER     0x7875  /* "ux": Unix owner and group */

#define HOST_UNIX 3

static guint16
le16 (const guint8 *p)
{
  return (guint16) (p[0] | (p[1] << 8));
}

static guint32
le32 (const guint8 *p)
{
  return (guint32) p[0] | ((guint32) p[1] << 8) | ((guint32) p[2] << 16) | ((guint32) p[3] << 24);
}

static void
entry_free (CandorZipIndexEntry *entry)
{
  g_free (entry->name);
  g_free (entry);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CandorZipIndexEntry, entry_free)

/* Names from the file are escaped before they reach a message (and a terminal). */
static char *
shown_name (const guint8 *name, gsize length)
{
  g_autofree char *raw = g_strndup ((const char *) name, length);

  return candor_text_safe (raw, -1, CANDOR_TEXT_SAFE_DEFAULT);
}

static gpointer G_GNUC_PRINTF (4, 5)
refuse (GError **error, int code, guint number, const char *format, ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  if (number > 0)
    g_set_error (error, CANDOR_BUNDLE_ERROR, code, _("Entry %u: %s"), number, message);
  else
    g_set_error_literal (error, CANDOR_BUNDLE_ERROR, code, message);
  return NULL;
}

/* The end record: at the very end, no comment, one disk, no zip64. */
static gboolean
read_end (const guint8 *data, gsize size, guint *count, guint32 *central, guint32 *central_size,
          GError **error)
{
  const guint8 *end = data + size - END_SIZE;

  if (memcmp (end, "PK\x05\x06", 4) != 0)
    {
      for (gsize back = END_SIZE + 1; back <= MIN (size, END_SIZE + 65535); back++)
        if (memcmp (data + size - back, "PK\x05\x06", 4) == 0)
          return refuse (error, CANDOR_BUNDLE_ERROR_MALFORMED, 0,
                         _("The zip has a comment or bytes after its end record: Candor bundles have neither")) != NULL;
      return refuse (error, CANDOR_BUNDLE_ERROR_MALFORMED, 0,
                     _("Not a zip file (no end record at its end: truncated, or not a zip)")) != NULL;
    }
  *count = le16 (end + 10);
  *central_size = le32 (end + 12);
  *central = le32 (end + 16);
  if (le16 (end + 20) != 0)
    return refuse (error, CANDOR_BUNDLE_ERROR_MALFORMED, 0,
                   _("The zip’s end record announces a comment that is not there (truncated or changed)")) != NULL;
  if (*count == 0xffff || le16 (end + 8) == 0xffff || *central_size == 0xffffffff || *central == 0xffffffff)
    return refuse (error, CANDOR_BUNDLE_ERROR_MALFORMED, 0,
                   _("The zip uses zip64 records, which a bundle of at most 64 MiB never needs")) != NULL;
  if (le16 (end + 4) != 0 || le16 (end + 6) != 0 || le16 (end + 8) != *count)
    return refuse (error, CANDOR_BUNDLE_ERROR_MALFORMED, 0,
                   _("The zip claims to be split over several disks: a bundle is one file")) != NULL;
  if (*count == 0)
    return refuse (error, CANDOR_BUNDLE_ERROR_MALFORMED, 0, _("The zip holds no files")) != NULL;
  if (*count > CANDOR_BUNDLE_MAX_ENTRIES)
    return refuse (error, CANDOR_BUNDLE_ERROR_TOO_LARGE, 0, _("The bundle has too many files")) != NULL;
  if (size >= END_SIZE + 20 && memcmp (end - 20, "PK\x06\x07", 4) == 0)
    return refuse (error, CANDOR_BUNDLE_ERROR_MALFORMED, 0,
                   _("The zip has a zip64 end record, which a bundle of at most 64 MiB never needs")) != NULL;
  if ((guint64) *central + *central_size != size - END_SIZE)
    return refuse (error, CANDOR_BUNDLE_ERROR_MALFORMED, 0,
                   _("The zip’s central directory does not end where its end record starts: bytes were "
                     "added before the zip, or between the directory and the end record")) != NULL;
  return TRUE;
}

/* Extra fields: well formed, each kind at most once, and only the kinds the bundle writer
 * puts there. Others (Unicode path, zip64, …) would make some tools see another name or size. */
static gboolean
check_extra (const guint8 *extra, gsize length, guint number, const char *shown, GError **error)
{
  gboolean seen_time = FALSE, seen_owner = FALSE;

  for (gsize at = 0; at < length; )
    {
      guint16 id, block;

      if (at + 4 > length || at + 4 + le16 (extra + at + 2) > length)
        return refuse (error, CANDOR_BUNDLE_ERROR_MALFORMED, number,
                       _("%s: its extra field is malformed"), shown) != NULL;
      id = le16 (extra + at);
      block = le16 (extra + at + 2);
      if ((id == EXTRA_TIMESTAMP && !seen_time) || (id == EXTRA_OWNER && !seen_owner))
        {
          seen_time |= id == EXTRA_TIMESTAMP;
          seen_owner |= id == EXTRA_OWNER;
        }
      else
        return refuse (error, CANDOR_BUNDLE_ERROR_MALFORMED, number,
                       _("%s: it holds an extra field of type 0x%04x, which bundles never use "
                         "(other tools could read another name or size from it)"), shown, id) != NULL;
      at += 4 + block;
    }
  return TRUE;
}

/* The rules for entry names, applied to the bytes as they are in the file. */
static gboolean
check_name_bytes (const guint8 *name, gsize length, guint16 flags, guint number, GError **error)
{
  g_autofree char *text = g_strndup ((const char *) name, length);
  g_autoptr(GError) why = NULL;

  if (memchr (name, '\0', length) != NULL)
    {
      g_autofree char *shown = shown_name (name, length);
      return refuse (error, CANDOR_BUNDLE_ERROR_MALFORMED, number,
                     _("%s: its name in the zip index holds a NUL byte"), shown) != NULL;
    }
  if (!candor_bundle_check_name (text, &why))
    return refuse (error, CANDOR_BUNDLE_ERROR_MALFORMED, number, _("name in the zip index: %s"),
                   why->message) != NULL;
  for (gsize i = 0; i < length; i++)
    if (name[i] >= 0x80 && !(flags & FLAG_UTF8))
      {
        g_autofree char *shown = shown_name (name, length);
        return refuse (error, CANDOR_BUNDLE_ERROR_MALFORMED, number,
                       _("%s: the name is not ASCII but not flagged as UTF-8, so other tools "
                         "would read another name"), shown) != NULL;
      }
  return TRUE;
}

/* One central directory entry on its own: what it declares and whether the bundle may hold it. */
static gboolean
check_central (const guint8 *c, guint number, const char *shown, guint64 *total, GError **error)
{
  guint16 made_by = le16 (c + 4), needed = le16 (c + 6), flags = le16 (c + 8), method = le16 (c + 10);
  guint32 compressed = le32 (c + 20), size = le32 (c + 24);
  guint32 external = le32 (c + 38), mode = external >> 16;

  /* the limits first: a zip bomb is refused as too large, whatever else is wrong with it */
  if (compressed == 0xffffffff || size == 0xffffffff || le32 (c + 42) == 0xffffffff)
    return refuse (error, CANDOR_BUNDLE_ERROR_MALFORMED, number,
                   _("%s: it uses zip64 sizes, which a bundle of at most 64 MiB never needs"), shown) != NULL;
  if (size > CANDOR_BUNDLE_MAX_ENTRY_SIZE || compressed > CANDOR_BUNDLE_MAX_ZIP_SIZE)
    return refuse (error, CANDOR_BUNDLE_ERROR_TOO_LARGE, number,
                   _("%s: the declared size is larger than the 64 MiB limit: refused, not unpacked"), shown) != NULL;
  *total += size;
  if (*total > CANDOR_BUNDLE_MAX_TOTAL_SIZE)
    return refuse (error, CANDOR_BUNDLE_ERROR_TOO_LARGE, number,
                   _("%s: the files up to this one unpack to more than the 64 MiB limit: refused, not unpacked"),
                   shown) != NULL;

  if (flags & (FLAG_ENCRYPTED | FLAG_STRONG_ENCRYPTED | FLAG_MASKED_HEADERS))
    return refuse (error, CANDOR_BUNDLE_ERROR_MALFORMED, number, _("%s: encrypted entries are not allowed"), shown) != NULL;
  if (flags & ~(FLAG_DEFLATE_LEVEL | FLAG_DESCRIPTOR | FLAG_UTF8))
    return refuse (error, CANDOR_BUNDLE_ERROR_MALFORMED, number,
                   _("%s: it uses zip features bundles never use (flags 0x%04x)"), shown, flags) != NULL;
  if (method != 0 && method != 8)
    return refuse (error, CANDOR_BUNDLE_ERROR_MALFORMED, number,
                   _("%s: compression method %u is not allowed (only stored and deflate)"), shown, method) != NULL;
  if (method == 0 && compressed != size)
    return refuse (error, CANDOR_BUNDLE_ERROR_MALFORMED, number,
                   _("%s: stored without compression, but its two sizes differ (%u and %u)"),
                   shown, compressed, size) != NULL;
  if (needed > 20)
    return refuse (error, CANDOR_BUNDLE_ERROR_MALFORMED, number,
                   _("%s: it needs zip version %u.%u; bundles need at most 2.0"), shown, needed / 10, needed % 10) != NULL;
  if (le16 (c + 32) != 0)
    return refuse (error, CANDOR_BUNDLE_ERROR_MALFORMED, number, _("%s: entries in a bundle have no comment"), shown) != NULL;
  if (le16 (c + 34) != 0)
    return refuse (error, CANDOR_BUNDLE_ERROR_MALFORMED, number,
                   _("%s: it claims to be on another disk: a bundle is one file"), shown) != NULL;
  if (le16 (c + 36) != 0)
    return refuse (error, CANDOR_BUNDLE_ERROR_MALFORMED, number,
                   _("%s: unexpected internal attributes (0x%04x)"), shown, le16 (c + 36)) != NULL;
  /* the file type lives in the Unix mode, which tools only read from a Unix entry */
  if ((made_by >> 8) != HOST_UNIX)
    return refuse (error, CANDOR_BUNDLE_ERROR_MALFORMED, number,
                   _("%s: not made on Unix, so its file type cannot be checked"), shown) != NULL;
  if ((mode & 0170000) == 0120000)
    return refuse (error, CANDOR_BUNDLE_ERROR_MALFORMED, number, _("%s: symbolic links are not allowed"), shown) != NULL;
  if ((mode & 0170000) == 0040000 || (external & 0x10))
    return refuse (error, CANDOR_BUNDLE_ERROR_MALFORMED, number, _("%s: folders are not allowed in a bundle"), shown) != NULL;
  if ((mode & 0170000) != 0100000 || (external & 0xffff & ~0x21u))
    return refuse (error, CANDOR_BUNDLE_ERROR_MALFORMED, number, _("%s: not a regular file (attributes 0x%08x)"),
                   shown, external) != NULL;
  /* the writer gives every file rw-r--r--: any other mode (executable, writable by others)
   * would unpack as something else than what was signed */
  if ((mode & 07777) != 0644)
    return refuse (error, CANDOR_BUNDLE_ERROR_MALFORMED, number,
                   _("%s: its permissions are %04o; files in a bundle are 0644 (not executable)"), shown, mode & 07777) != NULL;
  return TRUE;
}

/* Compares a value that the directory and the local header (or descriptor) both hold. A
 * local header with a data descriptor may hold zero for the CRC and sizes instead. */
static gboolean
same_value (guint32 central, guint32 local, gboolean zero_allowed, guint number, const char *shown,
            const char *what, const char *where, GError **error)
{
  gboolean is_crc = strcmp (what, _("CRC-32")) == 0;
  g_autofree char *central_text = g_strdup_printf (is_crc ? "0x%08x" : "%u", central);
  g_autofree char *local_text = g_strdup_printf (is_crc ? "0x%08x" : "%u", local);

  if (central == local || (zero_allowed && local == 0))
    return TRUE;
  /* TRANSLATORS: e.g. "its CRC-32 in the zip index (0x1234abcd) differs from its data descriptor (0x…)" */
  return refuse (error, CANDOR_BUNDLE_ERROR_MALFORMED, number,
                 _("%s: its %s in the zip index (%s) differs from its %s (%s)"),
                 shown, what, central_text, where, local_text) != NULL;
}

/* The local header (and data descriptor) of the entry whose directory record is @c: it must
 * start at @expected and say the same. Sets @end to the offset right after the entry. */
static gboolean
check_local (const guint8 *data, guint32 central_start, const guint8 *c, guint number,
             const char *shown, guint32 expected, CandorZipIndexEntry *entry, guint32 *end, GError **error)
{
  guint16 flags = le16 (c + 8), name_length = le16 (c + 28), extra_length = le16 (c + 30);
  const guint8 *name = c + CENTRAL_SIZE, *extra = name + name_length;
  guint32 offset = le32 (c + 42);
  const guint8 *l;
  guint16 local_name_length, local_extra_length;
  gboolean descriptor = (flags & FLAG_DESCRIPTOR) != 0;
  guint64 data_start, data_end;

  if (offset < expected)
    return refuse (error, CANDOR_BUNDLE_ERROR_MALFORMED, number,
                   _("%s: it starts at offset %u, inside the entry before it (which ends at %u): "
                     "two entries overlap or share data"), shown, offset, expected) != NULL;
  if (offset > expected && number == 1)
    return refuse (error, CANDOR_BUNDLE_ERROR_MALFORMED, number,
                   _("%s: it starts at offset %u, not at the start of the file: bytes were added before it"),
                   shown, offset) != NULL;
  if (offset > expected)
    return refuse (error, CANDOR_BUNDLE_ERROR_MALFORMED, number,
                   ngettext ("%s: %u byte lies between it and the entry before it: a file missing from "
                             "the zip index, or hidden data",
                             "%s: %u bytes lie between it and the entry before it: a file missing from "
                             "the zip index, or hidden data", offset - expected),
                   shown, offset - expected) != NULL;
  if ((guint64) offset + LOCAL_SIZE > central_start || memcmp (data + offset, "PK\x03\x04", 4) != 0)
    return refuse (error, CANDOR_BUNDLE_ERROR_MALFORMED, number,
                   _("%s: there is no local header at offset %u"), shown, offset) != NULL;
  l = data + offset;
  local_name_length = le16 (l + 26);
  local_extra_length = le16 (l + 28);
  data_start = (guint64) offset + LOCAL_SIZE + local_name_length + local_extra_length;
  if (data_start > central_start)
    return refuse (error, CANDOR_BUNDLE_ERROR_MALFORMED, number, _("%s: its local header is truncated"), shown) != NULL;
  if (local_name_length != name_length || memcmp (l + LOCAL_SIZE, name, name_length) != 0)
    {
      g_autofree char *local_shown = shown_name (l + LOCAL_SIZE, local_name_length);
      g_autofree char *central_shown = shown_name (name, name_length);

      return refuse (error, CANDOR_BUNDLE_ERROR_MALFORMED, number,
                     _("its name in the zip index (%s) differs from its local header (%s)"),
                     central_shown, local_shown) != NULL;
    }
  if (le16 (l + 4) != le16 (c + 6))
    return refuse (error, CANDOR_BUNDLE_ERROR_MALFORMED, number,
                   _("%s: the zip version it needs differs between the zip index and its local header"), shown) != NULL;
  if (le16 (l + 6) != flags)
    return refuse (error, CANDOR_BUNDLE_ERROR_MALFORMED, number,
                   _("%s: its flags in the zip index (0x%04x) differ from its local header (0x%04x)"),
                   shown, flags, le16 (l + 6)) != NULL;
  if (le16 (l + 8) != le16 (c + 10))
    return refuse (error, CANDOR_BUNDLE_ERROR_MALFORMED, number,
                   _("%s: its compression method in the zip index (%u) differs from its local header (%u)"),
                   shown, le16 (c + 10), le16 (l + 8)) != NULL;
  if (le32 (l + 10) != le32 (c + 12))
    return refuse (error, CANDOR_BUNDLE_ERROR_MALFORMED, number,
                   _("%s: its time in the zip index differs from its local header"), shown) != NULL;
  if (local_extra_length != extra_length || memcmp (l + LOCAL_SIZE + name_length, extra, extra_length) != 0)
    return refuse (error, CANDOR_BUNDLE_ERROR_MALFORMED, number,
                   _("%s: its extra fields in the zip index differ from its local header"), shown) != NULL;
  if (!same_value (entry->crc32, le32 (l + 14), descriptor, number, shown, _("CRC-32"), _("local header"), error) ||
      !same_value (entry->compressed_size, le32 (l + 18), descriptor, number, shown, _("compressed size"),
                   _("local header"), error) ||
      !same_value (entry->size, le32 (l + 22), descriptor, number, shown, _("size"), _("local header"), error))
    return FALSE;

  data_end = data_start + entry->compressed_size;
  if (data_end > central_start)
    return refuse (error, CANDOR_BUNDLE_ERROR_MALFORMED, number,
                   _("%s: its data runs into the zip index (truncated, or a wrong size)"), shown) != NULL;
  if (descriptor)
    {
      const guint8 *d = data + data_end;

      /* the signature is optional in the format, but the writer always puts it: without it a
       * reader has to guess where the descriptor is */
      if (data_end + DESCRIPTOR_SIZE > central_start || memcmp (d, "PK\x07\x08", 4) != 0)
        return refuse (error, CANDOR_BUNDLE_ERROR_MALFORMED, number,
                       _("%s: its data descriptor is missing where its data ends"), shown) != NULL;
      if (!same_value (entry->crc32, le32 (d + 4), FALSE, number, shown, _("CRC-32"), _("data descriptor"), error) ||
          !same_value (entry->compressed_size, le32 (d + 8), FALSE, number, shown, _("compressed size"),
                       _("data descriptor"), error) ||
          !same_value (entry->size, le32 (d + 12), FALSE, number, shown, _("size"), _("data descriptor"), error))
        return FALSE;
      data_end += DESCRIPTOR_SIZE;
    }
  entry->local_offset = offset;
  entry->data_offset = (guint32) data_start;
  *end = (guint32) data_end;
  return TRUE;
}

GPtrArray *
candor_zip_index_read (const guint8 *data, gsize size, GError **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint count = 0;
  guint32 central = 0, central_size = 0, next_local = 0;
  guint64 at, total = 0;

  if (size > CANDOR_BUNDLE_MAX_ZIP_SIZE)
    return refuse (error, CANDOR_BUNDLE_ERROR_TOO_LARGE, 0, _("The bundle is larger than the 64 MiB limit"));
  if (size < END_SIZE || data == NULL)
    return refuse (error, CANDOR_BUNDLE_ERROR_MALFORMED, 0, _("Not a zip file (too short or truncated)"));
  if (!read_end (data, size, &count, &central, &central_size, error))
    return NULL;

  at = central;
  for (guint number = 1; number <= count; number++)
    {
      const guint8 *c = data + at;
      g_autoptr(CandorZipIndexEntry) entry = NULL;
      g_autofree char *shown = NULL;
      g_autofree char *folded = NULL;
      guint16 name_length, extra_length;
      guint32 end = 0;

      if (at + CENTRAL_SIZE > central + central_size || memcmp (c, "PK\x01\x02", 4) != 0)
        return refuse (error, CANDOR_BUNDLE_ERROR_MALFORMED, number,
                       _("the zip index ends before this entry (truncated, or a wrong count)"));
      name_length = le16 (c + 28);
      extra_length = le16 (c + 30);
      if (at + CENTRAL_SIZE + name_length + extra_length + le16 (c + 32) > central + central_size)
        return refuse (error, CANDOR_BUNDLE_ERROR_MALFORMED, number,
                       _("its record runs past the end of the zip index"));
      shown = shown_name (c + CENTRAL_SIZE, name_length);

      entry = g_new0 (CandorZipIndexEntry, 1);
      entry->flags = le16 (c + 8);
      entry->method = le16 (c + 10);
      entry->crc32 = le32 (c + 16);
      entry->compressed_size = le32 (c + 20);
      entry->size = le32 (c + 24);

      if (!check_central (c, number, shown, &total, error) ||
          !check_name_bytes (c + CENTRAL_SIZE, name_length, entry->flags, number, error) ||
          !check_extra (c + CENTRAL_SIZE + name_length, extra_length, number, shown, error))
        return NULL;
      entry->name = g_strndup ((const char *) c + CENTRAL_SIZE, name_length);

      /* case-folded, so that a bundle cannot unpack differently on a case-insensitive disk */
      folded = g_utf8_casefold (entry->name, -1);
      if (g_hash_table_contains (seen, folded))
        return refuse (error, CANDOR_BUNDLE_ERROR_MALFORMED, number, _("%s: the name appears twice in the zip"), shown);
      g_hash_table_add (seen, g_steal_pointer (&folded));

      if (!check_local (data, central, c, number, shown, next_local, entry, &end, error))
        return NULL;
      next_local = end;
      g_ptr_array_add (entries, g_steal_pointer (&entry));
      at += CENTRAL_SIZE + name_length + extra_length + le16 (c + 32);
    }

  if (at != (guint64) central + central_size)
    return refuse (error, CANDOR_BUNDLE_ERROR_MALFORMED, 0,
                   _("The zip index holds more than the %u entries its end record counts"), count);
  if (next_local != central)
    {
      CandorZipIndexEntry *last = g_ptr_array_index (entries, entries->len - 1);
      g_autofree char *shown = candor_text_safe (last->name, -1, CANDOR_TEXT_SAFE_DEFAULT);

      return refuse (error, CANDOR_BUNDLE_ERROR_MALFORMED, entries->len,
                     ngettext ("%s: %u byte lies between it and the zip index: a file missing from "
                               "the zip index, or hidden data",
                               "%s: %u bytes lie between it and the zip index: a file missing from "
                               "the zip index, or hidden data", central - next_local),
                     shown, central - next_local);
    }
  return g_steal_pointer (&entries);
}
