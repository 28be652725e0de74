/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-wording-check.c: every consistency rule fires when it should and stays quiet when it should not. */
#include <glib.h>
#include <locale.h>

#include "candor-wording.h"
#include "wording-test-util.h"

/* A complete, consistent draft: no issue at all. */
#define BASELINE                                                                                    \
  "{'A1': {'receives_updates': 'yes'},"                                                            \
  " 'A2': {'method': 'automatic', 'cost': 'free', 'needs_internet': true},"                        \
  " 'A3': {'end_kind': 'date', 'end_date': '2099-12', 'at_least': true, 'first_sale_date': '2090-01'}," \
  " 'B1': {'channels': ['app'], 'schedule': 'as-needed', 'tells_what_fixed': true, 'warns_before_end': true}," \
  " 'B2': {'after_end': 'keeps-working'}," \
  " 'B3': {'measures': ['signed']}}"

/* A.1 "no", told consistently: no method, cost or end date, with a reason and advice; then
 * @extra, a second patch (patches are separated by "|"). */
#define NO_UPDATES(extra)                                                                           \
  "{'A1': {'receives_updates': 'no', 'no_reason': 'The chip is too small', 'no_advice': ['replace']}," \
  " 'A2': {'method': null, 'cost': null, 'needs_internet': null}," \
  " 'A3': {'end_kind': null, 'end_date': null, 'at_least': null, 'first_sale_date': null}," \
  " 'B1': {'channels': null, 'schedule': null, 'tells_what_fixed': null, 'warns_before_end': null}," \
  " 'B2': {'after_end': null}, 'B3': {'measures': null}}|" extra

#define FIXED_TODAY 25, G_DATE_NOVEMBER, 2026

typedef struct
{
  const char      *rule;
  const char      *patch;      /* applied on top of BASELINE */
  gboolean         fires;
  CandorSeverity   severity;   /* when it fires */
  CandorElementId  element;    /* the first element named */
  const char      *key;
} RuleCase;

#define FIRES(rule, patch, sev, el, key) { rule, patch, TRUE, CANDOR_SEVERITY_##sev, CANDOR_ELEMENT_##el, key }
#define QUIET(rule, patch) { rule, patch, FALSE, 0, 0, NULL }

static const RuleCase rule_cases[] = {
  FIRES ("a1-missing", "{'A1': {'receives_updates': null}}", BLOCKING, A1, "receives_updates"),
  QUIET ("a1-missing", "{'A1': {'receives_updates': 'service', 'service_how': 'store'}}"),
  FIRES ("a1-missing", "{'A1': {'receives_updates': 5}}", BLOCKING, A1, "receives_updates"),

  FIRES ("a1-service-how-missing", "{'A1': {'receives_updates': 'service'}}", WARNING, A1, "service_how"),
  QUIET ("a1-service-how-missing", "{'A1': {'receives_updates': 'service', 'service_how': 'return'}}"),

  FIRES ("a1-service-but-automatic", "{'A1': {'receives_updates': 'service', 'service_how': 'store'}}",
         WARNING, A1, "method"),
  QUIET ("a1-service-but-automatic", "{'A1': {'receives_updates': 'service', 'service_how': 'store'},"
         " 'A2': {'method': 'manual', 'manual_how': ['service-visit']}}"),

  FIRES ("a1-no-reason-missing", NO_UPDATES ("{'A1': {'receives_updates': 'no', 'no_reason': null}}"),
         WARNING, A1, "no_reason"),
  QUIET ("a1-no-reason-missing", NO_UPDATES ("")),
  FIRES ("a1-no-advice-missing", NO_UPDATES ("{'A1': {'receives_updates': 'no', 'no_advice': []}}"),
         WARNING, A1, "no_advice"),
  QUIET ("a1-no-advice-missing", NO_UPDATES ("")),

  FIRES ("a1-no-updates-but-automatic", NO_UPDATES ("{'A2': {'method': 'automatic'}}"), BLOCKING, A1, "method"),
  QUIET ("a1-no-updates-but-automatic", NO_UPDATES ("{'A2': {'method': 'approve'}}")),
  FIRES ("a1-no-updates-but-method", NO_UPDATES ("{'A2': {'method': 'manual', 'manual_how': ['usb']}}"),
         BLOCKING, A1, "method"),
  QUIET ("a1-no-updates-but-method", NO_UPDATES ("{'A2': {'method': 'automatic-default'}}")),
  FIRES ("a1-no-updates-but-cost", NO_UPDATES ("{'A2': {'cost': 'free'}}"), BLOCKING, A1, "cost"),
  QUIET ("a1-no-updates-but-cost", NO_UPDATES ("")),
  FIRES ("a1-no-updates-but-end-date", NO_UPDATES ("{'A3': {'end_kind': 'date', 'end_date': '2099-12'}}"),
         BLOCKING, A1, "end_kind"),
  FIRES ("a1-no-updates-but-end-date",
         NO_UPDATES ("{'A3': {'end_kind': 'period', 'period_months': 60, 'period_from': 'purchase'}}"),
         BLOCKING, A1, "end_kind"),
  QUIET ("a1-no-updates-but-end-date", NO_UPDATES ("{'A3': {'end_kind': 'none'}}")),

  FIRES ("a2-method-missing", "{'A2': {'method': null}}", BLOCKING, A2, "method"),
  QUIET ("a2-method-missing", NO_UPDATES ("")),
  FIRES ("a2-cost-missing", "{'A2': {'cost': null}}", BLOCKING, A2, "cost"),
  QUIET ("a2-cost-missing", NO_UPDATES ("")),
  FIRES ("a2-manual-without-how", "{'A2': {'method': 'manual'}}", BLOCKING, A2, "manual_how"),
  FIRES ("a2-manual-without-how", "{'A2': {'method': 'manual', 'manual_how': []}}", BLOCKING, A2, "manual_how"),
  QUIET ("a2-manual-without-how", "{'A2': {'method': 'manual', 'manual_how': ['usb']}}"),
  FIRES ("a2-price-missing", "{'A2': {'cost': 'subscription'}}", BLOCKING, A2, "price"),
  FIRES ("a2-price-missing", "{'A2': {'cost': 'per-update', 'price': {'amount': 'x', 'currency': 'EUR'}}}",
         BLOCKING, A2, "price"),
  QUIET ("a2-price-missing", "{'A2': {'cost': 'per-update', 'price': {'amount': '5', 'currency': 'EUR'}}}"),
  /* after a free time the buyer pays too: the box must say how much */
  FIRES ("a2-price-missing", "{'A2': {'cost': 'included-period', 'included_months': 24}}", BLOCKING, A2, "price"),
  QUIET ("a2-price-missing", "{'A2': {'cost': 'included-period', 'included_months': 24,"
         " 'price': {'amount': '2.99', 'currency': 'EUR'}, 'price_period': 'year'}}"),
  FIRES ("a2-subscription-period-missing", "{'A2': {'cost': 'included-period', 'included_months': 24,"
         " 'price': {'amount': '2.99', 'currency': 'EUR'}}}", WARNING, A2, "price_period"),
  FIRES ("a2-subscription-period-missing",
         "{'A2': {'cost': 'subscription', 'price': {'amount': '5', 'currency': 'EUR'}}}", WARNING, A2, "price_period"),
  QUIET ("a2-subscription-period-missing",
         "{'A2': {'cost': 'subscription', 'price': {'amount': '5', 'currency': 'EUR'}, 'price_period': 'year'}}"),
  FIRES ("a2-included-months-missing", "{'A2': {'cost': 'included-period'}}", BLOCKING, A2, "included_months"),
  QUIET ("a2-included-months-missing", "{'A2': {'cost': 'included-period', 'included_months': 12}}"),
  FIRES ("a2-free-with-price", "{'A2': {'price': {'amount': '4.99', 'currency': 'EUR'}, 'price_period': 'month'}}",
         BLOCKING, A2, "price"),
  QUIET ("a2-free-with-price", "{'A2': {'cost': 'subscription', 'price': {'amount': '4.99', 'currency': 'EUR'},"
         " 'price_period': 'month'}}"),

  FIRES ("a3-end-missing", "{'A3': {'end_kind': null}}", BLOCKING, A3, "end_kind"),
  QUIET ("a3-end-missing", NO_UPDATES ("")),
  FIRES ("a3-date-missing", "{'A3': {'end_date': null}}", BLOCKING, A3, "end_date"),
  FIRES ("a3-date-missing", "{'A3': {'end_date': '2099-02-30'}}", BLOCKING, A3, "end_date"),
  QUIET ("a3-date-missing", "{'A3': {'end_date': '2099-12-31'}}"),
  FIRES ("a3-period-missing", "{'A3': {'end_kind': 'period', 'period_months': 60}}", BLOCKING, A3, "period_from"),
  QUIET ("a3-period-missing", "{'A3': {'end_kind': 'period', 'period_months': 120, 'period_from': 'purchase'}}"),
  FIRES ("a3-unknown-without-reason", "{'A3': {'end_kind': 'unknown', 'known_by': '2099-01'}}",
         BLOCKING, A3, "unknown_reason"),
  QUIET ("a3-unknown-without-reason",
         "{'A3': {'end_kind': 'unknown', 'known_by': '2099-01', 'unknown_reason': 'The chip maker has not said'}}"),
  FIRES ("a3-unknown-without-known-by", "{'A3': {'end_kind': 'unknown', 'unknown_reason': 'Not decided'}}",
         WARNING, A3, "known_by"),
  QUIET ("a3-unknown-without-known-by",
         "{'A3': {'end_kind': 'unknown', 'unknown_reason': 'Not decided', 'known_by': '2026-11'}}"),
  FIRES ("a3-known-by-in-past",
         "{'A3': {'end_kind': 'unknown', 'unknown_reason': 'Not decided', 'known_by': '2026-10'}}",
         WARNING, A3, "known_by"),
  QUIET ("a3-known-by-in-past",
         "{'A3': {'end_kind': 'unknown', 'unknown_reason': 'Not decided', 'known_by': '2026-11'}}"),
  FIRES ("a3-period-without-date",
         "{'A3': {'end_kind': 'period', 'period_months': 72, 'period_from': 'first-sale', 'first_sale_date': null}}",
         BLOCKING, A3, "first_sale_date"),
  FIRES ("a3-period-without-date",
         "{'A3': {'end_kind': 'period', 'period_months': 72, 'period_from': 'end-of-sale', 'first_sale_date': null}}",
         BLOCKING, A3, "first_sale_date"),
  FIRES ("a3-period-without-date",
         "{'A3': {'end_kind': 'period', 'period_months': 72, 'period_from': 'purchase', 'first_sale_date': null}}",
         WARNING, A3, "first_sale_date"),
  QUIET ("a3-period-without-date",
         "{'A3': {'end_kind': 'period', 'period_months': 72, 'period_from': 'first-sale'}}"),
  QUIET ("a3-period-without-date",
         "{'A3': {'end_kind': 'period', 'period_months': 72, 'period_from': 'end-of-sale', 'first_sale_date': null,"
         " 'end_of_sale_date': '2095-01'}}"),
  FIRES ("a3-first-sale-missing", "{'A3': {'first_sale_date': null}}", INFO, A3, "first_sale_date"),
  FIRES ("a3-first-sale-missing", "{'A3': {'first_sale_date': '2090-13'}}", INFO, A3, "first_sale_date"),
  QUIET ("a3-first-sale-missing", "{'A3': {'first_sale_date': '2090-01-15'}}"),
  QUIET ("a3-first-sale-missing", "{'A3': {'end_kind': 'none', 'first_sale_date': null}}"),
  FIRES ("a3-under-five-years", "{'A3': {'end_date': '2094-12'}}", WARNING, A3, "end_date"),
  QUIET ("a3-under-five-years", "{'A3': {'end_date': '2095-01'}}"),
  FIRES ("a3-under-five-years", "{'A3': {'end_kind': 'period', 'period_months': 48, 'period_from': 'first-sale'}}",
         WARNING, A3, "period_months"),
  FIRES ("a3-under-five-years",
         "{'A3': {'end_kind': 'period', 'period_months': 36, 'period_from': 'purchase', 'first_sale_date': null}}",
         WARNING, A3, "period_months"),
  QUIET ("a3-under-five-years",
         "{'A3': {'end_kind': 'period', 'period_months': 36, 'period_from': 'end-of-sale', 'first_sale_date': '2090-01',"
         " 'end_of_sale_date': '2093-01'}}"),
  FIRES ("a3-date-in-past", "{'A3': {'end_date': '2026-10-31', 'first_sale_date': null}}", BLOCKING, A3, "end_date"),
  QUIET ("a3-date-in-past", "{'A3': {'end_date': '2026-11', 'first_sale_date': null}}"),
  FIRES ("a3-date-in-past",
         "{'A3': {'end_kind': 'period', 'period_months': 60, 'period_from': 'first-sale', 'first_sale_date': '2020-01',"
         " 'at_least': false}}",
         BLOCKING, A3, "period_months"),
  QUIET ("a3-date-in-past",
         "{'A3': {'end_kind': 'period', 'period_months': 60, 'period_from': 'purchase', 'first_sale_date': '2020-01'}}"),

  FIRES ("expires-wording", "{'A3': {'label_text': 'Support expires in December 2099.'}}", WARNING, A3, "label_text"),
  FIRES ("expires-wording", "{'B2': {'web_text': 'After the EXPIRY of support it keeps working.'}}",
         WARNING, B2, "web_text"),
  FIRES ("expires-wording", "{'A3': {'web_text': 'Expiration of updates: December 2099.'}}", WARNING, A3, "web_text"),
  QUIET ("expires-wording", "{'A3': {'label_text': 'Security updates end in December 2099.'}}"),

  FIRES ("b2-stops-not-on-label",
         "{'B2': {'after_end': 'stops'}, 'A3': {'label_text': 'The Acme Cam 2 gets security updates until December 2099.'}}",
         BLOCKING, B2, "label_text"),
  QUIET ("b2-stops-not-on-label", "{'B2': {'after_end': 'stops'}}"),
  QUIET ("b2-stops-not-on-label",
         "{'B2': {'after_end': 'stops'}, 'A3': {'label_text': 'Updates until December 2099. Then it will no longer work.'}}"),

  FIRES ("a2-text-says-free-but-paid",
         "{'A2': {'cost': 'subscription', 'price': {'amount': '2.99', 'currency': 'EUR'}, 'price_period': 'year', "
         "'web_text': 'Updates are free. You do not need a subscription.', 'web_edited': true}}",
         BLOCKING, A2, "web_text"),
  FIRES ("a2-text-says-free-but-paid",
         "{'A2': {'cost': 'per-update', 'price': {'amount': '5', 'currency': 'EUR'}, "
         "'label_text': 'Automatic, no cost', 'label_edited': true}}",
         BLOCKING, A2, "label_text"),
  /* the same words in a generated text are regenerated instead; a paid text says so */
  QUIET ("a2-text-says-free-but-paid",
         "{'A2': {'cost': 'subscription', 'price': {'amount': '2.99', 'currency': 'EUR'}, 'price_period': 'year', "
         "'web_text': 'Updates are free.', 'web_edited': false}}"),
  QUIET ("a2-text-says-free-but-paid",
         "{'A2': {'cost': 'subscription', 'price': {'amount': '2.99', 'currency': 'EUR'}, 'price_period': 'year', "
         "'web_text': 'Updates need a subscription of 2.99 euros a year.', 'web_edited': true}}"),
  /* free for a while, then paid: "free" alone hides the price; with the time limit it does not */
  FIRES ("a2-text-says-free-but-paid",
         "{'A2': {'cost': 'included-period', 'included_months': 24, 'price': {'amount': '2.99', 'currency': 'EUR'},"
         " 'price_period': 'year', 'label_text': 'Automatic and free.', 'label_edited': true}}",
         BLOCKING, A2, "label_text"),
  QUIET ("a2-text-says-free-but-paid",
         "{'A2': {'cost': 'included-period', 'included_months': 24, 'price': {'amount': '2.99', 'currency': 'EUR'},"
         " 'price_period': 'year', 'web_text': 'Updates are free for two years, then cost €2.99 a year.', 'web_edited': true}}"),
  /* the price a text names against the answered one */
  FIRES ("a2-text-price-differs",
         "{'A2': {'cost': 'subscription', 'price': {'amount': '2.99', 'currency': 'EUR'}, 'price_period': 'year',"
         " 'web_text': 'Updates need a subscription of 1.99 euros a year.', 'web_edited': true}}",
         BLOCKING, A2, "web_text"),
  FIRES ("a2-text-price-differs",
         "{'A2': {'cost': 'included-period', 'included_months': 12, 'price': {'amount': '30', 'currency': 'USD'},"
         " 'price_period': 'year', 'label_text': 'Free for a year, then $25 a year.', 'label_edited': true}}",
         BLOCKING, A2, "label_text"),
  FIRES ("a2-text-price-differs",
         "{'A2': {'cost': 'per-update', 'price': {'amount': '5.5', 'currency': 'CHF'},"
         " 'web_text': 'Each update costs 5 Swiss francs.', 'web_edited': true}}",
         BLOCKING, A2, "web_text"),
  /* the same amount written another way; a number that is no price */
  QUIET ("a2-text-price-differs",
         "{'A2': {'cost': 'subscription', 'price': {'amount': '2.99', 'currency': 'EUR'}, 'price_period': 'year',"
         " 'web_text': 'Free for 2 years, then EUR 2,99 a year.', 'web_edited': true}}"),
  QUIET ("a2-text-price-differs",
         "{'A2': {'cost': 'per-update', 'price': {'amount': '5.5', 'currency': 'CHF'},"
         " 'web_text': 'Each of the 4 yearly updates costs 5.50 Swiss francs.', 'web_edited': true}}"),
  FIRES ("a2-text-says-automatic-but-manual",
         "{'A2': {'method': 'manual', 'manual_how': ['app'], 'web_text': 'Updates install automatically at night.', 'web_edited': true}}",
         BLOCKING, A2, "web_text"),
  QUIET ("a2-text-says-automatic-but-manual",
         "{'A2': {'method': 'automatic', 'web_text': 'Updates install automatically at night.', 'web_edited': true}}"),

  /* A.1 texts typed by hand: "cannot be updated" against the answer, both ways. */
  FIRES ("a1-text-says-cannot-update-but-can",
         "{'A1': {'web_text': 'The Acme Cam 2 cannot be updated. Replace it after five years.', 'web_edited': true}}",
         BLOCKING, A1, "web_text"),
  FIRES ("a1-text-says-cannot-update-but-can",
         "{'A1': {'label_text': 'This camera does not receive security updates.', 'label_edited': true}}",
         BLOCKING, A1, "label_text"),
  FIRES ("a1-text-says-cannot-update-but-can",
         "{'A1': {'receives_updates': 'service', 'service_how': 'store',"
         " 'web_text': 'It gets no security updates.', 'web_edited': true},"
         " 'A2': {'method': 'manual', 'manual_how': ['service-visit']}}",
         BLOCKING, A1, "web_text"),
  /* how or until when is not "never": the generated service sentence, a dated end */
  QUIET ("a1-text-says-cannot-update-but-can",
         "{'A1': {'receives_updates': 'service', 'service_how': 'store',"
         " 'web_text': 'It gets updates at a store. It cannot install security updates by itself.', 'web_edited': true},"
         " 'A2': {'method': 'manual', 'manual_how': ['service-visit']}}"),
  QUIET ("a1-text-says-cannot-update-but-can",
         "{'A1': {'web_text': 'It gets security updates. It does not get updates after December 2099.', 'web_edited': true}}"),
  QUIET ("a1-text-says-cannot-update-but-can",
         "{'A1': {'web_text': 'The Acme Cam 2 cannot be updated.', 'web_edited': false}}"),
  FIRES ("a1-text-says-updates-but-cannot",
         NO_UPDATES ("{'A1': {'web_text': 'The Acme Cam 2 gets security updates. Keep it online.', 'web_edited': true}}"),
         BLOCKING, A1, "web_text"),
  FIRES ("a1-text-says-updates-but-cannot",
         NO_UPDATES ("{'A1': {'label_text': 'It receives updates.', 'label_edited': true}}"),
         BLOCKING, A1, "label_text"),
  /* advice about another device, and a negation, are not a claim that this one gets updates */
  QUIET ("a1-text-says-updates-but-cannot",
         NO_UPDATES ("{'A1': {'web_text': 'The Acme Cam 2 cannot get security updates. "
                     "Plan to replace it with a device that gets security updates.', 'web_edited': true}}")),
  QUIET ("a1-text-says-updates-but-cannot",
         NO_UPDATES ("{'A1': {'web_text': 'The Acme Cam 2 gets no security updates.', 'web_edited': true}}")),

  /* A.3 texts typed by hand: the end date they name against the answered one. */
  FIRES ("a3-text-date-differs",
         "{'A3': {'label_text': 'Security updates until December 2098.', 'label_edited': true}}",
         BLOCKING, A3, "label_text"),
  FIRES ("a3-text-date-differs",
         "{'A3': {'web_text': 'Updates continue until 2031-06.', 'web_edited': true,"
         " 'end_date': '2031-12'}}",
         BLOCKING, A3, "web_text"),
  FIRES ("a3-text-date-differs",
         "{'A3': {'web_text': 'We support it until June 2099.', 'web_edited': true}}",
         BLOCKING, A3, "web_text"),
  FIRES ("a3-text-date-differs",
         "{'A3': {'end_kind': 'period', 'period_months': 60, 'period_from': 'first-sale', 'end_date': null,"
         " 'web_text': 'Security updates end in 2096.', 'web_edited': true}}",
         BLOCKING, A3, "web_text"),
  /* a period from purchase gives only the earliest end (here January 2095): a later date is
   * an end some buyers get, an earlier one is not */
  QUIET ("a3-text-date-differs",
         "{'A3': {'end_kind': 'period', 'period_months': 60, 'period_from': 'purchase', 'end_date': null,"
         " 'web_text': 'Five years after you buy it: if you buy it in 2096, until 2101.', 'web_edited': true}}"),
  FIRES ("a3-text-date-differs",
         "{'A3': {'end_kind': 'period', 'period_months': 60, 'period_from': 'purchase', 'end_date': null,"
         " 'web_text': 'Security updates until June 2094.', 'web_edited': true}}",
         BLOCKING, A3, "web_text"),
  /* the same end in other words, with the first sale named too; a generated stale text */
  QUIET ("a3-text-date-differs",
         "{'A3': {'web_text': 'On sale since January 2090. Updates until at least December 31, 2099.', 'web_edited': true}}"),
  QUIET ("a3-text-date-differs",
         "{'A3': {'label_text': 'Security updates until 2099.', 'label_edited': true}}"),
  QUIET ("a3-text-date-differs",
         "{'A3': {'label_text': 'Security updates until December 2098.', 'label_edited': false}}"),
  FIRES ("a3-text-says-no-end-but-date",
         "{'A3': {'web_text': 'We will support the Acme Cam 2 indefinitely.', 'web_edited': true}}",
         BLOCKING, A3, "web_text"),
  FIRES ("a3-text-says-no-end-but-date",
         "{'A3': {'label_text': 'Security updates: no end date.', 'label_edited': true}}",
         BLOCKING, A3, "label_text"),
  QUIET ("a3-text-says-no-end-but-date",
         "{'A3': {'end_kind': 'none', 'end_date': null, 'at_least': null,"
         " 'web_text': 'We will support it indefinitely.', 'web_edited': true}}"),
  FIRES ("a3-text-gives-date-but-no-end",
         "{'A3': {'end_kind': 'none', 'end_date': null, 'at_least': null,"
         " 'label_text': 'Security updates until December 2099.', 'label_edited': true}}",
         BLOCKING, A3, "label_text"),
  FIRES ("a3-text-gives-date-but-no-end",
         "{'A3': {'end_kind': 'unknown', 'end_date': null, 'at_least': null, 'unknown_reason': 'Chip maker', 'known_by': '2091-06',"
         " 'web_text': 'Security updates last until 2099.', 'web_edited': true}}",
         BLOCKING, A3, "web_text"),
  /* the date by which the end will be known is an answer too */
  QUIET ("a3-text-gives-date-but-no-end",
         "{'A3': {'end_kind': 'unknown', 'end_date': null, 'at_least': null, 'unknown_reason': 'Chip maker', 'known_by': '2091-06',"
         " 'web_text': 'We will announce the end date by June 2091.', 'web_edited': true}}"),
  QUIET ("a3-text-gives-date-but-no-end",
         "{'A3': {'end_kind': 'none', 'end_date': null, 'at_least': null,"
         " 'web_text': 'The Acme Cam 2 has no planned end date for security updates.', 'web_edited': true}}"),

  FIRES ("b1-channels-missing", "{'B1': {'channels': null}}", BLOCKING, B1, "channels"),
  QUIET ("b1-channels-missing", "{'B1': {'channels': ['none'], 'tells_what_fixed': false, 'warns_before_end': false}}"),
  FIRES ("b1-none-with-channels", "{'B1': {'channels': ['app', 'none']}}", BLOCKING, B1, "channels"),
  QUIET ("b1-none-with-channels", "{'B1': {'channels': ['none'], 'tells_what_fixed': false, 'warns_before_end': false}}"),
  FIRES ("b1-none-but-tells-owners", "{'B1': {'channels': ['none']}}", WARNING, B1, "channels"),
  QUIET ("b1-none-but-tells-owners",
         "{'B1': {'channels': ['none'], 'tells_what_fixed': false, 'warns_before_end': false}}"),
  FIRES ("b1-schedule-other-missing", "{'B1': {'schedule': 'other'}}", WARNING, B1, "schedule_other"),
  QUIET ("b1-schedule-other-missing", "{'B1': {'schedule': 'other', 'schedule_other': 'Twice a year'}}"),

  FIRES ("b2-after-end-missing", "{'B2': {'after_end': null}}", BLOCKING, B2, "after_end"),
  QUIET ("b2-after-end-missing", NO_UPDATES ("")),
  FIRES ("b2-other-missing", "{'B2': {'after_end': 'other'}}", BLOCKING, B2, "other"),
  QUIET ("b2-other-missing", "{'B2': {'after_end': 'other', 'other': 'It becomes a plain camera'}}"),
  FIRES ("b2-lost-functions-missing", "{'B2': {'after_end': 'loses-functions'}}", WARNING, B2, "lost_functions"),
  QUIET ("b2-lost-functions-missing", "{'B2': {'after_end': 'loses-functions', 'lost_functions': 'alerts'}}"),
  FIRES ("b2-handover-party-missing", "{'B2': {'after_end': 'handover', 'handover_party': '  '}}",
         WARNING, B2, "handover_party"),
  QUIET ("b2-handover-party-missing", "{'B2': {'after_end': 'handover', 'handover_party': 'Secure Co'}}"),
  FIRES ("b2-extension-details-missing", "{'B2': {'after_end': 'paid-extension'}}", WARNING, B2, "extension_how"),
  QUIET ("b2-extension-details-missing",
         "{'B2': {'after_end': 'paid-extension', 'extension_price': {'amount': '20', 'currency': 'EUR'}}}"),

  FIRES ("b3-measures-missing", "{'B3': {'measures': []}}", BLOCKING, B3, "measures"),
  QUIET ("b3-measures-missing", "{'B3': {'measures': null, 'standards': ['tuf']}}"),
  QUIET ("b3-measures-missing", "{'B3': {'measures': null, 'free_text': 'Secure boot'}}"),
};

/* Every rule the checks know: each needs a case that fires and one that must not. */
static const char *const all_rules[] = {
  "a1-missing", "a1-service-how-missing", "a1-service-but-automatic", "a1-no-reason-missing",
  "a1-no-advice-missing", "a1-no-updates-but-automatic", "a1-no-updates-but-method",
  "a1-no-updates-but-cost", "a1-no-updates-but-end-date", "a2-method-missing", "a2-cost-missing",
  "a2-manual-without-how", "a2-price-missing", "a2-subscription-period-missing",
  "a2-included-months-missing", "a2-free-with-price", "a3-end-missing", "a3-date-missing",
  "a3-period-missing", "a3-unknown-without-reason", "a3-unknown-without-known-by",
  "a3-known-by-in-past", "a3-period-without-date", "a3-first-sale-missing", "a3-under-five-years", "a3-date-in-past",
  "expires-wording", "b2-stops-not-on-label", "a2-text-says-free-but-paid",
  "a2-text-says-automatic-but-manual", "a1-text-says-cannot-update-but-can",
  "a1-text-says-updates-but-cannot", "a3-text-date-differs", "a3-text-says-no-end-but-date",
  "a3-text-gives-date-but-no-end", "a2-text-price-differs", "b1-channels-missing", "b1-none-with-channels",
  "b1-none-but-tells-owners", "b1-schedule-other-missing", "b2-after-end-missing",
  "b2-other-missing", "b2-lost-functions-missing", "b2-handover-party-missing",
  "b2-extension-details-missing", "b3-measures-missing",
};

static GPtrArray *
check_patched (const char *patch)
{
  g_autoptr (CandorDocument) document = wording_test_document ("Acme", "Cam 2", BASELINE);
  g_autoptr (GDate) today = g_date_new_dmy (FIXED_TODAY);

  g_auto (GStrv) patches = g_strsplit (patch, "|", -1);

  for (guint i = 0; patches[i] != NULL; i++)
    if (*patches[i] != '\0')
      wording_test_apply (document, patches[i]);
  return candor_wording_check_at (document, today);
}

static void
test_rule (gconstpointer data)
{
  const RuleCase *c = data;
  g_autoptr (GPtrArray) issues = check_patched (c->patch);
  CandorIssue *found = NULL;

  for (guint i = 0; i < issues->len; i++)
    {
      CandorIssue *issue = g_ptr_array_index (issues, i);

      g_assert_nonnull (issue->message);
      g_assert_cmpuint (strlen (issue->message), >, 20);
      g_assert_cmpuint (issue->n_elements, >=, 1);
      if (g_str_equal (issue->rule, c->rule) && found == NULL)
        found = issue;
    }

  if (!c->fires)
    {
      if (found != NULL)
        g_test_message ("unexpected: %s", found->message);
      g_assert_null (found);
      return;
    }
  g_assert_nonnull (found);
  g_assert_cmpint (found->severity, ==, c->severity);
  g_assert_cmpint (found->elements[0], ==, c->element);
  g_assert_cmpstr (found->key, ==, c->key);
}

static void
test_baseline_clean (void)
{
  g_autoptr (GPtrArray) issues = check_patched ("{}");

  for (guint i = 0; i < issues->len; i++)
    g_test_message ("unexpected issue %s", ((CandorIssue *) g_ptr_array_index (issues, i))->rule);
  g_assert_cmpuint (issues->len, ==, 0);
}

static void
test_every_rule_covered (void)
{
  for (guint r = 0; r < G_N_ELEMENTS (all_rules); r++)
    {
      gboolean fires = FALSE, quiet = FALSE;

      for (guint i = 0; i < G_N_ELEMENTS (rule_cases); i++)
        if (g_str_equal (rule_cases[i].rule, all_rules[r]))
          {
            fires |= rule_cases[i].fires;
            quiet |= !rule_cases[i].fires;
          }
      if (!fires || !quiet)
        g_test_message ("rule %s lacks a case", all_rules[r]);
      g_assert_true (fires && quiet);
    }
  /* And no case names a rule that does not exist. */
  for (guint i = 0; i < G_N_ELEMENTS (rule_cases); i++)
    g_assert_true (g_strv_contains ((const char *const *) all_rules, rule_cases[i].rule) ||
                   (g_test_message ("unknown rule %s", rule_cases[i].rule), FALSE));
}

/* Cross-element issues name both pages; the list comes in element order. */
static void
test_elements_and_order (void)
{
  g_autoptr (GPtrArray) issues =
    check_patched (NO_UPDATES ("{'A2': {'method': 'automatic', 'cost': 'free'},"
                               " 'A3': {'end_kind': 'date', 'end_date': '2099-12'},"
                               " 'B1': {'channels': ['app', 'none']}}"));
  gboolean saw_a3_pair = FALSE;

  g_assert_cmpuint (issues->len, >=, 4);
  for (guint i = 0; i < issues->len; i++)
    {
      CandorIssue *issue = g_ptr_array_index (issues, i);

      if (i > 0)
        g_assert_cmpint (((CandorIssue *) g_ptr_array_index (issues, i - 1))->elements[0], <=, issue->elements[0]);
      if (g_str_equal (issue->rule, "a1-no-updates-but-end-date"))
        {
          g_assert_cmpuint (issue->n_elements, ==, 2);
          g_assert_cmpint (issue->elements[1], ==, CANDOR_ELEMENT_A3);
          saw_a3_pair = TRUE;
        }
    }
  g_assert_true (saw_a3_pair);
  g_assert_cmpstr (((CandorIssue *) g_ptr_array_index (issues, issues->len - 1))->rule, ==, "b1-none-with-channels");
}

static void
test_status (void)
{
  g_autoptr (CandorDocument) document = wording_test_document ("Acme", "Cam 2", BASELINE);

  for (CandorElementId id = 0; id < CANDOR_N_ELEMENTS; id++)
    g_assert_cmpint (candor_wording_element_status (document, id), ==, CANDOR_ELEMENT_STATUS_READY);

  /* A warning leaves the element ready. */
  wording_test_apply (document, "{'B1': {'schedule': 'other'}}");
  g_assert_cmpint (candor_wording_element_status (document, CANDOR_ELEMENT_B1), ==, CANDOR_ELEMENT_STATUS_READY);

  /* A missing detail makes it missing. */
  wording_test_apply (document, "{'A2': {'cost': 'subscription'}}");
  g_assert_cmpint (candor_wording_element_status (document, CANDOR_ELEMENT_A2), ==, CANDOR_ELEMENT_STATUS_MISSING);

  /* A contradiction marks both pages as needing work. */
  wording_test_apply (document, "{'A1': {'receives_updates': 'no', 'no_reason': 'Old chip', 'no_advice': ['replace']},"
                                " 'A2': {'cost': null, 'price': null}}");
  g_assert_cmpint (candor_wording_element_status (document, CANDOR_ELEMENT_A1), ==, CANDOR_ELEMENT_STATUS_NEEDS_WORK);
  g_assert_cmpint (candor_wording_element_status (document, CANDOR_ELEMENT_A2), ==, CANDOR_ELEMENT_STATUS_NEEDS_WORK);
  g_assert_cmpint (candor_wording_element_status (document, CANDOR_ELEMENT_A3), ==, CANDOR_ELEMENT_STATUS_NEEDS_WORK);
  g_assert_cmpint (candor_wording_element_status (document, CANDOR_ELEMENT_B3), ==, CANDOR_ELEMENT_STATUS_READY);

  /* The statuses from one check agree with the per-element calls. */
  {
    g_autoptr (GPtrArray) issues = candor_wording_check (document);

    for (CandorElementId id = 0; id < CANDOR_N_ELEMENTS; id++)
      g_assert_cmpint (candor_wording_status_from_issues (issues, id), ==,
                       candor_wording_element_status (document, id));
  }
}

static void
test_status_empty_and_not_applicable (void)
{
  g_autoptr (CandorDocument) empty = candor_document_new ();
  g_autoptr (CandorDocument) no_updates =
    wording_test_document ("Acme", "Cam 2", "{'A1': {'receives_updates': 'no', 'no_reason': 'Old', 'no_advice': ['offline']}}");

  for (CandorElementId id = 0; id < CANDOR_N_ELEMENTS; id++)
    {
      g_assert_cmpint (candor_wording_element_status (empty, id), ==, CANDOR_ELEMENT_STATUS_MISSING);
      g_assert_cmpint (candor_wording_element_status (no_updates, id), ==, CANDOR_ELEMENT_STATUS_READY);
    }
}

/* A year in the product's name or model number is not an end date. */
static void
test_date_in_product_name (void)
{
  g_autoptr (CandorDocument) document = wording_test_document ("Acme", "Cam 2098", BASELINE);
  g_autoptr (GDate) today = g_date_new_dmy (FIXED_TODAY);
  const char *models[] = { "RT-2097", NULL };
  g_autoptr (GPtrArray) issues = NULL;
  gboolean fired = FALSE;

  candor_document_set_models (document, models);
  wording_test_apply (document, "{'A3': {'web_text': 'The Acme Cam 2098 (model RT-2097) gets security updates "
                                "for ten years after you buy it.', 'web_edited': true}}");
  issues = candor_wording_check_at (document, today);
  for (guint i = 0; i < issues->len; i++)
    g_assert_cmpstr (((CandorIssue *) g_ptr_array_index (issues, i))->rule, !=, "a3-text-date-differs");
  /* Nor when there is no planned end. */
  wording_test_apply (document, "{'A3': {'end_kind': 'none', 'end_date': null, 'at_least': null,"
                                " 'web_text': 'The Acme Cam 2098 (model RT-2097) has no planned end date.', 'web_edited': true}}");
  g_clear_pointer (&issues, g_ptr_array_unref);
  issues = candor_wording_check_at (document, today);
  for (guint i = 0; i < issues->len; i++)
    g_assert_cmpstr (((CandorIssue *) g_ptr_array_index (issues, i))->rule, !=, "a3-text-gives-date-but-no-end");
  wording_test_apply (document, "{'A3': {'end_kind': 'date', 'end_date': '2099-12', 'at_least': true}}");

  /* The same text with another year beside the name does contradict the answers. */
  wording_test_apply (document, "{'A3': {'web_text': 'The Acme Cam 2098 gets security updates until 2097.',"
                                " 'web_edited': true}}");
  g_clear_pointer (&issues, g_ptr_array_unref);
  issues = candor_wording_check_at (document, today);
  for (guint i = 0; i < issues->len; i++)
    fired |= g_str_equal (((CandorIssue *) g_ptr_array_index (issues, i))->rule, "a3-text-date-differs");
  g_assert_true (fired);
}

/* Candor's own sentences, kept as they are but marked as typed by hand, never trip the checks
 * of hand-edited texts: for every kind of A.1 and A.3 answer, with and without names. */
static void
test_edited_generated_quiet (void)
{
  static const char *const drafts[] = {
    "{'A1': {'receives_updates': 'yes'}}",
    NO_UPDATES ("{'A1': {'no_advice': ['replace', 'isolate', 'offline']}}"),
    "{'A1': {'receives_updates': 'service', 'service_how': 'return'}, 'A2': {'method': 'manual', 'manual_how': ['service-visit']}}",
    "{'A1': {'receives_updates': 'service', 'service_how': 'technician'}, 'A2': {'method': 'manual', 'manual_how': ['service-visit']}}",
    "{'A3': {'end_kind': 'date', 'end_date': '2099-12-31', 'at_least': false}}",
    "{'A3': {'end_kind': 'period', 'period_months': 60, 'period_from': 'purchase', 'end_date': null}}",
    "{'A3': {'end_kind': 'period', 'period_months': 60, 'period_from': 'first-sale', 'end_date': null}}",
    "{'A3': {'end_kind': 'period', 'period_months': 24, 'period_from': 'end-of-sale', 'end_of_sale_date': '2095-06', 'end_date': null}}",
    "{'A3': {'end_kind': 'none', 'end_date': null, 'at_least': null}}",
    "{'A3': {'end_kind': 'none', 'end_date': null, 'at_least': null}, 'B2': {'after_end': 'stops'}}",
    "{'A3': {'end_kind': 'unknown', 'end_date': null, 'at_least': null, 'unknown_reason': 'The chip maker has not said', 'known_by': '2091-06'}}",
    "{'A2': {'cost': 'included-period', 'included_months': 24, 'price': {'amount': '2.99', 'currency': 'EUR'}, 'price_period': 'year'}}",
    "{'A2': {'cost': 'included-period', 'included_months': 18, 'price': {'amount': '5.5', 'currency': 'CHF'}, 'price_period': 'month'}}",
    "{'A2': {'cost': 'included-period', 'included_months': 6, 'price': {'amount': '1', 'currency': 'USD'}}}",
    "{'A2': {'cost': 'subscription', 'price': {'amount': '49', 'currency': 'USD'}, 'price_period': 'year'}}",
    "{'A2': {'cost': 'per-update', 'price': {'amount': '19.90', 'currency': 'PLN'}}}",
    "{'A2': {'cost': 'per-update', 'price': {'amount': '0.99', 'currency': 'GBP'}}}",
  };
  static const char *const text_rules[] = {
    "a1-text-says-cannot-update-but-can", "a1-text-says-updates-but-cannot", "a3-text-date-differs",
    "a3-text-says-no-end-but-date", "a3-text-gives-date-but-no-end", "a2-text-price-differs",
    "a2-text-says-free-but-paid",
  };

  for (guint d = 0; d < G_N_ELEMENTS (drafts); d++)
    for (guint named = 0; named < 2; named++)
      {
        g_autoptr (CandorDocument) document = wording_test_document (named ? "Acme" : NULL, named ? "Cam 2" : NULL, BASELINE);
        g_autoptr (GDate) today = g_date_new_dmy (FIXED_TODAY);
        g_auto (GStrv) patches = g_strsplit (drafts[d], "|", -1);
        g_autoptr (GPtrArray) issues = NULL;

        for (guint i = 0; patches[i] != NULL; i++)
          if (*patches[i] != '\0')
            wording_test_apply (document, patches[i]);
        for (CandorElementId id = CANDOR_ELEMENT_A1; id <= CANDOR_ELEMENT_A3; id++)
          for (CandorTextKind kind = CANDOR_TEXT_LABEL; kind < CANDOR_N_TEXT_KINDS; kind++)
            {
              /* generated as they are now, then marked as typed by hand */
              g_autofree char *text = candor_wording_generate (document, id, kind);
              candor_element_set_text (candor_document_get_element (document, id), kind, text, TRUE);
            }
        issues = candor_wording_check_at (document, today);
        for (guint i = 0; i < issues->len; i++)
          {
            CandorIssue *issue = g_ptr_array_index (issues, i);

            if (g_strv_contains (text_rules, issue->rule))
              g_error ("%s fired on Candor's own text for %s: %s", issue->rule, drafts[d], issue->message);
          }
      }
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (rule_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/candor/wording/check/%s/%s-%u", rule_cases[i].rule,
                                               rule_cases[i].fires ? "fires" : "quiet", i);
      g_test_add_data_func (path, &rule_cases[i], test_rule);
    }
  g_test_add_func ("/candor/wording/check/baseline-clean", test_baseline_clean);
  g_test_add_func ("/candor/wording/check/edited-generated-quiet", test_edited_generated_quiet);
  g_test_add_func ("/candor/wording/check/date-in-product-name", test_date_in_product_name);
  g_test_add_func ("/candor/wording/check/every-rule-covered", test_every_rule_covered);
  g_test_add_func ("/candor/wording/check/elements-and-order", test_elements_and_order);
  g_test_add_func ("/candor/wording/check/status", test_status);
  g_test_add_func ("/candor/wording/check/status-empty", test_status_empty_and_not_applicable);
  return g_test_run ();
}
