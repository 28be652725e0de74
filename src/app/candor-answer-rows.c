/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-answer-rows.c: libadwaita rows for an element's structured answers, built from a table. */

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "candor-answer-rows-private.h"

G_DEFINE_FINAL_TYPE (CandorAnswerRows, candor_answer_rows, G_TYPE_OBJECT)

static void
answer_row_free (AnswerRow *row)
{
  g_clear_pointer (&row->rows, g_ptr_array_unref);
  g_clear_pointer (&row->buttons, g_ptr_array_unref);
  g_free (row);
}

static guint
n_choices (const CandorAnswerSpec *spec)
{
  guint n = 0;

  while (spec->choices != NULL && spec->choices[n].value != NULL)
    n++;
  return n;
}

/* Model writes: every one is guarded so the element's "changed" does not sync back into the
 * widget the user is typing in. */
static gboolean
ignore (AnswerRow *row)
{
  return row->owner->element == NULL || row->owner->syncing;
}

static void
write_string (AnswerRow *row, const char *value)
{
  if (ignore (row))
    return;
  row->owner->writing = TRUE;
  candor_element_set_answer_string (row->owner->element, row->spec->key, value);
  candor_answer_rows_sync_all (row->owner, NULL);   /* visibility and derived text only */
  row->owner->writing = FALSE;
}

static void
on_radio_toggled (GtkCheckButton *button,
                  AnswerRow      *row)
{
  if (!gtk_check_button_get_active (button) || ignore (row))
    return;
  write_string (row, g_object_get_data (G_OBJECT (button), "candor-value"));
}

static void
on_check_toggled (GtkCheckButton *button,
                  AnswerRow      *row)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) values = NULL;

  if (ignore (row))
    return;
  for (guint i = 0; i < row->buttons->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (row->buttons, i)))
      g_strv_builder_add (builder, row->spec->choices[i].value);
  values = g_strv_builder_end (builder);
  row->owner->writing = TRUE;
  candor_element_set_answer_strv (row->owner->element, row->spec->key,
                                  values[0] != NULL ? (const char * const *) values : NULL);
  candor_answer_rows_sync_all (row->owner, NULL);   /* visibility and derived text only */
  row->owner->writing = FALSE;
}

static void
on_switch_active (GtkSwitch  *sw,
                  GParamSpec *pspec,
                  AnswerRow  *row)
{
  if (ignore (row))
    return;
  row->owner->writing = TRUE;
  candor_element_set_answer_boolean (row->owner->element, row->spec->key,
                                     gtk_switch_get_active (sw));
  candor_answer_rows_sync_all (row->owner, NULL);   /* visibility and derived text only */
  row->owner->writing = FALSE;
}

/* The mouse wheel over a spin button or drop-down that does not have the keyboard focus
 * scrolls the page instead of changing the value the pointer merely passed (issue 15: the
 * end-of-support year moved while scrolling). GtkSpinButton takes the wheel in its own scroll
 * controller; this one runs first (capture phase), and when the control is not focused it
 * claims the event and scrolls the enclosing GtkScrolledWindow as the wheel would have. */
static gboolean
control_has_focus (GtkWidget *control)
{
  GtkRoot *root = gtk_widget_get_root (control);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && (focus == control || gtk_widget_is_ancestor (focus, control));
}

static gboolean
on_guarded_scroll (GtkEventControllerScroll *controller,
                   double                    dx,
                   double                    dy,
                   gpointer                  user_data)
{
  GtkWidget *control = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  GtkWidget *scrolled;
  GtkAdjustment *adj;
  double step;

  if (control_has_focus (control))
    return GDK_EVENT_PROPAGATE;   /* the control's own wheel handling */

  scrolled = gtk_widget_get_ancestor (control, GTK_TYPE_SCROLLED_WINDOW);
  if (scrolled != NULL && dy != 0)
    {
      adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
      /* A wheel click scrolls as GtkScrolledWindow does; touchpads give pixels. */
      step = gtk_event_controller_scroll_get_unit (controller) == GDK_SCROLL_UNIT_WHEEL
             ? pow (gtk_adjustment_get_page_size (adj), 2.0 / 3.0) : 1.0;
      gtk_adjustment_set_value (adj, gtk_adjustment_get_value (adj) + dy * step);
    }
  return GDK_EVENT_STOP;
}

void
candor_answer_rows_guard_scroll (GtkWidget *control)
{
  GtkEventController *scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);

  g_return_if_fail (GTK_IS_WIDGET (control));

  gtk_event_controller_set_name (scroll, "candor-scroll-guard");
  gtk_event_controller_set_propagation_phase (scroll, GTK_PHASE_CAPTURE);
  g_signal_connect (scroll, "scroll", G_CALLBACK (on_guarded_scroll), NULL);
  gtk_widget_add_controller (control, scroll);
}

static void
on_combo_selected (AdwComboRow *combo,
                   GParamSpec  *pspec,
                   AnswerRow   *row)
{
  guint selected = adw_combo_row_get_selected (combo);

  if (ignore (row))
    return;
  /* Item 0 is "Not chosen". */
  write_string (row, selected >= 1 && selected <= n_choices (row->spec)
                       ? row->spec->choices[selected - 1].value : NULL);
}

static void
on_text_changed (GtkEditable *editable,
                 AnswerRow   *row)
{
  const char *text = gtk_editable_get_text (editable);

  write_string (row, text[0] != '\0' ? text : NULL);
}

static void
on_number_changed (GtkSpinButton *spin,
                   AnswerRow     *row)
{
  int value = gtk_spin_button_get_value_as_int (spin);

  if (ignore (row))
    return;
  row->owner->writing = TRUE;
  /* 0 is below every minimum in the schema and means "not given". */
  if (value < row->spec->min)
    candor_element_unset_answer (row->owner->element, row->spec->key);
  else
    candor_element_set_answer_int (row->owner->element, row->spec->key, value);
  candor_answer_rows_sync_all (row->owner, NULL);   /* visibility and derived text only */
  row->owner->writing = FALSE;
}

static void
on_money_changed (GtkEditable *editable,
                  AnswerRow   *row)
{
  const char *amount = gtk_editable_get_text (GTK_EDITABLE (row->control));
  g_autofree char *currency = g_ascii_strup (gtk_editable_get_text (GTK_EDITABLE (row->currency)), -1);
  gboolean amount_ok = g_regex_match_simple ("^[0-9]{1,9}(\\.[0-9]{1,2})?$", amount, 0, 0);
  gboolean currency_ok = g_regex_match_simple ("^[A-Z]{3}$", currency, 0, 0);
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonNode) node = NULL;

  if (ignore (row))
    return;
  if (amount_ok || amount[0] == '\0')
    gtk_widget_remove_css_class (row->control, "error");
  else
    gtk_widget_add_css_class (row->control, "error");
  if (currency_ok || currency[0] == '\0')
    gtk_widget_remove_css_class (row->currency, "error");
  else
    gtk_widget_add_css_class (row->currency, "error");

  row->owner->writing = TRUE;
  if (amount[0] == '\0')
    candor_element_unset_answer (row->owner->element, row->spec->key);
  else if (amount_ok && currency_ok)
    {
      builder = json_builder_new ();
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "amount");
      json_builder_add_string_value (builder, amount);
      json_builder_set_member_name (builder, "currency");
      json_builder_add_string_value (builder, currency);
      json_builder_end_object (builder);
      node = json_builder_get_root (builder);
      candor_element_set_answer_node (row->owner->element, row->spec->key, node);
    }
  /* A half-typed amount leaves the saved value alone until it is valid again. */
  candor_answer_rows_sync_all (row->owner, NULL);   /* visibility and derived text only */
  row->owner->writing = FALSE;
}

/* Currency codes are upper case: "eur" becomes "EUR" as it is typed. */
static void
on_currency_insert (GtkEditable *editable,
                    const char  *text,
                    int          length,
                    int         *position,
                    gpointer     user_data)
{
  g_autofree char *upper = g_utf8_strup (text, length);

  if (g_strcmp0 (upper, text) == 0)
    return;
  g_signal_handlers_block_by_func (editable, on_currency_insert, user_data);
  gtk_editable_insert_text (editable, upper, -1, position);
  g_signal_handlers_unblock_by_func (editable, on_currency_insert, user_data);
  g_signal_stop_emission_by_name (editable, "insert-text");
}

static void
on_date_changed (AnswerRow *row)
{
  guint month = gtk_drop_down_get_selected (GTK_DROP_DOWN (row->control));
  guint day = gtk_drop_down_get_selected (GTK_DROP_DOWN (row->day));
  int year = gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (row->year));
  g_autofree char *value = NULL;

  if (ignore (row))
    return;
  if (month == 0 || month == GTK_INVALID_LIST_POSITION)
    value = NULL;
  else if (day >= 1 && day <= 31 && g_date_valid_dmy (day, month, year))
    value = g_strdup_printf ("%04d-%02u-%02u", year, month, day);
  else
    value = g_strdup_printf ("%04d-%02u", year, month);

  if (day >= 1 && day <= 31 && month >= 1 && month <= 12 && !g_date_valid_dmy (day, month, year))
    gtk_widget_add_css_class (row->day, "error");
  else
    gtk_widget_remove_css_class (row->day, "error");
  write_string (row, value);
}

static void
on_date_part_changed (GObject    *object,
                      GParamSpec *pspec,
                      AnswerRow  *row)
{
  on_date_changed (row);
}

static void
on_year_changed (GtkSpinButton *spin,
                 AnswerRow     *row)
{
  on_date_changed (row);
}

static void
on_element_changed (CandorElement    *element,
                    const char       *key,
                    CandorAnswerRows *self)
{
  if (self->writing)
    return;
  if (key != NULL && (g_str_equal (key, "label_text") || g_str_equal (key, "web_text")))
    return;
  candor_answer_rows_sync_all (self, key);
}

void
candor_answer_rows_set_element (CandorAnswerRows *self,
                                CandorElement    *element)
{
  g_return_if_fail (CANDOR_IS_ANSWER_ROWS (self));
  g_return_if_fail (element == NULL || CANDOR_IS_ELEMENT (element));

  if (self->element == element)
    return;
  if (self->element != NULL)
    g_clear_signal_handler (&self->changed_id, self->element);
  g_set_object (&self->element, element);
  if (element != NULL)
    {
      self->changed_id = g_signal_connect (element, "changed",
                                           G_CALLBACK (on_element_changed), self);
      /* Loading a document must not write the widgets' defaults back into it. */
      self->writing = FALSE;
      candor_answer_rows_sync_all (self, NULL);
    }
}

/* Building the rows. */

static void
label_widget (GtkWidget  *widget,
              const char *name)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  /* In GTK 4.8 the keyboard focus of an entry or spin button is its inner GtkText, and that
   * is what a screen reader announces: name it too. */
  if (GTK_IS_EDITABLE (widget) && gtk_editable_get_delegate (GTK_EDITABLE (widget)) != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_editable_get_delegate (GTK_EDITABLE (widget))),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

static GtkWidget *
new_action_row (const char *title,
                const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

/* Inputs that need more room than a row's end (amount and currency; day, month and year) get
 * a row of their own under the question's, so a narrow window does not squeeze the title. */
static GtkWidget *
inputs_row (GtkWidget  *box,
            const char *title)
{
  /* A preferences row, so the group puts it in its boxed list. */
  GtkWidget *row = adw_preferences_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_halign (box, GTK_ALIGN_START);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  return row;
}

static void
build_row (CandorAnswerRows *self,
           AnswerRow        *row)
{
  const CandorAnswerSpec *spec = row->spec;
  const char *title = _(spec->title);
  const char *subtitle = spec->subtitle != NULL ? _(spec->subtitle) : NULL;
  GtkWidget *w;

  switch (spec->type)
    {
    case CANDOR_ANSWER_RADIO:
    case CANDOR_ANSWER_CHECKS:
      {
        GtkCheckButton *first = NULL;
        for (guint i = 0; spec->choices[i].value != NULL; i++)
          {
            const char *label = _(spec->choices[i].label);
            GtkWidget *button = gtk_check_button_new ();

            w = new_action_row (label, spec->choices[i].subtitle != NULL
                                         ? _(spec->choices[i].subtitle) : NULL);
            gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
            g_object_set_data (G_OBJECT (button), "candor-value", (gpointer) spec->choices[i].value);
            if (spec->type == CANDOR_ANSWER_RADIO)
              {
                if (first != NULL)
                  gtk_check_button_set_group (GTK_CHECK_BUTTON (button), first);
                else
                  first = GTK_CHECK_BUTTON (button);
                g_signal_connect (button, "toggled", G_CALLBACK (on_radio_toggled), row);
              }
            else
              g_signal_connect (button, "toggled", G_CALLBACK (on_check_toggled), row);
            {
              g_autofree char *name = g_strdup_printf ("%s: %s", title, label);
              label_widget (button, name);
            }
            adw_action_row_add_prefix (ADW_ACTION_ROW (w), button);
            adw_action_row_set_activatable_widget (ADW_ACTION_ROW (w), button);
            g_ptr_array_add (row->buttons, button);
            g_ptr_array_add (row->rows, w);
          }
      }
      break;
    case CANDOR_ANSWER_COMBO:
      {
        g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);
        gtk_string_list_append (list, _("Not chosen"));
        for (guint i = 0; spec->choices[i].value != NULL; i++)
          gtk_string_list_append (list, _(spec->choices[i].label));
        w = adw_combo_row_new ();
        adw_preferences_row_set_title (ADW_PREFERENCES_ROW (w), title);
        if (subtitle != NULL)
          adw_action_row_set_subtitle (ADW_ACTION_ROW (w), subtitle);
        adw_combo_row_set_model (ADW_COMBO_ROW (w), G_LIST_MODEL (list));
        g_signal_connect (w, "notify::selected", G_CALLBACK (on_combo_selected), row);
        row->control = w;
        g_ptr_array_add (row->rows, w);
      }
      break;
    case CANDOR_ANSWER_SWITCH:
      w = new_action_row (title, subtitle);
      row->control = gtk_switch_new ();
      gtk_widget_set_valign (row->control, GTK_ALIGN_CENTER);
      label_widget (row->control, title);
      adw_action_row_add_suffix (ADW_ACTION_ROW (w), row->control);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (w), row->control);
      g_signal_connect (row->control, "notify::active", G_CALLBACK (on_switch_active), row);
      g_ptr_array_add (row->rows, w);
      break;
    case CANDOR_ANSWER_TEXT:
      w = adw_entry_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (w), title);
      if (subtitle != NULL)
        gtk_widget_set_tooltip_text (w, subtitle);
      label_widget (w, title);
      g_signal_connect (w, "changed", G_CALLBACK (on_text_changed), row);
      row->control = w;
      g_ptr_array_add (row->rows, w);
      break;
    case CANDOR_ANSWER_NUMBER:
      w = new_action_row (title, subtitle);
      row->control = gtk_spin_button_new_with_range (0, spec->max, 1);
      candor_answer_rows_guard_scroll (row->control);
      gtk_widget_set_valign (row->control, GTK_ALIGN_CENTER);
      label_widget (row->control, title);
      adw_action_row_add_suffix (ADW_ACTION_ROW (w), row->control);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (w), row->control);
      g_signal_connect (row->control, "value-changed", G_CALLBACK (on_number_changed), row);
      g_ptr_array_add (row->rows, w);
      break;
    case CANDOR_ANSWER_MONEY:
      {
        g_autofree char *amount_name = g_strdup_printf (_("%s: amount"), title);
        g_autofree char *currency_name = g_strdup_printf (_("%s: currency code"), title);

        w = new_action_row (title, subtitle != NULL ? subtitle : _("Amount and three-letter currency code, like 4.99 EUR"));
        row->control = gtk_entry_new ();
        gtk_entry_set_placeholder_text (GTK_ENTRY (row->control), "4.99");
        gtk_editable_set_width_chars (GTK_EDITABLE (row->control), 8);
        gtk_entry_set_input_purpose (GTK_ENTRY (row->control), GTK_INPUT_PURPOSE_NUMBER);
        gtk_widget_set_valign (row->control, GTK_ALIGN_CENTER);
        label_widget (row->control, amount_name);
        row->currency = gtk_entry_new ();
        gtk_entry_set_placeholder_text (GTK_ENTRY (row->currency), "EUR");
        gtk_entry_set_max_length (GTK_ENTRY (row->currency), 3);
        gtk_entry_set_input_hints (GTK_ENTRY (row->currency),
                                   GTK_INPUT_HINT_UPPERCASE_CHARS | GTK_INPUT_HINT_NO_SPELLCHECK);
        gtk_editable_set_width_chars (GTK_EDITABLE (row->currency), 4);
        g_signal_connect (gtk_editable_get_delegate (GTK_EDITABLE (row->currency)), "insert-text",
                          G_CALLBACK (on_currency_insert), NULL);
        gtk_widget_set_valign (row->currency, GTK_ALIGN_CENTER);
        label_widget (row->currency, currency_name);
        {
          GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
          gtk_box_append (GTK_BOX (box), row->control);
          gtk_box_append (GTK_BOX (box), row->currency);
          g_ptr_array_add (row->rows, w);
          w = inputs_row (box, title);
        }
        g_signal_connect (row->control, "changed", G_CALLBACK (on_money_changed), row);
        g_signal_connect (row->currency, "changed", G_CALLBACK (on_money_changed), row);
        g_ptr_array_add (row->rows, w);
      }
      break;
    case CANDOR_ANSWER_DATE:
      {
        static const char *months[] = {
          N_("Month"), N_("January"), N_("February"), N_("March"), N_("April"), N_("May"),
          N_("June"), N_("July"), N_("August"), N_("September"), N_("October"),
          N_("November"), N_("December"), NULL
        };
        g_autoptr(GtkStringList) month_list = gtk_string_list_new (NULL);
        g_autoptr(GtkStringList) day_list = gtk_string_list_new (NULL);
        g_autoptr(GDateTime) now = g_date_time_new_now_local ();
        g_autofree char *month_name = g_strdup_printf (_("%s: month"), title);
        g_autofree char *year_name = g_strdup_printf (_("%s: year"), title);
        g_autofree char *day_name = g_strdup_printf (_("%s: day (optional)"), title);
        GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

        for (guint i = 0; months[i] != NULL; i++)
          gtk_string_list_append (month_list, _(months[i]));
        gtk_string_list_append (day_list, _("Day"));
        for (guint d = 1; d <= 31; d++)
          {
            char buf[8];
            g_snprintf (buf, sizeof buf, "%u", d);
            gtk_string_list_append (day_list, buf);
          }
        w = new_action_row (title, NULL);
        row->day = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&day_list)), NULL);
        row->control = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&month_list)), NULL);
        row->year = gtk_spin_button_new_with_range (2000, 2200, 1);
        gtk_spin_button_set_value (GTK_SPIN_BUTTON (row->year), g_date_time_get_year (now));
        candor_answer_rows_guard_scroll (row->day);
        candor_answer_rows_guard_scroll (row->control);
        candor_answer_rows_guard_scroll (row->year);
        label_widget (row->day, day_name);
        label_widget (row->control, month_name);
        label_widget (row->year, year_name);
        gtk_box_append (GTK_BOX (box), row->day);
        gtk_box_append (GTK_BOX (box), row->control);
        gtk_box_append (GTK_BOX (box), row->year);
        g_ptr_array_add (row->rows, w);
        w = inputs_row (box, title);
        g_signal_connect (row->control, "notify::selected", G_CALLBACK (on_date_part_changed), row);
        g_signal_connect (row->day, "notify::selected", G_CALLBACK (on_date_part_changed), row);
        g_signal_connect (row->year, "value-changed", G_CALLBACK (on_year_changed), row);
        g_ptr_array_add (row->rows, w);
      }
      break;
    case CANDOR_ANSWER_EARLIEST:
      w = new_action_row (title, NULL);
      adw_action_row_add_prefix (ADW_ACTION_ROW (w),
                                 gtk_image_new_from_icon_name ("x-office-calendar-symbolic"));
      gtk_widget_add_css_class (w, "property");
      g_ptr_array_add (row->rows, w);
      break;
    default:
      g_assert_not_reached ();
    }
}

/**
 * candor_answer_rows_new:
 * @specs: the questions, in order; must outlive the object (static tables)
 * @page: the page the groups are appended to
 *
 * Builds the rows and appends their groups to @page.
 * Returns: (transfer full): the rows' controller
 */
CandorAnswerRows *
candor_answer_rows_new (const CandorAnswerSpec *specs,
                        guint                   n_specs,
                        AdwPreferencesPage     *page)
{
  CandorAnswerRows *self = g_object_new (CANDOR_TYPE_ANSWER_ROWS, NULL);
  GtkWidget *group = NULL;

  for (guint i = 0; i < n_specs; i++)
    {
      AnswerRow *row = g_new0 (AnswerRow, 1);

      row->owner = self;
      row->spec = &specs[i];
      row->rows = g_ptr_array_new ();
      row->buttons = g_ptr_array_new ();
      if (group == NULL || specs[i].group != NULL)
        {
          group = adw_preferences_group_new ();
          if (specs[i].group != NULL)
            adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _(specs[i].group));
          if (specs[i].group_description != NULL)
            adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                                   _(specs[i].group_description));
          adw_preferences_page_add (page, ADW_PREFERENCES_GROUP (group));
          g_ptr_array_add (self->groups, group);
        }
      row->group = group;
      build_row (self, row);
      for (guint j = 0; j < row->rows->len; j++)
        adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), g_ptr_array_index (row->rows, j));
      g_ptr_array_add (self->answers, row);
    }
  return self;
}

static AnswerRow *
find_answer (CandorAnswerRows *self,
             const char       *key)
{
  for (guint i = 0; i < self->answers->len; i++)
    {
      AnswerRow *row = g_ptr_array_index (self->answers, i);
      if (g_str_equal (row->spec->key, key))
        return row;
    }
  return NULL;
}

/**
 * candor_answer_rows_get_widget:
 * @key: an answer key
 * @value: (nullable): for radio and check questions, the choice's value
 *
 * The control for an answer (check button of a choice, switch, spin button, combo row, entry
 * row, amount entry, month drop-down), for keyboard shortcuts and tests.
 * Returns: (transfer none) (nullable)
 */
GtkWidget *
candor_answer_rows_get_widget (CandorAnswerRows *self,
                               const char       *key,
                               const char       *value)
{
  AnswerRow *row;

  g_return_val_if_fail (CANDOR_IS_ANSWER_ROWS (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  row = find_answer (self, key);
  if (row == NULL)
    return NULL;
  if (row->buttons->len > 0)
    {
      for (guint i = 0; i < row->buttons->len && value != NULL; i++)
        if (g_str_equal (row->spec->choices[i].value, value))
          return g_ptr_array_index (row->buttons, i);
      return NULL;
    }
  if (value != NULL && row->spec->type == CANDOR_ANSWER_MONEY && g_str_equal (value, "currency"))
    return row->currency;
  if (value != NULL && row->spec->type == CANDOR_ANSWER_DATE)
    return g_str_equal (value, "year") ? row->year : g_str_equal (value, "day") ? row->day : NULL;
  return row->control;
}

/**
 * candor_answer_rows_get_row:
 * Returns: (transfer none) (nullable): the (first) row of the answer @key
 */
GtkWidget *
candor_answer_rows_get_row (CandorAnswerRows *self,
                            const char       *key)
{
  AnswerRow *row;

  g_return_val_if_fail (CANDOR_IS_ANSWER_ROWS (self), NULL);

  row = find_answer (self, key);
  return row != NULL && row->rows->len > 0 ? g_ptr_array_index (row->rows, 0) : NULL;
}

static void
candor_answer_rows_dispose (GObject *object)
{
  CandorAnswerRows *self = CANDOR_ANSWER_ROWS (object);

  if (self->element != NULL)
    g_clear_signal_handler (&self->changed_id, self->element);
  g_clear_object (&self->element);

  G_OBJECT_CLASS (candor_answer_rows_parent_class)->dispose (object);
}

static void
candor_answer_rows_finalize (GObject *object)
{
  CandorAnswerRows *self = CANDOR_ANSWER_ROWS (object);

  g_clear_pointer (&self->answers, g_ptr_array_unref);
  g_clear_pointer (&self->groups, g_ptr_array_unref);

  G_OBJECT_CLASS (candor_answer_rows_parent_class)->finalize (object);
}

static void
candor_answer_rows_class_init (CandorAnswerRowsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = candor_answer_rows_dispose;
  object_class->finalize = candor_answer_rows_finalize;
}

static void
candor_answer_rows_init (CandorAnswerRows *self)
{
  self->answers = g_ptr_array_new_with_free_func ((GDestroyNotify) answer_row_free);
  self->groups = g_ptr_array_new ();
}
