/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-label.h: the packaging label of a disclosure, laid out for one template and size. */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "candor-document.h"
#include "candor-label-template.h"

G_BEGIN_DECLS

/**
 * CandorLabelFormat:
 * @CANDOR_LABEL_FORMAT_PDF: vector PDF, text kept as text
 * @CANDOR_LABEL_FORMAT_SVG: vector SVG, true size (in points)
 * @CANDOR_LABEL_FORMAT_PNG: 300 dpi bitmap (with the resolution recorded in the file)
 */
typedef enum
{
  CANDOR_LABEL_FORMAT_PDF,
  CANDOR_LABEL_FORMAT_SVG,
  CANDOR_LABEL_FORMAT_PNG,
} CandorLabelFormat;

#define CANDOR_LABEL_PNG_DPI 300

/**
 * CandorLabelProblemKind:
 * @CANDOR_LABEL_PROBLEM_TOO_LONG: a text did not fit even at the minimum size; it is cut
 *   short (with "…") and clipped to its box
 * @CANDOR_LABEL_PROBLEM_NO_URL: no web address: no QR code is drawn
 * @CANDOR_LABEL_PROBLEM_INVALID_URL: not an http(s) address: no QR code is drawn
 * @CANDOR_LABEL_PROBLEM_URL_TOO_LONG: the QR code would be too dense to scan at this size
 */
typedef enum
{
  CANDOR_LABEL_PROBLEM_TOO_LONG,
  CANDOR_LABEL_PROBLEM_NO_URL,
  CANDOR_LABEL_PROBLEM_INVALID_URL,
  CANDOR_LABEL_PROBLEM_URL_TOO_LONG,
} CandorLabelProblemKind;

/**
 * CandorLabelProblem:
 * @kind: what is wrong
 * @section: where, named like the document's "changed" detail: "A1" … "B3", or "product"
 * @key: the field at fault: "label_text", "name", "models", "manufacturer" or "url"
 * @message: translated, says what to do; the same text as the matching GError
 * @x: left of the box on the label where it happened, in points from the label's top left
 * @y: top of that box
 * @width: width of that box
 * @height: height of that box
 *
 * Lets the app show the message at the element that caused it. Owned by the label; valid
 * until the next candor_label_update().
 */
typedef struct
{
  CandorLabelProblemKind kind;
  const char            *section;
  const char            *key;
  char                  *message;
  double                 x, y, width, height;
} CandorLabelProblem;

#define CANDOR_TYPE_LABEL (candor_label_get_type ())
G_DECLARE_FINAL_TYPE (CandorLabel, candor_label, CANDOR, LABEL, GObject)

CandorLabel   *candor_label_new                 (CandorDocument           *document,
                                                 const char               *template_id,
                                                 const char               *size_id,
                                                 GError                  **error);

CandorDocument            *candor_label_get_document   (CandorLabel *self);
const CandorLabelTemplate *candor_label_get_template   (CandorLabel *self);
const CandorLabelSize     *candor_label_get_size       (CandorLabel *self);
/* Size of the label in points (1/72 inch), the unit candor_label_draw() draws in. */
double         candor_label_get_width           (CandorLabel              *self);
double         candor_label_get_height          (CandorLabel              *self);

void           candor_label_update              (CandorLabel              *self);
/* The font scale used by the last layout: 1.0 = as designed, less when texts were shrunk. */
double         candor_label_get_scale           (CandorLabel              *self);

/* Returns: (transfer none) (element-type CandorLabelProblem): empty when the label is fine */
GPtrArray     *candor_label_get_problems        (CandorLabel              *self);
gboolean       candor_label_check               (CandorLabel              *self,
                                                 GError                  **error);
/* Where an element's row sits on the label, in points; FALSE if the template omits it. */
gboolean       candor_label_get_element_box     (CandorLabel              *self,
                                                 CandorElementId           id,
                                                 cairo_rectangle_t        *box);

void           candor_label_draw                (CandorLabel              *self,
                                                 cairo_t                  *cr);

gboolean       candor_label_format_from_filename (const char              *filename,
                                                  CandorLabelFormat       *format,
                                                  GError                 **error);
const char    *candor_label_format_to_extension (CandorLabelFormat         format);
GBytes        *candor_label_render              (CandorLabel              *self,
                                                 CandorLabelFormat         format,
                                                 GError                  **error);
gboolean       candor_label_write_file          (CandorLabel              *self,
                                                 GFile                    *file,
                                                 CandorLabelFormat         format,
                                                 GError                  **error);

G_END_DECLS
