/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cli-readability.c: "candor-cli readability" (metrics and findings) and "syllables". */
#include "config.h"

#include <glib/gi18n.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "candor-readability.h"
#include "cli-commands.h"

/* Below this input size the heap is left as it is. */
#define HUGE_HEAP_MIN_INPUT (256 * 1024)
/* The analysis of a large text uses about 25 bytes of memory per byte of text. */
#define HUGE_HEAP_PER_BYTE 32
#define HUGE_PAGE (2 * 1024 * 1024)

/* For a large text on standard input (a regular file, so its size is known), backs the
 * heap with transparent huge pages before anything large is allocated.
 *
 * Why: the analysis of a 1 MiB text touches about 20 MiB of fresh memory (words, findings,
 * output). In 4 KiB pages that is 5,000 page faults, and on a virtual machine a fault costs
 * about 10 µs, which was more than the analysis itself (build-aux/bench-readability.sh).
 * With 2 MiB pages it is ten. So: every allocation up to 32 MiB comes from the heap
 * (M_MMAP_THRESHOLD), the heap grows in one step large enough for the analysis
 * (M_TOP_PAD) and is never trimmed back, and the grown part is marked MADV_HUGEPAGE.
 * Nothing changes but where memory comes from; without glibc or transparent huge pages
 * this does nothing. */
/* (the filler prepare_heap() leaves below the first huge page, for the life of the process) */
static gpointer heap_gap;

static void
prepare_heap (void)
{
#if defined(__GLIBC__) && defined(MADV_HUGEPAGE)
  struct stat st;
  gsize pad;
  guintptr start, end, used;
  void *probe;

  if (fstat (STDIN_FILENO, &st) != 0 || !S_ISREG (st.st_mode) || st.st_size < HUGE_HEAP_MIN_INPUT
      || (guint64) st.st_size > G_MAXSIZE / HUGE_HEAP_PER_BYTE)
    return;
  pad = MIN ((gsize) st.st_size * HUGE_HEAP_PER_BYTE, (gsize) 512 * 1024 * 1024);
  if (mallopt (M_MMAP_THRESHOLD, 32 * 1024 * 1024) == 0 || mallopt (M_TOP_PAD, (int) pad) == 0
      || mallopt (M_TRIM_THRESHOLD, INT_MAX) == 0)
    return;
  start = GPOINTER_TO_SIZE (sbrk (0));
  /* larger than what is left at the top of the heap: the heap grows by pad (g_malloc, not
   * malloc: the compiler may drop a malloc whose memory is never used) */
  probe = g_malloc (256 * 1024);
  used = GPOINTER_TO_SIZE (probe);
  g_free (probe);
  end = GPOINTER_TO_SIZE (sbrk (0));
  start = (start + HUGE_PAGE - 1) & ~(guintptr) (HUGE_PAGE - 1);
  end &= ~(guintptr) (HUGE_PAGE - 1);
  if (end <= start)
    return;
  (void) madvise (GSIZE_TO_POINTER (start), end - start, MADV_HUGEPAGE);
  /* The heap's used part ends below the first huge page: fill the gap (never touched, so it
   * costs nothing) so that the text and the analysis start on huge pages. */
  if (start > used + 4096)
    heap_gap = g_malloc (start - used - 64);
#endif
}

/* Reads all of standard input; NULL with a message on a read error. A regular file is read
 * in one piece of its size (no regrowing and copying of a large text). */
static GBytes *
read_stdin (const char *command)
{
  struct stat st;
  gsize size = 0, length = 0;
  char *data;
  gssize n;

  if (fstat (STDIN_FILENO, &st) == 0 && S_ISREG (st.st_mode) && st.st_size > 0)
    size = (gsize) st.st_size + 1;
  size = MAX (size, 65536);
  data = g_malloc (size);
  for (;;)
    {
      if (length == size)
        {
          size *= 2;
          data = g_realloc (data, size);
        }
      n = read (STDIN_FILENO, data + length, size - length);
      if (n > 0)
        length += n;
      else if (n == 0)
        break;
      else if (errno != EINTR)
        {
          g_printerr (_("candor-cli %s: could not read standard input: %s\n"), command, g_strerror (errno));
          g_free (data);
          return NULL;
        }
    }
  return g_bytes_new_take (data, length);
}

static gboolean
check_utf8 (const char *command, const char *text, gsize length)
{
  const char *bad = NULL;

  if (candor_utf8_validate (text, length, &bad))
    return TRUE;
  g_printerr (_("candor-cli %s: the input is not valid UTF-8 (bad byte at offset %" G_GSIZE_FORMAT ")\n"),
              command, (gsize) (bad - text));
  return FALSE;
}

static void
print_text_report (CandorTextAnalysis *analysis)
{
  const CandorCounts *c = candor_text_analysis_get_counts (analysis);
  GPtrArray *findings = candor_text_analysis_get_findings (analysis);
  g_autofree char *explanation = candor_text_analysis_explain (analysis);

  printf (_("Sentences: %u  Words: %u  Syllables: %u  Complex words: %u  Characters: %u\n"),
          c->sentences, c->words, c->syllables, c->complex_words, c->characters);
  for (guint m = 0; m < CANDOR_N_METRICS; m++)
    {
      double value;
      if (candor_text_analysis_get_metric (analysis, m, &value))
        printf ("%-30s %6.1f\n", candor_metric_get_name (m), value);
      else
        printf ("%-30s %s\n", candor_metric_get_name (m), _("too short"));
    }
  printf ("\n%s\n", explanation);
  if (findings->len > 0)
    printf ("\n");
  for (guint i = 0; i < findings->len; i++)
    {
      const CandorFinding *f = g_ptr_array_index (findings, i);
      printf ("%u-%u %s: %s\n", f->start, f->end, f->rule, f->message);
      if (f->suggestion != NULL && f->suggestion[0] != '\0')
        printf ("    → %s\n", f->suggestion);
    }
}

int
cli_readability (int argc, char **argv)
{
  gboolean json = FALSE;
  g_autofree char *kind_name = NULL;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON (keys as in the documentation)"), NULL },
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind_name, N_("Text kind: “label” or “web” (default: web)"), N_("KIND") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("< TEXT"));
  g_autoptr(GBytes) input = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CandorTextAnalysis) analysis = NULL;
  CandorTextKind kind = CANDOR_TEXT_WEB;
  const char *text;
  gsize length;

  g_option_context_set_summary (context, _("Readability metrics and findings for plain text read from standard input."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!cli_parse (context, &argc, &argv))
    return CLI_EXIT_USAGE;
  if (argc > 1)
    return cli_usage_error (argv[0], _("unexpected argument “%s”; the text is read from standard input"), argv[1]);
  if (kind_name != NULL)
    {
      if (strcmp (kind_name, "label") == 0)
        kind = CANDOR_TEXT_LABEL;
      else if (strcmp (kind_name, "web") != 0)
        return cli_usage_error (argv[0], _("unknown kind “%s”: use “label” or “web”"), kind_name);
    }

  prepare_heap ();
  input = read_stdin (argv[0]);
  if (input == NULL)
    return CLI_EXIT_FAILED;
  text = g_bytes_get_data (input, &length);
  if (text == NULL)
    text = "";

  /* The analysis checks the UTF-8 itself and says where it is bad. */
  analysis = candor_text_analysis_new (text, length, kind, CANDOR_ANALYSIS_NONE, &error);
  if (analysis == NULL)
    {
      g_printerr ("candor-cli %s: %s\n", argv[0], error->message);
      return CLI_EXIT_FAILED;
    }

  if (json)
    {
      CandorJsonWriter writer;

      /* Streamed as it is produced (no tree): the layout is that of every other file
       * Candor writes (candor_json_to_pretty_string()). */
      candor_json_writer_init (&writer, stdout);
      candor_text_analysis_write_json (analysis, &writer);
      if (!candor_json_writer_finish (&writer))
        {
          g_printerr (_("candor-cli %s: could not write standard output: %s\n"), argv[0], g_strerror (errno));
          return CLI_EXIT_FAILED;
        }
    }
  else
    {
      print_text_report (analysis);
      if (fflush (stdout) != 0)
        {
          g_printerr (_("candor-cli %s: could not write standard output: %s\n"), argv[0], g_strerror (errno));
          return CLI_EXIT_FAILED;
        }
    }
  return CLI_EXIT_OK;
}

int
cli_syllables (int argc, char **argv)
{
  gboolean rules_only = FALSE;
  GOptionEntry entries[] = {
    { "rules-only", 0, 0, G_OPTION_ARG_NONE, &rules_only, N_("Use the spelling rules only, not the exception list"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("< WORDS"));
  g_autoptr(GBytes) input = NULL;
  g_autoptr(GString) out = NULL;
  const char *text, *end, *line;
  gsize length;

  g_option_context_set_summary (context, _("Counts syllables: one word per line in, “word<TAB>count” out."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!cli_parse (context, &argc, &argv))
    return CLI_EXIT_USAGE;
  if (argc > 1)
    return cli_usage_error (argv[0], _("unexpected argument “%s”; the words are read from standard input"), argv[1]);

  input = read_stdin (argv[0]);
  if (input == NULL)
    return CLI_EXIT_FAILED;
  text = g_bytes_get_data (input, &length);
  if (text == NULL)
    text = "";
  if (!check_utf8 (argv[0], text, length))
    return CLI_EXIT_FAILED;

  out = g_string_sized_new (length * 2 + 16);
  end = text + length;
  for (line = text; line < end;)
    {
      const char *nl = memchr (line, '\n', end - line);
      const char *stop = nl != NULL ? nl : end;
      const char *a = line, *b = stop;

      while (a < b && g_ascii_isspace (*a))
        a++;
      while (b > a && g_ascii_isspace (b[-1]))
        b--;
      if (b > a)
        {
          guint count = rules_only ? candor_syllables_count_rules (a, b - a) : candor_syllables_count (a, b - a);
          g_string_append_len (out, a, b - a);
          g_string_append_printf (out, "\t%u\n", count);
        }
      line = nl != NULL ? nl + 1 : end;
    }
  fwrite (out->str, 1, out->len, stdout);
  return CLI_EXIT_OK;
}
