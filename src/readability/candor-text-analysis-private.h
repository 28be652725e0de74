/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-text-analysis-private.h: the analysis state shared with the rules (candor-rules.c). */
#pragma once

#include "candor-text-analysis.h"

G_BEGIN_DECLS

struct _CandorTextAnalysis
{
  GObject              parent_instance;

  char                *text;
  gsize                length;
  guint                n_chars;
  CandorTextKind       kind;
  CandorAnalysisFlags  flags;

  GArray              *words;      /* CandorWord */
  GArray              *sentences;  /* CandorSentence */
  char               **lower;      /* per word: lower case, ’ as ', no final "." */
  char                *lower_buf;  /* storage of @lower */
  guint32             *lex;        /* per word: CandorLexFlags (candor-lexicon.h) */
  GPtrArray           *findings;   /* CandorFinding, owned */

  CandorCounts         counts;
  double               metrics[CANDOR_N_METRICS];
  gboolean             has_metric[CANDOR_N_METRICS];
};

/* Adds a finding over words @first … @last (inclusive). Takes @quote (the text of the
 * span, or NULL to copy it here), @message and @suggestion. */
void candor_text_analysis_add_finding (CandorTextAnalysis *self,
                                       const char         *rule,
                                       guint               first,
                                       guint               last,
                                       char               *quote,
                                       char               *message,
                                       char               *suggestion,
                                       gboolean            replaceable);

/* Like candor_text_analysis_add_finding(), over a sentence. */
void candor_text_analysis_add_sentence_finding (CandorTextAnalysis *self,
                                                const char         *rule,
                                                guint               sentence,
                                                char               *message);

/* Whether word @i is an acronym buyers know ("USB"). */
gboolean candor_text_analysis_is_known_acronym (CandorTextAnalysis *self,
                                                guint               i);

/* candor-text-analysis-explain.c: the text of word @i (newly allocated), and
 * candor_text_analysis_explain() from the lists it is made of (for the JSON forms, so that a
 * large text's lists are made once). */
char *candor_text_analysis_word_text    (CandorTextAnalysis *self,
                                         guint               i);
char *candor_text_analysis_explain_with (CandorTextAnalysis *self,
                                         GArray             *sentences,
                                         GArray             *words,
                                         GPtrArray          *topic);

/* candor-rules.c: runs every rule, adding findings. */
void candor_rules_run (CandorTextAnalysis *self);

G_END_DECLS
