/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-readability-json.c: findings and analyses as json-glib trees (for the app and the
 * full command line). Kept apart from the streamed writer so that the light candor-cli, which
 * only streams, links neither json-glib nor GIO (build-aux/bench-readability.sh). */
#include "config.h"

#include "candor-text-analysis-private.h"

/**
 * candor_finding_to_json:
 *
 * Returns: (transfer full): the finding as a JSON object with snake_case keys
 */
JsonObject *
candor_finding_to_json (const CandorFinding *f)
{
  JsonObject *o = json_object_new ();

  g_return_val_if_fail (f != NULL, o);

  json_object_set_string_member (o, "rule", f->rule);
  json_object_set_int_member (o, "start", f->start);
  json_object_set_int_member (o, "end", f->end);
  json_object_set_string_member (o, "quote", f->quote);
  json_object_set_string_member (o, "message", f->message);
  if (f->suggestion != NULL)
    json_object_set_string_member (o, "suggestion", f->suggestion);
  else
    json_object_set_null_member (o, "suggestion");
  json_object_set_boolean_member (o, "replaceable", f->replaceable);
  return o;
}

/**
 * candor_text_analysis_to_json:
 *
 * The analysis with the keys of DESIGN §8 (`candor-cli readability --json`):
 * counts, one member per metric (a number, unrounded, or null when the text is
 * too short for it; the keys are also listed in "too_short"), "findings" (rule, start,
 * end in characters, quote, message, suggestion), "topic_words" and
 * "explanation".
 *
 * Returns: (transfer full): a new object
 */
JsonObject *
candor_text_analysis_to_json (CandorTextAnalysis *self)
{
  JsonObject *o;
  JsonArray *too_short, *findings, *topic_json, *impacts;
  JsonObject *explanation;
  g_autoptr(GPtrArray) topic = NULL;
  g_autoptr(GArray) sentences = NULL;
  g_autoptr(GArray) words = NULL;

  g_return_val_if_fail (CANDOR_IS_TEXT_ANALYSIS (self), NULL);

  o = json_object_new ();
  json_object_set_string_member (o, "kind", candor_text_kind_to_key (self->kind));
  json_object_set_int_member (o, "sentences", self->counts.sentences);
  json_object_set_int_member (o, "words", self->counts.words);
  json_object_set_int_member (o, "syllables", self->counts.syllables);
  json_object_set_int_member (o, "complex_words", self->counts.complex_words);
  json_object_set_int_member (o, "characters", self->counts.characters);
  json_object_set_int_member (o, "unfamiliar_words", self->counts.unfamiliar_words);

  too_short = json_array_new ();
  for (guint m = 0; m < CANDOR_N_METRICS; m++)
    {
      const char *key = candor_metric_to_key (m);
      if (self->has_metric[m])
        json_object_set_double_member (o, key, self->metrics[m]);
      else
        {
          json_object_set_null_member (o, key);
          json_array_add_string_element (too_short, key);
        }
    }
  json_object_set_array_member (o, "too_short", too_short);
  json_object_set_string_member (o, "verdict", candor_text_analysis_get_verdict (self));
  json_object_set_boolean_member (o, "graded", candor_text_analysis_is_graded (self));
  json_object_set_int_member (o, "grade_min_words", CANDOR_GRADE_MIN_WORDS);

  findings = json_array_new ();
  for (guint i = 0; i < self->findings->len; i++)
    {
      json_array_add_object_element (findings, candor_finding_to_json (g_ptr_array_index (self->findings, i)));
    }
  json_object_set_array_member (o, "findings", findings);

  topic = candor_text_analysis_get_topic_words (self);
  topic_json = json_array_new ();
  for (guint i = 0; i < topic->len; i++)
    json_array_add_string_element (topic_json, g_ptr_array_index (topic, i));
  json_object_set_array_member (o, "topic_words", topic_json);

  explanation = json_object_new ();
  sentences = candor_text_analysis_explain_sentences (self);
  impacts = json_array_new ();
  for (guint k = 0; k < sentences->len; k++)
    {
      const CandorImpact *impact = &g_array_index (sentences, CandorImpact, k);
      const CandorSentence *s = &g_array_index (self->sentences, CandorSentence, impact->index);
      JsonObject *io = json_object_new ();
      json_object_set_int_member (io, "sentence", impact->index);
      json_object_set_int_member (io, "start", s->start);
      json_object_set_int_member (io, "end", s->end);
      json_object_set_double_member (io, "impact", impact->impact);
      json_array_add_object_element (impacts, io);
    }
  json_object_set_array_member (explanation, "sentences", impacts);
  words = candor_text_analysis_explain_words (self);
  impacts = json_array_new ();
  for (guint k = 0; k < words->len; k++)
    {
      const CandorImpact *impact = &g_array_index (words, CandorImpact, k);
      const CandorWord *w = &g_array_index (self->words, CandorWord, impact->index);
      JsonObject *io = json_object_new ();
      g_autofree char *text = candor_text_analysis_word_text (self, impact->index);
      json_object_set_string_member (io, "word", text);
      json_object_set_int_member (io, "start", w->start);
      json_object_set_int_member (io, "end", w->end);
      json_object_set_int_member (io, "syllables", w->syllables);
      json_object_set_double_member (io, "impact", impact->impact);
      json_array_add_object_element (impacts, io);
    }
  json_object_set_array_member (explanation, "words", impacts);
  {
    g_autofree char *text = candor_text_analysis_explain_with (self, sentences, words, topic);
    json_object_set_string_member (explanation, "text", text);
  }
  json_object_set_object_member (o, "explanation", explanation);
  return o;
}

