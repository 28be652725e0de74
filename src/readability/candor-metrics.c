/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-metrics.c: the readability formulas, with their published constants. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "candor-metrics.h"

gboolean
candor_metric_compute (CandorMetric        metric,
                       const CandorCounts *counts,
                       double             *out_value)
{
  double w, s, wps;

  g_return_val_if_fail (counts != NULL, FALSE);
  g_return_val_if_fail (out_value != NULL, FALSE);
  g_return_val_if_fail (metric < CANDOR_N_METRICS, FALSE);

  *out_value = 0;
  if (counts->words < CANDOR_METRIC_MIN_WORDS || counts->sentences == 0)
    return FALSE;

  w = counts->words;
  s = counts->sentences;
  wps = w / s;
  switch (metric)
    {
    case CANDOR_METRIC_FLESCH_READING_EASE:
      *out_value = 206.835 - 1.015 * wps - 84.6 * (counts->syllables / w);
      break;
    case CANDOR_METRIC_FLESCH_KINCAID_GRADE:
      *out_value = 0.39 * wps + 11.8 * (counts->syllables / w) - 15.59;
      break;
    case CANDOR_METRIC_GUNNING_FOG:
      *out_value = 0.4 * (wps + 100.0 * (counts->complex_words / w));
      break;
    case CANDOR_METRIC_SMOG:
      if (counts->sentences < CANDOR_SMOG_MIN_SENTENCES)
        return FALSE;
      *out_value = 1.043 * sqrt (counts->complex_words * 30.0 / s) + 3.1291;
      break;
    case CANDOR_METRIC_COLEMAN_LIAU:
      *out_value = 0.0588 * (100.0 * counts->characters / w) - 0.296 * (100.0 * s / w) - 15.8;
      break;
    case CANDOR_METRIC_ARI:
      *out_value = 4.71 * (counts->characters / w) + 0.5 * wps - 21.43;
      break;
    case CANDOR_METRIC_DALE_CHALL:
      {
        double percent = 100.0 * counts->unfamiliar_words / w;
        *out_value = 0.1579 * percent + 0.0496 * wps + (percent > 5.0 ? 3.6365 : 0.0);
      }
      break;
    case CANDOR_N_METRICS:
    default:
      g_assert_not_reached ();
    }
  return TRUE;
}

const char *
candor_metric_to_key (CandorMetric metric)
{
  static const char *const keys[] = {
    "flesch_reading_ease", "flesch_kincaid_grade", "gunning_fog", "smog",
    "coleman_liau", "ari", "dale_chall",
  };

  g_return_val_if_fail (metric < CANDOR_N_METRICS, NULL);
  return keys[metric];
}

const char *
candor_metric_get_name (CandorMetric metric)
{
  g_return_val_if_fail (metric < CANDOR_N_METRICS, NULL);
  switch (metric)
    {
    case CANDOR_METRIC_FLESCH_READING_EASE: return _("Flesch reading ease");
    case CANDOR_METRIC_FLESCH_KINCAID_GRADE: return _("Flesch–Kincaid grade");
    case CANDOR_METRIC_GUNNING_FOG: return _("Gunning Fog index");
    case CANDOR_METRIC_SMOG: return _("SMOG grade");
    case CANDOR_METRIC_COLEMAN_LIAU: return _("Coleman–Liau index");
    case CANDOR_METRIC_ARI: return _("Automated readability index");
    case CANDOR_METRIC_DALE_CHALL: return _("Dale–Chall score");
    case CANDOR_N_METRICS:
    default:
      g_assert_not_reached ();
    }
}

const char *
candor_dale_chall_grade_band (double score)
{
  /* The score-to-grade table of Chall and Dale (1995). */
  if (score < 5.0)
    return _("grade 4 and below");
  if (score < 6.0)
    return _("grades 5–6");
  if (score < 7.0)
    return _("grades 7–8");
  if (score < 8.0)
    return _("grades 9–10");
  if (score < 9.0)
    return _("grades 11–12");
  if (score < 10.0)
    return _("college");
  return _("college graduate");
}
