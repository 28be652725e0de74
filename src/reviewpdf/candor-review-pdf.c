/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-review-pdf.c: the review copy's export, the draft's identity and digest, paper,
 * dates, and reading the field map. */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "candor-approval.h"
#include "candor-review-pdf-private.h"

G_DEFINE_QUARK (candor-review-pdf-error-quark, candor_review_pdf_error)

CandorReviewPaper
candor_review_paper_from_locale (void)
{
  static const char *letter[] = { "en_US", "en_CA", "fr_CA", "es_MX", "es_US", "en_PH", "es_CL",
                                  "es_CO", "es_VE", "es_PR", "en_PR", NULL };
  const char *vars[] = { "LC_ALL", "LC_PAPER", "LC_MEASUREMENT", "LANG" };

  for (gsize i = 0; i < G_N_ELEMENTS (vars); i++)
    {
      const char *v = g_getenv (vars[i]);

      if (v == NULL || *v == '\0')
        continue;
      for (gsize j = 0; letter[j] != NULL; j++)
        if (g_str_has_prefix (v, letter[j]))
          return CANDOR_REVIEW_PAPER_LETTER;
      return CANDOR_REVIEW_PAPER_A4;
    }
  return CANDOR_REVIEW_PAPER_A4;
}

gboolean
candor_review_paper_from_key (const char *key, CandorReviewPaper *paper)
{
  if (g_ascii_strcasecmp (key, "a4") == 0)
    *paper = CANDOR_REVIEW_PAPER_A4;
  else if (g_ascii_strcasecmp (key, "letter") == 0)
    *paper = CANDOR_REVIEW_PAPER_LETTER;
  else
    return FALSE;
  return TRUE;
}

char *
candor_review_pdf_draft_digest (CandorDocument *document)
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);

  for (int i = 0; i < CANDOR_N_ELEMENTS; i++)
    {
      g_autofree char *d = candor_approval_digest (document, i);
      g_checksum_update (sum, (const guchar *) d, strlen (d));
      g_checksum_update (sum, (const guchar *) "\n", 1);
    }
  return g_strconcat ("sha256:", g_checksum_get_string (sum), NULL);
}

char *
candor_review_pdf_draft_id (CandorDocument *document)
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  const char * const *models = candor_document_get_models (document);
  GDateTime *created = candor_document_get_created (document);
  g_autofree char *when = created != NULL ? g_date_time_format_iso8601 (created) : g_strdup ("");
  const char *parts[] = { candor_document_get_manufacturer (document), candor_document_get_product_name (document),
                          models != NULL ? models[0] : NULL, when };

  for (gsize i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      const char *p = parts[i] != NULL ? parts[i] : "";
      g_checksum_update (sum, (const guchar *) p, strlen (p));
      g_checksum_update (sum, (const guchar *) "\n", 1);
    }
  return g_strconcat ("sha256:", g_checksum_get_string (sum), NULL);
}

char *
rp_pdf_date_from_iso (const char *iso)
{
  g_autoptr(GDateTime) t = iso != NULL ? g_date_time_new_from_iso8601 (iso, NULL) : NULL;
  g_autoptr(GDateTime) utc = NULL;

  if (t == NULL)
    return NULL;
  utc = g_date_time_to_utc (t);
  return g_date_time_format (utc, "D:%Y%m%d%H%M%SZ");
}

char *
rp_iso_from_pdf_date (const char *d)
{
  int f[6] = { 0, 1, 1, 0, 0, 0 };
  int width[6] = { 4, 2, 2, 2, 2, 2 };
  const char *p = d;
  int tz_sign = 0, tz_h = 0, tz_m = 0;
  g_autoptr(GTimeZone) tz = NULL;
  g_autoptr(GDateTime) t = NULL;
  g_autoptr(GDateTime) utc = NULL;

  if (p == NULL)
    return NULL;
  if (g_str_has_prefix (p, "D:"))
    p += 2;
  for (int i = 0; i < 6; i++)
    {
      if (!g_ascii_isdigit (p[0]))
        {
          if (i == 0)
            return NULL;
          break;
        }
      f[i] = 0;
      for (int k = 0; k < width[i]; k++, p++)
        {
          if (!g_ascii_isdigit (*p))
            return NULL;
          f[i] = f[i] * 10 + (*p - '0');
        }
    }
  if (*p == '+' || *p == '-')
    {
      tz_sign = *p == '+' ? 1 : -1;
      p++;
      if (g_ascii_isdigit (p[0]) && g_ascii_isdigit (p[1]))
        {
          tz_h = (p[0] - '0') * 10 + (p[1] - '0');
          p += 2;
          if (*p == '\'')
            p++;
          if (g_ascii_isdigit (p[0]) && g_ascii_isdigit (p[1]))
            tz_m = (p[0] - '0') * 10 + (p[1] - '0');
        }
    }
  if (tz_h > 23 || tz_m > 59)
    return NULL;
  tz = g_time_zone_new_offset (tz_sign * (tz_h * 3600 + tz_m * 60));
  t = g_date_time_new (tz, f[0], f[1], f[2], f[3], f[4], f[5]);
  if (t == NULL)
    return NULL;
  utc = g_date_time_to_utc (t);
  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

static JsonArray *
rp_get_array (JsonObject *o, const char *key, gpointer unused)
{
  JsonNode *n = o != NULL ? json_object_get_member (o, key) : NULL;

  return n != NULL && JSON_NODE_HOLDS_ARRAY (n) ? json_node_get_array (n) : NULL;
}

JsonObject *
rp_map_find_field (JsonObject *map, const char *element, const char *field)
{
  JsonArray *fields = rp_get_array (map, "fields", NULL);

  for (guint i = 0; fields != NULL && i < json_array_get_length (fields); i++)
    {
      JsonObject *f = json_array_get_object_element (fields, i);

      if (f != NULL && g_strcmp0 (json_object_get_string_member_with_default (f, "element", NULL), element) == 0
          && g_strcmp0 (json_object_get_string_member_with_default (f, "field", NULL), field) == 0)
        return f;
    }
  return NULL;
}

gboolean
rp_map_find_answer (JsonObject *map, const char *element, const char *answer, RpSpot *spot)
{
  JsonArray *answers = rp_get_array (map, "answers", NULL);
  double width = json_object_get_double_member_with_default (map, "page_width", 595);

  for (guint i = 0; answers != NULL && i < json_array_get_length (answers); i++)
    {
      JsonObject *a = json_array_get_object_element (answers, i);

      if (a != NULL && g_strcmp0 (json_object_get_string_member_with_default (a, "element", NULL), element) == 0
          && g_strcmp0 (json_object_get_string_member_with_default (a, "answer", NULL), answer) == 0)
        {
          spot->page = (int) json_object_get_int_member_with_default (a, "page", 1) - 1;
          spot->box = (RpBox) { 64, json_object_get_double_member_with_default (a, "bottom", 0), width - 78,
                                json_object_get_double_member_with_default (a, "top", 0) };
          return TRUE;
        }
    }
  return FALSE;
}

GArray *
rp_field_quads (JsonObject *field, guint start, guint end, int *page)
{
  GArray *quads = g_array_new (FALSE, FALSE, sizeof (double));
  JsonArray *lines = rp_get_array (field, "lines", NULL);

  *page = -1;
  for (guint i = 0; lines != NULL && i < json_array_get_length (lines); i++)
    {
      JsonObject *l = json_array_get_object_element (lines, i);
      guint ls = json_object_get_int_member_with_default (l, "start", 0);
      guint le = json_object_get_int_member_with_default (l, "end", 0);
      JsonArray *xs = rp_get_array (l, "x", NULL);
      guint s = MAX (start, ls), e = MIN (end, le);
      double top = json_object_get_double_member_with_default (l, "top", 0);
      double bottom = json_object_get_double_member_with_default (l, "bottom", 0);
      int lp = (int) json_object_get_int_member_with_default (l, "page", 1) - 1;
      double x0, x1;

      if (s >= e || xs == NULL || json_array_get_length (xs) != le - ls + 1)
        continue;
      if (*page == -1)
        *page = lp;
      else if (lp != *page)
        break;  /* one annotation lies on one page: a span across a page break keeps its first part */
      x0 = json_array_get_double_element (xs, s - ls);
      x1 = json_array_get_double_element (xs, e - ls);
      {
        double q[8] = { x0, top, x1, top, x0, bottom, x1, bottom };
        g_array_append_vals (quads, q, 8);
      }
    }
  return quads;
}

void
rp_layout_clear (RpLayout *layout)
{
  g_clear_pointer (&layout->map, json_object_unref);
}

GBytes *
candor_review_pdf_export (CandorDocument *document, CandorReviewPaper paper, GDateTime *now,
                          GError **error)
{
  g_autoptr(GDateTime) when = now != NULL ? g_date_time_to_utc (now) : g_date_time_new_now_utc ();
  RpLayout layout = { 0 };
  g_autoptr(GBytes) drawn = NULL;
  GBytes *out = NULL;

  g_return_val_if_fail (CANDOR_IS_DOCUMENT (document), NULL);

  drawn = rp_draw (document, paper, when, &layout, error);
  if (drawn != NULL)
    out = rp_annotate (drawn, document, &layout, error);
  rp_layout_clear (&layout);
  return out;
}
