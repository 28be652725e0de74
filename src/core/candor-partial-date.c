/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-partial-date.c: dates as drafts write them, "YYYY-MM" or "YYYY-MM-DD": the one parser
 * that the schema check, the wording and the answer rows share. */
#include "config.h"

#include <string.h>

#include "candor-partial-date.h"

/* Two or four ASCII digits (never another script's digits, a sign or a space). */
static gboolean
digits (const char *text, gsize n, int *out)
{
  int value = 0;

  for (gsize i = 0; i < n; i++)
    {
      if (text[i] < '0' || text[i] > '9')
        return FALSE;
      value = value * 10 + (text[i] - '0');
    }
  *out = value;
  return TRUE;
}

/**
 * candor_partial_date_parse:
 * @text: (nullable): "YYYY-MM" or "YYYY-MM-DD"
 * @out: (out) (optional): the date
 *
 * Reads a date exactly as a draft writes it: four ASCII digits of year (0001 to 9999), a
 * hyphen, two of month (01 to 12), and optionally a hyphen and two of day, a day that the
 * month has (29 February only in leap years). Nothing before or after it.
 *
 * Returns: %TRUE if @text is such a date; @out is left alone otherwise
 */
gboolean
candor_partial_date_parse (const char *text, CandorPartialDate *out)
{
  CandorPartialDate date = { 0, 0, 0 };
  gsize len;

  if (text == NULL)
    return FALSE;
  len = strlen (text);
  if (len != 7 && len != 10)
    return FALSE;
  if (!digits (text, 4, &date.year) || text[4] != '-' || !digits (text + 5, 2, &date.month))
    return FALSE;
  if (len == 10 && (text[7] != '-' || !digits (text + 8, 2, &date.day)))
    return FALSE;
  if (date.year < 1 || date.month < 1 || date.month > 12)
    return FALSE;
  if (len == 10 && (date.day < 1 || date.day > g_date_get_days_in_month ((GDateMonth) date.month,
                                                                          (GDateYear) date.year)))
    return FALSE;
  if (out != NULL)
    *out = date;
  return TRUE;
}

/**
 * candor_partial_date_add_months:
 *
 * Adds whole months (@months >= 0); a day past the end of the new month moves back to its
 * last day (29 February 2028 + 12 months = 28 February 2029). The precision stays.
 *
 * Returns: the later date
 */
CandorPartialDate
candor_partial_date_add_months (const CandorPartialDate *date, int months)
{
  CandorPartialDate result = *date;
  int total = date->year * 12 + (date->month - 1) + months;

  result.year = total / 12;
  result.month = total % 12 + 1;
  if (result.day > 0)
    {
      int last = g_date_get_days_in_month ((GDateMonth) result.month, (GDateYear) result.year);
      result.day = MIN (result.day, last);
    }
  return result;
}

/**
 * candor_partial_date_to_string:
 *
 * Returns: (transfer full): the date as a draft writes it, "YYYY-MM" or "YYYY-MM-DD"
 */
char *
candor_partial_date_to_string (const CandorPartialDate *date)
{
  if (date->day > 0)
    return g_strdup_printf ("%04d-%02d-%02d", date->year, date->month, date->day);
  return g_strdup_printf ("%04d-%02d", date->year, date->month);
}
