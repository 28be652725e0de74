/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-metrics.h: the readability formulas, with their published constants. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * CandorMetric:
 * @CANDOR_METRIC_FLESCH_READING_EASE: 206.835 − 1.015·W/S − 84.6·Y/W (higher is easier)
 * @CANDOR_METRIC_FLESCH_KINCAID_GRADE: 0.39·W/S + 11.8·Y/W − 15.59
 * @CANDOR_METRIC_GUNNING_FOG: 0.4·(W/S + 100·C/W)
 * @CANDOR_METRIC_SMOG: 1.043·√(C·30/S) + 3.1291
 * @CANDOR_METRIC_COLEMAN_LIAU: 0.0588·L − 0.296·S100 − 15.8 (L letters and
 *   S100 sentences per 100 words)
 * @CANDOR_METRIC_ARI: 4.71·K/W + 0.5·W/S − 21.43 (automated readability index)
 * @CANDOR_METRIC_DALE_CHALL: 0.1579·D% + 0.0496·W/S, plus 3.6365 when D% > 5
 *   (new Dale–Chall score; D% = percentage of unfamiliar words)
 *
 * W words, S sentences, Y syllables, C complex words (three or more
 * syllables), K characters (letters and digits), D unfamiliar words.
 */
typedef enum
{
  CANDOR_METRIC_FLESCH_READING_EASE,
  CANDOR_METRIC_FLESCH_KINCAID_GRADE,
  CANDOR_METRIC_GUNNING_FOG,
  CANDOR_METRIC_SMOG,
  CANDOR_METRIC_COLEMAN_LIAU,
  CANDOR_METRIC_ARI,
  CANDOR_METRIC_DALE_CHALL,
  CANDOR_N_METRICS
} CandorMetric;

/**
 * CandorCounts:
 *
 * The counts the formulas use, as defined in POLICY.md.
 */
typedef struct
{
  guint sentences;
  guint words;
  guint syllables;
  guint complex_words;
  guint characters;
  guint unfamiliar_words;
} CandorCounts;

/* Fewer words than this and no formula means anything; fewer sentences than
 * CANDOR_SMOG_MIN_SENTENCES and SMOG does not either. */
#define CANDOR_METRIC_MIN_WORDS       10
#define CANDOR_SMOG_MIN_SENTENCES     3

/**
 * candor_metric_compute:
 * @metric: which formula
 * @counts: the counts of a text
 * @out_value: (out): the score
 *
 * Applies one formula. Returns %FALSE, leaving @out_value at 0, when the text
 * is too short for the formula to mean anything (see candor_metric_min_words()
 * and POLICY.md); show "too short" then, not a number.
 *
 * Returns: %TRUE if @out_value holds a score
 */
gboolean     candor_metric_compute      (CandorMetric        metric,
                                         const CandorCounts *counts,
                                         double             *out_value);

/* "flesch_reading_ease", … (the JSON keys of DESIGN §8). */
const char  *candor_metric_to_key       (CandorMetric metric);
/* Translated display name: "Flesch–Kincaid grade". */
const char  *candor_metric_get_name     (CandorMetric metric);

/* Dale–Chall score to the grade band of the 1995 table ("7–8"), translated. */
const char  *candor_dale_chall_grade_band (double score);

G_END_DECLS
