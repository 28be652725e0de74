/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-syllables.c: English syllable counting by spelling rules, corrected by an exception list. */
#include "config.h"

#include <string.h>

#include "candor-readability-data.h"
#include "candor-syllables.h"

/* Words longer than this are counted in pieces; no English word comes close. */
#define MAX_WORD 96

static inline gboolean
is_vowel_letter (char c)
{
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
}

static inline gboolean
is_consonant_letter (char c)
{
  return c >= 'a' && c <= 'z' && !is_vowel_letter (c);
}

static gboolean
has_suffix (const char *w, int n, const char *suffix)
{
  int k = (int) strlen (suffix);

  return n >= k && memcmp (w + n - k, suffix, k) == 0;
}

/* Whether the letter at @i sounds as a vowel. "y" is a consonant at the start
 * of a word and between vowels ("player"); "u" after "q" is a consonant. */
static gboolean
sounds_vowel (const char *w, int n, int i)
{
  char c = w[i];

  if (c == 'y')
    {
      if (i == 0)
        return n == 1 || !is_vowel_letter (w[1]) || w[1] == 'y';
      if (i + 1 < n && is_vowel_letter (w[i + 1]) && w[i + 1] != 'y' && w[i + 1] != 'i' && is_vowel_letter (w[i - 1]))
        return FALSE;
      return TRUE;
    }
  if (!is_vowel_letter (c))
    return FALSE;
  if (c == 'u' && i > 0 && w[i - 1] == 'q')
    return FALSE;
  return TRUE;
}

/* Whether two adjacent vowel letters w[i-1], w[i] belong to different
 * syllables ("di-et", "ra-di-o", "vi-de-o"); most pairs are one sound. */
static gboolean
splits_between (const char *w, int n, int i)
{
  char a = w[i - 1], b = w[i];
  char before = i >= 2 ? w[i - 2] : '^';
  const char *rest = w + i + 1;
  int rest_n = n - i - 1;

  /* "-ing" after a vowel: go-ing, be-ing, see-ing, continu-ing */
  if (b == 'i' && rest_n >= 2 && rest[0] == 'n' && rest[1] == 'g' && (rest_n == 2 || (rest_n == 3 && rest[2] == 's')))
    return TRUE;
  /* "yi": fly-ing, cop-y-ist */
  if (a == 'y' && b != 'y')
    return b == 'i' || (b == 'e' && rest_n >= 1 && rest_n <= 2 && (rest[0] == 'r' || rest[0] == 's' || rest[0] == 'd') && i >= 2 && is_consonant_letter (before) && i > 2);
  switch (a)
    {
    case 'i':
      if (b == 'a')
        {
          /* "appreciate", "negotiation": -iate/-iation split even after c and t */
          if (rest_n >= 2 && rest[0] == 't' && (rest[1] == 'e' || rest[1] == 'i' || rest[1] == 'o'))
            return TRUE;
          return before != 'c' && before != 't' && before != 'x' && !(before == 's' && rest_n <= 1) && !(before == 'g' && rest_n <= 2);
        }
      if (b == 'o')
        return before != 'c' && before != 't' && before != 's' && before != 'x' && before != 'g';
      if (b == 'u' || b == 'i')
        return TRUE;
      if (b == 'e')
        {
          if (rest_n >= 1 && rest[0] == 't')
            return TRUE;
          if (rest_n >= 2 && rest[0] == 'n' && (rest[1] == 't' || rest[1] == 'c'))
            return before != 'c' && before != 't' && before != 's'; /* "client", not "patient" */
          if ((rest_n == 1 && rest[0] == 'r') || (rest_n == 2 && rest[0] == 's' && rest[1] == 't') || (rest_n == 2 && rest[0] == 'r' && rest[1] == 's'))
            return i >= 3;
          return FALSE;
        }
      return FALSE;
    case 'e':
      if (b == 'o')
        return before != 'g' && !(rest_n >= 2 && rest[0] == 'u' && rest[1] == 's' && (before == 'c' || before == 't')) && !(i == 2 && before == 'p');
      if (b == 'a')
        return rest_n == 0
               || (rest_n >= 2 && rest[0] == 't' && (rest[1] == 'e' || rest[1] == 'i' || rest[1] == 'o')
                   && ((before == 'r' && i >= 3 && w[i - 3] == 'c') || (before == 'h' && i >= 3 && w[i - 3] == 't')))
               || (rest_n == 1 && rest[0] == 'l' && n > 5);
      return FALSE;
    case 'u':
      if (before == 'g' || before == 'q')
        return FALSE;
      if (b == 'a' || b == 'o')
        return TRUE;
      if (b == 'i')
        return rest_n >= 1 && (rest[0] == 'd' || rest[0] == 'n' || rest[0] == 't')
               && before != 's' && before != 'r' && before != 'b';
      if (b == 'e')
        return rest_n >= 1 && (rest[0] == 'n' || rest[0] == 'l' || rest[0] == 't');
      return FALSE;
    case 'o':
      if (b == 'e')
        return rest_n >= 1 && (rest[0] == 'm' || rest[0] == 't');
      return FALSE;
    case 'a':
      if (b == 'o')
        return TRUE;
      return FALSE;
    default:
      return FALSE;
    }
}

/* Counts a lower-case a–z word. */
static guint
count_ascii (const char *w, int n)
{
  int groups = 0;
  gboolean in_vowel = FALSE;

  if (n == 0)
    return 1;

  for (int i = 0; i < n; i++)
    {
      if (sounds_vowel (w, n, i))
        {
          if (!in_vowel || splits_between (w, n, i))
            groups++;
          in_vowel = TRUE;
        }
      else
        in_vowel = FALSE;
    }

  if (groups == 0)
    return 1;

  /* Silent final e ("make"), but not "-le"/"-re" after a consonant ("table", "acre"). */
  if (groups > 1 && n >= 3 && w[n - 1] == 'e' && !sounds_vowel (w, n, n - 2))
    {
      char p = w[n - 2], pp = w[n - 3];
      gboolean syllabic = (p == 'l' || p == 'r') && is_consonant_letter (pp) && pp != p;
      /* "fire", "empire": -ire is two syllables in American English */
      gboolean ire = p == 'r' && pp == 'i';
      if (!syllabic && !ire)
        groups--;
    }
  /* Silent e in "-es" ("makes") unless after a sibilant ("boxes", "faces"). */
  else if (groups > 1 && n >= 4 && has_suffix (w, n, "es") && !sounds_vowel (w, n, n - 3))
    {
      char p = w[n - 3], pp = w[n - 4];
      gboolean sibilant = p == 's' || p == 'x' || p == 'z' || p == 'c' || p == 'g' || (p == 'h' && (pp == 'c' || pp == 's'));
      gboolean syllabic = ((p == 'l' || p == 'r') && is_consonant_letter (pp) && pp != p) || (p == 'r' && pp == 'i');
      if (!sibilant && !syllabic)
        groups--;
    }
  /* Silent e in "-ed" ("jumped") unless after t or d ("wanted"). */
  else if (groups > 1 && n >= 4 && has_suffix (w, n, "ed") && !sounds_vowel (w, n, n - 3))
    {
      char p = w[n - 3], pp = w[n - 4];
      gboolean voiced = p == 't' || p == 'd';
      gboolean syllabic = ((p == 'l' || p == 'r') && is_consonant_letter (pp) && pp != p) || (p == 'r' && pp == 'i');
      if (!voiced && !syllabic)
        groups--;
    }

  /* Silent e before a suffix: "lonely", "movement", "careful", "homeless", "strangely". */
  {
    static const char *const suffixes[] = { "ly", "ment", "ments", "ful", "ness", "less",
                                            "man", "men", "way", "ways", "work", "ward",
                                            "wards", "land", "house", "town", "ville" };
    for (gsize s = 0; s < G_N_ELEMENTS (suffixes); s++)
      {
        int e = n - (int) strlen (suffixes[s]) - 1;
        if (e < 2 || groups < 2 || !has_suffix (w, n, suffixes[s]) || w[e] != 'e' || !is_consonant_letter (w[e - 1]))
          continue;
        if (sounds_vowel (w, n, e - 2)
            || (e >= 3 && is_consonant_letter (w[e - 2]) && w[e - 1] != 'l' && w[e - 1] != 'r'))
          {
            groups--;
            break;
          }
      }
  }

  /* "basically": the a of -ically is silent. */
  if (n > 7 && (has_suffix (w, n, "ically") || has_suffix (w, n, "icaly")))
    groups--;

  /* "-ism", "-asm", "rhythm": the final m is a syllable of its own. */
  if (n >= 3 && (has_suffix (w, n, "sm") || has_suffix (w, n, "thm") || has_suffix (w, n, "sms")))
    groups++;
  /* "McDonald": "Mc" is a syllable. */
  if (n > 3 && w[0] == 'm' && w[1] == 'c' && is_consonant_letter (w[2]))
    groups++;

  return MAX (groups, 1);
}

/* Lower-cases @word into @out as a–z only; accented Latin vowels become their base vowel,
 * apostrophes and other marks are dropped. Returns the length. */
static int
normalise (const char *word, gssize length, char *out, int out_size)
{
  const char *p = word;
  const char *end = length < 0 ? word + strlen (word) : word + length;
  int n = 0;

  while (p < end && n < out_size)
    {
      gunichar c = g_utf8_get_char_validated (p, end - p);
      const char *next;

      if (c == (gunichar) -1 || c == (gunichar) -2)
        break;
      next = g_utf8_next_char (p);
      if (c < 0x80)
        {
          if (g_ascii_isalpha (c))
            out[n++] = g_ascii_tolower (c);
        }
      else if (g_unichar_isalpha (c))
        {
          gunichar d[4];
          gsize nd = g_unichar_fully_decompose (c, FALSE, d, G_N_ELEMENTS (d));
          if (nd > 0 && d[0] < 0x80 && g_ascii_isalpha (d[0]))
            out[n++] = g_ascii_tolower (d[0]);
          else
            out[n++] = 'x';
        }
      p = next;
    }
  return n;
}

static guint
count_part (const char *word, gssize length, gboolean use_exceptions)
{
  char buf[MAX_WORD + 1];
  int n = normalise (word, length, buf, MAX_WORD);

  if (n == 0)
    return 1;
  buf[n] = '\0';
  if (use_exceptions)
    {
      guint count = candor_readability_data_lookup_syllables (buf);
      if (count > 0)
        return count;
    }
  /* The spelling rules, corrected by word ending ("-ically", "-uer", …). */
  return (guint) MAX (1, (int) count_ascii (buf, n) + candor_readability_data_ending_correction (buf, n));
}

static guint
count_word (const char *word, gssize length, gboolean use_exceptions)
{
  const char *end;
  const char *part;
  guint total = 0;
  gboolean any_letters = FALSE;

  g_return_val_if_fail (word != NULL, 1);

  end = length < 0 ? word + strlen (word) : word + length;
  /* Hyphenated words count as the sum of their parts ("end-of-life" = 3). */
  part = word;
  for (const char *p = word; p <= end; p++)
    {
      if (p == end || *p == '-' || *p == '/')
        {
          gboolean letters = FALSE;
          for (const char *q = part; q < p; q++)
            if (g_ascii_isalpha (*q) || (guchar) *q >= 0x80)
              letters = TRUE;
          if (letters)
            {
              total += count_part (part, p - part, use_exceptions);
              any_letters = TRUE;
            }
          part = p + 1;
        }
    }
  return any_letters ? total : 1;
}

guint
candor_syllables_count (const char *word, gssize length)
{
  return count_word (word, length, TRUE);
}

guint
candor_syllables_count_rules (const char *word, gssize length)
{
  return count_word (word, length, FALSE);
}
