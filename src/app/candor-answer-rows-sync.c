/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-answer-rows-sync.c: answer widgets follow the model; rows shown as answers require;
 * the date written out and A.3's earliest end computed from the answers. */

#include "config.h"


#include <glib/gi18n.h>

#include "candor-answer-rows-private.h"
#include "candor-partial-date.h"
#include "candor-wording.h"

/* Updating widgets from the model, without writing back. */

static void
set_editable_text (GtkWidget  *editable,
                   const char *text)
{
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (editable)), text != NULL ? text : "") != 0)
    gtk_editable_set_text (GTK_EDITABLE (editable), text != NULL ? text : "");
}

/**
 * candor_answer_rows_add_months:
 * @date: "YYYY-MM" or "YYYY-MM-DD"
 * @months: how many months to add
 *
 * Returns: (transfer full) (nullable): the later date, same precision, or %NULL if @date is invalid
 */
char *
candor_answer_rows_add_months (const char *date,
                               int         months)
{
  CandorPartialDate parsed;

  if (!candor_partial_date_parse (date, &parsed))
    return NULL;
  parsed = candor_partial_date_add_months (&parsed, months);
  return candor_partial_date_to_string (&parsed);
}

static char *
earliest_end (CandorElement *element)
{
  const char *from = candor_element_get_answer_string (element, "period_from");
  int months = candor_element_get_answer_int (element, "period_months", 0);
  const char *start;
  g_autofree char *end = NULL;

  if (months < 1 || from == NULL)
    return g_strdup (_("Give the period and what it counts from."));
  /* A buyer can buy, register or see the first sale no earlier than the first sale date. */
  start = g_str_equal (from, "end-of-sale")
            ? candor_element_get_answer_string (element, "end_of_sale_date")
            : candor_element_get_answer_string (element, "first_sale_date");
  end = candor_answer_rows_add_months (start, months);
  if (end == NULL)
    return g_strdup (g_str_equal (from, "end-of-sale")
                       ? _("Give the end of sale date to see the earliest end.")
                       : _("Give the first sale date to see the earliest end."));
  {
    g_autofree char *written = candor_wording_format_date (end);
    return g_strdup_printf (_("Support ends no earlier than %s."), written);
  }
}

static void
sync_row (CandorAnswerRows *self,
          AnswerRow        *row)
{
  CandorElement *element = self->element;
  const CandorAnswerSpec *spec = row->spec;

  switch (spec->type)
    {
    case CANDOR_ANSWER_RADIO:
      {
        const char *value = candor_element_get_answer_string (element, spec->key);
        for (guint i = 0; i < row->buttons->len; i++)
          {
            GtkCheckButton *button = g_ptr_array_index (row->buttons, i);
            gboolean active = g_strcmp0 (value, spec->choices[i].value) == 0;
            if (gtk_check_button_get_active (button) != active)
              gtk_check_button_set_active (button, active);
          }
      }
      break;
    case CANDOR_ANSWER_CHECKS:
      for (guint i = 0; i < row->buttons->len; i++)
        {
          GtkCheckButton *button = g_ptr_array_index (row->buttons, i);
          gboolean active = candor_element_answer_strv_contains (element, spec->key,
                                                                 spec->choices[i].value);
          if (gtk_check_button_get_active (button) != active)
            gtk_check_button_set_active (button, active);
        }
      break;
    case CANDOR_ANSWER_COMBO:
      {
        const char *value = candor_element_get_answer_string (element, spec->key);
        guint selected = 0;
        for (guint i = 0; value != NULL && spec->choices[i].value != NULL; i++)
          if (g_str_equal (value, spec->choices[i].value))
            selected = i + 1;
        if (adw_combo_row_get_selected (ADW_COMBO_ROW (row->control)) != selected)
          adw_combo_row_set_selected (ADW_COMBO_ROW (row->control), selected);
      }
      break;
    case CANDOR_ANSWER_SWITCH:
      {
        gboolean active = candor_element_get_answer_boolean (element, spec->key, FALSE);
        if (gtk_switch_get_active (GTK_SWITCH (row->control)) != active)
          gtk_switch_set_active (GTK_SWITCH (row->control), active);
      }
      break;
    case CANDOR_ANSWER_TEXT:
      set_editable_text (row->control, candor_element_get_answer_string (element, spec->key));
      break;
    case CANDOR_ANSWER_NUMBER:
      {
        int value = candor_element_get_answer_int (element, spec->key, 0);
        if (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (row->control)) != value)
          gtk_spin_button_set_value (GTK_SPIN_BUTTON (row->control), value);
      }
      break;
    case CANDOR_ANSWER_MONEY:
      {
        JsonObject *json = candor_element_get_json (element);
        JsonNode *node = json_object_get_member (json, spec->key);
        JsonObject *money = node != NULL && JSON_NODE_HOLDS_OBJECT (node)
                              ? json_node_get_object (node) : NULL;
        set_editable_text (row->control, money != NULL
                             ? json_object_get_string_member_with_default (money, "amount", "")
                             : "");
        set_editable_text (row->currency, money != NULL
                             ? json_object_get_string_member_with_default (money, "currency", "")
                             : "");
      }
      break;
    case CANDOR_ANSWER_DATE:
      {
        const char *value = candor_element_get_answer_string (element, spec->key);
        CandorPartialDate date;

        if (candor_partial_date_parse (value, &date))
          {
            if (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (row->year)) != date.year)
              gtk_spin_button_set_value (GTK_SPIN_BUTTON (row->year), date.year);
            if (gtk_drop_down_get_selected (GTK_DROP_DOWN (row->control)) != (guint) date.month)
              gtk_drop_down_set_selected (GTK_DROP_DOWN (row->control), date.month);
            if (gtk_drop_down_get_selected (GTK_DROP_DOWN (row->day)) != (guint) date.day)
              gtk_drop_down_set_selected (GTK_DROP_DOWN (row->day), date.day);
          }
        else if (gtk_drop_down_get_selected (GTK_DROP_DOWN (row->control)) != 0)
          gtk_drop_down_set_selected (GTK_DROP_DOWN (row->control), 0);
      }
      break;
    case CANDOR_ANSWER_EARLIEST:
      break;
    default:
      g_assert_not_reached ();
    }
}

/* Text computed from the answers (the date written out, the earliest end); never an input. */
static void
update_derived (CandorAnswerRows *self,
                AnswerRow        *row)
{
  g_autofree char *text = NULL;

  if (row->spec->type == CANDOR_ANSWER_DATE)
    {
      text = candor_wording_format_date (candor_element_get_answer_string (self->element,
                                                                          row->spec->key));
      if (text == NULL)
        text = g_strdup (_("Not given yet"));
    }
  else if (row->spec->type == CANDOR_ANSWER_EARLIEST)
    text = earliest_end (self->element);
  else
    return;
  adw_action_row_set_subtitle (ADW_ACTION_ROW (g_ptr_array_index (row->rows, 0)), text);
}

static gboolean
row_is_shown (CandorAnswerRows *self,
              AnswerRow        *row)
{
  const CandorAnswerSpec *spec = row->spec;
  g_auto(GStrv) values = NULL;
  g_autofree char *current = NULL;
  JsonNode *node;

  if (spec->show_key == NULL)
    return TRUE;
  node = json_object_get_member (candor_element_get_json (self->element), spec->show_key);
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  if (json_node_get_value_type (node) == G_TYPE_BOOLEAN)
    current = g_strdup (json_node_get_boolean (node) ? "true" : "false");
  else if (json_node_get_value_type (node) == G_TYPE_STRING)
    current = g_strdup (json_node_get_string (node));
  else
    return FALSE;
  values = g_strsplit (spec->show_values, "|", -1);
  return g_strv_contains ((const char * const *) values, current);
}

void
candor_answer_rows_sync_all (CandorAnswerRows *self,
          const char       *key)
{
  if (self->element == NULL)
    return;

  for (guint i = 0; i < self->answers->len; i++)
    {
      AnswerRow *row = g_ptr_array_index (self->answers, i);
      gboolean shown = row_is_shown (self, row);

      if (!self->writing && (key == NULL || g_str_equal (key, row->spec->key)))
        {
          self->syncing = TRUE;
          sync_row (self, row);
          self->syncing = FALSE;
        }
      update_derived (self, row);
      for (guint j = 0; j < row->rows->len; j++)
        gtk_widget_set_visible (g_ptr_array_index (row->rows, j), shown);
    }

  /* A group whose questions are all hidden goes away too. */
  for (guint g = 0; g < self->groups->len; g++)
    {
      GtkWidget *group = g_ptr_array_index (self->groups, g);
      gboolean any = FALSE;

      for (guint i = 0; i < self->answers->len && !any; i++)
        {
          AnswerRow *row = g_ptr_array_index (self->answers, i);
          if (row->group == group && gtk_widget_get_visible (g_ptr_array_index (row->rows, 0)))
            any = TRUE;
        }
      gtk_widget_set_visible (group, any);
    }
}

