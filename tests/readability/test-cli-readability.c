/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-cli-readability.c: "candor-cli readability" and "syllables" as scripts use them (DESIGN §8). */
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "candor-json-util.h"
#include "candor-readability.h"

static const char *cli_path;

/* Runs candor-cli with @args and @input on stdin; returns the exit status. */
static int
run (const char * const *args, const char *input, gssize input_len, char **out, char **err)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GBytes) in = NULL;
  g_autoptr(GBytes) stdout_bytes = NULL;
  g_autoptr(GBytes) stderr_bytes = NULL;
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (argv, (char *) cli_path);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  proc = g_subprocess_newv ((const char * const *) argv->pdata,
                            G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE
                            | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
  g_assert_no_error (error);
  in = g_bytes_new (input, input_len < 0 ? strlen (input) : (gsize) input_len);
  g_subprocess_communicate (proc, in, NULL, &stdout_bytes, &stderr_bytes, &error);
  g_assert_no_error (error);
  *out = g_strndup (g_bytes_get_data (stdout_bytes, NULL), g_bytes_get_size (stdout_bytes));
  *err = g_strndup (g_bytes_get_data (stderr_bytes, NULL), g_bytes_get_size (stderr_bytes));
  g_assert_true (g_subprocess_get_if_exited (proc));
  return g_subprocess_get_exit_status (proc);
}

/* A text of more than 1 MiB read from a regular file (the path that backs the heap with huge
 * pages and streams the JSON): the output is byte for byte what the json-glib tree of the
 * same analysis prints (candor_text_analysis_to_json(), the reference). */
static void
test_json_large_file (void)
{
  static const char *const sentences[] = {
    "In order to protect your home, the firmware is updated periodically over the air. ",
    "It is not unlikely that the OTA patch will be applied, e.g. on Mon. at 9 a.m. ",
    "He said \"the \\\"patch\\\" is done\" and\tthen it stopped. ",
    "Caf\xc3\xa9 \xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d \xf0\x9f\x94\x92 updates until Dec. 2029 \xe2\x80\x93 see https://example.com/x. ",
    "WARNING: THE DEVICE MAY STOP. Contact security@example.com for the EOL date.\n- Cost: free ($0.00)\n",
  };
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CandorTextAnalysis) analysis = NULL;
  g_autoptr(JsonNode) tree = json_node_new (JSON_NODE_OBJECT);
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE
                                                                       | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GSubprocess) proc = NULL;
  g_autofree char *expected = NULL, *out = NULL, *err = NULL;
  g_autofree char *dir = g_dir_make_tmp ("candor-cli-XXXXXX", &error);
  g_autofree char *path = NULL;

  g_assert_no_error (error);
  for (guint i = 0; text->len < 1100 * 1024; i++)
    {
      g_string_append (text, sentences[i % G_N_ELEMENTS (sentences)]);
      if (i % 7 == 0)
        g_string_append_printf (text, "Fix %u of version 2.%u ships in %u days. ", i, i % 10, i % 90);
    }
  path = g_build_filename (dir, "large.txt", NULL);
  g_assert_true (g_file_set_contents (path, text->str, text->len, &error));
  g_assert_no_error (error);

  analysis = candor_text_analysis_new (text->str, text->len, CANDOR_TEXT_WEB, CANDOR_ANALYSIS_NONE, &error);
  g_assert_no_error (error);
  json_node_take_object (tree, candor_text_analysis_to_json (analysis));
  expected = candor_json_to_pretty_string (tree);

  g_subprocess_launcher_set_stdin_file_path (launcher, path);
  proc = g_subprocess_launcher_spawn (launcher, &error, cli_path, "readability", "--json", NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (proc, NULL, NULL, &out, &err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (proc));
  g_assert_cmpint (g_subprocess_get_exit_status (proc), ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_assert_cmpuint (strlen (out), >, 1024 * 1024);
  g_assert_cmpstr (out, ==, expected);

  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
test_json_keys (void)
{
  const char *args[] = { "readability", "--json", NULL };
  const char *text = "We update the firmware periodically in order to fix flaws. Updates are free for five years after you buy the camera.";
  static const char *const keys[] = { "sentences", "words", "syllables", "complex_words", "characters",
                                      "flesch_reading_ease", "flesch_kincaid_grade", "gunning_fog", "smog",
                                      "coleman_liau", "ari", "dale_chall", "findings" };
  static const char *const finding_keys[] = { "rule", "start", "end", "message", "suggestion" };
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root;
  JsonArray *findings;
  gboolean saw_jargon = FALSE;

  g_assert_cmpint (run (args, text, -1, &out, &err), ==, 0);
  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  for (gsize k = 0; k < G_N_ELEMENTS (keys); k++)
    {
      if (!json_object_has_member (root, keys[k]))
        g_test_message ("missing key %s", keys[k]);
      g_assert_true (json_object_has_member (root, keys[k]));
    }
  g_assert_cmpint (json_object_get_int_member (root, "sentences"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (root, "words"), ==, 21);
  /* two sentences: SMOG is null ("too short"), Flesch–Kincaid is a number */
  g_assert_true (json_node_is_null (json_object_get_member (root, "smog")));
  g_assert_cmpint (json_node_get_value_type (json_object_get_member (root, "flesch_kincaid_grade")), ==, G_TYPE_DOUBLE);

  findings = json_object_get_array_member (root, "findings");
  g_assert_cmpuint (json_array_get_length (findings), >=, 3);
  for (guint i = 0; i < json_array_get_length (findings); i++)
    {
      JsonObject *f = json_array_get_object_element (findings, i);
      for (gsize k = 0; k < G_N_ELEMENTS (finding_keys); k++)
        g_assert_true (json_object_has_member (f, finding_keys[k]));
      if (g_strcmp0 (json_object_get_string_member (f, "rule"), "jargon") == 0)
        {
          /* "firmware" is characters 14–22 */
          g_assert_cmpint (json_object_get_int_member (f, "start"), ==, 14);
          g_assert_cmpint (json_object_get_int_member (f, "end"), ==, 22);
          saw_jargon = TRUE;
        }
    }
  g_assert_true (saw_jargon);
}

/* Character offsets, not bytes, in the JSON too. */
static void
test_json_character_offsets (void)
{
  const char *args[] = { "readability", "--json", NULL };
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *f;

  g_assert_cmpint (run (args, "Café “Über” uses firmware.", -1, &out, &err), ==, 0);
  g_assert_true (json_parser_load_from_data (parser, out, -1, NULL));
  f = json_array_get_object_element (json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "findings"), 0);
  g_assert_cmpstr (json_object_get_string_member (f, "rule"), ==, "jargon");
  g_assert_cmpint (json_object_get_int_member (f, "start"), ==, 17);
}

static void
test_plain_output (void)
{
  const char *args[] = { "readability", "--kind", "label", NULL };
  g_autofree char *out = NULL, *err = NULL;

  g_assert_cmpint (run (args, "Security updates will continue until 31 December 2029. The device updates itself automatically.", -1, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "Flesch–Kincaid grade"));
  g_assert_nonnull (strstr (out, "6.0"));
  g_assert_nonnull (strstr (out, "too short")); /* SMOG */
}

static void
test_invalid_utf8 (void)
{
  const char *args[] = { "readability", NULL };
  const char *syl[] = { "syllables", NULL };
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *out2 = NULL, *err2 = NULL;

  g_assert_cmpint (run (args, "Fine\xff text", 10, &out, &err), ==, 1);
  g_assert_nonnull (strstr (err, "UTF-8"));
  g_assert_nonnull (strstr (err, "offset 4"));
  g_assert_cmpint (run (syl, "ok\nbad\xc3\n", 8, &out2, &err2), ==, 1);
  g_assert_nonnull (strstr (err2, "offset 6"));
}

static void
test_usage (void)
{
  const char *bad_option[] = { "readability", "--bogus", NULL };
  const char *extra[] = { "readability", "file.txt", NULL };
  const char *bad_kind[] = { "readability", "--kind", "box", NULL };
  const char *syl_extra[] = { "syllables", "word", NULL };
  g_autofree char *o1 = NULL, *e1 = NULL, *o2 = NULL, *e2 = NULL, *o3 = NULL, *e3 = NULL, *o4 = NULL, *e4 = NULL;

  g_assert_cmpint (run (bad_option, "", 0, &o1, &e1), ==, 2);
  g_assert_cmpint (run (extra, "", 0, &o2, &e2), ==, 2);
  g_assert_nonnull (strstr (e2, "standard input"));
  g_assert_cmpint (run (bad_kind, "", 0, &o3, &e3), ==, 2);
  g_assert_cmpint (run (syl_extra, "", 0, &o4, &e4), ==, 2);
}

static void
test_syllables_output (void)
{
  const char *args[] = { "syllables", NULL };
  g_autofree char *out = NULL, *err = NULL;

  g_assert_cmpint (run (args, "table\n  wanted \n\nautomatically\r\nend-of-life\n2029", -1, &out, &err), ==, 0);
  g_assert_cmpstr (out, ==, "table\t2\nwanted\t2\nautomatically\t5\nend-of-life\t3\n2029\t1\n");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  if (argc < 2)
    {
      g_printerr ("usage: %s CANDOR_CLI\n", argv[0]);
      return 2;
    }
  cli_path = argv[1];
  g_test_add_func ("/candor/readability/cli/json-keys", test_json_keys);
  g_test_add_func ("/candor/readability/cli/json-large-file", test_json_large_file);
  g_test_add_func ("/candor/readability/cli/json-character-offsets", test_json_character_offsets);
  g_test_add_func ("/candor/readability/cli/plain", test_plain_output);
  g_test_add_func ("/candor/readability/cli/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/candor/readability/cli/usage", test_usage);
  g_test_add_func ("/candor/readability/cli/syllables", test_syllables_output);
  return g_test_run ();
}
