/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-keystroke.c: what one keystroke costs the main loop in the real editor (text field,
 * readability, step statuses, review page, label and web previews) with a web text of a given
 * length. Run by build-aux/bench-keystroke.sh under Xvfb; prints figures, asserts nothing.
 *
 * For each keystroke: the main thread's CPU time from the key (inserted as typing does) until
 * the field's findings and both previews are updated, the next frame is painted, and every
 * idle pass it caused is done. Waiting for the
 * next frame costs no CPU, so this is the time the main loop is busy, i.e. the stall a user
 * would feel. Also printed: the same analysis on its own, and the wall time until the
 * findings of the new text are shown (which includes a worker thread, for long texts). */

#include "config.h"

#include <adwaita.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "app-test-util.h"
#include "candor-app-resources.h"
#include "candor-editor.h"
#include "candor-element-page.h"
#include "candor-label-preview.h"
#include "candor-preview-pane.h"
#include "candor-readability.h"
#include "candor-text-field.h"
#include "candor-web-preview.h"
#include "candor-wizard.h"

/* Sentences like a long web text, with a finding every few sentences. */
static const char *sentences[] = {
  "The Lumen Cam 2 gets security updates until at least 31 December 2030. ",
  "Updates install on their own at night, when the camera is not recording. ",
  "You do not need to do anything, and updates are free. ",
  "Each update is signed, and the camera checks the signature before it installs it. ",
  "If an update fails, the camera goes back to the version it had before. ",
  "We tell owners about updates in the app and by e-mail. ",
  "After support ends, the camera keeps working but gets no more security fixes. ",
  "The firmware is tested by an independent laboratory before we send it out. ",
};

static double
thread_cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static char *
make_text (guint length)
{
  GString *s = g_string_new (NULL);

  gboolean one_paragraph = g_getenv ("BENCH_ONE_PARAGRAPH") != NULL;

  /* Paragraphs of five sentences, as a long web text has; BENCH_ONE_PARAGRAPH=1 for none. */
  for (guint i = 0; g_utf8_strlen (s->str, -1) < (glong) length; i++)
    {
      g_string_append (s, sentences[i % G_N_ELEMENTS (sentences)]);
      if (i % 5 == 4 && !one_paragraph)
        {
          g_string_truncate (s, s->len - 1);
          g_string_append_c (s, '\n');
        }
    }
  g_string_truncate (s, g_utf8_offset_to_pointer (s->str, length) - s->str);
  return g_string_free (s, FALSE);
}

static int
compare_double (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

static double
percentile (GArray *values, double p)
{
  guint i;

  g_array_sort (values, compare_double);
  i = (guint) MIN (values->len - 1, (guint) (p * (values->len - 1) + 0.5));
  return g_array_index (values, double, i);
}

static guint n_paints;

static void
on_after_paint (GdkFrameClock *clock, gpointer data)
{
  n_paints++;
}

typedef struct
{
  CandorTextField    *field;
  CandorLabelPreview *label;
  CandorWebPreview   *web;
  guint               label_before;
  guint               web_before;
} Wait;

static gboolean
all_updated (Wait *w)
{
  /* An unmapped preview (BENCH_NO_PREVIEW=1) does not update. */
  gboolean previews = gtk_widget_get_mapped (GTK_WIDGET (w->label));

  return (!previews || (candor_label_preview_get_n_updates (w->label) > w->label_before &&
                        candor_web_preview_get_n_updates (w->web) > w->web_before)) &&
         candor_text_field_is_analysed (w->field);
}

static void
run (CandorEditor *editor, CandorPreviewPane *pane, GtkWidget *window, guint length, guint keys)
{
  GtkWidget *page = candor_editor_get_page (editor, "A1");
  CandorTextField *field = candor_element_page_get_text_field (CANDOR_ELEMENT_PAGE (page), CANDOR_TEXT_WEB);
  GtkTextBuffer *buffer = candor_text_field_get_buffer (field);
  g_autofree char *text = make_text (length);
  g_autoptr(GArray) cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) wall = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) alone = g_array_new (FALSE, FALSE, sizeof (double));
  Wait w = { field, candor_preview_pane_get_label_preview (pane), candor_preview_pane_get_web_preview (pane), 0, 0 };
  GtkTextIter end;

  candor_editor_set_visible_page (editor, "A1");
  gtk_text_buffer_set_text (buffer, text, -1);
  gtk_widget_grab_focus (GTK_WIDGET (candor_text_field_get_view (field)));
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_place_cursor (buffer, &end);
  settle (window);
  spin (500);

  for (guint i = 0; i < keys; i++)
    {
      /* A space ends the word; a letter continues it: as in typing. */
      const char *key = (i % 6 == 5) ? " " : "a";
      double c0, w0;

      guint paints;

      w.label_before = candor_label_preview_get_n_updates (w.label);
      w.web_before = candor_web_preview_get_n_updates (w.web);
      w0 = g_get_monotonic_time () / 1000.0;
      c0 = thread_cpu_ms ();
      gtk_text_buffer_insert_interactive_at_cursor (buffer, key, -1, TRUE);
      while (!all_updated (&w))
        g_main_context_iteration (NULL, TRUE);
      /* The frame that shows the key, painted (a frame that was due is painted at once). */
      paints = n_paints;
      while (n_paints == paints)
        g_main_context_iteration (NULL, TRUE);
      while (g_main_context_pending (NULL))
        g_main_context_iteration (NULL, FALSE);
      g_array_append_val (cpu, (double) { thread_cpu_ms () - c0 });
      g_array_append_val (wall, (double) { g_get_monotonic_time () / 1000.0 - w0 });
    }

  /* The analysis alone, on the same text, for comparison. */
  for (guint i = 0; i < 20; i++)
    {
      g_autofree char *now = NULL;
      GtkTextIter a, b;
      double c0;

      gtk_text_buffer_get_bounds (buffer, &a, &b);
      now = gtk_text_buffer_get_text (buffer, &a, &b, FALSE);
      c0 = thread_cpu_ms ();
      g_object_unref (candor_text_analysis_new (now, -1, CANDOR_TEXT_WEB, CANDOR_ANALYSIS_IN_PROGRESS, NULL));
      g_array_append_val (alone, (double) { thread_cpu_ms () - c0 });
    }

  printf ("chars=%u keys=%u main_cpu_ms_median=%.2f main_cpu_ms_p99=%.2f wall_ms_median=%.2f "
          "wall_ms_p99=%.2f analysis_alone_ms_median=%.2f label_update_ms=%.2f web_update_ms=%.2f\n",
          length, keys, percentile (cpu, 0.5), percentile (cpu, 0.99), percentile (wall, 0.5),
          percentile (wall, 0.99), percentile (alone, 0.5),
          candor_label_preview_get_last_update_usec (w.label) / 1000.0,
          candor_web_preview_get_last_update_usec (w.web) / 1000.0);
  fflush (stdout);
}

static gpointer
analyse_in_thread (gpointer text)
{
  double c0 = thread_cpu_ms ();

  g_object_unref (candor_text_analysis_new (text, -1, CANDOR_TEXT_WEB, CANDOR_ANALYSIS_NONE, NULL));
  return g_memdup2 (&(double) { thread_cpu_ms () - c0 }, sizeof (double));
}

/* The worst case for the analysis: a long text of many different words, in a thread whose
 * word caches are still empty (candor-lexicon.c caches per thread). */
static void
run_cold (const char *path)
{
  g_autofree char *contents = NULL;
  g_autofree double *cold = NULL;
  g_autofree double *warm = NULL;
  gsize length;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return;
  if (g_utf8_strlen (contents, -1) > 20000)
    *g_utf8_offset_to_pointer (contents, 20000) = '\0';
  cold = g_thread_join (g_thread_new ("cold", analyse_in_thread, contents));
  warm = analyse_in_thread (contents);
  printf ("cold_text=%s chars=%ld analysis_cold_ms=%.2f analysis_warm_ms=%.2f\n", path,
          g_utf8_strlen (contents, -1), *cold, *warm);
}

int
main (int argc, char **argv)
{
  g_autoptr(CandorDocument) document = NULL;
  GtkWidget *window, *pane;
  CandorEditor *editor;
  guint keys = argc > 1 ? (guint) CLAMP (atoi (argv[1]), 1, 1000) : 200;

  app_test_private_display ();
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      fprintf (stderr, "bench-keystroke: no display: run under xvfb-run\n");
      return 2;
    }
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  app_test_disable_gl ();
  gtk_init ();
  adw_init ();
  candor_app_register_resource ();
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  document = load_example ();
  editor = CANDOR_EDITOR (candor_editor_new ());
  candor_wizard_add_pages (editor);
  candor_editor_set_document (editor, document);
  pane = candor_preview_pane_new ();
  candor_preview_pane_set_document (CANDOR_PREVIEW_PANE (pane), document);
  if (g_getenv ("BENCH_NO_PREVIEW") == NULL)
    {
      candor_editor_set_preview (editor, pane);
      candor_editor_set_show_preview (editor, TRUE);
    }
  window = adw_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 900);
  adw_window_set_content (ADW_WINDOW (window), GTK_WIDGET (editor));
  gtk_window_present (GTK_WINDOW (window));
  settle (window);
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (on_after_paint), NULL);

  printf ("# main_cpu: main-thread CPU per keystroke until findings and both previews are updated\n");
  run (editor, CANDOR_PREVIEW_PANE (pane), window, 2000, keys);
  /* Just under the editor's limit of 20,000, so that every key is taken. */
  run (editor, CANDOR_PREVIEW_PANE (pane), window, 20000 - keys - 1, keys);

  run_cold ("/usr/share/common-licenses/GPL-3");

  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
