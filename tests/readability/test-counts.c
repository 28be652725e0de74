/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-counts.c: the counting policy — sentences, words and syllables of disclosure-style strings. */
#include "candor-error.h"
#include "candor-readability.h"

#include <string.h>

/* Each line of counts.tsv is a case: sentences, words, syllables, text. */
static void
test_counts_file (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "readability", "counts.tsv", NULL);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) error = NULL;
  guint cases = 0, failures = 0;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;
      g_autoptr(GString) text = NULL;
      g_autoptr(CandorTextAnalysis) analysis = NULL;
      const CandorCounts *counts;

      if (lines[i][0] == '\0' || lines[i][0] == '#')
        continue;
      fields = g_strsplit (lines[i], "\t", 4);
      g_assert_cmpuint (g_strv_length (fields), ==, 4);
      text = g_string_new (fields[3]);
      g_string_replace (text, "\\n", "\n", 0);

      analysis = candor_text_analysis_new (text->str, -1, CANDOR_TEXT_WEB, CANDOR_ANALYSIS_NONE, &error);
      g_assert_no_error (error);
      counts = candor_text_analysis_get_counts (analysis);
      cases++;
      if (counts->sentences != (guint) atoi (fields[0]) || counts->words != (guint) atoi (fields[1])
          || counts->syllables != (guint) atoi (fields[2]))
        {
          g_test_message ("line %u: expected %s/%s/%s sentences/words/syllables, got %u/%u/%u: %s",
                          i + 1, fields[0], fields[1], fields[2],
                          counts->sentences, counts->words, counts->syllables, fields[3]);
          failures++;
        }
    }
  g_assert_cmpuint (cases, >=, 60);
  g_assert_cmpuint (failures, ==, 0);
}

static CandorTextAnalysis *
analyse (const char *text)
{
  g_autoptr(GError) error = NULL;
  CandorTextAnalysis *analysis = candor_text_analysis_new (text, -1, CANDOR_TEXT_WEB, CANDOR_ANALYSIS_NONE, &error);

  g_assert_no_error (error);
  return analysis;
}

/* Offsets are characters, not bytes: "Café" is 4 characters and 5 bytes. */
static void
test_character_offsets (void)
{
  const char *text = "Café “Über” works. Naïve users – fine.";
  g_autoptr(CandorTextAnalysis) analysis = analyse (text);
  const CandorWord *words;
  const CandorSentence *sentences;
  guint n_words, n_sentences;
  g_autofree gunichar *ucs = g_utf8_to_ucs4 (text, -1, NULL, NULL, NULL);

  words = candor_text_analysis_get_words (analysis, &n_words);
  sentences = candor_text_analysis_get_sentences (analysis, &n_sentences);
  g_assert_cmpuint (n_words, ==, 6);
  g_assert_cmpuint (n_sentences, ==, 2);
  /* "Über" starts after "Café “" = 6 characters, though 8 bytes */
  g_assert_cmpuint (words[1].start, ==, 6);
  g_assert_cmpuint (words[1].end, ==, 10);
  g_assert_cmpuint (words[1].byte_start, ==, 9);
  g_assert_cmpuint (ucs[words[1].start], ==, 0xDC);
  /* the second sentence starts at "Naïve" and ends after the final dot */
  g_assert_cmpuint (ucs[sentences[1].start], ==, 'N');
  g_assert_cmpuint (sentences[1].end, ==, g_utf8_strlen (text, -1));
  g_assert_true (sentences[1].finished);
}

static void
test_word_kinds (void)
{
  g_autoptr(CandorTextAnalysis) analysis =
    analyse ("Mail help@example.com or see https://example.com. Version 2.1 costs $3.50 from 1 Jan. 2030 e.g. today.");
  const CandorWord *w;
  guint n;

  w = candor_text_analysis_get_words (analysis, &n);
  g_assert_cmpuint (n, ==, 15);
  g_assert_cmpint (w[1].kind, ==, CANDOR_WORD_EMAIL);
  g_assert_cmpint (w[4].kind, ==, CANDOR_WORD_URL);
  /* the URL ends before the sentence's dot */
  g_assert_cmpuint (w[4].end - w[4].start, ==, strlen ("https://example.com"));
  g_assert_cmpint (w[6].kind, ==, CANDOR_WORD_NUMBER);
  g_assert_cmpint (w[8].kind, ==, CANDOR_WORD_NUMBER);
  g_assert_cmpint (w[11].kind, ==, CANDOR_WORD_DATE_PART);
  g_assert_cmpint (w[13].kind, ==, CANDOR_WORD_ABBREVIATION);
  g_assert_cmpuint (candor_text_analysis_get_counts (analysis)->sentences, ==, 2);
}

/* "May" is a month only as a date; otherwise it is a word (and a hedge). */
static void
test_may (void)
{
  g_autoptr(CandorTextAnalysis) date = analyse ("Support ends in May 2030.");
  g_autoptr(CandorTextAnalysis) verb = analyse ("Support may end.");
  const CandorWord *w;
  guint n;

  w = candor_text_analysis_get_words (date, &n);
  g_assert_cmpint (w[3].kind, ==, CANDOR_WORD_DATE_PART);
  w = candor_text_analysis_get_words (verb, &n);
  g_assert_cmpint (w[1].kind, ==, CANDOR_WORD_PLAIN);
}

static void
test_unfinished (void)
{
  g_autoptr(CandorTextAnalysis) analysis = analyse ("Updates are free. We send them");
  const CandorSentence *s;
  guint n;

  s = candor_text_analysis_get_sentences (analysis, &n);
  g_assert_cmpuint (n, ==, 2);
  g_assert_true (s[0].finished);
  g_assert_false (s[1].finished);
  g_assert_cmpuint (s[1].n_words, ==, 3);
}

static void
test_empty (void)
{
  g_autoptr(CandorTextAnalysis) analysis = analyse ("  \n\n - ");
  const CandorCounts *c = candor_text_analysis_get_counts (analysis);

  g_assert_cmpuint (c->sentences, ==, 0);
  g_assert_cmpuint (c->words, ==, 0);
  g_assert_cmpuint (candor_text_analysis_get_findings (analysis)->len, ==, 0);
}

/* Random mixes of the tricky pieces: offsets stay in bounds and in order, spans are
 * whole characters, and nothing crashes (run under AddressSanitizer in CI). */
static void
test_random_text (void)
{
  static const char *const pieces[] = {
    " ", "  ", "\n", "\n\n", ". ", ".", "!", "?", "…", "...", "e.g.", "U.S.", "Jan.", "No.", " No. 5",
    "J.", "-", "- ", "• ", "1. ", "a) ", "'", "’", "“", "”", "(", ")", "$", "$3.50", "5%", "2.1",
    "12/31/2029", "10:30", "@", "help@example.com", "http://", "https://x.org/a.", "www.", "example.com",
    "word", "Word", "WORD", "DO NOT", "OTA", "firmware", "in order to", "may", "May", "not", "unlikely",
    "is", "are installed", "connected", "by", "update", "automatically", "naïve", "e\xcc\x81", "漢字",
    "😀", "\t", ",", ";", ":", "—", "–", "end-of-life", "don't", "'s", "a", "I",
  };

  for (guint round = 0; round < 3000; round++)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      g_autoptr(CandorTextAnalysis) analysis = NULL;
      guint n_pieces = g_test_rand_int_range (0, 40);
      const CandorWord *words;
      const CandorSentence *sentences;
      GPtrArray *findings;
      guint n_words, n_sentences, n_chars, last_end = 0;

      for (guint k = 0; k < n_pieces; k++)
        g_string_append (text, pieces[g_test_rand_int_range (0, G_N_ELEMENTS (pieces))]);
      n_chars = g_utf8_strlen (text->str, text->len);
      analysis = candor_text_analysis_new (text->str, text->len,
                                           g_test_rand_bit () ? CANDOR_TEXT_LABEL : CANDOR_TEXT_WEB,
                                           g_test_rand_bit () ? CANDOR_ANALYSIS_IN_PROGRESS : CANDOR_ANALYSIS_NONE,
                                           NULL);
      g_assert_nonnull (analysis);
      words = candor_text_analysis_get_words (analysis, &n_words);
      for (guint i = 0; i < n_words; i++)
        {
          g_assert_cmpuint (words[i].start, >=, last_end);
          g_assert_cmpuint (words[i].start, <, words[i].end);
          g_assert_cmpuint (words[i].end, <=, n_chars);
          g_assert_cmpuint (g_utf8_pointer_to_offset (text->str, text->str + words[i].byte_start), ==, words[i].start);
          g_assert_cmpuint (words[i].syllables, >=, 1);
          last_end = words[i].end;
        }
      sentences = candor_text_analysis_get_sentences (analysis, &n_sentences);
      for (guint i = 0; i < n_sentences; i++)
        {
          g_assert_cmpuint (sentences[i].n_words, >=, 1);
          g_assert_cmpuint (sentences[i].start, <=, sentences[i].end);
          g_assert_cmpuint (sentences[i].end, <=, n_chars);
        }
      findings = candor_text_analysis_get_findings (analysis);
      for (guint i = 0; i < findings->len; i++)
        {
          const CandorFinding *f = g_ptr_array_index (findings, i);
          g_assert_cmpuint (f->start, <, f->end);
          g_assert_cmpuint (f->end, <=, n_chars);
          g_assert_true (g_utf8_validate (f->quote, -1, NULL));
          g_assert_nonnull (f->message);
        }
      g_free (candor_text_analysis_explain (analysis));
      json_object_unref (candor_text_analysis_to_json (analysis));
    }
}

static void
test_invalid_utf8 (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CandorTextAnalysis) analysis = candor_text_analysis_new ("Fine\xff text", -1, CANDOR_TEXT_WEB, CANDOR_ANALYSIS_NONE, &error);

  g_assert_null (analysis);
  g_assert_error (error, CANDOR_ERROR, CANDOR_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "offset 4"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/candor/readability/counts/file", test_counts_file);
  g_test_add_func ("/candor/readability/counts/character-offsets", test_character_offsets);
  g_test_add_func ("/candor/readability/counts/word-kinds", test_word_kinds);
  g_test_add_func ("/candor/readability/counts/may", test_may);
  g_test_add_func ("/candor/readability/counts/unfinished", test_unfinished);
  g_test_add_func ("/candor/readability/counts/empty", test_empty);
  g_test_add_func ("/candor/readability/counts/random-text", test_random_text);
  g_test_add_func ("/candor/readability/counts/invalid-utf8", test_invalid_utf8);
  return g_test_run ();
}
