/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-recovery.c: offers autosaved drafts left by a crash, one question per draft. */

#include "config.h"

#include <glib/gi18n.h>

#include "candor-alert.h"
#include "candor-autosave.h"
#include "candor-recovery.h"

typedef struct
{
  CandorApplication *app;
  GWeakRef           window;
  GPtrArray         *drafts;  /* CandorRecoverable, newest first */
  guint              next;
} Recovery;

static void ask_next (Recovery *recovery);

static void
recovery_free (Recovery *recovery)
{
  g_clear_object (&recovery->app);
  g_weak_ref_clear (&recovery->window);
  g_clear_pointer (&recovery->drafts, g_ptr_array_unref);
  g_free (recovery);
}

static gboolean
is_open_draft (CandorApplication *app,
               GFile             *draft)
{
  /* Drafts of documents open in this process are not crash leftovers. */
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    {
      CandorAutosave *autosave;
      GFile *file;

      if (!CANDOR_IS_WINDOW (l->data))
        continue;
      autosave = candor_window_get_autosave (l->data);
      file = autosave != NULL ? candor_autosave_get_draft_file (autosave) : NULL;
      if (file != NULL && g_file_equal (file, draft))
        return TRUE;
    }
  return FALSE;
}

static void
recover (Recovery          *recovery,
         CandorRecoverable *draft,
         CandorWindow      *parent)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CandorDocument) document = candor_autosave_recover (draft, &error);
  g_autoptr(GFile) own = NULL;
  CandorAutosave *autosave;
  CandorWindow *window;

  if (document == NULL)
    {
      /* Keep the draft: a later version of Candor may read it, and nothing is lost. */
      candor_window_show_error (parent, _("Could Not Recover Changes"), error);
      return;
    }

  window = candor_application_get_empty_window (recovery->app, parent);
  candor_window_set_document (window, document);
  gtk_window_present (GTK_WINDOW (window));

  /* The recovered document has its own autosave now: write it before anything else, so a
   * crash right now still leaves a copy. */
  autosave = candor_window_get_autosave (window);
  if (autosave == NULL)
    return;
  if (!candor_autosave_flush (autosave, &error))
    {
      g_warning ("Could not autosave the recovered draft, keeping the old one: %s",
                 error->message);
      return;
    }
  /* Usually that autosave writes the very draft it was recovered from, and keeps it until the
   * user saves or discards the document: a second crash before the next edit loses nothing.
   * Only a draft that another file has replaced is removed. */
  own = candor_autosave_get_draft_file (autosave);
  if (!g_file_equal (own, draft->draft))
    candor_autosave_delete_recoverable (draft);
}

static void
on_response (GtkWidget  *dialog,
             const char *response,
             gpointer    user_data)
{
  Recovery *recovery = user_data;
  CandorRecoverable *draft = g_ptr_array_index (recovery->drafts, recovery->next);
  g_autoptr(CandorWindow) window = g_weak_ref_get (&recovery->window);

  recovery->next++;

  if (g_str_equal (response, "recover") && window != NULL)
    recover (recovery, draft, window);
  else if (g_str_equal (response, "discard"))
    candor_autosave_delete_recoverable (draft);
  /* "later" (Escape): keep the draft for the next start. */

  ask_next (recovery);
}

static char *
format_time (GDateTime *when)
{
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  if (when == NULL)
    return g_strdup (_("an earlier session"));

  local = g_date_time_to_local (when);
  if (g_date_time_get_year (local) == g_date_time_get_year (now) &&
      g_date_time_get_day_of_year (local) == g_date_time_get_day_of_year (now))
    /* Translators: time of an autosave made today, strftime format. */
    return g_date_time_format (local, _("today at %H:%M"));
  /* Translators: date and time of an autosave, strftime format. */
  return g_date_time_format (local, _("%-d %B %Y at %H:%M"));
}

static void
ask_next (Recovery *recovery)
{
  g_autoptr(CandorWindow) window = g_weak_ref_get (&recovery->window);
  CandorRecoverable *draft;
  g_autofree char *when = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (window == NULL || recovery->next >= recovery->drafts->len)
    {
      recovery_free (recovery);
      return;
    }

  draft = g_ptr_array_index (recovery->drafts, recovery->next);
  when = format_time (draft->saved);

  body = g_strdup_printf (/* Translators: "Recover unsaved changes to “Smart Camera”
                           * from today at 14:02?" */
                          _("Recover unsaved changes to “%s” from %s? Candor kept "
                            "them when it last stopped without saving."),
                          draft->title != NULL && draft->title[0] != '\0'
                          ? draft->title : _("Untitled disclosure"),
                          when);
  dialog = candor_alert_new (_("Recover Unsaved Changes?"), body);
  candor_alert_add_response (dialog, "discard", _("_Discard"));
  candor_alert_add_response (dialog, "recover", _("_Recover"));
  candor_alert_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  candor_alert_set_response_appearance (dialog, "recover", ADW_RESPONSE_SUGGESTED);
  candor_alert_set_default_response (dialog, "recover");
  candor_alert_set_close_response (dialog, "later");
  g_signal_connect (dialog, "response", G_CALLBACK (on_response), recovery);
  candor_alert_present (dialog, GTK_WIDGET (window));
}

guint
candor_recovery_offer (CandorApplication *app,
                       CandorWindow      *window)
{
  g_autoptr(GFile) drafts_dir = candor_application_dup_drafts_dir ();
  g_autoptr(GPtrArray) found = candor_autosave_list_recoverable (drafts_dir);
  Recovery *recovery;

  g_return_val_if_fail (CANDOR_IS_APPLICATION (app), 0);
  g_return_val_if_fail (window == NULL || CANDOR_IS_WINDOW (window), 0);

  recovery = g_new0 (Recovery, 1);
  recovery->app = g_object_ref (app);
  recovery->drafts = g_ptr_array_new_with_free_func ((GDestroyNotify) candor_recoverable_free);
  for (guint i = 0; found != NULL && i < found->len; i++)
    {
      CandorRecoverable *draft = g_ptr_array_index (found, i);

      if (!is_open_draft (app, draft->draft))
        g_ptr_array_add (recovery->drafts, g_ptr_array_steal_index (found, i--));
    }

  if (recovery->drafts->len == 0)
    {
      recovery_free (recovery);
      return 0;
    }

  if (window == NULL)
    {
      window = candor_application_get_empty_window (app, NULL);
      gtk_window_present (GTK_WINDOW (window));
    }
  g_weak_ref_init (&recovery->window, window);

  {
    guint n = recovery->drafts->len;
    ask_next (recovery);
    return n;
  }
}
