/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-json-writer.h: JSON written as it is produced, through a buffer, with the layout of
 * candor_json_to_pretty_string() (two-space indent, the same escapes), so that large outputs
 * need no tree in memory. */
#pragma once

#include <glib.h>
#include <stdio.h>

G_BEGIN_DECLS

#define CANDOR_JSON_WRITER_MAX_DEPTH 16

typedef struct
{
  FILE    *out;
  char    *buf;
  gsize    len;
  gsize    size;
  guint    depth;
  gboolean after_key;
  gboolean failed;
  gboolean first[CANDOR_JSON_WRITER_MAX_DEPTH];
  gpointer doubles;  /* numbers already formatted (private) */
} CandorJsonWriter;

/* Starts writing to @out (not owned). */
void     candor_json_writer_init         (CandorJsonWriter *w,
                                          FILE             *out);
/* Ends the document with a newline, flushes it and frees the buffer. Returns FALSE if a write
 * failed (errno says why). */
gboolean candor_json_writer_finish       (CandorJsonWriter *w);

void     candor_json_writer_begin_object (CandorJsonWriter *w);
void     candor_json_writer_end_object   (CandorJsonWriter *w);
void     candor_json_writer_begin_array  (CandorJsonWriter *w);
void     candor_json_writer_end_array    (CandorJsonWriter *w);
/* The key of the next member; a value or begin_… must follow. */
void     candor_json_writer_key          (CandorJsonWriter *w,
                                          const char       *key);
/* Values. @text is valid UTF-8 (the analysis only holds valid UTF-8). */
void     candor_json_writer_string       (CandorJsonWriter *w,
                                          const char       *text);
void     candor_json_writer_int          (CandorJsonWriter *w,
                                          gint64            value);
void     candor_json_writer_double       (CandorJsonWriter *w,
                                          double            value);
void     candor_json_writer_boolean      (CandorJsonWriter *w,
                                          gboolean          value);
void     candor_json_writer_null         (CandorJsonWriter *w);

G_END_DECLS
