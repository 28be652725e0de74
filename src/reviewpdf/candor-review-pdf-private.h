/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-review-pdf-private.h: what the layout (cairo) hands to the annotation writer (qpdf). */
#pragma once

#include <json-glib/json-glib.h>

#include "candor-comment.h"
#include "candor-review-pdf.h"

G_BEGIN_DECLS

/* The catalog key of the field map, and its format name. */
#define CANDOR_REVIEW_MAP_KEY    "/CandorReviewMap"
#define CANDOR_REVIEW_MAP_FORMAT "candor-review-copy"
/* /NM of everything Candor writes starts so: "candor:<comment id>", "…#r<n>", "…#state" */
#define CANDOR_REVIEW_NM_PREFIX  "candor:"

/* A rectangle in PDF user space (points, origin at the bottom left of the page). */
typedef struct
{
  double x0, y0, x1, y1;
} RpBox;

/* Where one note goes: a margin box on a page. */
typedef struct
{
  int    page;  /* from 0 */
  RpBox  box;
} RpSpot;

/**
 * RpLayout:
 * @map: the field map as stored in the PDF: {format, version, draft_id, digest, exported,
 *   page_width, page_height, pages: [{element?}], fields: [{element, field, text, lines:
 *   [{page, start, end, top, bottom, x: [boundaries]}]}], answers: [{element, answer, page,
 *   top, bottom}], sections: [{element, page, top, bottom}]} (pages from 1)
 * @heading_spots: per element, where a note on the whole element goes
 */
typedef struct
{
  JsonObject *map;
  double      page_width, page_height;
  int         n_pages;
  RpSpot      heading_spots[6];
} RpLayout;

void      rp_layout_clear (RpLayout *layout);

/* Draws the pages with cairo and fills @layout. Returns: (transfer full) the PDF */
GBytes   *rp_draw         (CandorDocument    *document,
                           CandorReviewPaper  paper,
                           GDateTime         *now,
                           RpLayout          *layout,
                           GError           **error);

/* The lines of @element's @field in the map (JsonObject of the "fields" array), or NULL. */
JsonObject *rp_map_find_field  (JsonObject *map, const char *element, const char *field);
/* Where the answer's row is: page (from 0) and box across the text column; FALSE if absent. */
gboolean    rp_map_find_answer (JsonObject *map, const char *element, const char *answer,
                                RpSpot *spot);

/* Adds the annotations and the map to @pdf (cairo's output) with qpdf.
 * Returns: (transfer full) the finished PDF */
GBytes   *rp_annotate     (GBytes            *pdf,
                           CandorDocument    *document,
                           RpLayout          *layout,
                           GError           **error);

/* The quadrilaterals over [@start, @end) of a field's lines, 8 numbers each (top left, top
 * right, bottom left, bottom right, as Acrobat writes them); @page gets the page of the
 * first. Returns: (transfer full) (element-type double) */
GArray   *rp_field_quads  (JsonObject *field, guint start, guint end, int *page);

/* "2026-11-20T16:40:00Z" → "D:20261120164000Z"; NULL if not a date. (transfer full) */
char     *rp_pdf_date_from_iso (const char *iso);
/* The reverse, for what viewers write ("D:2026…+01'00'", with or without the parts after
 * the date); NULL if not a date. (transfer full) */
char     *rp_iso_from_pdf_date (const char *pdf_date);

G_END_DECLS
