/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-readability.c: analysis time per keystroke, start-up cost, and words per second on a large text. */
#include "candor-readability.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

/* A typical web text of one element (B.1, about 80 words). */
static const char typical[] =
  "We tell you about every security update in the Candor Home app and by e-mail. "
  "Updates install automatically at night, so you do not need to do anything. "
  "If an update needs you to restart the camera, the app asks you first. "
  "You can see the list of changes for each version, e.g. version 2.1, on our web page at "
  "https://example.com/updates. Security updates will continue until 31 December 2029. "
  "After that date the camera keeps working, but we no longer fix security flaws in it.";

/* CPU time of this thread, in microseconds: robust against other processes on a busy
 * machine (wall-clock time would count their time slices too). */
static double
now_us (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

static long
resident_kb (void)
{
  g_autofree char *statm = NULL;
  long size = 0, resident = 0;

  if (!g_file_get_contents ("/proc/self/statm", &statm, NULL, NULL)
      || sscanf (statm, "%ld %ld", &size, &resident) != 2)
    return -1;
  return resident * (sysconf (_SC_PAGESIZE) / 1024);
}

static int
compare_double (const void *a, const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
percentile (double *sorted, guint n, double p)
{
  guint i = (guint) (p * (n - 1) + 0.5);

  return sorted[MIN (i, n - 1)];
}

/* Types the typical text one character at a time (then deletes and retypes a word in the
 * middle, as people do), analysing after every edit as the app does. */
static void
bench_keystrokes (guint rounds)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) wall = g_array_new (FALSE, FALSE, sizeof (double));
  const char *p;
  double total = 0;
  guint findings = 0;

  for (guint r = 0; r < rounds; r++)
    {
      for (p = typical; ; p = g_utf8_next_char (p))
        {
          gsize len = p - typical;
          double w0 = (double) g_get_monotonic_time ();
          double t0 = now_us ();
          g_autoptr(CandorTextAnalysis) a = candor_text_analysis_new (typical, len, CANDOR_TEXT_WEB,
                                                                      CANDOR_ANALYSIS_IN_PROGRESS, NULL);
          double grade;
          candor_text_analysis_get_grade (a, &grade);
          findings += candor_text_analysis_get_findings (a)->len;
          g_clear_object (&a);
          double dt = now_us () - t0;
          double dw = (double) g_get_monotonic_time () - w0;
          g_array_append_val (times, dt);
          g_array_append_val (wall, dw);
          total += dt;
          if (*p == '\0')
            break;
        }
    }

  g_array_sort (times, compare_double);
  printf ("keystroke_edits %u\n", times->len);
  {
    g_autoptr(CandorTextAnalysis) full = candor_text_analysis_new (typical, -1, CANDOR_TEXT_WEB, CANDOR_ANALYSIS_NONE, NULL);
    printf ("keystroke_text_words %u\n", candor_text_analysis_get_counts (full)->words);
  }
  printf ("keystroke_median_ms %.4f\n", percentile ((double *) times->data, times->len, 0.5) / 1000.0);
  printf ("keystroke_p99_ms %.4f\n", percentile ((double *) times->data, times->len, 0.99) / 1000.0);
  printf ("keystroke_max_ms %.4f\n", g_array_index (times, double, times->len - 1) / 1000.0);
  printf ("keystroke_mean_ms %.4f\n", total / times->len / 1000.0);
  /* Wall-clock time includes whatever else the machine was doing. */
  g_array_sort (wall, compare_double);
  printf ("keystroke_wall_median_ms %.4f\n", percentile ((double *) wall->data, wall->len, 0.5) / 1000.0);
  printf ("keystroke_wall_p99_ms %.4f\n", percentile ((double *) wall->data, wall->len, 0.99) / 1000.0);
  (void) findings;
}

static void
bench_large (const char *path, guint repeat)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;
  double best = G_MAXDOUBLE;
  guint words = 0;

  if (!g_file_get_contents (path, &text, &length, &error))
    {
      fprintf (stderr, "bench-readability: %s\n", error->message);
      exit (1);
    }
  for (guint r = 0; r < repeat; r++)
    {
      double t0 = now_us ();
      g_autoptr(CandorTextAnalysis) a = candor_text_analysis_new (text, length, CANDOR_TEXT_WEB, CANDOR_ANALYSIS_NONE, &error);
      if (a == NULL)
        {
          fprintf (stderr, "bench-readability: %s\n", error->message);
          exit (1);
        }
      words = candor_text_analysis_get_counts (a)->words;
      if (r == 0)
        printf ("large_cold_words_per_second %.0f\n", words / ((now_us () - t0) / 1e6));
      best = MIN (best, now_us () - t0);
    }
  printf ("large_words %u\n", words);
  printf ("large_seconds %.6f\n", best / 1e6);
  printf ("large_words_per_second %.0f\n", words / (best / 1e6));
}

int
main (int argc, char **argv)
{
  guint rounds = 3;
  const char *large = NULL;
  long rss0, rss1;
  double t0, t1;

  for (int i = 1; i < argc; i++)
    {
      if (strcmp (argv[i], "--rounds") == 0 && i + 1 < argc)
        rounds = (guint) atoi (argv[++i]);
      else if (strcmp (argv[i], "--large") == 0 && i + 1 < argc)
        large = argv[++i];
      else
        {
          fprintf (stderr, "usage: bench-readability [--rounds N] [--large TEXT_FILE]\n");
          return 2;
        }
    }

  /* Start-up: the first analysis loads every word list from the GResource. */
  rss0 = resident_kb ();
  t0 = now_us ();
  g_object_unref (candor_text_analysis_new ("Load.", -1, CANDOR_TEXT_WEB, CANDOR_ANALYSIS_NONE, NULL));
  t1 = now_us ();
  rss1 = resident_kb ();
  printf ("startup_load_ms %.3f\n", (t1 - t0) / 1000.0);
  printf ("startup_memory_kb %ld\n", rss1 - rss0);

  bench_keystrokes (MAX (rounds, 1u));
  if (large != NULL)
    bench_large (large, 3);
  return 0;
}
