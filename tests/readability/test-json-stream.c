/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-json-stream.c: the streamed JSON (candor_text_analysis_write_json(), what
 * `candor-cli readability --json` prints) is valid JSON and says exactly what the json-glib tree
 * (candor_text_analysis_to_json()) says, byte for byte in the house layout. */
#include "config.h"

#include <json-glib/json-glib.h>
#include <stdio.h>

#include "candor-json-util.h"
#include "candor-readability.h"

static char *
streamed (CandorTextAnalysis *analysis)
{
  char *data = NULL;
  size_t size = 0;
  FILE *out = open_memstream (&data, &size);
  CandorJsonWriter writer;

  g_assert_nonnull (out);
  candor_json_writer_init (&writer, out);
  candor_text_analysis_write_json (analysis, &writer);
  g_assert_true (candor_json_writer_finish (&writer));
  g_assert_cmpint (fclose (out), ==, 0);
  return data;
}

static void
check_text (const char *text, CandorTextKind kind)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CandorTextAnalysis) analysis = candor_text_analysis_new (text, -1, kind, CANDOR_ANALYSIS_NONE, &error);
  g_autoptr(JsonNode) tree = json_node_new (JSON_NODE_OBJECT);
  g_autofree char *tree_text = NULL;
  g_autofree char *stream_text = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();

  g_assert_no_error (error);
  json_node_take_object (tree, candor_text_analysis_to_json (analysis));
  tree_text = candor_json_to_pretty_string (tree);
  stream_text = streamed (analysis);

  /* valid JSON, and the same content as the tree */
  g_assert_true (json_parser_load_from_data (parser, stream_text, -1, &error));
  g_assert_no_error (error);
  g_assert_true (json_node_equal (json_parser_get_root (parser), tree));
  /* and the same layout */
  g_assert_cmpstr (stream_text, ==, tree_text);
}

static void
test_texts (void)
{
  static const char *const texts[] = {
    /* findings of several rules, topic words, explanation */
    "In order to protect your home, the firmware is updated periodically over the air. "
    "We may fix flaws. It is not unlikely that the OTA patch will be applied.",
    /* quotes, backslashes, control characters (tab, form feed, bell, escape, DEL, CR) inside
     * a long sentence, so that its finding quotes them */
    "He said \"the \\\"patch\\\" is done\" and\tthen\f\a\x1b[2J\x7f\r it stopped for a while, "
    "so we called the help line at C:\\Help and waited for a long time to hear from them about it. "
    "In order to go, call \"support\".",
    /* odd Unicode: combining marks, RTL, emoji, bidi controls, a line separator, NBSP */
    "Caf\xc3\xa9 e\xcc\x81t\xc3\xa9 \xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d \xf0\x9f\x94\x92 "
    "\xe2\x80\xae\x66irmware\xe2\x80\xac ends\xe2\x80\xa8 in order to \xc2\xa0\xe2\x80\x9cquote\xe2\x80\x9d.",
    /* no findings at all */
    "The camera gets free fixes until 2029.",
    /* empty */
    "",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      check_text (texts[i], CANDOR_TEXT_WEB);
      check_text (texts[i], CANDOR_TEXT_LABEL);
    }
}

/* Outputs larger than the writer's buffer are written whole and in order. */
static void
test_large (void)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < 2000; i++)
    g_string_append_printf (text, "In order to fix flaw %u, the firmware is updated \"periodically\". ", i);
  check_text (text->str, CANDOR_TEXT_WEB);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/candor/readability/json-stream/texts", test_texts);
  g_test_add_func ("/candor/readability/json-stream/large", test_large);
  return g_test_run ();
}
