/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-label-preview.h: the packaging label drawn live, by the export's own drawing code. */
#pragma once

#include <gtk/gtk.h>

#include "candor-document.h"
#include "candor-label.h"

G_BEGIN_DECLS

#define CANDOR_TYPE_LABEL_PREVIEW (candor_label_preview_get_type ())
G_DECLARE_FINAL_TYPE (CandorLabelPreview, candor_label_preview, CANDOR, LABEL_PREVIEW, GtkWidget)

/* 100 % shows the label at its physical size on a 96 dpi screen. */
#define CANDOR_LABEL_PREVIEW_PX_PER_PT (96.0 / 72.0)
/* The zoom meaning "fit the label into the space available". */
#define CANDOR_LABEL_PREVIEW_ZOOM_FIT  0.0

/*
 * Properties:
 *   document: CandorDocument (nullable)
 *   template-id: "compact" or "full"
 *   size-id: string (nullable: the template's default size)
 *   zoom: double, 1.0 = 100 %; 0 = fit
 *
 * Signals:
 *   "updated": after the label was laid out again (at most once per frame)
 */

GtkWidget      *candor_label_preview_new             (void);
CandorDocument *candor_label_preview_get_document    (CandorLabelPreview *self);
void            candor_label_preview_set_document    (CandorLabelPreview *self,
                                                      CandorDocument     *document);
const char     *candor_label_preview_get_template_id (CandorLabelPreview *self);
void            candor_label_preview_set_template_id (CandorLabelPreview *self,
                                                      const char         *template_id);
const char     *candor_label_preview_get_size_id     (CandorLabelPreview *self);
void            candor_label_preview_set_size_id     (CandorLabelPreview *self,
                                                      const char         *size_id);
double          candor_label_preview_get_zoom        (CandorLabelPreview *self);
void            candor_label_preview_set_zoom        (CandorLabelPreview *self,
                                                      double              zoom);
/* The zoom actually used: the fitted one when zoom is "fit". */
double          candor_label_preview_get_effective_zoom (CandorLabelPreview *self);

/* Where the label sits in the widget, in logical pixels (FALSE before the first layout). */
gboolean        candor_label_preview_get_label_bounds (CandorLabelPreview *self,
                                                       graphene_rect_t    *bounds);
/* The label as last laid out (nullable when there is no document). */
CandorLabel    *candor_label_preview_get_label       (CandorLabelPreview *self);
/* Problems of the last layout (element-type CandorLabelProblem), or NULL. */
GPtrArray      *candor_label_preview_get_problems    (CandorLabelPreview *self);
/* How many layouts were made (tests check that a burst of changes costs one). */
guint           candor_label_preview_get_n_updates   (CandorLabelPreview *self);
/* Microseconds the last layout took (candor_label_update only). */
gint64          candor_label_preview_get_last_update_usec (CandorLabelPreview *self);

/* Microseconds the last rasterisation took (candor_label_draw onto the screen's pixels). */
gint64          candor_label_preview_get_last_draw_usec (CandorLabelPreview *self);

G_END_DECLS
