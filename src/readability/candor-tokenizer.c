/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-tokenizer.c: the counting policy of POLICY.md — where words and sentences begin and end. */
#include "config.h"

#include <string.h>

#include "candor-readability-data.h"
#include "candor-tokenizer.h"

typedef struct
{
  const char     *text;
  gsize           length;
  gunichar       *cp;   /* code points */
  guint           cursor_char; /* byte_at() walks forward from here … */
  guint           cursor_byte; /* … whose byte offset this is */
  guint           n;
  GArray         *words;
  guint           n_words;  /* words used in @words; its length is the capacity until the end */
  GArray         *sentences;
  CandorSentence  current;
  gboolean        open;
} Scanner;

static inline gboolean
is_word_char (gunichar c)
{
  if (c < 0x80)
    return g_ascii_isalnum (c);
  return g_unichar_isalnum (c) || g_unichar_ismark (c);
}

static inline gboolean
is_space (gunichar c)
{
  if (c < 0x80)
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
  return c == 0xA0 || g_unichar_isspace (c);
}

static inline gboolean
is_terminator (gunichar c)
{
  return c == '.' || c == '!' || c == '?' || c == 0x2026 /* … */;
}

static inline gboolean
is_closing (gunichar c)
{
  return c == '"' || c == '\'' || c == ')' || c == ']' || c == 0x201D || c == 0x2019 || c == 0xBB;
}

static inline gboolean
is_hyphen (gunichar c)
{
  return c == '-' || c == 0x2010 || c == 0x2011;
}

static inline gboolean
is_apostrophe (gunichar c)
{
  return c == '\'' || c == 0x2019;
}

static inline gboolean
is_currency (gunichar c)
{
  return c == '$' || c == 0xA3 || c == 0x20AC || c == 0xA5;
}

static gboolean
starts_with_ascii_ci (const Scanner *s, guint i, const char *prefix)
{
  for (guint k = 0; prefix[k] != '\0'; k++)
    if (i + k >= s->n || s->cp[i + k] >= 0x80 || g_ascii_tolower ((char) s->cp[i + k]) != prefix[k])
      return FALSE;
  return TRUE;
}

typedef struct
{
  gunichar *cp;
  gsize     size;
} Scratch;

/* Buffers larger than this are freed after use rather than kept. */
#define MAX_KEPT_SCRATCH (4 * 1024 * 1024)

static void
scratch_free (gpointer data)
{
  Scratch *scratch = data;

  g_free (scratch->cp);
  g_free (scratch);
}

static GPrivate scratch_key = G_PRIVATE_INIT (scratch_free);

static Scratch *
get_scratch (gsize size)
{
  Scratch *scratch = g_private_get (&scratch_key);

  if (scratch == NULL)
    {
      scratch = g_new0 (Scratch, 1);
      g_private_set (&scratch_key, scratch);
    }
  if (scratch->size < size)
    {
      g_free (scratch->cp);
      scratch->size = MAX (size, 4096);
      scratch->cp = g_new (gunichar, scratch->size);
      candor_readability_advise_huge (scratch->cp, scratch->size * sizeof (gunichar));
    }
  return scratch;
}

static void
release_scratch (Scratch *scratch)
{
  if (scratch->size > MAX_KEPT_SCRATCH)
    {
      g_clear_pointer (&scratch->cp, g_free);
      scratch->size = 0;
    }
}

/* The byte offset of character @k. Offsets are asked for in increasing order, so a
 * cursor that walks forward costs nothing extra; going back restarts from the top. */
static guint
byte_at (Scanner *s, guint k)
{
  if (k < s->cursor_char)
    {
      s->cursor_char = 0;
      s->cursor_byte = 0;
    }
  while (s->cursor_char < k)
    {
      s->cursor_byte = g_utf8_next_char (s->text + s->cursor_byte) - s->text;
      s->cursor_char++;
    }
  return s->cursor_byte;
}

/* Closes the current unit at character @end. */
static void
end_unit (Scanner *s, guint end, gboolean finished)
{
  if (!s->open)
    return;
  if (s->current.n_words > 0)
    {
      s->current.end = MAX (end, s->current.start);
      s->current.byte_end = byte_at (s, s->current.end);
      s->current.finished = finished;
      g_array_append_val (s->sentences, s->current);
    }
  s->open = FALSE;
}

static void
add_word (Scanner *s, guint start, guint end, CandorWordKind kind, gboolean list_item)
{
  CandorWord word = { 0 };

  if (!s->open)
    {
      memset (&s->current, 0, sizeof s->current);
      s->current.start = start;
      s->current.byte_start = byte_at (s, start);
      s->current.first_word = s->n_words;
      s->current.list_item = list_item;
      s->open = TRUE;
    }
  word.start = start;
  word.end = end;
  word.byte_start = byte_at (s, start);
  word.byte_end = byte_at (s, end);
  word.kind = kind;
  word.sentence = s->sentences->len;
  /* written in place (g_array_append_val() per word was a tenth of the scan) */
  if (s->n_words == s->words->len)
    g_array_set_size (s->words, MAX (2 * s->words->len, s->n_words + 1024));
  g_array_index (s->words, CandorWord, s->n_words++) = word;
  s->current.n_words++;
}

/* A URL runs to the next space; trailing punctuation belongs to the sentence. */
static guint
scan_url (const Scanner *s, guint i)
{
  guint j = i;

  while (j < s->n && !is_space (s->cp[j]) && s->cp[j] != '<' && s->cp[j] != '>' && s->cp[j] != '"')
    j++;
  while (j > i && (strchr (".,;:!?)]'", (int) (s->cp[j - 1] < 0x80 ? s->cp[j - 1] : 1)) != NULL
                   || s->cp[j - 1] == 0x201D || s->cp[j - 1] == 0x2019))
    j--;
  return j;
}

static gboolean
is_tld (const Scanner *s, guint start, guint end)
{
  static const char *const tlds[] = { "com", "org", "net", "io", "co", "uk", "de", "eu", "info",
                                      "app", "dev", "gov", "edu", "fr", "nl", "us", "ca", "au" };
  char tld[8];
  guint len = end - start;

  if (len < 2 || len >= sizeof tld)
    return FALSE;
  for (guint k = 0; k < len; k++)
    {
      if (s->cp[start + k] >= 0x80 || !g_ascii_isalpha (s->cp[start + k]))
        return FALSE;
      tld[k] = g_ascii_tolower (s->cp[start + k]);
    }
  tld[len] = '\0';
  for (gsize k = 0; k < G_N_ELEMENTS (tlds); k++)
    if (strcmp (tld, tlds[k]) == 0)
      return TRUE;
  return FALSE;
}

/* Scans one word starting at @i; returns its end and sets @kind. */
static guint
scan_word (const Scanner *s, guint i, CandorWordKind *kind)
{
  guint j = i;
  gboolean digit = FALSE, at = FALSE, slash = FALSE, dotted_letters = FALSE;
  guint last_dot = 0;

  if ((s->cp[i] == 'h' || s->cp[i] == 'H' || s->cp[i] == 'w' || s->cp[i] == 'W')
      && (starts_with_ascii_ci (s, i, "http://") || starts_with_ascii_ci (s, i, "https://")
          || starts_with_ascii_ci (s, i, "www.")))
    {
      *kind = CANDOR_WORD_URL;
      return scan_url (s, i);
    }

  if (is_currency (s->cp[j]))
    j++;
  while (j < s->n)
    {
      gunichar c = s->cp[j];
      gboolean next_word, prev_word;

      if (c < 0x80 && g_ascii_isalpha (c))
        {
          j++;
          continue;
        }
      if (is_word_char (c))
        {
          if (c < 0x80 && g_ascii_isdigit (c))
            digit = TRUE;
          j++;
          continue;
        }
      next_word = j + 1 < s->n && is_word_char (s->cp[j + 1]);
      prev_word = j > i && is_word_char (s->cp[j - 1]);
      if (prev_word && next_word && (is_apostrophe (c) || is_hyphen (c)))
        j++;
      else if (prev_word && next_word && (c == '.' || c == ':' || c == '/' || c == '@'
                                          || (c == ',' && g_unichar_isdigit (s->cp[j - 1]) && g_unichar_isdigit (s->cp[j + 1]))))
        {
          if (c == '@')
            at = TRUE;
          else if (c == '/')
            slash = TRUE;
          else if (c == '.')
            {
              if (j >= i + 1 && (j - 1 == i || !is_word_char (s->cp[j - 2])) && (j + 2 >= s->n || !is_word_char (s->cp[j + 2])))
                dotted_letters = TRUE;
              last_dot = j;
            }
          j++;
        }
      else if (c == '%' && prev_word && g_unichar_isdigit (s->cp[j - 1]))
        {
          j++;
          break;
        }
      else
        break;
    }
  if (j == i)
    j = i + 1;

  if (at && last_dot > 0)
    *kind = CANDOR_WORD_EMAIL;
  else if (last_dot > 0 && !dotted_letters && !digit && is_tld (s, last_dot + 1, j))
    *kind = CANDOR_WORD_URL;
  else if (last_dot > 0 && slash && !digit)
    *kind = CANDOR_WORD_URL;
  else if (digit || is_currency (s->cp[i]))
    *kind = CANDOR_WORD_NUMBER;
  else if (dotted_letters)
    *kind = CANDOR_WORD_ABBREVIATION;
  else
    *kind = CANDOR_WORD_PLAIN;
  return j;
}

/* Whether the "." at @dot, right after the last word, belongs to an abbreviation
 * or an initial rather than ending the sentence. */
static gboolean
dot_is_abbreviation (Scanner *s, guint dot)
{
  const CandorReadabilityData *data = candor_readability_data_get ();
  CandorWord *word;
  char lower[12];
  gsize len;
  guint next;

  if (s->n_words == 0)
    return FALSE;
  word = &g_array_index (s->words, CandorWord, s->n_words - 1);
  if (word->end != dot)
    return FALSE;
  if (word->kind == CANDOR_WORD_ABBREVIATION)
    return TRUE;
  if (word->kind != CANDOR_WORD_PLAIN)
    return FALSE;
  /* an initial: one upper-case letter */
  if (word->end - word->start == 1 && g_unichar_isupper (s->cp[word->start]))
    return TRUE;
  /* every listed abbreviation is short and ASCII */
  len = word->byte_end - word->byte_start;
  if (len >= sizeof lower)
    return FALSE;
  for (gsize k = 0; k < len; k++)
    lower[k] = g_ascii_tolower (s->text[word->byte_start + k]);
  lower[len] = '\0';
  if (!g_hash_table_contains (data->abbreviations, lower))
    return FALSE;
  /* "No." is an abbreviation only before a number: "No. 5", but "The answer is no." */
  if (strcmp (lower, "no") == 0 || strcmp (lower, "nos") == 0)
    {
      next = dot + 1;
      while (next < s->n && s->cp[next] == ' ')
        next++;
      return next < s->n && g_unichar_isdigit (s->cp[next]);
    }
  return TRUE;
}

/* Skips a list marker at the start of a line ("- ", "• ", "1. ", "a) "); returns
 * the index after it, or @i if there is none. */
static guint
skip_list_marker (const Scanner *s, guint i)
{
  gunichar c = s->cp[i];
  guint j;

  if ((c == '-' || c == '*' || c == '+' || c == 0x2022 || c == 0x2023 || c == 0x25E6 || c == 0x2013 || c == 0x2014)
      && i + 1 < s->n && (s->cp[i + 1] == ' ' || s->cp[i + 1] == '\t'))
    return i + 2;
  j = i;
  while (j < s->n && j - i < 3 && c < 0x80 && g_ascii_isdigit (s->cp[j]))
    j++;
  if (j == i && c < 0x80 && g_ascii_isalpha (c))
    j = i + 1;
  if (j > i && j + 1 < s->n && (s->cp[j] == '.' || s->cp[j] == ')') && s->cp[j + 1] == ' ')
    return j + 2;
  return i;
}

gboolean
candor_utf8_validate (const char  *text,
                      gsize        length,
                      const char **end)
{
  const guint64 ones = G_GUINT64_CONSTANT (0x0101010101010101);
  const guint64 high = G_GUINT64_CONSTANT (0x8080808080808080);
  const char *p = text;
  const char *stop = text + length;

  while (p < stop)
    {
      const char *run;

      /* ASCII without NUL (g_utf8_validate_len() refuses NUL too), eight bytes at a time */
      while (stop - p >= 8)
        {
          guint64 v;
          memcpy (&v, p, sizeof v);
          if (((v | ((v - ones) & ~v)) & high) != 0)
            break;
          p += 8;
        }
      while (p < stop && (guchar) *p < 0x80 && *p != '\0')
        p++;
      if (p == stop)
        break;
      if (*p == '\0')
        {
          if (end != NULL)
            *end = p;
          return FALSE;
        }
      /* A run of bytes >= 0x80 holds whole characters or is invalid: an ASCII byte never
       * continues a sequence. Validate the run alone. */
      run = p;
      while (p < stop && (guchar) *p >= 0x80)
        p++;
      if (!g_utf8_validate_len (run, p - run, end))
        return FALSE;
    }
  if (end != NULL)
    *end = stop;
  return TRUE;
}

guint
candor_tokenize (const char *text,
                 gsize       length,
                 GArray     *words,
                 GArray     *sentences)
{
  Scanner s = { text, length, NULL, 0, 0, 0, words, words->len, sentences, { 0 }, FALSE };
  Scratch *scratch;
  gboolean line_start = TRUE, list_item = FALSE;
  guint i;
  const char *p;

  /* Decoding once makes look-ahead and character offsets simple. The buffers are
   * kept per thread: fresh pages for every call would cost more than the scan. */
  scratch = get_scratch (length + 1);
  s.cp = scratch->cp;
  for (p = text; p < text + length;)
    {
      if ((guchar) *p < 0x80)
        s.cp[s.n] = (guchar) *p++;
      else
        {
          s.cp[s.n] = g_utf8_get_char (p);
          p = g_utf8_next_char (p);
        }
      s.n++;
    }
  s.cp[s.n] = 0;

  i = 0;
  while (i < s.n)
    {
      gunichar c = s.cp[i];

      if (c == '\n' || c == 0x2028 || c == 0x2029)
        {
          /* Each line is its own unit: list items, label lines. */
          end_unit (&s, s.open ? g_array_index (words, CandorWord, s.n_words - 1).end : i, TRUE);
          line_start = TRUE;
          i++;
          continue;
        }
      if (is_space (c))
        {
          i++;
          continue;
        }
      if (line_start)
        {
          guint after = skip_list_marker (&s, i);
          list_item = after != i;
          line_start = FALSE;
          if (list_item)
            {
              i = after;
              continue;
            }
        }
      if (is_word_char (c) || (is_currency (c) && i + 1 < s.n && g_unichar_isdigit (s.cp[i + 1])))
        {
          CandorWordKind kind;
          guint end = scan_word (&s, i, &kind);

          add_word (&s, i, end, kind, list_item);
          i = end;
          continue;
        }
      if (is_terminator (c))
        {
          guint k = i;

          while (k < s.n && is_terminator (s.cp[k]))
            k++;
          while (k < s.n && is_closing (s.cp[k]))
            k++;
          if (s.open && (k == s.n || is_space (s.cp[k])))
            {
              if (c == '.' && k == i + 1 && dot_is_abbreviation (&s, i))
                {
                  /* the dot is part of the word: "e.g.", "Jan.", "J." */
                  CandorWord *word = &g_array_index (words, CandorWord, s.n_words - 1);
                  word->end = i + 1;
                  word->byte_end = byte_at (&s, i + 1);
                  if (word->kind == CANDOR_WORD_PLAIN)
                    word->kind = CANDOR_WORD_ABBREVIATION;
                }
              else
                end_unit (&s, k, TRUE);
            }
          i = k;
          continue;
        }
      i++;
    }
  end_unit (&s, s.open ? g_array_index (words, CandorWord, s.n_words - 1).end : s.n, FALSE);

  g_array_set_size (words, s.n_words);
  release_scratch (scratch);
  return s.n;
}
