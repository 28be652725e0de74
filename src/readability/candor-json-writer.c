/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-json-writer.c: streamed JSON with the house layout (see candor-json-writer.h). */
#include "config.h"

#include <math.h>
#include <string.h>

#include "candor-json-writer.h"

#define BUFFER_SIZE (64 * 1024)
/* Formatted numbers kept (direct-mapped by their bits): a large text repeats the same few
 * impacts thousands of times, and g_ascii_dtostr() costs about 3,000 instructions a number. */
#define N_DOUBLES 512

typedef struct
{
  guint64 bits;
  guint8  len;    /* 0: empty slot */
  char    text[G_ASCII_DTOSTR_BUF_SIZE];
} DoubleSlot;

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

/* ",\n" and two spaces for each level: a separator and indent is one slice of it. */
static const char separator[] = ",\n                                ";
G_STATIC_ASSERT (sizeof separator - 1 >= 2 + 2 * CANDOR_JSON_WRITER_MAX_DEPTH);

static void
indent (CandorJsonWriter *w, guint level)
{
  put (w, separator + 2, 2 * level);
}

/* Before a value or a key: the separator and indent inside arrays and objects. */
static inline void
before_item (CandorJsonWriter *w)
{
  gboolean first;

  if (w->depth == 0)
    return;
  first = w->first[w->depth - 1];
  w->first[w->depth - 1] = FALSE;
  put (w, separator + first, 2 - first + 2 * w->depth);
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
  g_clear_pointer (&w->doubles, g_free);
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

/* Whether any of the 8 bytes in @v is a control character, '"', '\\' or DEL: the bytes
 * put_escaped() must escape. (Bit tricks on a 64-bit word: a byte below 0x20, or a byte
 * equal to one of the three, sets its top bit in the result; exact for "any".) */
static inline gboolean
word_needs_escape (guint64 v)
{
  const guint64 ones = G_GUINT64_CONSTANT (0x0101010101010101);
  const guint64 high = G_GUINT64_CONSTANT (0x8080808080808080);
  guint64 quote = v ^ (ones * '"');
  guint64 backslash = v ^ (ones * '\\');
  guint64 del = v ^ (ones * 0x7f);
  guint64 hits = ((v - ones * 0x20) & ~v)
                 | ((quote - ones) & ~quote)
                 | ((backslash - ones) & ~backslash)
                 | ((del - ones) & ~del);

  return (hits & high) != 0;
}

static void
put_escaped (CandorJsonWriter *w, const char *text)
{
  gsize length = strlen (text);
  const char *end = text + length;
  const char *run = text;
  const char *p = text;

  /* Most text has nothing to escape: look at it eight bytes at a time, the last few padded
   * with a letter, and copy it whole. */
  while (end - p >= 8)
    {
      guint64 v;
      memcpy (&v, p, sizeof v);
      if (word_needs_escape (v))
        break;
      p += 8;
    }
  if (end - p < 8)
    {
      guint64 v = G_GUINT64_CONSTANT (0x0101010101010101) * 'a';
      memcpy (&v, p, end - p);
      if (!word_needs_escape (v))
        p = end;
    }
  put_c (w, '"');
  if (p == end)
    {
      put (w, text, length);
      put_c (w, '"');
      return;
    }

  for (p = text; p < end; p++)
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
  put (w, run, end - run);
  put_c (w, '"');
}

void
candor_json_writer_key (CandorJsonWriter *w, const char *key)
{
  gsize length;

  g_return_if_fail (w->depth > 0 && !w->after_key);
  length = strlen (key);
  /* Keys are short names (snake_case): the separator, indent, key and ": " in one piece. */
  if (length <= 40)
    {
      char line[2 + 2 * CANDOR_JSON_WRITER_MAX_DEPTH + 2 + 40 + 2];
      gboolean first = w->first[w->depth - 1];
      gsize n = 2 - first + 2 * w->depth;
      gboolean plain = TRUE;

      for (gsize i = 0; i < length && plain; i += 8)
        {
          guint64 v = G_GUINT64_CONSTANT (0x0101010101010101) * 'a';
          memcpy (&v, key + i, MIN (8, length - i));
          plain = !word_needs_escape (v);
        }
      if (plain)
        {
          w->first[w->depth - 1] = FALSE;
          memcpy (line, separator + first, n);
          line[n++] = '"';
          memcpy (line + n, key, length);
          n += length;
          memcpy (line + n, "\": ", 3);
          put (w, line, n + 3);
          w->after_key = TRUE;
          return;
        }
    }
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
  DoubleSlot *slot;
  guint64 bits;

  before_value (w);
  /* JSON has no NaN or infinity (as candor_json_to_pretty_string()). */
  if (!isfinite (value))
    value = 0;
  memcpy (&bits, &value, sizeof bits);
  if (w->doubles == NULL)
    w->doubles = g_new0 (DoubleSlot, N_DOUBLES);
  slot = (DoubleSlot *) w->doubles + (guint) ((bits ^ (bits >> 29) ^ (bits >> 47)) % N_DOUBLES);
  if (slot->len == 0 || slot->bits != bits)
    {
      g_ascii_dtostr (slot->text, sizeof slot->text, value);
      slot->len = (guint8) strlen (slot->text);
      slot->bits = bits;
    }
  put (w, slot->text, slot->len);
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
