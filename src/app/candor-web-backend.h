/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-web-backend.h: the WebKitGTK view of the web preview, in a module loaded on first use. */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/*
 * WebKitGTK and the hundred libraries it brings take longer to load than the rest of Candor
 * together, so the app does not link it: the web preview opens the module
 * (candor-webkit.so) after its first frame. The module knows nothing of Candor's document
 * model; it makes a preview-safe web view (ephemeral session, no navigation, no network, no
 * context menu) and runs scripts in it.
 *
 * Where the module is looked for: $CANDOR_WEBKIT_MODULE, then next to the running program
 * (the build tree), then where it is installed.
 */

#define CANDOR_WEB_BACKEND_VERSION 1
#define CANDOR_WEB_BACKEND_SYMBOL  "candor_web_backend_get"

/* @owner is the object given to new_view(); called only while it is alive. */
typedef void (*CandorWebBackendNotify) (GObject *owner);

typedef struct
{
  guint       version;  /* CANDOR_WEB_BACKEND_VERSION */

  /* A new web view (floating), which calls @loaded when a load finishes and @crashed when
   * its web process ends. @style_sheet is a user style sheet for every page it shows. */
  GtkWidget *(*new_view)         (GObject                *owner,
                                  const char             *style_sheet,
                                  CandorWebBackendNotify  loaded,
                                  CandorWebBackendNotify  crashed);
  void       (*load_html)        (GtkWidget              *view,
                                  const char             *html);
  /* Runs @body as the body of a function whose arguments are the entries of @arguments (a
   * floating a{sv}) in an isolated world; the result is the function's value as a string. */
  void       (*call_async)       (GtkWidget              *view,
                                  const char             *body,
                                  GVariant               *arguments,
                                  GCancellable           *cancellable,
                                  GAsyncReadyCallback     callback,
                                  gpointer                user_data);
  /* Evaluates @script in the page's own world. */
  void       (*evaluate_async)   (GtkWidget              *view,
                                  const char             *script,
                                  GCancellable           *cancellable,
                                  GAsyncReadyCallback     callback,
                                  gpointer                user_data);
  /* Finishes either; Returns: (transfer full) the value as a string, or %NULL and @error. */
  char      *(*run_finish)       (GtkWidget              *view,
                                  GAsyncResult           *result,
                                  GError                **error);
} CandorWebBackend;

typedef const CandorWebBackend *(*CandorWebBackendGetFunc) (void);

G_END_DECLS
