/* SPDX-License-Identifier: GPL-3.0-or-later */
/* app-test-util.h: helpers for UI tests: waiting on the main loop, screenshots, finding widgets,
 * checking accessible names. */
#pragma once

#include <adwaita.h>

#include "candor-document.h"

G_BEGIN_DECLS

typedef gboolean (*Condition) (gpointer data);

/* Iterates the main context until @condition holds; FALSE after @timeout_ms. */
gboolean          wait_until       (Condition      condition,
                                    gpointer       data,
                                    guint          timeout_ms);
/* GAsyncReadyCallback storing a ref to the result in *(GAsyncResult **) user_data. */
void              store_result     (GObject       *source,
                                    GAsyncResult  *result,
                                    gpointer       user_data);
GAsyncResult     *wait_for_result  (GAsyncResult **slot);
/* Lets @window map, lay out and paint a few frames. */
void              settle           (GtkWidget     *window);
/* Writes @window as PNG to $CANDOR_BUILD_ROOT/tests/app/@name and prints the path. */
void              save_screenshot  (GtkWidget     *window,
                                    const char    *name);
/* The AdwPreferencesRow titled @title under @root, or NULL. */
GtkWidget        *find_entry_row   (GtkWidget     *root,
                                    const char    *title);
gboolean          is_mapped        (gpointer       widget);
/* The question (candor-alert) shown over @parent, or NULL. */
GtkWidget        *find_dialog_for  (GtkWindow     *parent);
gboolean          dialog_shown     (gpointer       parent);
void              answer_alert     (GtkWidget     *alert,
                                    const char    *id);
/* Fails the test, naming them, if a reachable control under @root has no accessible name. */
void              assert_all_named (GtkWidget     *root);
void              remove_tree      (GFile         *file);
/* Runs the main context for @ms milliseconds. */
void              spin             (guint          ms);

/* Renderer and GL settings for tests that show the web preview, then gtk_init(), adw_init(),
 * no animations, and the app's resources registered once. */
char             *app_test_private_folders (const char *name_template);
GTestDBus        *app_test_private_bus     (void);
/* An X server of this process's own (Xvfb), so that parallel tests share no clipboard, focus
 * or pointer; DISPLAY is set to it. Call first in main(), before GTK starts. Does nothing when
 * CANDOR_TEST_SHARED_DISPLAY=1 or when Xvfb is not installed (the caller's DISPLAY stays). */
void              app_test_private_display (void);
void              app_test_disable_gl (void);
void              app_test_init_gtk_for_previews (void);
void              app_test_web_preview_without_gl (void);
/* The shipped example (data/examples/smart-camera.candor), freshly loaded. */
CandorDocument   *load_example     (void);

G_END_DECLS
