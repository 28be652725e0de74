/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-review-pdf.c: the PDF review copy, read back with poppler-glib (author, body, dates,
 * quadrilaterals over the quoted words, outline, metadata) and with qpdf (/NM, /IRT, /RT,
 * /StateModel, the field map), also after qpdf rewrites the file as viewers do. */
#include "config.h"

#include <glib/gstdio.h>
#include <poppler.h>
#include <qpdf/qpdf-c.h>
#include <string.h>

#include "candor-format.h"
#include "candor-review.h"
#include "candor-review-pdf.h"
#include "candor-wording.h"

/* Poppler 22 has no g_autoptr for its types, newer ones do: our own names for both. */
typedef PopplerDocument TestPdf;
typedef PopplerPage TestPage;
typedef PopplerAnnot TestAnnot;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestPdf, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestPage, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestAnnot, g_object_unref)

typedef struct
{
  CandorDocument *doc;
  char           *text_id, *answer_id, *element_id;
  GBytes         *pdf;
} Fixture;

static GDateTime *
at (const char *iso)
{
  return g_date_time_new_from_iso8601 (iso, NULL);
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_build_filename (g_getenv ("CANDOR_SOURCE_ROOT"), "data", "examples", "smart-camera.candor", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) t1 = at ("2026-11-21T10:00:00Z");
  g_autoptr(GDateTime) t2 = at ("2026-11-21T11:30:00Z");
  g_autoptr(GDateTime) t3 = at ("2026-11-22T09:00:00Z");
  g_autoptr(GDateTime) now = at ("2026-11-23T08:00:00Z");
  CandorReview *review;

  f->doc = candor_format_load_file (file, NULL, &error);
  g_assert_no_error (error);
  review = candor_review_get_for_document (f->doc);
  candor_wording_refresh_generated (f->doc);
  f->text_id = candor_review_add_quote_comment (review, CANDOR_ELEMENT_A3, CANDOR_TEXT_WEB,
                                                "until at least 31 December 2030", 1,
                                                "Dana Lawyer", "Is this date firm?", t1, &error);
  g_assert_no_error (error);
  g_assert_true (candor_review_reply (review, f->text_id, "Priya Shah", "Yes: the board approved it.", t2, &error));
  g_assert_no_error (error);
  f->answer_id = candor_review_add_comment (review, CANDOR_ELEMENT_A2, "method", "Dana Lawyer",
                                            "Say who can turn updates off.", t1, &error);
  g_assert_no_error (error);
  f->element_id = candor_review_add_comment (review, CANDOR_ELEMENT_B1, NULL, "Dana Lawyer",
                                             "Fine as it is.", t1, &error);
  g_assert_no_error (error);
  g_assert_true (candor_review_resolve (review, f->element_id, "Dana Lawyer", t3, &error));
  f->pdf = candor_review_pdf_export (f->doc, CANDOR_REVIEW_PAPER_A4, now, &error);
  g_assert_no_error (error);
  g_assert_nonnull (f->pdf);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->doc);
  g_free (f->text_id);
  g_free (f->answer_id);
  g_free (f->element_id);
  g_bytes_unref (f->pdf);
}

static PopplerDocument *
open_poppler (GBytes *pdf)
{
  g_autoptr(GError) error = NULL;
  PopplerDocument *doc = poppler_document_new_from_bytes (pdf, NULL, &error);

  g_assert_no_error (error);
  return doc;
}

/* The markup annotations of @page with author @label, in no particular order. */
static GList *
find_annots (PopplerPage *page, PopplerAnnotType type)
{
  GList *found = NULL;
  GList *mapping = poppler_page_get_annot_mapping (page);

  for (GList *l = mapping; l != NULL; l = l->next)
    {
      PopplerAnnotMapping *m = l->data;
      if (poppler_annot_get_annot_type (m->annot) == type)
        found = g_list_prepend (found, g_object_ref (m->annot));
    }
  poppler_page_free_annot_mapping (mapping);
  return found;
}

static void
check_with_poppler (GBytes *pdf)
{
  g_autoptr(TestPdf) doc = open_poppler (pdf);
  g_autoptr(TestPage) a3 = NULL;
  g_autoptr(TestPage) a2 = NULL;
  GList *highlights, *notes;
  PopplerAnnotMarkup *hl;
  g_autofree char *label = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *modified = NULL;
  g_autofree char *title = NULL;
  g_autofree char *under = NULL;
  GArray *quads;
  PopplerRectangle area = { G_MAXDOUBLE, G_MAXDOUBLE, -G_MAXDOUBLE, -G_MAXDOUBLE };
  double height;
  GDate *date;
  PopplerIndexIter *outline;
  int n_outline = 0;

  g_assert_cmpint (poppler_document_get_n_pages (doc), ==, 7);  /* cover + six elements */
  title = poppler_document_get_title (doc);
  g_assert_cmpstr (title, ==, "Review copy: Lumen Cam 2");

  /* One bookmark for the cover, one per element. */
  outline = poppler_index_iter_new (doc);
  g_assert_nonnull (outline);
  do
    n_outline++;
  while (poppler_index_iter_next (outline));
  poppler_index_iter_free (outline);
  g_assert_cmpint (n_outline, ==, 7);

  a3 = poppler_document_get_page (doc, 3);
  highlights = find_annots (a3, POPPLER_ANNOT_HIGHLIGHT);
  g_assert_cmpuint (g_list_length (highlights), ==, 1);
  hl = highlights->data;
  label = poppler_annot_markup_get_label (hl);
  contents = poppler_annot_get_contents (POPPLER_ANNOT (hl));
  modified = poppler_annot_get_modified (POPPLER_ANNOT (hl));
  g_assert_cmpstr (label, ==, "Dana Lawyer");
  g_assert_cmpstr (contents, ==, "Is this date firm?");
  g_assert_cmpstr (modified, ==, "D:20261121100000Z");
  date = poppler_annot_markup_get_date (hl);
  g_assert_nonnull (date);
  g_assert_cmpint (g_date_get_year (date), ==, 2026);
  g_assert_cmpint (g_date_get_day (date), ==, 21);
  g_date_free (date);
  g_assert_true (poppler_annot_markup_has_popup (hl));

  /* The quadrilaterals cover exactly the quoted words (the text in their union, y from the
   * top as poppler's text functions count). */
  quads = poppler_annot_text_markup_get_quadrilaterals (POPPLER_ANNOT_TEXT_MARKUP (hl));
  g_assert_cmpuint (quads->len, ==, 2);  /* the quote wraps onto a second line */
  poppler_page_get_size (a3, NULL, &height);
  for (guint i = 0; i < quads->len; i++)
    {
      PopplerQuadrilateral *q = &g_array_index (quads, PopplerQuadrilateral, i);
      PopplerRectangle line = { q->p1.x + 0.5, height - q->p1.y + 0.5, q->p4.x - 0.5, height - q->p4.y - 0.5 };
      g_autofree char *text = poppler_page_get_text_for_area (a3, &line);

      g_assert_cmpfloat (q->p1.y, >, q->p3.y);  /* top left above bottom left */
      g_assert_cmpfloat (q->p2.x, >, q->p1.x);
      if (i == 0)
        g_assert_cmpstr (g_strstrip (text), ==, "until at least");
      else
        g_assert_cmpstr (g_strstrip (text), ==, "31 December 2030");
      area.x1 = MIN (area.x1, line.x1);
    }
  g_array_unref (quads);
  (void) under;

  /* The reply: a Text annotation in reply to the highlight (poppler exposes the type). */
  notes = find_annots (a3, POPPLER_ANNOT_TEXT);
  g_assert_cmpuint (g_list_length (notes), ==, 1);
  {
    g_autofree char *who = poppler_annot_markup_get_label (notes->data);
    g_autofree char *body = poppler_annot_get_contents (notes->data);

    g_assert_cmpstr (who, ==, "Priya Shah");
    g_assert_cmpstr (body, ==, "Yes: the board approved it.");
    g_assert_cmpint (poppler_annot_markup_get_reply_to (notes->data), ==, POPPLER_ANNOT_MARKUP_REPLY_TYPE_R);
  }
  g_list_free_full (highlights, g_object_unref);
  g_list_free_full (notes, g_object_unref);

  /* The answer comment: a note on A.2's page, beside its answers (below the heading). */
  a2 = poppler_document_get_page (doc, 2);
  notes = find_annots (a2, POPPLER_ANNOT_TEXT);
  g_assert_cmpuint (g_list_length (notes), ==, 1);
  {
    g_autofree char *body = poppler_annot_get_contents (notes->data);
    g_assert_cmpstr (body, ==, "Say who can turn updates off.");
  }
  g_list_free_full (notes, g_object_unref);
}

/* With qpdf: what poppler-glib does not show. */
static char *
oh_string (qpdf_data q, qpdf_oh dict, const char *key)
{
  qpdf_oh v = qpdf_oh_get_key (q, dict, key);
  return qpdf_oh_is_string (q, v) ? g_strdup (qpdf_oh_get_utf8_value (q, v)) : NULL;
}

static void
check_with_qpdf (GBytes *pdf, Fixture *f)
{
  qpdf_data q = qpdf_init ();
  g_autofree char *nm_text = g_strconcat ("candor:", f->text_id, NULL);
  g_autofree char *nm_element = g_strconcat ("candor:", f->element_id, NULL);
  g_autofree char *nm_reply = g_strconcat ("candor:", f->text_id, "#r1", NULL);
  gboolean seen_reply = FALSE, seen_state = FALSE, seen_text = FALSE;
  qpdf_oh map;
  unsigned char *buf = NULL;
  size_t len = 0;

  qpdf_silence_errors (q);
  g_assert_false (qpdf_read_memory (q, "copy.pdf", g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), NULL) & QPDF_ERRORS);
  for (int p = 0; p < qpdf_get_num_pages (q); p++)
    {
      qpdf_oh annots = qpdf_oh_get_key (q, qpdf_get_page_n (q, p), "/Annots");

      for (int i = 0; i < qpdf_oh_get_array_n_items (q, annots); i++)
        {
          qpdf_oh a = qpdf_oh_get_array_item (q, annots, i);
          g_autofree char *nm = oh_string (q, a, "/NM");
          qpdf_oh irt = qpdf_oh_get_key (q, a, "/IRT");

          if (g_strcmp0 (nm, nm_text) == 0)
            {
              g_autofree char *created = oh_string (q, a, "/CreationDate");
              g_assert_true (qpdf_oh_is_name_and_equals (q, qpdf_oh_get_key (q, a, "/Subtype"), "/Highlight"));
              g_assert_cmpstr (created, ==, "D:20261121100000Z");
              seen_text = TRUE;
            }
          else if (g_strcmp0 (nm, nm_reply) == 0)
            {
              g_autofree char *parent = oh_string (q, irt, "/NM");
              g_assert_cmpstr (parent, ==, nm_text);
              g_assert_true (qpdf_oh_is_name_and_equals (q, qpdf_oh_get_key (q, a, "/RT"), "/R"));
              seen_reply = TRUE;
            }
          else if (nm != NULL && g_str_has_suffix (nm, "#state"))
            {
              g_autofree char *parent = oh_string (q, irt, "/NM");
              g_autofree char *model = oh_string (q, a, "/StateModel");
              g_autofree char *state = oh_string (q, a, "/State");
              g_autofree char *who = oh_string (q, a, "/T");
              g_assert_cmpstr (parent, ==, nm_element);
              g_assert_cmpstr (model, ==, "Review");
              g_assert_cmpstr (state, ==, "Completed");
              g_assert_cmpstr (who, ==, "Dana Lawyer");
              seen_state = TRUE;
            }
        }
    }
  g_assert_true (seen_text && seen_reply && seen_state);

  map = qpdf_oh_get_key (q, qpdf_get_root (q), "/CandorReviewMap");
  g_assert_true (qpdf_oh_is_stream (q, map));
  g_assert_false (qpdf_oh_get_stream_data (q, map, qpdf_dl_generalized, NULL, &buf, &len) & QPDF_ERRORS);
  {
    g_autoptr(JsonParser) parser = json_parser_new ();
    g_autoptr(GError) error = NULL;
    g_autofree char *digest = candor_review_pdf_draft_digest (f->doc);
    JsonObject *m;

    g_assert_true (json_parser_load_from_data (parser, (const char *) buf, len, &error));
    m = json_node_get_object (json_parser_get_root (parser));
    g_assert_cmpstr (json_object_get_string_member (m, "format"), ==, "candor-review-copy");
    g_assert_cmpstr (json_object_get_string_member (m, "digest"), ==, digest);
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (m, "fields")), ==, 12);
  }
  free (buf);
  qpdf_cleanup (&q);
}

static void
test_round_trip (Fixture *f, gconstpointer data)
{
  check_with_poppler (f->pdf);
  check_with_qpdf (f->pdf, f);
}

/* A viewer's full rewrite (qpdf as Evince's save does), linearized or with object streams,
 * keeps the annotations and the field map. */
static void
test_after_qpdf_rewrite (Fixture *f, gconstpointer data)
{
  const char *how[] = { "--linearize", "--object-streams=generate", "--object-streams=disable" };
  g_autofree char *dir = g_dir_make_tmp ("review-pdf-XXXXXX", NULL);
  g_autofree char *in = g_build_filename (dir, "in.pdf", NULL);
  g_autofree char *out = g_build_filename (dir, "out.pdf", NULL);

  g_assert_true (g_file_set_contents (in, g_bytes_get_data (f->pdf, NULL), g_bytes_get_size (f->pdf), NULL));
  for (gsize i = 0; i < G_N_ELEMENTS (how); i++)
    {
      const char *argv[] = { "qpdf", how[i], in, out, NULL };
      g_autoptr(GError) error = NULL;
      g_autofree char *contents = NULL;
      g_autoptr(GBytes) rewritten = NULL;
      gsize len;
      int status;

      g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, &status, &error));
      g_assert_no_error (error);
      g_assert_true (g_spawn_check_wait_status (status, NULL));
      g_assert_true (g_file_get_contents (out, &contents, &len, NULL));
      rewritten = g_bytes_new_take (g_steal_pointer (&contents), len);
      check_with_poppler (rewritten);
      check_with_qpdf (rewritten, f);
    }
  g_unlink (in);
  g_unlink (out);
  g_rmdir (dir);
}

/* An incremental save by poppler (a viewer adding a note) keeps the map and our annotations. */
static void
test_after_incremental_save (Fixture *f, gconstpointer data)
{
  g_autoptr(TestPdf) doc = open_poppler (f->pdf);
  g_autoptr(TestPage) page = poppler_document_get_page (doc, 1);
  PopplerRectangle where = { 500, 700, 520, 720 };
  g_autoptr(TestAnnot) note = poppler_annot_text_new (doc, &where);
  g_autofree char *dir = g_dir_make_tmp ("review-pdf-XXXXXX", NULL);
  g_autofree char *out = g_build_filename (dir, "saved.pdf", NULL);
  g_autofree char *uri = g_filename_to_uri (out, NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) saved = NULL;
  gsize len;

  poppler_annot_set_contents (note, "A reviewer's note");
  poppler_page_add_annot (page, note);
  g_assert_true (poppler_document_save (doc, uri, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (out, &contents, &len, NULL));
  g_assert_true (len > g_bytes_get_size (f->pdf));
  g_assert_cmpint (memcmp (contents, g_bytes_get_data (f->pdf, NULL), g_bytes_get_size (f->pdf)), ==, 0);  /* appended */
  saved = g_bytes_new_take (g_steal_pointer (&contents), len);
  check_with_qpdf (saved, f);
  g_unlink (out);
  g_rmdir (dir);
}

/* A comment whose words were deleted is kept as a note that quotes them; a comment on the
 * label text is a highlight over those words. */
static void
test_detached_and_label (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("CANDOR_SOURCE_ROOT"), "data", "examples", "smart-camera.candor", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(CandorDocument) doc = candor_format_load_file (file, NULL, &error);
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(TestPdf) poppler = NULL;
  g_autoptr(TestPage) page = NULL;
  g_autofree char *label_id = NULL;
  g_autofree char *gone_id = NULL;
  CandorReview *review;
  CandorElement *a3;
  const char *web;
  const char *cut = " Lumen Home can move this date later, but not earlier.";
  GList *highlights, *notes;

  g_assert_no_error (error);
  review = candor_review_get_for_document (doc);
  candor_wording_refresh_generated (doc);
  label_id = candor_review_add_quote_comment (review, CANDOR_ELEMENT_A3, CANDOR_TEXT_LABEL, "31 December 2030", 1,
                                              "Dana Lawyer", "Too precise for a box?", NULL, &error);
  g_assert_no_error (error);
  gone_id = candor_review_add_quote_comment (review, CANDOR_ELEMENT_A3, CANDOR_TEXT_WEB, "but not earlier", 1,
                                             "Dana Lawyer", "Good promise.", NULL, &error);
  g_assert_no_error (error);
  a3 = candor_document_get_element (doc, CANDOR_ELEMENT_A3);
  web = candor_element_get_text (a3, CANDOR_TEXT_WEB);
  g_assert_true (g_str_has_suffix (web, cut));
  candor_element_replace_text (a3, CANDOR_TEXT_WEB, g_utf8_strlen (web, -1) - g_utf8_strlen (cut, -1),
                               g_utf8_strlen (cut, -1), "", TRUE);
  {
    g_autoptr(CandorComment) c = candor_review_get_comment (review, gone_id);
    g_assert_true (c->detached);
  }
  pdf = candor_review_pdf_export (doc, CANDOR_REVIEW_PAPER_LETTER, NULL, &error);
  g_assert_no_error (error);
  poppler = open_poppler (pdf);
  page = poppler_document_get_page (poppler, 3);
  highlights = find_annots (page, POPPLER_ANNOT_HIGHLIGHT);
  g_assert_cmpuint (g_list_length (highlights), ==, 1);
  {
    GArray *quads = poppler_annot_text_markup_get_quadrilaterals (highlights->data);
    g_autoptr(GString) under = g_string_new (NULL);
    double height;

    /* The words under the quadrilaterals, line by line, are the quote (it may wrap). */
    poppler_page_get_size (page, NULL, &height);
    for (guint i = 0; i < quads->len; i++)
      {
        PopplerQuadrilateral *q = &g_array_index (quads, PopplerQuadrilateral, i);
        PopplerRectangle r = { q->p1.x + 0.5, height - q->p1.y + 0.5, q->p4.x - 0.5, height - q->p4.y - 0.5 };
        g_autofree char *text = poppler_page_get_text_for_area (page, &r);

        if (under->len > 0)
          g_string_append_c (under, ' ');
        g_string_append (under, g_strstrip (text));
      }
    g_assert_cmpstr (under->str, ==, "31 December 2030");
    g_array_unref (quads);
  }
  notes = find_annots (page, POPPLER_ANNOT_TEXT);
  g_assert_cmpuint (g_list_length (notes), ==, 1);
  {
    g_autofree char *body = poppler_annot_get_contents (notes->data);
    g_assert_cmpstr (body, ==, "[On words since removed: “but not earlier”] Good promise.");
  }
  g_list_free_full (highlights, g_object_unref);
  g_list_free_full (notes, g_object_unref);
}

static void
test_paper (void)
{
  CandorReviewPaper paper;

  g_assert_true (candor_review_paper_from_key ("letter", &paper));
  g_assert_cmpint (paper, ==, CANDOR_REVIEW_PAPER_LETTER);
  g_assert_true (candor_review_paper_from_key ("A4", &paper));
  g_assert_cmpint (paper, ==, CANDOR_REVIEW_PAPER_A4);
  g_assert_false (candor_review_paper_from_key ("a3", &paper));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/review-pdf/paper", test_paper);
  g_test_add_func ("/review-pdf/detached-and-label", test_detached_and_label);
  g_test_add ("/review-pdf/round-trip", Fixture, NULL, fixture_set_up, test_round_trip, fixture_tear_down);
  g_test_add ("/review-pdf/qpdf-rewrite", Fixture, NULL, fixture_set_up, test_after_qpdf_rewrite, fixture_tear_down);
  g_test_add ("/review-pdf/incremental-save", Fixture, NULL, fixture_set_up, test_after_incremental_save, fixture_tear_down);
  return g_test_run ();
}
