/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-zip-index.h: a strict reader of a zip's structure (end record, central directory,
 * local headers, data descriptors) that requires every copy of each entry's facts to agree. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What every copy of one entry (central directory, local header, data descriptor) says. */
typedef struct
{
  char    *name;            /* valid UTF-8, passed candor_bundle_check_name() */
  guint32  crc32;
  guint32  compressed_size;
  guint32  size;            /* uncompressed */
  guint16  method;          /* 0 stored, 8 deflate */
  guint16  flags;
  guint32  local_offset;    /* of the local header */
  guint32  data_offset;     /* of the compressed data */
} CandorZipIndexEntry;

/**
 * candor_zip_index_read:
 * @data: (array length=size): a whole zip file
 *
 * Reads the zip's index and checks it against the local headers, refusing everything a
 * Candor bundle never holds and standard tools could read differently from libarchive:
 *
 * - exactly one end record, at the very end, without comment, single disk, no zip64;
 * - entries in central directory order from offset 0, each local header (and data
 *   descriptor, when flagged) directly after the previous entry's data, the last one ending
 *   where the central directory starts and the directory ending where the end record starts:
 *   no bytes before, between, inside or after the entries;
 * - for each entry the same name (byte for byte), method, flags, time, version, extra
 *   fields, CRC and sizes in the directory, the local header and the data descriptor; only
 *   stored or deflated, unencrypted, regular files with Unix mode 0644 (no links, not
 *   executable), no per-entry comment, only the timestamp and owner extra fields; both names
 *   follow candor_bundle_check_name(), and a non-ASCII name is flagged UTF-8.
 *
 * Errors use %CANDOR_BUNDLE_ERROR_MALFORMED, or %CANDOR_BUNDLE_ERROR_TOO_LARGE for the size
 * and count limits of candor-bundle-file.h, and name the entry (“Entry 3 (index.html): …”,
 * numbered from 1 in directory order).
 * Returns: (transfer full) (nullable): of CandorZipIndexEntry, in directory order
 */
GPtrArray *candor_zip_index_read (const guint8 *data,
                                  gsize         size,
                                  GError      **error);

G_END_DECLS
