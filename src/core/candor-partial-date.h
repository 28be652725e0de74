/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-partial-date.h: dates as drafts write them, "YYYY-MM" or "YYYY-MM-DD": the one parser. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A date as written in a draft: "YYYY-MM" (day == 0) or "YYYY-MM-DD". */
typedef struct
{
  int year;  /* 1..9999 */
  int month; /* 1..12 */
  int day;   /* 1..31, or 0 when only the month is known */
} CandorPartialDate;

gboolean          candor_partial_date_parse      (const char              *text,
                                                  CandorPartialDate       *out);
CandorPartialDate candor_partial_date_add_months (const CandorPartialDate *date,
                                                  int                      months);
char             *candor_partial_date_to_string  (const CandorPartialDate *date);

G_END_DECLS
