/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-text-analysis-explain.c: why a text got its grade, and the analysis streamed as JSON (the tree form is in
 * candor-readability-json.c, so that candor-cli readability does not load json-glib). */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "candor-text-analysis-private.h"

static double
fk_grade (double words, double sentences, double syllables)
{
  if (words <= 0 || sentences <= 0)
    return 0;
  return 0.39 * (words / sentences) + 11.8 * (syllables / words) - 15.59;
}

static int
compare_impact (gconstpointer a, gconstpointer b)
{
  const CandorImpact *ia = a, *ib = b;

  if (ia->impact != ib->impact)
    return ia->impact > ib->impact ? -1 : 1;
  return ia->index < ib->index ? -1 : (ia->index > ib->index);
}

/**
 * candor_text_analysis_explain_sentences:
 *
 * Which sentences raise the Flesch–Kincaid grade most. The impact of a sentence
 * is how much the grade of the whole text would fall without it (for a text of
 * one sentence, the grade itself). Only sentences that raise the grade are
 * listed, largest impact first.
 *
 * Returns: (transfer full) (element-type CandorImpact): indices into the sentences
 */
GArray *
candor_text_analysis_explain_sentences (CandorTextAnalysis *self)
{
  GArray *result;
  const CandorCounts *c;
  double all;

  g_return_val_if_fail (CANDOR_IS_TEXT_ANALYSIS (self), NULL);

  result = g_array_new (FALSE, FALSE, sizeof (CandorImpact));
  c = &self->counts;
  all = fk_grade (c->words, c->sentences, c->syllables);
  for (guint i = 0; i < self->sentences->len; i++)
    {
      const CandorSentence *s = &g_array_index (self->sentences, CandorSentence, i);
      CandorImpact impact = { i, 0 };

      if (self->sentences->len == 1)
        impact.impact = all;
      else
        impact.impact = all - fk_grade (c->words - s->n_words, c->sentences - 1, c->syllables - s->syllables);
      if (impact.impact > 0.05)
        g_array_append_val (result, impact);
    }
  g_array_sort (result, compare_impact);
  return result;
}

/**
 * candor_text_analysis_explain_words:
 *
 * Which words raise the Flesch–Kincaid grade most: the impact of a word is how
 * much the grade would fall if it had one syllable (11.8 × (syllables − 1) ÷
 * words). Topic words, numbers and dates already count as one syllable and are
 * never listed. Largest impact first.
 *
 * Returns: (transfer full) (element-type CandorImpact): indices into the words
 */
GArray *
candor_text_analysis_explain_words (CandorTextAnalysis *self)
{
  enum { MAX_BUCKET = 32 };
  const CandorWord *words;
  guint count[MAX_BUCKET + 1] = { 0 };
  guint n = 0, big = 0;
  GArray *result;

  g_return_val_if_fail (CANDOR_IS_TEXT_ANALYSIS (self), NULL);

  /* The impact grows with the syllables alone (the divisor is the same for every word), so
   * the order "largest impact first, then by position" is a counting sort by syllables: no
   * comparisons on a large text. Words of more syllables than the buckets hold (none in
   * English) go through the general sort. */
  words = (const CandorWord *) self->words->data;
  for (guint i = 0; i < self->words->len; i++)
    if (words[i].syllables >= 3)
      {
        n++;
        if (words[i].syllables > MAX_BUCKET)
          big++;
        else
          count[words[i].syllables]++;
      }
  result = g_array_sized_new (FALSE, FALSE, sizeof (CandorImpact), n);
  g_array_set_size (result, n);
  if (big == 0)
    {
      guint next[MAX_BUCKET + 1];
      guint at = 0;
      CandorImpact *out = (CandorImpact *) result->data;

      for (guint s = MAX_BUCKET; s >= 3; s--)
        {
          next[s] = at;
          at += count[s];
        }
      for (guint i = 0; i < self->words->len; i++)
        if (words[i].syllables >= 3)
          {
            CandorImpact *impact = &out[next[words[i].syllables]++];
            impact->index = i;
            impact->impact = 11.8 * ((double) words[i].syllables - 1.0) / self->words->len;
          }
      return result;
    }
  n = 0;
  for (guint i = 0; i < self->words->len; i++)
    if (words[i].syllables >= 3)
      {
        CandorImpact *impact = &g_array_index (result, CandorImpact, n++);
        impact->index = i;
        impact->impact = 11.8 * ((double) words[i].syllables - 1.0) / self->words->len;
      }
  g_array_sort (result, compare_impact);
  return result;
}

/**
 * candor_text_analysis_get_topic_words:
 *
 * The topic words of the text ("security", "update", …), once each, lower
 * case, in order of first use. They count as one syllable, familiar and never
 * complex (POLICY.md); the explanation says so.
 *
 * Returns: (transfer full) (element-type utf8): the words
 */
GPtrArray *
candor_text_analysis_get_topic_words (CandorTextAnalysis *self)
{
  g_autoptr(GHashTable) seen = NULL;
  GPtrArray *result;

  g_return_val_if_fail (CANDOR_IS_TEXT_ANALYSIS (self), NULL);

  result = g_ptr_array_new_with_free_func (g_free);
  seen = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < self->words->len; i++)
    {
      const CandorWord *w = &g_array_index (self->words, CandorWord, i);

      if (!(w->flags & CANDOR_WORD_FLAG_TOPIC) || !g_hash_table_add (seen, self->lower[i]))
        continue;
      g_ptr_array_add (result, g_strdup (self->lower[i]));
    }
  return result;
}

char *
candor_text_analysis_word_text (CandorTextAnalysis *self, guint i)
{
  const CandorWord *w = &g_array_index (self->words, CandorWord, i);

  return g_strndup (self->text + w->byte_start, w->byte_end - w->byte_start);
}

/**
 * candor_text_analysis_explain:
 *
 * A short explanation of the score for people: the grade against the target,
 * the sentences and words that raise it most, and how topic words were
 * counted.
 *
 * Returns: (transfer full): translated text, several lines
 */
char *
candor_text_analysis_explain (CandorTextAnalysis *self)
{
  g_autoptr(GArray) sentences = NULL;
  g_autoptr(GArray) words = NULL;
  g_autoptr(GPtrArray) topic = NULL;

  g_return_val_if_fail (CANDOR_IS_TEXT_ANALYSIS (self), NULL);

  sentences = candor_text_analysis_explain_sentences (self);
  words = candor_text_analysis_explain_words (self);
  topic = candor_text_analysis_get_topic_words (self);
  return candor_text_analysis_explain_with (self, sentences, words, topic);
}

/* candor_text_analysis_explain() from the lists it is made of, for callers that need the
 * lists as well (the JSON): a large text's lists are made once. */
char *
candor_text_analysis_explain_with (CandorTextAnalysis *self, GArray *sentences, GArray *words, GPtrArray *topic)
{
  g_autoptr(GString) out = g_string_new (NULL);
  double grade;

  if (!candor_text_analysis_get_grade (self, &grade))
    g_string_append_printf (out, _("Too short for a grade: a grade needs at least %d words, so each sentence is checked for long, uncommon words instead."),
                            CANDOR_GRADE_MIN_WORDS);
  else
    g_string_append_printf (out, _("Grade %.1f (aim for %.0f or lower): %s."), grade,
                            CANDOR_TARGET_GRADE, candor_text_analysis_get_verdict (self));

  for (guint k = 0; k < MIN (sentences->len, 2u); k++)
    {
      const CandorImpact *impact = &g_array_index (sentences, CandorImpact, k);
      const CandorSentence *s = &g_array_index (self->sentences, CandorSentence, impact->index);
      g_string_append_c (out, '\n');
      g_string_append_printf (out, _("Sentence %u (%u words) raises the grade by %.1f."),
                              impact->index + 1, s->n_words, impact->impact);
    }

  if (words->len > 0)
    {
      g_autoptr(GString) list = g_string_new (NULL);
      for (guint k = 0; k < MIN (words->len, 3u); k++)
        {
          const CandorImpact *impact = &g_array_index (words, CandorImpact, k);
          g_autofree char *text = candor_text_analysis_word_text (self, impact->index);
          if (k > 0)
            g_string_append (list, ", ");
          /* Translators: a word and its syllable count in a list, e.g. “automatically” (5) */
          g_string_append_printf (list, _("“%s” (%u)"), text,
                                  g_array_index (self->words, CandorWord, impact->index).syllables);
        }
      g_string_append_c (out, '\n');
      g_string_append_printf (out, _("Long words raise it most: %s."), list->str);
    }

  if (topic->len > 0)
    {
      g_autoptr(GString) joined = g_string_new (NULL);
      for (guint k = 0; k < topic->len; k++)
        {
          if (k > 0)
            g_string_append (joined, ", ");
          g_string_append (joined, g_ptr_array_index (topic, k));
        }
      g_string_append_c (out, '\n');
      g_string_append_printf (out, _("Counted as familiar topic words of one syllable, because a disclosure cannot avoid them: %s."),
                              joined->str);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * candor_text_analysis_write_json:
 * @writer: where the object goes (as a value: at the top, after a key or in an array)
 *
 * Writes the object candor_text_analysis_to_json() returns, member for member, as it goes:
 * no tree is built, so a large text costs no more memory than its findings already do.
 */
void
candor_text_analysis_write_json (CandorTextAnalysis *self, CandorJsonWriter *w)
{
  g_autoptr(GPtrArray) topic = NULL;
  g_autoptr(GArray) sentences = NULL;
  g_autoptr(GArray) words = NULL;
  g_autofree char *text = NULL;
  static const struct { const char *key; gsize offset; } counts[] = {
    { "sentences", G_STRUCT_OFFSET (CandorCounts, sentences) },
    { "words", G_STRUCT_OFFSET (CandorCounts, words) },
    { "syllables", G_STRUCT_OFFSET (CandorCounts, syllables) },
    { "complex_words", G_STRUCT_OFFSET (CandorCounts, complex_words) },
    { "characters", G_STRUCT_OFFSET (CandorCounts, characters) },
    { "unfamiliar_words", G_STRUCT_OFFSET (CandorCounts, unfamiliar_words) },
  };

  g_return_if_fail (CANDOR_IS_TEXT_ANALYSIS (self));

  candor_json_writer_begin_object (w);
  candor_json_writer_key (w, "kind");
  candor_json_writer_string (w, candor_text_kind_to_key (self->kind));
  for (gsize k = 0; k < G_N_ELEMENTS (counts); k++)
    {
      candor_json_writer_key (w, counts[k].key);
      candor_json_writer_int (w, G_STRUCT_MEMBER (guint, &self->counts, counts[k].offset));
    }
  for (guint m = 0; m < CANDOR_N_METRICS; m++)
    {
      candor_json_writer_key (w, candor_metric_to_key (m));
      if (self->has_metric[m])
        candor_json_writer_double (w, self->metrics[m]);
      else
        candor_json_writer_null (w);
    }
  candor_json_writer_key (w, "too_short");
  candor_json_writer_begin_array (w);
  for (guint m = 0; m < CANDOR_N_METRICS; m++)
    if (!self->has_metric[m])
      candor_json_writer_string (w, candor_metric_to_key (m));
  candor_json_writer_end_array (w);
  candor_json_writer_key (w, "verdict");
  candor_json_writer_string (w, candor_text_analysis_get_verdict (self));
  candor_json_writer_key (w, "graded");
  candor_json_writer_boolean (w, candor_text_analysis_is_graded (self));
  candor_json_writer_key (w, "grade_min_words");
  candor_json_writer_int (w, CANDOR_GRADE_MIN_WORDS);

  candor_json_writer_key (w, "findings");
  candor_json_writer_begin_array (w);
  for (guint i = 0; i < self->findings->len; i++)
    candor_finding_write_json (g_ptr_array_index (self->findings, i), w);
  candor_json_writer_end_array (w);

  topic = candor_text_analysis_get_topic_words (self);
  candor_json_writer_key (w, "topic_words");
  candor_json_writer_begin_array (w);
  for (guint i = 0; i < topic->len; i++)
    candor_json_writer_string (w, g_ptr_array_index (topic, i));
  candor_json_writer_end_array (w);

  candor_json_writer_key (w, "explanation");
  candor_json_writer_begin_object (w);
  sentences = candor_text_analysis_explain_sentences (self);
  candor_json_writer_key (w, "sentences");
  candor_json_writer_begin_array (w);
  for (guint k = 0; k < sentences->len; k++)
    {
      const CandorImpact *impact = &g_array_index (sentences, CandorImpact, k);
      const CandorSentence *s = &g_array_index (self->sentences, CandorSentence, impact->index);
      candor_json_writer_begin_object (w);
      candor_json_writer_key (w, "sentence");
      candor_json_writer_int (w, impact->index);
      candor_json_writer_key (w, "start");
      candor_json_writer_int (w, s->start);
      candor_json_writer_key (w, "end");
      candor_json_writer_int (w, s->end);
      candor_json_writer_key (w, "impact");
      candor_json_writer_double (w, impact->impact);
      candor_json_writer_end_object (w);
    }
  candor_json_writer_end_array (w);
  words = candor_text_analysis_explain_words (self);
  candor_json_writer_key (w, "words");
  candor_json_writer_begin_array (w);
  for (guint k = 0; k < words->len; k++)
    {
      const CandorImpact *impact = &g_array_index (words, CandorImpact, k);
      const CandorWord *word = &g_array_index (self->words, CandorWord, impact->index);
      char small[64];
      gsize n = word->byte_end - word->byte_start;
      g_autofree char *big = NULL;
      char *wt = small;

      if (n >= sizeof small)
        wt = big = g_malloc (n + 1);
      memcpy (wt, self->text + word->byte_start, n);
      wt[n] = '\0';
      candor_json_writer_begin_object (w);
      candor_json_writer_key (w, "word");
      candor_json_writer_string (w, wt);
      candor_json_writer_key (w, "start");
      candor_json_writer_int (w, word->start);
      candor_json_writer_key (w, "end");
      candor_json_writer_int (w, word->end);
      candor_json_writer_key (w, "syllables");
      candor_json_writer_int (w, word->syllables);
      candor_json_writer_key (w, "impact");
      candor_json_writer_double (w, impact->impact);
      candor_json_writer_end_object (w);
    }
  candor_json_writer_end_array (w);
  text = candor_text_analysis_explain_with (self, sentences, words, topic);
  candor_json_writer_key (w, "text");
  candor_json_writer_string (w, text);
  candor_json_writer_end_object (w);
  candor_json_writer_end_object (w);
}
