/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-identity-validity.c: how long a signing identity must be valid for the disclosure it
 * signs: to the end of security updates, and a margin. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "candor-identity-validity.h"
#include "candor-wording.h"

static void
date_from_time (GDateTime *when, GDate *date)
{
  g_date_clear (date, 1);
  g_date_set_dmy (date, (GDateDay) g_date_time_get_day_of_month (when),
                  (GDateMonth) g_date_time_get_month (when), (GDateYear) g_date_time_get_year (when));
}

guint
candor_identity_validity_days_for (GDateTime *not_before, const GDate *support_end)
{
  g_autoptr(GDateTime) now = NULL;
  GDate start;
  gint64 days;

  if (support_end == NULL || !g_date_valid (support_end))
    return CANDOR_IDENTITY_DEFAULT_VALIDITY_DAYS;
  if (not_before == NULL)
    not_before = now = g_date_time_new_now_utc ();
  date_from_time (not_before, &start);
  /* Through the whole last day, then the margin. */
  days = (gint64) g_date_get_julian (support_end) - (gint64) g_date_get_julian (&start) + 1
         + CANDOR_IDENTITY_VALIDITY_MARGIN_DAYS;
  return (guint) CLAMP (days, CANDOR_IDENTITY_DEFAULT_VALIDITY_DAYS, CANDOR_IDENTITY_MAX_VALIDITY_DAYS);
}

guint
candor_identity_validity_days_for_document (GDateTime *not_before, CandorDocument *document)
{
  GDate end;

  g_return_val_if_fail (CANDOR_IS_DOCUMENT (document), CANDOR_IDENTITY_DEFAULT_VALIDITY_DAYS);

  if (!candor_wording_support_end (document, &end))
    return CANDOR_IDENTITY_DEFAULT_VALIDITY_DAYS;
  return candor_identity_validity_days_for (not_before, &end);
}

static char *
format_date (const GDate *date)
{
  g_autofree char *iso = g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (date),
                                          g_date_get_month (date), g_date_get_day (date));

  return candor_wording_format_date (iso);
}

char *
candor_certificate_support_end_warning (CandorCertificate *certificate, CandorDocument *document)
{
  GDateTime *not_after;
  GDate end, expires;
  g_autofree char *end_text = NULL;
  g_autofree char *expires_text = NULL;

  g_return_val_if_fail (CANDOR_IS_CERTIFICATE (certificate), NULL);
  g_return_val_if_fail (CANDOR_IS_DOCUMENT (document), NULL);

  not_after = candor_certificate_get_not_after (certificate);
  if (not_after == NULL || !candor_wording_support_end (document, &end))
    return NULL;
  {
    g_autoptr(GDateTime) utc = g_date_time_to_utc (not_after);
    date_from_time (utc, &expires);
  }
  /* Valid through the end's last day: fine. */
  if (g_date_compare (&expires, &end) > 0)
    return NULL;
  end_text = format_date (&end);
  expires_text = format_date (&expires);
  /* Translators: %1$s and %2$s are dates like "4 December 2029". */
  return g_strdup_printf (_("The signing certificate expires on %1$s, before security updates end on %2$s. "
                            "After that, corrected or updated disclosures for this product cannot be signed "
                            "with it. Make a signing identity that is valid for longer."),
                          expires_text, end_text);
}
