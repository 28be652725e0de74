/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-text-analysis.h: readability analysis of one label or web text. */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

#include "candor-element-id.h"
#include "candor-finding.h"
#include "candor-json-writer.h"
#include "candor-metrics.h"
#include "candor-tokenizer.h"

G_BEGIN_DECLS

#define CANDOR_TYPE_TEXT_ANALYSIS (candor_text_analysis_get_type ())
G_DECLARE_FINAL_TYPE (CandorTextAnalysis, candor_text_analysis, CANDOR, TEXT_ANALYSIS, GObject)

/**
 * CandorAnalysisFlags:
 * @CANDOR_ANALYSIS_NONE: analyse the text as finished
 * @CANDOR_ANALYSIS_IN_PROGRESS: the user is typing at the end of the text: the
 *   last sentence, if it has no final punctuation yet, gets no "long sentence"
 *   finding, and the word being typed (no space after it yet) gets no finding
 */
typedef enum
{
  CANDOR_ANALYSIS_NONE        = 0,
  CANDOR_ANALYSIS_IN_PROGRESS = 1 << 0,
} CandorAnalysisFlags;

/* Sentence length limits (words) per text kind: DESIGN §4. */
#define CANDOR_LABEL_LONG_SENTENCE      12
#define CANDOR_LABEL_VERY_LONG_SENTENCE 20
#define CANDOR_WEB_LONG_SENTENCE        20
#define CANDOR_WEB_VERY_LONG_SENTENCE   30
/* The grade a disclosure should not exceed. */
#define CANDOR_TARGET_GRADE             8.0
/* A text of fewer words gets no grade (the badge says so in words) but a check of each
 * sentence instead (rule "hard-words"): on 10 words, one five-syllable word moves the
 * Flesch–Kincaid grade by 4.7; on 30 words, by 1.6 (POLICY.md). */
#define CANDOR_GRADE_MIN_WORDS          30
/* Sentence check of short texts: at least this many long, uncommon words … */
#define CANDOR_HARD_WORDS_MIN           3
/* … making up at least this share of the sentence's words (percent). */
#define CANDOR_HARD_WORDS_PERCENT       20

/* An item of the score explanation: a sentence or word index and by how much the
 * Flesch–Kincaid grade would fall without it (see candor_text_analysis_explain_sentences()). */
typedef struct
{
  guint  index;
  double impact;
} CandorImpact;

CandorTextAnalysis *candor_text_analysis_new (const char           *text,
                                              gssize                length,
                                              CandorTextKind        kind,
                                              CandorAnalysisFlags   flags,
                                              GError              **error);

const char           *candor_text_analysis_get_text          (CandorTextAnalysis *self);
CandorTextKind        candor_text_analysis_get_kind          (CandorTextAnalysis *self);

const CandorCounts   *candor_text_analysis_get_counts        (CandorTextAnalysis *self);
const CandorSentence *candor_text_analysis_get_sentences     (CandorTextAnalysis *self,
                                                              guint              *n_sentences);
const CandorWord     *candor_text_analysis_get_words         (CandorTextAnalysis *self,
                                                              guint              *n_words);
gboolean              candor_text_analysis_get_metric        (CandorTextAnalysis *self,
                                                              CandorMetric        metric,
                                                              double             *out_value);
GPtrArray            *candor_text_analysis_get_findings      (CandorTextAnalysis *self);

gboolean              candor_text_analysis_get_grade         (CandorTextAnalysis *self,
                                                              double             *out_grade);
const char           *candor_text_analysis_get_verdict       (CandorTextAnalysis *self);

GArray               *candor_text_analysis_explain_sentences (CandorTextAnalysis *self);
GArray               *candor_text_analysis_explain_words     (CandorTextAnalysis *self);
GPtrArray            *candor_text_analysis_get_topic_words   (CandorTextAnalysis *self);
char                 *candor_text_analysis_explain           (CandorTextAnalysis *self);

gboolean              candor_text_analysis_is_graded         (CandorTextAnalysis *self);
JsonObject           *candor_text_analysis_to_json           (CandorTextAnalysis *self);
/* The same object, streamed (no tree): for large texts (`candor-cli readability --json`). */
void                  candor_text_analysis_write_json        (CandorTextAnalysis *self,
                                                              CandorJsonWriter   *writer);

G_END_DECLS
