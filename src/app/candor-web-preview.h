/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-web-preview.h: the generated web page, shown live (WebKitGTK, or its source). */
#pragma once

#include <gtk/gtk.h>

#include "candor-document.h"

G_BEGIN_DECLS

#define CANDOR_TYPE_WEB_PREVIEW (candor_web_preview_get_type ())
G_DECLARE_FINAL_TYPE (CandorWebPreview, candor_web_preview, CANDOR, WEB_PREVIEW, GtkWidget)

/*
 * Properties:
 *   document: CandorDocument (nullable); its web page is generated once per frame after a
 *     change
 *   section: string (nullable), the part of the page to show: "top", or the id of an
 *     element's section ("A1" … "B3"); the page scrolls there when it changes (or once the
 *     page is loaded), without taking the focus, and stays where it is while the page is
 *     updated
 *
 * Signals:
 *   "updated": the page was generated again (at most once per frame)
 *   "shown": the view shows the latest page (after the first load, or after an in-place
 *     update)
 *
 * Nothing is loaded from the network: the page is given as a string with base URI
 * about:blank, a Content-Security-Policy forbids every external resource, and navigation
 * away from it is refused.
 */

GtkWidget      *candor_web_preview_new             (void);
CandorDocument *candor_web_preview_get_document    (CandorWebPreview *self);
void            candor_web_preview_set_document    (CandorWebPreview *self,
                                                    CandorDocument   *document);
/* Shows @html as it is (e.g. the index.html of a bundle); clears the document. */
void            candor_web_preview_set_html        (CandorWebPreview *self,
                                                    const char       *html);
const char     *candor_web_preview_get_section     (CandorWebPreview *self);
void            candor_web_preview_set_section     (CandorWebPreview *self,
                                                    const char       *section);
/* The section the page last scrolled to (NULL before the first); for tests. */
const char     *candor_web_preview_get_scrolled_section (CandorWebPreview *self);
/* Whether WebKitGTK renders the page (FALSE: the HTML source is shown instead). */
gboolean        candor_web_preview_get_renders     (CandorWebPreview *self);
/* TRUE once the latest page is on screen (no update pending or in flight). */
gboolean        candor_web_preview_get_shown       (CandorWebPreview *self);
guint           candor_web_preview_get_n_updates   (CandorWebPreview *self);
gint64          candor_web_preview_get_last_update_usec (CandorWebPreview *self);

/* Runs @script in the page and returns its result converted to a string. Fails with
 * G_IO_ERROR_NOT_SUPPORTED without WebKitGTK. For tests and diagnostics. */
void            candor_web_preview_run_javascript_async  (CandorWebPreview    *self,
                                                          const char          *script,
                                                          GCancellable        *cancellable,
                                                          GAsyncReadyCallback  callback,
                                                          gpointer             user_data);
char           *candor_web_preview_run_javascript_finish (CandorWebPreview    *self,
                                                          GAsyncResult        *result,
                                                          GError             **error);

G_END_DECLS
