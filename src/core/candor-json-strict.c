/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-json-strict.c: an RFC 8259 grammar check run before json-glib builds a tree. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "candor-error.h"
#include "candor-json-strict.h"

/*
 * json-glib's scanner is lenient: it takes octal escapes ("\300"), single-quoted keys, raw
 * control characters and text after the top-level value; "\u0000" truncates a string and a
 * lone "\ud800" becomes invalid UTF-8. Those strings then reach every writer. This pass
 * accepts exactly RFC 8259 (over text already known to be valid UTF-8 without NUL), and
 * refuses escapes that would put NUL or invalid UTF-8 in a string, so that every string the
 * tree holds afterwards is valid UTF-8 without NUL. It also bounds the work: nesting and the
 * number of values are limited before any tree is built.
 */

typedef struct
{
  const char *text;
  gsize length;
  gsize pos;
  guint depth;
  gsize values;
  gsize error_offset;
  int error_code;
  char *message;
} Scan;

static gboolean
fail_at (Scan *scan, gsize offset, int code, char *message)
{
  if (scan->message == NULL)
    {
      scan->error_offset = offset;
      scan->error_code = code;
      scan->message = message;
    }
  else
    g_free (message);
  return FALSE;
}

static gboolean
fail (Scan *scan, char *message)
{
  return fail_at (scan, scan->pos, CANDOR_ERROR_PARSE, message);
}

/* “x” for a printable character, U+XXXX otherwise. */
static char *
describe_char (const char *p)
{
  gunichar c = g_utf8_get_char (p);

  if (g_unichar_isgraph (c))
    {
      char buffer[8] = { 0 };
      g_unichar_to_utf8 (c, buffer);
      return g_strdup_printf ("“%s”", buffer);
    }
  return g_strdup_printf ("U+%04X", c);
}

static gboolean
at_end (Scan *scan)
{
  return scan->pos >= scan->length;
}

static void
skip_space (Scan *scan)
{
  while (!at_end (scan))
    {
      char c = scan->text[scan->pos];
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
        break;
      scan->pos++;
    }
}

static gboolean
unexpected (Scan *scan, const char *expected)
{
  g_autofree char *found = NULL;

  if (at_end (scan))
    return fail (scan, g_strdup_printf (_("the file ends too early (expected %s)"), expected));
  found = describe_char (scan->text + scan->pos);
  return fail (scan, g_strdup_printf (_("unexpected %s (expected %s)"), found, expected));
}

static int
hex4 (Scan *scan, gsize at)
{
  int value = 0;

  if (at + 4 > scan->length)
    return -1;
  for (gsize i = at; i < at + 4; i++)
    {
      int digit = g_ascii_xdigit_value (scan->text[i]);
      if (digit < 0)
        return -1;
      value = value * 16 + digit;
    }
  return value;
}

static gboolean
scan_string (Scan *scan)
{
  gsize start = scan->pos;

  g_assert (scan->text[scan->pos] == '"');
  scan->pos++;
  while (!at_end (scan))
    {
      guchar c = (guchar) scan->text[scan->pos];

      if (c == '"')
        {
          scan->pos++;
          return TRUE;
        }
      if (c < 0x20)
        return fail (scan, g_strdup_printf (_("a control character (U+%04X) inside a text in quotes; "
                                              "write it as an escape such as \\n"), c));
      if (c != '\\')
        {
          scan->pos++;
          continue;
        }
      if (scan->pos + 1 >= scan->length)
        break;
      c = (guchar) scan->text[scan->pos + 1];
      if (strchr ("\"\\/bfnrt", c) != NULL && c != '\0')
        {
          scan->pos += 2;
          continue;
        }
      if (c == 'u')
        {
          int unit = hex4 (scan, scan->pos + 2);

          if (unit < 0)
            return fail (scan, g_strdup (_("“\\u” must be followed by four hexadecimal digits")));
          if (unit == 0)
            return fail (scan, g_strdup (_("“\\u0000” (a NUL character) is not allowed in a text")));
          if (unit >= 0xDC00 && unit <= 0xDFFF)
            return fail (scan, g_strdup_printf (_("“\\u%04X” is half of a character (an unpaired "
                                                  "surrogate) and not a character on its own"), unit));
          if (unit >= 0xD800 && unit <= 0xDBFF)
            {
              int low = -1;

              if (scan->pos + 12 <= scan->length && scan->text[scan->pos + 6] == '\\'
                  && scan->text[scan->pos + 7] == 'u')
                low = hex4 (scan, scan->pos + 8);
              if (low < 0xDC00 || low > 0xDFFF)
                return fail (scan, g_strdup_printf (_("“\\u%04X” is half of a character (an unpaired "
                                                      "surrogate) and not a character on its own"), unit));
              scan->pos += 12;
              continue;
            }
          scan->pos += 6;
          continue;
        }
      {
        g_autofree char *found = describe_char (scan->text + scan->pos + 1);
        return fail (scan, g_strdup_printf (_("“\\” followed by %s is not a JSON escape "
                                              "(use \\\\, \\\", \\n, \\t or \\uXXXX)"), found));
      }
    }
  return fail_at (scan, start, CANDOR_ERROR_PARSE,
                  g_strdup (_("a text in quotes starts here and is never closed")));
}

static gboolean
scan_digits (Scan *scan)
{
  gsize start = scan->pos;

  while (!at_end (scan) && g_ascii_isdigit (scan->text[scan->pos]))
    scan->pos++;
  return scan->pos > start;
}

static gboolean
scan_number (Scan *scan)
{
  gsize start = scan->pos;
  gboolean whole = TRUE;

  if (scan->text[scan->pos] == '-')
    scan->pos++;
  if (!at_end (scan) && scan->text[scan->pos] == '0')
    {
      scan->pos++;
      if (!at_end (scan) && g_ascii_isdigit (scan->text[scan->pos]))
        return fail (scan, g_strdup (_("a number may not start with 0 (octal numbers are not JSON)")));
    }
  else if (!scan_digits (scan))
    return unexpected (scan, _("a digit"));
  if (!at_end (scan) && scan->text[scan->pos] == '.')
    {
      whole = FALSE;
      scan->pos++;
      if (!scan_digits (scan))
        return unexpected (scan, _("a digit after the decimal point"));
    }
  if (!at_end (scan) && (scan->text[scan->pos] == 'e' || scan->text[scan->pos] == 'E'))
    {
      whole = FALSE;
      scan->pos++;
      if (!at_end (scan) && (scan->text[scan->pos] == '+' || scan->text[scan->pos] == '-'))
        scan->pos++;
      if (!scan_digits (scan))
        return unexpected (scan, _("a digit in the exponent"));
    }
  if (whole)
    {
      /* json-glib wraps whole numbers past 64 bits (2^64 became -1) and reads -0 as 0; both
       * would then be checked as some other number. No value of a draft needs either. */
      g_autofree char *literal = g_strndup (scan->text + start, scan->pos - start);
      gint64 value;

      if (strcmp (literal, "-0") == 0)
        return fail_at (scan, start, CANDOR_ERROR_INVALID,
                        g_strdup (_("“-0” is not a number a draft uses; write 0")));
      if (!g_ascii_string_to_signed (literal, 10, G_MININT64, G_MAXINT64, &value, NULL))
        return fail_at (scan, start, CANDOR_ERROR_INVALID,
                        g_strdup_printf (_("the number %s is too large for a draft"), literal));
    }
  return TRUE;
}

static gboolean
scan_literal (Scan *scan, const char *word)
{
  gsize n = strlen (word);

  if (scan->pos + n <= scan->length && memcmp (scan->text + scan->pos, word, n) == 0)
    {
      scan->pos += n;
      return TRUE;
    }
  return unexpected (scan, _("a value: a text in double quotes, a number, true, false, null, { or ["));
}

static gboolean scan_value (Scan *scan);

static gboolean
scan_container (Scan *scan)
{
  char open = scan->text[scan->pos];
  char close = open == '{' ? '}' : ']';

  if (++scan->depth > CANDOR_JSON_MAX_DEPTH)
    return fail_at (scan, scan->pos, CANDOR_ERROR_TOO_LARGE,
                    g_strdup_printf (_("nested more than %d levels deep"), CANDOR_JSON_MAX_DEPTH));
  scan->pos++;
  skip_space (scan);
  if (!at_end (scan) && scan->text[scan->pos] == close)
    {
      scan->pos++;
      scan->depth--;
      return TRUE;
    }
  for (;;)
    {
      if (open == '{')
        {
          if (at_end (scan) || scan->text[scan->pos] != '"')
            return unexpected (scan, _("a key in double quotes"));
          if (!scan_string (scan))
            return FALSE;
          skip_space (scan);
          if (at_end (scan) || scan->text[scan->pos] != ':')
            return unexpected (scan, _("“:” after the key"));
          scan->pos++;
          skip_space (scan);
        }
      if (!scan_value (scan))
        return FALSE;
      skip_space (scan);
      if (!at_end (scan) && scan->text[scan->pos] == ',')
        {
          gsize comma = scan->pos++;

          skip_space (scan);
          if (!at_end (scan) && scan->text[scan->pos] == close)
            return fail_at (scan, comma, CANDOR_ERROR_PARSE,
                            g_strdup_printf (_("a comma before “%c”, which JSON does not allow"), close));
          continue;
        }
      if (!at_end (scan) && scan->text[scan->pos] == close)
        {
          scan->pos++;
          scan->depth--;
          return TRUE;
        }
      return unexpected (scan, open == '{' ? _("“,” or “}”") : _("“,” or “]”"));
    }
}

static gboolean
scan_value (Scan *scan)
{
  if (++scan->values > CANDOR_JSON_MAX_VALUES)
    return fail_at (scan, scan->pos, CANDOR_ERROR_TOO_LARGE,
                    g_strdup_printf (_("more than %d values; a draft holds far fewer"), CANDOR_JSON_MAX_VALUES));
  if (at_end (scan))
    return unexpected (scan, _("a value"));
  switch (scan->text[scan->pos])
    {
    case '{':
    case '[':
      return scan_container (scan);
    case '"':
      return scan_string (scan);
    case 't':
      return scan_literal (scan, "true");
    case 'f':
      return scan_literal (scan, "false");
    case 'n':
      return scan_literal (scan, "null");
    default:
      if (scan->text[scan->pos] == '-' || g_ascii_isdigit (scan->text[scan->pos]))
        return scan_number (scan);
      return unexpected (scan, _("a value: a text in double quotes, a number, true, false, null, { or ["));
    }
}

gboolean
candor_json_strict_check (const char *text, gsize length, gsize *error_offset, GError **error)
{
  Scan scan = { text, length, 0, 0, 0, 0, 0, NULL };
  gboolean ok;

  g_return_val_if_fail (text != NULL, FALSE);

  skip_space (&scan);
  ok = scan_value (&scan);
  if (ok)
    {
      skip_space (&scan);
      if (!at_end (&scan))
        {
          fail (&scan, g_strdup (_("there is more after the end of the draft’s closing “}”")));
          ok = FALSE;
        }
    }
  if (!ok)
    {
      if (error_offset != NULL)
        *error_offset = scan.error_offset;
      g_set_error_literal (error, CANDOR_ERROR, scan.error_code, scan.message);
      g_free (scan.message);
    }
  return ok;
}
