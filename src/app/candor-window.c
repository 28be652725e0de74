/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-window.c: a main window: the start page, or one open disclosure. */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "candor-alert.h"
#include "candor-application.h"
#include "candor-error.h"
#include "candor-format.h"
#include "candor-preview-pane.h"
#include "candor-review.h"
#include "candor-window-private.h"
#include "candor-wording.h"

G_DEFINE_FINAL_TYPE (CandorWindow, candor_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_DOCUMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

CandorWindow *
candor_window_new (GtkApplication *application)
{
  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);

  return g_object_new (CANDOR_TYPE_WINDOW, "application", application, NULL);
}

static char *
dup_location (GFile *file)
{
  g_autofree char *parse_name = NULL;
  const char *home = g_get_home_dir ();
  gsize home_len = strlen (home);

  if (file == NULL)
    return g_strdup (_("Not saved yet"));

  parse_name = g_file_get_parse_name (file);
  if (g_file_is_native (file) && home_len > 1 && g_str_has_prefix (parse_name, home) &&
      parse_name[home_len] == '/')
    return g_strconcat ("~", parse_name + home_len, NULL);
  return g_steal_pointer (&parse_name);
}

static void
update_title (CandorWindow *self)
{
  g_autofree char *title = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *location = NULL;
  g_autofree char *window_title = NULL;

  if (self->document == NULL)
    {
      gtk_window_set_title (GTK_WINDOW (self), _("Candor"));
      return;
    }

  title = candor_document_dup_title (self->document);
  location = dup_location (candor_document_get_file (self->document));
  /* The bullet marks unsaved changes, as in other GNOME editors. */
  shown = candor_document_get_dirty (self->document) ? g_strdup_printf ("• %s", title)
                                                     : g_strdup (title);
  candor_editor_set_title (self->editor, shown, location);

  /* Translators: window title, e.g. "Smart Camera – Candor". */
  window_title = g_strdup_printf (_("%s – Candor"), shown);
  gtk_window_set_title (GTK_WINDOW (self), window_title);
}

CandorDocument *
candor_window_get_document (CandorWindow *self)
{
  g_return_val_if_fail (CANDOR_IS_WINDOW (self), NULL);

  return self->document;
}

CandorAutosave *
candor_window_get_autosave (CandorWindow *self)
{
  g_return_val_if_fail (CANDOR_IS_WINDOW (self), NULL);

  return self->autosave;
}

CandorEditor *
candor_window_get_editor (CandorWindow *self)
{
  g_return_val_if_fail (CANDOR_IS_WINDOW (self), NULL);

  return self->editor;
}

void
candor_window_set_document (CandorWindow   *self,
                            CandorDocument *document)
{
  guint refreshed = 0;

  g_return_if_fail (CANDOR_IS_WINDOW (self));
  g_return_if_fail (document == NULL || CANDOR_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  /* A draft changed outside Candor (a script, another editor) may hold generated texts that
   * no longer say what its answers say: show them as the answers make them now, as
   * candor-cli render, export and check do. Only a text that really changes marks the
   * document modified (it then differs from the file), and a toast says why. */
  if (document != NULL)
    refreshed = candor_wording_refresh_generated (document);

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_func (self->document, update_title, self);
  g_clear_object (&self->autosave);
  g_set_object (&self->document, document);
  self->close_confirmed = FALSE;

  if (document != NULL)
    {
      g_autoptr(GFile) drafts = candor_application_dup_drafts_dir ();

      g_signal_connect_object (document, "notify::title", G_CALLBACK (update_title), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (document, "notify::dirty", G_CALLBACK (update_title), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (document, "notify::file", G_CALLBACK (update_title), self,
                               G_CONNECT_SWAPPED);
      self->autosave = candor_autosave_new (document, drafts);
      /* From now on review comments follow every edit of the texts (src/review/). */
      candor_review_get_for_document (document);
    }

  candor_editor_set_document (self->editor, document);
  gtk_stack_set_visible_child_name (self->main_stack, document != NULL ? "editor" : "start");
  update_title (self);
  candor_window_update_actions (self);
  if (refreshed > 0)
    {
      g_autofree char *message =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "%u text was updated to match its answers",
                                      "%u texts were updated to match their answers", refreshed),
                       refreshed);
      candor_window_show_toast (self, message);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

void
candor_window_show_file_error (CandorWindow *self,
                               const char   *heading,
                               const char   *file_name,
                               const GError *error)
{
  GtkWidget *dialog;
  g_autofree char *summary = NULL;
  g_autofree char *detail_text = NULL;

  g_return_if_fail (CANDOR_IS_WINDOW (self));
  g_return_if_fail (heading != NULL);

  /* A plain sentence first; the loader's own message (JSON path, line and column) under it,
   * smaller, for whoever fixes the file, and selectable so it can be copied. */
  summary = error != NULL ? candor_error_dup_summary (error) : NULL;
  dialog = candor_alert_new (heading, summary);
  if (error != NULL && (file_name != NULL || g_strcmp0 (summary, error->message) != 0))
    {
      GtkWidget *detail;

      /* Translators: the file's name, then the technical reason it could not be opened. */
      detail_text = file_name != NULL ? g_strdup_printf (_("%s: %s"), file_name, error->message)
                                      : g_strdup (error->message);
      detail = gtk_label_new (detail_text);
      gtk_label_set_wrap (GTK_LABEL (detail), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (detail), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_selectable (GTK_LABEL (detail), TRUE);
      gtk_label_set_xalign (GTK_LABEL (detail), 0);
      gtk_label_set_justify (GTK_LABEL (detail), GTK_JUSTIFY_LEFT);
      gtk_widget_add_css_class (detail, "caption");
      gtk_widget_add_css_class (detail, "dim-label");
      gtk_widget_set_name (detail, "error-detail");
      gtk_accessible_update_property (GTK_ACCESSIBLE (detail), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Technical details"), -1);
      candor_alert_set_extra_child (dialog, detail);
    }
  candor_alert_add_response (dialog, "close", _("_Close"));
  candor_alert_present (dialog, GTK_WIDGET (self));
}

void
candor_window_show_error (CandorWindow *self,
                          const char   *heading,
                          const GError *error)
{
  candor_window_show_file_error (self, heading, NULL, error);
}

void
candor_window_show_toast (CandorWindow *self,
                          const char   *message)
{
  g_return_if_fail (CANDOR_IS_WINDOW (self));

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

static void
save_done (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  CandorWindow *self = g_task_get_source_object (task);
  CandorDocument *document = CANDOR_DOCUMENT (source);
  g_autoptr(GError) error = NULL;

  self->saving = FALSE;
  candor_window_update_actions (self);

  if (!candor_format_save_file_finish (document, result, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  candor_application_add_recent (candor_document_get_file (document), document);
  g_task_return_boolean (task, TRUE);
}

void
candor_window_save_to_file_async (CandorWindow        *self,
                                  GFile               *file,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (CANDOR_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, candor_window_save_to_file_async);

  if (self->document == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED,
                               _("There is no disclosure open to save."));
      return;
    }
  if (self->saving)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_BUSY,
                               _("The disclosure is already being saved. Try again in a moment."));
      return;
    }

  self->saving = TRUE;
  candor_window_update_actions (self);
  candor_format_save_file_async (self->document, file, cancellable, save_done,
                                 g_steal_pointer (&task));
}

gboolean
candor_window_save_to_file_finish (CandorWindow  *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  g_return_val_if_fail (CANDOR_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
save_window_state (CandorWindow *self)
{
  int width, height;

  if (self->settings == NULL)
    return;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
  if (!gtk_window_is_maximized (GTK_WINDOW (self)) && width > 0 && height > 0)
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
}

static void
restore_window_state (CandorWindow *self)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  /* Running from the build tree without the compiled schema must not abort: the window just
   * opens at its default size. */
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL)
    {
      g_debug ("GSettings schema %s is not installed; window size is not remembered", APP_ID);
      return;
    }

  self->settings = g_settings_new (APP_ID);
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
  g_settings_bind (self->settings, "show-previews", self->editor, "show-preview",
                   G_SETTINGS_BIND_DEFAULT);
}

static gboolean
candor_window_close_request (GtkWindow *window)
{
  CandorWindow *self = CANDOR_WINDOW (window);

  if (self->document != NULL && candor_document_get_dirty (self->document) &&
      !self->close_confirmed)
    {
      candor_window_confirm_close (self);
      return TRUE;
    }

  save_window_state (self);
  return GTK_WINDOW_CLASS (candor_window_parent_class)->close_request (window);
}

static void
candor_window_dispose (GObject *object)
{
  CandorWindow *self = CANDOR_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_func (self->document, update_title, self);
  g_clear_object (&self->autosave);
  g_clear_object (&self->document);
  g_clear_object (&self->settings);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), CANDOR_TYPE_WINDOW);

  G_OBJECT_CLASS (candor_window_parent_class)->dispose (object);
}

static void
candor_window_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  CandorWindow *self = CANDOR_WINDOW (object);

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
candor_window_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  CandorWindow *self = CANDOR_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      candor_window_set_document (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
candor_window_class_init (CandorWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = candor_window_dispose;
  object_class->get_property = candor_window_get_property;
  object_class->set_property = candor_window_set_property;
  window_class->close_request = candor_window_close_request;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, CANDOR_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CANDOR_TYPE_EDITOR);
  g_type_ensure (CANDOR_TYPE_START_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, APP_PATH "/candor-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CandorWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CandorWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, CandorWindow, start_page);
  gtk_widget_class_bind_template_child (widget_class, CandorWindow, editor);

  candor_window_class_add_actions (widget_class);
}

/* A label problem in the preview opens the step where the text is written. */
static void
on_preview_problem (CandorWindow *self,
                    const char   *section)
{
  if (section != NULL && candor_editor_get_page (self->editor, section) != NULL)
    candor_editor_set_visible_page (self->editor, section);
}

/* The previews need about 320 px beside the step: a narrow window shows them in place of
 * the step, behind the editor's toggle button (the editor's size is what the user chose, so
 * this cannot flip back and forth). */
#define PREVIEWS_MIN_WINDOW_WIDTH 900
/* Below this, Export is an icon in the header, so that the steps still fit beside the step
 * at about 620 px. Above it the written-out header fits beside the steps even with minimise
 * and maximise buttons, so the panes fold at one width only. */
#define HEADER_LABELS_MIN_WINDOW_WIDTH 800

static void
update_previews (CandorWindow *self)
{
  int width = 0, height = 0;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  candor_editor_set_narrow (self->editor, width > 0 && width < PREVIEWS_MIN_WINDOW_WIDTH);
  candor_editor_set_compact (self->editor, width > 0 && width < HEADER_LABELS_MIN_WINDOW_WIDTH);
  /* Two fifths of what is beside the list of steps (240 px and its separator), between
   * 320 px and what the previews' toolbar needs. */
  candor_editor_set_preview_width (self->editor, CLAMP ((width - 241) * 2 / 5, 320, 460));
}

static void
candor_window_init (CandorWindow *self)
{
  GtkWidget *previews;

  gtk_widget_init_template (GTK_WIDGET (self));

  previews = g_object_ref_sink (candor_preview_pane_new ());
  g_object_set_data_full (G_OBJECT (self), "candor-previews", previews, g_object_unref);
  g_signal_connect_object (previews, "problem-activated", G_CALLBACK (on_preview_problem), self,
                           G_CONNECT_SWAPPED);
  candor_editor_set_preview (self->editor, previews);
  g_object_bind_property (self->editor, "visible-page", previews, "step", G_BINDING_SYNC_CREATE);
  g_signal_connect (self, "notify::default-width", G_CALLBACK (update_previews), NULL);

  self->cancellable = g_cancellable_new ();
  restore_window_state (self);
  update_previews (self);
  update_title (self);
  candor_window_update_actions (self);
}
