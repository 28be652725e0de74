/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-bundle-file.h: one named file of a bundle, and the zip and SHA256SUMS codecs. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Names fixed by the bundle contract (DESIGN §6). */
#define CANDOR_BUNDLE_SUMS       "SHA256SUMS"
#define CANDOR_BUNDLE_SIGNATURE  "SHA256SUMS.p7s"
#define CANDOR_BUNDLE_SIGNER     "signer.pem"

/* Safety limits for reading a bundle: anything larger is refused, never unpacked. */
#define CANDOR_BUNDLE_MAX_ZIP_SIZE    (64 * 1024 * 1024)
#define CANDOR_BUNDLE_MAX_ENTRY_SIZE  (64 * 1024 * 1024)
#define CANDOR_BUNDLE_MAX_TOTAL_SIZE  (64 * 1024 * 1024)
#define CANDOR_BUNDLE_MAX_ENTRIES     64

typedef struct
{
  char   *name;
  GBytes *bytes;
} CandorBundleFile;

/* Takes a reference on @bytes. Returns: (transfer full) */
CandorBundleFile *candor_bundle_file_new  (const char       *name,
                                           GBytes           *bytes);
void              candor_bundle_file_free (CandorBundleFile *file);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CandorBundleFile, candor_bundle_file_free)

/* A new array of CandorBundleFile that frees its elements. Returns: (transfer full) */
GPtrArray        *candor_bundle_file_list_new   (void);
/* The file called @name in @files, or NULL. */
CandorBundleFile *candor_bundle_file_list_find  (GPtrArray        *files,
                                                 const char       *name);

/**
 * candor_bundle_check_name:
 *
 * Whether @name may be a bundle entry: a plain file name at the root (no “/”, “\”, “..”,
 * drive letters or control characters), valid UTF-8, at most 255 bytes.
 */
gboolean          candor_bundle_check_name      (const char       *name,
                                                 GError          **error);

/**
 * candor_bundle_zip_write:
 * @files: of CandorBundleFile, written in this order
 * @mtime: the timestamp of every entry (Unix time, ≥ 1980)
 *
 * A reproducible zip: deflate (PNG and PDF stored as they are), regular files with mode 0644,
 * owner 0:0 without names, the same timestamp everywhere, in UTC (the same bytes in every
 * time zone). Returns: (transfer full) (nullable)
 */
GBytes           *candor_bundle_zip_write       (GPtrArray        *files,
                                                 gint64            mtime,
                                                 GError          **error);

/**
 * candor_bundle_zip_read:
 * @zip: a zip archive, at most %CANDOR_BUNDLE_MAX_ZIP_SIZE bytes
 *
 * Reads every entry into memory (nothing touches the disk), refusing with
 * %CANDOR_BUNDLE_ERROR_MALFORMED or %CANDOR_BUNDLE_ERROR_TOO_LARGE, before reading any
 * content where possible: a damaged or truncated archive, absolute or “..” paths, entries
 * not at the root, links, directories, encrypted or duplicate entries, too many entries,
 * entries or totals past the limits (declared or actual).
 * Returns: (transfer full) (nullable): of CandorBundleFile, in archive order
 */
GPtrArray        *candor_bundle_zip_read        (GBytes           *zip,
                                                 GError          **error);

/**
 * candor_sha256sums_build:
 * @files: of CandorBundleFile
 *
 * SHA256SUMS exactly as `sha256sum` writes it, one “HEX  NAME” line per file, sorted by
 * name (byte order). Returns: (transfer full)
 */
GBytes           *candor_sha256sums_build       (GPtrArray        *files);

/**
 * candor_sha256sums_parse:
 *
 * Reads SHA256SUMS strictly (64 hex digits, two spaces or “ *”, a valid name, “\n” line
 * ends, no duplicates). Returns: (transfer full) (nullable): a table from name to
 * lower-case hex digest, or %NULL with %CANDOR_BUNDLE_ERROR_MALFORMED naming the line
 */
GHashTable       *candor_sha256sums_parse       (GBytes           *sums,
                                                 GError          **error);

G_END_DECLS
