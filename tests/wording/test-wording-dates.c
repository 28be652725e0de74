/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-wording-dates.c: dates written out in full, and every way a date can be malformed. */
#include <glib.h>
#include <locale.h>

#include "candor-wording.h"

static void
test_format_date (void)
{
  static const struct
  {
    const char *in, *out;
  } dates[] = {
    { "2029-12-31", "31 December 2029" },
    { "2029-12", "December 2029" },
    { "2029-01-01", "1 January 2029" },
    { "2028-02-29", "29 February 2028" },  /* leap year */
    { "2000-02-29", "29 February 2000" },  /* divisible by 400: leap */
    { "2030-06", "June 2030" },
    { "0001-01", "January 1" },
    { "9999-12-31", "31 December 9999" },
    { "2027-02-29", NULL },  /* not a leap year */
    { "2100-02-29", NULL },  /* divisible by 100 only: not leap */
    { "2029-04-31", NULL },
    { "2029-13", NULL },
    { "2029-00", NULL },
    { "2029-12-00", NULL },
    { "2029-12-32", NULL },
    { "0000-01", NULL },
    { "2029-1", NULL },
    { "2029-01-1", NULL },
    { "29-12-2029", NULL },
    { "12/31/29", NULL },
    { "2029-12-31x", NULL },
    { "2029-12-31T00:00:00Z", NULL },
    { " 2029-12", NULL },
    { "+029-12", NULL },
    { "２０２９-12", NULL },
    { "", NULL },
    { NULL, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      g_autofree char *out = candor_wording_format_date (dates[i].in);
      g_assert_cmpstr (out, ==, dates[i].out);
    }
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/candor/wording/dates/format", test_format_date);
  return g_test_run ();
}
