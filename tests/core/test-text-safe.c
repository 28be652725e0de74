/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-text-safe.c: escaping untrusted text for the terminal; invisible characters in names. */
#include "config.h"

#include <glib.h>

#include "candor-text-safe.h"

static void
check (const char *in, gssize length, CandorTextSafeFlags flags, const char *expected)
{
  g_autofree char *out = candor_text_safe (in, length, flags);

  g_assert_cmpstr (out, ==, expected);
  g_assert_true (g_utf8_validate (out, -1, NULL));
}

static void
test_controls (void)
{
  check ("CN=Evil\x1b[2J\x07 Ltd\rSigner: Lumen", -1, CANDOR_TEXT_SAFE_DEFAULT,
         "CN=Evil\\x1b[2J\\x07 Ltd\\x0dSigner: Lumen");
  check ("a\nb\tc\x7f", -1, CANDOR_TEXT_SAFE_DEFAULT, "a\\x0ab\\x09c\\x7f");
  check ("a\nb\tc\r", -1, CANDOR_TEXT_SAFE_KEEP_NEWLINES, "a\nb\tc\\x0d");
  /* an embedded NUL when the length is given */
  check ("a\0b", 3, CANDOR_TEXT_SAFE_DEFAULT, "a\\x00b");
  /* C1 controls, as UTF-8 (U+009B is CSI on some terminals) */
  check ("x\xc2\x9b" "2J", -1, CANDOR_TEXT_SAFE_DEFAULT, "x\\u009b2J");
}

static void
test_bidi (void)
{
  check ("Lumen \xe2\x80\xae" "dtL", -1, CANDOR_TEXT_SAFE_DEFAULT, "Lumen \\u202edtL");
  check ("\xe2\x81\xa6" "x" "\xe2\x81\xa9" "\xe2\x80\x8f" "\xd8\x9c" "\xe2\x80\xa8", -1,
         CANDOR_TEXT_SAFE_KEEP_NEWLINES, "\\u2066x\\u2069\\u200f\\u061c\\u2028");
}

static void
test_invalid_utf8 (void)
{
  check ("ok\xff\xc3(\xe2\x82", -1, CANDOR_TEXT_SAFE_DEFAULT, "ok\\xff\\xc3(\\xe2\\x82");
  /* an overlong encoding and a surrogate are not UTF-8 either */
  check ("\xc0\xaf\xed\xa0\x80", -1, CANDOR_TEXT_SAFE_DEFAULT, "\\xc0\\xaf\\xed\\xa0\\x80");
}

static void
test_kept (void)
{
  /* ordinary text in any script, quotes and backslashes are shown as they are */
  check ("Lumen Devices Ltd, “Café” \\ 株式会社 شركة", -1, CANDOR_TEXT_SAFE_DEFAULT,
         "Lumen Devices Ltd, “Café” \\ 株式会社 شركة");
  check (NULL, -1, CANDOR_TEXT_SAFE_DEFAULT, "");
}

static void
test_invisible (void)
{
  glong offset = -1;
  gunichar found = 0;

  g_assert_false (candor_text_find_invisible ("Lumen Devices Ltd — 株式会社", NULL, NULL));
  g_assert_true (candor_text_find_invisible ("Lumen\x1b[2J", &offset, &found));
  g_assert_cmpint (offset, ==, 5);
  g_assert_cmpuint (found, ==, 0x1b);
  g_assert_true (candor_text_find_invisible ("ab\xe2\x80\xae", &offset, &found));
  g_assert_cmpint (offset, ==, 2);
  g_assert_cmpuint (found, ==, 0x202e);
  /* zero-width space and BOM are format characters too */
  g_assert_true (candor_text_find_invisible ("a\xe2\x80\x8b", NULL, &found));
  g_assert_cmpuint (found, ==, 0x200b);
  g_assert_true (candor_text_find_invisible ("\xef\xbb\xbf" "a", NULL, &found));
  g_assert_true (candor_text_find_invisible ("a\nb", NULL, NULL));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/candor/core/text-safe/controls", test_controls);
  g_test_add_func ("/candor/core/text-safe/bidi", test_bidi);
  g_test_add_func ("/candor/core/text-safe/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/candor/core/text-safe/kept", test_kept);
  g_test_add_func ("/candor/core/text-safe/invisible", test_invisible);
  return g_test_run ();
}
