/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-readability-data.c: loads the readability word lists compiled into the engine, once. */
#include "config.h"

#include <glib.h>
#include <string.h>

#ifdef G_OS_UNIX
#include <sys/mman.h>
#endif

#include "candor-readability-data.h"
#include "candor-readability-lists.h"

/* The longest ending in syllable-endings.tsv. */
#define MAX_ENDING 6

/* Calls @line_func for each line of the list @name (data/readability/) that is not empty or a
 * "#" comment, with trailing white space removed. The lines stay in memory for the life of
 * the process (as the tables do), so the tables point into them rather than copy them. */
/* The lines of every list, for the life of the process. */
static GPtrArray *line_storage;

static void
for_each_line (const char *name,
               void      (*line_func) (char *line, gpointer user_data),
               gpointer    user_data)
{
  char *copy;
  size_t size = 0;
  const char *data;
  char *line, *next;

  data = candor_readability_lists_lookup (name, &size);
  /* The lists are compiled into the program: a missing one is a build bug. */
  if (data == NULL)
    g_error ("Readability data %s is missing", name);
  copy = g_strndup (data, size);
  if (line_storage == NULL)
    line_storage = g_ptr_array_new ();
  g_ptr_array_add (line_storage, copy);
  for (line = copy; line != NULL && *line != '\0'; line = next)
    {
      next = strchr (line, '\n');
      if (next != NULL)
        *next++ = '\0';
      g_strchomp (line);
      if (*line == '\0' || *line == '#')
        continue;
      line_func (line, user_data);
    }
}

static void
add_to_set (char *line, gpointer user_data)
{
  GHashTable *set = user_data;

  g_hash_table_add (set, line);
}

static void
add_lower_to_set (char *line, gpointer user_data)
{
  GHashTable *set = user_data;
  char *p;

  for (p = line; *p != '\0' && (guchar) *p < 0x80; p++)
    *p = g_ascii_tolower (*p);
  /* (kept for the life of the process, as the lines are) */
  g_hash_table_add (set, *p == '\0' ? line : g_utf8_strdown (line, -1));
}

static GHashTable *
load_set (const char *name, gboolean lower)
{
  GHashTable *set = g_hash_table_new (g_str_hash, g_str_equal);

  for_each_line (name, lower ? add_lower_to_set : add_to_set, set);
  return set;
}

static void
add_syllable_exception (char *line, gpointer user_data)
{
  GHashTable *table = user_data;
  char *space = strpbrk (line, " \t");
  guint64 count = 0;

  if (space == NULL || !g_ascii_string_to_unsigned (g_strstrip (space + 1), 10, 1, 20, &count, NULL))
    g_error ("Bad line in syllable-exceptions.txt: %s", line);
  *space = '\0';
  g_hash_table_insert (table, line, GUINT_TO_POINTER ((guint) count));
}

static void
add_ending (char *line, gpointer user_data)
{
  GHashTable *table = user_data;
  char *tab = strchr (line, '\t');
  gint64 delta = 0;

  if (tab == NULL || !g_ascii_string_to_signed (g_strstrip (tab + 1), 10, -5, 5, &delta, NULL)
      || tab - line > MAX_ENDING)
    g_error ("Bad line in syllable-endings.tsv: %s", line);
  *tab = '\0';
  g_hash_table_insert (table, line, GINT_TO_POINTER ((int) delta + 100));
}

static void
phrase_free (gpointer data)
{
  CandorPhrase *phrase = data;

  g_strfreev (phrase->words);
  g_free (phrase->phrase);
  g_free (phrase->suggestion);
  g_free (phrase);
}

static int
compare_longest_first (gconstpointer a, gconstpointer b)
{
  const CandorPhrase *pa = *(const CandorPhrase * const *) a;
  const CandorPhrase *pb = *(const CandorPhrase * const *) b;

  return (int) pb->n_words - (int) pa->n_words;
}

/* "phrase<TAB>suggestion" or just "phrase". */
static void
add_phrase (char *line, gpointer user_data)
{
  CandorPhraseTable *table = user_data;
  CandorPhrase *phrase = g_new0 (CandorPhrase, 1);
  char *tab = strchr (line, '\t');
  g_autofree char *lower = NULL;
  GPtrArray *list;

  if (tab != NULL)
    {
      *tab = '\0';
      g_strstrip (tab + 1);
      if (tab[1] != '\0')
        phrase->suggestion = g_strdup (tab + 1);
    }
  lower = g_utf8_strdown (g_strstrip (line), -1);
  phrase->words = g_strsplit (lower, " ", -1);
  phrase->n_words = g_strv_length (phrase->words);
  phrase->phrase = g_strdup (lower);

  list = g_hash_table_lookup (table->by_first_word, phrase->words[0]);
  if (list == NULL)
    {
      list = g_ptr_array_new_with_free_func (phrase_free);
      g_hash_table_insert (table->by_first_word, g_strdup (phrase->words[0]), list);
    }
  g_ptr_array_add (list, phrase);
  table->n_phrases++;
}

static void
sort_phrases (gpointer key, gpointer value, gpointer user_data)
{
  g_ptr_array_sort (value, compare_longest_first);
}

static void
load_phrases (CandorPhraseTable *table, const char *name)
{
  table->by_first_word = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                (GDestroyNotify) g_ptr_array_unref);
  for_each_line (name, add_phrase, table);
  g_hash_table_foreach (table->by_first_word, sort_phrases, NULL);
}

static gpointer
load_all (gpointer unused)
{
  CandorReadabilityData *data = g_new0 (CandorReadabilityData, 1);

  data->syllables = g_hash_table_new (g_str_hash, g_str_equal);
  for_each_line ("syllable-exceptions.txt", add_syllable_exception, data->syllables);
  data->endings = g_hash_table_new (g_str_hash, g_str_equal);
  for_each_line ("syllable-endings.tsv", add_ending, data->endings);
  data->familiar = load_set ("familiar-words.txt", TRUE);
  data->topic = load_set ("topic-words.txt", TRUE);
  data->abbreviations = load_set ("abbreviations.txt", TRUE);
  data->months = load_set ("months.txt", TRUE);
  data->acronyms = load_set ("known-acronyms.txt", FALSE);
  data->participles = load_set ("irregular-participles.txt", TRUE);
  data->adjectival = load_set ("adjectival-participles.txt", TRUE);
  data->be_verbs = load_set ("be-verbs.txt", TRUE);
  data->negators = load_set ("negators.txt", TRUE);
  data->negated = load_set ("negated-words.txt", TRUE);
  load_phrases (&data->jargon, "jargon.tsv");
  load_phrases (&data->wordy, "wordy-phrases.tsv");
  /* formal single words (utilise → use) report as wordy phrases too */
  for_each_line ("plain-words.tsv", add_phrase, &data->wordy);
  g_hash_table_foreach (data->wordy.by_first_word, sort_phrases, NULL);
  load_phrases (&data->vague, "vague-words.tsv");
  load_phrases (&data->hedges, "hedges.tsv");
  return data;
}

const CandorReadabilityData *
candor_readability_data_get (void)
{
  static GOnce once = G_ONCE_INIT;

  g_once (&once, load_all, NULL);
  return once.retval;
}

guint
candor_readability_data_lookup_syllables (const char *lower_word)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (candor_readability_data_get ()->syllables, lower_word));
}

int
candor_readability_data_ending_correction (const char *lower_word, gsize length)
{
  GHashTable *endings = candor_readability_data_get ()->endings;

  if (length < 4)
    return 0;
  /* An ending is never the whole word, nor all but its first letter. */
  for (gsize k = MIN (length - 2, (gsize) MAX_ENDING); k >= 2; k--)
    {
      gpointer value = g_hash_table_lookup (endings, lower_word + length - k);
      if (value != NULL)
        return GPOINTER_TO_INT (value) - 100;
    }
  return 0;
}

const CandorPhrase *
candor_phrase_table_match (const CandorPhraseTable *table,
                           const char * const      *words,
                           guint                    n_words)
{
  GPtrArray *list;

  if (n_words == 0)
    return NULL;
  list = g_hash_table_lookup (table->by_first_word, words[0]);
  if (list == NULL)
    return NULL;
  for (guint i = 0; i < list->len; i++)
    {
      const CandorPhrase *phrase = g_ptr_array_index (list, i);
      gboolean same = phrase->n_words <= n_words;

      for (guint k = 1; same && k < phrase->n_words; k++)
        same = strcmp (phrase->words[k], words[k]) == 0;
      if (same)
        return phrase;
    }
  return NULL;
}

void
candor_readability_advise_huge (gpointer data, gsize bytes)
{
#if defined(MADV_HUGEPAGE)
  const guintptr huge = 2 * 1024 * 1024;
  guintptr start = GPOINTER_TO_SIZE (data);
  guintptr end = start + bytes;

  if (data == NULL || bytes < 2 * huge)
    return;
  start = (start + huge - 1) & ~(huge - 1);
  end &= ~(huge - 1);
  if (end > start)
    (void) madvise (GSIZE_TO_POINTER (start), end - start, MADV_HUGEPAGE);
#else
  (void) data;
  (void) bytes;
#endif
}
