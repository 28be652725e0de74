/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-published.c: disclosure.json: content, no review data, stable bytes, and its schema
 * checked by an independent validator (ajv). */
#include <glib/gstdio.h>
#include <string.h>

#include "candor-published.h"
#include "candor-wording.h"
#include "render-test-util.h"

static JsonObject *
parse (GBytes *bytes, JsonParser *parser)
{
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL),
                              (gssize) g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
  return json_node_get_object (json_parser_get_root (parser));
}

static void
test_content (void)
{
  g_autoptr(CandorDocument) document = render_test_load ("stress.candor");
  g_autoptr(GBytes) bytes = candor_published_serialize (document);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root = parse (bytes, parser);
  const char *text = g_bytes_get_data (bytes, NULL);
  JsonObject *elements, *a3;
  g_autoptr(GList) keys = json_object_get_members (root);
  const char *expected[] = { "format", "version", "generator", "language", "created", "modified",
                             "product", "elements" };
  guint i = 0;

  /* Keys in a fixed order. */
  for (GList *l = keys; l != NULL; l = l->next, i++)
    g_assert_cmpstr (l->data, ==, expected[i]);
  g_assert_cmpuint (i, ==, G_N_ELEMENTS (expected));
  g_assert_cmpstr (json_object_get_string_member (root, "format"), ==, "candor-published-disclosure");
  g_assert_cmpint (json_object_get_int_member (root, "version"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (root, "modified"), ==, "2026-11-20T16:40:00Z");

  /* The published form never carries the review or the authors. */
  g_assert_null (strstr (text, "SECRET-REVIEW-COMMENT"));
  g_assert_null (strstr (text, "Mallory"));
  g_assert_null (strstr (text, "approved"));
  g_assert_false (json_object_has_member (root, "review"));
  g_assert_false (json_object_has_member (root, "metadata"));

  elements = json_object_get_object_member (root, "elements");
  g_assert_cmpuint (json_object_get_size (elements), ==, CANDOR_N_ELEMENTS);
  a3 = json_object_get_object_member (elements, "A3");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (a3, "answers"), "end_date"), ==, "2030-12-31");
  {
    g_autofree char *answer = candor_wording_short_answer (document, CANDOR_ELEMENT_A3);

    g_assert_cmpstr (json_object_get_string_member (a3, "short_answer"), ==, answer);
  }
  g_assert_cmpstr (json_object_get_string_member (a3, "web_text"), ==,
                   candor_element_get_text (candor_document_get_element (document, CANDOR_ELEMENT_A3), CANDOR_TEXT_WEB));
  /* Texts are answers' siblings, not answers; the "edited" flags are draft bookkeeping. */
  g_assert_false (json_object_has_member (json_object_get_object_member (a3, "answers"), "web_text"));
  g_assert_null (strstr (text, "_edited"));
}

static void
test_unanswered (void)
{
  g_autoptr(CandorDocument) document = candor_document_new ();
  g_autoptr(GBytes) bytes = candor_published_serialize (document);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root = parse (bytes, parser);
  JsonObject *a1 = json_object_get_object_member (json_object_get_object_member (root, "elements"), "A1");

  g_assert_true (JSON_NODE_HOLDS_NULL (json_object_get_member (a1, "short_answer")));
  g_assert_cmpuint (json_object_get_size (json_object_get_object_member (a1, "answers")), ==, 0);
}

static void
test_reproducible (void)
{
  g_autoptr(CandorDocument) first = render_test_load ("smart-camera.candor");
  g_autoptr(CandorDocument) second = render_test_load ("smart-camera.candor");
  g_autoptr(GBytes) a = candor_published_serialize (first);
  g_autoptr(GBytes) b = candor_published_serialize (second);

  g_assert_true (g_bytes_equal (a, b));
  g_assert_cmpint (((const char *) g_bytes_get_data (a, NULL))[g_bytes_get_size (a) - 1], ==, '\n');
}

static int
validate (const char *path)
{
  const char *root = g_getenv ("CANDOR_SOURCE_ROOT");
  g_autofree char *script = g_build_filename (root, "tests", "js", "validate-schema.mjs", NULL);
  g_autofree char *schema = g_build_filename (root, "data", "schema",
                                              "candor-disclosure.schema.json", NULL);
  const char *argv[] = { g_getenv ("CANDOR_NODE"), script, schema, path, NULL };

  return render_test_run (argv, NULL);
}

static void
test_schema (void)
{
  const char *drafts[] = { "smart-camera.candor", "stress.candor", "rtl-arabic.candor",
                           "cjk-japanese.candor" };
  const char *node = g_getenv ("CANDOR_NODE");

  if (node == NULL || *node == '\0')
    {
      g_test_skip ("needs Node.js");
      return;
    }
  for (guint i = 0; i < G_N_ELEMENTS (drafts); i++)
    {
      g_autoptr(CandorDocument) document = render_test_load (drafts[i]);
      g_autoptr(GBytes) bytes = candor_published_serialize (document);
      g_autofree char *path = render_test_write_temp (bytes, ".json");

      g_assert_cmpint (validate (path), ==, 0);
      g_unlink (path);
    }
  {
    /* The schema has teeth: review data or a wrong format are refused. */
    g_autoptr(CandorDocument) document = candor_document_new ();
    g_autoptr(JsonNode) node_root = candor_published_build (document);
    g_autofree char *path = NULL;
    g_autoptr(GBytes) bytes = NULL;
    char *text;

    g_assert_cmpint (validate (path = render_test_write_temp (bytes = candor_published_serialize (document), ".json")), ==, 0);
    g_unlink (path);
    g_clear_pointer (&path, g_free);
    json_object_set_object_member (json_node_get_object (node_root), "review", json_object_new ());
    text = json_to_string (node_root, TRUE);
    g_clear_pointer (&bytes, g_bytes_unref);
    bytes = g_bytes_new_take (text, strlen (text));
    path = render_test_write_temp (bytes, ".json");
    g_assert_cmpint (validate (path), ==, 1);
    g_unlink (path);
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/candor/render/published/content", test_content);
  g_test_add_func ("/candor/render/published/unanswered", test_unanswered);
  g_test_add_func ("/candor/render/published/reproducible", test_reproducible);
  g_test_add_func ("/candor/render/published/schema", test_schema);
  return g_test_run ();
}
