/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-cli-readability.c: "candor-cli readability" and "syllables" as scripts use them (DESIGN §8). */
#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include <string.h>

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
  g_test_add_func ("/candor/readability/cli/json-character-offsets", test_json_character_offsets);
  g_test_add_func ("/candor/readability/cli/plain", test_plain_output);
  g_test_add_func ("/candor/readability/cli/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/candor/readability/cli/usage", test_usage);
  g_test_add_func ("/candor/readability/cli/syllables", test_syllables_output);
  return g_test_run ();
}
