/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-text-safe.c: escaping untrusted text for terminals and labels; spotting invisible
 * characters in names. */
#include "config.h"

#include <string.h>

#include "candor-text-safe.h"

gboolean
candor_text_is_unsafe_char (gunichar c)
{
  return c < 0x20 || (c >= 0x7f && c <= 0x9f) ||
         c == 0x061c || c == 0x200e || c == 0x200f ||
         (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) ||
         c == 0x2028 || c == 0x2029;
}

char *
candor_text_safe (const char *text, gssize length, CandorTextSafeFlags flags)
{
  GString *out;
  const char *p, *end;

  if (text == NULL)
    return g_strdup ("");
  if (length < 0)
    length = (gssize) strlen (text);
  out = g_string_sized_new ((gsize) length + 16);
  p = text;
  end = text + length;
  while (p < end)
    {
      gunichar c = g_utf8_get_char_validated (p, end - p);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          /* not UTF-8: show the byte, then try again from the next one */
          g_string_append_printf (out, "\\x%02x", (guint) (guchar) *p);
          p++;
          continue;
        }
      if (c == 0 || (c < 0x20 && !((flags & CANDOR_TEXT_SAFE_KEEP_NEWLINES) && (c == '\n' || c == '\t'))) ||
          c == 0x7f)
        g_string_append_printf (out, "\\x%02x", (guint) c);
      else if (candor_text_is_unsafe_char (c) && c >= 0x20)
        g_string_append_printf (out, "\\u%04x", (guint) c);
      else
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
      p = g_utf8_next_char (p);
    }
  return g_string_free (out, FALSE);
}

gboolean
candor_text_find_invisible (const char *text, glong *offset, gunichar *found)
{
  glong index = 0;

  g_return_val_if_fail (text != NULL, FALSE);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p), index++)
    {
      gunichar c = g_utf8_get_char (p);
      GUnicodeType type = g_unichar_type (c);

      if (type == G_UNICODE_CONTROL || type == G_UNICODE_FORMAT ||
          type == G_UNICODE_LINE_SEPARATOR || type == G_UNICODE_PARAGRAPH_SEPARATOR ||
          candor_text_is_unsafe_char (c))
        {
          if (offset != NULL)
            *offset = index;
          if (found != NULL)
            *found = c;
          return TRUE;
        }
    }
  return FALSE;
}
