/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-identity-validity.h: how long a signing identity must be valid for the disclosure it
 * signs: to the end of security updates, and a margin. */
#pragma once

#include "candor-certificate.h"
#include "candor-document.h"

G_BEGIN_DECLS

/* Without an end date to cover: three years. */
#define CANDOR_IDENTITY_DEFAULT_VALIDITY_DAYS 1095
/* After the end of security updates, the last disclosure can still be signed again (a
 * correction, a new language) for a year. */
#define CANDOR_IDENTITY_VALIDITY_MARGIN_DAYS  365
#define CANDOR_IDENTITY_MAX_VALIDITY_DAYS     36500

/**
 * candor_identity_validity_days_for:
 * @not_before: (nullable): start of validity; %NULL for now
 * @support_end: (nullable): the last day of security updates, or %NULL
 *
 * Days a new identity should be valid so that it covers @support_end plus
 * %CANDOR_IDENTITY_VALIDITY_MARGIN_DAYS; never less than
 * %CANDOR_IDENTITY_DEFAULT_VALIDITY_DAYS, at most %CANDOR_IDENTITY_MAX_VALIDITY_DAYS.
 */
guint  candor_identity_validity_days_for          (GDateTime         *not_before,
                                                   const GDate       *support_end);

/* The same for the end of security updates that @document's answers give. */
guint  candor_identity_validity_days_for_document (GDateTime         *not_before,
                                                   CandorDocument    *document);

/**
 * candor_certificate_support_end_warning:
 *
 * A warning when @certificate expires before the end of security updates of @document:
 * after that day, corrected or updated disclosures for the product cannot be signed with it.
 * Returns: (transfer full) (nullable): the warning, or %NULL when it lasts long enough or the
 *   answers give no end date
 */
char  *candor_certificate_support_end_warning     (CandorCertificate *certificate,
                                                   CandorDocument    *document);

G_END_DECLS
