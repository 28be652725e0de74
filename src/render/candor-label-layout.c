/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-label-layout.c: fits every text into the label: shrinks type down to the minimum
 * legible size, then cuts the longest texts short and reports them. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "candor-label-private.h"
#include "candor-render-error.h"
#include "candor-render-util.h"

/* Sizes relative to the body size (the title has its own), and the floor each may shrink to,
 * relative to the minimum legible size: the title stays a title. */
static const struct
{
  double   rel;
  double   floor_rel;
  gboolean bold;
} styles[N_STYLES] = {
  [STYLE_TITLE] = { 1.0, 1.5, TRUE },
  [STYLE_PRODUCT] = { 1.2, 1.15, TRUE },
  [STYLE_MODELS] = { 0.93, 1.0, FALSE },
  [STYLE_ROW_NAME] = { 1.0, 1.0, FALSE },
  [STYLE_ANSWER] = { 1.0, 1.0, TRUE },
  [STYLE_TEXT] = { 0.93, 1.0, FALSE },
  [STYLE_CAPTION_HEAD] = { 0.93, 1.0, TRUE },
  [STYLE_CAPTION] = { 0.86, 1.0, FALSE },
};

static double
snap (double v)
{
  return round (v / DEVICE_PX) * DEVICE_PX;
}

static double
style_pt (CandorLabel *self, Style style, double s)
{
  double base = style == STYLE_TITLE ? self->size->title_pt : self->size->body_pt * styles[style].rel;
  double floor_pt = candor_label_template_get_min_pt () * styles[style].floor_rel;

  return MAX (base * s, MIN (base, floor_pt));
}

static double
body_pt (CandorLabel *self, double s)
{
  return style_pt (self, STYLE_ROW_NAME, s);
}

/* Pango wants valid UTF-8 without NULs; drafts are validated, but a bad byte must not crash. */
static void
block_set_text (Block *block, const char *text)
{
  g_autofree char *valid = NULL;

  if (text == NULL)
    text = "";
  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);
  block->visible = *text != '\0';
  if (g_strcmp0 (block->text, text) == 0)
    return;
  g_free (block->text);
  block->text = g_strdup (text);
  pango_layout_set_text (block->slots[0], text, -1);
  pango_layout_set_text (block->slots[1], text, -1);
}

/* Each text is laid out at its style's full size and drawn scaled by block->zoom: with
 * unhinted metrics that is the same as laying it out at the smaller size, but the fonts stay
 * the same few sizes, so shrinking to fit never loads new font sizes on a keystroke. */
static double
block_measure (CandorLabel *self, Block *block, double width, double s, gboolean end_align)
{
  PangoFontDescription *desc;
  PangoRectangle logical;
  PangoAlignment start = self->rtl ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT;
  PangoAlignment end = self->rtl ? PANGO_ALIGN_LEFT : PANGO_ALIGN_RIGHT;
  double full = style_pt (self, block->style, 1.0);

  block->w = width;
  if (!block->visible)
    return block->h = 0;

  block->zoom = style_pt (self, block->style, s) / full;
  /* The slot last laid out at this size and width, else the one used longest ago. */
  {
    guint slot = 1 - block->last_slot;

    for (guint i = 0; i < G_N_ELEMENTS (block->slots); i++)
      if (block->slot_zoom[i] == block->zoom && block->slot_width[i] == width)
        slot = i;
    block->last_slot = slot;
    block->slot_zoom[slot] = block->zoom;
    block->slot_width[slot] = width;
    block->layout = block->slots[slot];
  }
  desc = pango_font_description_from_string (candor_label_template_get_font ());
  pango_font_description_set_absolute_size (desc, full * PANGO_SCALE);
  pango_font_description_set_weight (desc, styles[block->style].bold ? PANGO_WEIGHT_BOLD
                                                                     : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (block->layout, desc);
  pango_font_description_free (desc);

  pango_layout_set_alignment (block->layout, end_align ? end : start);
  pango_layout_set_width (block->layout, (int) (width / block->zoom * PANGO_SCALE));
  if (block->allot > 0)
    {
      pango_layout_set_ellipsize (block->layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_height (block->layout, (int) (block->allot / block->zoom * PANGO_SCALE));
    }
  else if (block->max_lines > 0)
    {
      pango_layout_set_ellipsize (block->layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_height (block->layout, -block->max_lines);
    }
  else
    pango_layout_set_ellipsize (block->layout, PANGO_ELLIPSIZE_NONE);

  pango_layout_get_extents (block->layout, NULL, &logical);
  return block->h = (double) logical.height / PANGO_SCALE * block->zoom;
}

static double
block_line_width (Block *block)
{
  PangoRectangle logical;

  if (!block->visible)
    return 0;
  pango_layout_get_extents (block->layout, NULL, &logical);
  return (double) logical.width / PANGO_SCALE * block->zoom;
}

static double
row_measure (CandorLabel *self, Row *row, double width, double s)
{
  double u = body_pt (self, s);
  gboolean was_one_line = row->one_line;
  double head;

  /* Measured with last time's alignment: alignment does not change the line widths, and
   * switching it back and forth would lay the text out again on every keystroke. */
  block_measure (self, &row->name, width, s, FALSE);
  block_measure (self, &row->answer, width, s, was_one_line);
  row->one_line = pango_layout_get_line_count (row->name.layout) == 1
                  && pango_layout_get_line_count (row->answer.layout) == 1
                  && block_line_width (&row->name) + SIDE_GAP * u + block_line_width (&row->answer)
                     <= width;
  /* Name at the start, answer at the end of one line, like "Calories … 230". */
  if (row->one_line != was_one_line)
    block_measure (self, &row->answer, width, s, row->one_line);
  if (row->one_line)
    head = MAX (row->name.h, row->answer.h);
  else
    head = row->name.h + row->answer.h;
  block_measure (self, &row->text, width, s, FALSE);
  return ROW_PAD * u + head + (row->text.visible ? GAP_BEFORE_TEXT * u + row->text.h : 0)
         + ROW_PAD * u;
}

/* Height of the footer below its rule: QR code with its quiet zone beside the caption. */
static double
footer_measure (CandorLabel *self, double s, double *caption_width)
{
  double W = candor_label_get_width (self);
  double m = MM_TO_PT (self->size->margin_mm);
  double quiet = CANDOR_QR_QUIET_ZONE * self->module;
  double caption_h;
  double below;

  /* The quiet zone may reach into the margin, but never under the border. */
  self->qr_x = snap (MAX (m, BORDER_PT + quiet));
  /* The caption keeps one module clear of the quiet zone: a glyph's ink may reach a little past
   * its logical edge (an italic overhang, antialiasing, a mirrored line ending at the QR). */
  *caption_width = W - m - (self->qr_x + self->qr_size
                            + MAX (quiet + self->module, 0.8 * body_pt (self, s)));
  caption_h = block_measure (self, &self->caption_head, *caption_width, s, FALSE)
              + block_measure (self, &self->url, *caption_width, s, FALSE)
              + block_measure (self, &self->maker, *caption_width, s, FALSE);
  below = MAX (0, quiet - (m - BORDER_PT));
  return MAX (quiet + self->qr_size + below, quiet + caption_h);
}

static double
header_measure (CandorLabel *self, double width, double s)
{
  double u = body_pt (self, s);

  return block_measure (self, &self->title, width, s, FALSE) + GAP_AFTER_TITLE * u
         + block_measure (self, &self->product, width, s, FALSE)
         + (self->models.visible ? GAP_AFTER_PRODUCT * u : 0)
         + block_measure (self, &self->models, width, s, FALSE)
         + GAP_RULE * u + snap (THICK_RULE * u);
}

/* Content height the label needs at scale @s (between the top and bottom margins). */
static double
measure (CandorLabel *self, double s)
{
  double m = MM_TO_PT (self->size->margin_mm);
  double width = candor_label_get_width (self) - 2 * m;
  double caption_width;
  double total = header_measure (self, width, s);

  for (guint i = 0; i < self->n_elements; i++)
    total += row_measure (self, &self->rows[i], width, s)
             + (i + 1 < self->n_elements ? snap (HAIRLINE_PT) : 0);
  return total + snap (FOOTER_RULE_PT) + footer_measure (self, s, &caption_width);
}

static void
add_problem (CandorLabel            *self,
             CandorLabelProblemKind  kind,
             const char             *section,
             const char             *key,
             char                   *message,
             double x, double y, double w, double h)
{
  CandorLabelProblem *problem = g_new0 (CandorLabelProblem, 1);

  problem->kind = kind;
  problem->section = section;
  problem->key = key;
  problem->message = message;
  /* Boxes are stored as drawn, so mirrored on right-to-left labels. */
  problem->x = self->rtl ? candor_label_get_width (self) - x - w : x;
  problem->y = y;
  problem->width = w;
  problem->height = h;
  g_ptr_array_add (self->problems, problem);
}

static char *
label_name (CandorLabel *self)
{
  g_autofree char *size = candor_label_size_dup_display_name (self->size);

  /* TRANSLATORS: template name and size, e.g. "Compact, Small, 50 × 70 mm" */
  return g_strdup_printf (C_("label name", "%s, %s"),
                          candor_label_template_get_name (self->tmpl), size);
}

static guint
count_words (const char *text)
{
  guint n = 0;
  gboolean in_word = FALSE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gboolean space = g_unichar_isspace (g_utf8_get_char (p));

      if (!space && !in_word)
        n++;
      in_word = !space;
    }
  return n;
}

/* Nothing fits even at the minimum size: cap the height of the element texts at one level,
 * as high as the space allows, so the longest texts are cut (and reported), evenly, and
 * short ones are left whole. */
static void
cut_longest (CandorLabel *self, double overflow)
{
  Block *candidates[2 * CANDOR_N_ELEMENTS];
  double floors[2 * CANDOR_N_ELEMENTS];
  guint n = 0;
  double lo = 0, hi = 0;

  for (guint i = 0; i < self->n_elements; i++)
    {
      Block *blocks[] = { &self->rows[i].text, &self->rows[i].answer };

      for (guint b = 0; b < G_N_ELEMENTS (blocks); b++)
        if (blocks[b]->visible)
          {
            candidates[n] = blocks[b];
            /* At least one line stays, whatever the cap. */
            floors[n] = blocks[b]->h / MAX (1, pango_layout_get_line_count (blocks[b]->layout));
            hi = MAX (hi, blocks[b]->h);
            n++;
          }
    }

  /* Largest cap whose cuts add up to the overflow (bisection: the sum falls as it rises). */
  for (int iteration = 0; iteration < 40; iteration++)
    {
      double cap = (lo + hi) / 2, saved = 0;

      for (guint i = 0; i < n; i++)
        saved += MAX (0, candidates[i]->h - MAX (cap, floors[i]));
      if (saved >= overflow)
        lo = cap;
      else
        hi = cap;
    }

  for (guint i = 0; i < n; i++)
    if (candidates[i]->h > MAX (lo, floors[i]) + 0.01)
      {
        candidates[i]->natural = candidates[i]->h;
        candidates[i]->allot = MAX (lo, floors[i]);
      }
}

static void
report_cut_texts (CandorLabel *self)
{
  g_autofree char *name = label_name (self);
  double m = MM_TO_PT (self->size->margin_mm);
  double width = candor_label_get_width (self) - 2 * m;
  struct { Block *block; const char *key; const char *what; } product[] = {
    { &self->product, "name", N_("The product name") },
    { &self->models, "models", N_("The list of models") },
    { &self->url, "url", N_("The web address") },
    { &self->maker, "manufacturer", N_("The manufacturer’s name") },
  };

  for (guint i = 0; i < self->n_elements; i++)
    {
      Row *row = &self->rows[i];
      CandorElementId id = self->elements[i];
      Block *blocks[] = { &row->text, &row->answer, &row->name };

      for (guint b = 0; b < G_N_ELEMENTS (blocks); b++)
        {
          Block *block = blocks[b];
          guint words, cut;

          if (!block->visible || !pango_layout_is_ellipsized (block->layout))
            continue;
          words = count_words (block->text);
          /* Height lost, as a share of the words: a fair estimate for running text. */
          cut = block->natural > 0
                  ? (guint) ceil (words * (block->natural - block->h) / block->natural)
                  : 1;
          cut = CLAMP (cut, 1, MAX (words, 1));
          add_problem (self, CANDOR_LABEL_PROBLEM_TOO_LONG, candor_element_id_to_key (id),
                       block == &row->answer ? "short_answer" : "label_text",
                       g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                     "%s “%s”: the %s is too long for this label "
                                                     "(%s), even at %g pt. Shorten it by about "
                                                     "%u word, or choose a larger label.",
                                                     "%s “%s”: the %s is too long for this label "
                                                     "(%s), even at %g pt. Shorten it by about "
                                                     "%u words, or choose a larger label.",
                                                     cut),
                                        candor_element_id_to_display (id),
                                        candor_render_row_name (id),
                                        block == &row->answer ? _("short answer")
                                                              : _("label text"),
                                        name, candor_label_template_get_min_pt (), cut),
                       m, row->top, width, row->bottom - row->top);
          break;
        }
    }

  for (guint i = 0; i < G_N_ELEMENTS (product); i++)
    if (product[i].block->visible && pango_layout_is_ellipsized (product[i].block->layout))
      add_problem (self, CANDOR_LABEL_PROBLEM_TOO_LONG, "product", product[i].key,
                   g_strdup_printf (_("%s is too long for this label (%s). Shorten it, or "
                                      "choose a larger label."),
                                    _(product[i].what), name),
                   product[i].block->x, product[i].block->y, product[i].block->w,
                   product[i].block->h);
}

static void
set_texts (CandorLabel *self)
{
  CandorDocument *doc = self->document;
  const char * const *models = candor_document_get_models (doc);
  const char *manufacturer = candor_document_get_manufacturer (doc);
  guint n_models = models != NULL ? g_strv_length ((char **) models) : 0;
  g_autofree char *joined = NULL;
  g_autofree char *models_text = NULL;
  g_autofree char *maker_text = NULL;
  g_autofree char *product = candor_render_isolate (candor_document_get_product_name (doc));
  g_autofree char *url = candor_render_isolate (candor_document_get_url (doc));

  /* Every text of the user's is isolated (candor_render_isolate()): a right-to-left name
   * must not reorder "Models:", the commas between models, or the label's own words. */
  block_set_text (&self->title, _("Security updates"));
  block_set_text (&self->product, product);
  if (n_models > 0)
    {
      g_autoptr(GPtrArray) isolated = g_ptr_array_new_with_free_func (g_free);

      for (guint i = 0; i < n_models; i++)
        g_ptr_array_add (isolated, candor_render_isolate (models[i]));
      g_ptr_array_add (isolated, NULL);
      joined = g_strjoinv (", ", (char **) isolated->pdata);
      models_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Model: %s", "Models: %s",
                                                  n_models),
                                     joined);
    }
  block_set_text (&self->models, models_text);
  /* No invitation to scan a code that is not there. */
  block_set_text (&self->caption_head, self->qr_error == NULL ? _("Scan for full details") : NULL);
  block_set_text (&self->url, self->qr_error == NULL ? url : NULL);
  if (manufacturer != NULL && *manufacturer != '\0')
    {
      g_autofree char *maker = candor_render_isolate (manufacturer);
      maker_text = g_strdup_printf (_("Manufacturer: %s"), maker);
    }
  block_set_text (&self->maker, maker_text);

  for (guint i = 0; i < self->n_elements; i++)
    {
      Row *row = &self->rows[i];
      CandorElementId id = self->elements[i];
      CandorElement *element = candor_document_get_element (doc, id);
      g_autofree char *answer = candor_render_short_answer (doc, id);
      const char *text = candor_element_get_text (element, CANDOR_TEXT_LABEL);

      block_set_text (&row->name, candor_render_row_name (id));
      block_set_text (&row->answer, answer != NULL ? answer : _("Not stated"));
      /* The answer already says it all when the label text is just the answer again. */
      {
        g_autofree char *isolated = g_strcmp0 (text, answer) != 0 ? candor_render_isolate (text) : NULL;
        block_set_text (&row->text, isolated);
      }
    }
}

static void
set_language (CandorLabel *self)
{
  const char *language = candor_document_get_language (self->document);
  Block *blocks[] = { &self->title, &self->product, &self->models, &self->caption_head,
                      &self->url, &self->maker };

  if (language == NULL || *language == '\0')
    language = "en";
  if (g_strcmp0 (language, self->language) == 0)
    return;
  g_free (self->language);
  self->language = g_strdup (language);
  self->rtl = candor_render_language_is_rtl (language);
  /* The language picks the right glyphs for Han characters and the paragraph direction. */
  pango_context_set_language (self->context, pango_language_from_string (language));
  pango_context_set_base_dir (self->context, self->rtl ? PANGO_DIRECTION_RTL : PANGO_DIRECTION_LTR);
  for (guint i = 0; i < G_N_ELEMENTS (blocks); i++)
    candor_label_block_context_changed (blocks[i]);
  for (guint i = 0; i < self->n_elements; i++)
    {
      candor_label_block_context_changed (&self->rows[i].name);
      candor_label_block_context_changed (&self->rows[i].answer);
      candor_label_block_context_changed (&self->rows[i].text);
    }
}

static void
set_qr (CandorLabel *self)
{
  const char *url = candor_document_get_url (self->document);
  double target = MM_TO_PT (self->size->qr_mm);
  int n, module_px;

  if (self->qr_url != NULL && g_strcmp0 (url, self->qr_url) == 0)
    return;
  g_free (self->qr_url);
  self->qr_url = g_strdup (url != NULL ? url : "");
  g_clear_pointer (&self->qr, candor_qr_free);
  g_clear_error (&self->qr_error);

  if (candor_render_check_url (url, &self->qr_error))
    self->qr = candor_qr_encode (url, &self->qr_error);

  /* Whole device pixels per module, and never under 12 mm. Without a code, keep the space
   * a typical one takes so the layout does not jump while the address is typed. */
  n = self->qr != NULL ? candor_qr_get_width (self->qr) : 29;
  module_px = MAX (1, (int) round (target / DEVICE_PX / n));
  while (module_px * n * DEVICE_PX < MM_TO_PT (12.0))
    module_px++;
  self->module = module_px * DEVICE_PX;
  self->qr_size = self->module * n;
  if (self->qr != NULL && self->module < MM_TO_PT (MIN_MODULE_MM))
    {
      g_clear_pointer (&self->qr, candor_qr_free);
      g_set_error (&self->qr_error, CANDOR_RENDER_ERROR, CANDOR_RENDER_ERROR_URL_TOO_LONG,
                   _("The web address is too long for a QR code that phones can scan at this "
                     "label size. Use a shorter address (for example a short link), or "
                     "choose a larger label."));
      self->module = target / 29;
      self->qr_size = target;
    }
}

/* Positions everything top-down once the scale is settled; spare height pads the rows. */
static void
place (CandorLabel *self, double s, double spare)
{
  double W = candor_label_get_width (self);
  double H = candor_label_get_height (self);
  double m = MM_TO_PT (self->size->margin_mm);
  double u = body_pt (self, s);
  double quiet = CANDOR_QR_QUIET_ZONE * self->module;
  double extra = self->n_elements > 0 ? MIN (spare / self->n_elements, MAX_EXTRA_PAD * u) : 0;
  double y = m;
  double caption_width, footer_h, caption_x;

  self->title.x = m, self->title.y = y;
  y += self->title.h + GAP_AFTER_TITLE * u;
  self->product.x = m, self->product.y = y;
  y += self->product.h + (self->models.visible ? GAP_AFTER_PRODUCT * u : 0);
  self->models.x = m, self->models.y = y;
  y += self->models.h + GAP_RULE * u;
  self->rule_top = snap (y);
  y = self->rule_top + snap (THICK_RULE * u);

  for (guint i = 0; i < self->n_elements; i++)
    {
      Row *row = &self->rows[i];
      double head;

      row->top = y;
      y += ROW_PAD * u + extra / 2;
      row->name.x = m, row->name.y = y;
      if (row->one_line)
        {
          /* Share a baseline even when the two fonts differ. */
          double bn = (double) pango_layout_get_baseline (row->name.layout) / PANGO_SCALE * row->name.zoom;
          double ba = (double) pango_layout_get_baseline (row->answer.layout) / PANGO_SCALE * row->answer.zoom;
          double base = MAX (bn, ba);

          row->name.y = y + base - bn;
          row->answer.x = m, row->answer.y = y + base - ba;
          head = MAX (row->name.y + row->name.h, row->answer.y + row->answer.h) - y;
        }
      else
        {
          row->answer.x = m, row->answer.y = y + row->name.h;
          head = row->name.h + row->answer.h;
        }
      y += head;
      if (row->text.visible)
        y += GAP_BEFORE_TEXT * u;
      row->text.x = m, row->text.y = y;
      y += row->text.h + ROW_PAD * u + extra / 2;
      row->bottom = y;
      if (i + 1 < self->n_elements)
        y += snap (HAIRLINE_PT);
    }

  /* The footer sits on the bottom margin; what spare height is left goes above its rule. */
  footer_h = footer_measure (self, s, &caption_width);
  /* Never above the last row: rounding may push the footer a fraction into the margin. */
  self->rule_footer = ceil (MAX (y, H - m - footer_h - snap (FOOTER_RULE_PT)) / DEVICE_PX - 1e-6)
                      * DEVICE_PX;
  self->rule_footer_h = snap (FOOTER_RULE_PT);
  self->qr_y = snap (self->rule_footer + self->rule_footer_h + quiet);
  /* Mirrored, the code must still sit on whole device pixels. */
  self->qr_draw_x = self->rtl ? snap (W - self->qr_x - self->qr_size) : self->qr_x;
  caption_x = W - m - caption_width;
  self->caption_head.x = caption_x, self->caption_head.y = self->qr_y;
  self->url.x = caption_x, self->url.y = self->caption_head.y + self->caption_head.h;
  self->maker.x = caption_x, self->maker.y = self->url.y + self->url.h;
}

static double
step_scale (int k, double s_min, int last)
{
  return k >= last ? s_min : MAX (s_min, 1.0 - k / 100.0);
}

/**
 * candor_label_update:
 *
 * Lays the label out again from the document: call it after the document changed. Cheap
 * when the texts fit (only changed texts are laid out again), so it can run on every
 * keystroke. Afterwards candor_label_get_problems() tells what did not fit.
 */
void
candor_label_update (CandorLabel *self)
{
  double m, avail, need, s_min;
  int last, k, lo, hi;

  g_return_if_fail (CANDOR_IS_LABEL (self));

  g_ptr_array_set_size (self->problems, 0);
  set_language (self);
  set_qr (self);
  set_texts (self);
  for (guint i = 0; i < self->n_elements; i++)
    {
      self->rows[i].text.allot = self->rows[i].answer.allot = 0;
      self->rows[i].text.natural = self->rows[i].answer.natural = 0;
    }

  m = MM_TO_PT (self->size->margin_mm);
  avail = candor_label_get_height (self) - 2 * m;
  /* Shrink until the element texts reach the minimum; smaller styles stop there earlier. */
  s_min = candor_label_template_get_min_pt () / (self->size->body_pt * styles[STYLE_TEXT].rel);
  s_min = MIN (s_min, 1.0);

  /* Scales come in 1 % steps: step k is 1 - k / 100, the last step is s_min. Fitting is
   * monotonic in k: find the first step that fits, starting where the last keystroke
   * ended, since typing rarely moves it by more than a step (then two layouts suffice). */
  last = (int) floor ((1.0 - s_min) * 100) + 1;
  k = CLAMP (self->scale_step, 0, last);
  lo = -1, hi = last + 1; /* steps known not to fit / to fit; last + 1 = unknown */
  if (k > 0 && measure (self, step_scale (k - 1, s_min, last)) <= avail)
    hi = k - 1;
  else
    {
      lo = k - 1;
      if (measure (self, step_scale (k, s_min, last)) <= avail)
        hi = k;
      else
        lo = k;
    }
  if (hi > last && measure (self, s_min) <= avail)
    hi = last;
  else if (hi > last)
    lo = hi = -2; /* too long even at the minimum size */
  while (hi >= 0 && hi - lo > 1)
    {
      int mid = (lo + hi) / 2;

      if (measure (self, step_scale (mid, s_min, last)) <= avail)
        hi = mid;
      else
        lo = mid;
    }

  if (hi >= 0)
    {
      self->scale_step = hi;
      self->scale = step_scale (hi, s_min, last);
      need = measure (self, self->scale); /* cheap when it was the last one measured */
    }
  else
    {
      self->scale_step = last;
      self->scale = s_min;
      need = measure (self, s_min);
      cut_longest (self, need - avail);
      need = measure (self, s_min);
    }

  place (self, self->scale, MAX (0, avail - need));
  report_cut_texts (self);

  if (self->qr_error != NULL)
    {
      static const CandorLabelProblemKind kinds[] = {
        [CANDOR_RENDER_ERROR_NO_URL] = CANDOR_LABEL_PROBLEM_NO_URL,
        [CANDOR_RENDER_ERROR_INVALID_URL] = CANDOR_LABEL_PROBLEM_INVALID_URL,
        [CANDOR_RENDER_ERROR_URL_TOO_LONG] = CANDOR_LABEL_PROBLEM_URL_TOO_LONG,
      };
      int code = self->qr_error->code;

      add_problem (self, code < (int) G_N_ELEMENTS (kinds) ? kinds[code]
                                                           : CANDOR_LABEL_PROBLEM_INVALID_URL,
                   "product", "url", g_strdup (self->qr_error->message),
                   self->qr_x, self->qr_y, self->qr_size, self->qr_size);
    }
}
