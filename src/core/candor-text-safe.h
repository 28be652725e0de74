/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-text-safe.h: showing untrusted text (certificate fields, zip entry names, draft
 * text) without letting it drive the terminal or reorder what is shown around it. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * CandorTextSafeFlags:
 * @CANDOR_TEXT_SAFE_DEFAULT: escape every control character, newlines and tabs included
 *   (for one-line values such as a certificate subject)
 * @CANDOR_TEXT_SAFE_KEEP_NEWLINES: keep line feeds and tabs (for whole messages)
 */
typedef enum
{
  CANDOR_TEXT_SAFE_DEFAULT       = 0,
  CANDOR_TEXT_SAFE_KEEP_NEWLINES = 1 << 0,
} CandorTextSafeFlags;

/**
 * candor_text_safe:
 * @text: (nullable): any bytes, not necessarily UTF-8
 * @length: the length of @text in bytes, or -1 if it ends with NUL
 * @flags: what to keep
 *
 * Escapes what could drive a terminal or change how the text around it reads: C0 control
 * characters and DEL as `\xNN`, bytes that are not valid UTF-8 as `\xNN`, C1 control
 * characters, bidirectional controls (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069)
 * and line/paragraph separators (U+2028, U+2029) as `\uNNNN`. Everything else, backslashes
 * included, is kept as it is.
 *
 * Returns: (transfer full): valid UTF-8 without those characters
 */
char     *candor_text_safe              (const char          *text,
                                         gssize               length,
                                         CandorTextSafeFlags  flags);

/* TRUE for the characters candor_text_safe() escapes as `\uNNNN`. */
gboolean  candor_text_is_unsafe_char    (gunichar             c);

/**
 * candor_text_find_invisible:
 * @text: valid UTF-8
 * @offset: (out) (optional): the character offset of the first one found
 * @found: (out) (optional): that character
 *
 * Looks for characters that must not be in a name shown to others: control characters,
 * invisible format characters (bidi controls, zero-width characters, U+FEFF…) and line or
 * paragraph separators.
 * Returns: TRUE when @text holds one
 */
gboolean  candor_text_find_invisible    (const char          *text,
                                         glong               *offset,
                                         gunichar            *found);

G_END_DECLS
