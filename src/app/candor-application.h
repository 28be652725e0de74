/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-application.h: the application: windows, app-wide actions, opening files, recovery. */
#pragma once

#include <adwaita.h>

#include "candor-document.h"
#include "candor-window.h"

G_BEGIN_DECLS

#define CANDOR_TYPE_APPLICATION (candor_application_get_type ())
G_DECLARE_FINAL_TYPE (CandorApplication, candor_application, CANDOR, APPLICATION, AdwApplication)

/* Resource path of the example compiled into the app (also installed to pkgdatadir/examples). */
#define CANDOR_EXAMPLE_RESOURCE APP_PATH "/examples/smart-camera.candor"

CandorApplication *candor_application_new            (void);

/* g_get_user_data_dir()/APP_ID/drafts, where unsaved work is autosaved. */
GFile             *candor_application_dup_drafts_dir (void);

/**
 * candor_application_open_async:
 * @file: the draft to open
 * @as_new: open a copy that is not tied to @file (used for the example): saving asks where
 * @parent: (nullable): the window the user opened it from; reused if it shows the start page
 *
 * Loads @file in the background and shows it in a window: an existing window if the file is
 * already open, @parent if it is empty, else a new one. A failed load changes no window.
 */
void               candor_application_open_async     (CandorApplication   *self,
                                                      GFile               *file,
                                                      gboolean             as_new,
                                                      CandorWindow        *parent,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
/* Returns: (transfer none): the window showing the document */
CandorWindow      *candor_application_open_finish    (CandorApplication   *self,
                                                      GAsyncResult        *result,
                                                      GError             **error);
/* Like candor_application_open_async() and shows any error to the user. */
void               candor_application_open           (CandorApplication   *self,
                                                      GFile               *file,
                                                      CandorWindow        *parent);

/* A window to put a document in: @preferred or another one showing the start page, or new. */
CandorWindow      *candor_application_get_empty_window (CandorApplication *self,
                                                        CandorWindow      *preferred);

/* Remembers @file in the recent files, titled after @document. */
void               candor_application_add_recent     (GFile               *file,
                                                      CandorDocument      *document);

/* The name written on comments and approvals made in this app: the `author-name` setting, or
 * when it is empty the account's real name (or, when that is unknown, the user name). Never
 * empty. Candor records this name; it does not authenticate it. (transfer full) */
char              *candor_application_dup_reviewer_name (void);

G_END_DECLS
