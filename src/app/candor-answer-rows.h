/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-answer-rows.h: libadwaita rows for an element's structured answers, built from a table. */
#pragma once

#include <adwaita.h>

#include "candor-element.h"

G_BEGIN_DECLS

/**
 * CandorAnswerType:
 * @CANDOR_ANSWER_RADIO: one of a few values, one radio row per choice
 * @CANDOR_ANSWER_COMBO: one of a few values, in a combo row (first item "Not chosen")
 * @CANDOR_ANSWER_CHECKS: any of several values (an array), one check row per choice
 * @CANDOR_ANSWER_SWITCH: yes or no
 * @CANDOR_ANSWER_TEXT: a short text
 * @CANDOR_ANSWER_NUMBER: a whole number (months, minutes)
 * @CANDOR_ANSWER_MONEY: an amount and a currency code
 * @CANDOR_ANSWER_DATE: month and year, day optional, written out beside the input
 * @CANDOR_ANSWER_EARLIEST: A.3 only: shows the earliest end date a period gives (no input)
 */
typedef enum
{
  CANDOR_ANSWER_RADIO,
  CANDOR_ANSWER_COMBO,
  CANDOR_ANSWER_CHECKS,
  CANDOR_ANSWER_SWITCH,
  CANDOR_ANSWER_TEXT,
  CANDOR_ANSWER_NUMBER,
  CANDOR_ANSWER_MONEY,
  CANDOR_ANSWER_DATE,
  CANDOR_ANSWER_EARLIEST,
} CandorAnswerType;

typedef struct
{
  const char *value;    /* as stored in the draft */
  const char *label;    /* N_() */
  const char *subtitle; /* N_(), nullable */
} CandorAnswerChoice;

/**
 * CandorAnswerSpec:
 * @group: (nullable): N_() title of a new group that starts with this question
 * @group_description: (nullable): N_() description of that group
 * @key: the answer key in the draft
 * @title: N_() the question or field name
 * @subtitle: (nullable): N_() a hint
 * @choices: (nullable): for radio, combo and check questions, ended by a %NULL value
 * @min: smallest number allowed (numbers)
 * @max: largest number allowed (numbers)
 * @show_key: (nullable): the question is shown only when this answer…
 * @show_values: (nullable): …has one of these values, separated by "|" ("true" for a switch)
 */
typedef struct
{
  const char               *group;
  const char               *group_description;
  const char               *key;
  CandorAnswerType          type;
  const char               *title;
  const char               *subtitle;
  const CandorAnswerChoice *choices;
  int                       min;
  int                       max;
  const char               *show_key;
  const char               *show_values;
} CandorAnswerSpec;

#define CANDOR_TYPE_ANSWER_ROWS (candor_answer_rows_get_type ())
G_DECLARE_FINAL_TYPE (CandorAnswerRows, candor_answer_rows, CANDOR, ANSWER_ROWS, GObject)

CandorAnswerRows *candor_answer_rows_new         (const CandorAnswerSpec *specs,
                                                  guint                   n_specs,
                                                  AdwPreferencesPage     *page);
void              candor_answer_rows_set_element (CandorAnswerRows       *self,
                                                  CandorElement          *element);
GtkWidget        *candor_answer_rows_get_widget  (CandorAnswerRows       *self,
                                                  const char             *key,
                                                  const char             *value);
GtkWidget        *candor_answer_rows_get_row     (CandorAnswerRows       *self,
                                                  const char             *key);

/* Lets @control (a spin button or drop-down) take the mouse wheel only while it has the
 * keyboard focus; otherwise the wheel scrolls the page it is on. */
void              candor_answer_rows_guard_scroll (GtkWidget             *control);

/* Adds @months to a "YYYY-MM[-DD]" date; returns a newly allocated date of the same precision,
 * or NULL if @date is not valid. */
char             *candor_answer_rows_add_months  (const char             *date,
                                                  int                     months);

G_END_DECLS
