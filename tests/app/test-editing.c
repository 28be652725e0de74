/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-editing.c: work is not lost while editing (issue 15): text length limits shared with the
 * loader, recovery that survives repeated crashes, wheel scrolling that changes no value, and
 * very long pasted texts. */

#include "config.h"

#include <signal.h>
#include <stdio.h>
#include <string.h>

#include <glib/gstdio.h>

#include "candor-analysis-cache.h"
#include "candor-application.h"
#include "candor-autosave.h"
#include "candor-editor.h"
#include "candor-element-page.h"
#include "candor-error.h"
#include "candor-format.h"
#include "candor-recovery.h"
#include "candor-text-field.h"
#include "candor-window.h"

#include "app-test-util.h"
#include "candor-alert.h"

static CandorApplication *app;
static char *tmp_root;

/* ---- helpers ------------------------------------------------------------------------ */

static CandorWindow *
find_window_with_document (void)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    if (CANDOR_IS_WINDOW (l->data) && candor_window_get_document (l->data) != NULL)
      return l->data;
  return NULL;
}

static gboolean
has_document_window (gpointer data)
{
  return find_window_with_document () != NULL;
}

static void
close_all_windows (void)
{
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (app)));

  for (GList *l = windows; l != NULL; l = l->next)
    {
      if (CANDOR_IS_WINDOW (l->data) && candor_window_get_document (l->data) != NULL)
        candor_document_set_dirty (candor_window_get_document (l->data), FALSE);
      gtk_window_destroy (l->data);
    }
}

static CandorWindow *
open_example (void)
{
  CandorWindow *window;

  g_application_activate (G_APPLICATION (app));
  window = CANDOR_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_assert_nonnull (window);
  g_assert_true (wait_until (is_mapped, window, 10000));
  g_action_group_activate_action (G_ACTION_GROUP (app), "open-example", NULL);
  g_assert_true (wait_until (has_document_window, NULL, 20000));
  return window;
}

static CandorTextField *
show_text_field (CandorWindow *window, const char *step, CandorTextKind kind)
{
  CandorEditor *editor = candor_window_get_editor (window);
  GtkWidget *page;

  candor_editor_set_visible_page (editor, step);
  page = candor_editor_get_page (editor, step);
  g_assert_true (CANDOR_IS_ELEMENT_PAGE (page));
  settle (GTK_WIDGET (window));
  return candor_element_page_get_text_field (CANDOR_ELEMENT_PAGE (page), kind);
}

static gboolean
is_visible (gpointer widget)
{
  return gtk_widget_get_visible (widget);
}

static gboolean
is_clean (gpointer document)
{
  return !candor_document_get_dirty (document);
}

static void
save_to (CandorWindow *window, GFile *file)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  candor_window_save_to_file_async (window, file, NULL, store_result, &result);
  wait_for_result (&result);
  g_assert_true (candor_window_save_to_file_finish (window, result, &error));
  g_assert_no_error (error);
}

/* Scrolls @widget's page to its end (the web text is the last field), to show the counter. */
static void
scroll_to_bottom_of (GtkWidget *widget)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *window = GTK_WIDGET (gtk_widget_get_native (widget));
  GtkAdjustment *adj;

  g_assert_nonnull (scrolled);
  adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  for (guint i = 0; i < 3; i++)
    {
      settle (window);
      gtk_adjustment_set_value (adj, gtk_adjustment_get_upper (adj) - gtk_adjustment_get_page_size (adj));
    }
}

static char *
repeat_text (const char *unit, gsize total_bytes)
{
  GString *text = g_string_sized_new (total_bytes + strlen (unit));

  while (text->len < total_bytes)
    g_string_append (text, unit);
  return g_string_free (text, FALSE);
}

static guint
count_drafts (void)
{
  g_autoptr(GFile) dir = candor_application_dup_drafts_dir ();
  g_autoptr(GPtrArray) drafts = candor_autosave_list_recoverable (dir);

  return drafts->len;
}

static gboolean
has_draft (gpointer data)
{
  return count_drafts () > 0;
}

static void
wait_forever (const char *line)
{
  g_print ("%s\n", line);
  fflush (stdout);
  for (;;)
    g_main_context_iteration (NULL, TRUE);
}

/* Child processes for the crash tests: each does its part, says so, and waits to be killed. */
static int
run_child (const char *mode)
{
  if (g_str_equal (mode, "--child-edit"))
    {
      CandorWindow *window;

      g_action_group_activate_action (G_ACTION_GROUP (app), "new", NULL);
      if (!wait_until (has_document_window, NULL, 10000))
        return 3;
      window = find_window_with_document ();
      gtk_editable_set_text (GTK_EDITABLE (find_entry_row (GTK_WIDGET (window), "Product name")),
                             "Twice Killed Camera");
      wait_forever ("edited");
    }
  if (g_str_equal (mode, "--child-recover"))
    {
      CandorWindow *window;

      if (candor_recovery_offer (app, NULL) != 1)
        return 4;
      window = CANDOR_WINDOW (gtk_application_get_windows (GTK_APPLICATION (app))->data);
      if (!wait_until (dialog_shown, window, 10000))
        return 5;
      answer_alert (find_dialog_for (GTK_WINDOW (window)), "recover");
      if (candor_window_get_document (window) == NULL
          || !candor_document_get_dirty (candor_window_get_document (window)))
        return 6;
      wait_forever ("recovered");
    }
  return 2;
}

static GSubprocess *
spawn_child (const char *mode, const char *expect)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_autoptr(GDataInputStream) out = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL;
  GSubprocess *child;

  child = g_subprocess_launcher_spawn (launcher, &error,
                                       g_test_get_filename (G_TEST_BUILT, "app", "test-editing", NULL),
                                       mode, NULL);
  g_assert_no_error (error);
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (child));
  line = g_data_input_stream_read_line (out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (line, ==, expect);
  return child;
}

static void
kill_child (GSubprocess *child)
{
  g_autoptr(GError) error = NULL;

  g_subprocess_send_signal (child, SIGKILL);
  g_subprocess_wait (child, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_signaled (child));
  g_assert_cmpint (g_subprocess_get_term_sig (child), ==, SIGKILL);
}

/* GTK has no public way to make a scroll event, so this delivers one as GTK does
 * (gtk_widget_run_controllers in gtkmain.c): the scroll controllers of every widget from the
 * root down to @target in the capture phase, then from @target up in the target and bubble
 * phases, stopping at the first that handles it. The controllers themselves are the real ones. */
static gboolean
run_scroll_controllers (GtkWidget *widget, GtkPropagationPhase phase, double dy)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);
      gboolean handled = FALSE;

      if (!GTK_IS_EVENT_CONTROLLER_SCROLL (controller)
          || gtk_event_controller_get_propagation_phase (controller) != phase
          || !(gtk_event_controller_scroll_get_flags (GTK_EVENT_CONTROLLER_SCROLL (controller))
               & GTK_EVENT_CONTROLLER_SCROLL_VERTICAL))
        continue;
      g_signal_emit_by_name (controller, "scroll", 0.0, dy, &handled);
      if (handled)
        return TRUE;
    }
  return FALSE;
}

static void
deliver_scroll (GtkWidget *target, double dy)
{
  g_autoptr(GPtrArray) path = g_ptr_array_new ();

  for (GtkWidget *w = target; w != NULL; w = gtk_widget_get_parent (w))
    g_ptr_array_insert (path, 0, w);
  for (guint i = 0; i < path->len; i++)
    if (run_scroll_controllers (path->pdata[i], GTK_PHASE_CAPTURE, dy))
      return;
  if (run_scroll_controllers (target, GTK_PHASE_TARGET, dy))
    return;
  for (guint i = path->len; i-- > 0;)
    if (run_scroll_controllers (path->pdata[i], GTK_PHASE_BUBBLE, dy))
      return;
}

static gboolean
has_scroll_guard (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_SCROLL (controller)
          && gtk_event_controller_get_propagation_phase (controller) == GTK_PHASE_CAPTURE
          && g_strcmp0 (gtk_event_controller_get_name (controller), "candor-scroll-guard") == 0)
        return TRUE;
    }
  return FALSE;
}

/* Every spin button and drop-down under @root; counts them in *n. */
static void
assert_wheel_guarded (GtkWidget *root, guint *n)
{
  if (GTK_IS_SPIN_BUTTON (root) || GTK_IS_DROP_DOWN (root))
    {
      if (!has_scroll_guard (root))
        g_error ("a %s (%s) takes the mouse wheel without focus", G_OBJECT_TYPE_NAME (root),
                 gtk_widget_get_name (root));
      (*n)++;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    assert_wheel_guarded (child, n);
}

static GtkSpinButton *
find_year_spin (GtkWidget *root)
{
  if (GTK_IS_SPIN_BUTTON (root) && gtk_spin_button_get_value (GTK_SPIN_BUTTON (root)) >= 2000
      && gtk_widget_get_mapped (root))
    return GTK_SPIN_BUTTON (root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkSpinButton *found = find_year_spin (child);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* ---- tests -------------------------------------------------------------------------- */

static gboolean
field_analysed (gpointer data)
{
  return candor_text_field_is_analysed (data);
}

/* No analysis of any text of the document still runs in a worker thread. */
static gboolean
analyses_done (gpointer data)
{
  CandorAnalysisCache *cache = candor_analysis_cache_get_for_document (data);

  for (guint id = 0; id < CANDOR_N_ELEMENTS; id++)
    if (candor_analysis_cache_is_pending (cache, id, CANDOR_TEXT_LABEL) ||
        candor_analysis_cache_is_pending (cache, id, CANDOR_TEXT_WEB))
      return FALSE;
  return TRUE;
}

/* ISSUE-15: typing past 20,000 characters and Ctrl+S said "Saved"; reopening said "too long". */
static void
test_text_limit_agrees_with_loader (void)
{
  g_autoptr(GFile) target = g_file_new_build_filename (tmp_root, "limit.candor", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CandorDocument) reloaded = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *near = NULL;
  g_autofree char *huge = NULL;
  g_autofree char *counter_text = NULL;
  CandorWindow *window = open_example ();
  CandorDocument *document = candor_window_get_document (window);
  CandorElement *a1 = candor_document_get_element (document, CANDOR_ELEMENT_A1);
  CandorTextField *field;
  GtkTextBuffer *buffer;
  GtkWidget *counter, *message;
  GtkTextIter end;
  gint64 limit = candor_format_get_text_max_length (CANDOR_ELEMENT_A1, CANDOR_TEXT_WEB);
  GtkWidget *dialog;
  gint64 started;

  save_to (window, target);
  field = show_text_field (window, "A1", CANDOR_TEXT_WEB);
  buffer = candor_text_field_get_buffer (field);
  counter = candor_text_field_get_counter (field);
  message = candor_text_field_get_limit_message (field);
  g_assert_false (gtk_widget_get_visible (counter));

  /* Typing towards the limit: the counter appears at 90 %. */
  gtk_widget_grab_focus (GTK_WIDGET (candor_text_field_get_view (field)));
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_place_cursor (buffer, &end);
  near = repeat_text ("Updates come every month. ",
                      (gsize) (limit * 9 / 10 - gtk_text_buffer_get_char_count (buffer)));
  gtk_text_buffer_insert_interactive_at_cursor (buffer, near, -1, TRUE);
  settle (GTK_WIDGET (window));
  g_assert_true (gtk_widget_get_visible (counter));
  counter_text = g_strdup_printf ("%'d of %'" G_GINT64_FORMAT " characters",
                                  gtk_text_buffer_get_char_count (buffer), limit);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (counter)), ==, counter_text);
  g_assert_false (gtk_widget_get_visible (message));
  scroll_to_bottom_of (GTK_WIDGET (field));
  save_screenshot (GTK_WIDGET (window), "screenshot-text-counter.png");

  /* Pasting 5 MB: cut at the limit, and the field says how much was left out. */
  huge = repeat_text ("Plain words for buyers. ", 5 * 1024 * 1024);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (candor_text_field_get_view (field))),
                          huge);
  started = g_get_monotonic_time ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (candor_text_field_get_view (field)),
                                             "clipboard.paste", NULL));
  g_assert_true (wait_until (is_visible, message, 10000));
  g_print ("# 5 MB paste handled in %.0f ms\n", (g_get_monotonic_time () - started) / 1000.0);
  g_assert_cmpint (gtk_text_buffer_get_char_count (buffer), ==, limit);
  g_assert_cmpint (g_utf8_strlen (candor_element_get_text (a1, CANDOR_TEXT_WEB), -1), ==, limit);
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (message)), "characters were left out"));
  g_assert_true (gtk_widget_has_css_class (counter, "error"));
  settle (GTK_WIDGET (window));
  scroll_to_bottom_of (GTK_WIDGET (field));
  save_screenshot (GTK_WIDGET (window), "screenshot-text-limit.png");

  /* One more key at the limit is refused the same way. */
  gtk_text_buffer_insert_interactive_at_cursor (buffer, "x", -1, TRUE);
  g_assert_cmpint (gtk_text_buffer_get_char_count (buffer), ==, limit);
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (message)), "1 character was left out"));

  /* Ctrl+S saves a file that opens again, with the whole text the field holds. */
  g_assert_true (candor_document_get_dirty (document));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  g_assert_true (wait_until (is_clean, document, 10000));
  reloaded = candor_format_load_file (target, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_utf8_strlen (candor_element_get_text (candor_document_get_element (reloaded, CANDOR_ELEMENT_A1),
                                                           CANDOR_TEXT_WEB), -1), ==, limit);

  /* A text over the limit from elsewhere (here set on the model): Ctrl+S refuses with a clear
   * message, the file on disk and the work in the window are both kept. */
  g_assert_true (g_file_get_contents (g_file_peek_path (target), &before, NULL, NULL));
  {
    g_autofree char *over = g_strconcat (candor_element_get_text (a1, CANDOR_TEXT_WEB), "!", NULL);
    candor_element_set_text (a1, CANDOR_TEXT_WEB, over, TRUE);
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  g_assert_true (wait_until (dialog_shown, window, 10000));
  dialog = find_dialog_for (GTK_WINDOW (window));
  g_assert_nonnull (strstr (candor_alert_get_body (dialog), "too long"));
  g_assert_nonnull (strstr (candor_alert_get_body (dialog), "Your work is kept"));
  /* In words first (no JSON path); the path in the detail under it. */
  g_assert_true (g_str_has_prefix (candor_alert_get_body (dialog), "Not saved: The web text of step A.1 "));
  g_assert_null (strstr (candor_alert_get_body (dialog), "$."));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (candor_alert_get_extra_child (dialog))),
                            "$.elements.A1.web_text"));
  save_screenshot (GTK_WIDGET (dialog), "screenshot-save-refused.png");
  answer_alert (dialog, "close");
  g_assert_true (candor_document_get_dirty (document));
  g_assert_cmpint (g_utf8_strlen (candor_element_get_text (a1, CANDOR_TEXT_WEB), -1), ==, limit + 1);
  g_assert_true (g_file_get_contents (g_file_peek_path (target), &after, NULL, NULL));
  g_assert_cmpstr (after, ==, before);

  /* The long text's analysis (in a worker thread) finishes before the window goes: the
   * process does not end with an analysis still running (LeakSanitizer counts its buffers). */
  g_assert_true (wait_until (field_analysed, field, 20000));
  g_assert_true (wait_until (analyses_done, document, 20000));
  close_all_windows ();
}

/* ISSUE-15: after kill -9 and recovery the autosave copy was deleted while the recovered
 * document was still unsaved, so a second kill -9 before the next edit lost it. */
static void
test_recovery_survives_two_crashes (void)
{
  g_autoptr(GSubprocess) first = NULL;
  g_autoptr(GSubprocess) second = NULL;
  g_autoptr(GFile) dir = candor_application_dup_drafts_dir ();
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(CandorDocument) recovered = NULL;
  g_autoptr(GError) error = NULL;
  CandorWindow *window;
  GtkWidget *dialog;

  g_assert_cmpuint (count_drafts (), ==, 0);

  /* First crash: an edit, its autosave, kill -9. */
  first = spawn_child ("--child-edit", "edited");
  g_assert_true (wait_until (has_draft, NULL, 10000));
  spin (500);   /* past the write */
  kill_child (first);
  g_assert_cmpuint (count_drafts (), ==, 1);

  /* Second run: recover it, then kill -9 again before any edit. */
  second = spawn_child ("--child-recover", "recovered");
  kill_child (second);

  drafts = candor_autosave_list_recoverable (dir);
  g_assert_cmpuint (drafts->len, ==, 1);
  recovered = candor_autosave_recover (g_ptr_array_index (drafts, 0), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (candor_document_get_product_name (recovered), ==, "Twice Killed Camera");

  /* Third run (this process): offered again; recovering keeps the copy until the user saves
   * or discards. */
  g_assert_cmpuint (candor_recovery_offer (app, NULL), ==, 1);
  window = CANDOR_WINDOW (gtk_application_get_windows (GTK_APPLICATION (app))->data);
  g_assert_true (wait_until (dialog_shown, window, 5000));
  dialog = find_dialog_for (GTK_WINDOW (window));
  answer_alert (dialog, "recover");
  g_assert_cmpstr (candor_document_get_product_name (candor_window_get_document (window)), ==,
                   "Twice Killed Camera");
  g_assert_cmpuint (count_drafts (), ==, 1);
  spin (CANDOR_AUTOSAVE_DELAY_MS + 500);
  g_assert_cmpuint (count_drafts (), ==, 1);
  /* Discarding (the user's choice) removes it. */
  candor_autosave_discard (candor_window_get_autosave (window));
  g_assert_cmpuint (count_drafts (), ==, 0);

  close_all_windows ();
}

/* ISSUE-15: scrolling the page moved the end-of-support year under the pointer. */
static void
test_wheel_changes_no_unfocused_value (void)
{
  static const char *steps[] = { "A1", "A2", "A3", "B1", "B2", "B3", NULL };
  CandorWindow *window = open_example ();
  CandorEditor *editor = candor_window_get_editor (window);
  CandorDocument *document = candor_window_get_document (window);
  GtkWidget *page;
  GtkSpinButton *year;
  GtkAdjustment *adj;
  g_autofree char *end_date = NULL;
  double value, scrolled_to;
  guint n = 0;

  /* Everywhere in the wizard: no spin button or drop-down takes the wheel unfocused. */
  for (guint i = 0; steps[i] != NULL; i++)
    assert_wheel_guarded (candor_editor_get_page (editor, steps[i]), &n);
  g_print ("# %u spin buttons and drop-downs checked\n", n);
  g_assert_cmpuint (n, >=, 3);

  candor_editor_set_visible_page (editor, "A3");
  page = candor_editor_get_page (editor, "A3");
  settle (GTK_WIDGET (window));
  year = find_year_spin (page);
  g_assert_nonnull (year);
  adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (
          gtk_widget_get_ancestor (GTK_WIDGET (year), GTK_TYPE_SCROLLED_WINDOW)));
  g_assert_cmpfloat (gtk_adjustment_get_upper (adj) - gtk_adjustment_get_page_size (adj), >, 50);
  gtk_adjustment_set_value (adj, 0);
  value = gtk_spin_button_get_value (year);
  end_date = g_strdup (candor_element_get_answer_string (candor_document_get_element (document, CANDOR_ELEMENT_A3),
                                                         "end_date"));
  g_assert_nonnull (end_date);

  /* The pointer passes over the unfocused year while the wheel turns: the page scrolls. */
  gtk_widget_grab_focus (GTK_WIDGET (candor_editor_get_page (editor, "A3")));
  g_assert_false (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), GTK_WIDGET (year)));
  deliver_scroll (GTK_WIDGET (year), 1.0);
  deliver_scroll (GTK_WIDGET (year), 1.0);
  g_assert_cmpfloat (gtk_spin_button_get_value (year), ==, value);
  g_assert_cmpstr (candor_element_get_answer_string (candor_document_get_element (document, CANDOR_ELEMENT_A3),
                                                     "end_date"), ==, end_date);
  scrolled_to = gtk_adjustment_get_value (adj);
  g_assert_cmpfloat (scrolled_to, >, 0);
  deliver_scroll (GTK_WIDGET (year), -1.0);
  g_assert_cmpfloat (gtk_adjustment_get_value (adj), <, scrolled_to);
  g_assert_cmpfloat (gtk_spin_button_get_value (year), ==, value);

  /* Focused, the wheel changes it as a spin button should. */
  gtk_widget_grab_focus (GTK_WIDGET (year));
  scrolled_to = gtk_adjustment_get_value (adj);
  deliver_scroll (GTK_WIDGET (year), -1.0);
  g_assert_cmpfloat (gtk_spin_button_get_value (year), !=, value);
  g_assert_cmpfloat (gtk_adjustment_get_value (adj), ==, scrolled_to);

  close_all_windows ();
}

/* ---- setup -------------------------------------------------------------------------- */

int
main (int   argc,
      char *argv[])
{
  gboolean child_mode = argc > 1 && g_str_has_prefix (argv[1], "--child");
  GTestDBus *bus = NULL;
  int status;

  if (!child_mode)
    app_test_private_display ();
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_print ("1..0 # SKIP no display: run under xvfb-run\n");
      return 77;
    }

  /* Own data and config folders per process; a child shares its parent's. */
  if (!child_mode)
    {
      tmp_root = app_test_private_folders ("candor-edit-test-XXXXXX");
      app_test_disable_gl ();
      app_test_web_preview_without_gl ();
      g_setenv ("GTK_A11Y", "test", TRUE);
      bus = app_test_private_bus ();
      g_test_init (&argc, &argv, NULL);
    }

  app = candor_application_new ();
  g_application_set_flags (G_APPLICATION (app),
                           g_application_get_flags (G_APPLICATION (app)) | G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  if (child_mode)
    return run_child (argv[1]);

  g_test_add_func ("/candor/app/editing/text-limit", test_text_limit_agrees_with_loader);
  g_test_add_func ("/candor/app/editing/recovery-two-crashes", test_recovery_survives_two_crashes);
  g_test_add_func ("/candor/app/editing/wheel-unfocused", test_wheel_changes_no_unfocused_value);
  status = g_test_run ();

  close_all_windows ();
  g_clear_object (&app);
  if (bus != NULL)
    g_test_dbus_stop (bus);
  {
    g_autoptr(GFile) root = g_file_new_for_path (tmp_root);
    remove_tree (root);
  }
  g_free (tmp_root);
  return status;
}
