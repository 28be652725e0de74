/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-text-field-findings.c: live readability in a text field: one analysis per idle pass,
 * highlights whose colour and underline style tell the severity, the score badge, and the
 * popover with the message, the one-click fix and "Dismiss". */

#include "config.h"

#include <math.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "candor-readiness.h"
#include "candor-text-field-private.h"

static const char *tag_names[N_LEVELS] = { "finding-error", "finding-warning", "finding-advice" };

static Level
rule_level (const char *rule)
{
  if (g_str_equal (rule, CANDOR_RULE_VERY_LONG_SENTENCE) ||
      g_str_equal (rule, CANDOR_RULE_DOUBLE_NEGATIVE))
    return LEVEL_ERROR;
  /* Advice is what does not keep an element from being ready (POLICY.md, "Readiness"). */
  if (!candor_readiness_finding_blocks (rule))
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
    { "#ff7b63", "#ffa348", "#99c1f1" },
  };
  static const char *background[2][N_LEVELS] = {
    { "rgba(224,27,36,0.14)", "rgba(229,165,10,0.20)", "rgba(53,132,228,0.12)" },
    { "rgba(255,123,99,0.26)", "rgba(255,163,72,0.22)", "rgba(153,193,241,0.20)" },
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
      text = g_strdup_printf (_("Grade %d · %s"), (int) MAX (0, ceil (grade)), verdict);
      gtk_widget_add_css_class (self->badge, grade <= CANDOR_TARGET_GRADE ? "success"
                                             : grade <= 10.0 ? "warning" : "error");
    }
  else
    text = g_strdup (verdict);
  gtk_label_set_text (GTK_LABEL (self->badge), text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->badge),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);

  if (candor_text_analysis_get_counts (self->analysis)->words == 0)
    summary = g_strdup (_("The text appears here once you answer the questions. You can also write your own."));
  else if (n == 0)
    summary = g_strdup (_("No readability findings."));
  else
    summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "%u finding. Put the cursor on the underlined words to see it; Ctrl+. opens the fix.",
                                            "%u findings. Put the cursor on the underlined words to see them; Ctrl+. opens the fix.",
                                            n), n);
  gtk_label_set_text (GTK_LABEL (self->summary), summary);
}

/* Offsets [start, end) of character ranges, merged where they touch or overlap. */
typedef struct
{
  int start;
  int end;
} Span;

static int
compare_spans (gconstpointer a, gconstpointer b)
{
  const Span *x = a, *y = b;
  return x->start != y->start ? (x->start > y->start) - (x->start < y->start)
                              : (x->end > y->end) - (x->end < y->end);
}

static GArray *
merge_spans (GArray *spans)
{
  GArray *merged = g_array_new (FALSE, FALSE, sizeof (Span));

  g_array_sort (spans, compare_spans);
  for (guint i = 0; i < spans->len; i++)
    {
      Span *s = &g_array_index (spans, Span, i);
      Span *last = merged->len > 0 ? &g_array_index (merged, Span, merged->len - 1) : NULL;

      if (last != NULL && s->start <= last->end)
        last->end = MAX (last->end, s->end);
      else
        g_array_append_val (merged, *s);
    }
  return merged;
}

/* The ranges @tag covers now (tags move with the text, so after an edit they are still where
 * the last analysis put them, shifted). */
static GArray *
tagged_spans (GtkTextBuffer *buffer,
              GtkTextTag    *tag)
{
  GArray *spans = g_array_new (FALSE, FALSE, sizeof (Span));
  GtkTextIter iter;

  gtk_text_buffer_get_start_iter (buffer, &iter);
  if (!gtk_text_iter_starts_tag (&iter, tag) && !gtk_text_iter_forward_to_tag_toggle (&iter, tag))
    return spans;
  while (gtk_text_iter_starts_tag (&iter, tag))
    {
      Span s = { gtk_text_iter_get_offset (&iter), 0 };

      gtk_text_iter_forward_to_tag_toggle (&iter, tag);
      s.end = gtk_text_iter_get_offset (&iter);
      g_array_append_val (spans, s);
      if (!gtk_text_iter_forward_to_tag_toggle (&iter, tag))
        break;
    }
  return spans;
}

static gboolean
span_in (const Span *s,
         GArray     *spans)
{
  for (guint i = 0; i < spans->len; i++)
    {
      const Span *o = &g_array_index (spans, Span, i);

      if (o->start == s->start && o->end == s->end)
        return TRUE;
      if (o->start > s->start)
        break;
    }
  return FALSE;
}

/* Changes only the highlights that differ from what the buffer shows: removing and applying
 * every tag over the whole text made GtkTextView lay out all of a 20,000-character text again
 * on each keystroke. */
static void
update_highlights (CandorTextField *self)
{
  for (guint level = 0; level < N_LEVELS; level++)
    {
      g_autoptr(GArray) wanted = g_array_new (FALSE, FALSE, sizeof (Span));
      g_autoptr(GArray) merged = NULL;
      g_autoptr(GArray) shown = tagged_spans (self->buffer, self->tags[level]);

      for (guint i = 0; i < self->findings->len; i++)
        {
          CandorFinding *f = g_ptr_array_index (self->findings, i);
          Span s = { f->start, f->end };

          if (rule_level (f->rule) == level && f->end > f->start)
            g_array_append_val (wanted, s);
        }
      merged = merge_spans (wanted);
      for (guint i = 0; i < shown->len; i++)
        {
          Span *s = &g_array_index (shown, Span, i);
          GtkTextIter a, b;

          if (span_in (s, merged))
            continue;
          gtk_text_buffer_get_iter_at_offset (self->buffer, &a, s->start);
          gtk_text_buffer_get_iter_at_offset (self->buffer, &b, s->end);
          gtk_text_buffer_remove_tag (self->buffer, self->tags[level], &a, &b);
        }
      for (guint i = 0; i < merged->len; i++)
        {
          Span *s = &g_array_index (merged, Span, i);
          GtkTextIter a, b;

          if (span_in (s, shown))
            continue;
          gtk_text_buffer_get_iter_at_offset (self->buffer, &a, s->start);
          gtk_text_buffer_get_iter_at_offset (self->buffer, &b, s->end);
          gtk_text_buffer_apply_tag (self->buffer, self->tags[level], &a, &b);
        }
    }
}

/* While a long text is analysed in a worker thread: its old highlights stay (they moved with
 * the text), but nothing claims the new text has no findings. */
static void
show_checking (CandorTextField *self)
{
  const char *checking = _("Checking…");

  self->checking = TRUE;
  g_clear_pointer (&self->findings, g_ptr_array_unref);
  g_clear_object (&self->analysis);
  gtk_widget_remove_css_class (self->badge, "success");
  gtk_widget_remove_css_class (self->badge, "warning");
  gtk_widget_remove_css_class (self->badge, "error");
  gtk_label_set_text (GTK_LABEL (self->badge), checking);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->badge), GTK_ACCESSIBLE_PROPERTY_LABEL, checking, -1);
  gtk_label_set_text (GTK_LABEL (self->summary), checking);
}

static void
apply_analysis (CandorTextField    *self,
                CandorTextAnalysis *analysis)
{
  g_autoptr(GPtrArray) dismissals = NULL;

  self->checking = FALSE;
  g_clear_pointer (&self->findings, g_ptr_array_unref);
  g_set_object (&self->analysis, analysis);
  dismissals = candor_dismissals_from_review (self->document != NULL
                                                ? candor_document_get_review (self->document)
                                                : NULL,
                                              self->id, self->kind);
  self->findings = candor_dismissals_filter (candor_text_analysis_get_findings (self->analysis),
                                             dismissals);
  update_highlights (self);
  update_badge (self);
}

/* @now: analyse on this thread whatever the length (an explicit flush), not in a worker. */
static void
analyse (CandorTextField *self,
         gboolean         now)
{
  GtkTextIter start, end, cursor;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CandorTextAnalysis) analysis = NULL;
  CandorAnalysisFlags flags = CANDOR_ANALYSIS_NONE;

  g_clear_handle_id (&self->analyse_id, g_source_remove);

  gtk_text_buffer_get_bounds (self->buffer, &start, &end);
  text = gtk_text_buffer_get_text (self->buffer, &start, &end, FALSE);
  gtk_text_buffer_get_iter_at_mark (self->buffer, &cursor, gtk_text_buffer_get_insert (self->buffer));
  /* The sentence still being typed at the end gets no "too long" yet. */
  if (gtk_widget_is_focus (GTK_WIDGET (self->view)) && gtk_text_iter_is_end (&cursor))
    flags |= CANDOR_ANALYSIS_IN_PROGRESS;

  if (self->cache != NULL && !now)
    {
      /* Shared with the step list and the review page; long texts go to a worker thread. */
      analysis = candor_analysis_cache_request (self->cache, self->id, self->kind, text, flags);
      if (analysis == NULL && candor_analysis_cache_is_pending (self->cache, self->id, self->kind))
        {
          show_checking (self);
          return;
        }
    }
  if (analysis == NULL)
    analysis = candor_text_analysis_new (text, -1, self->kind, flags, &error);
  if (analysis == NULL)
    {
      g_warning ("Could not analyse the text: %s", error != NULL ? error->message : "not UTF-8");
      return;
    }
  apply_analysis (self, analysis);
}

static void
on_analysed (CandorTextField *self,
             guint            id,
             guint            kind)
{
  g_autofree char *text = NULL;
  g_autoptr(CandorTextAnalysis) analysis = NULL;
  GtkTextIter start, end;

  if (id != self->id || kind != self->kind || !self->checking)
    return;
  gtk_text_buffer_get_bounds (self->buffer, &start, &end);
  text = gtk_text_buffer_get_text (self->buffer, &start, &end, FALSE);
  /* Only a result for the text as it is now; otherwise the newer request's result follows. */
  analysis = candor_analysis_cache_lookup (self->cache, self->id, self->kind, text);
  if (analysis != NULL)
    apply_analysis (self, analysis);
}

void
candor_text_field_watch_cache (CandorTextField *self)
{
  CandorAnalysisCache *cache = self->document != NULL
                                 ? candor_analysis_cache_get_for_document (self->document) : NULL;

  if (self->cache == cache)
    return;
  if (self->cache != NULL)
    g_clear_signal_handler (&self->cache_id, self->cache);
  g_set_object (&self->cache, cache);
  if (cache != NULL)
    self->cache_id = g_signal_connect_object (cache, "analysed", G_CALLBACK (on_analysed), self,
                                              G_CONNECT_SWAPPED);
}

static gboolean
analyse_idle (gpointer data)
{
  CandorTextField *self = data;

  self->analyse_id = 0;
  analyse (self, FALSE);
  return G_SOURCE_REMOVE;
}

void
candor_text_field_queue_analysis (CandorTextField *self)
{
  /* Many changes in one frame (a paste, an undo) give one pass, before the next frame is
   * laid out and painted (GDK_PRIORITY_REDRAW is HIGH_IDLE + 20): a lower priority can starve
   * while frames follow each other. */
  if (self->analyse_id == 0)
    self->analyse_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE + 10, analyse_idle, self, NULL);
  /* A long text goes to a worker thread: from this change on, what the field shows is not
   * about the text as it is. (Short ones are analysed before the next frame.) */
  if (self->cache != NULL && !self->checking &&
      gtk_text_buffer_get_char_count (self->buffer) > CANDOR_ANALYSIS_SYNC_MAX_BYTES)
    show_checking (self);
}

/* The popover with a finding's message, its fix and "Dismiss". */

/* @x, @y of @widget in the coordinates of @target. */
static gboolean
translate_point (GtkWidget *widget,
                 GtkWidget *target,
                 double     x,
                 double     y,
                 double    *out_x,
                 double    *out_y)
{
#if GTK_CHECK_VERSION (4, 12, 0)
  graphene_point_t p;

  if (!gtk_widget_compute_point (widget, target, &GRAPHENE_POINT_INIT (x, y), &p))
    return FALSE;
  *out_x = p.x;
  *out_y = p.y;
  return TRUE;
#else
  return gtk_widget_translate_coordinates (widget, target, x, y, out_x, out_y);
#endif
}

static gboolean
point_is_shown (GtkWidget *widget,
                double     x,
                double     y)
{
  GtkWidget *root = GTK_WIDGET (gtk_widget_get_root (widget));
  GtkWidget *scrolled;
  double rx, ry;

  if (root == NULL || !gtk_widget_get_mapped (widget))
    return FALSE;
  if (!translate_point (widget, root, x, y, &rx, &ry))
    return FALSE;
  /* Within the window, and within the scrolled area that holds the field. */
  scrolled = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  if (scrolled != NULL)
    {
      double sx, sy;

      if (!translate_point (widget, scrolled, x, y, &sx, &sy))
        return FALSE;
      if (sx < 0 || sy < 0 || sx > gtk_widget_get_width (scrolled) ||
          sy > gtk_widget_get_height (scrolled))
        return FALSE;
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
  candor_finding_popover_show_finding (self->popover, f, &rect);
}

void
candor_text_field_hide_finding (CandorTextField *self)
{
  if (gtk_widget_get_visible (GTK_WIDGET (self->popover)))
    gtk_popover_popdown (GTK_POPOVER (self->popover));
}

static void
on_cursor_moved (CandorTextField *self)
{
  GtkTextIter cursor;
  CandorFinding *f;

  if (self->escaping)
    return;
  if (self->typed || self->syncing)
    {
      /* Typing moves the cursor too; a popover then would get in the way. */
      self->typed = FALSE;
      candor_text_field_hide_finding (self);
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
    candor_text_field_hide_finding (self);
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
on_replace (CandorTextField *self)
{
  CandorFindingPopover *popover = self->popover;
  GtkTextIter a, b;
  g_autofree char *quote = NULL;

  gtk_text_buffer_get_iter_at_offset (self->buffer, &a, candor_finding_popover_get_start (popover));
  gtk_text_buffer_get_iter_at_offset (self->buffer, &b, candor_finding_popover_get_end (popover));
  quote = gtk_text_buffer_get_text (self->buffer, &a, &b, FALSE);
  candor_text_field_hide_finding (self);
  if (g_strcmp0 (quote, candor_finding_popover_get_quote (popover)) != 0)
    return;   /* the text moved on since the finding was shown */
  /* One user action, so Ctrl+Z undoes the whole replacement. */
  gtk_text_buffer_begin_user_action (self->buffer);
  gtk_text_buffer_delete (self->buffer, &a, &b);
  gtk_text_buffer_insert (self->buffer, &a, candor_finding_popover_get_suggestion (popover), -1);
  gtk_text_buffer_end_user_action (self->buffer);
  self->typed = TRUE;
  gtk_widget_grab_focus (GTK_WIDGET (self->view));
}

static void
on_dismiss (CandorTextField *self,
            const char      *reason)
{
  candor_text_field_dismiss_open_finding (self, reason);
  candor_text_field_hide_finding (self);
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
  candor_finding_popover_focus (self->popover);
}

/* Escape closes the popover and leaves the keyboard in the text, with the cursor at the
 * finding (a popover opened by the pointer may point away from the cursor). */
static void
on_popover_cancel (CandorTextField *self)
{
  CandorFindingPopover *popover = self->popover;
  GtkTextIter cursor;
  int offset;

  gtk_text_buffer_get_iter_at_mark (self->buffer, &cursor, gtk_text_buffer_get_insert (self->buffer));
  offset = gtk_text_iter_get_offset (&cursor);
  self->escaping = TRUE;
  if (candor_finding_popover_get_rule (popover) != NULL &&
      (offset < candor_finding_popover_get_start (popover) || offset > candor_finding_popover_get_end (popover)))
    {
      GtkTextIter at;

      gtk_text_buffer_get_iter_at_offset (self->buffer, &at, candor_finding_popover_get_start (popover));
      gtk_text_buffer_place_cursor (self->buffer, &at);
    }
  candor_text_field_hide_finding (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->view));
  self->escaping = FALSE;
}

/* Escape in the text while the popover shows (it does not take the keyboard). */
static gboolean
escape_shortcut (GtkWidget *widget,
                 GVariant  *args,
                 gpointer   data)
{
  CandorTextField *self = data;

  g_clear_handle_id (&self->hover_id, g_source_remove);
  if (!gtk_widget_get_visible (GTK_WIDGET (self->popover)))
    return FALSE;   /* Escape stays the dialog's or the window's */
  on_popover_cancel (self);
  return TRUE;
}

static void
on_popover_closed (CandorTextField *self)
{
  if (gtk_widget_get_focus_child (GTK_WIDGET (self->popover)) != NULL)
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
  candor_text_field_queue_analysis (self);
}

void
candor_text_field_flush (CandorTextField *self)
{
  g_return_if_fail (CANDOR_IS_TEXT_FIELD (self));

  if (self->analyse_id != 0 || self->analysis == NULL || self->checking)
    analyse (self, TRUE);
}

gboolean
candor_text_field_is_analysed (CandorTextField *self)
{
  g_return_val_if_fail (CANDOR_IS_TEXT_FIELD (self), FALSE);

  return self->analyse_id == 0 && self->analysis != NULL && !self->checking;
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
 * candor_text_field_get_popover:
 * Returns: (transfer none): the popover that shows a finding
 */
GtkWidget *
candor_text_field_get_popover (CandorTextField *self)
{
  g_return_val_if_fail (CANDOR_IS_TEXT_FIELD (self), NULL);
  return GTK_WIDGET (self->popover);
}

/**
 * candor_text_field_get_replace_button:
 * Returns: (transfer none): the popover's one-click fix button
 */
GtkWidget *
candor_text_field_get_replace_button (CandorTextField *self)
{
  g_return_val_if_fail (CANDOR_IS_TEXT_FIELD (self), NULL);
  return candor_finding_popover_get_replace_button (self->popover);
}

gboolean
candor_text_field_dismiss_open_finding (CandorTextField *self,
                                        const char      *reason)
{
  g_autoptr(JsonObject) review = NULL;
  CandorFindingPopover *popover;

  g_return_val_if_fail (CANDOR_IS_TEXT_FIELD (self), FALSE);

  popover = self->popover;
  if (self->document == NULL || candor_finding_popover_get_rule (popover) == NULL)
    return FALSE;
  review = candor_review_add_dismissal (candor_document_get_review (self->document), self->id,
                                        self->kind, candor_finding_popover_get_rule (popover),
                                        candor_finding_popover_get_quote (popover),
                                        candor_finding_popover_get_start (popover), reason);
  candor_document_set_review (self->document, review);
  analyse (self, FALSE);
  return TRUE;
}

void
candor_text_field_init_findings (CandorTextField *self)
{
  GtkEventController *motion;
  GtkEventController *focus;
  GtkEventController *shortcuts;

  self->tags[LEVEL_ERROR] = gtk_text_buffer_create_tag (self->buffer, tag_names[LEVEL_ERROR],
                                                        "underline", PANGO_UNDERLINE_ERROR, NULL);
  self->tags[LEVEL_WARNING] = gtk_text_buffer_create_tag (self->buffer, tag_names[LEVEL_WARNING],
                                                          "underline", PANGO_UNDERLINE_SINGLE, NULL);
  self->tags[LEVEL_ADVICE] = gtk_text_buffer_create_tag (self->buffer, tag_names[LEVEL_ADVICE],
                                                         "underline", PANGO_UNDERLINE_DOUBLE, NULL);
  update_tag_colors (self);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (on_style_dark), self, G_CONNECT_SWAPPED);

  self->popover = CANDOR_FINDING_POPOVER (candor_finding_popover_new ());
  g_signal_connect_swapped (self->popover, "replace", G_CALLBACK (on_replace), self);
  g_signal_connect_swapped (self->popover, "dismiss", G_CALLBACK (on_dismiss), self);
  g_signal_connect_swapped (self->popover, "cancel", G_CALLBACK (on_popover_cancel), self);
  g_signal_connect_swapped (self->popover, "closed", G_CALLBACK (on_popover_closed), self);
  gtk_widget_set_parent (GTK_WIDGET (self->popover), GTK_WIDGET (self->view));

  g_signal_connect_swapped (self->buffer, "notify::cursor-position", G_CALLBACK (on_cursor_moved), self);
  motion = gtk_event_controller_motion_new ();
  g_signal_connect (motion, "motion", G_CALLBACK (on_motion), self);
  gtk_widget_add_controller (GTK_WIDGET (self->view), motion);
  /* Ctrl+. as in code editors' "quick fix". The text view would insert an emoji on it (Ctrl+;
   * still does), so the shortcut runs before the view sees the key. */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_period, GDK_CONTROL_MASK),
                                                          gtk_named_action_new ("field.show-fix")));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                                                          gtk_callback_action_new (escape_shortcut, self, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self->view), shortcuts);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (on_focus_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self->view), focus);
}

void
candor_text_field_class_init_findings (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "field.show-fix", NULL, fix_action);
}
