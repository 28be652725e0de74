/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-review-pdf-annots.c: the comments as PDF annotation dictionaries, and the field map,
 * written into cairo's PDF with libqpdf's C API. cairo draws pages and outlines but writes no
 * markup annotations; poppler-glib can add highlights and notes but can neither write /NM,
 * /IRT nor /StateModel, nor a catalog entry: qpdf writes any object, and its full rewrite
 * keeps everything reachable from the catalog. */
#include "config.h"

#include <glib/gi18n.h>
#include <qpdf/qpdf-c.h>
#include <string.h>

#include "candor-review-pdf-private.h"
#include "candor-review.h"

typedef struct
{
  qpdf_data  q;
  GPtrArray *page_annots;  /* per page: GArray of qpdf_oh to append to /Annots */
} Writer;

static qpdf_oh
string (Writer *w, const char *text)
{
  return qpdf_oh_new_unicode_string (w->q, text != NULL ? text : "");
}

static qpdf_oh
rect (Writer *w, RpBox b)
{
  qpdf_oh a = qpdf_oh_new_array (w->q);
  double v[4] = { MIN (b.x0, b.x1), MIN (b.y0, b.y1), MAX (b.x0, b.x1), MAX (b.y0, b.y1) };

  for (int i = 0; i < 4; i++)
    qpdf_oh_append_item (w->q, a, qpdf_oh_new_real_from_double (w->q, v[i], 2));
  return a;
}

static void
set_date (Writer *w, qpdf_oh dict, const char *key, const char *iso)
{
  g_autofree char *d = rp_pdf_date_from_iso (iso);

  if (d != NULL)
    qpdf_oh_replace_key (w->q, dict, key, qpdf_oh_new_string (w->q, d));
}

static void
add_to_page (Writer *w, int page, qpdf_oh annot)
{
  g_array_append_val (w->page_annots->pdata[page], annot);
}

static qpdf_oh
new_annot (Writer *w, const char *subtype, RpBox box, qpdf_oh page_oh, const char *nm,
           const char *author, const char *body, const char *created, const char *modified)
{
  qpdf_oh d = qpdf_oh_new_dictionary (w->q);

  qpdf_oh_replace_key (w->q, d, "/Type", qpdf_oh_new_name (w->q, "/Annot"));
  qpdf_oh_replace_key (w->q, d, "/Subtype", qpdf_oh_new_name (w->q, subtype));
  qpdf_oh_replace_key (w->q, d, "/Rect", rect (w, box));
  qpdf_oh_replace_key (w->q, d, "/P", page_oh);
  qpdf_oh_replace_key (w->q, d, "/F", qpdf_oh_new_integer (w->q, 4));
  qpdf_oh_replace_key (w->q, d, "/NM", string (w, nm));
  qpdf_oh_replace_key (w->q, d, "/T", string (w, author));
  qpdf_oh_replace_key (w->q, d, "/Contents", string (w, body));
  set_date (w, d, "/CreationDate", created);
  set_date (w, d, "/M", modified != NULL ? modified : created);
  return qpdf_make_indirect_object (w->q, d);
}

static void
color (Writer *w, qpdf_oh d, double r, double g, double b)
{
  qpdf_oh c = qpdf_oh_new_array (w->q);

  qpdf_oh_append_item (w->q, c, qpdf_oh_new_real_from_double (w->q, r, 2));
  qpdf_oh_append_item (w->q, c, qpdf_oh_new_real_from_double (w->q, g, 2));
  qpdf_oh_append_item (w->q, c, qpdf_oh_new_real_from_double (w->q, b, 2));
  qpdf_oh_replace_key (w->q, d, "/C", c);
}

static void
add_popup (Writer *w, int page, qpdf_oh page_oh, qpdf_oh parent, RpBox near, double page_width)
{
  qpdf_oh p = qpdf_oh_new_dictionary (w->q);
  RpBox box = { page_width - 230, near.y1 - 120, page_width - 10, near.y1 };
  qpdf_oh ref;

  qpdf_oh_replace_key (w->q, p, "/Type", qpdf_oh_new_name (w->q, "/Annot"));
  qpdf_oh_replace_key (w->q, p, "/Subtype", qpdf_oh_new_name (w->q, "/Popup"));
  qpdf_oh_replace_key (w->q, p, "/Rect", rect (w, box));
  qpdf_oh_replace_key (w->q, p, "/P", page_oh);
  qpdf_oh_replace_key (w->q, p, "/Parent", parent);
  qpdf_oh_replace_key (w->q, p, "/Open", qpdf_oh_new_bool (w->q, 0));
  ref = qpdf_make_indirect_object (w->q, p);
  qpdf_oh_replace_key (w->q, parent, "/Popup", ref);
  add_to_page (w, page, ref);
}

static RpBox
margin_icon (RpLayout *layout, double top, int n)
{
  double x = layout->page_width - 70 + (n % 3) * 20;

  return (RpBox) { x, top - 18, x + 18, top };
}

static void
write_comment (Writer *w, RpLayout *layout, CandorComment *c, int *n_on_page)
{
  g_autofree char *nm = g_strconcat (CANDOR_REVIEW_NM_PREFIX, c->id, NULL);
  const char *last_change = c->resolved_at != NULL ? c->resolved_at : c->created;
  RpSpot spot = layout->heading_spots[c->element];
  qpdf_oh annot, page_oh;
  RpBox icon;

  if (c->target == CANDOR_COMMENT_ON_TEXT && !c->detached)
    {
      JsonObject *field = rp_map_find_field (layout->map, candor_element_id_to_key (c->element), candor_comment_field_key (c->field));
      int page = -1;
      g_autoptr(GArray) quads = field != NULL ? rp_field_quads (field, c->start, c->end, &page) : NULL;

      if (quads != NULL && quads->len > 0)
        {
          RpBox box = { G_MAXDOUBLE, G_MAXDOUBLE, -G_MAXDOUBLE, -G_MAXDOUBLE };
          qpdf_oh qp;

          page_oh = qpdf_get_page_n (w->q, page);
          for (guint i = 0; i < quads->len; i += 2)
            {
              double x = g_array_index (quads, double, i), y = g_array_index (quads, double, i + 1);
              box.x0 = MIN (box.x0, x); box.x1 = MAX (box.x1, x);
              box.y0 = MIN (box.y0, y); box.y1 = MAX (box.y1, y);
            }
          annot = new_annot (w, "/Highlight", box, page_oh, nm, c->author, c->body, c->created, last_change);
          qp = qpdf_oh_new_array (w->q);
          for (guint i = 0; i < quads->len; i++)
            qpdf_oh_append_item (w->q, qp, qpdf_oh_new_real_from_double (w->q, g_array_index (quads, double, i), 2));
          qpdf_oh_replace_key (w->q, annot, "/QuadPoints", qp);
          color (w, annot, 1.0, 0.85, 0.2);
          if (c->quote != NULL)
            qpdf_oh_replace_key (w->q, annot, "/Subj", string (w, c->quote));
          add_to_page (w, page, annot);
          add_popup (w, page, page_oh, annot, box, layout->page_width);
          spot.page = page;
          icon = margin_icon (layout, box.y1, n_on_page[page]++);
          goto replies;
        }
    }
  if (c->target == CANDOR_COMMENT_ON_ANSWER)
    rp_map_find_answer (layout->map, candor_element_id_to_key (c->element), c->answer, &spot);
  page_oh = qpdf_get_page_n (w->q, spot.page);
  icon = margin_icon (layout, spot.box.y1, n_on_page[spot.page]++);
  {
    g_autofree char *body = c->target == CANDOR_COMMENT_ON_TEXT
      ? g_strdup_printf (_("[On words since removed: “%s”] %s"), c->quote, c->body) : g_strdup (c->body);

    annot = new_annot (w, "/Text", icon, page_oh, nm, c->author, body, c->created, last_change);
  }
  qpdf_oh_replace_key (w->q, annot, "/Name", qpdf_oh_new_name (w->q, "/Comment"));
  color (w, annot, 1.0, 0.85, 0.2);
  add_to_page (w, spot.page, annot);
  add_popup (w, spot.page, page_oh, annot, icon, layout->page_width);

replies:
  for (guint i = 0; i < c->replies->len; i++)
    {
      CandorReply *r = c->replies->pdata[i];
      g_autofree char *rnm = g_strdup_printf ("%s#r%u", nm, i + 1);
      qpdf_oh reply = new_annot (w, "/Text", icon, page_oh, rnm, r->author, r->body, r->created, NULL);

      qpdf_oh_replace_key (w->q, reply, "/IRT", annot);
      qpdf_oh_replace_key (w->q, reply, "/RT", qpdf_oh_new_name (w->q, "/R"));
      qpdf_oh_replace_key (w->q, reply, "/Name", qpdf_oh_new_name (w->q, "/Comment"));
      qpdf_oh_replace_key (w->q, reply, "/F", qpdf_oh_new_integer (w->q, 4 | 2 /* hidden: shown in the thread */));
      add_to_page (w, spot.page, reply);
    }
  if (c->resolved)
    {
      g_autofree char *snm = g_strdup_printf ("%s#state", nm);
      g_autofree char *body = g_strdup_printf (_("Resolved by %s"), c->resolved_by ?: "?");
      qpdf_oh state = new_annot (w, "/Text", icon, page_oh, snm, c->resolved_by, body, c->resolved_at, NULL);

      qpdf_oh_replace_key (w->q, state, "/IRT", annot);
      qpdf_oh_replace_key (w->q, state, "/StateModel", string (w, "Review"));
      qpdf_oh_replace_key (w->q, state, "/State", string (w, "Completed"));
      qpdf_oh_replace_key (w->q, state, "/F", qpdf_oh_new_integer (w->q, 4 | 2));
      add_to_page (w, spot.page, state);
    }
}

static gboolean
qpdf_failed (qpdf_data q, GError **error)
{
  if (!qpdf_has_error (q))
    return FALSE;
  g_set_error (error, CANDOR_REVIEW_PDF_ERROR, CANDOR_REVIEW_PDF_ERROR_FAILED,
               _("Could not write the review copy’s annotations: %s"),
               qpdf_get_error_full_text (q, qpdf_get_error (q)));
  return TRUE;
}

GBytes *
rp_annotate (GBytes *pdf, CandorDocument *document, RpLayout *layout, GError **error)
{
  CandorReview *review = candor_review_get_for_document (document);
  g_autoptr(GPtrArray) comments = candor_review_list_comments (review, -1);
  g_autofree int *n_on_page = g_new0 (int, layout->n_pages);
  g_autofree char *map_text = NULL;
  Writer w = { qpdf_init (), g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref) };
  GBytes *out = NULL;
  gsize len;
  const char *lang = candor_document_get_language (document);

  qpdf_silence_errors (w.q);
  if (qpdf_read_memory (w.q, "review-copy.pdf", g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), NULL) & QPDF_ERRORS
      || qpdf_failed (w.q, error))
    goto out;
  for (int i = 0; i < layout->n_pages; i++)
    g_ptr_array_add (w.page_annots, g_array_new (FALSE, FALSE, sizeof (qpdf_oh)));
  if (qpdf_get_num_pages (w.q) != layout->n_pages)
    {
      g_set_error (error, CANDOR_REVIEW_PDF_ERROR, CANDOR_REVIEW_PDF_ERROR_FAILED,
                   _("Could not write the review copy: cairo wrote %d pages, %d were laid out"),
                   qpdf_get_num_pages (w.q), layout->n_pages);
      goto out;
    }
  for (guint i = 0; i < comments->len; i++)
    write_comment (&w, layout, comments->pdata[i], n_on_page);
  for (int p = 0; p < layout->n_pages; p++)
    {
      GArray *list = w.page_annots->pdata[p];
      qpdf_oh page = qpdf_get_page_n (w.q, p);
      qpdf_oh annots = qpdf_oh_get_key (w.q, page, "/Annots");

      if (list->len == 0)
        continue;
      if (!qpdf_oh_is_array (w.q, annots))
        {
          annots = qpdf_oh_new_array (w.q);
          qpdf_oh_replace_key (w.q, page, "/Annots", annots);
        }
      for (guint i = 0; i < list->len; i++)
        qpdf_oh_append_item (w.q, annots, g_array_index (list, qpdf_oh, i));
    }
  {
    qpdf_oh root = qpdf_get_root (w.q);
    qpdf_oh stream = qpdf_oh_new_stream (w.q);
    qpdf_oh dict = qpdf_oh_get_dict (w.q, stream);

    {
      g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), layout->map);
      map_text = json_to_string (node, FALSE);
    }
    qpdf_oh_replace_stream_data (w.q, stream, (unsigned char const *) map_text, strlen (map_text),
                                 qpdf_oh_new_null (w.q), qpdf_oh_new_null (w.q));
    qpdf_oh_replace_key (w.q, dict, "/Type", qpdf_oh_new_name (w.q, "/CandorReviewMap"));
    qpdf_oh_replace_key (w.q, dict, "/Subtype", qpdf_oh_new_name (w.q, "/application#2Fjson"));
    qpdf_oh_replace_key (w.q, root, CANDOR_REVIEW_MAP_KEY, qpdf_make_indirect_object (w.q, stream));
    if (lang != NULL && *lang != '\0')
      qpdf_oh_replace_key (w.q, root, "/Lang", string (&w, lang));
    /* Viewers open the outline beside the pages. */
    qpdf_oh_replace_key (w.q, root, "/PageMode", qpdf_oh_new_name (w.q, "/UseOutlines"));
  }
  if (qpdf_failed (w.q, error))
    goto out;
  qpdf_init_write_memory (w.q);
  qpdf_set_object_stream_mode (w.q, qpdf_o_generate);
  qpdf_set_compress_streams (w.q, 1);
  if (qpdf_write (w.q) & QPDF_ERRORS || qpdf_failed (w.q, error))
    goto out;
  len = qpdf_get_buffer_length (w.q);
  out = g_bytes_new (qpdf_get_buffer (w.q), len);
out:
  g_ptr_array_unref (w.page_annots);
  qpdf_cleanup (&w.q);
  return out;
}
