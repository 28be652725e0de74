/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-label-draw.c: draws a laid-out label with cairo; the one code path for the app's
 * preview and for every exported format. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "candor-label-private.h"

/* Boxes are laid out left to right; a right-to-left label is its mirror image (the QR code
 * itself is of course not mirrored, only where it sits). */
static double
mirror_x (CandorLabel *self, double x, double w)
{
  return self->rtl ? candor_label_get_width (self) - x - w : x;
}

static void
draw_block (CandorLabel *self, cairo_t *cr, Block *block)
{
  if (!block->visible || block->h <= 0)
    return;
  cairo_save (cr);
  /* A block never paints outside its own box, whatever the text. */
  cairo_rectangle (cr, mirror_x (self, block->x, block->w), block->y, block->w, block->h);
  cairo_clip (cr);
  cairo_translate (cr, mirror_x (self, block->x, block->w), block->y);
  cairo_scale (cr, block->zoom, block->zoom);
  cairo_move_to (cr, 0, 0);
  pango_cairo_show_layout (cr, block->layout);
  cairo_restore (cr);
}

static void
draw_rule (CandorLabel *self, cairo_t *cr, double y, double thickness)
{
  double m = MM_TO_PT (self->size->margin_mm);

  cairo_rectangle (cr, m, y, candor_label_get_width (self) - 2 * m, thickness);
  cairo_fill (cr);
}

static void
draw_qr_placeholder (CandorLabel *self, cairo_t *cr, double x)
{
  const double dashes[] = { 2.0, 2.0 };
  PangoLayout *layout = pango_layout_new (self->context);
  PangoFontDescription *desc = pango_font_description_from_string (candor_label_template_get_font ());
  PangoRectangle logical;

  /* Only ever seen in the preview: export refuses a label without a valid address. */
  cairo_save (cr);
  cairo_set_source_rgb (cr, 0.55, 0.55, 0.55);
  cairo_set_line_width (cr, 0.5);
  cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
  cairo_rectangle (cr, x + 0.25, self->qr_y + 0.25, self->qr_size - 0.5, self->qr_size - 0.5);
  cairo_stroke (cr);
  pango_font_description_set_absolute_size (desc, 6 * PANGO_SCALE);
  pango_layout_set_font_description (layout, desc);
  pango_layout_set_width (layout, (int) ((self->qr_size - 4) * PANGO_SCALE));
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  pango_layout_set_text (layout, _("No web address"), -1);
  pango_layout_get_extents (layout, NULL, &logical);
  cairo_move_to (cr, x + 2, self->qr_y + (self->qr_size - (double) logical.height / PANGO_SCALE) / 2);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
  pango_font_description_free (desc);
  g_object_unref (layout);
}

/**
 * candor_label_draw:
 * @cr: where to draw; the label occupies (0, 0) to (width, height) in points in the current
 *   user space, so scale and translate @cr first to place it
 *
 * Draws the label as laid out by the last candor_label_update(). The preview in the app and
 * every exported format go through this function. Nothing is drawn outside the label.
 */
void
candor_label_draw (CandorLabel *self, cairo_t *cr)
{
  double W, H;

  g_return_if_fail (CANDOR_IS_LABEL (self));
  g_return_if_fail (cr != NULL);

  W = candor_label_get_width (self);
  H = candor_label_get_height (self);

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, W, H);
  cairo_clip (cr);

  /* A white panel, so the label reads on any box colour, framed like a facts panel. */
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_set_line_width (cr, BORDER_PT);
  cairo_rectangle (cr, BORDER_PT / 2, BORDER_PT / 2, W - BORDER_PT, H - BORDER_PT);
  cairo_stroke (cr);

  draw_block (self, cr, &self->title);
  draw_block (self, cr, &self->product);
  draw_block (self, cr, &self->models);
  draw_rule (self, cr, self->rule_top, self->rows[0].top - self->rule_top);

  for (guint i = 0; i < self->n_elements; i++)
    {
      Row *row = &self->rows[i];

      draw_block (self, cr, &row->name);
      draw_block (self, cr, &row->answer);
      draw_block (self, cr, &row->text);
      if (i + 1 < self->n_elements)
        draw_rule (self, cr, row->bottom, self->rows[i + 1].top - row->bottom);
    }

  draw_rule (self, cr, self->rule_footer, self->rule_footer_h);
  if (self->qr != NULL)
    candor_qr_draw (self->qr, cr, self->qr_draw_x, self->qr_y, self->module);
  else
    draw_qr_placeholder (self, cr, self->qr_draw_x);
  draw_block (self, cr, &self->caption_head);
  draw_block (self, cr, &self->url);
  draw_block (self, cr, &self->maker);

  cairo_restore (cr);
}
