/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-label-export.c: writes a label as PDF, SVG or 300 dpi PNG, byte for byte the same
 * for the same draft. */
#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "candor-format.h"
#include "candor-label-private.h"
#include "candor-render-error.h"
#include "candor-render-util.h"

static const char *extensions[] = { "pdf", "svg", "png" };

/**
 * candor_label_format_from_filename:
 * @filename: a name ending in .pdf, .svg or .png (any case)
 * @format: (out) (optional): the format
 * @error: CANDOR_RENDER_ERROR_UNSUPPORTED_FORMAT for any other name
 */
gboolean
candor_label_format_from_filename (const char *filename, CandorLabelFormat *format, GError **error)
{
  const char *dot = filename != NULL ? strrchr (filename, '.') : NULL;

  for (guint i = 0; dot != NULL && i < G_N_ELEMENTS (extensions); i++)
    if (g_ascii_strcasecmp (dot + 1, extensions[i]) == 0)
      {
        if (format != NULL)
          *format = (CandorLabelFormat) i;
        return TRUE;
      }
  g_set_error (error, CANDOR_RENDER_ERROR, CANDOR_RENDER_ERROR_UNSUPPORTED_FORMAT,
               _("Cannot tell the label format from “%s”: the name must end in .pdf, .svg or "
                 ".png."),
               filename != NULL ? filename : "");
  return FALSE;
}

const char *
candor_label_format_to_extension (CandorLabelFormat format)
{
  g_return_val_if_fail (format <= CANDOR_LABEL_FORMAT_PNG, NULL);
  return extensions[format];
}

static cairo_status_t
append_bytes (void *closure, const unsigned char *data, unsigned int length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static guint32
crc32_png (const guint8 *data, gsize length)
{
  static guint32 table[256];
  static gsize initialised = 0;
  guint32 crc = 0xffffffffu;

  if (g_once_init_enter (&initialised))
    {
      for (guint32 n = 0; n < 256; n++)
        {
          guint32 c = n;

          for (int k = 0; k < 8; k++)
            c = (c & 1) ? 0xedb88320u ^ (c >> 1) : c >> 1;
          table[n] = c;
        }
      g_once_init_leave (&initialised, 1);
    }
  for (gsize i = 0; i < length; i++)
    crc = table[(crc ^ data[i]) & 0xff] ^ (crc >> 8);
  return crc ^ 0xffffffffu;
}

static void
put_be32 (guint8 *p, guint32 v)
{
  p[0] = (guint8) (v >> 24), p[1] = (guint8) (v >> 16), p[2] = (guint8) (v >> 8), p[3] = (guint8) v;
}

/* cairo writes no resolution; a pHYs chunk right after IHDR makes print and layout
 * programs place the bitmap at its true size. */
static void
png_add_resolution (GByteArray *png)
{
  const gsize ihdr_end = 8 + 4 + 4 + 13 + 4;
  guint32 ppm = (guint32) lround (CANDOR_LABEL_PNG_DPI / 0.0254);
  guint8 chunk[4 + 4 + 9 + 4];

  if (png->len < ihdr_end || memcmp (png->data + 12, "IHDR", 4) != 0)
    return;
  put_be32 (chunk, 9);
  memcpy (chunk + 4, "pHYs", 4);
  put_be32 (chunk + 8, ppm);
  put_be32 (chunk + 12, ppm);
  chunk[16] = 1; /* unit: metre */
  put_be32 (chunk + 17, crc32_png (chunk + 4, 4 + 9));
  {
    g_autoptr(GByteArray) out = g_byte_array_sized_new (png->len + sizeof chunk);

    g_byte_array_append (out, png->data, (guint) ihdr_end);
    g_byte_array_append (out, chunk, sizeof chunk);
    g_byte_array_append (out, png->data + ihdr_end, (guint) (png->len - ihdr_end));
    g_byte_array_set_size (png, 0);
    g_byte_array_append (png, out->data, out->len);
  }
}

typedef struct
{
  GHashTable *numbers;
} SurfaceIds;

static gboolean
renumber_surface (const GMatchInfo *match, GString *result, gpointer data)
{
  SurfaceIds *ids = data;
  g_autofree char *old = g_match_info_fetch (match, 1);
  gpointer number = g_hash_table_lookup (ids->numbers, old);

  if (number == NULL)
    {
      number = GUINT_TO_POINTER (g_hash_table_size (ids->numbers) + 1);
      g_hash_table_insert (ids->numbers, g_steal_pointer (&old), number);
    }
  g_string_append_printf (result, "surface%u", GPOINTER_TO_UINT (number));
  return FALSE;
}

/* cairo names SVG groups after a process-wide surface counter ("surface11"), so a second
 * rendering in the same process would differ; number them in order of appearance instead. */
static void
svg_renumber_surfaces (GByteArray *svg)
{
  static GRegex *regex = NULL;
  SurfaceIds ids = { g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL) };
  g_autofree char *out = NULL;

  if (g_once_init_enter (&regex))
    g_once_init_leave (&regex, g_regex_new ("surface([0-9]+)", G_REGEX_OPTIMIZE, 0, NULL));
  out = g_regex_replace_eval (regex, (const char *) svg->data, (gssize) svg->len, 0, 0,
                              renumber_surface, &ids, NULL);
  g_hash_table_unref (ids.numbers);
  if (out == NULL)
    return;
  g_byte_array_set_size (svg, 0);
  g_byte_array_append (svg, (const guint8 *) out, (guint) strlen (out));
}

static void
set_pdf_metadata (CandorLabel *self, cairo_surface_t *surface)
{
  CandorDocument *doc = candor_label_get_document (self);
  g_autofree char *title = candor_document_dup_title (doc);
  g_autofree char *full_title = g_strdup_printf (_("Security updates: %s"), title);
  g_autofree char *date = candor_render_document_date (doc);
  const char *manufacturer = candor_document_get_manufacturer (doc);

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, full_title);
  if (manufacturer != NULL && *manufacturer != '\0')
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, manufacturer);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT,
                                  _("Security update disclosure label"));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Candor " PACKAGE_VERSION);
  /* Dates from the draft, never the clock: the same draft gives the same bytes. */
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, date);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_MOD_DATE, date);
}

/**
 * candor_label_render:
 * @format: PDF, SVG or PNG
 * @error: the label's first problem (e.g. CANDOR_RENDER_ERROR_TOO_LONG), or a drawing failure
 *
 * Draws the label (as last laid out) into a file image. Refuses a label with problems:
 * a text cut short or a missing QR code must never reach a printer.
 *
 * Returns: (transfer full) (nullable): the file's bytes
 */
GBytes *
candor_label_render (CandorLabel *self, CandorLabelFormat format, GError **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  double W, H;
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;

  g_return_val_if_fail (CANDOR_IS_LABEL (self), NULL);
  g_return_val_if_fail (format <= CANDOR_LABEL_FORMAT_PNG, NULL);

  if (!candor_label_check (self, error))
    return NULL;

  W = candor_label_get_width (self);
  H = candor_label_get_height (self);
  switch (format)
    {
    case CANDOR_LABEL_FORMAT_PDF:
      surface = cairo_pdf_surface_create_for_stream (append_bytes, bytes, W, H);
      set_pdf_metadata (self, surface);
      break;
    case CANDOR_LABEL_FORMAT_SVG:
      surface = cairo_svg_surface_create_for_stream (append_bytes, bytes, W, H);
      /* Points, the unit we draw in: width="141.7pt" is the label's true size. (With
       * millimetres cairo 1.16 writes the point values with an "mm" suffix.) */
      cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PT);
      break;
    case CANDOR_LABEL_FORMAT_PNG:
    default:
      surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24,
                                            (int) ceil (W / DEVICE_PX - 0.001),
                                            (int) ceil (H / DEVICE_PX - 0.001));
      break;
    }

  cr = cairo_create (surface);
  if (format == CANDOR_LABEL_FORMAT_PNG)
    cairo_scale (cr, 1.0 / DEVICE_PX, 1.0 / DEVICE_PX);
  candor_label_draw (self, cr);
  status = cairo_status (cr);
  cairo_destroy (cr);
  if (status == CAIRO_STATUS_SUCCESS && format == CANDOR_LABEL_FORMAT_PNG)
    status = cairo_surface_write_to_png_stream (surface, append_bytes, bytes);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, CANDOR_RENDER_ERROR, CANDOR_RENDER_ERROR_FAILED,
                   _("Could not draw the label: %s"), cairo_status_to_string (status));
      return NULL;
    }
  if (format == CANDOR_LABEL_FORMAT_PNG)
    png_add_resolution (bytes);
  else if (format == CANDOR_LABEL_FORMAT_SVG)
    svg_renumber_surfaces (bytes);
  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}

/**
 * candor_label_write_file:
 *
 * Renders the label and writes it atomically to @file (blocking; run it in a thread in UIs).
 */
gboolean
candor_label_write_file (CandorLabel *self, GFile *file, CandorLabelFormat format, GError **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (CANDOR_IS_LABEL (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  bytes = candor_label_render (self, format, error);
  if (bytes == NULL)
    return FALSE;
  return candor_format_write_atomically (file, bytes, NULL, error);
}
