/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-help.c: opens a help page in the help viewer, or in the browser when there is none. */

#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gi18n.h>

#include "candor-help.h"

typedef struct
{
  CandorWindow *window;   /* (nullable) (owned) */
  char         *page;
  gboolean      html;     /* this launch was the HTML fallback */
} HelpLaunch;

static void
help_launch_free (HelpLaunch *launch)
{
  g_clear_object (&launch->window);
  g_free (launch->page);
  g_free (launch);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HelpLaunch, help_launch_free)

static void launch_uri (HelpLaunch *launch, const char *uri);

static void
say (HelpLaunch *launch,
     const char *message)
{
  if (launch->window != NULL)
    candor_window_show_toast (launch->window, message);
  else
    g_message ("%s", message);
}

/* The help page as HTML, if it was built and installed (or the tests point at it). */
static GFile *
dup_html_page (const char *page)
{
  const char *dir = g_getenv ("CANDOR_HELP_HTML_DIR");
  g_autofree char *name = g_strconcat (page, ".html", NULL);
  g_autoptr(GFile) file = NULL;

  file = dir != NULL && dir[0] != '\0' ? g_file_new_build_filename (dir, name, NULL)
                                       : g_file_new_build_filename (PKGDATADIR, "help", "C",
                                                                    name, NULL);
  return g_file_query_exists (file, NULL) ? g_steal_pointer (&file) : NULL;
}

static void
launched (HelpLaunch   *owned,
          const GError *error)
{
  g_autoptr(HelpLaunch) launch = owned;
  g_autoptr(GFile) html = NULL;

  if (error == NULL)
    return;
#if GTK_CHECK_VERSION (4, 10, 0)
  if (g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_DISMISSED))
    return;
#endif
  g_debug ("Could not open %s help: %s", launch->html ? "HTML" : "Yelp", error->message);

  if (!launch->html && (html = dup_html_page (launch->page)) != NULL)
    {
      g_autofree char *uri = g_file_get_uri (html);

      launch->html = TRUE;
      launch_uri (g_steal_pointer (&launch), uri);
      return;
    }
  if (launch->html)
    {
      /* Translators: %s is why the browser did not open. */
      g_autofree char *message =
        g_strdup_printf (_("Could not open the help in a web browser (%s). Install the "
                           "“yelp” package to read the help in Candor’s help viewer."),
                         error->message);
      say (launch, message);
    }
  else
    say (launch, _("No help viewer is installed. Install the “yelp” package to read the "
                   "help."));
}

#if GTK_CHECK_VERSION (4, 10, 0)
static void
launch_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  gtk_uri_launcher_launch_finish (GTK_URI_LAUNCHER (source), result, &error);
  launched (user_data, error);
}
#else
static void
launch_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  gtk_show_uri_full_finish (GTK_WINDOW (source), result, &error);
  launched (user_data, error);
}
#endif

static gboolean
launch_logged (HelpLaunch *launch,
               const char *uri)
{
  const char *log = g_getenv ("CANDOR_TEST_LAUNCH_LOG");
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileOutputStream) out = NULL;
  g_autofree char *line = NULL;

  if (log == NULL || log[0] == '\0')
    return FALSE;
  file = g_file_new_for_path (log);
  line = g_strconcat (uri, "\n", NULL);
  out = g_file_append_to (file, G_FILE_CREATE_NONE, NULL, &error);
  if (out == NULL || !g_output_stream_write_all (G_OUTPUT_STREAM (out), line, strlen (line),
                                                 NULL, NULL, &error))
    g_warning ("Could not write %s: %s", log, error->message);
  g_clear_error (&error);
  /* As on a system without Yelp: GIO has no handler for help: URIs. */
  if (g_str_has_prefix (uri, "help:"))
    error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                                 g_strerror (EOPNOTSUPP));
  launched (launch, error);
  return TRUE;
}

static void
launch_uri (HelpLaunch *launch,
            const char *uri)
{
  GtkWindow *parent = launch->window != NULL ? GTK_WINDOW (launch->window) : NULL;

  if (launch_logged (launch, uri))
    return;
#if GTK_CHECK_VERSION (4, 10, 0)
  {
    g_autoptr(GtkUriLauncher) launcher = gtk_uri_launcher_new (uri);
    gtk_uri_launcher_launch (launcher, parent, NULL, launch_done, launch);
  }
#else
  gtk_show_uri_full (parent, uri, GDK_CURRENT_TIME, NULL, launch_done, launch);
#endif
}

void
candor_help_show (CandorWindow *window,
                  const char   *page)
{
  HelpLaunch *launch;
  g_autofree char *uri = NULL;

  g_return_if_fail (window == NULL || CANDOR_IS_WINDOW (window));
  g_return_if_fail (page != NULL);

  launch = g_new0 (HelpLaunch, 1);
  launch->window = window != NULL ? g_object_ref (window) : NULL;
  launch->page = g_strdup (page);
  uri = g_strconcat ("help:candor/", page, NULL);
  launch_uri (launch, uri);
}
