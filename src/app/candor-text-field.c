/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-text-field.c: a label or web text editor with live readability findings and a badge. */

#include "config.h"

#include <math.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "candor-readability.h"
#include "candor-text-field.h"
#include "candor-wording.h"

/* How a finding is drawn: colour AND underline style, so it does not rely on colour alone. */
typedef enum
{
  LEVEL_ERROR,    /* wavy underline */
  LEVEL_WARNING,  /* single underline */
  LEVEL_ADVICE,   /* double underline */
  N_LEVELS
} Level;

static const char *tag_names[N_LEVELS] = { "finding-error", "finding-warning", "finding-advice" };

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
  GtkTextView        *view;
  GtkTextBuffer      *buffer;
  GtkTextTag         *tags[N_LEVELS];

  CandorTextAnalysis *analysis;
  GPtrArray          *findings;       /* shown findings, owned by analysis */
  guint               analyse_id;
  gboolean            syncing;        /* setting the buffer from the model */
  gboolean            refreshing;     /* the buffer takes the generated text */
  gboolean            typed;          /* the last cursor move came from typing */
  guint               hover_id;
  int                 hover_offset;

  GtkWidget          *popover;
  GtkWidget          *popover_message;
  GtkWidget          *popover_hint;
  GtkWidget          *replace_button;
  GtkWidget          *dismiss_revealer;
  GtkWidget          *reason_entry;
  /* The finding the popover shows, copied: the analysis may be replaced meanwhile. */
  char               *open_rule;
  char               *open_quote;
  char               *open_suggestion;
  int                 open_start;
  int                 open_end;
};

G_DEFINE_FINAL_TYPE (CandorTextField, candor_text_field, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static Level
rule_level (const char *rule)
{
  if (g_str_equal (rule, CANDOR_RULE_VERY_LONG_SENTENCE) ||
      g_str_equal (rule, CANDOR_RULE_DOUBLE_NEGATIVE))
    return LEVEL_ERROR;
  if (g_str_equal (rule, CANDOR_RULE_WORDY_PHRASE) || g_str_equal (rule, CANDOR_RULE_HEDGE) ||
      g_str_equal (rule, CANDOR_RULE_ALL_CAPS))
    return LEVEL_ADVICE;
  return LEVEL_WARNING;
}

static void
update_tag_colors (CandorTextField *self)
{
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  /* Underlines from the Adwaita palette, lighter shades on dark; translucent backgrounds so
   * the text keeps its contrast on either. */
  static const char *underline[2][N_LEVELS] = {
    { "#c01c28", "#9c6e03", "#1c71d8" },
    { "#ff7b63", "#f8e45c", "#99c1f1" },
  };
  static const char *background[2][N_LEVELS] = {
    { "rgba(224,27,36,0.14)", "rgba(229,165,10,0.20)", "rgba(53,132,228,0.12)" },
    { "rgba(255,123,99,0.22)", "rgba(248,228,92,0.16)", "rgba(153,193,241,0.16)" },
  };

  for (guint i = 0; i < N_LEVELS; i++)
    {
      GdkRGBA u, b;

      gdk_rgba_parse (&u, underline[dark][i]);
      gdk_rgba_parse (&b, background[dark][i]);
      g_object_set (self->tags[i], "underline-rgba", &u, "background-rgba", &b, NULL);
    }
}

static CandorFinding *
finding_at (CandorTextField *self,
            int              offset)
{
  CandorFinding *best = NULL;

  for (guint i = 0; self->findings != NULL && i < self->findings->len; i++)
    {
      CandorFinding *f = g_ptr_array_index (self->findings, i);

      /* The narrowest span wins: a jargon word inside a long sentence. */
      if ((int) f->start <= offset && offset < (int) f->end &&
          (best == NULL || f->end - f->start < best->end - best->start))
        best = f;
    }
  return best;
}

static void
update_badge (CandorTextField *self)
{
  double grade;
  g_autofree char *text = NULL;
  const char *verdict = candor_text_analysis_get_verdict (self->analysis);
  guint n = self->findings != NULL ? self->findings->len : 0;
  g_autofree char *summary = NULL;

  gtk_widget_remove_css_class (self->badge, "success");
  gtk_widget_remove_css_class (self->badge, "warning");
  gtk_widget_remove_css_class (self->badge, "error");
  if (candor_text_analysis_get_grade (self->analysis, &grade))
    {
      /* Translators: the score badge, e.g. "Grade 6 · Easy to read" */
      text = g_strdup_printf (_("Grade %d · %s"), (int) MAX (0, lround (grade)), verdict);
      gtk_widget_add_css_class (self->badge, grade <= CANDOR_TARGET_GRADE ? "success"
                                             : grade <= 10.0 ? "warning" : "error");
    }
  else
    text = g_strdup (verdict);
  gtk_label_set_text (GTK_LABEL (self->badge), text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->badge),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);

  if (n == 0)
    summary = g_strdup (_("No readability findings."));
  else
    summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "%u finding. Put the cursor on the underlined words to see it; Ctrl+. opens the fix.",
                                            "%u findings. Put the cursor on the underlined words to see them; Ctrl+. opens the fix.",
                                            n), n);
  gtk_label_set_text (GTK_LABEL (self->summary), summary);
}

static void
analyse (CandorTextField *self)
{
  GtkTextIter start, end, cursor;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) dismissals = NULL;
  CandorAnalysisFlags flags = CANDOR_ANALYSIS_NONE;

  g_clear_handle_id (&self->analyse_id, g_source_remove);

  gtk_text_buffer_get_bounds (self->buffer, &start, &end);
  text = gtk_text_buffer_get_text (self->buffer, &start, &end, FALSE);
  gtk_text_buffer_get_iter_at_mark (self->buffer, &cursor, gtk_text_buffer_get_insert (self->buffer));
  /* The sentence still being typed at the end gets no "too long" yet. */
  if (gtk_widget_is_focus (GTK_WIDGET (self->view)) && gtk_text_iter_is_end (&cursor))
    flags |= CANDOR_ANALYSIS_IN_PROGRESS;

  g_clear_pointer (&self->findings, g_ptr_array_unref);
  g_clear_object (&self->analysis);
  self->analysis = candor_text_analysis_new (text, -1, self->kind, flags, &error);
  if (self->analysis == NULL)
    {
      g_warning ("Could not analyse the text: %s", error->message);
      return;
    }
  dismissals = candor_dismissals_from_review (self->document != NULL
                                                ? candor_document_get_review (self->document)
                                                : NULL,
                                              self->id, self->kind);
  self->findings = candor_dismissals_filter (candor_text_analysis_get_findings (self->analysis),
                                             dismissals);

  for (guint i = 0; i < N_LEVELS; i++)
    gtk_text_buffer_remove_tag (self->buffer, self->tags[i], &start, &end);
  for (guint i = 0; i < self->findings->len; i++)
    {
      CandorFinding *f = g_ptr_array_index (self->findings, i);
      GtkTextIter a, b;

      gtk_text_buffer_get_iter_at_offset (self->buffer, &a, f->start);
      gtk_text_buffer_get_iter_at_offset (self->buffer, &b, f->end);
      gtk_text_buffer_apply_tag (self->buffer, self->tags[rule_level (f->rule)], &a, &b);
    }
  update_badge (self);
}

static gboolean
analyse_idle (gpointer data)
{
  CandorTextField *self = data;

  self->analyse_id = 0;
  analyse (self);
  return G_SOURCE_REMOVE;
}

static void
queue_analysis (CandorTextField *self)
{
  /* Many changes in one frame (a paste, an undo) give one pass. */
  if (self->analyse_id == 0)
    self->analyse_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE + 30, analyse_idle, self, NULL);
}

/* Generated wording and the refresh offer. */

static void
update_refresh_offer (CandorTextField *self)
{
  g_autofree char *generated = NULL;
  gboolean offer = FALSE;

  if (self->element != NULL && candor_element_get_text_edited (self->element, self->kind))
    {
      generated = candor_wording_generate (self->document, self->id, self->kind);
      offer = generated[0] != '\0' &&
              g_strcmp0 (generated, candor_element_get_text (self->element, self->kind)) != 0;
    }
  gtk_widget_set_visible (self->refresh_bar, offer);
}

static void
regenerate (CandorTextField *self)
{
  g_autofree char *generated = NULL;

  if (self->element == NULL)
    return;
  if (!candor_element_get_text_edited (self->element, self->kind))
    {
      generated = candor_wording_generate (self->document, self->id, self->kind);
      if (g_strcmp0 (generated, candor_element_get_text (self->element, self->kind)) != 0)
        candor_element_set_text (self->element, self->kind, generated, FALSE);
    }
  update_refresh_offer (self);
}

static void
on_refresh_clicked (CandorTextField *self)
{
  g_autofree char *generated = NULL;
  GtkTextIter start, end;

  if (self->element == NULL)
    return;
  generated = candor_wording_generate (self->document, self->id, self->kind);
  /* Through the buffer as one user action, so Ctrl+Z brings the user's text back. */
  self->refreshing = TRUE;
  gtk_text_buffer_begin_user_action (self->buffer);
  gtk_text_buffer_get_bounds (self->buffer, &start, &end);
  gtk_text_buffer_delete (self->buffer, &start, &end);
  gtk_text_buffer_insert (self->buffer, &start, generated, -1);
  gtk_text_buffer_end_user_action (self->buffer);
  self->refreshing = FALSE;
  /* The text is the generated one again, so later answers update it. */
  candor_element_set_text (self->element, self->kind, generated, FALSE);
  update_refresh_offer (self);
}

static void
load_text (CandorTextField *self)
{
  g_autofree char *current = NULL;
  const char *text = self->element != NULL ? candor_element_get_text (self->element, self->kind) : "";
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (self->buffer, &start, &end);
  current = gtk_text_buffer_get_text (self->buffer, &start, &end, FALSE);
  if (g_strcmp0 (current, text != NULL ? text : "") == 0)
    return;
  self->syncing = TRUE;
  /* Text from the answers or a file is not the user's typing: it is not undone. */
  gtk_text_buffer_begin_irreversible_action (self->buffer);
  gtk_text_buffer_set_text (self->buffer, text != NULL ? text : "", -1);
  gtk_text_buffer_end_irreversible_action (self->buffer);
  self->syncing = FALSE;
  queue_analysis (self);
}

static void
on_buffer_changed (CandorTextField *self)
{
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  queue_analysis (self);
  if (self->syncing || self->element == NULL)
    return;
  self->typed = TRUE;
  gtk_text_buffer_get_bounds (self->buffer, &start, &end);
  text = gtk_text_buffer_get_text (self->buffer, &start, &end, FALSE);
  self->syncing = TRUE;
  candor_element_set_text (self->element, self->kind, text, !self->refreshing);
  self->syncing = FALSE;
  update_refresh_offer (self);
}

static void
on_element_changed (CandorElement   *element,
                    const char      *key,
                    CandorTextField *self)
{
  const char *text_key = self->kind == CANDOR_TEXT_LABEL ? "label_text" : "web_text";

  if (key == NULL || g_str_equal (key, text_key))
    {
      if (!self->syncing)
        load_text (self);
      update_refresh_offer (self);
    }
}

static void
on_document_changed (CandorDocument  *document,
                     const char      *section,
                     const char      *key,
                     CandorTextField *self)
{
  if (g_strcmp0 (section, "review") == 0)
    {
      queue_analysis (self);   /* dismissals may have changed */
      return;
    }
  if (g_strcmp0 (section, "metadata") == 0)
    return;
  if (key != NULL && (g_str_equal (key, "label_text") || g_str_equal (key, "web_text")))
    return;
  regenerate (self);
}

/* The popover with a finding's message, its fix and "Dismiss". */

static gboolean
point_is_shown (GtkWidget *widget,
                double     x,
                double     y)
{
  GtkWidget *root = GTK_WIDGET (gtk_widget_get_root (widget));
  double rx, ry;

  if (root == NULL || !gtk_widget_get_mapped (widget))
    return FALSE;
#if GTK_CHECK_VERSION (4, 12, 0)
  {
    graphene_point_t p;
    if (!gtk_widget_compute_point (widget, root, &GRAPHENE_POINT_INIT (x, y), &p))
      return FALSE;
    rx = p.x;
    ry = p.y;
  }
#else
  if (!gtk_widget_translate_coordinates (widget, root, x, y, &rx, &ry))
    return FALSE;
#endif
  /* Within the window, and within the scrolled area that holds the field. */
  {
    GtkWidget *scrolled = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
    double sx = 0, sy = 0;

    if (scrolled != NULL)
      {
#if GTK_CHECK_VERSION (4, 12, 0)
        graphene_point_t p;
        if (!gtk_widget_compute_point (widget, scrolled, &GRAPHENE_POINT_INIT (x, y), &p))
          return FALSE;
        sx = p.x;
        sy = p.y;
#else
        if (!gtk_widget_translate_coordinates (widget, scrolled, x, y, &sx, &sy))
          return FALSE;
#endif
        if (sx < 0 || sy < 0 || sx > gtk_widget_get_width (scrolled) ||
            sy > gtk_widget_get_height (scrolled))
          return FALSE;
      }
  }
  return rx >= 0 && ry >= 0 && rx <= gtk_widget_get_width (root) && ry <= gtk_widget_get_height (root);
}

static void
popover_show (CandorTextField *self,
              CandorFinding   *f,
              int              offset)
{
  GtkTextIter iter;
  GdkRectangle rect;
  int x, y;

  g_free (self->open_rule);
  g_free (self->open_quote);
  g_free (self->open_suggestion);
  self->open_rule = g_strdup (f->rule);
  self->open_quote = g_strdup (f->quote);
  self->open_suggestion = g_strdup (f->suggestion);
  self->open_start = f->start;
  self->open_end = f->end;

  gtk_label_set_text (GTK_LABEL (self->popover_message), f->message);
  if (f->suggestion != NULL && f->replaceable)
    {
      g_autofree char *label = NULL;
      if (f->suggestion[0] == '\0')
        label = g_strdup_printf (_("Remove “%s”"), f->quote);
      else
        label = g_strdup_printf (_("Replace with “%s”"), f->suggestion);
      gtk_button_set_label (GTK_BUTTON (self->replace_button), label);
      gtk_widget_set_visible (self->replace_button, TRUE);
      gtk_widget_set_visible (self->popover_hint, FALSE);
    }
  else
    {
      gtk_widget_set_visible (self->replace_button, FALSE);
      gtk_widget_set_visible (self->popover_hint, f->suggestion != NULL);
      gtk_label_set_text (GTK_LABEL (self->popover_hint), f->suggestion != NULL ? f->suggestion : "");
    }
  gtk_revealer_set_reveal_child (GTK_REVEALER (self->dismiss_revealer), FALSE);
  gtk_editable_set_text (GTK_EDITABLE (self->reason_entry), "");

  gtk_text_buffer_get_iter_at_offset (self->buffer, &iter, offset);
  gtk_text_view_get_iter_location (self->view, &iter, &rect);
  gtk_text_view_buffer_to_window_coords (self->view, GTK_TEXT_WINDOW_WIDGET,
                                         rect.x, rect.y, &x, &y);
  rect.x = x;
  rect.y = y;
  rect.width = MAX (rect.width, 1);
  /* Only point at text the user can see: the page may have scrolled the field away. */
  if (!point_is_shown (GTK_WIDGET (self->view), rect.x, rect.y + rect.height / 2))
    return;
  gtk_popover_set_pointing_to (GTK_POPOVER (self->popover), &rect);
  gtk_popover_popup (GTK_POPOVER (self->popover));
}

static void
popover_hide (CandorTextField *self)
{
  if (gtk_widget_get_visible (self->popover))
    gtk_popover_popdown (GTK_POPOVER (self->popover));
}

static void
on_cursor_moved (CandorTextField *self)
{
  GtkTextIter cursor;
  CandorFinding *f;

  if (self->typed || self->syncing)
    {
      /* Typing moves the cursor too; a popover then would get in the way. */
      self->typed = FALSE;
      popover_hide (self);
      return;
    }
  if (!gtk_widget_is_focus (GTK_WIDGET (self->view)))
    return;
  candor_text_field_flush (self);
  gtk_text_buffer_get_iter_at_mark (self->buffer, &cursor, gtk_text_buffer_get_insert (self->buffer));
  f = finding_at (self, gtk_text_iter_get_offset (&cursor));
  if (f != NULL)
    popover_show (self, f, gtk_text_iter_get_offset (&cursor));
  else
    popover_hide (self);
}

static gboolean
hover_timeout (gpointer data)
{
  CandorTextField *self = data;
  CandorFinding *f = finding_at (self, self->hover_offset);

  self->hover_id = 0;
  if (f != NULL)
    popover_show (self, f, self->hover_offset);
  return G_SOURCE_REMOVE;
}

static void
on_motion (GtkEventControllerMotion *motion,
           double                    x,
           double                    y,
           CandorTextField          *self)
{
  GtkTextIter iter;
  int bx, by;

  gtk_text_view_window_to_buffer_coords (self->view, GTK_TEXT_WINDOW_WIDGET, x, y, &bx, &by);
  if (!gtk_text_view_get_iter_at_location (self->view, &iter, bx, by))
    {
      g_clear_handle_id (&self->hover_id, g_source_remove);
      return;
    }
  if (self->hover_id != 0 && self->hover_offset == gtk_text_iter_get_offset (&iter))
    return;
  self->hover_offset = gtk_text_iter_get_offset (&iter);
  g_clear_handle_id (&self->hover_id, g_source_remove);
  /* A short rest on a finding shows it, as a tooltip would, but with working buttons. */
  if (finding_at (self, self->hover_offset) != NULL)
    self->hover_id = g_timeout_add (450, hover_timeout, self);
}

static void
on_replace_clicked (CandorTextField *self)
{
  GtkTextIter a, b;
  g_autofree char *quote = NULL;

  if (self->open_suggestion == NULL)
    return;
  gtk_text_buffer_get_iter_at_offset (self->buffer, &a, self->open_start);
  gtk_text_buffer_get_iter_at_offset (self->buffer, &b, self->open_end);
  quote = gtk_text_buffer_get_text (self->buffer, &a, &b, FALSE);
  popover_hide (self);
  if (g_strcmp0 (quote, self->open_quote) != 0)
    return;   /* the text moved on since the finding was shown */
  /* One user action, so Ctrl+Z undoes the whole replacement. */
  gtk_text_buffer_begin_user_action (self->buffer);
  gtk_text_buffer_delete (self->buffer, &a, &b);
  gtk_text_buffer_insert (self->buffer, &a, self->open_suggestion, -1);
  gtk_text_buffer_end_user_action (self->buffer);
  self->typed = TRUE;
  gtk_widget_grab_focus (GTK_WIDGET (self->view));
}

static void
on_dismiss_clicked (CandorTextField *self)
{
  gtk_revealer_set_reveal_child (GTK_REVEALER (self->dismiss_revealer), TRUE);
  gtk_widget_grab_focus (self->reason_entry);
}

static void
on_dismiss_confirm (CandorTextField *self)
{
  candor_text_field_dismiss_open_finding (self,
                                          gtk_editable_get_text (GTK_EDITABLE (self->reason_entry)));
  popover_hide (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->view));
}

static void
fix_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  CandorTextField *self = CANDOR_TEXT_FIELD (widget);
  GtkTextIter cursor;

  self->typed = FALSE;
  candor_text_field_flush (self);
  gtk_text_buffer_get_iter_at_mark (self->buffer, &cursor, gtk_text_buffer_get_insert (self->buffer));
  if (!candor_text_field_open_finding_at (self, gtk_text_iter_get_offset (&cursor)))
    {
      gtk_widget_error_bell (widget);
      return;
    }
  /* From the keyboard: move into the popover so Tab reaches its buttons. */
  gtk_widget_grab_focus (gtk_widget_get_visible (self->replace_button)
                           ? self->replace_button : self->popover);
}

static void
on_popover_closed (CandorTextField *self)
{
  if (gtk_widget_get_focus_child (self->popover) != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->view));
}

static void
on_style_dark (CandorTextField *self)
{
  update_tag_colors (self);
}

static void
on_focus_leave (CandorTextField *self)
{
  /* The sentence at the end is now finished: judge it. */
  queue_analysis (self);
}

static GtkWidget *
build_popover (CandorTextField *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *dismiss = gtk_button_new_with_mnemonic (_("_Dismiss…"));
  GtkWidget *reason_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *confirm = gtk_button_new_with_mnemonic (_("Dis_miss"));
  GtkWidget *popover = gtk_popover_new ();

  self->popover_message = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->popover_message), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (self->popover_message), 44);
  gtk_label_set_xalign (GTK_LABEL (self->popover_message), 0);
  gtk_box_append (GTK_BOX (box), self->popover_message);
  self->popover_hint = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->popover_hint), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (self->popover_hint), 44);
  gtk_label_set_xalign (GTK_LABEL (self->popover_hint), 0);
  gtk_widget_add_css_class (self->popover_hint, "dim-label");
  gtk_box_append (GTK_BOX (box), self->popover_hint);

  self->replace_button = gtk_button_new_with_label ("");
  gtk_widget_add_css_class (self->replace_button, "suggested-action");
  g_signal_connect_swapped (self->replace_button, "clicked", G_CALLBACK (on_replace_clicked), self);
  gtk_box_append (GTK_BOX (buttons), self->replace_button);
  gtk_widget_set_tooltip_text (dismiss, _("Keep the text as it is and say why"));
  g_signal_connect_swapped (dismiss, "clicked", G_CALLBACK (on_dismiss_clicked), self);
  gtk_box_append (GTK_BOX (buttons), dismiss);
  gtk_box_append (GTK_BOX (box), buttons);

  self->reason_entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->reason_entry), _("Why this text is right"));
  gtk_widget_set_hexpand (self->reason_entry, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->reason_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Reason for dismissing"), -1);
  g_signal_connect_swapped (self->reason_entry, "activate", G_CALLBACK (on_dismiss_confirm), self);
  g_signal_connect_swapped (confirm, "clicked", G_CALLBACK (on_dismiss_confirm), self);
  gtk_box_append (GTK_BOX (reason_box), self->reason_entry);
  gtk_box_append (GTK_BOX (reason_box), confirm);
  self->dismiss_revealer = gtk_revealer_new ();
  gtk_revealer_set_child (GTK_REVEALER (self->dismiss_revealer), reason_box);
  gtk_box_append (GTK_BOX (box), self->dismiss_revealer);

  gtk_popover_set_child (GTK_POPOVER (popover), box);
  /* It must not take the keyboard from the text while the user reads or types. */
  gtk_popover_set_autohide (GTK_POPOVER (popover), FALSE);
  gtk_popover_set_position (GTK_POPOVER (popover), GTK_POS_BOTTOM);
  g_signal_connect_swapped (popover, "closed", G_CALLBACK (on_popover_closed), self);
  gtk_widget_set_parent (popover, GTK_WIDGET (self->view));
  return popover;
}

/* Public API. */

GtkWidget *
candor_text_field_new (CandorElementId id,
                       CandorTextKind  kind)
{
  CandorTextField *self;
  g_autofree char *name = NULL;

  g_return_val_if_fail (id < CANDOR_N_ELEMENTS, NULL);
  g_return_val_if_fail (kind < CANDOR_N_TEXT_KINDS, NULL);

  self = g_object_new (CANDOR_TYPE_TEXT_FIELD, NULL);
  self->id = id;
  self->kind = kind;
  name = g_strdup_printf (kind == CANDOR_TEXT_LABEL ? _("%s label text") : _("%s web text"),
                          candor_element_id_to_display (id));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  return GTK_WIDGET (self);
}

CandorDocument *
candor_text_field_get_document (CandorTextField *self)
{
  g_return_val_if_fail (CANDOR_IS_TEXT_FIELD (self), NULL);

  return self->document;
}

void
candor_text_field_set_document (CandorTextField *self,
                                CandorDocument  *document)
{
  g_return_if_fail (CANDOR_IS_TEXT_FIELD (self));
  g_return_if_fail (document == NULL || CANDOR_IS_DOCUMENT (document));

  if (self->document == document)
    return;
  if (self->document != NULL)
    g_clear_signal_handler (&self->document_changed_id, self->document);
  if (self->element != NULL)
    g_clear_signal_handler (&self->element_changed_id, self->element);
  g_clear_object (&self->element);
  g_set_object (&self->document, document);
  popover_hide (self);

  if (document != NULL)
    {
      self->element = g_object_ref (candor_document_get_element (document, self->id));
      self->element_changed_id = g_signal_connect (self->element, "changed",
                                                   G_CALLBACK (on_element_changed), self);
      self->document_changed_id = g_signal_connect (document, "changed",
                                                    G_CALLBACK (on_document_changed), self);
    }
  load_text (self);
  /* Drafts saved before the answers changed (or empty new ones) get their proposal now. */
  regenerate (self);
  /* Undo must not cross into another document. */
  gtk_text_buffer_set_enable_undo (self->buffer, FALSE);
  gtk_text_buffer_set_enable_undo (self->buffer, TRUE);
  queue_analysis (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

/**
 * candor_text_field_get_view:
 * Returns: (transfer none): the text view
 */
GtkTextView *
candor_text_field_get_view (CandorTextField *self)
{
  g_return_val_if_fail (CANDOR_IS_TEXT_FIELD (self), NULL);
  return self->view;
}

/**
 * candor_text_field_get_buffer:
 * Returns: (transfer none): the buffer holding the text
 */
GtkTextBuffer *
candor_text_field_get_buffer (CandorTextField *self)
{
  g_return_val_if_fail (CANDOR_IS_TEXT_FIELD (self), NULL);
  return self->buffer;
}

/**
 * candor_text_field_get_refresh_button:
 * Returns: (transfer none): the "Update from Answers" button, visible only when offered
 */
GtkWidget *
candor_text_field_get_refresh_button (CandorTextField *self)
{
  g_return_val_if_fail (CANDOR_IS_TEXT_FIELD (self), NULL);
  return self->refresh_button;
}

/**
 * candor_text_field_get_badge_text:
 * Returns: (transfer none): the score badge, e.g. "Grade 6 · Easy to read"
 */
const char *
candor_text_field_get_badge_text (CandorTextField *self)
{
  g_return_val_if_fail (CANDOR_IS_TEXT_FIELD (self), NULL);
  return gtk_label_get_text (GTK_LABEL (self->badge));
}

void
candor_text_field_flush (CandorTextField *self)
{
  g_return_if_fail (CANDOR_IS_TEXT_FIELD (self));

  if (self->analyse_id != 0 || self->analysis == NULL)
    analyse (self);
}

/**
 * candor_text_field_get_findings:
 * Returns: (transfer none) (element-type CandorFinding) (nullable): the findings shown
 */
GPtrArray *
candor_text_field_get_findings (CandorTextField *self)
{
  g_return_val_if_fail (CANDOR_IS_TEXT_FIELD (self), NULL);
  return self->findings;
}

gboolean
candor_text_field_has_finding_at (CandorTextField *self,
                                  int              offset,
                                  const char     **out_rule)
{
  GtkTextIter iter;
  CandorFinding *f;

  g_return_val_if_fail (CANDOR_IS_TEXT_FIELD (self), FALSE);

  gtk_text_buffer_get_iter_at_offset (self->buffer, &iter, offset);
  for (guint i = 0; i < N_LEVELS; i++)
    if (gtk_text_iter_has_tag (&iter, self->tags[i]))
      {
        f = finding_at (self, offset);
        if (out_rule != NULL)
          *out_rule = f != NULL ? f->rule : NULL;
        return TRUE;
      }
  return FALSE;
}

gboolean
candor_text_field_open_finding_at (CandorTextField *self,
                                   int              offset)
{
  CandorFinding *f;

  g_return_val_if_fail (CANDOR_IS_TEXT_FIELD (self), FALSE);

  candor_text_field_flush (self);
  f = finding_at (self, offset);
  if (f == NULL)
    return FALSE;
  popover_show (self, f, offset);
  return TRUE;
}

/**
 * candor_text_field_get_replace_button:
 * Returns: (transfer none): the popover's one-click fix button
 */
GtkWidget *
candor_text_field_get_replace_button (CandorTextField *self)
{
  g_return_val_if_fail (CANDOR_IS_TEXT_FIELD (self), NULL);
  return self->replace_button;
}

gboolean
candor_text_field_dismiss_open_finding (CandorTextField *self,
                                        const char      *reason)
{
  JsonObject *old;
  g_autoptr(JsonObject) review = NULL;
  g_autoptr(JsonArray) dismissals = NULL;
  g_autoptr(JsonObject) entry = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *created = NULL;

  g_return_val_if_fail (CANDOR_IS_TEXT_FIELD (self), FALSE);

  if (self->document == NULL || self->open_rule == NULL)
    return FALSE;

  old = candor_document_get_review (self->document);
  review = json_object_new ();
  dismissals = json_array_new ();
  if (old != NULL)
    {
      JsonObjectIter iter;
      const char *name;
      JsonNode *node;

      json_object_iter_init (&iter, old);
      while (json_object_iter_next (&iter, &name, &node))
        {
          if (g_str_equal (name, "dismissals") && JSON_NODE_HOLDS_ARRAY (node))
            {
              JsonArray *array = json_node_get_array (node);
              for (guint i = 0; i < json_array_get_length (array); i++)
                json_array_add_element (dismissals, json_node_copy (json_array_get_element (array, i)));
            }
          else
            json_object_set_member (review, name, json_node_copy (node));
        }
    }

  now = g_date_time_new_now_utc ();
  created = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  entry = json_object_new ();
  json_object_set_string_member (entry, "element", candor_element_id_to_key (self->id));
  json_object_set_string_member (entry, "field",
                                 self->kind == CANDOR_TEXT_LABEL ? "label_text" : "web_text");
  json_object_set_string_member (entry, "rule", self->open_rule);
  json_object_set_string_member (entry, "quote", self->open_quote);
  json_object_set_int_member (entry, "start", self->open_start);
  if (reason != NULL && reason[0] != '\0')
    json_object_set_string_member (entry, "reason", reason);
  json_object_set_string_member (entry, "author", g_get_real_name ());
  json_object_set_string_member (entry, "created", created);
  json_array_add_object_element (dismissals, g_steal_pointer (&entry));
  json_object_set_array_member (review, "dismissals", g_steal_pointer (&dismissals));

  candor_document_set_review (self->document, review);
  g_clear_pointer (&self->open_rule, g_free);
  analyse (self);
  return TRUE;
}

/* GObject. */

static void
candor_text_field_dispose (GObject *object)
{
  CandorTextField *self = CANDOR_TEXT_FIELD (object);

  g_clear_handle_id (&self->analyse_id, g_source_remove);
  g_clear_handle_id (&self->hover_id, g_source_remove);
  candor_text_field_set_document (self, NULL);
  g_clear_handle_id (&self->analyse_id, g_source_remove);
  g_clear_pointer (&self->popover, gtk_widget_unparent);
  g_clear_pointer (&self->findings, g_ptr_array_unref);
  g_clear_object (&self->analysis);
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (candor_text_field_parent_class)->dispose (object);
}

static void
candor_text_field_finalize (GObject *object)
{
  CandorTextField *self = CANDOR_TEXT_FIELD (object);

  g_free (self->open_rule);
  g_free (self->open_quote);
  g_free (self->open_suggestion);

  G_OBJECT_CLASS (candor_text_field_parent_class)->finalize (object);
}

static void
candor_text_field_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  CandorTextField *self = CANDOR_TEXT_FIELD (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
candor_text_field_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  CandorTextField *self = CANDOR_TEXT_FIELD (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      candor_text_field_set_document (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
candor_text_field_class_init (CandorTextFieldClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = candor_text_field_dispose;
  object_class->finalize = candor_text_field_finalize;
  object_class->get_property = candor_text_field_get_property;
  object_class->set_property = candor_text_field_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, CANDOR_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "candortextfield");
  gtk_widget_class_install_action (widget_class, "text.show-fix", NULL, fix_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_period, GDK_CONTROL_MASK,
                                       "text.show-fix", NULL);
}

static void
load_css (void)
{
  static gboolean loaded;
  g_autoptr(GtkCssProvider) provider = NULL;
  GdkDisplay *display = gdk_display_get_default ();

  if (loaded || display == NULL)
    return;
  loaded = TRUE;
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, APP_PATH "/wizard.css");
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

static void
candor_text_field_init (CandorTextField *self)
{
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *icon;
  GtkWidget *message;
  GtkWidget *frame;
  GtkEventController *motion;
  GtkEventController *focus;

  load_css ();
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self))), 6);

  self->badge = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->badge, "candor-badge");
  gtk_widget_set_hexpand (self->badge, TRUE);
  gtk_widget_set_halign (self->badge, GTK_ALIGN_END);
  gtk_box_append (GTK_BOX (header), self->badge);
  gtk_widget_set_parent (header, GTK_WIDGET (self));

  self->refresh_bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  gtk_widget_add_css_class (self->refresh_bar, "candor-refresh-bar");
  icon = gtk_image_new_from_icon_name ("view-refresh-symbolic");
  gtk_widget_set_valign (icon, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (self->refresh_bar), icon);
  message = gtk_label_new (_("You edited this text, so new answers no longer change it. It differs from the wording the answers give."));
  gtk_label_set_wrap (GTK_LABEL (message), TRUE);
  gtk_label_set_xalign (GTK_LABEL (message), 0);
  gtk_widget_set_hexpand (message, TRUE);
  gtk_box_append (GTK_BOX (self->refresh_bar), message);
  self->refresh_button = gtk_button_new_with_mnemonic (_("_Update from Answers"));
  gtk_widget_set_valign (self->refresh_button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (self->refresh_button,
                               _("Replace your text with wording made from the answers. Ctrl+Z brings it back."));
  g_signal_connect_swapped (self->refresh_button, "clicked", G_CALLBACK (on_refresh_clicked), self);
  gtk_box_append (GTK_BOX (self->refresh_bar), self->refresh_button);
  gtk_widget_set_visible (self->refresh_bar, FALSE);
  gtk_widget_set_parent (self->refresh_bar, GTK_WIDGET (self));

  self->view = GTK_TEXT_VIEW (gtk_text_view_new ());
  self->buffer = gtk_text_view_get_buffer (self->view);
  gtk_text_view_set_wrap_mode (self->view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (self->view, 8);
  gtk_text_view_set_bottom_margin (self->view, 8);
  gtk_text_view_set_left_margin (self->view, 10);
  gtk_text_view_set_right_margin (self->view, 10);
  gtk_text_view_set_accepts_tab (self->view, FALSE);
  gtk_text_view_set_pixels_below_lines (self->view, 2);
  gtk_widget_set_size_request (GTK_WIDGET (self->view), -1, 72);
  gtk_widget_add_css_class (GTK_WIDGET (self->view), "candor-text");
  frame = gtk_frame_new (NULL);
  gtk_frame_set_child (GTK_FRAME (frame), GTK_WIDGET (self->view));
  gtk_widget_set_parent (frame, GTK_WIDGET (self));

  self->tags[LEVEL_ERROR] = gtk_text_buffer_create_tag (self->buffer, tag_names[LEVEL_ERROR],
                                                        "underline", PANGO_UNDERLINE_ERROR, NULL);
  self->tags[LEVEL_WARNING] = gtk_text_buffer_create_tag (self->buffer, tag_names[LEVEL_WARNING],
                                                          "underline", PANGO_UNDERLINE_SINGLE, NULL);
  self->tags[LEVEL_ADVICE] = gtk_text_buffer_create_tag (self->buffer, tag_names[LEVEL_ADVICE],
                                                         "underline", PANGO_UNDERLINE_DOUBLE, NULL);
  update_tag_colors (self);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (on_style_dark), self, G_CONNECT_SWAPPED);

  self->summary = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->summary), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->summary), 0);
  gtk_widget_add_css_class (self->summary, "caption");
  gtk_widget_add_css_class (self->summary, "dim-label");
  gtk_widget_set_parent (self->summary, GTK_WIDGET (self));

  self->popover = build_popover (self);

  g_signal_connect_swapped (self->buffer, "changed", G_CALLBACK (on_buffer_changed), self);
  g_signal_connect_swapped (self->buffer, "notify::cursor-position", G_CALLBACK (on_cursor_moved), self);
  motion = gtk_event_controller_motion_new ();
  g_signal_connect (motion, "motion", G_CALLBACK (on_motion), self);
  gtk_widget_add_controller (GTK_WIDGET (self->view), motion);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (on_focus_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self->view), focus);
}
