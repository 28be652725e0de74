/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-window-actions.c: the window's actions: save, save as, close, open a recent file. */

#include "config.h"

#include <glib/gi18n.h>

#include "candor-alert.h"
#include "candor-application.h"
#include "candor-bundle-writer.h"
#include "candor-export-dialog.h"
#include "candor-file-chooser.h"
#include "candor-review-undo.h"
#include "candor-window-private.h"

/* What to do once a save finished. */
typedef enum
{
  AFTER_SAVE_NOTHING,
  AFTER_SAVE_CLOSE,
} AfterSave;

static void save_as (CandorWindow *self, AfterSave after);

static void
save_finished (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  CandorWindow *self = CANDOR_WINDOW (source);
  AfterSave after = GPOINTER_TO_INT (user_data);
  g_autoptr(GError) error = NULL;

  if (!candor_window_save_to_file_finish (self, result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        candor_window_show_error (self, _("Could Not Save Disclosure"), error);
      return;
    }

  if (after == AFTER_SAVE_CLOSE)
    gtk_window_close (GTK_WINDOW (self));
  else
    candor_window_show_toast (self, _("Saved"));
}

static void
save_as_chosen (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(CandorWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = candor_file_chooser_finish (result, &error);
  AfterSave after = GPOINTER_TO_INT (g_object_steal_data (G_OBJECT (self), "candor-after-save"));

  if (file == NULL)
    {
      if (error != NULL)
        candor_window_show_error (self, _("Could Not Open File Chooser"), error);
      return;
    }

  candor_window_save_to_file_async (self, file, self->cancellable, save_finished,
                                    GINT_TO_POINTER (after));
}

static void
save_as (CandorWindow *self,
         AfterSave     after)
{
  GFile *current = candor_document_get_file (self->document);
  g_autoptr(GFile) folder = current != NULL ? g_file_get_parent (current) : NULL;
  g_autofree char *title = candor_document_dup_title (self->document);
  g_autofree char *name = NULL;

  /* A file name must not contain a slash; anything else the product name has is fine. */
  g_strdelimit (title, "/\\", '-');
  name = current != NULL ? g_file_get_basename (current) : g_strconcat (title, ".candor", NULL);

  g_object_set_data (G_OBJECT (self), "candor-after-save", GINT_TO_POINTER (after));
  candor_file_chooser_save_async (GTK_WINDOW (self), name, folder, self->cancellable,
                                  save_as_chosen, g_object_ref (self));
}

static void
save (CandorWindow *self,
      AfterSave     after)
{
  GFile *file = candor_document_get_file (self->document);

  if (file == NULL)
    save_as (self, after);
  else
    candor_window_save_to_file_async (self, file, self->cancellable, save_finished,
                                      GINT_TO_POINTER (after));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CandorWindow *self = CANDOR_WINDOW (widget);

  if (self->document == NULL)
    return;
  if (g_str_equal (action_name, "win.save-as"))
    save_as (self, AFTER_SAVE_NOTHING);
  else
    save (self, AFTER_SAVE_NOTHING);
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

static void
open_uri_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  CandorWindow *self = CANDOR_WINDOW (widget);
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));

  if (CANDOR_IS_APPLICATION (app))
    candor_application_open (CANDOR_APPLICATION (app), file, self);
}

static void
on_exported (CandorWindow *self,
             GFile        *bundle)
{
  candor_window_show_toast (self, _("Signed bundle written"));
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CandorWindow *self = CANDOR_WINDOW (widget);
  CandorExportDialog *dialog;
  GFile *draft;

  if (self->document == NULL)
    return;
  dialog = candor_export_dialog_new (GTK_WINDOW (self), self->document, NULL);
  /* Proposed: next to the draft, named after the product. */
  draft = candor_document_get_file (self->document);
  if (draft != NULL)
    {
      g_autoptr(GFile) folder = g_file_get_parent (draft);
      g_autofree char *name = candor_bundle_file_name (candor_document_get_product_name (self->document));
      g_autoptr(GFile) bundle = folder != NULL ? g_file_get_child (folder, name) : NULL;

      if (bundle != NULL)
        candor_export_dialog_set_destination (dialog, bundle);
    }
  g_signal_connect_object (dialog, "exported", G_CALLBACK (on_exported), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
close_later (gpointer user_data)
{
  gtk_window_close (GTK_WINDOW (user_data));
  return G_SOURCE_REMOVE;
}

static void
on_close_response (GtkWidget    *dialog,
                   const char   *response,
                   CandorWindow *self)
{
  if (g_str_equal (response, "discard"))
    {
      /* The user chose to lose the changes: the autosaved copy goes too. */
      if (self->autosave != NULL)
        candor_autosave_discard (self->autosave);
      self->close_confirmed = TRUE;
      /* Not from inside the dialog's own response: closing the window destroys the dialog. */
      g_idle_add_full (G_PRIORITY_DEFAULT, close_later, g_object_ref (self), g_object_unref);
    }
  else if (g_str_equal (response, "save"))
    save (self, AFTER_SAVE_CLOSE);
}

void
candor_window_confirm_close (CandorWindow *self)
{
  g_autofree char *title = candor_document_dup_title (self->document);
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  body = g_strdup_printf (_("“%s” has unsaved changes. Changes that are not saved "
                            "will be lost."),
                          title);
  dialog = candor_alert_new (_("Save Changes?"), body);
  candor_alert_add_response (dialog, "cancel", _("_Cancel"));
  candor_alert_add_response (dialog, "discard", _("_Discard"));
  candor_alert_add_response (dialog, "save", _("_Save"));
  candor_alert_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  candor_alert_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  candor_alert_set_default_response (dialog, "save");
  candor_alert_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_close_response), self, 0);
  candor_alert_present (dialog, GTK_WIDGET (self));
}

void
candor_window_update_actions (CandorWindow *self)
{
  gboolean has_document = self->document != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save", has_document && !self->saving);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-as", has_document && !self->saving);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", has_document);
}

void
candor_window_class_add_actions (GtkWidgetClass *widget_class)
{
  /* Keyboard shortcuts for these are set with the app's in candor-application.c, so menus
   * show them. */
  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.close", NULL, close_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.open-uri", "s", open_uri_action);
  candor_review_undo_install_actions (widget_class);
}
