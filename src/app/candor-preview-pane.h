/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-preview-pane.h: the label and web page previews, one above the other, with the
 * template, size and zoom controls and the label's problems. */
#pragma once

#include <gtk/gtk.h>

#include "candor-document.h"
#include "candor-label-preview.h"
#include "candor-web-preview.h"

G_BEGIN_DECLS

#define CANDOR_TYPE_PREVIEW_PANE (candor_preview_pane_get_type ())
G_DECLARE_FINAL_TYPE (CandorPreviewPane, candor_preview_pane, CANDOR, PREVIEW_PANE, GtkWidget)

/*
 * Properties:
 *   document: CandorDocument (nullable), passed to both previews
 *   step: string (nullable), the editor's visible step; the web preview scrolls to its
 *     section ("product": the top; "review" and others: where it is)
 *
 * Signals:
 *   "problem-activated" (const char *section): the user chose a label problem; @section is
 *     "A1" … "B3" or "product", the editor step to show
 *
 * Actions (with Ctrl+plus, Ctrl+minus and Ctrl+0 while the window has focus):
 *   preview.zoom-in, preview.zoom-out, preview.zoom (double: 0 = fit, 1 = 100 %, 2 = 200 %)
 */

GtkWidget          *candor_preview_pane_new               (void);
CandorDocument     *candor_preview_pane_get_document      (CandorPreviewPane *self);
void                candor_preview_pane_set_document      (CandorPreviewPane *self,
                                                           CandorDocument    *document);
/* The editor's visible step ("product", "A1" … "B3", "review"): the web page follows it. */
const char         *candor_preview_pane_get_step          (CandorPreviewPane *self);
void                candor_preview_pane_set_step          (CandorPreviewPane *self,
                                                           const char        *step);
CandorLabelPreview *candor_preview_pane_get_label_preview (CandorPreviewPane *self);
CandorWebPreview   *candor_preview_pane_get_web_preview   (CandorPreviewPane *self);

G_END_DECLS
