/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-review.c: the review model: anchors through edits, regeneration, statuses, approvals
 * that lapse, the log, undo snapshots and the word difference. */
#include "config.h"

#include <string.h>

#include "candor-anchor.h"
#include "candor-approval.h"
#include "candor-json-util.h"
#include "candor-review.h"
#include "candor-word-diff.h"

#define WHO "Dana Reviewer"

static GDateTime *
at (int hour, int minute)
{
  return g_date_time_new_utc (2026, 12, 4, hour, minute, 0);
}

static CandorDocument *
new_document (const char *label, const char *web)
{
  CandorDocument *doc = candor_document_new ();
  CandorElement *a3 = candor_document_get_element (doc, CANDOR_ELEMENT_A3);

  candor_document_set_manufacturer (doc, "Acme");
  candor_document_set_product_name (doc, "Lumen Cam 2");
  candor_element_set_answer_string (a3, "end_kind", "date");
  candor_element_set_answer_string (a3, "end_date", "2030-06");
  candor_element_set_text (a3, CANDOR_TEXT_LABEL, label, TRUE);
  candor_element_set_text (a3, CANDOR_TEXT_WEB, web, TRUE);
  return doc;
}

static CandorElement *
a3_of (CandorDocument *doc)
{
  return candor_document_get_element (doc, CANDOR_ELEMENT_A3);
}

/* The anchor arithmetic, case by case. */
static void
test_anchor_cases (void)
{
  static const struct
  {
    guint s, e, offset, removed, inserted;
    CandorAnchorResult result;
    guint s2, e2;
  } cases[] = {
    { 10, 15, 0, 0, 3, CANDOR_ANCHOR_KEPT, 13, 18 },     /* typing before shifts */
    { 10, 15, 10, 0, 3, CANDOR_ANCHOR_KEPT, 13, 18 },    /* typing at its start shifts */
    { 10, 15, 12, 0, 3, CANDOR_ANCHOR_KEPT, 10, 18 },    /* typing inside grows */
    { 10, 15, 15, 0, 3, CANDOR_ANCHOR_KEPT, 10, 15 },    /* typing at its end: outside */
    { 10, 15, 20, 0, 3, CANDOR_ANCHOR_KEPT, 10, 15 },    /* after: unchanged */
    { 10, 15, 2, 4, 0, CANDOR_ANCHOR_KEPT, 6, 11 },      /* deleting before shifts back */
    { 10, 15, 6, 4, 0, CANDOR_ANCHOR_KEPT, 6, 11 },      /* deleting up to its start */
    { 10, 15, 11, 2, 0, CANDOR_ANCHOR_KEPT, 10, 13 },    /* deleting inside shrinks */
    { 10, 15, 8, 4, 0, CANDOR_ANCHOR_KEPT, 8, 11 },      /* deleting over its start trims */
    { 10, 15, 13, 5, 0, CANDOR_ANCHOR_KEPT, 10, 13 },    /* deleting over its end trims */
    { 10, 15, 10, 5, 0, CANDOR_ANCHOR_DELETED, 10, 10 }, /* deleting exactly it detaches */
    { 10, 15, 5, 20, 0, CANDOR_ANCHOR_DELETED, 5, 5 },   /* deleting around it detaches */
    { 10, 15, 5, 20, 7, CANDOR_ANCHOR_DELETED, 5, 5 },   /* replacing over it detaches */
    { 10, 15, 10, 3, 4, CANDOR_ANCHOR_KEPT, 10, 16 },    /* replacing its first word */
    { 10, 15, 11, 2, 6, CANDOR_ANCHOR_KEPT, 10, 19 },    /* replacing inside */
    { 10, 15, 12, 6, 2, CANDOR_ANCHOR_KEPT, 10, 14 },    /* replacing over its end */
    { 10, 15, 8, 4, 1, CANDOR_ANCHOR_KEPT, 9, 12 },      /* replacing over its start */
    { 10, 15, 15, 3, 1, CANDOR_ANCHOR_KEPT, 10, 15 },    /* replacing right after */
    { 10, 15, 1, 9, 2, CANDOR_ANCHOR_KEPT, 3, 8 },       /* replacing right before */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      guint s = cases[i].s, e = cases[i].e;
      CandorAnchorResult r = candor_anchor_apply_edit (&s, &e, cases[i].offset, cases[i].removed, cases[i].inserted);

      g_test_message ("case %u", i);
      g_assert_cmpint (r, ==, cases[i].result);
      g_assert_cmpuint (s, ==, cases[i].s2);
      g_assert_cmpuint (e, ==, cases[i].e2);
    }
}

static void
test_anchor_find (void)
{
  guint found = 0;
  const char *text = "updates … updates … updates";

  g_assert_true (candor_anchor_find_nearest (text, "updates", 0, 0, G_MAXUINT, &found));
  g_assert_cmpuint (found, ==, 0);
  g_assert_true (candor_anchor_find_nearest (text, "updates", 12, 0, G_MAXUINT, &found));
  g_assert_cmpuint (found, ==, 10);
  g_assert_true (candor_anchor_find_nearest (text, "updates", 100, 0, G_MAXUINT, &found));
  g_assert_cmpuint (found, ==, 20);
  g_assert_false (candor_anchor_find_nearest (text, "patch", 0, 0, G_MAXUINT, &found));
  g_assert_cmpuint (candor_anchor_count (text, "updates"), ==, 3);
  g_assert_true (candor_anchor_find_occurrence (text, "updates", 2, &found));
  g_assert_cmpuint (found, ==, 10);
  g_assert_false (candor_anchor_find_occurrence (text, "updates", 4, &found));
  /* within a window only */
  g_assert_false (candor_anchor_find_nearest (text, "updates", 0, 1, 16, &found));
  g_assert_true (candor_anchor_find_nearest (text, "updates", 0, 1, 17, &found));
  g_assert_cmpuint (found, ==, 10);
}

static CandorComment *
comment_of (CandorReview *review, const char *id)
{
  CandorComment *comment = candor_review_get_comment (review, id);
  g_assert_nonnull (comment);
  return comment;
}

typedef struct
{
  guint n_edits, n_changed;
  guint kind, offset, removed, inserted;
  gboolean generated;
  gboolean edit_before_change;
} EditLog;

static void
on_text_edited (CandorDocument *doc, guint element, guint kind, guint offset, guint removed, guint inserted,
                gboolean generated, EditLog *log)
{
  g_assert_cmpuint (element, ==, CANDOR_ELEMENT_A3);
  log->n_edits++;
  log->kind = kind;
  log->offset = offset;
  log->removed = removed;
  log->inserted = inserted;
  log->generated = generated;
  log->edit_before_change = log->n_edits > log->n_changed;
}

static void
on_changed (CandorDocument *doc, const char *section, const char *key, EditLog *log)
{
  if (g_strcmp0 (section, "A3") == 0)
    log->n_changed++;
}

/* The core reports every text change as one edit, in characters, before "changed". */
static void
test_text_edited_signal (void)
{
  g_autoptr(CandorDocument) doc = new_document ("Updates until June 2030.", "");
  CandorElement *a3 = a3_of (doc);
  EditLog log = { 0, };

  g_signal_connect (doc, "text-edited::A3", G_CALLBACK (on_text_edited), &log);
  g_signal_connect (doc, "changed", G_CALLBACK (on_changed), &log);

  candor_element_set_text (a3, CANDOR_TEXT_LABEL, "Updates until 30 June 2030.", TRUE);
  g_assert_cmpuint (log.n_edits, ==, 1);
  g_assert_true (log.edit_before_change);
  g_assert_cmpuint (log.n_changed, ==, 1);
  g_assert_cmpuint (log.kind, ==, CANDOR_TEXT_LABEL);
  g_assert_cmpuint (log.offset, ==, 14);
  g_assert_cmpuint (log.removed, ==, 0);
  g_assert_cmpuint (log.inserted, ==, 3);
  g_assert_false (log.generated);

  /* characters, not bytes: "é" and "日本" */
  candor_element_set_text (a3, CANDOR_TEXT_WEB, "é日本x", TRUE);
  candor_element_set_text (a3, CANDOR_TEXT_WEB, "é日x", FALSE);
  g_assert_cmpuint (log.kind, ==, CANDOR_TEXT_WEB);
  g_assert_cmpuint (log.offset, ==, 2);
  g_assert_cmpuint (log.removed, ==, 1);
  g_assert_cmpuint (log.inserted, ==, 0);
  g_assert_true (log.generated);

  /* the exact edit is reported as given, even where the texts alone are ambiguous */
  candor_element_set_text (a3, CANDOR_TEXT_WEB, "aa", TRUE);
  candor_element_replace_text (a3, CANDOR_TEXT_WEB, 0, 0, "a", TRUE);
  g_assert_cmpstr (candor_element_get_text (a3, CANDOR_TEXT_WEB), ==, "aaa");
  g_assert_cmpuint (log.offset, ==, 0);
  g_assert_cmpuint (log.inserted, ==, 1);
  candor_element_replace_text (a3, CANDOR_TEXT_WEB, 1, 100, "b", TRUE);   /* clamped */
  g_assert_cmpstr (candor_element_get_text (a3, CANDOR_TEXT_WEB), ==, "ab");
  g_assert_cmpuint (log.removed, ==, 2);

  /* no edit when only the typed/generated flag changes */
  {
    guint before = log.n_edits;
    candor_element_set_text (a3, CANDOR_TEXT_WEB, "ab", FALSE);
    g_assert_cmpuint (log.n_edits, ==, before);
  }
}

/* Through the document: typing, deleting and replacing around a comment. */
static void
test_follow_edits (void)
{
  g_autoptr(CandorDocument) doc = new_document ("Security updates until June 2030.", "");
  CandorReview *review = candor_review_get_for_document (doc);
  g_autoptr(GError) error = NULL;
  g_autofree char *id = candor_review_add_quote_comment (review, CANDOR_ELEMENT_A3, CANDOR_TEXT_LABEL, "until June 2030",
                                                         1, WHO, "Say “at least”.", NULL, &error);
  CandorElement *a3 = a3_of (doc);
  CandorComment *c;

  g_assert_no_error (error);
  c = comment_of (review, id);
  g_assert_cmpuint (c->start, ==, 17);
  g_assert_cmpuint (c->end, ==, 32);
  candor_comment_free (c);

  /* typing before */
  candor_element_set_text (a3, CANDOR_TEXT_LABEL, "Free security updates until June 2030.", TRUE);
  c = comment_of (review, id);
  g_assert_cmpuint (c->start, ==, 22);
  g_assert_cmpstr (c->quote, ==, "until June 2030");
  g_assert_null (c->original_quote);
  candor_comment_free (c);

  /* typing inside */
  candor_element_replace_text (a3, CANDOR_TEXT_LABEL, 28, 0, "30 ", TRUE);
  c = comment_of (review, id);
  g_assert_cmpstr (c->quote, ==, "until 30 June 2030");
  g_assert_cmpstr (c->original_quote, ==, "until June 2030");
  candor_comment_free (c);

  /* after: nothing */
  candor_element_set_text (a3, CANDOR_TEXT_LABEL, "Free security updates until 30 June 2030 at least.", TRUE);
  c = comment_of (review, id);
  g_assert_cmpstr (c->quote, ==, "until 30 June 2030");
  g_assert_false (c->detached);
  candor_comment_free (c);

  /* deleting all of it detaches, with its quote */
  candor_element_set_text (a3, CANDOR_TEXT_LABEL, "Free security updates at least.", TRUE);
  c = comment_of (review, id);
  g_assert_true (c->detached);
  g_assert_cmpstr (c->quote, ==, "until 30 June 2030");
  g_assert_cmpuint (c->start, ==, 22);
  candor_comment_free (c);
  {
    g_autoptr(GPtrArray) all = candor_review_list_comments (review, -1);
    g_assert_cmpuint (all->len, ==, 1);
  }

  /* an undo puts the text back: the comment comes back with it */
  candor_element_set_text (a3, CANDOR_TEXT_LABEL, "Free security updates until 30 June 2030 at least.", TRUE);
  c = comment_of (review, id);
  g_assert_false (c->detached);
  g_assert_cmpuint (c->start, ==, 22);
  g_assert_cmpuint (c->end, ==, 40);
  candor_comment_free (c);

  /* other fields and elements do not move it */
  candor_element_set_text (a3, CANDOR_TEXT_WEB, "Something else entirely.", TRUE);
  candor_element_set_text (candor_document_get_element (doc, CANDOR_ELEMENT_A1), CANDOR_TEXT_LABEL, "x", TRUE);
  c = comment_of (review, id);
  g_assert_cmpuint (c->start, ==, 22);
  candor_comment_free (c);
}

/* An undo that puts deleted words back re-attaches their comment, even when the editor sets
 * the whole text and the edit has to be guessed (here a few characters off). */
static void
test_undo_reattaches (void)
{
  g_autoptr(CandorDocument) doc = new_document ("x ab ab y", "");
  CandorReview *review = candor_review_get_for_document (doc);
  g_autofree char *id = candor_review_add_quote_comment (review, CANDOR_ELEMENT_A3, CANDOR_TEXT_LABEL, "ab", 2,
                                                         WHO, "which one?", NULL, NULL);
  CandorComment *c;

  candor_element_replace_text (a3_of (doc), CANDOR_TEXT_LABEL, 4, 3, NULL, TRUE);   /* " ab" */
  c = comment_of (review, id);
  g_assert_true (c->detached);
  g_assert_cmpuint (c->start, ==, 4);
  candor_comment_free (c);
  candor_element_set_text (a3_of (doc), CANDOR_TEXT_LABEL, "x ab ab y", TRUE);      /* seen as "ab " at 5 */
  c = comment_of (review, id);
  g_assert_false (c->detached);
  g_assert_cmpuint (c->start, ==, 5);
  g_assert_cmpuint (c->end, ==, 7);
  candor_comment_free (c);
}

/* Thousands of random edits: the quote under every live anchor is the text at its span. */
static void
test_random_edits (void)
{
  static const char *pieces[] = { "a", "update", " ", "é", "日本", "until", "June", ".", "updates until", "\n", "👍" };
  g_autoptr(CandorDocument) doc = new_document ("", "");
  CandorReview *review = candor_review_get_for_document (doc);
  CandorElement *a3 = a3_of (doc);
  GRand *rand = g_rand_new_with_seed (11);
  g_autoptr(GString) start = g_string_new (NULL);
  guint detached_seen = 0, live_checked = 0;

  for (guint i = 0; i < 60; i++)
    g_string_append (start, pieces[i % G_N_ELEMENTS (pieces)]);
  candor_element_set_text (a3, CANDOR_TEXT_WEB, start->str, TRUE);

  for (guint round = 0; round < 5000; round++)
    {
      const char *text = candor_element_get_text (a3, CANDOR_TEXT_WEB);
      guint length = (guint) g_utf8_strlen (text, -1);
      g_autoptr(GPtrArray) comments = NULL;

      /* keep a few comments live */
      if (round % 50 == 0 && length > 2)
        {
          guint s = g_rand_int_range (rand, 0, length - 1);
          guint e = s + 1 + g_rand_int_range (rand, 0, MIN (length - s - 1, 12) + 1);
          g_autofree char *id = candor_review_add_text_comment (review, CANDOR_ELEMENT_A3, CANDOR_TEXT_WEB, s, MIN (e, length),
                                                                WHO, "random", NULL, NULL);
          g_assert_nonnull (id);
        }

      {
        guint offset = length > 0 ? g_rand_int_range (rand, 0, length + 1) : 0;
        guint removed = offset < length ? g_rand_int_range (rand, 0, MIN (length - offset, 8) + 1) : 0;
        const char *insert = g_rand_boolean (rand) ? pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))] : "";

        if (length < 20)
          insert = "more text to work with ";
        if (g_rand_int_range (rand, 0, 4) == 0)
          {
            /* the whole text, as an editor that only knows the result would set it */
            g_autofree char *head = candor_anchor_substring (text, 0, offset);
            g_autofree char *tail = candor_anchor_substring (text, offset + removed, length);
            g_autofree char *next = g_strconcat (head, insert, tail, NULL);
            /* now and then as regenerated wording, which re-finds anchors by their quotes */
            candor_element_set_text (a3, CANDOR_TEXT_WEB, next, g_rand_int_range (rand, 0, 5) != 0);
          }
        else
          candor_element_replace_text (a3, CANDOR_TEXT_WEB, offset, removed, insert, TRUE);
      }

      text = candor_element_get_text (a3, CANDOR_TEXT_WEB);
      comments = candor_review_list_comments (review, CANDOR_ELEMENT_A3);
      for (guint i = 0; i < comments->len; i++)
        {
          CandorComment *c = comments->pdata[i];

          g_assert_nonnull (c->quote);
          if (c->detached)
            {
              detached_seen++;
              g_assert_cmpuint (c->start, <=, g_utf8_strlen (text, -1));
              continue;
            }
          {
            g_autofree char *under = candor_anchor_substring (text, c->start, c->end);
            g_assert_cmpuint (c->start, <, c->end);
            g_assert_cmpstr (under, ==, c->quote);
            live_checked++;
          }
        }
    }
  g_rand_free (rand);
  g_test_message ("%u live anchors checked, %u detached seen", live_checked, detached_seen);
  g_assert_cmpuint (live_checked, >, 10000);
  g_assert_cmpuint (detached_seen, >, 0);
}

/* Regenerated wording: each anchor found again by its quote, nearest to where it was. */
static void
test_regeneration (void)
{
  g_autoptr(CandorDocument) doc = new_document ("", "Acme sends updates. Updates are free. Acme sends updates until 2030.");
  CandorReview *review = candor_review_get_for_document (doc);
  CandorElement *a3 = a3_of (doc);
  g_autofree char *second = candor_review_add_quote_comment (review, CANDOR_ELEMENT_A3, CANDOR_TEXT_WEB, "sends updates", 2,
                                                             WHO, "second one", NULL, NULL);
  g_autofree char *free_ = candor_review_add_quote_comment (review, CANDOR_ELEMENT_A3, CANDOR_TEXT_WEB, "are free", 1,
                                                            WHO, "really?", NULL, NULL);
  CandorComment *c;

  g_assert_nonnull (second);
  g_assert_nonnull (free_);
  c = comment_of (review, second);
  g_assert_cmpuint (c->start, ==, 43);
  candor_comment_free (c);

  /* new wording: "sends updates" twice again, but moved; "are free" gone */
  candor_element_set_text (a3, CANDOR_TEXT_WEB,
                           "From today Acme sends updates. They cost nothing. Acme sends updates until 2031.", FALSE);
  c = comment_of (review, second);
  g_assert_false (c->detached);
  g_assert_cmpuint (c->start, ==, 55);   /* the second occurrence, nearest to where it was */
  g_assert_cmpstr (c->quote, ==, "sends updates");
  candor_comment_free (c);
  c = comment_of (review, free_);
  g_assert_true (c->detached);
  g_assert_cmpstr (c->quote, ==, "are free");
  candor_comment_free (c);

  /* wording that has the phrase again re-attaches it */
  candor_element_set_text (a3, CANDOR_TEXT_WEB, "Updates are free.", FALSE);
  c = comment_of (review, free_);
  g_assert_false (c->detached);
  g_assert_cmpuint (c->start, ==, 8);
  candor_comment_free (c);
}

/* A review attached after edits made without it (or a hand-edited file) re-finds anchors. */
static void
test_resync_on_attach (void)
{
  g_autoptr(CandorDocument) doc = new_document ("Updates until June 2030.", "");
  g_autoptr(JsonObject) review_json = json_object_new ();
  JsonArray *comments = json_array_new ();
  JsonObject *c = json_object_new ();
  CandorReview *review;
  g_autoptr(CandorComment) comment = NULL;

  json_object_set_string_member (c, "id", "x1");
  json_object_set_string_member (c, "element", "A3");
  json_object_set_string_member (c, "field", "label_text");
  json_object_set_int_member (c, "start", 0);
  json_object_set_int_member (c, "end", 4);
  json_object_set_string_member (c, "quote", "June");
  json_object_set_string_member (c, "author", WHO);
  json_object_set_string_member (c, "created", "2026-12-04T01:00:00Z");
  json_object_set_string_member (c, "body", "b");
  json_array_add_object_element (comments, c);
  json_object_set_array_member (review_json, "comments", comments);
  candor_document_set_review (doc, review_json);

  review = candor_review_get_for_document (doc);
  comment = comment_of (review, "x1");
  g_assert_cmpuint (comment->start, ==, 14);
  g_assert_cmpuint (comment->end, ==, 18);

  /* the whole element replaced (as a reload does): found again */
  {
    g_autoptr(JsonObject) element = candor_json_object_deep_copy (candor_element_get_json (a3_of (doc)));
    g_autoptr(CandorComment) moved = NULL;

    json_object_set_string_member (element, "label_text", "From June 2030 on, no updates.");
    candor_element_load_json (a3_of (doc), element);
    moved = comment_of (review, "x1");
    g_assert_false (moved->detached);
    g_assert_cmpuint (moved->start, ==, 5);
  }
}

static void
assert_lapses (CandorDocument *doc, CandorReview *review, void (*change) (CandorDocument *), const char *what)
{
  g_autoptr(GError) error = NULL;

  g_test_message ("change: %s", what);
  g_assert_true (candor_review_approve (review, CANDOR_ELEMENT_A3, WHO, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (candor_review_is_approved (review, CANDOR_ELEMENT_A3));
  change (doc);
  g_assert_true (candor_review_is_lapsed (review, CANDOR_ELEMENT_A3));
  g_assert_false (candor_review_is_approved (review, CANDOR_ELEMENT_A3));
  g_assert_cmpint (candor_review_get_status (review, CANDOR_ELEMENT_A3), ==, CANDOR_REVIEW_STATUS_APPROVED);
}

static void change_label (CandorDocument *d) { candor_element_replace_text (a3_of (d), CANDOR_TEXT_LABEL, 0, 0, "x", TRUE); }
static void change_web (CandorDocument *d) { candor_element_replace_text (a3_of (d), CANDOR_TEXT_WEB, 0, 1, "", TRUE); }
static void change_answer (CandorDocument *d) { candor_element_set_answer_string (a3_of (d), "end_date", "2031-01"); }
static void add_answer (CandorDocument *d) { candor_element_set_answer_boolean (a3_of (d), "at_least", TRUE); }
static void remove_answer (CandorDocument *d) { candor_element_unset_answer (a3_of (d), "at_least"); }
static void change_name (CandorDocument *d) { candor_document_set_product_name (d, "Lumen Cam 3"); }
static void change_maker (CandorDocument *d) { candor_document_set_manufacturer (d, "Acme Ltd"); }
static void change_models (CandorDocument *d) { const char *m[] = { "LC-2", NULL }; candor_document_set_models (d, m); }
static void change_url (CandorDocument *d) { candor_document_set_url (d, "https://acme.example/lc3"); }
static void change_category (CandorDocument *d) { candor_document_set_category (d, "camera"); }
static void change_language (CandorDocument *d) { candor_document_set_language (d, "de"); }

static void
test_lapse (void)
{
  g_autoptr(CandorDocument) doc = new_document ("Updates until June 2030.", "We send security updates until June 2030.");
  CandorReview *review = candor_review_get_for_document (doc);

  assert_lapses (doc, review, change_label, "label text");
  assert_lapses (doc, review, change_web, "web text");
  assert_lapses (doc, review, change_answer, "answer changed");
  assert_lapses (doc, review, add_answer, "answer added");
  assert_lapses (doc, review, remove_answer, "answer removed");
  assert_lapses (doc, review, change_name, "product name");
  assert_lapses (doc, review, change_maker, "manufacturer");
  assert_lapses (doc, review, change_models, "models");
  assert_lapses (doc, review, change_url, "url");
  assert_lapses (doc, review, change_category, "category");
  assert_lapses (doc, review, change_language, "language");
}

/* What does not reach the buyer does not lapse an approval. */
static void
test_no_lapse (void)
{
  g_autoptr(CandorDocument) doc = new_document ("Updates until June 2030.", "We send security updates until June 2030.");
  CandorReview *review = candor_review_get_for_document (doc);
  CandorElement *a3 = a3_of (doc);
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  g_assert_true (candor_review_approve (review, CANDOR_ELEMENT_A3, WHO, at (2, 0), &error));
  id = candor_review_add_quote_comment (review, CANDOR_ELEMENT_A3, CANDOR_TEXT_LABEL, "June", 1, "Sam", "ok", NULL, &error);
  g_assert_nonnull (id);
  g_assert_true (candor_review_reply (review, id, WHO, "agreed", NULL, &error));
  g_assert_true (candor_review_resolve (review, id, WHO, NULL, &error));
  {
    g_autofree char *on_answer = candor_review_add_comment (review, CANDOR_ELEMENT_A3, "end_date", "Sam", "date ok?", NULL, &error);
    g_assert_nonnull (on_answer);
  }
  /* the same text marked as generated rather than typed */
  candor_element_set_text (a3, CANDOR_TEXT_LABEL, "Updates until June 2030.", FALSE);
  /* other elements */
  candor_element_set_text (candor_document_get_element (doc, CANDOR_ELEMENT_B1), CANDOR_TEXT_LABEL, "B1 text", TRUE);
  g_assert_true (candor_review_approve (review, CANDOR_ELEMENT_A1, WHO, NULL, &error));
  /* an edit undone */
  candor_element_replace_text (a3, CANDOR_TEXT_WEB, 0, 0, "Yes. ", TRUE);
  g_assert_true (candor_review_is_lapsed (review, CANDOR_ELEMENT_A3));
  candor_element_replace_text (a3, CANDOR_TEXT_WEB, 0, 5, "", TRUE);
  g_assert_no_error (error);
  g_assert_false (candor_review_is_lapsed (review, CANDOR_ELEMENT_A3));
  g_assert_true (candor_review_is_approved (review, CANDOR_ELEMENT_A3));
}

static void
test_status_flow (void)
{
  g_autoptr(CandorDocument) doc = new_document ("Updates until June 2030.", "We send updates until June 2030.");
  CandorReview *review = candor_review_get_for_document (doc);
  g_autoptr(GError) error = NULL;
  g_autofree char *request = NULL;
  g_autoptr(CandorElementReview) state = NULL;
  g_autoptr(CandorComment) comment = NULL;
  JsonArray *log;
  JsonObject *entry;

  g_assert_cmpint (candor_review_get_status (review, CANDOR_ELEMENT_A3), ==, CANDOR_REVIEW_STATUS_DRAFT);
  g_assert_false (candor_document_get_dirty (doc) && FALSE);
  candor_document_set_dirty (doc, FALSE);

  request = candor_review_request_changes (review, CANDOR_ELEMENT_A3, WHO, "Name the month in words.", at (2, 1), &error);
  g_assert_no_error (error);
  g_assert_nonnull (request);
  g_assert_true (candor_document_get_dirty (doc));
  g_assert_cmpint (candor_review_get_status (review, CANDOR_ELEMENT_A3), ==, CANDOR_REVIEW_STATUS_NEEDS_WORK);
  comment = comment_of (review, request);
  g_assert_cmpint (comment->target, ==, CANDOR_COMMENT_ON_ELEMENT);
  g_assert_cmpstr (comment->body, ==, "Name the month in words.");

  g_assert_true (candor_review_mark_ready (review, CANDOR_ELEMENT_A3, "Pat Author", at (2, 2), &error));
  g_assert_true (candor_review_approve (review, CANDOR_ELEMENT_A3, WHO, at (2, 3), &error));
  g_assert_no_error (error);
  state = candor_review_get_element_review (review, CANDOR_ELEMENT_A3);
  g_assert_cmpint (state->status, ==, CANDOR_REVIEW_STATUS_APPROVED);
  g_assert_false (state->lapsed);
  g_assert_cmpstr (state->approved_by, ==, WHO);
  g_assert_cmpstr (state->approved_at, ==, "2026-12-04T02:03:00Z");
  {
    g_autofree char *digest = candor_approval_digest (doc, CANDOR_ELEMENT_A3);
    g_assert_cmpstr (state->approved_digest, ==, digest);
    g_assert_true (g_str_has_prefix (digest, "sha256:"));
    g_assert_cmpuint (strlen (digest), ==, 7 + 64);
  }
  /* approving again changes nothing */
  g_assert_true (candor_review_approve (review, CANDOR_ELEMENT_A3, "Someone Else", at (2, 4), &error));
  g_clear_pointer (&state, candor_element_review_free);
  state = candor_review_get_element_review (review, CANDOR_ELEMENT_A3);
  g_assert_cmpstr (state->approved_by, ==, WHO);

  /* mark ready on an approved element is refused; revoke goes back to ready */
  g_assert_false (candor_review_mark_ready (review, CANDOR_ELEMENT_A3, "Pat Author", NULL, &error));
  g_assert_error (error, CANDOR_REVIEW_ERROR, CANDOR_REVIEW_ERROR_STATE);
  g_clear_error (&error);
  g_assert_true (candor_review_revoke (review, CANDOR_ELEMENT_A3, WHO, "wrong product", at (2, 5), &error));
  g_assert_cmpint (candor_review_get_status (review, CANDOR_ELEMENT_A3), ==, CANDOR_REVIEW_STATUS_READY);
  g_assert_false (candor_review_revoke (review, CANDOR_ELEMENT_A3, WHO, NULL, NULL, &error));
  g_assert_error (error, CANDOR_REVIEW_ERROR, CANDOR_REVIEW_ERROR_STATE);
  g_clear_error (&error);

  /* empty names are refused */
  g_assert_false (candor_review_approve (review, CANDOR_ELEMENT_A3, "  ", NULL, &error));
  g_assert_error (error, CANDOR_REVIEW_ERROR, CANDOR_REVIEW_ERROR_INVALID);
  g_clear_error (&error);

  log = candor_review_get_log (review);
  g_assert_cmpuint (json_array_get_length (log), ==, 4);
  entry = json_array_get_object_element (log, 0);
  g_assert_cmpstr (json_object_get_string_member (entry, "action"), ==, "request-changes");
  g_assert_cmpstr (json_object_get_string_member (entry, "from"), ==, "draft");
  g_assert_cmpstr (json_object_get_string_member (entry, "to"), ==, "needs-work");
  g_assert_cmpstr (json_object_get_string_member (entry, "comment"), ==, request);
  entry = json_array_get_object_element (log, 2);
  g_assert_cmpstr (json_object_get_string_member (entry, "action"), ==, "approve");
  g_assert_cmpstr (json_object_get_string_member (entry, "by"), ==, WHO);
  g_assert_cmpstr (json_object_get_string_member (entry, "at"), ==, "2026-12-04T02:03:00Z");
  entry = json_array_get_object_element (log, 3);
  g_assert_cmpstr (json_object_get_string_member (entry, "action"), ==, "revoke");
  g_assert_cmpstr (json_object_get_string_member (entry, "reason"), ==, "wrong product");

  /* the lapsed approval shows as "lapsed" in the log when it is replaced */
  g_assert_true (candor_review_approve (review, CANDOR_ELEMENT_A3, WHO, NULL, &error));
  candor_element_replace_text (a3_of (doc), CANDOR_TEXT_LABEL, 0, 0, "Free ", TRUE);
  g_assert_true (candor_review_approve (review, CANDOR_ELEMENT_A3, WHO, NULL, &error));
  entry = json_array_get_object_element (log, json_array_get_length (log) - 1);
  g_assert_cmpstr (json_object_get_string_member (entry, "from"), ==, "lapsed");
}

static void
test_comments (void)
{
  g_autoptr(CandorDocument) doc = new_document ("Updates until June 2030. Updates are free.", "");
  CandorReview *review = candor_review_get_for_document (doc);
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *second = NULL;
  g_autoptr(CandorComment) c = NULL;
  CandorReply *reply;

  g_assert_null (candor_review_add_quote_comment (review, CANDOR_ELEMENT_A3, CANDOR_TEXT_LABEL, "patch", 1, WHO, "x", NULL, &error));
  g_assert_error (error, CANDOR_REVIEW_ERROR, CANDOR_REVIEW_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "label_text"));
  g_clear_error (&error);
  g_assert_null (candor_review_add_quote_comment (review, CANDOR_ELEMENT_A3, CANDOR_TEXT_LABEL, "Updates", 3, WHO, "x", NULL, &error));
  g_assert_error (error, CANDOR_REVIEW_ERROR, CANDOR_REVIEW_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "2 times"));
  g_clear_error (&error);
  g_assert_null (candor_review_add_text_comment (review, CANDOR_ELEMENT_A3, CANDOR_TEXT_LABEL, 5, 500, WHO, "x", NULL, &error));
  g_assert_error (error, CANDOR_REVIEW_ERROR, CANDOR_REVIEW_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (candor_review_add_comment (review, CANDOR_ELEMENT_A3, NULL, WHO, "", NULL, &error));
  g_assert_error (error, CANDOR_REVIEW_ERROR, CANDOR_REVIEW_ERROR_INVALID);
  g_clear_error (&error);

  second = candor_review_add_quote_comment (review, CANDOR_ELEMENT_A3, CANDOR_TEXT_LABEL, "Updates", 2, WHO, "x", at (2, 0), &error);
  g_assert_no_error (error);
  c = comment_of (review, second);
  g_assert_cmpuint (c->start, ==, 25);
  g_assert_cmpstr (c->created, ==, "2026-12-04T02:00:00Z");
  g_clear_pointer (&c, candor_comment_free);

  id = candor_review_add_comment (review, CANDOR_ELEMENT_A3, "end_date", WHO, "Is 2030 right?", NULL, &error);
  g_assert_no_error (error);
  g_assert_true (candor_review_reply (review, id, "Pat Author", "Yes, per the contract.", at (2, 10), &error));
  g_assert_true (candor_review_resolve (review, id, WHO, at (2, 11), &error));
  c = comment_of (review, id);
  g_assert_cmpint (c->target, ==, CANDOR_COMMENT_ON_ANSWER);
  g_assert_cmpstr (c->answer, ==, "end_date");
  g_assert_true (c->resolved);
  g_assert_cmpstr (c->resolved_by, ==, WHO);
  g_assert_cmpstr (c->resolved_at, ==, "2026-12-04T02:11:00Z");
  g_assert_cmpuint (c->replies->len, ==, 1);
  reply = c->replies->pdata[0];
  g_assert_cmpstr (reply->author, ==, "Pat Author");
  g_assert_cmpstr (reply->body, ==, "Yes, per the contract.");
  g_clear_pointer (&c, candor_comment_free);
  g_assert_cmpuint (candor_review_count_open (review, CANDOR_ELEMENT_A3), ==, 1);
  g_assert_true (candor_review_reopen (review, id, "Sam", at (2, 12), &error));
  c = comment_of (review, id);
  g_assert_false (c->resolved);
  g_assert_cmpstr (c->reopened_by, ==, "Sam");
  g_assert_cmpuint (candor_review_count_open (review, -1), ==, 2);
  g_assert_cmpuint (candor_review_count_open (review, CANDOR_ELEMENT_B1), ==, 0);
  g_assert_false (candor_review_reply (review, "nope", WHO, "x", NULL, &error));
  g_assert_error (error, CANDOR_REVIEW_ERROR, CANDOR_REVIEW_ERROR_NOT_FOUND);
}

/* Snapshots for undo: comments and statuses come back, the log never shrinks. */
static void
test_snapshot_restore (void)
{
  g_autoptr(CandorDocument) doc = new_document ("Updates until June 2030.", "We send updates.");
  CandorReview *review = candor_review_get_for_document (doc);
  g_autoptr(CandorReviewSnapshot) before = candor_review_snapshot (review);
  g_autoptr(CandorReviewSnapshot) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  guint log_length;

  g_assert_true (candor_review_approve (review, CANDOR_ELEMENT_A3, WHO, NULL, &error));
  id = candor_review_add_comment (review, CANDOR_ELEMENT_A3, NULL, WHO, "fine", NULL, &error);
  after = candor_review_snapshot (review);
  log_length = json_array_get_length (candor_review_get_log (review));

  candor_review_restore (review, before, WHO, NULL);   /* undo */
  g_assert_cmpint (candor_review_get_status (review, CANDOR_ELEMENT_A3), ==, CANDOR_REVIEW_STATUS_DRAFT);
  g_assert_null (candor_review_get_comment (review, id));
  g_assert_cmpuint (json_array_get_length (candor_review_get_log (review)), ==, log_length + 1);

  candor_review_restore (review, after, WHO, NULL);    /* redo */
  g_assert_true (candor_review_is_approved (review, CANDOR_ELEMENT_A3));
  {
    g_autoptr(CandorComment) back = candor_review_get_comment (review, id);
    g_assert_nonnull (back);
  }
  g_assert_cmpuint (json_array_get_length (candor_review_get_log (review)), ==, log_length + 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (candor_review_get_log (review), log_length + 1),
                                                  "action"), ==, "restore");
}

static void
test_changes_since_approval (void)
{
  g_autoptr(CandorDocument) doc = new_document ("Updates until June 2030.", "We send security updates until June 2030.");
  CandorReview *review = candor_review_get_for_document (doc);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) runs = NULL;
  g_autofree char *shown = NULL;
  g_auto(GStrv) keys = NULL;

  g_assert_null (candor_review_changes_since_approval (review, CANDOR_ELEMENT_A3, CANDOR_TEXT_WEB));
  g_assert_true (candor_review_approve (review, CANDOR_ELEMENT_A3, WHO, NULL, &error));
  candor_element_set_text (a3_of (doc), CANDOR_TEXT_WEB, "We send free security updates until at least June 2031.", TRUE);
  candor_element_set_answer_string (a3_of (doc), "end_date", "2031-06");
  runs = candor_review_changes_since_approval (review, CANDOR_ELEMENT_A3, CANDOR_TEXT_WEB);
  shown = candor_word_diff_to_string (runs);
  g_assert_cmpstr (shown, ==, "We send {+free +}security updates until {+at least +}June [-2030-]{+2031+}.");
  keys = candor_review_changed_keys_since_approval (review, CANDOR_ELEMENT_A3);
  g_assert_cmpuint (g_strv_length (keys), ==, 1);
  g_assert_cmpstr (keys[0], ==, "answers.end_date");
}

static void
test_diff (void)
{
  static const struct { const char *a, *b, *shown; } cases[] = {
    { "", "", "" },
    { "same words", "same words", "same words" },
    { "", "new text", "{+new text+}" },
    { "old text", "", "[-old text-]" },
    { "the cat sat", "the dog sat", "the [-cat-]{+dog+} sat" },
    { "a b c d", "a c d e", "a [-b -]c d{+ e+}" },
    { "We don't update.", "We do update.", "We [-don't-]{+do+} update." },
    { "Ünïcode wörds", "Ünïcode wörter", "Ünïcode [-wörds-]{+wörter+}" },
    /* words line up before spaces do, and spaces between changes join them */
    { "The Lumen Cam 2 gets security updates.", "Yes. This camera gets free security updates.",
      "[-The Lumen Cam 2-]{+Yes. This camera+} gets {+free +}security updates." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) runs = candor_word_diff (cases[i].a, cases[i].b);
      g_autofree char *shown = candor_word_diff_to_string (runs);
      g_autoptr(GString) old_text = g_string_new (NULL);
      g_autoptr(GString) new_text = g_string_new (NULL);

      g_assert_cmpstr (shown, ==, cases[i].shown);
      for (guint j = 0; j < runs->len; j++)
        {
          CandorDiffRun *run = runs->pdata[j];
          if (run->op != CANDOR_DIFF_INSERT)
            g_string_append (old_text, run->text);
          if (run->op != CANDOR_DIFF_DELETE)
            g_string_append (new_text, run->text);
          if (j > 0)
            g_assert_true (run->op != ((CandorDiffRun *) runs->pdata[j - 1])->op);
        }
      g_assert_cmpstr (old_text->str, ==, cases[i].a);
      g_assert_cmpstr (new_text->str, ==, cases[i].b);
    }
}

/* The canonical form is fixed: a digest taken today must be the digest tomorrow. */
static void
test_canonical (void)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *text = NULL;

  g_assert_true (json_parser_load_from_data (parser, "{\"b\": [1, true, null, \"q\\\"\\\\\\n\"], \"a\": {\"z\": 1, \"y\": \"é\"}}", -1, NULL));
  text = candor_approval_canonical (json_parser_get_root (parser));
  g_assert_cmpstr (text, ==, "{\"a\":{\"y\":\"é\",\"z\":1},\"b\":[1,true,null,\"q\\\"\\\\\\u000a\"]}");
}

static void
test_override_record (void)
{
  g_autoptr(CandorDocument) doc = new_document ("Updates until June 2030.", "We send updates.");
  CandorReview *review = candor_review_get_for_document (doc);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonArray) list = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  JsonObject *entry;

  for (CandorElementId id = 0; id < CANDOR_N_ELEMENTS; id++)
    if (id != CANDOR_ELEMENT_B2)
      g_assert_true (candor_review_approve (review, id, WHO, NULL, &error));
  candor_element_replace_text (a3_of (doc), CANDOR_TEXT_LABEL, 0, 0, "Free ", TRUE);
  lines = candor_review_list_unapproved (review);
  g_assert_cmpuint (lines->len, ==, 2);
  g_assert_nonnull (strstr (lines->pdata[0], "A.3"));
  g_assert_nonnull (strstr (lines->pdata[0], "lapsed"));
  g_assert_nonnull (strstr (lines->pdata[1], "B.2"));

  g_assert_null (candor_review_record_export_override (review, WHO, "  ", NULL, &error));
  g_assert_error (error, CANDOR_REVIEW_ERROR, CANDOR_REVIEW_ERROR_INVALID);
  g_clear_error (&error);
  list = candor_review_record_export_override (review, WHO, "Printer deadline", at (3, 0), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (json_array_get_length (list), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (list, 0), "status"), ==, "lapsed");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (list, 1), "element"), ==, "B2");
  entry = json_array_get_object_element (candor_review_get_log (review), json_array_get_length (candor_review_get_log (review)) - 1);
  g_assert_cmpstr (json_object_get_string_member (entry, "action"), ==, "export-override");
  g_assert_cmpstr (json_object_get_string_member (entry, "reason"), ==, "Printer deadline");
  g_assert_cmpstr (json_object_get_string_member (entry, "at"), ==, "2026-12-04T03:00:00Z");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/candor/review/anchor/cases", test_anchor_cases);
  g_test_add_func ("/candor/review/anchor/find", test_anchor_find);
  g_test_add_func ("/candor/review/anchor/text-edited-signal", test_text_edited_signal);
  g_test_add_func ("/candor/review/anchor/follow-edits", test_follow_edits);
  g_test_add_func ("/candor/review/anchor/random-edits", test_random_edits);
  g_test_add_func ("/candor/review/anchor/undo-reattaches", test_undo_reattaches);
  g_test_add_func ("/candor/review/anchor/regeneration", test_regeneration);
  g_test_add_func ("/candor/review/anchor/resync", test_resync_on_attach);
  g_test_add_func ("/candor/review/comments", test_comments);
  g_test_add_func ("/candor/review/status/flow", test_status_flow);
  g_test_add_func ("/candor/review/status/lapse", test_lapse);
  g_test_add_func ("/candor/review/status/no-lapse", test_no_lapse);
  g_test_add_func ("/candor/review/status/changes-since-approval", test_changes_since_approval);
  g_test_add_func ("/candor/review/status/override", test_override_record);
  g_test_add_func ("/candor/review/undo/snapshot", test_snapshot_restore);
  g_test_add_func ("/candor/review/diff", test_diff);
  g_test_add_func ("/candor/review/digest/canonical", test_canonical);
  return g_test_run ();
}
