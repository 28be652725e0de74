/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-analysis-cache.h: the latest analysis of each text of a document, shared by the text
 * fields, the step list and the review page; long texts are analysed in a worker thread. */
#pragma once

#include "candor-document.h"
#include "candor-readability.h"

G_BEGIN_DECLS

/* Texts up to this many bytes are analysed at once, on the calling thread (about 0.3 ms on
 * a busy two-core machine): tests and the UI stay immediate. Longer ones, up to the editor's
 * 20,000 characters (2–3 ms with many different words, more on a slow machine and several
 * times per keystroke before this cache), go to a worker thread. */
#define CANDOR_ANALYSIS_SYNC_MAX_BYTES 4096

#define CANDOR_TYPE_ANALYSIS_CACHE (candor_analysis_cache_get_type ())
G_DECLARE_FINAL_TYPE (CandorAnalysisCache, candor_analysis_cache, CANDOR, ANALYSIS_CACHE, GObject)

/*
 * Signals:
 *   analysed (guint element, guint kind): a worker thread's result for that text is in and
 *   current; emitted on the thread default main context of the request.
 */

CandorAnalysisCache *candor_analysis_cache_new              (void);
CandorAnalysisCache *candor_analysis_cache_get_for_document (CandorDocument      *document);

CandorTextAnalysis  *candor_analysis_cache_lookup           (CandorAnalysisCache *self,
                                                             CandorElementId      id,
                                                             CandorTextKind       kind,
                                                             const char          *text);
CandorTextAnalysis  *candor_analysis_cache_request          (CandorAnalysisCache *self,
                                                             CandorElementId      id,
                                                             CandorTextKind       kind,
                                                             const char          *text,
                                                             CandorAnalysisFlags  flags);
gboolean             candor_analysis_cache_is_pending       (CandorAnalysisCache *self,
                                                             CandorElementId      id,
                                                             CandorTextKind       kind);
guint                candor_analysis_cache_get_n_threaded   (CandorAnalysisCache *self);

/* A #CandorReadinessAnalyse for candor_readiness_check(): @user_data is the cache. */
CandorTextAnalysis  *candor_analysis_cache_readiness_analyse (CandorElementId  id,
                                                              CandorTextKind   kind,
                                                              const char      *text,
                                                              gpointer         user_data);

G_END_DECLS
