/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-label.c: the packaging label: QR code, text content, overflow, reproducible output. */
#include <glib/gstdio.h>
#include <poppler.h>
#include <string.h>

#include "candor-label-private.h"
#include "candor-render-error.h"
#include "candor-wording.h"
#include "render-test-util.h"

#define EXAMPLE "smart-camera.candor"

typedef void (*EachSize) (CandorDocument *document, const char *template_id, const char *size_id);

static void
for_each_size (CandorDocument *document, EachSize func)
{
  const char * const *ids = candor_label_template_list_ids ();

  for (guint t = 0; ids[t] != NULL; t++)
    {
      const CandorLabelTemplate *tmpl = candor_label_template_lookup (ids[t], NULL);

      for (guint s = 0; s < candor_label_template_get_n_sizes (tmpl); s++)
        func (document, ids[t], candor_label_template_get_size (tmpl, s)->id);
    }
}

static CandorLabel *
new_label (CandorDocument *document, const char *template_id, const char *size_id)
{
  g_autoptr(GError) error = NULL;
  CandorLabel *label = candor_label_new (document, template_id, size_id, &error);

  g_assert_no_error (error);
  return label;
}

static char *
collapse_spaces (const char *text)
{
  g_autoptr(GRegex) regex = g_regex_new ("\\s+", 0, 0, NULL);
  g_autofree char *collapsed = g_regex_replace_literal (regex, text, -1, 0, " ", 0, NULL);

  return g_strstrip (g_strdup (collapsed));
}

static char *
strip_spaces (const char *text)
{
  g_autoptr(GRegex) regex = g_regex_new ("\\s+", 0, 0, NULL);

  return g_regex_replace_literal (regex, text, -1, 0, "", 0, NULL);
}

static void
test_templates (void)
{
  const char * const *ids = candor_label_template_list_ids ();
  g_autoptr(GError) error = NULL;
  const CandorLabelTemplate *tmpl;
  guint n;

  g_assert_cmpstr (ids[0], ==, "compact");
  g_assert_cmpstr (ids[1], ==, "full");
  g_assert_null (ids[2]);
  for (guint t = 0; ids[t] != NULL; t++)
    {
      tmpl = candor_label_template_lookup (ids[t], NULL);
      g_assert_cmpuint (candor_label_template_get_n_sizes (tmpl), >=, 2);
      for (guint s = 0; s < candor_label_template_get_n_sizes (tmpl); s++)
        g_assert_cmpfloat (candor_label_template_get_size (tmpl, s)->qr_mm, >=, 12.0);
    }
  candor_label_template_get_elements (candor_label_template_lookup ("compact", NULL), &n);
  g_assert_cmpuint (n, ==, 3);
  candor_label_template_get_elements (candor_label_template_lookup ("full", NULL), &n);
  g_assert_cmpuint (n, ==, 6);

  g_assert_null (candor_label_template_lookup ("poster", &error));
  g_assert_error (error, CANDOR_RENDER_ERROR, CANDOR_RENDER_ERROR_UNKNOWN_TEMPLATE);
  g_assert_nonnull (strstr (error->message, "compact"));
  g_clear_error (&error);
  tmpl = candor_label_template_lookup ("full", NULL);
  g_assert_null (candor_label_template_lookup_size (tmpl, "small", &error));
  g_assert_error (error, CANDOR_RENDER_ERROR, CANDOR_RENDER_ERROR_UNKNOWN_SIZE);
}

static void
check_qr (CandorDocument *document, const char *template_id, const char *size_id)
{
  g_autoptr(CandorLabel) label = new_label (document, template_id, size_id);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) png = candor_label_render (label, CANDOR_LABEL_FORMAT_PNG, &error);
  g_autofree char *path = NULL;
  g_autofree char *out = NULL;
  const char *argv[] = { "zbarimg", "--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", NULL, NULL };
  cairo_surface_t *image;
  const guint8 *data;
  int stride, x0, y0, module_px, side, quiet_px;

  g_assert_no_error (error);
  path = render_test_write_temp (png, ".png");
  argv[5] = path;
  g_assert_cmpint (render_test_run (argv, &out), ==, 0);
  g_strchomp (out);
  /* Exactly the address, byte for byte, on every template and size. */
  g_assert_cmpstr (out, ==, candor_document_get_url (document));

  /* Printed size and quiet zone, measured on the 300 dpi bitmap. */
  g_assert_cmpfloat (label->qr_size, >=, MM_TO_PT (12.0) - 1e-6);
  image = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  data = cairo_image_surface_get_data (image);
  stride = cairo_image_surface_get_stride (image);
  module_px = (int) (label->module / DEVICE_PX + 0.5);
  side = module_px * candor_qr_get_width (label->qr);
  x0 = (int) (label->qr_draw_x / DEVICE_PX + 0.5);
  y0 = (int) (label->qr_y / DEVICE_PX + 0.5);
  quiet_px = CANDOR_QR_QUIET_ZONE * module_px;
  g_test_message ("%s/%s: QR at %d,%d, %d modules of %d px", template_id, size_id, x0, y0, candor_qr_get_width (label->qr), module_px);
  for (int y = y0 - quiet_px; y < y0 + side + quiet_px; y++)
    for (int x = x0 - quiet_px; x < x0 + side + quiet_px; x++)
      {
        guint32 pixel = *(const guint32 *) (data + y * stride + x * 4);
        gboolean inside = x >= x0 && x < x0 + side && y >= y0 && y < y0 + side;

        g_assert_cmpint (x, >=, 0);
        g_assert_cmpint (y, >=, 0);
        g_assert_cmpint (x, <, cairo_image_surface_get_width (image));
        g_assert_cmpint (y, <, cairo_image_surface_get_height (image));
        if (!inside && (pixel & 0xffffff) != 0xffffff)
          g_error ("%s/%s: ink in the QR quiet zone at %d,%d", template_id, size_id, x, y);
      }
  /* The finder pattern's corner module is dark. */
  g_assert_cmpuint (*(const guint32 *) (data + (y0 + module_px / 2) * stride + (x0 + module_px / 2) * 4) & 0xffffff, ==, 0);
  cairo_surface_destroy (image);
  g_unlink (path);
}

static void
test_qr_decodes (void)
{
  g_autoptr(CandorDocument) document = render_test_load (EXAMPLE);

  if (!render_test_have ("zbarimg"))
    {
      g_test_skip ("zbarimg (zbar-tools) is not installed");
      return;
    }
  for_each_size (document, check_qr);
  /* Characters that must survive exactly: query, fragment, percent escapes, mixed case. */
  candor_document_set_url (document, "https://Example.COM/Security/Cam%202?model=LC2-100&lang=fr#A3");
  for_each_size (document, check_qr);
  /* A right-to-left label puts the code on the other side. */
  g_clear_object (&document);
  document = render_test_load ("rtl-arabic.candor");
  for_each_size (document, check_qr);
}

static void
check_pdf_text (CandorDocument *document, const char *template_id, const char *size_id)
{
  g_autoptr(CandorLabel) label = new_label (document, template_id, size_id);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = candor_label_render (label, CANDOR_LABEL_FORMAT_PDF, &error);
  g_autofree char *path = NULL;
  g_autofree char *raw = NULL;
  g_autofree char *text = NULL;
  g_autofree char *packed = NULL;
  g_autofree char *packed_url = NULL;
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", NULL, "-", NULL };
  const char * const *models = candor_document_get_models (document);
  const CandorElementId *elements;
  guint n_elements;

  g_assert_no_error (error);
  path = render_test_write_temp (pdf, ".pdf");
  argv[3] = path;
  g_assert_cmpint (render_test_run (argv, &raw), ==, 0);
  text = collapse_spaces (raw);
  packed = strip_spaces (raw);
  g_test_message ("%s/%s: %s", template_id, size_id, text);

  g_assert_nonnull (strstr (text, "Security updates"));
  g_assert_nonnull (strstr (text, candor_document_get_product_name (document)));
  g_assert_nonnull (strstr (text, candor_document_get_manufacturer (document)));
  for (guint i = 0; models[i] != NULL; i++)
    g_assert_nonnull (strstr (text, models[i]));
  /* The address may wrap anywhere, so compare without spaces. */
  packed_url = strip_spaces (candor_document_get_url (document));
  g_assert_nonnull (strstr (packed, packed_url));

  elements = candor_label_template_get_elements (candor_label_get_template (label), &n_elements);
  for (guint i = 0; i < n_elements; i++)
    {
      CandorElement *element = candor_document_get_element (document, elements[i]);
      g_autofree char *answer = candor_wording_short_answer (document, elements[i]);
      g_autofree char *label_text = collapse_spaces (candor_element_get_text (element, CANDOR_TEXT_LABEL));

      /* Every fact the answers imply: the short answer (e.g. "At least until 31 December
       * 2030") and the element's label text, word for word. */
      g_assert_nonnull (answer);
      if (strstr (text, answer) == NULL)
        g_error ("%s/%s: short answer “%s” of %s missing from the PDF text: %s", template_id,
                 size_id, answer, candor_element_id_to_key (elements[i]), text);
      if (strstr (text, label_text) == NULL)
        g_error ("%s/%s: label text “%s” missing from the PDF text: %s", template_id, size_id,
                 label_text, text);
    }
  g_unlink (path);
}

static void
test_pdf_text (void)
{
  g_autoptr(CandorDocument) document = render_test_load (EXAMPLE);

  if (!render_test_have ("pdftotext"))
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return;
    }
  for_each_size (document, check_pdf_text);
}

/* Every kind of cost, with every way of installing: the A.2 row and text carry the price, its
 * currency and its period, and the label still fits every template and size without a
 * problem. */
static void
check_fits (CandorDocument *document, const char *template_id, const char *size_id)
{
  g_autoptr(CandorLabel) label = new_label (document, template_id, size_id);
  GPtrArray *problems = candor_label_get_problems (label);

  for (guint i = 0; i < problems->len; i++)
    g_test_message ("%s/%s: %s", template_id, size_id,
                    ((CandorLabelProblem *) g_ptr_array_index (problems, i))->message);
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_true (candor_label_check (label, NULL));
}

static void
test_paid_plan_fits (void)
{
  const char *methods[][2] = {
    { "automatic", NULL }, { "automatic-default", NULL }, { "approve", NULL },
    { "manual", "app" }, { "manual", "usb" },
  };
  const struct { const char *cost; int months; const char *amount, *currency, *period, *fact; } costs[] = {
    { "included-period", 24, "2.99", "EUR", "year", "free for 2 years, then 2.99 euros per year" },
    { "included-period", 18, "5.50", "EUR", "month", "free for 18 months, then 5.50 euros per month" },
    { "included-period", 6, "1", "USD", "month", "free for 6 months, then 1 US dollar per month" },
    { "subscription", 0, "49", "USD", "year", "49 US dollars per year" },
    { "per-update", 0, "9.50", "GBP", NULL, "9.50 pounds per update" },
    { "free", 0, NULL, NULL, NULL, "free" },
  };

  for (guint m = 0; m < G_N_ELEMENTS (methods); m++)
    for (guint c = 0; c < G_N_ELEMENTS (costs); c++)
      {
        g_autoptr(CandorDocument) document = render_test_load (EXAMPLE);
        CandorElement *a2 = candor_document_get_element (document, CANDOR_ELEMENT_A2);
        const char *how[] = { methods[m][1], NULL };
        g_autofree char *answer = NULL;

        candor_element_set_answer_string (a2, "method", methods[m][0]);
        if (methods[m][1] != NULL)
          candor_element_set_answer_strv (a2, "manual_how", how);
        candor_element_set_answer_string (a2, "cost", costs[c].cost);
        if (costs[c].months > 0)
          candor_element_set_answer_int (a2, "included_months", costs[c].months);
        if (costs[c].amount != NULL)
          {
            g_autofree char *json = g_strdup_printf ("{\"amount\": \"%s\", \"currency\": \"%s\"}",
                                                     costs[c].amount, costs[c].currency);
            g_autoptr(JsonNode) price = json_from_string (json, NULL);

            candor_element_set_answer_node (a2, "price", price);
          }
        candor_element_set_answer_string (a2, "price_period", costs[c].period);
        candor_element_set_text (a2, CANDOR_TEXT_LABEL, NULL, FALSE);
        candor_element_set_text (a2, CANDOR_TEXT_WEB, NULL, FALSE);
        candor_wording_refresh_generated (document);

        answer = candor_wording_short_answer (document, CANDOR_ELEMENT_A2);
        g_test_message ("%s, %s: “%s” / “%s”", methods[m][0], costs[c].cost, answer,
                        candor_element_get_text (a2, CANDOR_TEXT_LABEL));
        g_assert_true (g_str_has_suffix (answer, costs[c].fact));
        for_each_size (document, check_fits);
        if (render_test_have ("pdftotext"))
          for_each_size (document, check_pdf_text);
      }

  /* Past that ("Automatic by default, free for 18 months, then 5.50 Swiss francs per month"
   * and its sentence) the smallest label reports the text as too long, at A.2, rather than
   * cutting the price off; the next size up fits. */
  {
    g_autoptr(CandorDocument) document = render_test_load (EXAMPLE);
    CandorElement *a2 = candor_document_get_element (document, CANDOR_ELEMENT_A2);
    g_autoptr(JsonNode) price = json_from_string ("{\"amount\": \"5.50\", \"currency\": \"CHF\"}", NULL);
    g_autoptr(CandorLabel) small = NULL;
    CandorLabelProblem *problem;

    candor_element_set_answer_string (a2, "method", "automatic-default");
    candor_element_set_answer_string (a2, "cost", "included-period");
    candor_element_set_answer_int (a2, "included_months", 18);
    candor_element_set_answer_node (a2, "price", price);
    candor_element_set_answer_string (a2, "price_period", "month");
    candor_element_set_text (a2, CANDOR_TEXT_LABEL, NULL, FALSE);
    candor_wording_refresh_generated (document);
    small = new_label (document, "compact", "small");
    if (candor_label_get_problems (small)->len > 0)
      {
        g_assert_cmpuint (candor_label_get_problems (small)->len, ==, 1);
        problem = g_ptr_array_index (candor_label_get_problems (small), 0);
        g_assert_cmpint (problem->kind, ==, CANDOR_LABEL_PROBLEM_TOO_LONG);
        g_assert_cmpstr (problem->section, ==, "A2");
        g_assert_false (candor_label_check (small, NULL));
      }
    check_fits (document, "compact", "medium");
    check_fits (document, "full", "medium");
  }
}

static void
check_reproducible (CandorDocument *document, const char *template_id, const char *size_id)
{
  for (int f = CANDOR_LABEL_FORMAT_PDF; f <= CANDOR_LABEL_FORMAT_PNG; f++)
    {
      /* Two separate labels, so no state is shared between the renderings. */
      g_autoptr(CandorLabel) first = new_label (document, template_id, size_id);
      g_autoptr(CandorLabel) second = new_label (document, template_id, size_id);
      g_autoptr(GBytes) a = candor_label_render (first, f, NULL);
      g_autoptr(GBytes) b = candor_label_render (second, f, NULL);

      g_assert_nonnull (a);
      if (!g_bytes_equal (a, b))
        {
          g_autofree char *pa = render_test_write_temp (a, "-first");
          g_autofree char *pb = render_test_write_temp (b, "-second");

          g_error ("%s/%s: format %d differs between two renderings: %s %s", template_id,
                   size_id, f, pa, pb);
        }
    }
}

static void
test_reproducible (void)
{
  g_autoptr(CandorDocument) document = render_test_load (EXAMPLE);
  g_autoptr(CandorLabel) label = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GBytes) png = NULL;
  g_autoptr(GDateTime) later = g_date_time_new_utc (2027, 1, 2, 3, 4, 5);
  g_autoptr(GBytes) pdf_later = NULL;
  const guint8 *bytes;

  for_each_size (document, check_reproducible);

  label = new_label (document, "compact", NULL);
  pdf = candor_label_render (label, CANDOR_LABEL_FORMAT_PDF, NULL);
  /* Metadata from the draft: title, manufacturer, Candor, and the draft's modified date, read
   * back by a PDF reader (cairo 1.18 and later keep the Info dictionary in a compressed object
   * stream, so the bytes themselves say nothing). */
  {
    /* (No g_autoptr: poppler-glib 22 does not declare one.) */
    PopplerDocument *read = poppler_document_new_from_bytes (pdf, NULL, NULL);
    g_autofree char *author = NULL, *creator = NULL, *title = NULL;

    g_assert_nonnull (read);
    author = poppler_document_get_author (read);
    creator = poppler_document_get_creator (read);
    title = poppler_document_get_title (read);
    g_assert_cmpstr (author, ==, "Lumen Home Ltd.");
    g_assert_true (g_str_has_prefix (creator, "Candor "));
    g_assert_cmpstr (title, ==, "Security updates: Lumen Cam 2");
    /* 2026-11-20T16:40:00Z */
    g_assert_cmpint (poppler_document_get_creation_date (read), ==, 1795192800);
    g_object_unref (read);
  }
  /* A later modification gives another date (so the date really comes from the draft). */
  candor_document_set_modified (document, later);
  pdf_later = candor_label_render (label, CANDOR_LABEL_FORMAT_PDF, NULL);
  {
    PopplerDocument *read = poppler_document_new_from_bytes (pdf_later, NULL, NULL);

    g_assert_nonnull (read);
    g_assert_cmpint (poppler_document_get_modification_date (read), ==,
                     g_date_time_to_unix (later));
    g_object_unref (read);
  }

  /* The PNG records 300 dpi (11811 pixels per metre) right after its header. */
  png = candor_label_render (label, CANDOR_LABEL_FORMAT_PNG, NULL);
  bytes = g_bytes_get_data (png, NULL);
  g_assert_cmpmem (bytes + 37, 4, "pHYs", 4);
  g_assert_cmpuint ((guint) bytes[41] << 24 | bytes[42] << 16 | bytes[43] << 8 | bytes[44], ==, 11811);
  /* 50 mm at 300 dpi. */
  g_assert_cmpuint ((guint) bytes[16] << 24 | bytes[17] << 16 | bytes[18] << 8 | bytes[19], ==, 591);
}

/* Bounding box of everything that is not white, in a bitmap. */
static gboolean
ink_bounds (cairo_surface_t *image, int *x1, int *y1, int *x2, int *y2)
{
  const guint8 *data = cairo_image_surface_get_data (image);
  int stride = cairo_image_surface_get_stride (image);
  gboolean any = FALSE;

  *x1 = *y1 = G_MAXINT;
  *x2 = *y2 = -1;
  for (int y = 0; y < cairo_image_surface_get_height (image); y++)
    for (int x = 0; x < cairo_image_surface_get_width (image); x++)
      if ((*(const guint32 *) (data + y * stride + x * 4) & 0xffffff) != 0xffffff)
        {
          any = TRUE;
          *x1 = MIN (*x1, x), *y1 = MIN (*y1, y), *x2 = MAX (*x2, x), *y2 = MAX (*y2, y);
        }
  return any;
}

static void
test_too_long (void)
{
  g_autoptr(CandorDocument) document = render_test_load (EXAMPLE);
  CandorElement *a2 = candor_document_get_element (document, CANDOR_ELEMENT_A2);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(CandorLabel) label = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *problems;
  CandorLabelProblem *problem;
  cairo_rectangle_t box, next;
  cairo_surface_t *canvas;
  cairo_t *cr;
  const double offset = 60, scale = 150.0 / 72.0;
  int x1, y1, x2, y2;

  /* Just a little too long: the type shrinks, nothing is reported. */
  g_string_append (text, candor_element_get_text (a2, CANDOR_TEXT_LABEL));
  label = new_label (document, "compact", "small");
  g_assert_cmpfloat (candor_label_get_scale (label), ==, 1.0);
  while (candor_label_get_scale (label) == 1.0)
    {
      g_string_append (text, " Updates install at night.");
      candor_element_set_text (a2, CANDOR_TEXT_LABEL, text->str, TRUE);
      candor_label_update (label);
    }
  g_assert_cmpuint (candor_label_get_problems (label)->len, ==, 0);
  g_assert_cmpfloat (candor_label_get_scale (label), <, 1.0);
  g_assert_true (candor_label_check (label, NULL));

  /* Far too long: reported at A.2, and export refuses. */
  for (int i = 0; i < 30; i++)
    g_string_append (text, " Updates install at night, when the camera is not recording.");
  candor_element_set_text (a2, CANDOR_TEXT_LABEL, text->str, TRUE);
  candor_label_update (label);
  problems = candor_label_get_problems (label);
  g_assert_cmpuint (problems->len, ==, 1);
  problem = g_ptr_array_index (problems, 0);
  g_assert_cmpint (problem->kind, ==, CANDOR_LABEL_PROBLEM_TOO_LONG);
  g_assert_cmpstr (problem->section, ==, "A2");
  g_assert_cmpstr (problem->key, ==, "label_text");
  g_assert_true (candor_label_get_element_box (label, CANDOR_ELEMENT_A2, &box));
  g_assert_cmpfloat (problem->y, ==, box.y);
  g_assert_false (candor_label_check (label, &error));
  g_assert_error (error, CANDOR_RENDER_ERROR, CANDOR_RENDER_ERROR_TOO_LONG);
  g_assert_nonnull (strstr (error->message, "A.2"));
  g_assert_nonnull (strstr (error->message, "too long"));
  g_clear_error (&error);
  g_assert_null (candor_label_render (label, CANDOR_LABEL_FORMAT_PDF, &error));
  g_assert_error (error, CANDOR_RENDER_ERROR, CANDOR_RENDER_ERROR_TOO_LONG);
  /* At the minimum legible size. */
  g_assert_cmpfloat (label->rows[1].text.zoom * label->size->body_pt * 0.93, >=, 6.0 - 1e-6);
  g_assert_cmpfloat (label->rows[1].text.zoom * label->size->body_pt * 0.93, <=, 6.0 + 1e-6);

  /* Rows stay in order and inside the label; A.2's row ends before A.3's begins. */
  g_assert_true (candor_label_get_element_box (label, CANDOR_ELEMENT_A3, &next));
  g_assert_cmpfloat (box.y + box.height, <=, next.y);
  g_assert_cmpfloat (next.y + next.height, <=, label->rule_footer);
  g_assert_cmpfloat (label->rows[1].text.y + label->rows[1].text.h, <=, box.y + box.height + 1e-6);

  /* Drawn on a bigger canvas, no ink lands outside the label's box. */
  canvas = cairo_image_surface_create (CAIRO_FORMAT_RGB24,
                                       (int) ((candor_label_get_width (label) + 2 * offset) * scale),
                                       (int) ((candor_label_get_height (label) + 2 * offset) * scale));
  cr = cairo_create (canvas);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  cairo_translate (cr, offset, offset);
  candor_label_draw (label, cr);
  cairo_destroy (cr);
  cairo_surface_flush (canvas);
  g_assert_true (ink_bounds (canvas, &x1, &y1, &x2, &y2));
  g_assert_cmpint (x1, >=, (int) (offset * scale));
  g_assert_cmpint (y1, >=, (int) (offset * scale));
  g_assert_cmpint (x2, <=, (int) ((offset + candor_label_get_width (label)) * scale) + 1);
  g_assert_cmpint (y2, <=, (int) ((offset + candor_label_get_height (label)) * scale) + 1);
  cairo_surface_destroy (canvas);
}

static void
test_bad_url (void)
{
  const char *bad[] = { "", "ftp://example.com/x", "javascript:alert(1)", "example.com/security",
                        "https://exa mple.com/", "https://" };
  const CandorLabelProblemKind kinds[] = { CANDOR_LABEL_PROBLEM_NO_URL,
                                           CANDOR_LABEL_PROBLEM_INVALID_URL,
                                           CANDOR_LABEL_PROBLEM_INVALID_URL,
                                           CANDOR_LABEL_PROBLEM_INVALID_URL,
                                           CANDOR_LABEL_PROBLEM_INVALID_URL,
                                           CANDOR_LABEL_PROBLEM_INVALID_URL };
  g_autoptr(CandorDocument) document = render_test_load (EXAMPLE);
  g_autoptr(GString) long_url = g_string_new ("https://lumenhome.example/");

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(CandorLabel) label = NULL;
      g_autoptr(GError) error = NULL;
      CandorLabelProblem *problem;

      candor_document_set_url (document, bad[i]);
      label = new_label (document, "compact", "small");
      g_assert_cmpuint (candor_label_get_problems (label)->len, ==, 1);
      problem = g_ptr_array_index (candor_label_get_problems (label), 0);
      g_assert_cmpint (problem->kind, ==, kinds[i]);
      g_assert_cmpstr (problem->key, ==, "url");
      g_assert_null (label->qr);
      g_assert_null (candor_label_render (label, CANDOR_LABEL_FORMAT_PNG, &error));
      g_assert_nonnull (error);
    }

  /* Too long to scan at 14 mm: reported, not drawn. */
  for (int i = 0; i < 30; i++)
    g_string_append (long_url, "security-updates/");
  candor_document_set_url (document, long_url->str);
  {
    g_autoptr(CandorLabel) label = new_label (document, "compact", "small");
    CandorLabelProblem *problem = g_ptr_array_index (candor_label_get_problems (label), 0);

    g_assert_cmpint (problem->kind, ==, CANDOR_LABEL_PROBLEM_URL_TOO_LONG);
    g_assert_null (label->qr);
  }
}

static void
test_scripts (void)
{
  const char *drafts[] = { "rtl-arabic.candor", "cjk-japanese.candor", "stress.candor" };

  for (guint d = 0; d < G_N_ELEMENTS (drafts); d++)
    {
      g_autoptr(CandorDocument) document = render_test_load (drafts[d]);
      g_autoptr(CandorLabel) label = new_label (document, "full", "large");
      cairo_surface_t *surface;
      cairo_t *cr;

      /* Pango lays these out; the long stress texts may be reported, but never crash or leak
       * out of the label (checked by drawing onto a recording surface and its extents). */
      surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR, NULL);
      cr = cairo_create (surface);
      cairo_translate (cr, 20, 20);
      candor_label_draw (label, cr);
      cairo_destroy (cr);
      {
        double x, y, w, h;

        cairo_recording_surface_ink_extents (surface, &x, &y, &w, &h);
        g_assert_cmpfloat (x, >=, 20 - 1);
        g_assert_cmpfloat (y, >=, 20 - 1);
        g_assert_cmpfloat (x + w, <=, 20 + candor_label_get_width (label) + 1);
        g_assert_cmpfloat (y + h, <=, 20 + candor_label_get_height (label) + 1);
      }
      cairo_surface_destroy (surface);
      if (d < 2)
        g_assert_cmpuint (candor_label_get_problems (label)->len, ==, 0);
    }
}

/* Where @needle's first character is drawn in @block's layout (Pango units, from the left). */
static int
x_of (Block *block, const char *needle)
{
  const char *text = pango_layout_get_text (block->layout);
  const char *at = strstr (text, needle);
  PangoRectangle pos;

  g_assert_nonnull (at);
  pango_layout_index_to_pos (block->layout, (int) (at - text), &pos);
  /* a right-to-left character's rectangle has a negative width: take its left edge */
  return MIN (pos.x, pos.x + pos.width);
}

/* User text is isolated on the label (U+2068 … U+2069): in an English label, Hebrew models
 * stay in their order after "Models:" with the comma between them, a Hebrew manufacturer does
 * not pull "Manufacturer:" to its side, and each keeps its own right-to-left order inside.
 * Without isolation the bidi algorithm makes one right-to-left run of "א-1, ב-2" and shows
 * the second model first. The text Poppler extracts keeps the fixed words. */
static void
test_bidi_isolation (void)
{
  g_autoptr(CandorDocument) document = render_test_load (EXAMPLE);
  const char *models[] = { "\xd7\x90-1", "\xd7\x91-2", NULL };  /* א-1, ב-2 */
  g_autoptr(CandorLabel) label = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GError) error = NULL;

  candor_document_set_language (document, "en");
  candor_document_set_models (document, models);
  candor_document_set_manufacturer (document, "\xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d 7");  /* שלום 7 */
  candor_document_set_product_name (document, "\xd7\x9e\xd7\xa6\xd7\x9c\xd7\x9e\xd7\x94 3");  /* מצלמה 3 */
  label = new_label (document, "full", "large");

  /* "Models:" first, then the first model, then the second */
  g_assert_cmpint (x_of (&label->models, "Models:"), <, x_of (&label->models, models[0]));
  g_assert_cmpint (x_of (&label->models, models[0]), <, x_of (&label->models, models[1]));
  /* the comma stays between them */
  g_assert_cmpint (x_of (&label->models, models[0]), <, x_of (&label->models, ","));
  g_assert_cmpint (x_of (&label->models, ","), <, x_of (&label->models, models[1]));
  /* "Manufacturer:" stays at the start, before the name */
  g_assert_cmpint (x_of (&label->maker, "Manufacturer:"), <, x_of (&label->maker, "\xd7\xa9"));
  /* inside the isolate, Hebrew is still right to left: ש is drawn right of ם */
  g_assert_cmpint (x_of (&label->maker, "\xd7\xa9"), >, x_of (&label->maker, "\xd7\x9d"));
  /* every user text is isolated, the fixed text is not */
  g_assert_true (g_str_has_prefix (pango_layout_get_text (label->product.layout), "\xe2\x81\xa8"));
  g_assert_true (g_str_has_suffix (pango_layout_get_text (label->url.layout), "\xe2\x81\xa9"));
  g_assert_true (g_str_has_prefix (pango_layout_get_text (label->title.layout), "Security"));

  if (!render_test_have ("pdftotext"))
    return;
  pdf = candor_label_render (label, CANDOR_LABEL_FORMAT_PDF, &error);
  g_assert_no_error (error);
  {
    g_autofree char *path = render_test_write_temp (pdf, ".pdf");
    g_autofree char *raw = NULL;
    const char *argv[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };

    g_assert_cmpint (render_test_run (argv, &raw), ==, 0);
    g_test_message ("%s", raw);
    g_assert_nonnull (strstr (raw, "Models:"));
    g_assert_nonnull (strstr (raw, "Manufacturer:"));
    g_unlink (path);
  }
}

/* The SVG has the label's true size and, drawn by another renderer, still scans. */
static void
test_svg (void)
{
  g_autoptr(CandorDocument) document = render_test_load (EXAMPLE);
  g_autoptr(CandorLabel) label = new_label (document, "compact", "small");
  g_autoptr(GBytes) svg = candor_label_render (label, CANDOR_LABEL_FORMAT_SVG, NULL);
  g_autofree char *path = render_test_write_temp (svg, ".svg");
  g_autofree char *png = g_strconcat (path, ".png", NULL);
  g_autofree char *out = NULL;
  const char *convert[] = { "rsvg-convert", "-d", "300", "-p", "300", path, "-o", png, NULL };
  const char *scan[] = { "zbarimg", "--quiet", "--raw", png, NULL };

  /* 50 × 70 mm, in points. */
  g_assert_true (g_strstr_len (g_bytes_get_data (svg, NULL), 400,
                               "width=\"141.732283pt\" height=\"198.425197pt\""));
  if (!render_test_have ("rsvg-convert") || !render_test_have ("zbarimg"))
    {
      g_test_skip ("needs rsvg-convert and zbarimg");
      g_unlink (path);
      return;
    }
  g_assert_cmpint (render_test_run (convert, NULL), ==, 0);
  g_assert_cmpint (render_test_run (scan, &out), ==, 0);
  g_assert_cmpstr (g_strchomp (out), ==, candor_document_get_url (document));
  g_unlink (png);
  g_unlink (path);
}

/* The app's preview draws with candor_label_draw() too: same pixels as the exported PNG. */
static void
test_preview_equals_export (void)
{
  g_autoptr(CandorDocument) document = render_test_load (EXAMPLE);
  const char * const *ids = candor_label_template_list_ids ();

  for (guint t = 0; ids[t] != NULL; t++)
    {
      g_autoptr(CandorLabel) label = new_label (document, ids[t], NULL);
      g_autoptr(GBytes) png = candor_label_render (label, CANDOR_LABEL_FORMAT_PNG, NULL);
      g_autofree char *path = render_test_write_temp (png, ".png");
      cairo_surface_t *exported = cairo_image_surface_create_from_png (path);
      int w = cairo_image_surface_get_width (exported);
      int h = cairo_image_surface_get_height (exported);
      cairo_surface_t *preview = cairo_image_surface_create (CAIRO_FORMAT_RGB24, w, h);
      cairo_t *cr = cairo_create (preview);

      cairo_scale (cr, CANDOR_LABEL_PNG_DPI / 72.0, CANDOR_LABEL_PNG_DPI / 72.0);
      candor_label_draw (label, cr);
      cairo_destroy (cr);
      cairo_surface_flush (preview);
      for (int y = 0; y < h; y++)
        for (int x = 0; x < w; x++)
          {
            guint32 a = *(guint32 *) (cairo_image_surface_get_data (exported) + y * cairo_image_surface_get_stride (exported) + x * 4);
            guint32 b = *(guint32 *) (cairo_image_surface_get_data (preview) + y * cairo_image_surface_get_stride (preview) + x * 4);

            if ((a & 0xffffff) != (b & 0xffffff))
              g_error ("%s: preview differs from export at %d,%d", ids[t], x, y);
          }
      cairo_surface_destroy (preview);
      cairo_surface_destroy (exported);
      g_unlink (path);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/candor/render/label/templates", test_templates);
  g_test_add_func ("/candor/render/label/qr-decodes", test_qr_decodes);
  g_test_add_func ("/candor/render/label/pdf-text", test_pdf_text);
  g_test_add_func ("/candor/render/label/reproducible", test_reproducible);
  g_test_add_func ("/candor/render/label/too-long", test_too_long);
  g_test_add_func ("/candor/render/label/paid-plan-fits", test_paid_plan_fits);
  g_test_add_func ("/candor/render/label/bad-url", test_bad_url);
  g_test_add_func ("/candor/render/label/scripts", test_scripts);
  g_test_add_func ("/candor/render/label/bidi-isolation", test_bidi_isolation);
  g_test_add_func ("/candor/render/label/svg", test_svg);
  g_test_add_func ("/candor/render/label/preview-equals-export", test_preview_equals_export);
  return g_test_run ();
}
