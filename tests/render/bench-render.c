/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-render.c: how long the previews take to follow one keystroke, and how long writing
 * every output file takes. Usage: bench-render DRAFT [OUTDIR] [ITERATIONS] */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "candor-format.h"
#include "candor-label.h"
#include "candor-published.h"
#include "candor-web-page.h"

static double
now_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* CPU time of this thread: what the work costs, without time lost to other processes
 * (the wall-clock figure is printed too). */
static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int
compare_doubles (const void *a, const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* One keystroke: the user types (or deletes) a letter in A.2's label text, then the label is
 * laid out again and the web page regenerated, as the app does once per frame. */
static void
bench_keystrokes (CandorDocument *document, const char *template_id, const char *size_id,
                  gboolean shrunk, guint iterations)
{
  g_autoptr(CandorLabel) label = candor_label_new (document, template_id, size_id, NULL);
  CandorElement *element = candor_document_get_element (document, CANDOR_ELEMENT_A2);
  g_autofree char *saved = g_strdup (candor_element_get_text (element, CANDOR_TEXT_LABEL));
  g_autofree char *original = g_strdup (saved);

  /* The slow case: a text long enough that the type had to shrink to fit, so every
   * keystroke searches for the size again. */
  while (shrunk && candor_label_get_scale (label) == 1.0)
    {
      char *longer = g_strconcat (original, " Updates install at night.", NULL);

      g_free (original);
      original = longer;
      candor_element_set_text (element, CANDOR_TEXT_LABEL, original, TRUE);
      candor_label_update (label);
    }
  g_autofree double *times = g_new (double, iterations);
  g_autofree double *cpu = g_new (double, iterations);
  GString *text = g_string_new (original);
  double median, p99, max;

  for (guint i = 0; i < iterations; i++)
    {
      double start, start_cpu;
      char *html;

      /* Type "updates updates …" (40 letters), then delete it again with backspace, so
       * the text wraps and re-wraps, one character per keystroke. */
      if ((i / 40) % 2 == 0)
        g_string_append_c (text, "updates "[i % 8]);
      else
        g_string_truncate (text, text->len - 1);
      start = now_ms ();
      start_cpu = cpu_ms ();
      candor_element_set_text (element, CANDOR_TEXT_LABEL, text->str, TRUE);
      candor_label_update (label);
      html = candor_web_page_generate (document);
      times[i] = now_ms () - start;
      cpu[i] = cpu_ms () - start_cpu;
      g_free (html);
    }
  candor_element_set_text (element, CANDOR_TEXT_LABEL, saved, FALSE);
  g_string_free (text, TRUE);

  qsort (times, iterations, sizeof (double), compare_doubles);
  qsort (cpu, iterations, sizeof (double), compare_doubles);
  median = times[iterations / 2];
  p99 = times[(guint) (iterations * 0.99)];
  max = times[iterations - 1];
  printf ("keystroke %-7s %-6s %-6s  wall median %.3f p99 %.3f max %.3f ms | cpu median %.3f p99 %.3f ms  (%u runs, target p99 <= 1.5 ms)\n",
          template_id, size_id, shrunk ? "shrunk" : "fits", median, p99, max,
          cpu[iterations / 2], cpu[(guint) (iterations * 0.99)], iterations);
}

static double
write_file (const char *dir, const char *name, GBytes *bytes)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  if (!g_file_set_contents (path, g_bytes_get_data (bytes, NULL),
                            (gssize) g_bytes_get_size (bytes), &error))
    {
      fprintf (stderr, "%s\n", error->message);
      exit (1);
    }
  return (double) g_bytes_get_size (bytes) / 1024.0;
}

static void
bench_export (CandorDocument *document, const char *outdir)
{
  const char * const *ids = candor_label_template_list_ids ();
  double total_start = now_ms ();

  for (guint t = 0; ids[t] != NULL; t++)
    {
      const CandorLabelTemplate *tmpl = candor_label_template_lookup (ids[t], NULL);

      for (guint s = 0; s < candor_label_template_get_n_sizes (tmpl); s++)
        {
          const CandorLabelSize *size = candor_label_template_get_size (tmpl, s);
          double start = now_ms ();
          g_autoptr(CandorLabel) label = candor_label_new (document, ids[t], size->id, NULL);
          double layout_ms = now_ms () - start;

          printf ("export  %-7s %-6s  layout %.2f ms", ids[t], size->id, layout_ms);
          for (int f = CANDOR_LABEL_FORMAT_PDF; f <= CANDOR_LABEL_FORMAT_PNG; f++)
            {
              g_autoptr(GError) error = NULL;
              g_autoptr(GBytes) bytes = NULL;
              g_autofree char *name = NULL;
              double kib;

              start = now_ms ();
              bytes = candor_label_render (label, f, &error);
              if (bytes == NULL)
                {
                  fprintf (stderr, "\n%s %s: %s\n", ids[t], size->id, error->message);
                  exit (1);
                }
              name = g_strdup_printf ("label-%s-%s.%s", ids[t], size->id,
                                      candor_label_format_to_extension (f));
              kib = write_file (outdir, name, bytes);
              printf ("  %s %.1f ms (%.0f KiB)", candor_label_format_to_extension (f),
                      now_ms () - start, kib);
            }
          printf ("\n");
        }
    }

  {
    double start = now_ms ();
    g_autoptr(GBytes) html = candor_web_page_generate_bytes (document);
    g_autoptr(GBytes) json = NULL;
    double html_kib = write_file (outdir, "index.html", html);
    double mid = now_ms ();
    double json_kib;

    json = candor_published_serialize (document);
    json_kib = write_file (outdir, "disclosure.json", json);
    printf ("export  index.html %.2f ms (%.0f KiB)  disclosure.json %.2f ms (%.0f KiB)\n",
            mid - start, html_kib, now_ms () - mid, json_kib);
  }
  printf ("export  all files (4 labels x PDF+SVG+PNG, HTML, JSON): %.1f ms\n",
          now_ms () - total_start);
}

int
main (int argc, char **argv)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(CandorDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *outdir = NULL;
  guint iterations;

  setlocale (LC_ALL, "");
  if (argc < 2)
    {
      fprintf (stderr, "Usage: %s DRAFT [OUTDIR] [ITERATIONS]\n", argv[0]);
      return 2;
    }
  outdir = argc > 2 ? g_strdup (argv[2]) : g_dir_make_tmp ("candor-bench-XXXXXX", NULL);
  iterations = argc > 3 ? (guint) MAX (100, atoi (argv[3])) : 2000;
  g_mkdir_with_parents (outdir, 0755);

  file = g_file_new_for_commandline_arg (argv[1]);
  document = candor_format_load_file (file, NULL, &error);
  if (document == NULL)
    {
      fprintf (stderr, "%s: %s\n", argv[1], error->message);
      return 1;
    }

  /* Warm up font caches, as a running app has them. */
  g_clear_object (&document);
  document = candor_format_load_file (file, NULL, NULL);
  g_object_unref (candor_label_new (document, "full", NULL, NULL));
  g_free (candor_web_page_generate (document));

  bench_keystrokes (document, "compact", "small", FALSE, iterations);
  bench_keystrokes (document, "full", "medium", FALSE, iterations);
  bench_keystrokes (document, "full", "large", FALSE, iterations);
  bench_keystrokes (document, "compact", "small", TRUE, iterations);
  bench_keystrokes (document, "full", "medium", TRUE, iterations);
  bench_export (document, outdir);
  printf ("files in %s\n", outdir);
  return 0;
}
