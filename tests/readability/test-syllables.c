/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-syllables.c: syllable counting of everyday words, hyphenated words, numbers and odd input. */
#include "candor-readability.h"

typedef struct
{
  const char *word;
  guint       count;
} SyllableCase;

/* Counts from ordinary pronunciation (and the CMU dictionary where it lists the word). */
static const SyllableCase cases[] = {
  { "a", 1 }, { "the", 1 }, { "make", 1 }, { "makes", 1 }, { "table", 2 }, { "tables", 2 },
  { "jumped", 1 }, { "wanted", 2 }, { "added", 2 }, { "boxes", 2 }, { "faces", 2 },
  { "radio", 3 }, { "video", 3 }, { "create", 2 }, { "quiet", 2 }, { "client", 2 },
  { "flying", 2 }, { "going", 2 }, { "being", 2 }, { "player", 2 }, { "yes", 1 },
  { "lonely", 2 }, { "movement", 2 }, { "careful", 2 }, { "basically", 3 },
  { "automatically", 5 }, { "encryption", 3 }, { "vulnerability", 6 }, { "information", 4 },
  { "cryptographic", 4 }, { "queue", 1 }, { "business", 2 }, { "every", 3 },
  { "Security", 4 }, { "UPDATES", 2 }, { "naïve", 2 }, { "don't", 1 }, { "device's", 3 },
  { "end-of-life", 3 }, { "smart-home", 2 },
  /* no letters: one syllable by policy */
  { "2029", 1 }, { "3.50", 1 }, { "%", 1 },
};

static void
test_words (void)
{
  guint wrong = 0;

  for (gsize k = 0; k < G_N_ELEMENTS (cases); k++)
    {
      guint got = candor_syllables_count (cases[k].word, -1);
      if (got != cases[k].count)
        {
          g_test_message ("%s: expected %u, got %u", cases[k].word, cases[k].count, got);
          wrong++;
        }
    }
  g_assert_cmpuint (wrong, ==, 0);
}

/* The exception list corrects words the rules get wrong, and only those. */
static void
test_exceptions (void)
{
  /* "business": the rules hear "bus-i-ness"; the list says 2 */
  g_assert_cmpuint (candor_syllables_count_rules ("business", -1), ==, 3);
  g_assert_cmpuint (candor_syllables_count ("business", -1), ==, 2);
  g_assert_cmpuint (candor_syllables_count ("table", -1), ==, candor_syllables_count_rules ("table", -1));
}

static void
test_length_argument (void)
{
  g_assert_cmpuint (candor_syllables_count ("automatically, then", 13), ==, 5);
  /* very long input is counted without overflow */
  {
    g_autofree char *longword = g_strnfill (10000, 'a');
    g_assert_cmpuint (candor_syllables_count (longword, -1), >=, 1);
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/candor/readability/syllables/words", test_words);
  g_test_add_func ("/candor/readability/syllables/exceptions", test_exceptions);
  g_test_add_func ("/candor/readability/syllables/length", test_length_argument);
  return g_test_run ();
}
