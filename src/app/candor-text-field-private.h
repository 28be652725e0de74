/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-text-field-private.h: CandorTextField's state, shared by its two source files. */
#pragma once

#include "candor-analysis-cache.h"
#include "candor-finding-popover.h"
#include "candor-readability.h"
#include "candor-text-field.h"

G_BEGIN_DECLS

/* How a finding is drawn: colour AND underline style, so it does not rely on colour alone. */
typedef enum
{
  LEVEL_ERROR,    /* wavy underline */
  LEVEL_WARNING,  /* single underline */
  LEVEL_ADVICE,   /* double underline */
  N_LEVELS
} Level;

struct _CandorTextField
{
  GtkWidget           parent_instance;

  CandorElementId     id;
  CandorTextKind      kind;
  CandorDocument     *document;
  CandorElement      *element;
  gulong              document_changed_id;
  gulong              element_changed_id;

  GtkWidget          *badge;
  GtkWidget          *refresh_bar;
  GtkWidget          *refresh_button;
  GtkWidget          *summary;
  GtkWidget          *counter;        /* "18,001 of 20,000 characters", from 90 % of the limit */
  GtkWidget          *limit_message;  /* what a paste or typing at the limit left out */
  gint64              max_length;     /* the loader's limit for this text */
  GtkTextView        *view;
  GtkTextBuffer      *buffer;
  GtkTextTag         *tags[N_LEVELS];

  CandorTextAnalysis *analysis;
  GPtrArray          *findings;       /* shown findings, owned by analysis */
  CandorAnalysisCache *cache;         /* the document's: long texts are analysed in a thread */
  gulong              cache_id;
  gboolean            checking;       /* the text as it is now is not analysed yet */
  guint               analyse_id;
  gboolean            syncing;        /* setting the buffer from the model */
  gboolean            refreshing;     /* the buffer takes the generated text */
  gboolean            typed;          /* the last cursor move came from typing */
  gboolean            escaping;       /* Escape puts the cursor back: no popover for that */
  guint               hover_id;
  int                 hover_offset;

  CandorFindingPopover *popover;
};

/* candor-text-field-findings.c: analysis, highlights, badge and the finding popover. */
void candor_text_field_init_findings       (CandorTextField      *self);
void candor_text_field_class_init_findings (GtkWidgetClass       *widget_class);
void candor_text_field_queue_analysis      (CandorTextField      *self);
void candor_text_field_hide_finding        (CandorTextField      *self);
void candor_text_field_watch_cache         (CandorTextField      *self);

G_END_DECLS
