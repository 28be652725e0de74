/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-wording-generate.c: the exact label text, web text and short answer for every kind of answer. */
#include <glib.h>
#include <locale.h>

#include "candor-wording.h"
#include "wording-test-util.h"

typedef struct
{
  const char      *name;
  CandorElementId  id;
  const char      *elements;  /* answers of the draft, single-quoted JSON */
  const char      *label;
  const char      *web;       /* NULL: same as the label */
  const char      *short_answer;
} Case;

#define ACAM "The Acme Cam 2"

static const Case cases[] = {
  /* ---- A.1 ---- */
  { "a1/unanswered", CANDOR_ELEMENT_A1, "{}", "", "", NULL },
  { "a1/yes", CANDOR_ELEMENT_A1, "{'A1': {'receives_updates': 'yes'}}",
    ACAM " gets security updates.",
    ACAM " gets security updates. Security updates fix weak spots that attackers look for.", "Yes" },
  { "a1/no", CANDOR_ELEMENT_A1, "{'A1': {'receives_updates': 'no'}}",
    ACAM " cannot get security updates.",
    ACAM " cannot get security updates. Nobody will fix weak spots that people find later.", "No" },
  { "a1/no-reason-advice", CANDOR_ELEMENT_A1,
    "{'A1': {'receives_updates': 'no', 'no_reason': ' The chip has no room for updates. ',"
    " 'no_advice': ['replace', 'isolate', 'offline', 'other'], 'no_advice_other': 'Unplug it when you are away!'}}",
    ACAM " cannot get security updates.",
    ACAM " cannot get security updates. Nobody will fix weak spots that people find later. "
    "The reason: The chip has no room for updates. "
    "Plan to replace it with a device that gets security updates. "
    "Keep it on a separate network, such as a guest network. "
    "Do not connect it to the internet. What you can do: Unplug it when you are away.", "No" },
  { "a1/no-advice-other-without-text", CANDOR_ELEMENT_A1,
    "{'A1': {'receives_updates': 'no', 'no_advice': ['other']}}",
    ACAM " cannot get security updates.",
    ACAM " cannot get security updates. Nobody will fix weak spots that people find later.", "No" },
  { "a1/service-return", CANDOR_ELEMENT_A1, "{'A1': {'receives_updates': 'service', 'service_how': 'return'}}",
    "Send it to Acme to get updates.",
    ACAM " gets security updates only through a repair service. You send it back to Acme to get them. "
    "It cannot install security updates by itself.",
    "Only through service" },
  { "a1/service-technician", CANDOR_ELEMENT_A1, "{'A1': {'receives_updates': 'service', 'service_how': 'technician'}}",
    "A technician must install updates.",
    ACAM " gets security updates only through a repair service. A technician visits to install them. "
    "It cannot install security updates by itself.",
    "Only through service" },
  { "a1/service-store", CANDOR_ELEMENT_A1, "{'A1': {'receives_updates': 'service', 'service_how': 'store'}}",
    "Take it to a store to get updates.",
    ACAM " gets security updates only through a repair service. You take it to a store to get them. "
    "It cannot install security updates by itself.",
    "Only through service" },
  { "a1/service-unspecified", CANDOR_ELEMENT_A1, "{'A1': {'receives_updates': 'service'}}",
    "Only a repair service can install updates.",
    ACAM " gets security updates only through a repair service. It cannot install security updates by itself.",
    "Only through service" },

  /* ---- A.2: methods ---- */
  { "a2/unanswered", CANDOR_ELEMENT_A2, "{}", "", "", NULL },
  { "a2/automatic-free-online", CANDOR_ELEMENT_A2,
    "{'A2': {'method': 'automatic', 'cost': 'free', 'needs_internet': true}}",
    "Updates install automatically. Updates are free.",
    "Updates install automatically. You do not need to do anything. Updates are free. "
    "Updates need an internet connection.", "Automatic, free" },
  /* Free at first, then paid: the label row and both texts give the free time, the price with
   * its currency, the billing period, and (on the page) what not paying costs the buyer. */
  { "a2/automatic-default-included-years-monthly", CANDOR_ELEMENT_A2,
    "{'A2': {'method': 'automatic-default', 'cost': 'included-period', 'included_months': 24,"
    " 'price': {'amount': '4.99', 'currency': 'EUR'}, 'price_period': 'month', 'needs_internet': false}}",
    "Updates install automatically, but you can turn this off. Updates are free for 2 years, then 4.99 euros per month.",
    "Updates install automatically, but you can turn this off. Leave automatic updates on to stay safe. "
    "Updates are free for 2 years after you buy it. After that, updates cost 4.99 euros per month. "
    "Security updates stop if you do not pay. Updates do not need an internet connection.",
    "Automatic by default, free for 2 years, then 4.99 euros per month" },
  /* The case of the issue: "included for 24 months, then 2.99 EUR a year". */
  { "a2/included-24-months-then-yearly", CANDOR_ELEMENT_A2,
    "{'A2': {'method': 'automatic', 'cost': 'included-period', 'included_months': 24,"
    " 'price': {'amount': '2.99', 'currency': 'EUR'}, 'price_period': 'year'}}",
    "Updates install automatically. Updates are free for 2 years, then 2.99 euros per year.",
    "Updates install automatically. You do not need to do anything. Updates are free for 2 years after you buy it. "
    "After that, updates cost 2.99 euros per year. Security updates stop if you do not pay.",
    "Automatic, free for 2 years, then 2.99 euros per year" },
  { "a2/included-one-year-yearly", CANDOR_ELEMENT_A2,
    "{'A2': {'method': 'automatic', 'cost': 'included-period', 'included_months': 12,"
    " 'price': {'amount': '30', 'currency': 'USD'}, 'price_period': 'year'}}",
    "Updates install automatically. Updates are free for 1 year, then 30 US dollars per year.",
    "Updates install automatically. You do not need to do anything. Updates are free for 1 year after you buy it. "
    "After that, updates cost 30 US dollars per year. Security updates stop if you do not pay.",
    "Automatic, free for 1 year, then 30 US dollars per year" },
  { "a2/included-months-no-price", CANDOR_ELEMENT_A2,
    "{'A2': {'method': 'automatic', 'cost': 'included-period', 'included_months': 18}}",
    "Updates install automatically. Updates are free for 18 months, then you pay for them.",
    "Updates install automatically. You do not need to do anything. Updates are free for 18 months after you buy it. "
    "After that, updates cost money. Security updates stop if you do not pay.",
    "Automatic, free for 18 months, then paid" },
  { "a2/included-one-month-price-no-period", CANDOR_ELEMENT_A2,
    "{'A2': {'cost': 'included-period', 'included_months': 1, 'price': {'amount': '2.5', 'currency': 'GBP'}}}",
    "Updates are free for 1 month, then they cost 2.50 pounds.",
    "Updates are free for 1 month after you buy it. After that, updates cost 2.50 pounds. "
    "Security updates stop if you do not pay.", "Free for 1 month, then 2.50 pounds" },
  { "a2/included-manual-monthly", CANDOR_ELEMENT_A2,
    "{'A2': {'method': 'manual', 'manual_how': ['app'], 'cost': 'included-period', 'included_months': 6,"
    " 'price': {'amount': '1.50', 'currency': 'CHF'}, 'price_period': 'month'}}",
    "You install updates yourself, using the app. Updates are free for 6 months, then 1.50 Swiss francs per month.",
    "You install updates yourself, using the app. Install each update on the day it comes out. "
    "Updates are free for 6 months after you buy it. After that, updates cost 1.50 Swiss francs per month. "
    "Security updates stop if you do not pay.",
    "You install them, free for 6 months, then 1.50 Swiss francs per month" },
  { "a2/included-without-months", CANDOR_ELEMENT_A2, "{'A2': {'cost': 'included-period'}}",
    "Updates are free for a while, then you pay for them.",
    "Updates are free for a limited time. After that, updates cost money. Security updates stop if you do not pay.",
    "Free for a limited time, then paid" },
  /* Paid from the start. */
  { "a2/approve-subscription-month", CANDOR_ELEMENT_A2,
    "{'A2': {'method': 'approve', 'cost': 'subscription', 'price': {'amount': '4.99', 'currency': 'EUR'},"
    " 'price_period': 'month'}}",
    "You approve each update before it installs. Updates need a subscription of 4.99 euros per month.",
    "You approve each update before it installs. Approve updates quickly to stay safe. "
    "Updates need a subscription of 4.99 euros per month. Security updates stop if you do not pay.",
    "You approve each one, 4.99 euros per month" },
  { "a2/subscription-year", CANDOR_ELEMENT_A2,
    "{'A2': {'method': 'automatic', 'cost': 'subscription', 'price': {'amount': '49', 'currency': 'EUR'},"
    " 'price_period': 'year'}}",
    "Updates install automatically. Updates need a subscription of 49 euros per year.",
    "Updates install automatically. You do not need to do anything. Updates need a subscription of 49 euros per year. "
    "Security updates stop if you do not pay.",
    "Automatic, 49 euros per year" },
  { "a2/subscription-price-no-period", CANDOR_ELEMENT_A2,
    "{'A2': {'cost': 'subscription', 'price': {'amount': '10', 'currency': 'CHF'}}}",
    "Updates need a subscription of 10 Swiss francs.",
    "Updates need a subscription of 10 Swiss francs. Security updates stop if you do not pay.",
    "Subscription of 10 Swiss francs" },
  /* A fee each time. */
  { "a2/per-update-one-euro", CANDOR_ELEMENT_A2,
    "{'A2': {'cost': 'per-update', 'price': {'amount': '1', 'currency': 'EUR'}}}",
    "Each update costs 1 euro.", NULL, "1 euro per update" },
  { "a2/per-update-cents", CANDOR_ELEMENT_A2,
    "{'A2': {'cost': 'per-update', 'price': {'amount': '0.99', 'currency': 'GBP'}}}",
    "Each update costs 0.99 pounds.", NULL, "0.99 pounds per update" },
  { "a2/per-update-other-currency", CANDOR_ELEMENT_A2,
    "{'A2': {'cost': 'per-update', 'price': {'amount': '19.90', 'currency': 'PLN'}}}",
    "Each update costs 19.90 PLN.", NULL, "19.90 PLN per update" },
  { "a2/subscription-no-price", CANDOR_ELEMENT_A2, "{'A2': {'cost': 'subscription'}}",
    "Updates need a paid subscription.",
    "Updates need a paid subscription. Security updates stop if you do not pay.", "Paid subscription" },
  { "a2/subscription-malformed-price", CANDOR_ELEMENT_A2,
    "{'A2': {'cost': 'subscription', 'price': {'amount': '4,99', 'currency': 'eur'}}}",
    "Updates need a paid subscription.",
    "Updates need a paid subscription. Security updates stop if you do not pay.", "Paid subscription" },
  { "a2/manual-app-per-update", CANDOR_ELEMENT_A2,
    "{'A2': {'method': 'manual', 'manual_how': ['app'], 'manual_minutes': 15, 'cost': 'per-update',"
    " 'price': {'amount': '9.5', 'currency': 'EUR'}}}",
    "You install updates yourself, using the app. Each update costs 9.50 euros.",
    "You install updates yourself, using the app. Installing an update takes about 15 minutes. "
    "Install each update on the day it comes out. Each update costs 9.50 euros.",
    "You install them, 9.50 euros per update" },
  { "a2/manual-web-one-minute", CANDOR_ELEMENT_A2,
    "{'A2': {'method': 'manual', 'manual_how': ['web'], 'manual_minutes': 1, 'cost': 'per-update'}}",
    "You install updates yourself, from a web page. You pay for each update.",
    "You install updates yourself, from a web page. Installing an update takes about 1 minute. "
    "Install each update on the day it comes out. You pay for each update.", "You install them, paid per update" },
  { "a2/manual-usb-hours", CANDOR_ELEMENT_A2,
    "{'A2': {'method': 'manual', 'manual_how': ['usb'], 'manual_minutes': 120, 'cost': 'free'}}",
    "You install updates yourself, from a USB stick. Updates are free.",
    "You install updates yourself, from a USB stick. Installing an update takes about 2 hours. "
    "Install each update on the day it comes out. Updates are free.", "You install them, free" },
  { "a2/manual-service-visit", CANDOR_ELEMENT_A2,
    "{'A2': {'method': 'manual', 'manual_how': ['service-visit'], 'manual_minutes': 60, 'cost': 'free'}}",
    "A technician installs updates during a service visit. Updates are free.",
    "A technician installs updates during a service visit. Installing an update takes about 1 hour. "
    "Updates are free.", "You install them, free" },
  { "a2/manual-several-ways", CANDOR_ELEMENT_A2,
    "{'A2': {'method': 'manual', 'manual_how': ['service-visit', 'usb', 'app', 'web'], 'cost': 'free'}}",
    "You install updates yourself. Updates are free.",
    "You install updates yourself. You can install them in the app. You can get them from a web page. "
    "You can install them from a USB stick. A technician can also install them during a service visit. "
    "Install each update on the day it comes out. Updates are free.", "You install them, free" },
  { "a2/manual-without-how", CANDOR_ELEMENT_A2, "{'A2': {'method': 'manual'}}",
    "You install updates yourself.",
    "You install updates yourself. Install each update on the day it comes out.", "You install them" },
  { "a2/free-only", CANDOR_ELEMENT_A2, "{'A2': {'cost': 'free'}}", "Updates are free.", NULL, "Free" },
  { "a2/not-applicable", CANDOR_ELEMENT_A2, "{'A1': {'receives_updates': 'no'}}",
    "This does not apply: the Acme Cam 2 gets no security updates.", NULL, "Does not apply" },

  /* ---- A.3 ---- */
  { "a3/unanswered", CANDOR_ELEMENT_A3, "{}", "", "", NULL },
  { "a3/date-day-at-least", CANDOR_ELEMENT_A3,
    "{'A3': {'end_kind': 'date', 'end_date': '2029-12-31', 'at_least': true}}",
    "Security updates continue until at least 31 December 2029.",
    ACAM " gets security updates until at least 31 December 2029. Acme can move this date later, but not earlier.",
    "At least until 31 December 2029" },
  { "a3/date-month", CANDOR_ELEMENT_A3, "{'A3': {'end_kind': 'date', 'end_date': '2029-12'}}",
    "Security updates continue until December 2029.",
    ACAM " gets security updates until December 2029. Acme stops making security updates for it after that date.",
    "Until December 2029" },
  { "a3/date-month-at-least", CANDOR_ELEMENT_A3,
    "{'A3': {'end_kind': 'date', 'end_date': '2031-01', 'at_least': true}}",
    "Security updates continue until at least January 2031.",
    ACAM " gets security updates until at least January 2031. Acme can move this date later, but not earlier.",
    "At least until January 2031" },
  { "a3/date-without-date", CANDOR_ELEMENT_A3, "{'A3': {'end_kind': 'date'}}", "", "", NULL },
  /* With a start date, the label gives the earliest end as a date and the web page says how
   * it is counted. */
  { "a3/period-purchase-at-least", CANDOR_ELEMENT_A3,
    "{'A3': {'end_kind': 'period', 'period_months': 60, 'period_from': 'purchase', 'at_least': true,"
    " 'first_sale_date': '2025-03'}}",
    "Security updates continue until at least March 2030.",
    "Security updates last at least 5 years after you buy it. Updates continue until at least March 2030.",
    "At least 5 years after purchase" },
  { "a3/period-purchase-months-no-first-sale", CANDOR_ELEMENT_A3,
    "{'A3': {'end_kind': 'period', 'period_months': 30, 'period_from': 'purchase'}}",
    "Security updates last 30 months after you buy it.", NULL, "30 months after purchase" },
  { "a3/period-purchase-not-at-least", CANDOR_ELEMENT_A3,
    "{'A3': {'end_kind': 'period', 'period_months': 60, 'period_from': 'purchase', 'first_sale_date': '2025-03'}}",
    "Security updates continue until at least March 2030.",
    "Security updates last 5 years after you buy it. Updates continue until at least March 2030.",
    "5 years after purchase" },
  { "a3/period-registration", CANDOR_ELEMENT_A3,
    "{'A3': {'end_kind': 'period', 'period_months': 18, 'period_from': 'registration'}}",
    "Security updates last 18 months after you register it.", NULL, "18 months after registration" },
  { "a3/period-registration-at-least-year", CANDOR_ELEMENT_A3,
    "{'A3': {'end_kind': 'period', 'period_months': 12, 'period_from': 'registration', 'at_least': true,"
    " 'first_sale_date': '2026-05-10'}}",
    "Security updates continue until at least 10 May 2027.",
    "Security updates last at least 1 year after you register it. Updates continue until at least 10 May 2027.",
    "At least 1 year after registration" },
  { "a3/period-first-sale", CANDOR_ELEMENT_A3,
    "{'A3': {'end_kind': 'period', 'period_months': 60, 'period_from': 'first-sale', 'first_sale_date': '2025-03-15'}}",
    "Security updates continue until 15 March 2030.",
    "Security updates last 5 years after sales start. Updates continue until 15 March 2030.",
    "Until 15 March 2030" },
  { "a3/period-first-sale-at-least-months", CANDOR_ELEMENT_A3,
    "{'A3': {'end_kind': 'period', 'period_months': 66, 'period_from': 'first-sale', 'at_least': true,"
    " 'first_sale_date': '2025-03'}}",
    "Security updates continue until at least September 2030.",
    "Security updates last at least 66 months after sales start. "
    "Updates continue until at least September 2030.", "At least until September 2030" },
  { "a3/period-first-sale-leap-day", CANDOR_ELEMENT_A3,
    "{'A3': {'end_kind': 'period', 'period_months': 12, 'period_from': 'first-sale', 'first_sale_date': '2028-02-29'}}",
    "Security updates continue until 28 February 2029.",
    "Security updates last 1 year after sales start. Updates continue until 28 February 2029.",
    "Until 28 February 2029" },
  { "a3/period-first-sale-unknown-start", CANDOR_ELEMENT_A3,
    "{'A3': {'end_kind': 'period', 'period_months': 72, 'period_from': 'first-sale'}}",
    "Security updates last 6 years after sales start.", NULL, "6 years after first sale" },
  { "a3/period-end-of-sale", CANDOR_ELEMENT_A3,
    "{'A3': {'end_kind': 'period', 'period_months': 24, 'period_from': 'end-of-sale', 'end_of_sale_date': '2027-06',"
    " 'first_sale_date': '2025-01'}}",
    "Security updates continue until June 2029.",
    "Security updates last 2 years after sales end. Updates continue until June 2029.",
    "Until June 2029" },
  { "a3/period-end-of-sale-only-first-sale", CANDOR_ELEMENT_A3,
    "{'A3': {'end_kind': 'period', 'period_months': 84, 'period_from': 'end-of-sale', 'first_sale_date': '2025-01'}}",
    "Security updates continue until at least January 2032.",
    "Security updates last 7 years after sales end. Updates continue until at least January 2032.",
    "At least until January 2032" },
  { "a3/period-end-of-sale-at-least-no-dates", CANDOR_ELEMENT_A3,
    "{'A3': {'end_kind': 'period', 'period_months': 1, 'period_from': 'end-of-sale', 'at_least': true}}",
    "Security updates last at least 1 month after sales end.", NULL, "At least 1 month after sales end" },
  { "a3/period-incomplete", CANDOR_ELEMENT_A3, "{'A3': {'end_kind': 'period', 'period_months': 60}}", "", "", NULL },
  { "a3/none", CANDOR_ELEMENT_A3, "{'A3': {'end_kind': 'none'}}",
    "Security updates have no planned end date.",
    ACAM " has no planned end date for security updates. This is not a promise of updates forever.",
    "No planned end" },
  { "a3/unknown-reason-known-by", CANDOR_ELEMENT_A3,
    "{'A3': {'end_kind': 'unknown', 'unknown_reason': 'Our chip supplier has not confirmed support yet.',"
    " 'known_by': '2026-06'}}",
    "Acme will announce the end date by June 2026.",
    "Acme has not set an end date for security updates yet. The reason: Our chip supplier has not confirmed support yet. "
    "Acme will announce the end date by June 2026.", "Not known yet" },
  { "a3/unknown-known-by-no-reason", CANDOR_ELEMENT_A3,
    "{'A3': {'end_kind': 'unknown', 'known_by': '2026-06'}}",
    "Acme will announce the end date by June 2026.",
    "Acme has not set an end date for security updates yet. It will announce the end date by June 2026.",
    "Not known yet" },
  { "a3/unknown-bare", CANDOR_ELEMENT_A3, "{'A3': {'end_kind': 'unknown'}}",
    "Acme has not set an end date yet.", "Acme has not set an end date for security updates yet.", "Not known yet" },
  { "a3/date-device-stops", CANDOR_ELEMENT_A3,
    "{'A3': {'end_kind': 'date', 'end_date': '2029-12'}, 'B2': {'after_end': 'stops'}}",
    "Security updates continue until December 2029. Then the device stops working.",
    ACAM " gets security updates until December 2029. Acme stops making security updates for it after that date. "
    "When security updates end, the Acme Cam 2 stops working.", "Until December 2029" },
  { "a3/none-device-stops", CANDOR_ELEMENT_A3, "{'A3': {'end_kind': 'none'}, 'B2': {'after_end': 'stops'}}",
    "Security updates have no planned end date. When security updates end, the device stops working.",
    ACAM " has no planned end date for security updates. This is not a promise of updates forever. "
    "When security updates end, the Acme Cam 2 stops working.", "No planned end" },
  { "a3/not-applicable", CANDOR_ELEMENT_A3, "{'A1': {'receives_updates': 'no'}}",
    "This does not apply: the Acme Cam 2 gets no security updates.", NULL, "Does not apply" },

  /* ---- B.1 ---- */
  { "b1/unanswered", CANDOR_ELEMENT_B1, "{}", "", "", NULL },
  { "b1/app-as-needed-tells", CANDOR_ELEMENT_B1,
    "{'B1': {'channels': ['app'], 'schedule': 'as-needed', 'tells_what_fixed': true, 'warns_before_end': true}}",
    "Acme tells you about updates in its app.",
    "Acme tells you about updates in its app. It sends an update whenever it finds a security problem. "
    "It tells you what each update fixes. It also tells you before security updates end.", "App" },
  /* The manufacturer is named once in a row of sentences about it, then "It"; a sentence
   * about something else in between, and the name comes again. */
  { "b1/app-monthly-tells", CANDOR_ELEMENT_B1,
    "{'B1': {'channels': ['app'], 'schedule': 'monthly', 'tells_what_fixed': true, 'warns_before_end': false}}",
    "Acme tells you about updates in its app.",
    "Acme tells you about updates in its app. Updates come out every month. "
    "Acme tells you what each update fixes. It does not warn you before security updates end.", "App" },
  { "b1/as-needed-only-tells", CANDOR_ELEMENT_B1,
    "{'B1': {'schedule': 'as-needed', 'tells_what_fixed': false, 'warns_before_end': true}}",
    "Acme sends an update whenever it finds a security problem.",
    "Acme sends an update whenever it finds a security problem. It does not say what each update fixes. "
    "It tells you before security updates end.", NULL },
  { "b1/device", CANDOR_ELEMENT_B1, "{'B1': {'channels': ['device']}}",
    "Acme tells you about updates on the device.", NULL, "Device" },
  { "b1/email", CANDOR_ELEMENT_B1, "{'B1': {'channels': ['email']}}",
    "Acme tells you about updates by email.", NULL, "Email" },
  { "b1/sms", CANDOR_ELEMENT_B1, "{'B1': {'channels': ['sms']}}",
    "Acme tells you about updates by text message.", NULL, "Text message" },
  { "b1/push", CANDOR_ELEMENT_B1, "{'B1': {'channels': ['push']}}",
    "Acme tells you about updates with an alert on your phone.", NULL, "Phone alert" },
  { "b1/web", CANDOR_ELEMENT_B1, "{'B1': {'channels': ['web']}}",
    "Acme tells you about updates on its website.", NULL, "Website" },
  { "b1/two-channels", CANDOR_ELEMENT_B1, "{'B1': {'channels': ['push', 'email']}}",
    "Acme tells you about updates by email and with a phone alert.",
    "Acme tells you about updates in these ways: by email and with a phone alert.",
    "Email, phone alert" },
  { "b1/three-channels-monthly", CANDOR_ELEMENT_B1,
    "{'B1': {'channels': ['web', 'email', 'app'], 'schedule': 'monthly'}}",
    "Acme tells you about updates in several ways.",
    "Acme tells you about updates in these ways: in its app, by email and on its website. Updates come out every month.",
    "App, email, website" },
  { "b1/six-channels", CANDOR_ELEMENT_B1, "{'B1': {'channels': ['web', 'push', 'sms', 'email', 'device', 'app']}}",
    "Acme tells you about updates in several ways.",
    "Acme tells you about updates in these ways: in its app, on the device and by email. "
    "It also tells you by text message, with a phone alert and on its website.",
    "App, device, email, text message, phone alert, website" },
  { "b1/schedule-only", CANDOR_ELEMENT_B1, "{'B1': {'schedule': 'monthly'}}",
    "Updates come out every month.", NULL, NULL },
  { "b1/none-quarterly-no", CANDOR_ELEMENT_B1,
    "{'B1': {'channels': ['none'], 'schedule': 'quarterly', 'tells_what_fixed': false, 'warns_before_end': false}}",
    "Acme does not tell you about updates.",
    "Acme does not tell you about updates. Updates come out every three months. "
    "Acme does not say what each update fixes. It does not warn you before security updates end.", "Not told" },
  { "b1/schedule-other", CANDOR_ELEMENT_B1,
    "{'B1': {'channels': ['email'], 'schedule': 'other', 'schedule_other': 'twice a year, in spring and autumn.'}}",
    "Acme tells you about updates by email.",
    "Acme tells you about updates by email. When updates come out: twice a year, in spring and autumn.",
    "Email" },

  /* ---- B.2 ---- */
  { "b2/unanswered", CANDOR_ELEMENT_B2, "{}", "", "", NULL },
  { "b2/keeps-working-advice", CANDOR_ELEMENT_B2,
    "{'B2': {'after_end': 'keeps-working', 'advice': 'Keep it off the internet.'}}",
    "The Acme Cam 2 keeps working after security updates end.",
    "The Acme Cam 2 keeps working after security updates end. "
    "It gets no more security fixes, so it becomes less safe over time. Advice for owners: Keep it off the internet.",
    "Keeps working without fixes" },
  { "b2/loses-functions", CANDOR_ELEMENT_B2,
    "{'B2': {'after_end': 'loses-functions', 'lost_functions': 'remote viewing and alerts'}}",
    "When security updates end, some functions stop working: remote viewing and alerts.", NULL,
    "Some functions stop" },
  { "b2/loses-functions-unnamed", CANDOR_ELEMENT_B2, "{'B2': {'after_end': 'loses-functions'}}",
    "When security updates end, some functions stop working.", NULL, "Some functions stop" },
  { "b2/stops", CANDOR_ELEMENT_B2, "{'B2': {'after_end': 'stops'}}",
    "When security updates end, the Acme Cam 2 stops working.",
    "When security updates end, the Acme Cam 2 stops working. You will need to replace it.", "Stops working" },
  { "b2/paid-extension-year", CANDOR_ELEMENT_B2,
    "{'B2': {'after_end': 'paid-extension', 'extension_how': 'Buy it in the Acme app',"
    " 'extension_price': {'amount': '20', 'currency': 'EUR'}, 'extension_period': 'year'}}",
    "When security updates end, you can pay to keep getting them.",
    "When security updates end, you can pay to keep getting them. How to get them: Buy it in the Acme app. "
    "This costs 20 euros per year.", "Paid extended support" },
  { "b2/paid-extension-month", CANDOR_ELEMENT_B2,
    "{'B2': {'after_end': 'paid-extension', 'extension_price': {'amount': '1.99', 'currency': 'USD'},"
    " 'extension_period': 'month'}}",
    "When security updates end, you can pay to keep getting them.",
    "When security updates end, you can pay to keep getting them. This costs 1.99 US dollars per month.",
    "Paid extended support" },
  { "b2/paid-extension-once", CANDOR_ELEMENT_B2,
    "{'B2': {'after_end': 'paid-extension', 'extension_price': {'amount': '49', 'currency': 'EUR'},"
    " 'extension_period': 'once'}}",
    "When security updates end, you can pay to keep getting them.",
    "When security updates end, you can pay to keep getting them. This costs 49 euros, paid once.",
    "Paid extended support" },
  { "b2/paid-extension-no-period", CANDOR_ELEMENT_B2,
    "{'B2': {'after_end': 'paid-extension', 'extension_price': {'amount': '49', 'currency': 'EUR'}}}",
    "When security updates end, you can pay to keep getting them.",
    "When security updates end, you can pay to keep getting them. This costs 49 euros.", "Paid extended support" },
  { "b2/handover", CANDOR_ELEMENT_B2, "{'B2': {'after_end': 'handover', 'handover_party': 'Secure Co'}}",
    "When Acme stops, Secure Co takes over security updates.", NULL, "Secure Co takes over" },
  { "b2/handover-unnamed", CANDOR_ELEMENT_B2, "{'B2': {'after_end': 'handover'}}",
    "When Acme stops, another company takes over security updates.", NULL, "Another company takes over" },
  { "b2/other-question", CANDOR_ELEMENT_B2, "{'B2': {'after_end': 'other', 'other': ' Ask us?... '}}",
    "What happens when security updates end: Ask us.", NULL, "See the web page" },
  { "b2/other", CANDOR_ELEMENT_B2, "{'B2': {'after_end': 'other', 'other': 'It works as a plain camera without the app'}}",
    "What happens when security updates end: It works as a plain camera without the app.", NULL,
    "See the web page" },

  /* ---- B.3 ---- */
  { "b3/unanswered", CANDOR_ELEMENT_B3, "{}", "", "", NULL },
  { "b3/everything", CANDOR_ELEMENT_B3,
    "{'B3': {'measures': ['independent-testing', 'recovery', 'tested', 'encrypted', 'signed'],"
    " 'standards': ['ietf-suit', 'tuf', 'uptane', 'nistir-8259a', 'iec-62443-4-2', 'etsi-en-303-645'],"
    " 'free_text': 'The device only starts software that Acme signed.'}}",
    "The device checks that each update is real.",
    "Every update has a digital signature. The device checks it before installing, so it rejects fake updates. "
    "Updates travel over an encrypted connection. Others cannot read or change them on the way. "
    "Acme tests each update before releasing it. "
    "If an update fails, the device goes back to its last working version. "
    "Outside security experts check the device for weak spots. "
    "Acme follows these security standards. "
    "The European Telecommunications Standards Institute (ETSI) wrote ETSI EN 303 645. It sets basic security rules for smart devices at home. "
    "The International Electrotechnical Commission (IEC) wrote IEC 62443-4-2. It sets security rules for devices in factories and plants. "
    "The US National Institute of Standards and Technology (NIST) wrote NIST IR 8259A. It lists basic security features for connected devices. "
    "Uptane is a design for delivering updates safely, first made for cars. "
    "The Update Framework (TUF) is a design that keeps updates safe, even if someone steals a signing key. "
    "The Internet Engineering Task Force (IETF) wrote SUIT (Software Updates for Internet of Things). It is a standard for safely updating small devices. "
    "The device only starts software that Acme signed.",
    "Signed, encrypted, tested, safe recovery, independent testing" },
  { "b3/tested-recovery", CANDOR_ELEMENT_B3, "{'B3': {'measures': ['recovery', 'tested']}}",
    "Acme tests each update before release.",
    "Acme tests each update before releasing it. If an update fails, the device goes back to its last working version.",
    "Tested, safe recovery" },
  { "b3/tested-one-standard", CANDOR_ELEMENT_B3, "{'B3': {'measures': ['tested'], 'standards': ['uptane']}}",
    "Acme tests each update before release.",
    "Acme tests each update before releasing it. It also follows this security standard. "
    "Uptane is a design for delivering updates safely, first made for cars.", "Tested" },
  { "b3/independent", CANDOR_ELEMENT_B3, "{'B3': {'measures': ['independent-testing']}}",
    "Outside experts test its security.", "Outside security experts check the device for weak spots.",
    "Independent testing" },
  { "b3/one-standard", CANDOR_ELEMENT_B3, "{'B3': {'standards': ['tuf']}}",
    "Acme follows 1 security standard.",
    "Acme follows this security standard. "
    "The Update Framework (TUF) is a design that keeps updates safe, even if someone steals a signing key.", "TUF" },
  { "b3/two-standards", CANDOR_ELEMENT_B3, "{'B3': {'standards': ['uptane', 'etsi-en-303-645']}}",
    "Acme follows 2 security standards.",
    "Acme follows these security standards. "
    "The European Telecommunications Standards Institute (ETSI) wrote ETSI EN 303 645. It sets basic security rules for smart devices at home. "
    "Uptane is a design for delivering updates safely, first made for cars.", "ETSI EN 303 645, Uptane" },
  { "b3/free-text", CANDOR_ELEMENT_B3, "{'B3': {'free_text': 'Secure boot checks the software at every start'}}",
    "Secure boot checks the software at every start.", NULL, "See the web page" },
};

static void
test_case (gconstpointer data)
{
  const Case *c = data;
  g_autoptr (CandorDocument) document = wording_test_document ("Acme", "Cam 2", c->elements);
  g_autofree char *label = candor_wording_generate (document, c->id, CANDOR_TEXT_LABEL);
  g_autofree char *web = candor_wording_generate (document, c->id, CANDOR_TEXT_WEB);
  g_autofree char *short_answer = candor_wording_short_answer (document, c->id);

  g_assert_cmpstr (label, ==, c->label);
  g_assert_cmpstr (web, ==, c->web != NULL ? c->web : c->label);
  g_assert_cmpstr (short_answer, ==, c->short_answer);
}

/* The product and maker names as the sentences use them. */
static void
test_names (void)
{
  static const struct
  {
    const char *manufacturer, *name, *a1, *b2;
  } names[] = {
    { "Acme", "Cam 2", "The Acme Cam 2 gets security updates.",
      "When Acme stops, another company takes over security updates." },
    { "Acme", "acme Cam 2", "The acme Cam 2 gets security updates.",
      "When Acme stops, another company takes over security updates." },
    { NULL, "Cam 2", "The Cam 2 gets security updates.",
      "When the maker stops, another company takes over security updates." },
    { "Acme", "  ", "This device gets security updates.",
      "When Acme stops, another company takes over security updates." },
    { NULL, NULL, "This device gets security updates.",
      "When the maker stops, another company takes over security updates." },
    { "Lumen Home Ltd.", "Lumen Cam 2", "The Lumen Cam 2 gets security updates.",
      "When Lumen Home stops, another company takes over security updates." },
    { "Acme, Inc.", "Cam 2", "The Acme Cam 2 gets security updates.",
      "When Acme stops, another company takes over security updates." },
    { "Nordic Things Oy", "Sensor S", "The Nordic Things Sensor S gets security updates.",
      "When Nordic Things stops, another company takes over security updates." },
    { "Ltd.", "Cam", "The Ltd. Cam gets security updates.",
      "When Ltd. stops, another company takes over security updates." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr (CandorDocument) document =
        wording_test_document (names[i].manufacturer, names[i].name,
                               "{'A1': {'receives_updates': 'yes'}, 'B2': {'after_end': 'handover'}}");
      g_autofree char *a1 = candor_wording_generate (document, CANDOR_ELEMENT_A1, CANDOR_TEXT_LABEL);
      g_autofree char *b2 = candor_wording_generate (document, CANDOR_ELEMENT_B2, CANDOR_TEXT_LABEL);
      g_autofree char *b1_short = NULL;

      g_assert_cmpstr (a1, ==, names[i].a1);
      g_assert_cmpstr (b2, ==, names[i].b2);
      b1_short = candor_wording_short_answer (document, CANDOR_ELEMENT_B1);
      g_assert_null (b1_short);
    }
}

/* A.1 "no" makes the elements without answers not apply; answered ones are still worded (and
 * the contradiction is left to the checks). */
static void
test_not_applicable (void)
{
  g_autoptr (CandorDocument) document =
    wording_test_document ("Acme", "Cam 2", "{'A1': {'receives_updates': 'no'}, 'A2': {'method': 'automatic'}}");

  for (CandorElementId id = CANDOR_ELEMENT_A3; id < CANDOR_N_ELEMENTS; id++)
    {
      g_autofree char *web = candor_wording_generate (document, id, CANDOR_TEXT_WEB);
      g_assert_cmpstr (web, ==, "This does not apply: the Acme Cam 2 gets no security updates.");
    }
  {
    g_autofree char *a2 = candor_wording_generate (document, CANDOR_ELEMENT_A2, CANDOR_TEXT_LABEL);
    g_assert_cmpstr (a2, ==, "Updates install automatically.");
  }
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  /* Report every wrong sentence, not only the first. */
  g_test_set_nonfatal_assertions ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/candor/wording/generate/%s", cases[i].name);
      g_test_add_data_func (path, &cases[i], test_case);
    }
  g_test_add_func ("/candor/wording/generate/names", test_names);
  g_test_add_func ("/candor/wording/generate/not-applicable", test_not_applicable);
  return g_test_run ();
}
