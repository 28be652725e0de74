/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-lexicon.c: everything the engine knows about one lower-case word, looked up once. */
#include "config.h"

#include <string.h>

#include "candor-lexicon.h"
#include "candor-readability-data.h"
#include "candor-syllables.h"

/* Beyond this many distinct words the per-thread cache starts again (a bound on memory
 * for huge texts; a disclosure has a few hundred distinct words). */
#define MAX_CACHED_WORDS 100000

static void
cache_free (gpointer cache)
{
  g_hash_table_unref (cache);
}

static GPrivate cache_key = G_PRIVATE_INIT (cache_free);

static gboolean
set_has_stripped (GHashTable *set, const char *word, gsize len, gsize strip, const char *add)
{
  char buf[64];

  if (len <= strip + 1 || len - strip + strlen (add) >= sizeof buf)
    return FALSE;
  memcpy (buf, word, len - strip);
  strcpy (buf + (len - strip), add);
  return g_hash_table_contains (set, buf);
}

/* Dale–Chall allows regular inflections of the familiar words. */
static gboolean
is_familiar (GHashTable *familiar, const char *w, gsize len)
{
  if (g_hash_table_contains (familiar, w))
    return TRUE;
  if (g_str_has_suffix (w, "'s"))
    return set_has_stripped (familiar, w, len, 2, "");
  if (g_str_has_suffix (w, "ies") && set_has_stripped (familiar, w, len, 3, "y"))
    return TRUE;
  if (g_str_has_suffix (w, "ied") && set_has_stripped (familiar, w, len, 3, "y"))
    return TRUE;
  if (g_str_has_suffix (w, "es") && set_has_stripped (familiar, w, len, 2, ""))
    return TRUE;
  if (g_str_has_suffix (w, "s") && set_has_stripped (familiar, w, len, 1, ""))
    return TRUE;
  if (g_str_has_suffix (w, "ed") && (set_has_stripped (familiar, w, len, 2, "") || set_has_stripped (familiar, w, len, 1, "")))
    return TRUE;
  if (g_str_has_suffix (w, "ing") && (set_has_stripped (familiar, w, len, 3, "") || set_has_stripped (familiar, w, len, 3, "e")))
    return TRUE;
  if (g_str_has_suffix (w, "er") && (set_has_stripped (familiar, w, len, 2, "") || set_has_stripped (familiar, w, len, 1, "")))
    return TRUE;
  if (g_str_has_suffix (w, "est") && (set_has_stripped (familiar, w, len, 3, "") || set_has_stripped (familiar, w, len, 2, "")))
    return TRUE;
  return FALSE;
}

static gboolean
is_participle (const CandorReadabilityData *data, const char *w, gsize len)
{
  if (g_hash_table_contains (data->participles, w))
    return TRUE;
  if (len < 5 || !g_str_has_suffix (w, "ed"))
    return FALSE;
  /* "need", "speed", "indeed" are not participles; "agreed", "guaranteed" are. */
  if (g_str_has_suffix (w, "eed"))
    return g_str_has_suffix (w, "agreed") || g_str_has_suffix (w, "guaranteed") || g_str_has_suffix (w, "freed");
  return TRUE;
}

static gboolean
is_gap_adverb (const char *w, gsize len)
{
  static const char *const gap[] = { "not", "also", "always", "never", "only", "still", "then",
                                     "already", "all", "often", "now", "being" };

  for (gsize k = 0; k < G_N_ELEMENTS (gap); k++)
    if (strcmp (w, gap[k]) == 0)
      return TRUE;
  return len > 4 && g_str_has_suffix (w, "ly");
}

static gboolean
starts_phrase (const CandorPhraseTable *table, const char *w)
{
  return g_hash_table_contains (table->by_first_word, w);
}

static CandorLexEntry
compute (const char *w)
{
  const CandorReadabilityData *data = candor_readability_data_get ();
  gsize len = strlen (w);
  CandorLexEntry entry = { 0, 0 };
  GPtrArray *jargon;

  entry.syllables = candor_syllables_count (w, len);
  if (g_hash_table_contains (data->topic, w)
      || (g_str_has_suffix (w, "'s") && set_has_stripped (data->topic, w, len, 2, "")))
    entry.flags |= CANDOR_LEX_TOPIC;
  if (is_familiar (data->familiar, w, len))
    entry.flags |= CANDOR_LEX_FAMILIAR;
  if (g_hash_table_contains (data->months, w))
    entry.flags |= CANDOR_LEX_MONTH;
  if (g_hash_table_contains (data->be_verbs, w))
    entry.flags |= CANDOR_LEX_BE_VERB;
  if (g_hash_table_contains (data->negators, w) || g_str_has_suffix (w, "n't"))
    entry.flags |= CANDOR_LEX_NEGATOR;
  if (g_hash_table_contains (data->negated, w))
    entry.flags |= CANDOR_LEX_NEGATED;
  if (is_participle (data, w, len))
    entry.flags |= CANDOR_LEX_PARTICIPLE;
  if (g_hash_table_contains (data->adjectival, w))
    entry.flags |= CANDOR_LEX_ADJECTIVAL;
  if (is_gap_adverb (w, len))
    entry.flags |= CANDOR_LEX_GAP_ADVERB;
  if (starts_phrase (&data->jargon, w) || starts_phrase (&data->wordy, w)
      || starts_phrase (&data->vague, w) || starts_phrase (&data->hedges, w))
    entry.flags |= CANDOR_LEX_PHRASE_START;
  jargon = g_hash_table_lookup (data->jargon.by_first_word, w);
  for (guint k = 0; jargon != NULL && k < jargon->len; k++)
    if (((CandorPhrase *) g_ptr_array_index (jargon, k))->n_words == 1)
      entry.flags |= CANDOR_LEX_JARGON_WORD;
  return entry;
}

CandorLexEntry
candor_lexicon_lookup (const char *lower)
{
  GHashTable *cache = g_private_get (&cache_key);
  CandorLexEntry *cached;
  CandorLexEntry entry;

  if (cache == NULL)
    {
      cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      g_private_set (&cache_key, cache);
    }
  cached = g_hash_table_lookup (cache, lower);
  if (cached != NULL)
    return *cached;

  entry = compute (lower);
  if (g_hash_table_size (cache) >= MAX_CACHED_WORDS)
    g_hash_table_remove_all (cache);
  g_hash_table_insert (cache, g_strdup (lower), g_memdup2 (&entry, sizeof entry));
  return entry;
}
