/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-format.h: reading and writing .candor drafts (DESIGN §3). */
#pragma once

#include <gio/gio.h>

#include "candor-document.h"

G_BEGIN_DECLS

#define CANDOR_FORMAT_NAME     "candor-disclosure"
#define CANDOR_FORMAT_VERSION  1
#define CANDOR_MIME_TYPE       "application/x-candor"
/* Drafts are a few kilobytes; anything far larger is refused before parsing. */
#define CANDOR_FORMAT_MAX_SIZE (16 * 1024 * 1024)

/**
 * candor_format_load_bytes:
 * @bytes: the file contents
 * @error: set on failure; the message names the problem and where it is
 *   ("line 3, column 7: …" for broken JSON, "$.elements.A3.end_date: …" for bad values)
 *
 * Parses, migrates older versions and validates a draft.
 * Returns: (transfer full) (nullable): the document, not dirty, with no file set
 */
CandorDocument *candor_format_load_bytes      (GBytes          *bytes,
                                               GError         **error);

/**
 * candor_format_read_file:
 * @file: a draft's location
 *
 * Reads a draft's bytes safely: only a regular file (never a FIFO, device or folder, which
 * are refused at once without blocking), and only if it is at most %CANDOR_FORMAT_MAX_SIZE
 * bytes, checked before reading. Blocking.
 * Returns: (transfer full) (nullable): the contents
 */
GBytes         *candor_format_read_file       (GFile           *file,
                                               GCancellable    *cancellable,
                                               GError         **error);

/* Loads from @file and sets the document's file. Blocking; use the async variant in UIs. */
CandorDocument *candor_format_load_file       (GFile           *file,
                                               GCancellable    *cancellable,
                                               GError         **error);
void            candor_format_load_file_async (GFile           *file,
                                               GCancellable    *cancellable,
                                               GAsyncReadyCallback callback,
                                               gpointer         user_data);
CandorDocument *candor_format_load_file_finish (GAsyncResult   *result,
                                               GError         **error);

/**
 * candor_format_check_bytes:
 * @bytes: the file contents
 *
 * Like candor_format_load_bytes() but collects every problem instead of stopping at the
 * first. Returns: (transfer full): array of messages (char *), empty when valid
 */
GPtrArray      *candor_format_check_bytes     (GBytes          *bytes);
GPtrArray      *candor_format_check_bytes_version (GBytes      *bytes,
                                               gint64          *out_version);

/* The loader's limit (characters) for an element's label or web text; editors use it. */
gint64          candor_format_get_text_max_length (CandorElementId id,
                                               CandorTextKind   kind);

/**
 * candor_format_serialize:
 *
 * The canonical form: pretty-printed UTF-8 JSON, keys in the schema's order followed by
 * unknown keys in the order they were read, ending with a newline. The same document always
 * gives the same bytes. Returns: (transfer full)
 */
GBytes         *candor_format_serialize       (CandorDocument  *document);

/**
 * candor_format_save_file:
 *
 * Writes atomically (temporary file in the same folder, then rename): if anything fails the
 * previous file is left untouched. The bytes are loaded again first, and a draft the loader
 * would refuse is not written (CANDOR_ERROR_INVALID, naming the problem). On success sets the document's file, stamps its modified
 * time and clears its dirty flag.
 */
gboolean        candor_format_save_file       (CandorDocument  *document,
                                               GFile           *file,
                                               GCancellable    *cancellable,
                                               GError         **error);
void            candor_format_save_file_async (CandorDocument  *document,
                                               GFile           *file,
                                               GCancellable    *cancellable,
                                               GAsyncReadyCallback callback,
                                               gpointer         user_data);
gboolean        candor_format_save_file_finish (CandorDocument *document,
                                               GAsyncResult    *result,
                                               GError         **error);

/* Replaces @file's contents through a temporary file and a rename (used for drafts, autosaves
 * and exports): if anything fails, the previous contents are intact. */
gboolean        candor_format_write_atomically (GFile          *file,
                                               GBytes          *bytes,
                                               GCancellable    *cancellable,
                                               GError         **error);

G_END_DECLS
