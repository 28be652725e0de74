/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-review-pdf-draw.c: the pages of the review copy, drawn with cairo and Pango; records
 * where every character of the label and web texts lies, for the annotations and the import. */
#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "candor-element-content.h"
#include "candor-label.h"
#include "candor-review-pdf-private.h"
#include "candor-review.h"
#include "candor-wording.h"

#define MARGIN_LEFT   64.0
#define MARGIN_TOP    64.0
#define MARGIN_BOTTOM 60.0
#define NOTE_COLUMN   78.0   /* right margin kept free for the reviewer's notes */

typedef struct
{
  cairo_t        *cr;
  cairo_surface_t *surface;
  PangoContext   *context;
  CandorDocument *doc;
  RpLayout       *layout;
  JsonArray      *pages, *fields, *answers, *sections;
  double          y;          /* cursor, from the top (cairo space) */
  int             page;       /* from 0 */
  int             element;    /* the section being drawn, -1 on the cover */
  char           *footer;
} Pen;

static double text_width (Pen *pen) { return pen->layout->page_width - MARGIN_LEFT - NOTE_COLUMN - 24.0; }
static double pdf_y (Pen *pen, double y) { return pen->layout->page_height - y; }

static void
finish_page (Pen *pen)
{
  PangoLayout *l = pango_layout_new (pen->context);
  g_autofree char *text = g_strdup_printf (_("%s — page %d"), pen->footer, pen->page + 1);
  PangoFontDescription *font = pango_font_description_from_string ("Sans 7.5");

  pango_layout_set_font_description (l, font);
  pango_layout_set_text (l, text, -1);
  cairo_set_source_rgb (pen->cr, 0.4, 0.4, 0.4);
  cairo_move_to (pen->cr, MARGIN_LEFT, pen->layout->page_height - 36.0);
  pango_cairo_show_layout (pen->cr, l);
  cairo_set_source_rgb (pen->cr, 0, 0, 0);
  pango_font_description_free (font);
  g_object_unref (l);
}

static void
new_page (Pen *pen)
{
  JsonObject *p = json_object_new ();

  if (pen->page >= 0)
    {
      finish_page (pen);
      cairo_show_page (pen->cr);
    }
  pen->page++;
  pen->y = MARGIN_TOP;
  if (pen->element >= 0)
    json_object_set_string_member (p, "element", candor_element_id_to_key (pen->element));
  json_array_add_object_element (pen->pages, p);
}

static void
need (Pen *pen, double height)
{
  if (pen->y + height > pen->layout->page_height - MARGIN_BOTTOM)
    new_page (pen);
}

static PangoLayout *
make_layout (Pen *pen, const char *text, const char *font, double width)
{
  PangoLayout *l = pango_layout_new (pen->context);
  PangoFontDescription *desc = pango_font_description_from_string (font);

  pango_layout_set_font_description (l, desc);
  pango_font_description_free (desc);
  pango_layout_set_width (l, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (l, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (l, text, -1);
  return l;
}

/* Draws a paragraph line by line, breaking pages between lines; with @field it records each
 * line's characters (their left edges from pango_layout_index_to_pos, glyph by glyph). */
static void
draw_paragraph (Pen *pen, const char *text, const char *font, double x, double width,
                JsonArray *field_lines)
{
  PangoLayout *l = make_layout (pen, text, font, width);
  PangoLayoutIter *iter = pango_layout_get_iter (l);

  do
    {
      PangoLayoutLine *line = pango_layout_iter_get_line_readonly (iter);
      PangoRectangle logical;
      double top, height, baseline;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      height = logical.height / (double) PANGO_SCALE;
      baseline = (pango_layout_iter_get_baseline (iter) - logical.y) / (double) PANGO_SCALE;
      need (pen, height);
      top = pen->y;
      cairo_move_to (pen->cr, x + logical.x / (double) PANGO_SCALE, top + baseline);
      pango_cairo_show_layout_line (pen->cr, line);

      if (field_lines != NULL && line->length > 0)
        {
          JsonObject *lo = json_object_new ();
          JsonArray *xs = json_array_new ();
          const char *p = text + line->start_index;
          const char *end = text + line->start_index + line->length;
          double right = x;

          json_object_set_int_member (lo, "page", pen->page + 1);
          json_object_set_int_member (lo, "start", g_utf8_pointer_to_offset (text, p));
          json_object_set_int_member (lo, "end", g_utf8_pointer_to_offset (text, end));
          json_object_set_double_member (lo, "top", pdf_y (pen, top));
          json_object_set_double_member (lo, "bottom", pdf_y (pen, top + height));
          for (; p < end; p = g_utf8_next_char (p))
            {
              PangoRectangle pos;
              double left, r;

              pango_layout_index_to_pos (l, (int) (p - text), &pos);
              left = x + MIN (pos.x, pos.x + pos.width) / (double) PANGO_SCALE;
              r = x + MAX (pos.x, pos.x + pos.width) / (double) PANGO_SCALE;
              json_array_add_double_element (xs, left);
              right = MAX (right, r);
            }
          json_array_add_double_element (xs, right);
          json_object_set_array_member (lo, "x", xs);
          json_array_add_object_element (field_lines, lo);
        }
      pen->y = top + height;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  g_object_unref (l);
}

static void
heading (Pen *pen, const char *text, const char *font, double space_before)
{
  pen->y += space_before;
  need (pen, 40.0);  /* never a heading alone at the foot of a page */
  draw_paragraph (pen, text, font, MARGIN_LEFT, text_width (pen), NULL);
  pen->y += 3.0;
}

static const char *
status_words (CandorReviewStatus status, gboolean lapsed)
{
  if (lapsed)
    return _("Approval lapsed");
  switch (status)
    {
    case CANDOR_REVIEW_STATUS_DRAFT: return _("Draft");
    case CANDOR_REVIEW_STATUS_NEEDS_WORK: return _("Needs work");
    case CANDOR_REVIEW_STATUS_READY: return _("Ready for review");
    case CANDOR_REVIEW_STATUS_APPROVED: return _("Approved");
    default: return "";
    }
}

static void
draw_cover (Pen *pen, CandorReview *review, GDateTime *now, const char *digest)
{
  g_autofree char *title = candor_document_dup_title (pen->doc);
  g_autofree char *date = g_date_time_format (now, "%d %B %Y, %H:%M UTC");
  g_autofree char *product = g_strdup_printf ("%s %s", candor_document_get_manufacturer (pen->doc) ?: "",
                                              candor_document_get_product_name (pen->doc) ?: "");
  g_autofree char *version = g_strdup_printf (_("Draft version: %s"), digest);
  g_autofree char *made = g_strdup_printf (_("Review copy made on %s"), date);
  double col[4] = { MARGIN_LEFT, MARGIN_LEFT + 170, MARGIN_LEFT + 255, MARGIN_LEFT + 345 };

  draw_paragraph (pen, _("Security update disclosure — review copy"), "Sans Bold 20", MARGIN_LEFT, text_width (pen), NULL);
  pen->y += 10;
  draw_paragraph (pen, g_strstrip (product), "Serif 15", MARGIN_LEFT, text_width (pen), NULL);
  if (strstr (product, title) == NULL)
    draw_paragraph (pen, title, "Serif Italic 12", MARGIN_LEFT, text_width (pen), NULL);
  pen->y += 8;
  draw_paragraph (pen, made, "Sans 10", MARGIN_LEFT, text_width (pen), NULL);
  draw_paragraph (pen, version, "Monospace 7.5", MARGIN_LEFT, text_width (pen), NULL);
  pen->y += 8;
  draw_paragraph (pen, _("Mark this copy up in your own PDF viewer: highlight or strike out words and add notes or replies. "
                         "Candor reads your annotations back onto the right element and phrase."),
                  "Serif 10", MARGIN_LEFT, text_width (pen), NULL);

  heading (pen, _("Review status"), "Sans Bold 13", 18);
  {
    const char *heads[4] = { _("Element"), _("Status"), _("Approved by"), _("Open comments") };
    double top = pen->y;

    for (int c = 0; c < 4; c++)
      {
        pen->y = top;
        draw_paragraph (pen, heads[c], "Sans Bold 9", col[c], (c < 3 ? col[c + 1] - col[c] : 84) - 6, NULL);
      }
    cairo_set_line_width (pen->cr, 0.6);
    cairo_move_to (pen->cr, MARGIN_LEFT, pen->y + 2);
    cairo_line_to (pen->cr, MARGIN_LEFT + text_width (pen), pen->y + 2);
    cairo_stroke (pen->cr);
    pen->y += 5;
  }
  for (int i = 0; i < CANDOR_N_ELEMENTS; i++)
    {
      g_autoptr(CandorElementReview) state = candor_review_get_element_review (review, i);
      g_autofree char *name = g_strdup_printf ("%s %s", candor_element_id_to_display (i), candor_element_id_get_title (i));
      g_autofree char *open = g_strdup_printf ("%u", candor_review_count_open (review, i));
      const char *cells[4] = { name, status_words (state->status, state->lapsed),
                               state->status == CANDOR_REVIEW_STATUS_APPROVED && state->approved_by ? state->approved_by : "—",
                               open };
      double top = pen->y, bottom = top;

      for (int c = 0; c < 4; c++)
        {
          pen->y = top;
          draw_paragraph (pen, cells[c], "Sans 9", col[c], (c < 3 ? col[c + 1] - col[c] : 84) - 6, NULL);
          bottom = MAX (bottom, pen->y);
        }
      pen->y = bottom + 3;
    }
}

static char *
answer_words (const CandorAnswerSpec *spec, JsonNode *value)
{
  if (JSON_NODE_HOLDS_VALUE (value))
    {
      GType t = json_node_get_value_type (value);

      if (t == G_TYPE_BOOLEAN)
        return g_strdup (json_node_get_boolean (value) ? _("Yes") : _("No"));
      if (t == G_TYPE_INT64)
        return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (value));
      if (t == G_TYPE_STRING)
        {
          const char *s = json_node_get_string (value);

          for (const CandorAnswerChoice *c = spec->choices; c != NULL && c->value != NULL; c++)
            if (g_str_equal (c->value, s))
              return g_strdup (_(c->label));
          if (spec->type == CANDOR_ANSWER_DATE)
            {
              char *d = candor_wording_format_date (s);
              if (d != NULL)
                return d;
            }
          return g_strdup (s);
        }
      return NULL;
    }
  if (JSON_NODE_HOLDS_ARRAY (value))
    {
      JsonArray *a = json_node_get_array (value);
      g_autoptr(GString) out = g_string_new (NULL);

      for (guint i = 0; i < json_array_get_length (a); i++)
        {
          g_autofree char *w = answer_words (spec, json_array_get_element (a, i));
          if (w == NULL)
            continue;
          if (out->len > 0)
            g_string_append (out, "; ");
          g_string_append (out, w);
        }
      return g_string_free (g_steal_pointer (&out), FALSE);
    }
  if (JSON_NODE_HOLDS_OBJECT (value))
    {
      JsonObject *o = json_node_get_object (value);
      g_autoptr(GString) out = g_string_new (NULL);
      g_autoptr(GList) members = json_object_get_members (o);

      for (GList *m = members; m != NULL; m = m->next)
        {
          JsonNode *n = json_object_get_member (o, m->data);
          if (!JSON_NODE_HOLDS_VALUE (n))
            continue;
          if (out->len > 0)
            g_string_append_c (out, ' ');
          if (json_node_get_value_type (n) == G_TYPE_STRING)
            g_string_append (out, json_node_get_string (n));
          else if (json_node_get_value_type (n) == G_TYPE_DOUBLE)
            g_string_append_printf (out, "%.2f", json_node_get_double (n));
          else if (json_node_get_value_type (n) == G_TYPE_INT64)
            g_string_append_printf (out, "%" G_GINT64_FORMAT, json_node_get_int (n));
        }
      return g_string_free (g_steal_pointer (&out), FALSE);
    }
  return NULL;
}

static void
record_box (Pen *pen, JsonArray *into, const char *answer, double top, double bottom)
{
  JsonObject *o = json_object_new ();

  json_object_set_string_member (o, "element", candor_element_id_to_key (pen->element));
  if (answer != NULL)
    json_object_set_string_member (o, "answer", answer);
  json_object_set_int_member (o, "page", pen->page + 1);
  json_object_set_double_member (o, "top", pdf_y (pen, top));
  json_object_set_double_member (o, "bottom", pdf_y (pen, bottom));
  json_array_add_object_element (into, o);
}

static void
draw_field (Pen *pen, CandorElement *element, CandorTextKind kind, const char *title)
{
  const char *text = candor_element_get_text (element, kind);
  JsonObject *f = json_object_new ();
  JsonArray *lines = json_array_new ();

  heading (pen, title, "Sans Bold 10", 10);
  json_object_set_string_member (f, "element", candor_element_id_to_key (pen->element));
  json_object_set_string_member (f, "field", candor_comment_field_key (kind));
  json_object_set_string_member (f, "text", text != NULL ? text : "");
  if (text != NULL && *text != '\0')
    draw_paragraph (pen, text, "Serif 11.5", MARGIN_LEFT, text_width (pen), lines);
  else
    draw_paragraph (pen, _("(no text yet)"), "Serif Italic 10", MARGIN_LEFT, text_width (pen), NULL);
  json_object_set_array_member (f, "lines", lines);
  json_array_add_object_element (pen->fields, f);
}

static void
draw_label_row (Pen *pen, CandorLabel *label)
{
  cairo_rectangle_t box;
  double scale, w;

  heading (pen, _("On the label"), "Sans Bold 10", 10);
  if (label == NULL || !candor_label_get_element_box (label, pen->element, &box))
    {
      draw_paragraph (pen, _("Not printed on the label: this element is on the web page only."),
                      "Serif Italic 10", MARGIN_LEFT, text_width (pen), NULL);
      return;
    }
  w = MIN (text_width (pen) - 12, box.width * 2.0);
  scale = w / box.width;
  need (pen, box.height * scale + 20);
  cairo_set_source_rgb (pen->cr, 0.6, 0.6, 0.6);
  cairo_set_line_width (pen->cr, 0.5);
  cairo_rectangle (pen->cr, MARGIN_LEFT, pen->y + 2, box.width * scale + 12, box.height * scale + 12);
  cairo_stroke (pen->cr);
  cairo_set_source_rgb (pen->cr, 0, 0, 0);
  cairo_save (pen->cr);
  cairo_translate (pen->cr, MARGIN_LEFT + 6, pen->y + 8);
  cairo_rectangle (pen->cr, 0, 0, box.width * scale, box.height * scale);
  cairo_clip (pen->cr);
  cairo_scale (pen->cr, scale, scale);
  cairo_translate (pen->cr, -box.x, -box.y);
  candor_label_draw (label, pen->cr);
  cairo_restore (pen->cr);
  pen->y += box.height * scale + 20;
}

static void
draw_element (Pen *pen, CandorReview *review, CandorLabel *label, CandorElementId id)
{
  const CandorElementContent *content = candor_element_content_get (id);
  CandorElement *element = candor_document_get_element (pen->doc, id);
  JsonObject *answers = candor_element_get_json (element);
  g_autoptr(CandorElementReview) state = candor_review_get_element_review (review, id);
  g_autofree char *title = g_strdup_printf ("%s  %s", candor_element_id_to_display (id), candor_element_id_get_title (id));
  g_autofree char *status = NULL;
  g_autofree char *link = NULL;
  double section_top;
  int section_page;
  gboolean any = FALSE;

  pen->element = id;
  new_page (pen);
  link = g_strdup_printf ("page=%d pos=[%g %g]", pen->page + 1, MARGIN_LEFT, pen->y);
  cairo_pdf_surface_add_outline (pen->surface, CAIRO_PDF_OUTLINE_ROOT, title, link, 0);
  section_top = pen->y;
  section_page = pen->page;
  draw_paragraph (pen, title, "Sans Bold 16", MARGIN_LEFT, text_width (pen), NULL);
  pen->layout->heading_spots[id].page = pen->page;
  pen->layout->heading_spots[id].box = (RpBox) { pen->layout->page_width - NOTE_COLUMN + 10, pdf_y (pen, pen->y) ,
                                                pen->layout->page_width - NOTE_COLUMN + 30, pdf_y (pen, pen->y - 20) };
  if (state->status == CANDOR_REVIEW_STATUS_APPROVED && !state->lapsed)
    status = g_strdup_printf (_("Status: approved by %s"), state->approved_by ?: "?");
  else
    status = g_strdup_printf (_("Status: %s"), status_words (state->status, state->lapsed));
  draw_paragraph (pen, status, "Sans 9", MARGIN_LEFT, text_width (pen), NULL);

  heading (pen, _("The question"), "Sans Bold 10", 10);
  draw_paragraph (pen, _(content->question), "Serif 11", MARGIN_LEFT, text_width (pen), NULL);

  heading (pen, _("The answers"), "Sans Bold 10", 10);
  for (guint i = 0; i < content->n_specs; i++)
    {
      const CandorAnswerSpec *spec = &content->specs[i];
      JsonNode *value = json_object_get_member (answers, spec->key);
      g_autofree char *words = NULL;
      g_autofree char *line = NULL;
      double top;

      if (value == NULL || JSON_NODE_HOLDS_NULL (value) || (words = answer_words (spec, value)) == NULL)
        continue;
      line = g_strdup_printf ("%s: %s", _(spec->title), words);
      need (pen, 14);
      top = pen->y;
      draw_paragraph (pen, line, "Serif 10.5", MARGIN_LEFT + 8, text_width (pen) - 8, NULL);
      record_box (pen, pen->answers, spec->key, top, pen->y);
      any = TRUE;
    }
  if (!any)
    draw_paragraph (pen, _("(not answered yet)"), "Serif Italic 10", MARGIN_LEFT + 8, text_width (pen) - 8, NULL);

  draw_field (pen, element, CANDOR_TEXT_LABEL, _("Label text (printed on the box)"));
  draw_field (pen, element, CANDOR_TEXT_WEB, _("Web text (on the disclosure page)"));
  draw_label_row (pen, label);
  if (section_page == pen->page)
    record_box (pen, pen->sections, NULL, section_top, pen->y);
  else
    record_box (pen, pen->sections, NULL, MARGIN_TOP, pen->y);
}

static cairo_status_t
write_bytes (void *closure, const unsigned char *data, unsigned int length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

GBytes *
rp_draw (CandorDocument *document, CandorReviewPaper paper, GDateTime *now, RpLayout *layout,
         GError **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  CandorReview *review = candor_review_get_for_document (document);
  g_autoptr(CandorLabel) label = candor_label_new (document, "full", NULL, NULL);
  g_autofree char *digest = candor_review_pdf_draft_digest (document);
  g_autofree char *id = candor_review_pdf_draft_id (document);
  g_autofree char *title = candor_document_dup_title (document);
  g_autofree char *iso = g_date_time_format_iso8601 (now);
  const char * const *authors = candor_document_get_authors (document);
  Pen pen = { 0 };
  cairo_status_t status;

  layout->page_width = paper == CANDOR_REVIEW_PAPER_LETTER ? 612.0 : 595.276;
  layout->page_height = paper == CANDOR_REVIEW_PAPER_LETTER ? 792.0 : 841.89;
  pen.surface = cairo_pdf_surface_create_for_stream (write_bytes, bytes, layout->page_width, layout->page_height);
  pen.cr = cairo_create (pen.surface);
  pen.context = pango_cairo_create_context (pen.cr);
  pen.doc = document;
  pen.layout = layout;
  pen.page = -1;
  pen.element = -1;
  pen.pages = json_array_new ();
  pen.fields = json_array_new ();
  pen.answers = json_array_new ();
  pen.sections = json_array_new ();
  pen.footer = g_strdup_printf (_("Review copy of “%s”, version %.*s…"), title, 19, digest);

  {
    g_autofree char *t = g_strdup_printf (_("Review copy: %s"), title);
    cairo_pdf_surface_set_metadata (pen.surface, CAIRO_PDF_METADATA_TITLE, t);
  }
  if (authors != NULL && authors[0] != NULL)
    {
      g_autofree char *all = g_strjoinv (", ", (char **) authors);
      cairo_pdf_surface_set_metadata (pen.surface, CAIRO_PDF_METADATA_AUTHOR, all);
    }
  cairo_pdf_surface_set_metadata (pen.surface, CAIRO_PDF_METADATA_CREATOR, "Candor");
  cairo_pdf_surface_set_metadata (pen.surface, CAIRO_PDF_METADATA_SUBJECT, digest);
  cairo_pdf_surface_set_metadata (pen.surface, CAIRO_PDF_METADATA_CREATE_DATE, iso);

  new_page (&pen);
  cairo_pdf_surface_add_outline (pen.surface, CAIRO_PDF_OUTLINE_ROOT, _("Cover and review status"), "page=1", 0);
  draw_cover (&pen, review, now, digest);
  for (int i = 0; i < CANDOR_N_ELEMENTS; i++)
    draw_element (&pen, review, label, i);
  finish_page (&pen);
  cairo_show_page (pen.cr);
  layout->n_pages = pen.page + 1;

  g_object_unref (pen.context);
  cairo_destroy (pen.cr);
  cairo_surface_finish (pen.surface);
  status = cairo_surface_status (pen.surface);
  cairo_surface_destroy (pen.surface);
  g_free (pen.footer);

  layout->map = json_object_new ();
  json_object_set_string_member (layout->map, "format", CANDOR_REVIEW_MAP_FORMAT);
  json_object_set_int_member (layout->map, "version", 1);
  json_object_set_string_member (layout->map, "draft_id", id);
  json_object_set_string_member (layout->map, "digest", digest);
  json_object_set_string_member (layout->map, "exported", iso);
  json_object_set_double_member (layout->map, "page_width", layout->page_width);
  json_object_set_double_member (layout->map, "page_height", layout->page_height);
  json_object_set_array_member (layout->map, "pages", pen.pages);
  json_object_set_array_member (layout->map, "fields", pen.fields);
  json_object_set_array_member (layout->map, "answers", pen.answers);
  json_object_set_array_member (layout->map, "sections", pen.sections);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, CANDOR_REVIEW_PDF_ERROR, CANDOR_REVIEW_PDF_ERROR_FAILED,
                   _("Could not draw the review copy: %s"), cairo_status_to_string (status));
      return NULL;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}
