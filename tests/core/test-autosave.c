/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-autosave.c: unsaved work is copied within seconds and survives a SIGKILL. */
#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include "candor-autosave.h"
#include "candor-format.h"

static char *
make_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("candor-autosave-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) d = g_dir_open (path, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static gboolean
quit_loop (gpointer loop)
{
  g_main_loop_quit (loop);
  return G_SOURCE_REMOVE;
}

static void
run_for (guint ms)
{
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);

  g_timeout_add (ms, quit_loop, loop);
  g_main_loop_run (loop);
}

static void
test_writes_after_pause_and_clears_on_save (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *drafts_path = g_build_filename (dir, "drafts", NULL);
  g_autofree char *saved_path = g_build_filename (dir, "camera.candor", NULL);
  g_autoptr(GFile) drafts = g_file_new_for_path (drafts_path);
  g_autoptr(GFile) saved = g_file_new_for_path (saved_path);
  g_autoptr(CandorDocument) doc = candor_document_new ();
  g_autoptr(CandorAutosave) autosave = candor_autosave_new (doc, drafts);
  g_autoptr(GFile) draft = candor_autosave_get_draft_file (autosave);
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CandorDocument) recovered = NULL;
  CandorRecoverable *r;

  candor_document_set_product_name (doc, "Plug One");
  run_for (CANDOR_AUTOSAVE_DELAY_MS / 2);
  /* Still typing: nothing written yet. */
  candor_document_set_manufacturer (doc, "Acme");
  g_assert_false (g_file_query_exists (draft, NULL));
  run_for (CANDOR_AUTOSAVE_DELAY_MS + 300);
  g_assert_true (g_file_query_exists (draft, NULL));

  found = candor_autosave_list_recoverable (drafts);
  g_assert_cmpuint (found->len, ==, 1);
  r = found->pdata[0];
  g_assert_cmpstr (r->title, ==, "Plug One");
  g_assert_null (r->original);
  recovered = candor_autosave_recover (r, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (candor_document_get_manufacturer (recovered), ==, "Acme");
  g_assert_true (candor_document_get_dirty (recovered));

  /* A real save removes the copy. */
  g_assert_true (candor_format_save_file (doc, saved, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_query_exists (draft, NULL));
  g_clear_pointer (&found, g_ptr_array_unref);
  found = candor_autosave_list_recoverable (drafts);
  g_assert_cmpuint (found->len, ==, 0);

  g_clear_object (&autosave);
  remove_tree (dir);
}

static void
test_discard (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autoptr(GFile) drafts = g_file_new_for_path (dir);
  g_autoptr(CandorDocument) doc = candor_document_new ();
  g_autoptr(CandorAutosave) autosave = candor_autosave_new (doc, drafts);
  g_autoptr(GFile) draft = candor_autosave_get_draft_file (autosave);
  g_autoptr(GError) error = NULL;

  candor_document_set_product_name (doc, "Thermo");
  g_assert_true (candor_autosave_flush (autosave, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_query_exists (draft, NULL));
  /* Flushing again into the existing folder works, with or without an error argument. */
  candor_document_set_product_name (doc, "Thermo 2");
  g_assert_true (candor_autosave_flush (autosave, NULL));
  candor_autosave_discard (autosave);
  g_assert_false (g_file_query_exists (draft, NULL));
  g_clear_object (&autosave);
  remove_tree (dir);
}

static guint
mode_of (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_mode & 07777;
}

/* Autosaved drafts are private whatever the umask: the folder 0700, each file 0600, and an
 * old folder made 0755 (and a copy made 0644) by an earlier version is tightened. */
static void
test_private_files (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *drafts_path = g_build_filename (dir, "drafts", NULL);
  g_autoptr(GFile) drafts = g_file_new_for_path (drafts_path);
  g_autoptr(CandorDocument) doc = candor_document_new ();
  g_autoptr(CandorAutosave) autosave = candor_autosave_new (doc, drafts);
  g_autoptr(GFile) draft = candor_autosave_get_draft_file (autosave);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) listing = NULL;
  const char *name;
  guint files = 0;
  mode_t old_umask = umask (022);

  g_assert_cmpint (g_mkdir (drafts_path, 0755), ==, 0);
  g_assert_cmpint (g_chmod (drafts_path, 0755), ==, 0);
  candor_document_set_product_name (doc, "Secret Plug");
  g_assert_true (candor_autosave_flush (autosave, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (mode_of (drafts_path), ==, 0700);
  g_assert_cmpint (g_chmod (g_file_peek_path (draft), 0644), ==, 0);
  candor_document_set_product_name (doc, "Secret Plug 2");
  g_assert_true (candor_autosave_flush (autosave, &error));
  g_assert_no_error (error);

  listing = g_dir_open (drafts_path, 0, NULL);
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *child = g_build_filename (drafts_path, name, NULL);
      g_test_message ("%s: %o", name, mode_of (child));
      g_assert_cmpuint (mode_of (child), ==, 0600);
      files++;
    }
  g_assert_cmpuint (files, >=, 2); /* the draft and its .info file */
  umask (old_umask);
  g_clear_object (&autosave);
  remove_tree (dir);
}

/* Killed between the two writes: a draft without its info file is still offered, by name. */
static void
test_draft_without_info (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autoptr(GFile) drafts = g_file_new_for_path (dir);
  g_autoptr(CandorDocument) doc = candor_document_new ();
  g_autoptr(CandorAutosave) autosave = candor_autosave_new (doc, drafts);
  g_autoptr(GFile) draft = candor_autosave_get_draft_file (autosave);
  g_autofree char *info_path = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GError) error = NULL;

  candor_document_set_product_name (doc, "Door Bell 3");
  g_assert_true (candor_autosave_flush (autosave, &error));
  g_assert_no_error (error);
  info_path = g_strdup (g_file_peek_path (draft));
  strcpy (info_path + strlen (info_path) - strlen (".candor"), ".info");
  g_assert_cmpint (g_unlink (info_path), ==, 0);

  found = candor_autosave_list_recoverable (drafts);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpstr (((CandorRecoverable *) found->pdata[0])->title, ==, "Door Bell 3");
  g_clear_object (&autosave);
  remove_tree (dir);
}

/* Child side of the crash test: open a saved draft, edit it, then wait to be killed. */
static int
crash_child (const char *drafts_path, const char *original_path)
{
  g_autoptr(GFile) drafts = g_file_new_for_path (drafts_path);
  g_autoptr(GFile) original = g_file_new_for_path (original_path);
  g_autoptr(GError) error = NULL;
  g_autoptr(CandorDocument) doc = candor_format_load_file (original, NULL, &error);
  g_autoptr(CandorAutosave) autosave = NULL;

  g_assert_no_error (error);
  autosave = candor_autosave_new (doc, drafts);
  candor_element_set_text (candor_document_get_element (doc, CANDOR_ELEMENT_A3), CANDOR_TEXT_LABEL,
                           "Security updates until at least 31 December 2031.", TRUE);
  g_print ("edited\n");
  run_for (60 * 1000);
  return 0;
}

static void
test_survives_sigkill (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *drafts_path = g_build_filename (dir, "drafts", NULL);
  g_autofree char *original_path = g_build_filename (dir, "camera.candor", NULL);
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  g_autoptr(GFile) drafts = g_file_new_for_path (drafts_path);
  g_autoptr(GFile) original = g_file_new_for_path (original_path);
  g_autoptr(CandorDocument) doc = candor_document_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(CandorDocument) recovered = NULL;
  g_autoptr(GSubprocess) child = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autofree char *line = NULL;
  gint64 edited_at, written_at = 0;
  CandorRecoverable *r;

  candor_document_set_product_name (doc, "Lumen Cam 2");
  g_assert_true (candor_format_save_file (doc, original, NULL, &error));
  g_assert_no_error (error);

  child = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error, self, "--crash-child",
                            drafts_path, original_path, NULL);
  g_assert_no_error (error);
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (child));
  line = g_data_input_stream_read_line (out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (line, ==, "edited");
  edited_at = g_get_monotonic_time ();

  /* Poll for the draft, then kill the child without warning. */
  while (g_get_monotonic_time () - edited_at < 10 * G_USEC_PER_SEC)
    {
      g_autoptr(GPtrArray) now = candor_autosave_list_recoverable (drafts);
      if (now->len > 0)
        {
          written_at = g_get_monotonic_time ();
          break;
        }
      g_usleep (50 * 1000);
    }
  g_subprocess_send_signal (child, SIGKILL);
  g_subprocess_wait (child, NULL, NULL);
  g_assert_true (g_subprocess_get_if_signaled (child));
  g_assert_cmpint (g_subprocess_get_term_sig (child), ==, SIGKILL);

  g_assert_cmpint (written_at, >, 0);
  g_test_message ("draft written %.2f s after the edit", (written_at - edited_at) / (double) G_USEC_PER_SEC);
  g_assert_cmpint (written_at - edited_at, <=, 3 * G_USEC_PER_SEC);

  found = candor_autosave_list_recoverable (drafts);
  g_assert_cmpuint (found->len, ==, 1);
  r = found->pdata[0];
  g_assert_true (g_file_equal (r->original, original));
  recovered = candor_autosave_recover (r, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (candor_element_get_text (candor_document_get_element (recovered, CANDOR_ELEMENT_A3),
                                            CANDOR_TEXT_LABEL),
                   ==, "Security updates until at least 31 December 2031.");
  g_assert_true (g_file_equal (candor_document_get_file (recovered), original));

  candor_autosave_delete_recoverable (r);
  g_clear_pointer (&found, g_ptr_array_unref);
  found = candor_autosave_list_recoverable (drafts);
  g_assert_cmpuint (found->len, ==, 0);
  remove_tree (dir);
}

int
main (int argc, char **argv)
{
  if (argc == 4 && g_str_equal (argv[1], "--crash-child"))
    return crash_child (argv[2], argv[3]);

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/candor/core/autosave/after-pause-and-save", test_writes_after_pause_and_clears_on_save);
  g_test_add_func ("/candor/core/autosave/discard", test_discard);
  g_test_add_func ("/candor/core/autosave/private-files", test_private_files);
  g_test_add_func ("/candor/core/autosave/draft-without-info", test_draft_without_info);
  g_test_add_func ("/candor/core/autosave/survives-sigkill", test_survives_sigkill);
  return g_test_run ();
}
