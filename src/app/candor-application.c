/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-application.c: the application: windows, app-wide actions, opening files, recovery. */

#include "config.h"

#include <glib/gi18n.h>

#include "candor-app-resources.h"
#include "candor-application.h"
#include "candor-bundle-view.h"
#include "candor-file-chooser.h"
#include "candor-format.h"
#include "candor-help.h"
#include "candor-recovery.h"

struct _CandorApplication
{
  AdwApplication parent_instance;

  gboolean       recovery_offered;
};

G_DEFINE_FINAL_TYPE (CandorApplication, candor_application, ADW_TYPE_APPLICATION)

CandorApplication *
candor_application_new (void)
{
  return g_object_new (CANDOR_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", APP_PATH,
                       NULL);
}

GFile *
candor_application_dup_drafts_dir (void)
{
  return g_file_new_build_filename (g_get_user_data_dir (), APP_ID, "drafts", NULL);
}

void
candor_application_add_recent (GFile          *file,
                               CandorDocument *document)
{
  g_autofree char *uri = NULL;
  g_autofree char *title = NULL;
  GtkRecentData data = { 0 };

  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (CANDOR_IS_DOCUMENT (document));

  /* Resources (the example) and other non-native places do not belong in the list. */
  if (!g_file_is_native (file))
    return;

  uri = g_file_get_uri (file);
  title = candor_document_dup_title (document);
  data.display_name = title;
  data.mime_type = (char *) CANDOR_MIME_TYPE;
  data.app_name = (char *) g_get_application_name ();
  data.app_exec = (char *) "candor %u";
  gtk_recent_manager_add_full (gtk_recent_manager_get_default (), uri, &data);
}

static CandorWindow *
find_window_for_file (CandorApplication *self,
                      GFile             *file)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      CandorDocument *document;
      GFile *open_file;

      if (!CANDOR_IS_WINDOW (l->data))
        continue;
      document = candor_window_get_document (l->data);
      open_file = document != NULL ? candor_document_get_file (document) : NULL;
      if (open_file != NULL && g_file_equal (open_file, file))
        return l->data;
    }
  return NULL;
}

CandorWindow *
candor_application_get_empty_window (CandorApplication *self,
                                     CandorWindow      *preferred)
{
  g_return_val_if_fail (CANDOR_IS_APPLICATION (self), NULL);

  if (preferred != NULL && candor_window_get_document (preferred) == NULL)
    return preferred;
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (CANDOR_IS_WINDOW (l->data) && candor_window_get_document (l->data) == NULL)
      return l->data;
  return candor_window_new (GTK_APPLICATION (self));
}

typedef struct
{
  GFile        *file;
  GWeakRef      parent;
  gboolean      as_new;
} OpenData;

static void
open_data_free (OpenData *data)
{
  g_clear_object (&data->file);
  g_weak_ref_clear (&data->parent);
  g_free (data);
}

static void
open_loaded (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  CandorApplication *self = g_task_get_source_object (task);
  OpenData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(CandorDocument) document = NULL;
  g_autoptr(CandorWindow) parent = g_weak_ref_get (&data->parent);
  CandorWindow *window;

  document = candor_format_load_file_finish (result, &error);
  if (document == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      g_application_release (G_APPLICATION (self));
      return;
    }

  if (data->as_new)
    candor_document_set_file (document, NULL);
  else
    candor_application_add_recent (data->file, document);

  window = candor_application_get_empty_window (self, parent);
  candor_window_set_document (window, document);
  gtk_window_present (GTK_WINDOW (window));
  g_task_return_pointer (task, window, NULL);
  g_application_release (G_APPLICATION (self));
}

void
candor_application_open_async (CandorApplication   *self,
                               GFile               *file,
                               gboolean             as_new,
                               CandorWindow        *parent,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  OpenData *data;
  CandorWindow *existing;

  g_return_if_fail (CANDOR_IS_APPLICATION (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (parent == NULL || CANDOR_IS_WINDOW (parent));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, candor_application_open_async);

  existing = as_new ? NULL : find_window_for_file (self, file);
  if (existing != NULL)
    {
      gtk_window_present (GTK_WINDOW (existing));
      g_task_return_pointer (task, existing, NULL);
      return;
    }

  data = g_new0 (OpenData, 1);
  data->file = g_object_ref (file);
  data->as_new = as_new;
  g_weak_ref_init (&data->parent, parent);
  g_task_set_task_data (task, data, (GDestroyNotify) open_data_free);

  /* Files given on the command line load after open() returns: keep the app running. */
  g_application_hold (G_APPLICATION (self));
  candor_format_load_file_async (file, cancellable, open_loaded, g_steal_pointer (&task));
}

CandorWindow *
candor_application_open_finish (CandorApplication  *self,
                                GAsyncResult       *result,
                                GError            **error)
{
  g_return_val_if_fail (CANDOR_IS_APPLICATION (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
open_done (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  CandorApplication *self = CANDOR_APPLICATION (source);
  g_autoptr(GFile) file = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  CandorWindow *window;

  if (candor_application_open_finish (self, result, &error) != NULL)
    return;

  /* Show the problem where the user is; the documents already open stay as they were. */
  window = CANDOR_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (self)));
  if (window == NULL)
    {
      window = candor_window_new (GTK_APPLICATION (self));
      gtk_window_present (GTK_WINDOW (window));
    }
  name = g_file_get_basename (file);
  candor_window_show_file_error (window, _("Could Not Open File"), name, error);
}

void
candor_application_open (CandorApplication *self,
                         GFile             *file,
                         CandorWindow      *parent)
{
  g_return_if_fail (CANDOR_IS_APPLICATION (self));
  g_return_if_fail (G_IS_FILE (file));

  /* A signed bundle: its verification, then the disclosure it carries. */
  if (candor_bundle_view_handles_file (file))
    {
      CandorBundleView *view = candor_bundle_view_new (GTK_APPLICATION (self), file);

      if (parent != NULL)
        gtk_window_set_transient_for (GTK_WINDOW (view), GTK_WINDOW (parent));
      gtk_window_present (GTK_WINDOW (view));
      return;
    }

  candor_application_open_async (self, file, FALSE, parent, NULL, open_done,
                                 g_object_ref (file));
}

static CandorWindow *
get_active_candor_window (CandorApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  /* The active window may be a dialog or the shortcuts window. */
  while (window != NULL && !CANDOR_IS_WINDOW (window))
    window = gtk_window_get_transient_for (window);
  return window != NULL ? CANDOR_WINDOW (window) : NULL;
}

static void
new_action (GSimpleAction *action,
            GVariant      *parameter,
            gpointer       user_data)
{
  CandorApplication *self = user_data;
  g_autoptr(CandorDocument) document = candor_document_new ();
  CandorWindow *window;

  window = candor_application_get_empty_window (self, get_active_candor_window (self));
  candor_window_set_document (window, document);
  gtk_window_present (GTK_WINDOW (window));
}

static void
open_chosen (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(CandorApplication) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = candor_file_chooser_finish (result, &error);

  if (file != NULL)
    candor_application_open (self, file, get_active_candor_window (self));
  else if (error != NULL && get_active_candor_window (self) != NULL)
    candor_window_show_error (get_active_candor_window (self),
                              _("Could Not Open File Chooser"), error);
}

static void
open_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  CandorApplication *self = user_data;

  candor_file_chooser_open_async (GTK_WINDOW (get_active_candor_window (self)), NULL,
                                  open_chosen, g_object_ref (self));
}

static void
open_example_action (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  CandorApplication *self = user_data;
  g_autoptr(GFile) example = g_file_new_for_uri ("resource://" CANDOR_EXAMPLE_RESOURCE);

  candor_application_open_async (self, example, TRUE, get_active_candor_window (self), NULL,
                                 open_done, g_object_ref (example));
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  CandorApplication *self = user_data;
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));

  /* Each window with unsaved changes asks first; the app quits when the last one closes. */
  for (GList *l = windows; l != NULL; l = l->next)
    if (CANDOR_IS_WINDOW (l->data))
      gtk_window_close (l->data);
}

static void
help_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  CandorApplication *self = user_data;
  CandorWindow *window = get_active_candor_window (self);
  const char *page = "index";

  if (window != NULL && candor_window_get_document (window) != NULL)
    page = candor_editor_get_help_page (candor_window_get_editor (window));
  /* In Yelp, or in the browser when Yelp is not installed. */
  candor_help_show (window, page);
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  CandorApplication *self = user_data;
  GtkWindow *parent = GTK_WINDOW (get_active_candor_window (self));
  const char *developers[] = { _("The Candor developers"), NULL };

#if ADW_CHECK_VERSION (1, 5, 0)
  AdwAboutDialog *about = ADW_ABOUT_DIALOG (adw_about_dialog_new ());

  adw_about_dialog_set_application_name (about, _("Candor"));
  adw_about_dialog_set_application_icon (about, APP_ID);
  adw_about_dialog_set_developer_name (about, _("The Candor developers"));
  adw_about_dialog_set_developers (about, developers);
  adw_about_dialog_set_version (about, PACKAGE_VERSION);
  adw_about_dialog_set_comments (about, _("Write clear security update disclosures for "
                                          "connected devices."));
  adw_about_dialog_set_website (about, "https://github.com/candor-app/candor");
  adw_about_dialog_set_issue_url (about, "https://github.com/candor-app/candor/issues");
  adw_about_dialog_set_license_type (about, GTK_LICENSE_GPL_3_0);
  adw_about_dialog_set_copyright (about, _("© 2026 The Candor developers"));
  adw_dialog_present (ADW_DIALOG (about), GTK_WIDGET (parent));
#else
  AdwAboutWindow *about = ADW_ABOUT_WINDOW (adw_about_window_new ());

  gtk_window_set_transient_for (GTK_WINDOW (about), parent);
  adw_about_window_set_application_name (about, _("Candor"));
  adw_about_window_set_application_icon (about, APP_ID);
  adw_about_window_set_developer_name (about, _("The Candor developers"));
  adw_about_window_set_developers (about, developers);
  adw_about_window_set_version (about, PACKAGE_VERSION);
  adw_about_window_set_comments (about, _("Write clear security update disclosures for "
                                          "connected devices."));
  adw_about_window_set_website (about, "https://github.com/candor-app/candor");
  adw_about_window_set_issue_url (about, "https://github.com/candor-app/candor/issues");
  adw_about_window_set_license_type (about, GTK_LICENSE_GPL_3_0);
  adw_about_window_set_copyright (about, _("© 2026 The Candor developers"));
  gtk_window_present (GTK_WINDOW (about));
#endif
}

static const GActionEntry app_actions[] = {
  { "new", new_action },
  { "open", open_action },
  { "open-example", open_example_action },
  { "quit", quit_action },
  { "help", help_action },
  { "about", about_action },
};

static const struct {
  const char *action;
  const char *accels[2];
} shortcuts[] = {
  { "app.new",      { "<Control>n", NULL } },
  { "app.open",     { "<Control>o", NULL } },
  { "app.quit",     { "<Control>q", NULL } },
  { "app.help",     { "F1", NULL } },
  { "win.save",     { "<Control>s", NULL } },
  { "win.save-as",  { "<Control><Shift>s", NULL } },
  { "win.export",   { "<Control>e", NULL } },
  { "win.close",    { "<Control>w", NULL } },
  /* Outside a text field (which undoes its own typing first). */
  { "win.review-undo", { "<Control>z", NULL } },
  { "win.review-redo", { "<Control><Shift>z", NULL } },
  /* win.show-help-overlay (Ctrl+?) comes with gtk/help-overlay.ui. */
};

static void
candor_application_startup (GApplication *application)
{
  G_APPLICATION_CLASS (candor_application_parent_class)->startup (application);

  g_set_application_name (_("Candor"));
  gtk_window_set_default_icon_name (APP_ID);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_DEFAULT);

  g_action_map_add_action_entries (G_ACTION_MAP (application), app_actions,
                                   G_N_ELEMENTS (app_actions), application);
  for (guint i = 0; i < G_N_ELEMENTS (shortcuts); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (application),
                                           shortcuts[i].action, shortcuts[i].accels);
}

static void
candor_application_activate (GApplication *application)
{
  CandorApplication *self = CANDOR_APPLICATION (application);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    window = GTK_WINDOW (candor_window_new (GTK_APPLICATION (self)));
  gtk_window_present (window);

  if (!self->recovery_offered)
    {
      self->recovery_offered = TRUE;
      candor_recovery_offer (self, CANDOR_WINDOW (window));
    }
}

static void
candor_application_open_files (GApplication  *application,
                               GFile        **files,
                               int            n_files,
                               const char    *hint)
{
  CandorApplication *self = CANDOR_APPLICATION (application);

  g_autoptr(GFile) examples = g_file_new_build_filename (PKGDATADIR, "examples", NULL);

  for (int i = 0; i < n_files; i++)
    {
      /* The installed example opens as a copy: saving must not try to write into /usr. */
      if (g_file_has_parent (files[i], examples))
        candor_application_open_async (self, files[i], TRUE, get_active_candor_window (self),
                                       NULL, open_done, g_object_ref (files[i]));
      else
        candor_application_open (self, files[i], get_active_candor_window (self));
    }

  if (!self->recovery_offered)
    {
      /* Drafts go to a window of their own (made only if there are any), so the files being
       * opened are not replaced. */
      self->recovery_offered = TRUE;
      candor_recovery_offer (self, NULL);
    }
}

static void
candor_application_class_init (CandorApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->startup = candor_application_startup;
  app_class->activate = candor_application_activate;
  app_class->open = candor_application_open_files;

  /* Templates are read when widget classes initialise, so register the resource first. */
  candor_app_register_resource ();
}

static void
candor_application_init (CandorApplication *self)
{
}

char *
candor_application_dup_reviewer_name (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *name = g_settings_get_string (settings, "author-name");
  const char *real;

  g_strstrip (name);
  if (name[0] != '\0' && g_utf8_validate (name, -1, NULL))
    return g_steal_pointer (&name);
  real = g_get_real_name ();
  if (real != NULL && real[0] != '\0' && g_strcmp0 (real, "Unknown") != 0 && g_utf8_validate (real, -1, NULL))
    return g_strdup (real);
  return g_strdup (g_get_user_name ());
}
