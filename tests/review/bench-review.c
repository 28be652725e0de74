/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-review.c: the cost of one keystroke in a text of a draft with 200 review comments
 * (anchors follow the edit), beside the same keystrokes with no comments, and the cost of
 * reading all six approval states (digests) after a keystroke.
 * Usage: bench-review DRAFT [ROUNDS]; prints "name median_ms p99_ms" lines (CPU time). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "candor-format.h"
#include "candor-review.h"

static const char typed[] =
  "We tell you about every security update in the Lumen app and by e-mail. "
  "Updates install on their own at night, so you do not need to do anything. ";

static double
now_us (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

static int
compare_double (const void *a, const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static void
report (const char *name, GArray *times)
{
  double *t = (double *) (gpointer) times->data;
  guint n = times->len;

  qsort (t, n, sizeof (double), compare_double);
  printf ("%-44s median %.4f ms  p99 %.4f ms  (%u keystrokes)\n", name,
          t[n / 2] / 1000.0, t[MIN ((guint) (0.99 * (n - 1) + 0.5), n - 1)] / 1000.0, n);
}

static CandorDocument *
load (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GError) error = NULL;
  CandorDocument *doc = candor_format_load_file (file, NULL, &error);

  if (doc == NULL)
    g_error ("%s: %s", path, error->message);
  return doc;
}

/* A long A.3 web text, with @n_comments comments: most on its words, the rest on the
 * other elements' texts, so every edit has anchors before, around and after it. */
static CandorDocument *
prepare (const char *path, guint n_comments, gboolean approve)
{
  CandorDocument *doc = load (path);
  CandorElement *a3 = candor_document_get_element (doc, CANDOR_ELEMENT_A3);
  g_autoptr(GString) web = g_string_new (NULL);
  CandorReview *review;

  for (guint i = 0; i < 12; i++)
    {
      g_string_append (web, candor_element_get_text (a3, CANDOR_TEXT_WEB));
      g_string_append_c (web, ' ');
    }
  candor_element_set_text (a3, CANDOR_TEXT_WEB, web->str, TRUE);
  if (n_comments == 0 && !approve)
    return doc;

  review = candor_review_get_for_document (doc);
  for (guint i = 0; i < n_comments; i++)
    {
      CandorElementId id = i % 4 == 3 ? (CandorElementId) (i % CANDOR_N_ELEMENTS) : CANDOR_ELEMENT_A3;
      CandorTextKind kind = id == CANDOR_ELEMENT_A3 ? CANDOR_TEXT_WEB : CANDOR_TEXT_LABEL;
      const char *text = candor_element_get_text (candor_document_get_element (doc, id), kind);
      guint length = (guint) g_utf8_strlen (text, -1);
      guint start = (i * 37) % (length - 12);
      g_autoptr(GError) error = NULL;
      g_autofree char *cid = candor_review_add_text_comment (review, id, kind, start, start + 10, "Bench Reviewer",
                                                             "A comment of a typical length: say this more plainly.",
                                                             NULL, &error);
      if (cid == NULL)
        g_error ("%s", error->message);
    }
  for (CandorElementId id = 0; approve && id < CANDOR_N_ELEMENTS; id++)
    candor_review_approve (candor_review_get_for_document (doc), id, "Bench Reviewer", NULL, NULL);
  return doc;
}

typedef enum { WHOLE_TEXT, EXACT_EDIT } EditKind;

/* Types @typed into the middle of the A.3 web text, one character at a time, then deletes it
 * again with backspace; times each edit (and, with @statuses, reading the six states). */
static GArray *
type_into (CandorDocument *doc, EditKind kind, guint rounds, gboolean statuses)
{
  CandorElement *a3 = candor_document_get_element (doc, CANDOR_ELEMENT_A3);
  GArray *times = g_array_new (FALSE, FALSE, sizeof (double));
  CandorReview *review = statuses ? candor_review_get_for_document (doc) : NULL;
  guint at = (guint) g_utf8_strlen (candor_element_get_text (a3, CANDOR_TEXT_WEB), -1) / 2;
  guint n = (guint) g_utf8_strlen (typed, -1);

  for (guint r = 0; r < rounds; r++)
    for (guint step = 0; step < 2 * n; step++)
      {
        gboolean typing = step < n;
        guint pos = typing ? at + step : at + 2 * n - step - 1;
        double t0 = now_us ();

        if (kind == EXACT_EDIT)
          {
            if (typing)
              {
                const char *c = g_utf8_offset_to_pointer (typed, step);
                g_autofree char *one = g_strndup (c, g_utf8_next_char (c) - c);
                candor_element_replace_text (a3, CANDOR_TEXT_WEB, pos, 0, one, TRUE);
              }
            else
              candor_element_replace_text (a3, CANDOR_TEXT_WEB, pos, 1, NULL, TRUE);
          }
        else
          {
            /* as the app's text field does today: the whole new text */
            const char *text = candor_element_get_text (a3, CANDOR_TEXT_WEB);
            const char *p = g_utf8_offset_to_pointer (text, pos);
            g_autofree char *head = g_strndup (text, p - text);
            g_autofree char *next = NULL;

            if (typing)
              {
                const char *c = g_utf8_offset_to_pointer (typed, step);
                g_autofree char *one = g_strndup (c, g_utf8_next_char (c) - c);

                next = g_strconcat (head, one, p, NULL);
              }
            else
              next = g_strconcat (head, g_utf8_next_char (p), NULL);
            candor_element_set_text (a3, CANDOR_TEXT_WEB, next, TRUE);
          }
        if (review != NULL)
          for (CandorElementId id = 0; id < CANDOR_N_ELEMENTS; id++)
            (void) candor_review_is_lapsed (review, id);
        {
          double t = now_us () - t0;
          g_array_append_val (times, t);
        }
      }
  return times;
}

int
main (int argc, char **argv)
{
  guint rounds = argc > 2 ? (guint) atoi (argv[2]) : 20;

  if (argc < 2)
    {
      g_printerr ("usage: bench-review DRAFT [ROUNDS]\n");
      return 2;
    }

  {
    g_autoptr(CandorDocument) doc = prepare (argv[1], 0, FALSE);
    g_autoptr(GArray) t = type_into (doc, WHOLE_TEXT, rounds, FALSE);
    report ("keystroke, no review, whole text (app today)", t);
  }
  {
    g_autoptr(CandorDocument) doc = prepare (argv[1], 200, FALSE);
    g_autoptr(GArray) t = type_into (doc, WHOLE_TEXT, rounds, FALSE);
    g_autoptr(GPtrArray) comments = candor_review_list_comments (candor_review_get_for_document (doc), -1);
    guint live = 0;

    for (guint i = 0; i < comments->len; i++)
      live += !((CandorComment *) comments->pdata[i])->detached;
    report ("keystroke, 200 comments, whole text", t);
    printf ("  (%u of %u comments still attached after the edits)\n", live, comments->len);
  }
  {
    g_autoptr(CandorDocument) doc = prepare (argv[1], 0, FALSE);
    g_autoptr(GArray) t = type_into (doc, EXACT_EDIT, rounds, FALSE);
    report ("keystroke, no review, exact edit", t);
  }
  {
    g_autoptr(CandorDocument) doc = prepare (argv[1], 200, FALSE);
    g_autoptr(GArray) t = type_into (doc, EXACT_EDIT, rounds, FALSE);
    report ("keystroke, 200 comments, exact edit", t);
  }
  {
    g_autoptr(CandorDocument) doc = prepare (argv[1], 200, TRUE);
    g_autoptr(GArray) t = type_into (doc, WHOLE_TEXT, rounds, TRUE);
    report ("keystroke + six approval states, 200 comments", t);
  }
  return 0;
}
