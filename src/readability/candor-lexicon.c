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

/* The cache: open addressing with linear probing, keyed by the word and its hash (a
 * GHashTable with g_str_hash() cost three times as much per word on a large text). */
typedef struct
{
  char           *key;   /* NULL: empty */
  guint32         hash;
  guint32         len;
  CandorLexEntry  entry;
} Slot;

typedef struct
{
  Slot  *slots;
  guint  mask;
  guint  used;
} Cache;

static void
cache_clear (Cache *cache)
{
  for (guint i = 0; cache->slots != NULL && i <= cache->mask; i++)
    g_free (cache->slots[i].key);
  g_clear_pointer (&cache->slots, g_free);
  cache->mask = 0;
  cache->used = 0;
}

static void
cache_free (gpointer data)
{
  Cache *cache = data;

  cache_clear (cache);
  g_free (cache);
}

static void
cache_grow (Cache *cache)
{
  Slot *old = cache->slots;
  guint old_size = old != NULL ? cache->mask + 1 : 0;
  guint size = old_size != 0 ? 2 * old_size : 1024;

  cache->slots = g_new0 (Slot, size);
  cache->mask = size - 1;
  for (guint i = 0; i < old_size; i++)
    if (old[i].key != NULL)
      {
        guint k = old[i].hash & cache->mask;
        while (cache->slots[k].key != NULL)
          k = (k + 1) & cache->mask;
        cache->slots[k] = old[i];
      }
  g_free (old);
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
  if (starts_phrase (&data->jargon, w))
    entry.flags |= CANDOR_LEX_PHRASE_START | CANDOR_LEX_STARTS_JARGON;
  if (starts_phrase (&data->wordy, w))
    entry.flags |= CANDOR_LEX_PHRASE_START | CANDOR_LEX_STARTS_WORDY;
  if (starts_phrase (&data->vague, w))
    entry.flags |= CANDOR_LEX_PHRASE_START | CANDOR_LEX_STARTS_VAGUE;
  if (starts_phrase (&data->hedges, w))
    entry.flags |= CANDOR_LEX_PHRASE_START | CANDOR_LEX_STARTS_HEDGE;
  jargon = g_hash_table_lookup (data->jargon.by_first_word, w);
  for (guint k = 0; jargon != NULL && k < jargon->len; k++)
    if (((CandorPhrase *) g_ptr_array_index (jargon, k))->n_words == 1)
      entry.flags |= CANDOR_LEX_JARGON_WORD;
  return entry;
}

CandorLexEntry
candor_lexicon_lookup (const char *lower)
{
  guint32 hash = CANDOR_LEXICON_HASH_INIT;
  const char *p;

  for (p = lower; *p != '\0'; p++)
    hash = CANDOR_LEXICON_HASH_STEP (hash, *p);
  return candor_lexicon_lookup_hashed (lower, p - lower, hash);
}

CandorLexEntry
candor_lexicon_lookup_hashed (const char *lower, guint32 len, guint32 hash)
{
  Cache *cache = g_private_get (&cache_key);
  guint k;

  if (cache == NULL)
    {
      cache = g_new0 (Cache, 1);
      g_private_set (&cache_key, cache);
    }
  if (cache->slots != NULL)
    for (k = hash & cache->mask; cache->slots[k].key != NULL; k = (k + 1) & cache->mask)
      {
        const Slot *slot = &cache->slots[k];
        if (slot->hash == hash && slot->len == len && memcmp (slot->key, lower, len) == 0)
          return slot->entry;
      }

  if (cache->used >= MAX_CACHED_WORDS)
    cache_clear (cache);
  if (cache->slots == NULL || 2 * (cache->used + 1) > cache->mask + 1)
    cache_grow (cache);
  for (k = hash & cache->mask; cache->slots[k].key != NULL; k = (k + 1) & cache->mask)
    ;
  cache->slots[k].key = g_strndup (lower, len);
  cache->slots[k].hash = hash;
  cache->slots[k].len = len;
  cache->slots[k].entry = compute (lower);
  cache->used++;
  return cache->slots[k].entry;
}
