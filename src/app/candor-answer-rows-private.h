/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-answer-rows-private.h: CandorAnswerRows' state, shared by its two source files. */
#pragma once

#include "candor-answer-rows.h"

G_BEGIN_DECLS

typedef struct
{
  CandorAnswerRows       *owner;
  const CandorAnswerSpec *spec;
  GtkWidget              *group;     /* AdwPreferencesGroup holding the rows */
  GPtrArray              *rows;      /* one per choice for radio/checks, else one */
  GPtrArray              *buttons;   /* check buttons, one per choice */
  GtkWidget              *control;   /* switch, spin, combo row, entry row, amount, month */
  GtkWidget              *currency;  /* money */
  GtkWidget              *year;      /* date */
  GtkWidget              *day;       /* date */
} AnswerRow;

struct _CandorAnswerRows
{
  GObject        parent_instance;

  CandorElement *element;
  gulong         changed_id;
  GPtrArray     *answers;   /* of AnswerRow */
  GPtrArray     *groups;    /* of AdwPreferencesGroup, unowned */
  gboolean       writing;   /* our own change to the model: do not sync back */
  gboolean       syncing;   /* setting widgets from the model: do not write back */
};

/* candor-answer-rows-sync.c: widgets follow the model; visibility and derived text. */
void candor_answer_rows_sync_all (CandorAnswerRows *self,
                                  const char       *key);

G_END_DECLS
