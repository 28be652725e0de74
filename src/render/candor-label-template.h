/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-label-template.h: the packaging label templates and their physical sizes. */
#pragma once

#include <glib.h>

#include "candor-element-id.h"

G_BEGIN_DECLS

/**
 * CandorLabelSize:
 * @id: "small", "medium", "large"
 * @width_mm: width of the printed label
 * @height_mm: height of the printed label
 * @margin_mm: white space between the border and the content
 * @title_pt: size of the title before any shrinking
 * @body_pt: size of the body text before any shrinking (never below the minimum, 6 pt)
 * @qr_mm: printed size of the QR symbol, without its quiet zone (at least 12 mm)
 *
 * One physical size of a template, as defined in data/render/label-templates.json.
 */
typedef struct
{
  const char *id;
  double      width_mm;
  double      height_mm;
  double      margin_mm;
  double      title_pt;
  double      body_pt;
  double      qr_mm;
} CandorLabelSize;

typedef struct _CandorLabelTemplate CandorLabelTemplate;

/* The template ids, "compact" then "full". Returns: (transfer none) (array zero-terminated=1) */
const char * const        *candor_label_template_list_ids      (void);

/* Returns: (transfer none) (nullable): the template, or NULL with
 * CANDOR_RENDER_ERROR_UNKNOWN_TEMPLATE */
const CandorLabelTemplate *candor_label_template_lookup        (const char                *id,
                                                                GError                   **error);

const char                *candor_label_template_get_id        (const CandorLabelTemplate *self);
/* Translated display name: "Compact", "Full". */
const char                *candor_label_template_get_name      (const CandorLabelTemplate *self);
/* The elements shown, in order. Returns: (transfer none) (array length=n_elements) */
const CandorElementId     *candor_label_template_get_elements  (const CandorLabelTemplate *self,
                                                                guint                     *n_elements);
guint                      candor_label_template_get_n_sizes   (const CandorLabelTemplate *self);
const CandorLabelSize     *candor_label_template_get_size      (const CandorLabelTemplate *self,
                                                                guint                      index);
/* @size_id: (nullable): NULL for the template's default size.
 * Returns: (transfer none) (nullable): NULL with CANDOR_RENDER_ERROR_UNKNOWN_SIZE */
const CandorLabelSize     *candor_label_template_lookup_size   (const CandorLabelTemplate *self,
                                                                const char                *size_id,
                                                                GError                   **error);

/* "Small, 50 × 70 mm". Returns: (transfer full) */
char                      *candor_label_size_dup_display_name  (const CandorLabelSize     *size);

/* Font family list for label text (fallbacks cover Arabic, Hebrew and CJK), and the minimum
 * legible size in points. */
const char                *candor_label_template_get_font      (void);
double                     candor_label_template_get_min_pt    (void);

G_END_DECLS
