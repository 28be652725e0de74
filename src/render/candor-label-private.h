/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-label-private.h: the label's layout state, shared by its layout, drawing and export. */
#pragma once

#include <pango/pangocairo.h>

#include "candor-label.h"
#include "candor-label-qr.h"

G_BEGIN_DECLS

#define MM_TO_PT(mm) ((mm) * 72.0 / 25.4)
/* One pixel of the 300 dpi PNG, in points: rules and QR modules sit on this grid so the
 * bitmap is crisp and the QR modules are all the same width. */
#define DEVICE_PX (72.0 / CANDOR_LABEL_PNG_DPI)
/* A printed module narrower than this is unreliable for phone cameras. */
#define MIN_MODULE_MM 0.25

/* Spacing, in multiples of the current body size, so it shrinks with the type. */
#define GAP_AFTER_TITLE   0.10
#define GAP_AFTER_PRODUCT 0.05
#define GAP_RULE          0.30
#define THICK_RULE        0.40
#define ROW_PAD           0.30
#define GAP_BEFORE_TEXT   0.10
#define HAIRLINE_PT       0.5
#define FOOTER_RULE_PT    1.5
#define BORDER_PT         1.0
#define SIDE_GAP          0.6   /* between an element's name and its answer */
#define MAX_EXTRA_PAD     1.6   /* spare height given to each row, at most */

typedef enum
{
  STYLE_TITLE,
  STYLE_PRODUCT,
  STYLE_MODELS,
  STYLE_ROW_NAME,
  STYLE_ANSWER,
  STYLE_TEXT,
  STYLE_CAPTION_HEAD,
  STYLE_CAPTION,
  N_STYLES
} Style;


typedef struct
{
  PangoLayout *layout;      /* the slot used by the last measure (borrowed) */
  /* Two layouts, for the last two sizes measured: while the type is shrunk, every keystroke
   * tries two neighbouring sizes, and only the edited text has to be laid out again. */
  PangoLayout *slots[2];
  double       slot_zoom[2], slot_width[2];
  guint        last_slot;
  Style        style;
  char        *text;
  int          max_lines;   /* 0 = as many as needed */
  double       allot;       /* > 0: cut to this height (pt) because it is too long */
  double       natural;     /* its height before it was cut */
  double       x, y, w, h;  /* placed box, left-to-right coordinates */
  double       zoom;        /* drawn at this scale of its style's full size */
  gboolean     visible;
} Block;

typedef struct
{
  Block    name, answer, text;
  gboolean one_line;       /* name and answer side by side */
  double   top, bottom;
} Row;

struct _CandorLabel
{
  GObject                    parent_instance;
  CandorDocument            *document;
  const CandorLabelTemplate *tmpl;
  const CandorLabelSize     *size;
  const CandorElementId     *elements;
  guint                      n_elements;

  PangoContext              *context;
  char                      *language;
  gboolean                   rtl;
  Block                      title, product, models, caption_head, url, maker;
  Row                        rows[CANDOR_N_ELEMENTS];

  CandorQr                  *qr;
  GError                    *qr_error;
  char                      *qr_url;
  double                     module, qr_x, qr_y, qr_size;
  double                     qr_draw_x;  /* qr_x, mirrored on right-to-left labels */

  double                     scale;
  int                        scale_step; /* of the last layout, where the next search starts */
  double                     rule_top, rule_footer, rule_footer_h;
  GPtrArray                 *problems;
};

/* Applies to both of a block's layouts (candor-label.c). */
void candor_label_block_context_changed (Block *block);

/* The label's problems are freed with this (candor-label.c). */
void candor_label_problem_free (gpointer data);

G_END_DECLS
