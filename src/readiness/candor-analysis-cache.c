/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-analysis-cache.c: one analysis per text, at once for short texts, in a worker thread
 * for long ones, the newest request winning: a generation counter drops stale results and at
 * most one thread works on a text at a time. */
#include "config.h"

#include <string.h>

#include "candor-analysis-cache.h"

#define CACHE_KEY "candor-analysis-cache"

typedef struct
{
  CandorTextAnalysis  *analysis;    /* the latest result, or NULL */
  CandorAnalysisFlags  flags;       /* … made with these flags */
  guint                generation;  /* bumped by every request that changes the text */
  GCancellable        *running;     /* the worker's, while one runs */
  char                *running_text;
  guint                running_generation;
  char                *queued_text; /* the newest request while a worker runs */
  CandorAnalysisFlags  queued_flags;
} Slot;

struct _CandorAnalysisCache
{
  GObject  parent_instance;

  Slot     slots[CANDOR_N_ELEMENTS][CANDOR_N_TEXT_KINDS];
  guint    n_threaded;
};

G_DEFINE_FINAL_TYPE (CandorAnalysisCache, candor_analysis_cache, G_TYPE_OBJECT)

enum {
  ANALYSED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct
{
  CandorElementId      id;
  CandorTextKind       kind;
  CandorAnalysisFlags  flags;
  guint                generation;
  char                *text;
} Job;

static void
job_free (Job *job)
{
  g_free (job->text);
  g_free (job);
}

static void
analyse_thread (GTask        *task,
                gpointer      source,
                gpointer      data,
                GCancellable *cancellable)
{
  Job *job = data;
  g_autoptr(GError) error = NULL;
  CandorTextAnalysis *analysis;

  /* The engine is safe on any thread: its word caches are per thread. */
  analysis = candor_text_analysis_new (job->text, -1, job->kind, job->flags, &error);
  if (analysis == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, analysis, g_object_unref);
}

static void start_job (CandorAnalysisCache *self, CandorElementId id, CandorTextKind kind,
                       char *text, CandorAnalysisFlags flags);

static void
on_job_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  CandorAnalysisCache *self = CANDOR_ANALYSIS_CACHE (source);
  Job *job = g_task_get_task_data (G_TASK (result));
  Slot *slot = &self->slots[job->id][job->kind];
  g_autoptr(CandorTextAnalysis) analysis = g_task_propagate_pointer (G_TASK (result), NULL);
  gboolean current = job->generation == slot->generation && slot->queued_text == NULL;

  g_clear_object (&slot->running);
  g_clear_pointer (&slot->running_text, g_free);
  if (slot->queued_text != NULL)
    {
      /* Typed on while this ran: analyse the newest text, drop this result. */
      start_job (self, job->id, job->kind, g_steal_pointer (&slot->queued_text), slot->queued_flags);
      return;
    }
  if (!current || analysis == NULL)
    return;
  g_set_object (&slot->analysis, analysis);
  slot->flags = job->flags;
  g_signal_emit (self, signals[ANALYSED], 0, (guint) job->id, (guint) job->kind);
}

static void
start_job (CandorAnalysisCache *self,
           CandorElementId      id,
           CandorTextKind       kind,
           char                *text,
           CandorAnalysisFlags  flags)
{
  Slot *slot = &self->slots[id][kind];
  g_autoptr(GTask) task = NULL;
  Job *job = g_new0 (Job, 1);

  job->id = id;
  job->kind = kind;
  job->flags = flags;
  job->generation = slot->generation;
  job->text = text;
  slot->running = g_cancellable_new ();
  slot->running_text = g_strdup (text);
  slot->running_generation = slot->generation;
  self->n_threaded++;

  task = g_task_new (self, slot->running, on_job_done, NULL);
  g_task_set_source_tag (task, start_job);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, analyse_thread);
}

CandorAnalysisCache *
candor_analysis_cache_new (void)
{
  return g_object_new (CANDOR_TYPE_ANALYSIS_CACHE, NULL);
}

/**
 * candor_analysis_cache_get_for_document:
 *
 * The cache of @document's texts, made on first use and kept as long as the document.
 *
 * Returns: (transfer none)
 */
CandorAnalysisCache *
candor_analysis_cache_get_for_document (CandorDocument *document)
{
  CandorAnalysisCache *cache;

  g_return_val_if_fail (CANDOR_IS_DOCUMENT (document), NULL);

  cache = g_object_get_data (G_OBJECT (document), CACHE_KEY);
  if (cache == NULL)
    {
      cache = candor_analysis_cache_new ();
      g_object_set_data_full (G_OBJECT (document), CACHE_KEY, cache, g_object_unref);
    }
  return cache;
}

/**
 * candor_analysis_cache_lookup:
 *
 * The latest analysis of the text @id/@kind, if it is of exactly @text (whatever its flags).
 *
 * Returns: (transfer full) (nullable)
 */
CandorTextAnalysis *
candor_analysis_cache_lookup (CandorAnalysisCache *self,
                              CandorElementId      id,
                              CandorTextKind       kind,
                              const char          *text)
{
  CandorTextAnalysis *analysis;

  g_return_val_if_fail (CANDOR_IS_ANALYSIS_CACHE (self), NULL);
  g_return_val_if_fail (id < CANDOR_N_ELEMENTS && kind < CANDOR_N_TEXT_KINDS, NULL);

  analysis = self->slots[id][kind].analysis;
  if (analysis == NULL || g_strcmp0 (candor_text_analysis_get_text (analysis), text != NULL ? text : "") != 0)
    return NULL;
  return g_object_ref (analysis);
}

/**
 * candor_analysis_cache_request:
 * @flags: as for candor_text_analysis_new()
 *
 * The analysis of @text. A text of at most #CANDOR_ANALYSIS_SYNC_MAX_BYTES is analysed now if
 * the cache does not hold it with these @flags. A longer one is analysed in a worker thread:
 * this returns %NULL and #CandorAnalysisCache::analysed follows, unless a newer request for
 * the same text of the document came first (its result wins; while a worker runs, only the
 * newest request waits for it). A text that is not UTF-8 gives %NULL and no signal.
 *
 * Returns: (transfer full) (nullable): the analysis, or %NULL until the worker is done
 */
CandorTextAnalysis *
candor_analysis_cache_request (CandorAnalysisCache *self,
                               CandorElementId      id,
                               CandorTextKind       kind,
                               const char          *text,
                               CandorAnalysisFlags  flags)
{
  Slot *slot;
  CandorTextAnalysis *analysis;

  g_return_val_if_fail (CANDOR_IS_ANALYSIS_CACHE (self), NULL);
  g_return_val_if_fail (id < CANDOR_N_ELEMENTS && kind < CANDOR_N_TEXT_KINDS, NULL);

  if (text == NULL)
    text = "";
  slot = &self->slots[id][kind];
  analysis = candor_analysis_cache_lookup (self, id, kind, text);
  if (analysis != NULL)
    {
      if (slot->flags == flags || strlen (text) > CANDOR_ANALYSIS_SYNC_MAX_BYTES)
        /* A long text is not analysed again only because the caret left its end. */
        return analysis;
      g_object_unref (analysis);
    }

  if (strlen (text) <= CANDOR_ANALYSIS_SYNC_MAX_BYTES)
    {
      analysis = candor_text_analysis_new (text, -1, kind, flags, NULL);
      if (analysis == NULL)
        return NULL;
      /* Newer than anything a worker may still bring. */
      slot->generation++;
      g_clear_pointer (&slot->queued_text, g_free);
      if (slot->running != NULL)
        g_cancellable_cancel (slot->running);
      g_set_object (&slot->analysis, analysis);
      slot->flags = flags;
      return analysis;
    }

  /* Already on its way. */
  if (g_strcmp0 (slot->queued_text, text) == 0 ||
      (slot->queued_text == NULL && slot->running_generation == slot->generation &&
       g_strcmp0 (slot->running_text, text) == 0))
    return NULL;

  slot->generation++;
  if (slot->running != NULL)
    {
      g_cancellable_cancel (slot->running);
      g_free (slot->queued_text);
      slot->queued_text = g_strdup (text);
      slot->queued_flags = flags;
      return NULL;
    }
  start_job (self, id, kind, g_strdup (text), flags);
  return NULL;
}

/* Whether a worker is analysing the text, or will. */
gboolean
candor_analysis_cache_is_pending (CandorAnalysisCache *self,
                                  CandorElementId      id,
                                  CandorTextKind       kind)
{
  g_return_val_if_fail (CANDOR_IS_ANALYSIS_CACHE (self), FALSE);
  g_return_val_if_fail (id < CANDOR_N_ELEMENTS && kind < CANDOR_N_TEXT_KINDS, FALSE);

  return self->slots[id][kind].running != NULL;
}

/* How many analyses went to a worker thread so far (tests, benchmarks). */
guint
candor_analysis_cache_get_n_threaded (CandorAnalysisCache *self)
{
  g_return_val_if_fail (CANDOR_IS_ANALYSIS_CACHE (self), 0);
  return self->n_threaded;
}

CandorTextAnalysis *
candor_analysis_cache_readiness_analyse (CandorElementId  id,
                                         CandorTextKind   kind,
                                         const char      *text,
                                         gpointer         user_data)
{
  CandorAnalysisCache *self = user_data;
  CandorTextAnalysis *analysis = candor_analysis_cache_lookup (self, id, kind, text);

  /* Any flags will do: the text field's analysis of the same text is used as it is. */
  if (analysis != NULL)
    return analysis;
  return candor_analysis_cache_request (self, id, kind, text, CANDOR_ANALYSIS_NONE);
}

static void
candor_analysis_cache_dispose (GObject *object)
{
  CandorAnalysisCache *self = CANDOR_ANALYSIS_CACHE (object);

  for (guint i = 0; i < CANDOR_N_ELEMENTS; i++)
    for (guint k = 0; k < CANDOR_N_TEXT_KINDS; k++)
      {
        Slot *slot = &self->slots[i][k];

        g_clear_object (&slot->analysis);
        g_clear_pointer (&slot->queued_text, g_free);
        g_clear_pointer (&slot->running_text, g_free);
        /* A running task holds a reference: dispose runs after it is done. */
        g_clear_object (&slot->running);
      }
  G_OBJECT_CLASS (candor_analysis_cache_parent_class)->dispose (object);
}

static void
candor_analysis_cache_class_init (CandorAnalysisCacheClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = candor_analysis_cache_dispose;

  signals[ANALYSED] = g_signal_new ("analysed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                    NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT);
}

static void
candor_analysis_cache_init (CandorAnalysisCache *self)
{
}
