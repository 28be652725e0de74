/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-file-chooser.h: the native open/save dialog, whichever API this GTK has. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/**
 * candor_file_chooser_open_async:
 * @parent: (nullable): the window the dialog belongs to
 * @callback: called once the user picked a file or cancelled
 *
 * Asks for a `.candor` draft to open, with the platform's native dialog (through the
 * portal when sandboxed).
 */
void   candor_file_chooser_open_async  (GtkWindow           *parent,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data);

/**
 * candor_file_chooser_save_async:
 * @parent: (nullable): the window the dialog belongs to
 * @initial_name: (nullable): proposed file name, e.g. "Smart Camera.candor"
 * @initial_folder: (nullable): folder to start in
 *
 * Asks where to save a draft.
 */
void   candor_file_chooser_save_async  (GtkWindow           *parent,
                                        const char          *initial_name,
                                        GFile               *initial_folder,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data);

/**
 * candor_file_chooser_finish:
 *
 * Returns: (transfer full) (nullable): the chosen file, or %NULL with @error unset when the
 *   user cancelled, or %NULL with @error set when the dialog failed.
 */
GFile *candor_file_chooser_finish      (GAsyncResult        *result,
                                        GError             **error);

G_END_DECLS
