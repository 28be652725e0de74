/* SPDX-License-Identifier: GPL-3.0-or-later */
/* render-test-util.c: drafts and external tools shared by the render tests. */
#include <sys/wait.h>
#include <unistd.h>

#include "render-test-util.h"

CandorDocument *
render_test_load (const char *name)
{
  const char *root = g_getenv ("CANDOR_SOURCE_ROOT");
  g_autofree char *example = g_build_filename (root, "data", "examples", name, NULL);
  g_autofree char *local = g_build_filename (root, "tests", "render", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (g_file_test (example, G_FILE_TEST_EXISTS) ? example
                                                                                         : local);
  g_autoptr(GError) error = NULL;
  CandorDocument *document;

  g_assert_nonnull (root);
  document = candor_format_load_file (file, NULL, &error);
  g_assert_no_error (error);
  return document;
}

char *
render_test_write_temp (GBytes *bytes, const char *suffix)
{
  g_autofree char *template = g_strconcat ("candor-render-XXXXXX", suffix, NULL);
  g_autoptr(GError) error = NULL;
  char *path = NULL;
  int fd = g_file_open_tmp (template, &path, &error);

  g_assert_no_error (error);
  close (fd);
  g_file_set_contents (path, g_bytes_get_data (bytes, NULL), (gssize) g_bytes_get_size (bytes),
                       &error);
  g_assert_no_error (error);
  return path;
}

int
render_test_run (const char * const *argv, char **out)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  g_autofree char *unwanted = NULL;
  int status = 0;

  /* Always captured: a child's "ok …" on our stdout would confuse the TAP reader. */
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                out != NULL ? out : &unwanted, &err, &status, &error);
  g_assert_no_error (error);
  if (err != NULL && *err != '\0')
    g_test_message ("%s: %s", argv[0], err);
  return WIFEXITED (status) ? WEXITSTATUS (status) : 255;
}

gboolean
render_test_have (const char *program)
{
  g_autofree char *path = g_find_program_in_path (program);

  return path != NULL;
}
