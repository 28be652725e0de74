/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-rules.c: the inline checks — long sentences, passive voice, jargon, wordy, vague, … */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "candor-lexicon.h"
#include "candor-readability-data.h"
#include "candor-text-analysis-private.h"

/* How far apart (in words) two negatives still make a double negative. */
#define NEGATIVE_WINDOW 4
/* Adverbs allowed between "is" and its participle ("is automatically sent"). */
#define PASSIVE_GAP 2

static inline const CandorWord *
word_at (CandorTextAnalysis *self, guint i)
{
  return &g_array_index (self->words, CandorWord, i);
}

/* Index just past the last word of the sentence holding word @i. */
static guint
sentence_end_word (CandorTextAnalysis *self, guint i)
{
  const CandorSentence *s = &g_array_index (self->sentences, CandorSentence, word_at (self, i)->sentence);

  return s->first_word + s->n_words;
}

static void
check_sentence_length (CandorTextAnalysis *self)
{
  guint long_limit = self->kind == CANDOR_TEXT_LABEL ? CANDOR_LABEL_LONG_SENTENCE : CANDOR_WEB_LONG_SENTENCE;
  guint very_limit = self->kind == CANDOR_TEXT_LABEL ? CANDOR_LABEL_VERY_LONG_SENTENCE : CANDOR_WEB_VERY_LONG_SENTENCE;

  for (guint i = 0; i < self->sentences->len; i++)
    {
      const CandorSentence *s = &g_array_index (self->sentences, CandorSentence, i);
      gboolean very = s->n_words > very_limit;

      if (s->n_words <= long_limit)
        continue;
      /* The sentence being typed at the end is not too long yet. */
      if ((self->flags & CANDOR_ANALYSIS_IN_PROGRESS) && i + 1 == self->sentences->len && !s->finished)
        continue;
      candor_text_analysis_add_sentence_finding (
          self, very ? CANDOR_RULE_VERY_LONG_SENTENCE : CANDOR_RULE_LONG_SENTENCE, i,
          self->kind == CANDOR_TEXT_LABEL
          ? g_strdup_printf (very ? _("This sentence has %u words; on the label, keep sentences to %u words. Split it.")
                                  : _("This sentence has %u words; on the label, keep sentences to %u words."),
                             s->n_words, long_limit)
          : g_strdup_printf (very ? _("This sentence has %u words; on the web page, keep sentences to %u words. Split it.")
                                  : _("This sentence has %u words; on the web page, keep sentences to %u words."),
                             s->n_words, long_limit));
    }
}

/* Texts too short for a grade: a sentence crowded with long, uncommon words (three or more
 * syllables, not on the familiar list, not a topic word, name or number). */
static void
check_hard_words (CandorTextAnalysis *self)
{
  if (self->counts.words >= CANDOR_GRADE_MIN_WORDS)
    return;
  for (guint i = 0; i < self->sentences->len; i++)
    {
      const CandorSentence *s = &g_array_index (self->sentences, CandorSentence, i);
      g_autoptr(GString) list = NULL;
      guint hard = 0;

      for (guint k = s->first_word; k < s->first_word + s->n_words; k++)
        {
          const CandorWord *w = word_at (self, k);
          if ((w->flags & CANDOR_WORD_FLAG_COMPLEX) && !(w->flags & CANDOR_WORD_FLAG_FAMILIAR)
              && w->kind == CANDOR_WORD_PLAIN)
            {
              if (list == NULL)
                list = g_string_new (NULL);
              else
                g_string_append (list, ", ");
              /* Translators: one word in a list of hard words: “ascertain” */
              g_string_append_printf (list, _("“%.*s”"), (int) (w->byte_end - w->byte_start),
                                      self->text + w->byte_start);
              hard++;
            }
        }
      if (hard < CANDOR_HARD_WORDS_MIN || hard * 100 < CANDOR_HARD_WORDS_PERCENT * s->n_words)
        continue;
      candor_text_analysis_add_sentence_finding (
          self, CANDOR_RULE_HARD_WORDS, i,
          g_strdup_printf (_("This sentence has %u long, uncommon words (%s). Buyers read short, everyday words faster: use them where you can."),
                           hard, list->str));
    }
}

/* Keeps the case of the text it replaces: "Firmware" → "Device software". */
static char *
match_case (const char *suggestion, CandorTextAnalysis *self, guint first)
{
  const CandorWord *w = word_at (self, first);

  if (suggestion == NULL)
    return NULL;
  if ((w->flags & CANDOR_WORD_FLAG_CAPITALISED) && !(w->flags & CANDOR_WORD_FLAG_ALL_CAPS) && suggestion[0] != '\0')
    {
      gunichar c = g_utf8_get_char (suggestion);
      char buf[8];
      int len = g_unichar_to_utf8 (g_unichar_toupper (c), buf);
      return g_strdup_printf ("%.*s%s", len, buf, g_utf8_next_char (suggestion));
    }
  return g_strdup (suggestion);
}

typedef enum { PHRASE_JARGON, PHRASE_WORDY, PHRASE_VAGUE, PHRASE_HEDGE, N_PHRASE_RULES } PhraseRule;

/* @messages: the message already made for a quote (the same words always match the same
 * phrase, so they get the same message): a large text repeats its phrases, and formatting
 * each message anew was a fifth of the rules' time. */
static void
add_phrase_finding (CandorTextAnalysis *self, PhraseRule rule, const CandorPhrase *phrase, guint i,
                    GHashTable *messages)
{
  const CandorWord *w = word_at (self, i);
  guint last = i + phrase->n_words - 1;
  char *quote = g_strndup (self->text + w->byte_start, word_at (self, last)->byte_end - w->byte_start);
  char *suggestion = match_case (phrase->suggestion, self, i);
  char *message = NULL;
  const char *rule_id = NULL;
  const char *cached = g_hash_table_lookup (messages, quote);
  gboolean replaceable = FALSE;

  if (cached != NULL)
    message = g_strdup (cached);

  switch (rule)
    {
    case PHRASE_JARGON:
      rule_id = CANDOR_RULE_JARGON;
      if (message == NULL)
        message = g_strdup_printf (_("“%s” is technical; many buyers will not know it."), quote);
      replaceable = TRUE;
      break;
    case PHRASE_WORDY:
      rule_id = CANDOR_RULE_WORDY_PHRASE;
      if (suggestion == NULL)
        {
          if (message == NULL)
            message = g_strdup_printf (_("“%s” adds words without adding meaning; you can usually leave it out."), quote);
          suggestion = g_strdup ("");
        }
      else if (message != NULL)
        ;
      else if (phrase->n_words == 1)
        message = g_strdup_printf (_("“%s” is a formal word; “%s” says the same plainly."), quote, suggestion);
      else
        message = g_strdup_printf (_("“%s” says in many words what “%s” says in few."), quote, suggestion);
      replaceable = TRUE;
      break;
    case PHRASE_VAGUE:
      rule_id = CANDOR_RULE_VAGUE_WORD;
      if (message == NULL)
        message = g_strdup_printf (_("“%s” is vague; buyers need a date, a time or a number."), quote);
      break;
    case PHRASE_HEDGE:
    case N_PHRASE_RULES:
    default:
      rule_id = CANDOR_RULE_HEDGE;
      if (message == NULL)
        message = g_strdup_printf (_("“%s” makes the promise sound uncertain; if it is certain, say so plainly."), quote);
      break;
    }
  if (cached == NULL)
    g_hash_table_insert (messages, g_strdup (quote), g_strdup (message));
  candor_text_analysis_add_finding (self, rule_id, i, last, quote, message, suggestion, replaceable);
}

/* One pass over the words for the four phrase tables; within a table, matches do
 * not overlap (the longest phrase at the first word wins). */
static void
check_phrases (CandorTextAnalysis *self)
{
  const CandorReadabilityData *data = candor_readability_data_get ();
  const CandorPhraseTable *tables[N_PHRASE_RULES] = { &data->jargon, &data->wordy, &data->vague, &data->hedges };
  static const guint32 starts[N_PHRASE_RULES] = { CANDOR_LEX_STARTS_JARGON, CANDOR_LEX_STARTS_WORDY,
                                                  CANDOR_LEX_STARTS_VAGUE, CANDOR_LEX_STARTS_HEDGE };
  guint next_free[N_PHRASE_RULES] = { 0 };
  GHashTable *messages[N_PHRASE_RULES];

  for (guint t = 0; t < N_PHRASE_RULES; t++)
    messages[t] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint i = 0; i < self->words->len; i++)
    {
      guint end;

      /* lex[] is 0 for numbers, dates, URLs and e-mail addresses */
      if (!(self->lex[i] & CANDOR_LEX_PHRASE_START))
        continue;
      end = sentence_end_word (self, i);
      for (guint t = 0; t < N_PHRASE_RULES; t++)
        {
          const CandorPhrase *phrase;

          /* no entry of this table starts with the word */
          if (i < next_free[t] || !(self->lex[i] & starts[t]))
            continue;
          /* "you may cancel" grants permission; it is not a hedge */
          if (t == PHRASE_HEDGE && i > 0 && strcmp (self->lower[i], "may") == 0
              && strcmp (self->lower[i - 1], "you") == 0)
            continue;
          phrase = candor_phrase_table_match (tables[t], (const char * const *) self->lower + i, end - i);
          if (phrase == NULL)
            continue;
          add_phrase_finding (self, t, phrase, i, messages[t]);
          next_free[t] = i + phrase->n_words;
        }
    }
  for (guint t = 0; t < N_PHRASE_RULES; t++)
    g_hash_table_unref (messages[t]);
}

static void
check_passive (CandorTextAnalysis *self)
{
  const guint32 *lex = self->lex;

  for (guint i = 0; i < self->words->len; i++)
    {
      guint end, j;

      if (!(lex[i] & CANDOR_LEX_BE_VERB))
        continue;
      end = sentence_end_word (self, i);
      j = i + 1;
      while (j < end && j <= i + PASSIVE_GAP && (lex[j] & CANDOR_LEX_GAP_ADVERB) && !(lex[j] & CANDOR_LEX_PARTICIPLE))
        j++;
      if (j >= end || !(lex[j] & CANDOR_LEX_PARTICIPLE))
        continue;
      /* "is connected", "are supported": states, not actions — unless an agent follows. */
      if ((lex[j] & CANDOR_LEX_ADJECTIVAL) && !(j + 1 < end && strcmp (self->lower[j + 1], "by") == 0))
        continue;
      candor_text_analysis_add_finding (
          self, CANDOR_RULE_PASSIVE_VOICE, i, j, NULL,
          g_strdup (_("Passive voice hides who does what. Say who acts: “We send updates”, not “Updates are sent”.")),
          NULL, FALSE);
      i = j;
    }
}

/* "unlikely" → "likely", "impossible" → "possible"; NULL if unsure. */
static char *
positive_form (const char *w)
{
  static const char *const prefixes[] = { "un", "in", "im", "il", "ir", "dis" };

  for (gsize k = 0; k < G_N_ELEMENTS (prefixes); k++)
    if (g_str_has_prefix (w, prefixes[k]) && strlen (w) > strlen (prefixes[k]) + 3)
      return g_strdup (w + strlen (prefixes[k]));
  return NULL;
}

static void
check_double_negatives (CandorTextAnalysis *self)
{

  for (guint i = 0; i < self->words->len; i++)
    {
      guint end;

      if (!(self->lex[i] & CANDOR_LEX_NEGATOR))
        continue;
      end = MIN (sentence_end_word (self, i), i + 1 + NEGATIVE_WINDOW);
      for (guint j = i + 1; j < end; j++)
        {
          const char *w = self->lower[j];
          gboolean negated = (self->lex[j] & CANDOR_LEX_NEGATED) != 0;
          char *suggestion = NULL;

          /* "neither … nor", "not … nor" are grammar, not double negatives. */
          if (strcmp (w, "nor") == 0)
            break;
          if (!negated && !(self->lex[j] & CANDOR_LEX_NEGATOR))
            continue;
          if (negated && j == i + 1 && (strcmp (self->lower[i], "not") == 0))
            suggestion = positive_form (w);
          candor_text_analysis_add_finding (
              self, CANDOR_RULE_DOUBLE_NEGATIVE, i, j, NULL,
              g_strdup (_("Two negatives make the reader work out the meaning. Say it positively.")),
              suggestion, suggestion != NULL);
          i = j;
          break;
        }
    }
}

static gboolean
is_shouting_candidate (CandorTextAnalysis *self, guint i)
{
  const CandorWord *w = word_at (self, i);

  return w->kind == CANDOR_WORD_PLAIN && (w->flags & CANDOR_WORD_FLAG_ALL_CAPS);
}

static gboolean is_defined_abbreviation (CandorTextAnalysis *self, GHashTable *defined, const char *abbreviation);

static void
check_all_caps (CandorTextAnalysis *self, gboolean *in_run, GHashTable *defined)
{
  guint i = 0;

  while (i < self->words->len)
    {
      guint j = i, end, shouting_words = 0, longest = 0;
      gboolean plain_word = FALSE;

      if (!is_shouting_candidate (self, i))
        {
          i++;
          continue;
        }
      end = sentence_end_word (self, i);
      while (j < end && is_shouting_candidate (self, j))
        {
          if (!candor_text_analysis_is_known_acronym (self, j))
            {
              shouting_words++;
              longest = MAX (longest, word_at (self, j)->characters);
              /* "FREE", "NOT": ordinary words in capitals, not abbreviations */
              plain_word |= (self->lex[j] & CANDOR_LEX_FAMILIAR) != 0;
            }
          j++;
        }
      /* Two capitalised words in a row, one long one ("WARNING") or an ordinary
       * word ("FREE") shout; another short one alone is an abbreviation. Short
       * capitalised words followed by a number name a standard or a model
       * ("ETSI EN 303 645", "IEC TS 62443"): that is a designation, not shouting. */
      if (!plain_word && longest <= 4 && j < end && word_at (self, j)->kind == CANDOR_WORD_NUMBER)
        {
          /* Only the issuer ("ETSI") needs defining; "EN", "IR" are part of the number. */
          for (guint k = i + 1; k < j; k++)
            in_run[k] = TRUE;
          i = j;
          continue;
        }
      /* One word defined in brackets, "SUIT (Software Updates for …)", is a name. */
      if (j == i + 1 && shouting_words == 1)
        {
          const CandorWord *only = word_at (self, i);
          g_autofree char *name = g_strndup (self->text + only->byte_start, only->byte_end - only->byte_start);

          if (is_defined_abbreviation (self, defined, name))
            {
              i = j;
              continue;
            }
        }
      if (shouting_words >= 2 || longest >= 5 || plain_word)
        {
          const CandorWord *a = word_at (self, i), *b = word_at (self, j - 1);
          g_autofree char *quote = g_strndup (self->text + a->byte_start, b->byte_end - a->byte_start);
          char *suggestion = g_utf8_strdown (quote, -1);

          if (a->flags & CANDOR_WORD_FLAG_SENTENCE_START)
            {
              char buf[8];
              int len = g_unichar_to_utf8 (g_unichar_toupper (g_utf8_get_char (suggestion)), buf);
              char *capital = g_strdup_printf ("%.*s%s", len, buf, g_utf8_next_char (suggestion));
              g_free (suggestion);
              suggestion = capital;
            }
          candor_text_analysis_add_finding (
              self, CANDOR_RULE_ALL_CAPS, i, j - 1, NULL,
              g_strdup (_("Capital letters read as shouting and are harder to read. Use normal case.")),
              suggestion, TRUE);
          for (guint k = i; k < j; k++)
            in_run[k] = TRUE;
        }
      i = j;
    }
}

/* An abbreviation is defined where it stands in brackets after its long form,
 * "over the air (OTA)", or is followed by one, "OTA (over the air)". */
static gboolean
is_defined_abbreviation (CandorTextAnalysis *self, GHashTable *defined, const char *abbreviation)
{
  gsize len = strlen (abbreviation);
  const char *p = self->text;
  gpointer known;

  /* Each abbreviation is looked for in the whole text once: a long text naming the same one
   * thousands of times stays linear (it was quadratic, 100 s for 1 MB under AddressSanitizer). */
  if (g_hash_table_lookup_extended (defined, abbreviation, NULL, &known))
    return GPOINTER_TO_INT (known);
  g_hash_table_insert (defined, g_strdup (abbreviation), GINT_TO_POINTER (FALSE));

  while ((p = strstr (p, abbreviation)) != NULL)
    {
      const char *after = p + len;
      gboolean found = p > self->text && p[-1] == '(' && *after == ')';

      while (!found && *after == ' ')
        after++;
      found = found || (*after == '(' && (p == self->text || !g_ascii_isalnum (p[-1])));
      if (found)
        {
          g_hash_table_insert (defined, g_strdup (abbreviation), GINT_TO_POINTER (TRUE));
          return TRUE;
        }
      p = p + len;
    }
  return FALSE;
}

static void
check_abbreviations (CandorTextAnalysis *self, const gboolean *in_run, GHashTable *defined)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < self->words->len; i++)
    {
      const CandorWord *w = word_at (self, i);
      g_autofree char *text = NULL;

      if (in_run[i] || !is_shouting_candidate (self, i) || w->characters > 6
          || candor_text_analysis_is_known_acronym (self, i)
          || g_hash_table_contains (seen, self->lower[i]))
        continue;
      g_hash_table_add (seen, self->lower[i]);
      /* Jargon like "OTA" gets the jargon finding, with its plain alternative. */
      if (self->lex[i] & CANDOR_LEX_JARGON_WORD)
        continue;
      text = g_strndup (self->text + w->byte_start, w->byte_end - w->byte_start);
      if (is_defined_abbreviation (self, defined, text))
        continue;
      candor_text_analysis_add_finding (
          self, CANDOR_RULE_UNDEFINED_ABBREVIATION, i, i, NULL,
          g_strdup_printf (_("Buyers may not know “%s”. Write it out the first time, with the short form in brackets."), text),
          NULL, FALSE);
    }
}

void
candor_rules_run (CandorTextAnalysis *self)
{
  g_autofree gboolean *in_run = g_new0 (gboolean, self->words->len + 1);
  /* abbreviation -> whether the text defines it, "(SUIT)" or "SUIT (…)" */
  g_autoptr(GHashTable) defined = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  check_sentence_length (self);
  check_passive (self);
  check_phrases (self);
  check_hard_words (self);
  check_double_negatives (self);
  check_all_caps (self, in_run, defined);
  check_abbreviations (self, in_run, defined);
}
