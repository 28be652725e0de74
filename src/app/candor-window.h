/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-window.h: a main window: the start page, or one open disclosure. */
#pragma once

#include <adwaita.h>

#include "candor-autosave.h"
#include "candor-document.h"
#include "candor-editor.h"

G_BEGIN_DECLS

#define CANDOR_TYPE_WINDOW (candor_window_get_type ())
G_DECLARE_FINAL_TYPE (CandorWindow, candor_window, CANDOR, WINDOW, AdwApplicationWindow)

CandorWindow   *candor_window_new                (GtkApplication *application);

/* The open disclosure, or NULL while the start page is shown. */
CandorDocument *candor_window_get_document       (CandorWindow   *self);
/* Shows @document in the editor and starts autosaving it. The caller has saved or discarded
 * the previous one. */
void            candor_window_set_document       (CandorWindow   *self,
                                                  CandorDocument *document);
CandorAutosave *candor_window_get_autosave       (CandorWindow   *self);
CandorEditor   *candor_window_get_editor         (CandorWindow   *self);

/* Saves the document to @file (what "Save As" does once a file is chosen). On success the
 * file is added to the recent files and becomes the document's file. */
void            candor_window_save_to_file_async (CandorWindow        *self,
                                                  GFile               *file,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
gboolean        candor_window_save_to_file_finish (CandorWindow       *self,
                                                  GAsyncResult        *result,
                                                  GError             **error);

/* A modal message naming what failed (@heading) and why (@error, from the core): a plain
 * sentence (candor_error_dup_summary()) with the technical message under it, smaller. */
void            candor_window_show_error         (CandorWindow   *self,
                                                  const char     *heading,
                                                  const GError   *error);
/* The same for a file that could not be opened: the file's name heads the technical message
 * (headings stay short: libadwaita 1.7 draws a heading wider than the dialog badly). */
void            candor_window_show_file_error    (CandorWindow   *self,
                                                  const char     *heading,
                                                  const char     *file_name,
                                                  const GError   *error);
void            candor_window_show_toast         (CandorWindow   *self,
                                                  const char     *message);

G_END_DECLS
