/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-review-format.c: review data in the draft: exact round trips, unknown keys kept,
 * bounds, the independent validator (ajv), and published outputs that never carry it. */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "candor-bundle-file.h"
#include "candor-bundle-render.h"
#include "candor-error.h"
#include "candor-format.h"
#include "candor-json-util.h"
#include "candor-review.h"

#define REVIEWER "Reviewer Quillfeather"
#define BODY "Comment body quillmarker"

static char *
source_path (const char *relative)
{
  return g_build_filename (g_getenv ("CANDOR_SOURCE_ROOT"), relative, NULL);
}

static CandorDocument *
load_example (void)
{
  g_autofree char *path = source_path ("data/examples/smart-camera.candor");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  CandorDocument *doc = candor_format_load_file (file, NULL, &error);

  g_assert_no_error (error);
  return doc;
}

static GDateTime *
at (int minute)
{
  return g_date_time_new_utc (2026, 12, 4, 2, minute, 0);
}

/* A draft with every kind of review data the model writes. */
static CandorDocument *
reviewed_example (void)
{
  CandorDocument *doc = load_example ();
  CandorReview *review = candor_review_get_for_document (doc);
  CandorElement *a3 = candor_document_get_element (doc, CANDOR_ELEMENT_A3);
  g_autoptr(GError) error = NULL;
  g_autofree char *on_text = NULL;
  g_autofree char *on_answer = NULL;
  g_autofree char *on_web = NULL;
  g_autofree char *gone = NULL;
  g_autofree char *request = NULL;
  g_autoptr(GDateTime) t1 = at (1), t2 = at (2), t3 = at (3), t4 = at (4), t5 = at (5);
  g_autoptr(JsonArray) override = NULL;

  on_text = candor_review_add_quote_comment (review, CANDOR_ELEMENT_A3, CANDOR_TEXT_LABEL, "31 December 2030", 1,
                                             REVIEWER, BODY, t1, &error);
  g_assert_no_error (error);
  g_assert_true (candor_review_reply (review, on_text, "Priya Shah", "Contract says so.", t2, &error));
  g_assert_true (candor_review_resolve (review, on_text, REVIEWER, t3, &error));
  g_assert_true (candor_review_reopen (review, on_text, REVIEWER, t4, &error));
  on_answer = candor_review_add_comment (review, CANDOR_ELEMENT_A3, "end_date", REVIEWER, "Is this the date in the contract?", t1, &error);
  on_web = candor_review_add_quote_comment (review, CANDOR_ELEMENT_A3, CANDOR_TEXT_WEB, "can move this date later", 1,
                                            REVIEWER, "“May” promises nothing.", t1, &error);
  gone = candor_review_add_quote_comment (review, CANDOR_ELEMENT_A3, CANDOR_TEXT_WEB, "but not earlier", 1,
                                          REVIEWER, "Say how owners hear of it.", t1, &error);
  g_assert_no_error (error);
  g_assert_nonnull (on_answer);
  /* an edit inside one span, and one that deletes another */
  {
    const char *web = candor_element_get_text (a3, CANDOR_TEXT_WEB);
    guint move = (guint) g_utf8_pointer_to_offset (web, strstr (web, "move"));
    guint but;

    candor_element_replace_text (a3, CANDOR_TEXT_WEB, move, 4, "push", TRUE);
    web = candor_element_get_text (a3, CANDOR_TEXT_WEB);
    but = (guint) g_utf8_pointer_to_offset (web, strstr (web, ", but not earlier"));
    candor_element_replace_text (a3, CANDOR_TEXT_WEB, but, 17, "", TRUE);
  }
  request = candor_review_request_changes (review, CANDOR_ELEMENT_B2, REVIEWER, "Say what stops working.", t2, &error);
  g_assert_no_error (error);
  g_assert_true (candor_review_mark_ready (review, CANDOR_ELEMENT_B2, "Priya Shah", t3, &error));
  g_assert_true (candor_review_approve (review, CANDOR_ELEMENT_A1, REVIEWER, t4, &error));
  g_assert_true (candor_review_approve (review, CANDOR_ELEMENT_A3, REVIEWER, t4, &error));
  g_assert_true (candor_review_approve (review, CANDOR_ELEMENT_B3, REVIEWER, t4, &error));
  g_assert_true (candor_review_revoke (review, CANDOR_ELEMENT_B3, REVIEWER, "Check the standard's year", t5, &error));
  /* A.1 lapses */
  candor_element_set_text (candor_document_get_element (doc, CANDOR_ELEMENT_A1), CANDOR_TEXT_LABEL,
                           "Yes. This camera gets free security updates.", TRUE);
  override = candor_review_record_export_override (review, REVIEWER, "Printer deadline", t5, &error);
  g_assert_no_error (error);
  return doc;
}

static GBytes *
save_to (CandorDocument *doc, const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  char *data = NULL;
  gsize length = 0;

  g_assert_true (candor_format_save_file (doc, file, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  return g_bytes_new_take (data, length);
}

static void
assert_ajv_valid (const char *path)
{
  const char *node = g_getenv ("CANDOR_NODE");
  g_autofree char *script = g_build_filename (g_getenv ("CANDOR_JS_DIR"), "validate-schema.mjs", NULL);
  g_autofree char *schema = source_path ("data/schema/candor-draft.schema.json");
  const char *argv[] = { node, script, schema, path, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_assert_true (node != NULL && *node != '\0');
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("ajv rejected %s:\n%s%s", path, out, err);
}

static void
test_round_trip (void)
{
  g_autoptr(CandorDocument) doc = reviewed_example ();
  g_autofree char *dir = g_dir_make_tmp ("candor-review-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "reviewed.candor", NULL);
  g_autoptr(GBytes) saved = save_to (doc, path);
  g_autoptr(GError) error = NULL;
  g_autoptr(CandorDocument) again = candor_format_load_bytes (saved, &error);
  g_autoptr(GBytes) resaved = NULL;
  CandorReview *a, *b;
  g_autoptr(GPtrArray) ca = NULL;
  g_autoptr(GPtrArray) cb = NULL;
  const char *text;

  g_assert_no_error (error);
  assert_ajv_valid (path);

  /* byte for byte, and nothing moved by attaching the review again */
  b = candor_review_get_for_document (again);
  resaved = candor_format_serialize (again);
  g_assert_cmpmem (g_bytes_get_data (saved, NULL), g_bytes_get_size (saved),
                   g_bytes_get_data (resaved, NULL), g_bytes_get_size (resaved));
  g_assert_false (candor_document_get_dirty (again));

  a = candor_review_get_for_document (doc);
  for (CandorElementId id = 0; id < CANDOR_N_ELEMENTS; id++)
    {
      g_autoptr(CandorElementReview) ra = candor_review_get_element_review (a, id);
      g_autoptr(CandorElementReview) rb = candor_review_get_element_review (b, id);

      g_assert_cmpint (ra->status, ==, rb->status);
      g_assert_cmpint (ra->lapsed, ==, rb->lapsed);
      g_assert_cmpstr (ra->approved_digest, ==, rb->approved_digest);
    }
  g_assert_true (candor_review_is_lapsed (b, CANDOR_ELEMENT_A1));
  g_assert_true (candor_review_is_approved (b, CANDOR_ELEMENT_A3));
  g_assert_cmpint (candor_review_get_status (b, CANDOR_ELEMENT_B2), ==, CANDOR_REVIEW_STATUS_READY);
  g_assert_cmpint (candor_review_get_status (b, CANDOR_ELEMENT_B3), ==, CANDOR_REVIEW_STATUS_READY);

  ca = candor_review_list_comments (a, -1);
  cb = candor_review_list_comments (b, -1);
  g_assert_cmpuint (ca->len, ==, 5);
  g_assert_cmpuint (cb->len, ==, ca->len);
  for (guint i = 0; i < ca->len; i++)
    {
      CandorComment *x = ca->pdata[i], *y = cb->pdata[i];

      g_assert_cmpstr (x->id, ==, y->id);
      g_assert_cmpint (x->target, ==, y->target);
      g_assert_cmpuint (x->start, ==, y->start);
      g_assert_cmpuint (x->end, ==, y->end);
      g_assert_cmpstr (x->quote, ==, y->quote);
      g_assert_cmpstr (x->original_quote, ==, y->original_quote);
      g_assert_cmpint (x->detached, ==, y->detached);
      g_assert_cmpuint (x->replies->len, ==, y->replies->len);
    }
  /* what the edits did, as saved */
  text = g_bytes_get_data (saved, NULL);
  g_assert_nonnull (strstr (text, "\"detached\": true"));
  g_assert_nonnull (strstr (text, "\"original_quote\": \"can move this date later\""));
  g_assert_nonnull (strstr (text, "\"quote\": \"can push this date later\""));
  g_assert_nonnull (strstr (text, "\"action\": \"export-override\""));
  g_assert_nonnull (strstr (text, "\"approved_content\""));

  g_unlink (path);
  g_rmdir (dir);
}

/* Keys this version does not know, anywhere in the review, survive load and save. */
static void
test_unknown_keys (void)
{
  g_autoptr(CandorDocument) doc = reviewed_example ();
  g_autoptr(GBytes) first = candor_format_serialize (doc);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CandorDocument) again = NULL;
  g_autoptr(GBytes) second = NULL;
  g_autofree char *text = NULL;
  g_autofree char *edited = NULL;
  JsonObject *review, *log0, *content;
  JsonNode *root;

  g_assert_true (json_parser_load_from_data (parser, g_bytes_get_data (first, NULL), g_bytes_get_size (first), NULL));
  root = json_parser_get_root (parser);
  review = json_object_get_object_member (json_node_get_object (root), "review");
  json_object_set_string_member (review, "x-tool", "kept 1");
  json_object_set_string_member (json_array_get_object_element (json_object_get_array_member (review, "comments"), 0),
                                 "x-colour", "kept 2");
  log0 = json_array_get_object_element (json_object_get_array_member (review, "log"), 0);
  json_object_set_string_member (log0, "x-signature", "kept 3");
  content = json_object_get_object_member (json_object_get_object_member (json_object_get_object_member (review, "elements"), "A3"),
                                           "approved_content");
  json_object_set_string_member (content, "x-extra", "kept 4");
  edited = candor_json_to_pretty_string (root);
  {
    g_autoptr(GBytes) bytes = g_bytes_new (edited, strlen (edited));
    again = candor_format_load_bytes (bytes, &error);
  }
  g_assert_no_error (error);
  candor_review_get_for_document (again);
  second = candor_format_serialize (again);
  text = g_strndup (g_bytes_get_data (second, NULL), g_bytes_get_size (second));
  for (guint i = 1; i <= 4; i++)
    {
      g_autofree char *kept = g_strdup_printf ("\"kept %u\"", i);
      g_assert_nonnull (strstr (text, kept));
    }
  /* the unknown key in approved content is not part of what was approved: A.3 stays approved */
  g_assert_true (candor_review_is_approved (candor_review_get_for_document (again), CANDOR_ELEMENT_A3));
}

/* Drafts that break the bounds are refused with the path of the problem. */
static void
test_bounds (void)
{
  g_autoptr(CandorDocument) doc = load_example ();
  g_autoptr(JsonObject) review = json_object_new ();
  JsonArray *comments = json_array_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CandorDocument) loaded = NULL;

  for (guint i = 0; i <= CANDOR_REVIEW_MAX_COMMENTS; i++)
    {
      JsonObject *c = json_object_new ();
      g_autofree char *id = g_strdup_printf ("c%u", i);

      json_object_set_string_member (c, "id", id);
      json_object_set_string_member (c, "element", "A1");
      json_object_set_string_member (c, "author", "a");
      json_object_set_string_member (c, "created", "2026-12-04T02:00:00Z");
      json_object_set_string_member (c, "body", "b");
      json_array_add_object_element (comments, c);
    }
  json_object_set_array_member (review, "comments", comments);
  candor_document_set_review (doc, review);
  bytes = candor_format_serialize (doc);
  loaded = candor_format_load_bytes (bytes, &error);
  g_assert_null (loaded);
  g_assert_error (error, CANDOR_ERROR, CANDOR_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "$.review.comments: too many items (2001; at most 2000)");

  /* and the model will not write one past the bound */
  {
    g_autoptr(CandorDocument) full = load_example ();
    CandorReview *r = candor_review_get_for_document (full);
    g_autoptr(GError) limit = NULL;

    json_array_remove_element (comments, 0);
    candor_document_set_review (full, review);
    g_assert_null (candor_review_add_comment (r, CANDOR_ELEMENT_A1, NULL, "a", "b", NULL, &limit));
    g_assert_error (limit, CANDOR_REVIEW_ERROR, CANDOR_REVIEW_ERROR_LIMIT);
  }
}

static gboolean
contains (GBytes *bytes, const char *needle)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  return g_strstr_len (data, (gssize) size, needle) != NULL;
}

/* Label, web page and disclosure.json never carry review data. */
static void
test_published_has_no_review (void)
{
  g_autoptr(CandorDocument) doc = reviewed_example ();
  const char *formats[] = { "svg", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) files = candor_bundle_render_files (doc, NULL, formats, NULL, &error);
  g_autoptr(GPtrArray) comments = candor_review_list_comments (candor_review_get_for_document (doc), -1);
  guint checked = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < files->len; i++)
    {
      CandorBundleFile *file = files->pdata[i];

      g_test_message ("%s", file->name);
      g_assert_false (contains (file->bytes, REVIEWER));
      g_assert_false (contains (file->bytes, "quillmarker"));
      g_assert_false (contains (file->bytes, "Contract says so"));
      g_assert_false (contains (file->bytes, "Printer deadline"));
      g_assert_false (contains (file->bytes, "approved"));
      g_assert_false (contains (file->bytes, "sha256:"));
      g_assert_false (contains (file->bytes, "\"review\""));
      for (guint j = 0; j < comments->len; j++)
        g_assert_false (contains (file->bytes, ((CandorComment *) comments->pdata[j])->id));
      checked++;
    }
  g_assert_cmpuint (checked, >=, 3);   /* disclosure.json, index.html, labels */
  g_assert_nonnull (candor_bundle_file_list_find (files, "disclosure.json"));
  g_assert_nonnull (candor_bundle_file_list_find (files, "index.html"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/candor/review/format/round-trip", test_round_trip);
  g_test_add_func ("/candor/review/format/unknown-keys", test_unknown_keys);
  g_test_add_func ("/candor/review/format/bounds", test_bounds);
  g_test_add_func ("/candor/review/format/published-has-no-review", test_published_has_no_review);
  return g_test_run ();
}
