/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-text-analysis.c: readability analysis of one label or web text. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "candor-error.h"
#include "candor-lexicon.h"
#include "candor-readability-data.h"
#include "candor-syllables.h"
#include "candor-text-analysis-private.h"

G_DEFINE_FINAL_TYPE (CandorTextAnalysis, candor_text_analysis, G_TYPE_OBJECT)

/* Texts longer than this are refused: no disclosure comes close, and it bounds
 * the work done on one keystroke. */
#define MAX_TEXT_BYTES (16 * 1024 * 1024)

static void
finding_free (gpointer data)
{
  CandorFinding *finding = data;

  g_free (finding->quote);
  g_free (finding->message);
  g_free (finding->suggestion);
  g_free (finding);
}

static void
candor_text_analysis_finalize (GObject *object)
{
  CandorTextAnalysis *self = CANDOR_TEXT_ANALYSIS (object);

  g_free (self->text);
  g_clear_pointer (&self->words, g_array_unref);
  g_clear_pointer (&self->sentences, g_array_unref);
  g_free (self->lower);
  g_free (self->lower_buf);
  g_free (self->lex);
  g_clear_pointer (&self->findings, g_ptr_array_unref);

  G_OBJECT_CLASS (candor_text_analysis_parent_class)->finalize (object);
}

static void
candor_text_analysis_class_init (CandorTextAnalysisClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = candor_text_analysis_finalize;
}

static void
candor_text_analysis_init (CandorTextAnalysis *self)
{
  self->findings = g_ptr_array_new_with_free_func (finding_free);
}

/* One pass over the characters of every word: lower-cases it into one buffer (the rules
 * compare these), hashes the lower case for the lexicon (@hashes) and counts its letters and
 * capitals. */
static void
build_lower (CandorTextAnalysis *self, guint32 *hashes)
{
  /* Lower case is at most twice as long as the text (a character takes at most four bytes,
   * and only ASCII takes one), plus a NUL per word. Only what is written is touched. */
  gsize size = 2 * self->length + self->words->len + 1;
  char *buf = g_malloc (size);
  char *out = buf;
  CandorWord *words = (CandorWord *) self->words->data;

  self->lower = g_new (char *, self->words->len + 1);

  for (guint i = 0; i < self->words->len; i++)
    {
      CandorWord *word = &words[i];
      const char *p = self->text + word->byte_start;
      const char *end = self->text + word->byte_end;
      guint letters = 0, upper = 0, lowercase = 0;
      guint32 hash = CANDOR_LEXICON_HASH_INIT;
      char *lw = out;

      /* (a final "." is no letter, so the counts are those of the whole word) */
      if (word->kind == CANDOR_WORD_ABBREVIATION && end > p && end[-1] == '.')
        end--;
      self->lower[i] = out;
      if (p < end && ((guchar) *p < 0x80 ? g_ascii_isupper (*p) : g_unichar_isupper (g_utf8_get_char (p))))
        word->flags |= CANDOR_WORD_FLAG_CAPITALISED;
      while (p < end)
        {
          guchar c = *p;
          if (c < 0x80)
            {
              gboolean is_upper = c >= 'A' && c <= 'Z';
              gboolean is_lower = c >= 'a' && c <= 'z';
              letters += is_upper || is_lower || (c >= '0' && c <= '9');
              upper += is_upper;
              lowercase += is_lower;
              *out++ = is_upper ? c + ('a' - 'A') : c;
              p++;
            }
          else
            {
              gunichar u = g_utf8_get_char (p);
              letters += g_unichar_isalnum (u);
              upper += g_unichar_isupper (u);
              lowercase += g_unichar_islower (u);
              if (u == 0x2019 || u == 0x2018)
                *out++ = '\'';
              else if (u == 0x2010 || u == 0x2011)
                *out++ = '-';
              else
                out += g_unichar_to_utf8 (g_unichar_tolower (u), out);
              p = g_utf8_next_char (p);
            }
        }
      for (const char *q = lw; q < out; q++)
        hash = CANDOR_LEXICON_HASH_STEP (hash, *q);
      hashes[i] = hash;
      *out++ = '\0';
      /* the trailing "." of an abbreviation: not a letter, as above */
      word->characters = letters;
      if (upper >= 2 && lowercase == 0)
        word->flags |= CANDOR_WORD_FLAG_ALL_CAPS;
    }
  g_assert ((gsize) (out - buf) <= size);

  self->lower_buf = buf;
  self->lower[self->words->len] = NULL;
}

static gboolean
neighbour_is_number (CandorTextAnalysis *self, guint i)
{
  const CandorWord *words = (const CandorWord *) self->words->data;
  guint s = words[i].sentence;

  return (i > 0 && words[i - 1].sentence == s && words[i - 1].kind == CANDOR_WORD_NUMBER)
         || (i + 1 < self->words->len && words[i + 1].sentence == s && words[i + 1].kind == CANDOR_WORD_NUMBER);
}

gboolean
candor_text_analysis_is_known_acronym (CandorTextAnalysis *self, guint i)
{
  const CandorWord *w = &g_array_index (self->words, CandorWord, i);
  char buf[16];
  gsize len = w->byte_end - w->byte_start;

  if (len >= sizeof buf)
    return FALSE;
  memcpy (buf, self->text + w->byte_start, len);
  buf[len] = '\0';
  return g_hash_table_contains (candor_readability_data_get ()->acronyms, buf);
}

static void
classify_words (CandorTextAnalysis *self, const guint32 *hashes)
{
  CandorWord *words = (CandorWord *) self->words->data;
  const CandorSentence *sentences = (const CandorSentence *) self->sentences->data;

  self->lex = g_new0 (guint32, self->words->len + 1);
  for (guint i = 0; i < self->words->len; i++)
    {
      CandorWord *w = &words[i];
      const char *lw = self->lower[i];
      CandorLexEntry entry;

      if (sentences[w->sentence].first_word == i)
        w->flags |= CANDOR_WORD_FLAG_SENTENCE_START;

      if (w->kind != CANDOR_WORD_PLAIN && w->kind != CANDOR_WORD_ABBREVIATION)
        {
          w->syllables = w->spoken_syllables = 1;
          w->flags |= CANDOR_WORD_FLAG_FAMILIAR;
          continue;
        }

      entry = candor_lexicon_lookup_hashed (lw, self->lower[i + 1] != NULL ? (gsize) (self->lower[i + 1] - lw - 1) : strlen (lw),
                                            hashes[i]);
      /* "No. 5" is not a negation: an abbreviation only starts phrases ("etc.") */
      self->lex[i] = w->kind == CANDOR_WORD_ABBREVIATION ? (entry.flags & CANDOR_LEX_PHRASE_BITS) : entry.flags;

      /* Month names are date parts; "May" and "March" only next to a number. */
      if ((entry.flags & CANDOR_LEX_MONTH)
          && ((strcmp (lw, "may") != 0 && strcmp (lw, "march") != 0 && strcmp (lw, "mar") != 0)
              || ((w->flags & CANDOR_WORD_FLAG_CAPITALISED) && neighbour_is_number (self, i))))
        w->kind = CANDOR_WORD_DATE_PART;

      if (w->kind != CANDOR_WORD_PLAIN)
        {
          w->syllables = w->spoken_syllables = 1;
          w->flags |= CANDOR_WORD_FLAG_FAMILIAR;
          /* the rules look at lex[] alone: a date is not a hedge ("May"), nor … */
          if (w->kind == CANDOR_WORD_DATE_PART)
            self->lex[i] = 0;
          continue;
        }

      w->spoken_syllables = entry.syllables;
      if (entry.flags & CANDOR_LEX_TOPIC)
        {
          w->flags |= CANDOR_WORD_FLAG_TOPIC | CANDOR_WORD_FLAG_FAMILIAR;
          w->syllables = 1;
          continue;
        }
      w->syllables = w->spoken_syllables;
      if (w->syllables >= 3)
        w->flags |= CANDOR_WORD_FLAG_COMPLEX;
      if ((entry.flags & CANDOR_LEX_FAMILIAR)
          || ((w->flags & CANDOR_WORD_FLAG_CAPITALISED) && !(w->flags & CANDOR_WORD_FLAG_SENTENCE_START)
              && !(w->flags & CANDOR_WORD_FLAG_ALL_CAPS))
          || ((w->flags & CANDOR_WORD_FLAG_ALL_CAPS) && candor_text_analysis_is_known_acronym (self, i)))
        w->flags |= CANDOR_WORD_FLAG_FAMILIAR;
    }
}

static void
count_all (CandorTextAnalysis *self)
{
  const CandorWord *words = (const CandorWord *) self->words->data;
  CandorSentence *sentences = (CandorSentence *) self->sentences->data;

  memset (&self->counts, 0, sizeof self->counts);
  self->counts.sentences = self->sentences->len;
  self->counts.words = self->words->len;
  for (guint i = 0; i < self->words->len; i++)
    {
      self->counts.syllables += words[i].syllables;
      self->counts.characters += words[i].characters;
      if (words[i].flags & CANDOR_WORD_FLAG_COMPLEX)
        self->counts.complex_words++;
      if (!(words[i].flags & CANDOR_WORD_FLAG_FAMILIAR))
        self->counts.unfamiliar_words++;
      sentences[words[i].sentence].syllables += words[i].syllables;
    }
  for (guint m = 0; m < CANDOR_N_METRICS; m++)
    self->has_metric[m] = candor_metric_compute (m, &self->counts, &self->metrics[m]);
}

void
candor_text_analysis_add_finding (CandorTextAnalysis *self,
                                  const char         *rule,
                                  guint               first,
                                  guint               last,
                                  char               *quote,
                                  char               *message,
                                  char               *suggestion,
                                  gboolean            replaceable)
{
  const CandorWord *a = &g_array_index (self->words, CandorWord, first);
  const CandorWord *b = &g_array_index (self->words, CandorWord, last);
  CandorFinding *finding = g_new0 (CandorFinding, 1);

  finding->rule = rule;
  finding->start = a->start;
  finding->end = b->end;
  finding->byte_start = a->byte_start;
  finding->byte_end = b->byte_end;
  finding->quote = quote != NULL ? quote : g_strndup (self->text + a->byte_start, b->byte_end - a->byte_start);
  finding->message = message;
  finding->suggestion = suggestion;
  finding->replaceable = replaceable && suggestion != NULL;
  g_ptr_array_add (self->findings, finding);
}

void
candor_text_analysis_add_sentence_finding (CandorTextAnalysis *self,
                                           const char         *rule,
                                           guint               sentence,
                                           char               *message)
{
  const CandorSentence *s = &g_array_index (self->sentences, CandorSentence, sentence);
  CandorFinding *finding = g_new0 (CandorFinding, 1);

  finding->rule = rule;
  finding->start = s->start;
  finding->end = s->end;
  finding->byte_start = s->byte_start;
  finding->byte_end = s->byte_end;
  finding->quote = g_strndup (self->text + s->byte_start, s->byte_end - s->byte_start);
  finding->message = message;
  g_ptr_array_add (self->findings, finding);
}

static int
compare_findings (gconstpointer a, gconstpointer b)
{
  const CandorFinding *fa = *(const CandorFinding * const *) a;
  const CandorFinding *fb = *(const CandorFinding * const *) b;

  if (fa->start != fb->start)
    return fa->start < fb->start ? -1 : 1;
  if (fa->end != fb->end)
    return fa->end > fb->end ? -1 : 1;
  return strcmp (fa->rule, fb->rule);
}

/* While the user types at the end, the word under the caret is unfinished:
 * "OT" on the way to "OTA" must not flash a finding. */
static void
drop_unfinished_word_findings (CandorTextAnalysis *self)
{
  const CandorWord *last;

  if (!(self->flags & CANDOR_ANALYSIS_IN_PROGRESS) || self->words->len == 0)
    return;
  last = &g_array_index (self->words, CandorWord, self->words->len - 1);
  if (last->end != self->n_chars)
    return;
  for (guint i = self->findings->len; i > 0; i--)
    {
      const CandorFinding *finding = g_ptr_array_index (self->findings, i - 1);
      if (finding->end > last->start && strcmp (finding->rule, CANDOR_RULE_LONG_SENTENCE) != 0
          && strcmp (finding->rule, CANDOR_RULE_VERY_LONG_SENTENCE) != 0)
        g_ptr_array_remove_index (self->findings, i - 1);
    }
}

/**
 * candor_text_analysis_new:
 * @text: the text, UTF-8
 * @length: length of @text in bytes, or -1 if nul-terminated
 * @kind: label or web text: sets the sentence-length limits
 * @flags: #CandorAnalysisFlags; pass %CANDOR_ANALYSIS_IN_PROGRESS while the
 *   caret is at the end of the text and the user is typing
 * @error: return location for a #CANDOR_ERROR_INVALID (not UTF-8, with the
 *   byte offset of the first bad byte) or #CANDOR_ERROR_TOO_LARGE error
 *
 * Analyses @text: sentences, words, counts, metrics, findings. Every offset in
 * the result is in Unicode characters (code points) from the start of @text,
 * not bytes — what #GtkTextIter offsets use; byte offsets are given alongside.
 * Fast enough to call on every keystroke (word lists load once per process).
 *
 * Returns: (transfer full) (nullable): the analysis, or %NULL with @error set
 */
CandorTextAnalysis *
candor_text_analysis_new (const char           *text,
                          gssize                length,
                          CandorTextKind        kind,
                          CandorAnalysisFlags   flags,
                          GError              **error)
{
  g_autoptr(CandorTextAnalysis) self = NULL;
  const char *bad = NULL;

  g_return_val_if_fail (text != NULL || length == 0, NULL);
  g_return_val_if_fail (kind < CANDOR_N_TEXT_KINDS, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (text == NULL)
    text = "";
  if (length < 0)
    length = strlen (text);
  if ((gsize) length > MAX_TEXT_BYTES)
    {
      g_set_error (error, CANDOR_ERROR, CANDOR_ERROR_TOO_LARGE,
                   _("The text is too long to analyse (%" G_GSSIZE_FORMAT " bytes; the limit is %d)."),
                   length, MAX_TEXT_BYTES);
      return NULL;
    }
  if (!candor_utf8_validate (text, length, &bad))
    {
      g_set_error (error, CANDOR_ERROR, CANDOR_ERROR_INVALID,
                   _("The text is not valid UTF-8: bad byte at offset %" G_GSIZE_FORMAT "."),
                   (gsize) (bad - text));
      return NULL;
    }

  self = g_object_new (CANDOR_TYPE_TEXT_ANALYSIS, NULL);
  /* (validated: no NUL inside, so a copy of @length bytes is what g_strndup() gives) */
  self->text = g_malloc (length + 1);
  memcpy (self->text, text, length);
  self->text[length] = '\0';
  self->length = length;
  self->kind = kind;
  self->flags = flags;

  /* English averages about six bytes per word: reserving that saves regrowing. */
  self->words = g_array_sized_new (FALSE, FALSE, sizeof (CandorWord), length / 5 + 8);
  candor_readability_advise_huge (self->words->data, (length / 5 + 8) * sizeof (CandorWord));
  self->sentences = g_array_sized_new (FALSE, FALSE, sizeof (CandorSentence), length / 60 + 4);
  self->n_chars = candor_tokenize (self->text, self->length, self->words, self->sentences);
  {
    g_autofree guint32 *hashes = g_new (guint32, self->words->len + 1);
    build_lower (self, hashes);
    classify_words (self, hashes);
  }
  count_all (self);
  candor_rules_run (self);
  drop_unfinished_word_findings (self);
  g_ptr_array_sort (self->findings, compare_findings);

  return g_steal_pointer (&self);
}

/**
 * candor_text_analysis_get_text:
 * Returns: (transfer none): the analysed text
 */
const char *
candor_text_analysis_get_text (CandorTextAnalysis *self)
{
  g_return_val_if_fail (CANDOR_IS_TEXT_ANALYSIS (self), NULL);
  return self->text;
}

/**
 * candor_text_analysis_get_kind:
 * Returns: the text kind the analysis was made for
 */
CandorTextKind
candor_text_analysis_get_kind (CandorTextAnalysis *self)
{
  g_return_val_if_fail (CANDOR_IS_TEXT_ANALYSIS (self), CANDOR_TEXT_LABEL);
  return self->kind;
}

/**
 * candor_text_analysis_get_counts:
 * Returns: (transfer none): sentences, words, syllables … as POLICY.md counts them
 */
const CandorCounts *
candor_text_analysis_get_counts (CandorTextAnalysis *self)
{
  g_return_val_if_fail (CANDOR_IS_TEXT_ANALYSIS (self), NULL);
  return &self->counts;
}

/**
 * candor_text_analysis_get_sentences:
 * @n_sentences: (out): the number of sentences
 * Returns: (transfer none) (array length=n_sentences): the sentences (units), in order
 */
const CandorSentence *
candor_text_analysis_get_sentences (CandorTextAnalysis *self, guint *n_sentences)
{
  g_return_val_if_fail (CANDOR_IS_TEXT_ANALYSIS (self), NULL);
  g_return_val_if_fail (n_sentences != NULL, NULL);
  *n_sentences = self->sentences->len;
  return (const CandorSentence *) self->sentences->data;
}

/**
 * candor_text_analysis_get_words:
 * @n_words: (out): the number of words
 * Returns: (transfer none) (array length=n_words): the words, in order
 */
const CandorWord *
candor_text_analysis_get_words (CandorTextAnalysis *self, guint *n_words)
{
  g_return_val_if_fail (CANDOR_IS_TEXT_ANALYSIS (self), NULL);
  g_return_val_if_fail (n_words != NULL, NULL);
  *n_words = self->words->len;
  return (const CandorWord *) self->words->data;
}

/**
 * candor_text_analysis_get_metric:
 * @metric: the formula
 * @out_value: (out): the score
 *
 * Returns: %FALSE if the text is too short for @metric ("too short" instead of a number)
 */
gboolean
candor_text_analysis_get_metric (CandorTextAnalysis *self, CandorMetric metric, double *out_value)
{
  g_return_val_if_fail (CANDOR_IS_TEXT_ANALYSIS (self), FALSE);
  g_return_val_if_fail (metric < CANDOR_N_METRICS, FALSE);
  g_return_val_if_fail (out_value != NULL, FALSE);
  *out_value = self->metrics[metric];
  return self->has_metric[metric];
}

/**
 * candor_text_analysis_get_findings:
 *
 * The findings, sorted by position. Filter them with candor_dismissals_filter().
 *
 * Returns: (transfer none) (element-type CandorFinding): the findings
 */
GPtrArray *
candor_text_analysis_get_findings (CandorTextAnalysis *self)
{
  g_return_val_if_fail (CANDOR_IS_TEXT_ANALYSIS (self), NULL);
  return self->findings;
}

/**
 * candor_text_analysis_is_graded:
 *
 * Whether the text is long enough for a grade: #CANDOR_GRADE_MIN_WORDS words. Shorter
 * texts get no grade (the verdict says so in words) and a check of each sentence instead.
 * The formulas themselves (candor_text_analysis_get_metric()) need only
 * #CANDOR_METRIC_MIN_WORDS.
 */
gboolean
candor_text_analysis_is_graded (CandorTextAnalysis *self)
{
  g_return_val_if_fail (CANDOR_IS_TEXT_ANALYSIS (self), FALSE);
  return self->counts.words >= CANDOR_GRADE_MIN_WORDS && self->has_metric[CANDOR_METRIC_FLESCH_KINCAID_GRADE];
}

/**
 * candor_text_analysis_get_grade:
 * @out_grade: (out): the Flesch–Kincaid grade
 *
 * The grade shown on the score badge, for texts of at least #CANDOR_GRADE_MIN_WORDS words.
 *
 * Returns: %FALSE if the text is too short for a grade (@out_grade is then the formula's
 *   value, or 0)
 */
gboolean
candor_text_analysis_get_grade (CandorTextAnalysis *self, double *out_grade)
{
  candor_text_analysis_get_metric (self, CANDOR_METRIC_FLESCH_KINCAID_GRADE, out_grade);
  return candor_text_analysis_is_graded (self);
}

/**
 * candor_text_analysis_get_verdict:
 *
 * A plain verdict for the score badge, from the grade and the target
 * (#CANDOR_TARGET_GRADE).
 *
 * Returns: (transfer none): a translated phrase
 */
const char *
candor_text_analysis_get_verdict (CandorTextAnalysis *self)
{
  double grade;

  g_return_val_if_fail (CANDOR_IS_TEXT_ANALYSIS (self), NULL);
  if (self->words->len == 0)
    return _("No text yet");
  if (!candor_text_analysis_get_grade (self, &grade))
    return _("Too short for a grade; each sentence is checked");
  if (grade <= 6.0)
    return _("Easy to read");
  if (grade <= CANDOR_TARGET_GRADE)
    return _("Fairly easy to read");
  if (grade <= 10.0)
    return _("Fairly hard to read");
  return _("Hard to read");
}
