/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-partial-date.c: the one parser of "YYYY-MM" / "YYYY-MM-DD" (candor-partial-date.c), its
 * edge cases, and that the schema's "partial-date" format uses it. */
#include "config.h"

#include <string.h>

#include "candor-partial-date.h"
#include "candor-schema.h"

static void
test_valid (void)
{
  static const struct { const char *text; int y, m, d; } cases[] = {
    { "2029-12", 2029, 12, 0 },
    { "2029-01-01", 2029, 1, 1 },
    { "2028-02-29", 2028, 2, 29 },   /* leap year */
    { "2000-02-29", 2000, 2, 29 },   /* divisible by 400: leap */
    { "2029-02-28", 2029, 2, 28 },
    { "2029-04-30", 2029, 4, 30 },
    { "2029-12-31", 2029, 12, 31 },
    { "0001-01", 1, 1, 0 },
    { "9999-12-31", 9999, 12, 31 },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      CandorPartialDate date = { -1, -1, -1 };
      g_autofree char *back = NULL;

      g_test_message ("%s", cases[i].text);
      g_assert_true (candor_partial_date_parse (cases[i].text, &date));
      g_assert_cmpint (date.year, ==, cases[i].y);
      g_assert_cmpint (date.month, ==, cases[i].m);
      g_assert_cmpint (date.day, ==, cases[i].d);
      back = candor_partial_date_to_string (&date);
      g_assert_cmpstr (back, ==, cases[i].text);
    }
}

static void
test_invalid (void)
{
  static const char *const cases[] = {
    /* no 29 February outside leap years */
    "2029-02-29", "1900-02-29", "2100-02-29", "2028-02-30",
    /* month 00 and 13 */
    "2029-00", "2029-13", "2029-00-10", "2029-13-01",
    /* day 31 in 30-day months, day 00, day 32 */
    "2029-04-31", "2029-06-31", "2029-09-31", "2029-11-31", "2029-01-00", "2029-01-32",
    /* year 0000 */
    "0000-01", "0000-01-01",
    /* trailing or leading garbage, spaces, signs */
    "2029-01-01x", "2029-01x", "2029-01-", "2029-01-1", "2029-1", "2029-1-05", "202-01", "20290-01",
    " 2029-01", "2029-01 ", "2029-01\n", "+029-01", "2029-+1", "2029--1", "2029-01-+1", "2029/01",
    "2029-01-01T00:00", "29-01-2029", "01/31/2029", "",
    /* digits of other scripts: fullwidth ２０２９, Arabic-Indic ٢٠٢٩, Devanagari ०१ */
    "\xef\xbc\x92\xef\xbc\x90\xef\xbc\x92\xef\xbc\x99-01",
    "\xd9\xa2\xd9\xa0\xd9\xa2\xd9\xa9-01",
    "2029-\xe0\xa5\xa6\xe0\xa5\xa7",
    "2029-01-\xd9\xa1\xd9\xa1",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      CandorPartialDate date = { 7, 7, 7 };

      g_test_message ("refuses “%s”", cases[i]);
      g_assert_false (candor_partial_date_parse (cases[i], &date));
      /* left alone */
      g_assert_cmpint (date.year, ==, 7);
      g_assert_cmpint (date.month, ==, 7);
      g_assert_cmpint (date.day, ==, 7);
    }
  g_assert_false (candor_partial_date_parse (NULL, NULL));
  /* an embedded NUL ends the text: "2029-01\0-01" is "2029-01" */
  g_assert_true (candor_partial_date_parse ("2029-01\0-01", NULL));
}

static void
test_add_months (void)
{
  static const struct { const char *from; int months; const char *to; } cases[] = {
    { "2025-03", 60, "2030-03" },
    { "2025-11", 2, "2026-01" },
    { "2024-01-31", 1, "2024-02-29" },
    { "2023-01-31", 1, "2023-02-28" },
    { "2028-02-29", 12, "2029-02-28" },
    { "2025-12-31", 12, "2026-12-31" },
    { "2029-08-31", 1, "2029-09-30" },
    { "2029-05-15", 0, "2029-05-15" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      CandorPartialDate date;
      g_autofree char *got = NULL;

      g_assert_true (candor_partial_date_parse (cases[i].from, &date));
      date = candor_partial_date_add_months (&date, cases[i].months);
      got = candor_partial_date_to_string (&date);
      g_assert_cmpstr (got, ==, cases[i].to);
    }
}

/* The schema's "partial-date" format is the same parser: sscanf there let " 2029-01",
 * "2029-+1" and "+029-01" through. */
static void
test_schema_format (void)
{
  static const struct { const char *date; gboolean valid; } cases[] = {
    { "2029-12", TRUE }, { "2028-02-29", TRUE }, { "2029-02-29", FALSE }, { "2029-13", FALSE },
    { "2029-04-31", FALSE }, { "2029-+1", FALSE }, { " 2029-01", FALSE }, { "+029-01", FALSE },
    { "2029-01-01x", FALSE }, { "\xd9\xa2\xd9\xa0\xd9\xa2\xd9\xa9-01", FALSE },
  };
  CandorSchema *schema = candor_schema_get ("candor-draft.schema.json");

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *json = g_strdup_printf (
          "{\"format\": \"candor-disclosure\", \"version\": 1, \"product\": {},"
          " \"elements\": {\"A3\": {\"end_kind\": \"date\", \"end_date\": \"%s\"}}}", cases[i].date);
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) root = json_from_string (json, &error);
      g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
      gboolean names_date = FALSE;

      g_assert_no_error (error);
      candor_schema_validate (schema, root, problems, 20);
      for (guint k = 0; k < problems->len; k++)
        names_date |= g_str_has_prefix (problems->pdata[k], "$.elements.A3.end_date");
      g_test_message ("%s: %u problems", cases[i].date, problems->len);
      g_assert_cmpint (names_date, ==, !cases[i].valid);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/candor/core/partial-date/valid", test_valid);
  g_test_add_func ("/candor/core/partial-date/invalid", test_invalid);
  g_test_add_func ("/candor/core/partial-date/add-months", test_add_months);
  g_test_add_func ("/candor/core/partial-date/schema-format", test_schema_format);
  return g_test_run ();
}
