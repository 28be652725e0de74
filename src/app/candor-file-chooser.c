/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-file-chooser.c: the one place that knows GtkFileDialog (GTK ≥ 4.10) from GtkFileChooserNative. */

#include "config.h"

#include <glib/gi18n.h>

#include "candor-file-chooser.h"
#include "candor-format.h"

static GListModel *
create_filters (GtkFileFilter **out_default)
{
  GListStore *filters = g_list_store_new (GTK_TYPE_FILE_FILTER);
  g_autoptr(GtkFileFilter) drafts = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  gtk_file_filter_set_name (drafts, _("Candor Disclosures"));
  gtk_file_filter_add_mime_type (drafts, CANDOR_MIME_TYPE);
  /* Without the MIME type installed (e.g. running from the build tree) the pattern still works. */
  gtk_file_filter_add_suffix (drafts, "candor");
  g_list_store_append (filters, drafts);

  {
    g_autoptr(GtkFileFilter) bundles = gtk_file_filter_new ();

    /* Opening a bundle shows whether it verifies, then the disclosure. */
    gtk_file_filter_set_name (bundles, _("Signed Disclosure Bundles"));
    gtk_file_filter_add_suffix (bundles, "zip");
    g_list_store_append (filters, bundles);
  }
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  g_list_store_append (filters, all);

  if (out_default)
    *out_default = g_object_ref (drafts);
  return G_LIST_MODEL (filters);
}

#if GTK_CHECK_VERSION (4, 10, 0)

static void
dialog_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  GFile *file;

  if (GPOINTER_TO_INT (g_task_get_task_data (task)))
    file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (source), result, &error);
  else
    file = gtk_file_dialog_open_finish (GTK_FILE_DIALOG (source), result, &error);

  if (error != NULL &&
      !g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_DISMISSED) &&
      !g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_CANCELLED))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, file, g_object_unref);
}

static void
run_dialog (GtkWindow           *parent,
            gboolean             save,
            const char          *initial_name,
            GFile               *initial_folder,
            GCancellable        *cancellable,
            GAsyncReadyCallback  callback,
            gpointer             user_data)
{
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();
  g_autoptr(GtkFileFilter) default_filter = NULL;
  g_autoptr(GListModel) filters = create_filters (&default_filter);
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, run_dialog);
  g_task_set_task_data (task, GINT_TO_POINTER (save), NULL);

  gtk_file_dialog_set_modal (dialog, TRUE);
  gtk_file_dialog_set_filters (dialog, filters);
  gtk_file_dialog_set_default_filter (dialog, default_filter);
  if (initial_folder != NULL)
    gtk_file_dialog_set_initial_folder (dialog, initial_folder);

  if (save)
    {
      gtk_file_dialog_set_title (dialog, _("Save Disclosure"));
      gtk_file_dialog_set_accept_label (dialog, _("_Save"));
      if (initial_name != NULL)
        gtk_file_dialog_set_initial_name (dialog, initial_name);
      gtk_file_dialog_save (dialog, parent, cancellable, dialog_done, task);
    }
  else
    {
      gtk_file_dialog_set_title (dialog, _("Open Disclosure"));
      gtk_file_dialog_set_accept_label (dialog, _("_Open"));
      gtk_file_dialog_open (dialog, parent, cancellable, dialog_done, task);
    }
}

#else /* GTK < 4.10 */

static void
native_response (GtkNativeDialog *native,
                 int              response,
                 gpointer         user_data)
{
  g_autoptr(GTask) task = user_data;
  GFile *file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

  g_task_return_pointer (task, file, g_object_unref);
  gtk_native_dialog_destroy (native);
  g_object_unref (native);
}

static void
run_dialog (GtkWindow           *parent,
            gboolean             save,
            const char          *initial_name,
            GFile               *initial_folder,
            GCancellable        *cancellable,
            GAsyncReadyCallback  callback,
            gpointer             user_data)
{
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) default_filter = NULL;
  g_autoptr(GListModel) filters = create_filters (&default_filter);
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, run_dialog);

  native = gtk_file_chooser_native_new (save ? _("Save Disclosure") : _("Open Disclosure"),
                                        parent,
                                        save ? GTK_FILE_CHOOSER_ACTION_SAVE
                                             : GTK_FILE_CHOOSER_ACTION_OPEN,
                                        save ? _("_Save") : _("_Open"),
                                        _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);

  for (guint i = 0; i < g_list_model_get_n_items (filters); i++)
    {
      g_autoptr(GtkFileFilter) filter = g_list_model_get_item (filters, i);
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
    }
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (native), default_filter);

  if (initial_folder != NULL)
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (native), initial_folder, NULL);
  if (save && initial_name != NULL)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), initial_name);

  g_signal_connect (native, "response", G_CALLBACK (native_response), task);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

#endif

void
candor_file_chooser_open_async (GtkWindow           *parent,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));

  run_dialog (parent, FALSE, NULL, NULL, cancellable, callback, user_data);
}

void
candor_file_chooser_save_async (GtkWindow           *parent,
                                const char          *initial_name,
                                GFile               *initial_folder,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (initial_folder == NULL || G_IS_FILE (initial_folder));

  run_dialog (parent, TRUE, initial_name, initial_folder, cancellable, callback, user_data);
}

GFile *
candor_file_chooser_finish (GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == run_dialog, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
