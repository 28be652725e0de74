/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-label.c: lays out the packaging label (Pango) and draws it (cairo), for preview and
 * export alike. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "candor-label-private.h"
#include "candor-render-error.h"
#include "candor-render-util.h"

G_DEFINE_FINAL_TYPE (CandorLabel, candor_label, G_TYPE_OBJECT)

void
candor_label_problem_free (gpointer data)
{
  CandorLabelProblem *problem = data;

  g_free (problem->message);
  g_free (problem);
}

static void
block_clear (Block *block)
{
  block->layout = NULL;
  g_clear_object (&block->slots[0]);
  g_clear_object (&block->slots[1]);
  g_clear_pointer (&block->text, g_free);
}

static void
candor_label_finalize (GObject *object)
{
  CandorLabel *self = CANDOR_LABEL (object);

  block_clear (&self->title);
  block_clear (&self->product);
  block_clear (&self->models);
  block_clear (&self->caption_head);
  block_clear (&self->url);
  block_clear (&self->maker);
  for (guint i = 0; i < CANDOR_N_ELEMENTS; i++)
    {
      block_clear (&self->rows[i].name);
      block_clear (&self->rows[i].answer);
      block_clear (&self->rows[i].text);
    }
  g_clear_pointer (&self->qr, candor_qr_free);
  g_clear_error (&self->qr_error);
  g_clear_pointer (&self->qr_url, g_free);
  g_clear_pointer (&self->language, g_free);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  g_clear_object (&self->context);
  g_clear_object (&self->document);
  G_OBJECT_CLASS (candor_label_parent_class)->finalize (object);
}

static void
candor_label_class_init (CandorLabelClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = candor_label_finalize;
}

static void
candor_label_init (CandorLabel *self)
{
  self->problems = g_ptr_array_new_with_free_func (candor_label_problem_free);
  self->scale = 1.0;
}

static void
block_init (CandorLabel *self, Block *block, Style style, int max_lines)
{
  block->style = style;
  block->max_lines = max_lines;
  for (guint i = 0; i < G_N_ELEMENTS (block->slots); i++)
    {
      block->slots[i] = pango_layout_new (self->context);
      pango_layout_set_wrap (block->slots[i], PANGO_WRAP_WORD_CHAR);
      /* One paragraph direction for the whole label (from its language), so a Hebrew
       * product name on an English label still lines up with the rest. */
      pango_layout_set_auto_dir (block->slots[i], FALSE);
    }
  block->layout = block->slots[0];
}

void
candor_label_block_context_changed (Block *block)
{
  for (guint i = 0; i < G_N_ELEMENTS (block->slots); i++)
    if (block->slots[i] != NULL)
      pango_layout_context_changed (block->slots[i]);
}

/**
 * candor_label_new:
 * @document: the draft
 * @template_id: "compact" or "full"
 * @size_id: (nullable): one of the template's sizes, or NULL for its default
 * @error: CANDOR_RENDER_ERROR_UNKNOWN_TEMPLATE or _UNKNOWN_SIZE
 *
 * Lays out the label once. Call candor_label_update() after the document changes; the label
 * does not listen to the document itself, so the caller decides when (e.g. once per frame).
 *
 * Returns: (transfer full) (nullable): the label
 */
CandorLabel *
candor_label_new (CandorDocument *document,
                  const char     *template_id,
                  const char     *size_id,
                  GError        **error)
{
  const CandorLabelTemplate *tmpl;
  const CandorLabelSize *size;
  CandorLabel *self;
  cairo_font_options_t *options;

  g_return_val_if_fail (CANDOR_IS_DOCUMENT (document), NULL);

  tmpl = candor_label_template_lookup (template_id, error);
  if (tmpl == NULL)
    return NULL;
  size = candor_label_template_lookup_size (tmpl, size_id, error);
  if (size == NULL)
    return NULL;

  self = g_object_new (CANDOR_TYPE_LABEL, NULL);
  self->document = g_object_ref (document);
  self->tmpl = tmpl;
  self->size = size;
  self->elements = candor_label_template_get_elements (tmpl, &self->n_elements);

  /* Lay out in points at 72 "dpi" with unhinted metrics and unrounded positions: the layout
   * is then independent of the surface, so the preview, PDF, SVG and PNG match exactly. */
  self->context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  pango_cairo_context_set_resolution (self->context, 72.0);
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_antialias (options, CAIRO_ANTIALIAS_GRAY);
  pango_cairo_context_set_font_options (self->context, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (self->context, FALSE);

  block_init (self, &self->title, STYLE_TITLE, 2);
  block_init (self, &self->product, STYLE_PRODUCT, 3);
  block_init (self, &self->models, STYLE_MODELS, 3);
  block_init (self, &self->caption_head, STYLE_CAPTION_HEAD, 2);
  block_init (self, &self->url, STYLE_CAPTION, 4);
  block_init (self, &self->maker, STYLE_CAPTION, 2);
  for (guint i = 0; i < self->n_elements; i++)
    {
      block_init (self, &self->rows[i].name, STYLE_ROW_NAME, 2);
      block_init (self, &self->rows[i].answer, STYLE_ANSWER, 0);
      block_init (self, &self->rows[i].text, STYLE_TEXT, 0);
    }
  {
    /* A URL breaks anywhere, but a hyphen inserted at a break would change the address. */
    PangoAttrList *attrs = pango_attr_list_new ();
    pango_attr_list_insert (attrs, pango_attr_insert_hyphens_new (FALSE));
    pango_layout_set_attributes (self->url.slots[0], attrs);
    pango_layout_set_attributes (self->url.slots[1], attrs);
    pango_attr_list_unref (attrs);
  }

  candor_label_update (self);
  return self;
}

CandorDocument *
candor_label_get_document (CandorLabel *self)
{
  g_return_val_if_fail (CANDOR_IS_LABEL (self), NULL);
  return self->document;
}

const CandorLabelTemplate *
candor_label_get_template (CandorLabel *self)
{
  g_return_val_if_fail (CANDOR_IS_LABEL (self), NULL);
  return self->tmpl;
}

const CandorLabelSize *
candor_label_get_size (CandorLabel *self)
{
  g_return_val_if_fail (CANDOR_IS_LABEL (self), NULL);
  return self->size;
}

double
candor_label_get_width (CandorLabel *self)
{
  g_return_val_if_fail (CANDOR_IS_LABEL (self), 0);
  return MM_TO_PT (self->size->width_mm);
}

double
candor_label_get_height (CandorLabel *self)
{
  g_return_val_if_fail (CANDOR_IS_LABEL (self), 0);
  return MM_TO_PT (self->size->height_mm);
}

double
candor_label_get_scale (CandorLabel *self)
{
  g_return_val_if_fail (CANDOR_IS_LABEL (self), 1.0);
  return self->scale;
}

/**
 * candor_label_get_problems:
 *
 * What the last layout could not do: texts cut short, a missing, invalid or too long web
 * address. Each names its element (or "product") and field, says what to do, and gives the
 * box on the label where it happened, so the app can show it there.
 *
 * Returns: (transfer none) (element-type CandorLabelProblem): empty when the label is fine
 */
GPtrArray *
candor_label_get_problems (CandorLabel *self)
{
  g_return_val_if_fail (CANDOR_IS_LABEL (self), NULL);
  return self->problems;
}

/**
 * candor_label_check:
 *
 * Returns: FALSE with the first problem as a #CANDOR_RENDER_ERROR if the label has any
 */
gboolean
candor_label_check (CandorLabel *self, GError **error)
{
  static const CandorRenderError codes[] = {
    [CANDOR_LABEL_PROBLEM_TOO_LONG] = CANDOR_RENDER_ERROR_TOO_LONG,
    [CANDOR_LABEL_PROBLEM_NO_URL] = CANDOR_RENDER_ERROR_NO_URL,
    [CANDOR_LABEL_PROBLEM_INVALID_URL] = CANDOR_RENDER_ERROR_INVALID_URL,
    [CANDOR_LABEL_PROBLEM_URL_TOO_LONG] = CANDOR_RENDER_ERROR_URL_TOO_LONG,
  };
  CandorLabelProblem *problem;

  g_return_val_if_fail (CANDOR_IS_LABEL (self), FALSE);

  if (self->problems->len == 0)
    return TRUE;
  problem = g_ptr_array_index (self->problems, 0);
  g_set_error_literal (error, CANDOR_RENDER_ERROR, codes[problem->kind], problem->message);
  return FALSE;
}

/**
 * candor_label_get_element_box:
 * @id: an element
 * @box: (out): its row on the label, in points from the top left
 *
 * Returns: FALSE if the label's template does not show @id
 */
gboolean
candor_label_get_element_box (CandorLabel *self, CandorElementId id, cairo_rectangle_t *box)
{
  double m;

  g_return_val_if_fail (CANDOR_IS_LABEL (self), FALSE);
  g_return_val_if_fail (box != NULL, FALSE);

  m = MM_TO_PT (self->size->margin_mm);
  for (guint i = 0; i < self->n_elements; i++)
    if (self->elements[i] == id)
      {
        box->x = m;
        box->y = self->rows[i].top;
        box->width = candor_label_get_width (self) - 2 * m;
        box->height = self->rows[i].bottom - self->rows[i].top;
        return TRUE;
      }
  return FALSE;
}
