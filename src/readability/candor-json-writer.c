/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-json-writer.c: streamed JSON with the house layout (see candor-json-writer.h). */
#include "config.h"

#include <math.h>
#include <string.h>

#include "candor-json-writer.h"

#define BUFFER_SIZE (64 * 1024)

static void
flush (CandorJsonWriter *w)
{
  if (w->len > 0 && !w->failed && fwrite (w->buf, 1, w->len, w->out) != w->len)
    w->failed = TRUE;
  w->len = 0;
}

static inline void
put (CandorJsonWriter *w, const char *data, gsize n)
{
  if (w->len + n > w->size)
    {
      flush (w);
      if (n > w->size)
        {
          if (!w->failed && fwrite (data, 1, n, w->out) != n)
            w->failed = TRUE;
          return;
        }
    }
  memcpy (w->buf + w->len, data, n);
  w->len += n;
}

static inline void
put_c (CandorJsonWriter *w, char c)
{
  if (w->len == w->size)
    flush (w);
  w->buf[w->len++] = c;
}

static void
indent (CandorJsonWriter *w, guint level)
{
  for (guint i = 0; i < level; i++)
    put (w, "  ", 2);
}

/* Before a value or a key: the separator and indent inside arrays and objects. */
static void
before_item (CandorJsonWriter *w)
{
  if (w->depth == 0)
    return;
  put (w, w->first[w->depth - 1] ? "\n" : ",\n", w->first[w->depth - 1] ? 1 : 2);
  w->first[w->depth - 1] = FALSE;
  indent (w, w->depth);
}

static void
before_value (CandorJsonWriter *w)
{
  if (w->after_key)
    w->after_key = FALSE;
  else
    before_item (w);
}

void
candor_json_writer_init (CandorJsonWriter *w, FILE *out)
{
  memset (w, 0, sizeof *w);
  w->out = out;
  w->size = BUFFER_SIZE;
  w->buf = g_malloc (BUFFER_SIZE);
}

gboolean
candor_json_writer_finish (CandorJsonWriter *w)
{
  g_warn_if_fail (w->depth == 0);
  put_c (w, '\n');
  flush (w);
  if (!w->failed && fflush (w->out) != 0)
    w->failed = TRUE;
  g_clear_pointer (&w->buf, g_free);
  return !w->failed;
}

static void
begin (CandorJsonWriter *w, char open)
{
  before_value (w);
  put_c (w, open);
  g_return_if_fail (w->depth < CANDOR_JSON_WRITER_MAX_DEPTH);
  w->first[w->depth++] = TRUE;
}

static void
end (CandorJsonWriter *w, char close)
{
  g_return_if_fail (w->depth > 0);
  w->depth--;
  if (!w->first[w->depth])
    {
      put_c (w, '\n');
      indent (w, w->depth);
    }
  put_c (w, close);
}

void
candor_json_writer_begin_object (CandorJsonWriter *w)
{
  begin (w, '{');
}

void
candor_json_writer_end_object (CandorJsonWriter *w)
{
  end (w, '}');
}

void
candor_json_writer_begin_array (CandorJsonWriter *w)
{
  begin (w, '[');
}

void
candor_json_writer_end_array (CandorJsonWriter *w)
{
  end (w, ']');
}

static void
put_escaped (CandorJsonWriter *w, const char *text)
{
  const char *run = text;
  const char *p;

  put_c (w, '"');
  for (p = text; *p; p++)
    {
      guchar c = (guchar) *p;
      const char *escape;
      char hex[8];

      if (c >= 0x20 && c != '"' && c != '\\' && c != 0x7f)
        continue;
      put (w, run, p - run);
      run = p + 1;
      switch (c)
        {
        case '"': escape = "\\\""; break;
        case '\\': escape = "\\\\"; break;
        case '\n': escape = "\\n"; break;
        case '\r': escape = "\\r"; break;
        case '\t': escape = "\\t"; break;
        case '\b': escape = "\\b"; break;
        case '\f': escape = "\\f"; break;
        default:
          g_snprintf (hex, sizeof hex, "\\u%04x", c);
          escape = hex;
        }
      put (w, escape, strlen (escape));
    }
  put (w, run, p - run);
  put_c (w, '"');
}

void
candor_json_writer_key (CandorJsonWriter *w, const char *key)
{
  g_return_if_fail (w->depth > 0 && !w->after_key);
  before_item (w);
  put_escaped (w, key);
  put (w, ": ", 2);
  w->after_key = TRUE;
}

void
candor_json_writer_string (CandorJsonWriter *w, const char *text)
{
  before_value (w);
  put_escaped (w, text);
}

void
candor_json_writer_int (CandorJsonWriter *w, gint64 value)
{
  char digits[24];
  char *p = digits + sizeof digits;
  guint64 v = value < 0 ? -(guint64) value : (guint64) value;

  before_value (w);
  do
    {
      *--p = '0' + v % 10;
      v /= 10;
    }
  while (v > 0);
  if (value < 0)
    *--p = '-';
  put (w, p, digits + sizeof digits - p);
}

void
candor_json_writer_double (CandorJsonWriter *w, double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  before_value (w);
  /* JSON has no NaN or infinity (as candor_json_to_pretty_string()). */
  if (!isfinite (value))
    value = 0;
  g_ascii_dtostr (buffer, sizeof buffer, value);
  put (w, buffer, strlen (buffer));
}

void
candor_json_writer_boolean (CandorJsonWriter *w, gboolean value)
{
  before_value (w);
  put (w, value ? "true" : "false", value ? 4 : 5);
}

void
candor_json_writer_null (CandorJsonWriter *w)
{
  before_value (w);
  put (w, "null", 4);
}
