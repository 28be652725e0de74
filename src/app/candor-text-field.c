/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-text-field.c: a label or web text editor with live readability findings and a badge. */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "candor-format.h"
#include "candor-text-field-private.h"
#include "candor-wording.h"

G_DEFINE_FINAL_TYPE (CandorTextField, candor_text_field, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

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
  candor_text_field_queue_analysis (self);
}

/* The length limit: the loader's, so the editor never holds a text that cannot be saved. */

static void
update_counter (CandorTextField *self)
{
  int count = gtk_text_buffer_get_char_count (self->buffer);
  g_autofree char *text = NULL;

  if (self->max_length <= 0 || count < self->max_length * 9 / 10)
    {
      gtk_widget_set_visible (self->counter, FALSE);
      return;
    }
  text = g_strdup_printf (_("%'d of %'" G_GINT64_FORMAT " characters"), count, self->max_length);
  gtk_label_set_text (GTK_LABEL (self->counter), text);
  if (count >= self->max_length)
    gtk_widget_add_css_class (self->counter, "error");
  else
    gtk_widget_remove_css_class (self->counter, "error");
  gtk_widget_set_visible (self->counter, TRUE);
}

static void
on_insert_text (GtkTextBuffer   *buffer,
                GtkTextIter     *location,
                const char      *text,
                int              length,
                CandorTextField *self)
{
  gint64 room, inserted;
  g_autofree char *kept = NULL;
  g_autofree char *message = NULL;

  if (self->max_length <= 0)
    return;
  room = MAX (0, self->max_length - gtk_text_buffer_get_char_count (buffer));
  inserted = g_utf8_strlen (text, length);
  if (inserted <= room)
    return;

  /* Keep what fits, and say how much did not: nothing is dropped silently. */
  g_signal_stop_emission_by_name (buffer, "insert-text");
  if (room > 0)
    {
      kept = g_utf8_substring (text, 0, room);
      gtk_text_buffer_insert (buffer, location, kept, -1);
    }
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "This text can hold at most %'" G_GINT64_FORMAT " characters: %'" G_GINT64_FORMAT " character was left out.",
                                          "This text can hold at most %'" G_GINT64_FORMAT " characters: %'" G_GINT64_FORMAT " characters were left out.",
                                          (gulong) (inserted - room)),
                             self->max_length, inserted - room);
  gtk_label_set_text (GTK_LABEL (self->limit_message), message);
  gtk_widget_set_visible (self->limit_message, TRUE);
}

static void
on_buffer_changed (CandorTextField *self)
{
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  candor_text_field_queue_analysis (self);
  update_counter (self);
  if (gtk_text_buffer_get_char_count (self->buffer) < self->max_length)
    gtk_widget_set_visible (self->limit_message, FALSE);
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
      candor_text_field_queue_analysis (self);   /* dismissals may have changed */
      return;
    }
  if (g_strcmp0 (section, "metadata") == 0)
    return;
  if (key != NULL && (g_str_equal (key, "label_text") || g_str_equal (key, "web_text")))
    return;
  regenerate (self);
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
  self->max_length = candor_format_get_text_max_length (id, kind);
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
  candor_text_field_hide_finding (self);
  candor_text_field_watch_cache (self);

  if (document != NULL)
    {
      self->element = g_object_ref (candor_document_get_element (document, self->id));
      self->element_changed_id = g_signal_connect (self->element, "changed",
                                                   G_CALLBACK (on_element_changed), self);
      self->document_changed_id = g_signal_connect (document, "changed",
                                                    G_CALLBACK (on_document_changed), self);
    }
  load_text (self);
  /* Opening a draft must not change it (or mark it modified): texts are regenerated only when
   * an answer changes. */
  update_refresh_offer (self);
  /* Undo must not cross into another document. */
  gtk_text_buffer_set_enable_undo (self->buffer, FALSE);
  gtk_text_buffer_set_enable_undo (self->buffer, TRUE);
  candor_text_field_queue_analysis (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

/**
 * candor_text_field_get_summary:
 * Returns: (transfer none)
 */
GtkWidget *
candor_text_field_get_summary (CandorTextField *self)
{
  g_return_val_if_fail (CANDOR_IS_TEXT_FIELD (self), NULL);
  return self->summary;
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
 * candor_text_field_get_badge:
 *
 * The score badge ("Grade 6 · Easy to read"), for the container to place, e.g. as the header
 * suffix of the field's preferences group. The field keeps it up to date.
 * Returns: (transfer none): the badge label
 */
GtkWidget *
candor_text_field_get_badge (CandorTextField *self)
{
  g_return_val_if_fail (CANDOR_IS_TEXT_FIELD (self), NULL);
  return self->badge;
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

/**
 * candor_text_field_get_counter:
 * Returns: (transfer none): the character counter, visible from 90 % of the limit
 */
GtkWidget *
candor_text_field_get_counter (CandorTextField *self)
{
  g_return_val_if_fail (CANDOR_IS_TEXT_FIELD (self), NULL);
  return self->counter;
}

/**
 * candor_text_field_get_limit_message:
 * Returns: (transfer none): the message saying what the length limit left out
 */
GtkWidget *
candor_text_field_get_limit_message (CandorTextField *self)
{
  g_return_val_if_fail (CANDOR_IS_TEXT_FIELD (self), NULL);
  return self->limit_message;
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
  if (self->popover != NULL)
    gtk_widget_unparent (GTK_WIDGET (g_steal_pointer (&self->popover)));
  g_clear_object (&self->badge);
  g_clear_pointer (&self->findings, g_ptr_array_unref);
  g_clear_object (&self->analysis);
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (candor_text_field_parent_class)->dispose (object);
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
  object_class->get_property = candor_text_field_get_property;
  object_class->set_property = candor_text_field_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, CANDOR_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "candortextfield");
  candor_text_field_class_init_findings (widget_class);
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
  GtkWidget *icon;
  GtkWidget *message;
  GtkWidget *frame;

  load_css ();
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self))), 6);

  /* The badge goes where the container wants it (a group header): see get_badge(). */
  self->badge = g_object_ref_sink (gtk_label_new (NULL));
  gtk_widget_add_css_class (self->badge, "candor-badge");
  gtk_widget_set_valign (self->badge, GTK_ALIGN_CENTER);

  self->refresh_bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  gtk_widget_add_css_class (self->refresh_bar, "candor-refresh-bar");
  icon = gtk_image_new_from_icon_name ("view-refresh-symbolic");
  gtk_widget_set_valign (icon, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (self->refresh_bar), icon);
  message = gtk_label_new (_("You changed this text, so new answers do not change it."));
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

  self->summary = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->summary), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->summary), 0);
  gtk_widget_add_css_class (self->summary, "caption");
  gtk_widget_add_css_class (self->summary, "dim-label");
  gtk_widget_set_parent (self->summary, GTK_WIDGET (self));

  self->counter = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->counter), 1);
  gtk_widget_add_css_class (self->counter, "caption");
  gtk_widget_add_css_class (self->counter, "numeric");
  gtk_widget_set_visible (self->counter, FALSE);
  gtk_widget_set_parent (self->counter, GTK_WIDGET (self));

  self->limit_message = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->limit_message), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->limit_message), 0);
  gtk_widget_add_css_class (self->limit_message, "caption");
  gtk_widget_add_css_class (self->limit_message, "error");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->limit_message),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Text limit"), -1);
  gtk_widget_set_visible (self->limit_message, FALSE);
  gtk_widget_set_parent (self->limit_message, GTK_WIDGET (self));

  g_signal_connect (self->buffer, "insert-text", G_CALLBACK (on_insert_text), self);
  g_signal_connect_swapped (self->buffer, "changed", G_CALLBACK (on_buffer_changed), self);
  candor_text_field_init_findings (self);
}
