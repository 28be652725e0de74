/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-element-content.c: what each wizard page asks and explains, element by element. */

#include "config.h"

#include <glib/gi18n.h>

#include "candor-element-content.h"

/* Choices, with the values of data/schema/candor-draft.schema.json. */

static const CandorAnswerChoice receives_choices[] = {
  { "yes", N_("Yes"), N_("The device gets security updates") },
  { "no", N_("No"), N_("The device cannot be updated") },
  { "service", N_("Only through a service"), N_("The owner returns it, or a technician updates it") },
  { NULL }
};
static const CandorAnswerChoice service_choices[] = {
  { "return", N_("Send the device back") },
  { "technician", N_("A technician visits") },
  { "store", N_("Take it to a shop") },
  { NULL }
};
static const CandorAnswerChoice advice_choices[] = {
  { "replace", N_("Replace the device when support ends") },
  { "isolate", N_("Keep it on a separate network") },
  { "offline", N_("Use it without an internet connection") },
  { "other", N_("Other advice") },
  { NULL }
};
static const CandorAnswerChoice method_choices[] = {
  { "automatic", N_("Automatic, always"), N_("Updates install on their own") },
  { "automatic-default", N_("Automatic by default"), N_("The owner can turn this off or postpone") },
  { "approve", N_("The owner approves each update") },
  { "manual", N_("The owner installs updates by hand") },
  { NULL }
};
static const CandorAnswerChoice how_choices[] = {
  { "app", N_("In the app") },
  { "web", N_("On a web page") },
  { "usb", N_("From a USB stick") },
  { "service-visit", N_("At a service visit") },
  { NULL }
};
static const CandorAnswerChoice cost_choices[] = {
  { "free", N_("Free") },
  { "included-period", N_("Included for a period"), N_("Free at first, then paid") },
  { "subscription", N_("Subscription") },
  { "per-update", N_("A fee for each update") },
  { NULL }
};
static const CandorAnswerChoice month_year_choices[] = {
  { "month", N_("Per month") },
  { "year", N_("Per year") },
  { NULL }
};
static const CandorAnswerChoice end_choices[] = {
  { "date", N_("On a date") },
  { "period", N_("A period after an event"), N_("For example five years after purchase") },
  { "none", N_("No planned end") },
  { "unknown", N_("Not known yet") },
  { NULL }
};
static const CandorAnswerChoice from_choices[] = {
  { "purchase", N_("Purchase") },
  { "registration", N_("Registration") },
  { "first-sale", N_("First sale of the model") },
  { "end-of-sale", N_("End of sale of the model") },
  { NULL }
};
static const CandorAnswerChoice channel_choices[] = {
  { "app", N_("In the app") },
  { "device", N_("On the device") },
  { "email", N_("Email") },
  { "sms", N_("Text message") },
  { "push", N_("Push notification") },
  { "web", N_("Web page or feed") },
  { "none", N_("Owners are not told") },
  { NULL }
};
static const CandorAnswerChoice schedule_choices[] = {
  { "as-needed", N_("When needed") },
  { "monthly", N_("Every month") },
  { "quarterly", N_("Every three months") },
  { "other", N_("Other") },
  { NULL }
};
static const CandorAnswerChoice after_choices[] = {
  { "keeps-working", N_("It keeps working, without security fixes") },
  { "loses-functions", N_("Some functions stop") },
  { "stops", N_("It stops working") },
  { "paid-extension", N_("Owners can pay for more support") },
  { "handover", N_("Another company takes over support") },
  { "other", N_("Something else") },
  { NULL }
};
static const CandorAnswerChoice extension_period_choices[] = {
  { "month", N_("Per month") },
  { "year", N_("Per year") },
  { "once", N_("Once") },
  { NULL }
};
static const CandorAnswerChoice measure_choices[] = {
  { "signed", N_("Updates are signed"), N_("The device checks that an update really comes from us before it installs it") },
  { "encrypted", N_("Encrypted delivery"), N_("Updates travel over a secure connection that others cannot read or change") },
  { "tested", N_("Tested before release") },
  { "recovery", N_("Safe if an update fails"), N_("The device goes back to the last working version") },
  { "independent-testing", N_("Independent security testing"), N_("Outside experts test the device’s security") },
  { NULL }
};
static const CandorAnswerChoice standard_choices[] = {
  { "etsi-en-303-645", N_("ETSI EN 303 645"), N_("The European baseline for consumer device security") },
  { "iec-62443-4-2", N_("IEC 62443-4-2"), N_("Security requirements for industrial device parts") },
  { "nistir-8259a", N_("NIST IR 8259A"), N_("The US list of core security features for devices") },
  { "uptane", N_("Uptane"), N_("A secure way to deliver updates, first made for cars") },
  { "tuf", N_("The Update Framework (TUF)"), N_("A design that keeps update servers safe to trust") },
  { "ietf-suit", N_("IETF SUIT"), N_("A standard format for updates to small devices") },
  { NULL }
};

#define ALWAYS NULL, NULL

static const CandorAnswerSpec a1_specs[] = {
  { N_("Security Updates"), NULL, "receives_updates", CANDOR_ANSWER_RADIO,
    N_("Receives updates"), NULL, receives_choices, 0, 0, ALWAYS },
  { NULL, NULL, "service_how", CANDOR_ANSWER_COMBO, N_("How the service works"), NULL,
    service_choices, 0, 0, "receives_updates", "service" },
  { N_("Why not, and what should owners do?"), NULL, "no_reason", CANDOR_ANSWER_TEXT,
    N_("Reason, in plain words"), NULL, NULL, 0, 0, "receives_updates", "no" },
  { NULL, NULL, "no_advice", CANDOR_ANSWER_CHECKS, N_("Advice"), NULL, advice_choices, 0, 0,
    "receives_updates", "no" },
  { NULL, NULL, "no_advice_other", CANDOR_ANSWER_TEXT, N_("Other advice"), NULL, NULL, 0, 0,
    "receives_updates", "no" },
};

static const CandorAnswerSpec a2_specs[] = {
  { N_("Installing Updates"), NULL, "method", CANDOR_ANSWER_RADIO,
    N_("Method"), NULL, method_choices, 0, 0, ALWAYS },
  { N_("How does the owner install them?"), NULL, "manual_how", CANDOR_ANSWER_CHECKS,
    N_("How"), NULL, how_choices, 0, 0, "method", "manual" },
  { NULL, NULL, "manual_minutes", CANDOR_ANSWER_NUMBER, N_("Minutes it takes"),
    N_("About how long an update takes the owner"), NULL, 1, 1440, "method", "manual" },
  { N_("Connection"), NULL, "needs_internet", CANDOR_ANSWER_SWITCH,
    N_("Needs an internet connection"), N_("The device must be online to get updates"),
    NULL, 0, 0, ALWAYS },
  { N_("What do updates cost?"), NULL, "cost", CANDOR_ANSWER_RADIO, N_("Cost"), NULL,
    cost_choices, 0, 0, ALWAYS },
  { NULL, NULL, "included_months", CANDOR_ANSWER_NUMBER, N_("Months included"), NULL, NULL,
    1, 600, "cost", "included-period" },
  { NULL, NULL, "price", CANDOR_ANSWER_MONEY, N_("Price"), NULL, NULL, 0, 0,
    "cost", "subscription|per-update|included-period" },
  { NULL, NULL, "price_period", CANDOR_ANSWER_COMBO, N_("Paid"), NULL, month_year_choices, 0, 0,
    "cost", "subscription|included-period" },
};

static const CandorAnswerSpec a3_specs[] = {
  { N_("End of Support"), NULL, "end_kind", CANDOR_ANSWER_RADIO,
    N_("End of support"), NULL, end_choices, 0, 0, ALWAYS },
  { N_("End Date"), N_("Give the month and year at least. The day is optional."), "end_date",
    CANDOR_ANSWER_DATE, N_("Support ends"), NULL, NULL, 0, 0, "end_kind", "date" },
  { NULL, NULL, "at_least", CANDOR_ANSWER_SWITCH, N_("At least until then"),
    N_("Support may go on longer"), NULL, 0, 0, "end_kind", "date|period" },
  { N_("Period"), NULL, "period_months", CANDOR_ANSWER_NUMBER, N_("Months of support"), NULL,
    NULL, 1, 1200, "end_kind", "period" },
  { NULL, NULL, "period_from", CANDOR_ANSWER_COMBO, N_("Counted from"), NULL, from_choices, 0, 0,
    "end_kind", "period" },
  { NULL, NULL, "end_of_sale_date", CANDOR_ANSWER_DATE, N_("End of sale"), NULL, NULL, 0, 0,
    "period_from", "end-of-sale" },
  { NULL, NULL, "earliest", CANDOR_ANSWER_EARLIEST, N_("Earliest end"), NULL, NULL, 0, 0,
    "end_kind", "period" },
  { N_("Why is it not known yet?"), NULL, "unknown_reason", CANDOR_ANSWER_TEXT, N_("Reason"),
    NULL, NULL, 0, 0, "end_kind", "unknown" },
  { NULL, NULL, "known_by", CANDOR_ANSWER_DATE, N_("Known by"), NULL, NULL, 0, 0,
    "end_kind", "unknown" },
  { N_("First Sale"), N_("Used to check the EU rule of at least five years of updates."),
    "first_sale_date", CANDOR_ANSWER_DATE, N_("First sold"), NULL, NULL, 0, 0, ALWAYS },
};

static const CandorAnswerSpec b1_specs[] = {
  { N_("Where Owners Are Told"), NULL, "channels", CANDOR_ANSWER_CHECKS,
    N_("Channels"), NULL, channel_choices, 0, 0, ALWAYS },
  { N_("What Owners Learn"), NULL, "tells_what_fixed", CANDOR_ANSWER_SWITCH,
    N_("Owners are told what an update fixes"), NULL, NULL, 0, 0, ALWAYS },
  { NULL, NULL, "warns_before_end", CANDOR_ANSWER_SWITCH,
    N_("Owners are told before support ends"), NULL, NULL, 0, 0, ALWAYS },
  { N_("How often do updates come?"), NULL, "schedule", CANDOR_ANSWER_RADIO, N_("Schedule"),
    NULL, schedule_choices, 0, 0, ALWAYS },
  { NULL, NULL, "schedule_other", CANDOR_ANSWER_TEXT, N_("Schedule, in plain words"), NULL, NULL,
    0, 0, "schedule", "other" },
};

static const CandorAnswerSpec b2_specs[] = {
  { N_("After Support Ends"), NULL, "after_end", CANDOR_ANSWER_RADIO,
    N_("After support ends"), NULL, after_choices, 0, 0, ALWAYS },
  { NULL, NULL, "lost_functions", CANDOR_ANSWER_TEXT, N_("Functions that stop"), NULL, NULL,
    0, 0, "after_end", "loses-functions" },
  { NULL, NULL, "extension_how", CANDOR_ANSWER_TEXT, N_("How to get more support"), NULL, NULL,
    0, 0, "after_end", "paid-extension" },
  { NULL, NULL, "extension_price", CANDOR_ANSWER_MONEY, N_("Price of more support"), NULL, NULL,
    0, 0, "after_end", "paid-extension" },
  { NULL, NULL, "extension_period", CANDOR_ANSWER_COMBO, N_("Paid"), NULL,
    extension_period_choices, 0, 0, "after_end", "paid-extension" },
  { NULL, NULL, "handover_party", CANDOR_ANSWER_TEXT, N_("Who takes over"), NULL, NULL, 0, 0,
    "after_end", "handover" },
  { NULL, NULL, "other", CANDOR_ANSWER_TEXT, N_("What happens"), NULL, NULL, 0, 0,
    "after_end", "other" },
  { N_("Advice to Owners"), NULL, "advice", CANDOR_ANSWER_TEXT, N_("What owners should do then"),
    NULL, NULL, 0, 0, ALWAYS },
};

static const CandorAnswerSpec b3_specs[] = {
  { N_("Safety Measures"), N_("Tick what is true, and only that."), "measures", CANDOR_ANSWER_CHECKS, N_("Measures"),
    NULL, measure_choices, 0, 0, ALWAYS },
  { N_("Standards Followed"), NULL, "standards", CANDOR_ANSWER_CHECKS, N_("Standards"), NULL,
    standard_choices, 0, 0, ALWAYS },
  { N_("Anything Else"), NULL, "free_text", CANDOR_ANSWER_TEXT, N_("Other measures, in plain words"),
    NULL, NULL, 0, 0, ALWAYS },
};

static const CandorElementContent contents[CANDOR_N_ELEMENTS] = {
  { N_("Can the device receive security updates?"),
    N_("Buyers want to know if the device can be fixed when a security problem is found. A device that cannot be updated stays open to attack."),
    /* Translators: %s is the kind of product, like "camera", "smart plug" or "device". */
    N_("Yes. This %s gets security updates."),
    N_("Firmware is maintained per our lifecycle policy."),
    N_("Does not say yes or no, and uses words buyers do not know."),
    a1_specs, G_N_ELEMENTS (a1_specs) },
  { N_("How are updates installed, and what do they cost?"),
    N_("Updates only help if they get installed. Buyers need to know if they must do something, and if they will have to pay."),
    N_("Updates install automatically. They are free."),
    N_("OTA patches are deployed periodically subject to connectivity."),
    N_("Jargon, passive voice and no word on cost."),
    a2_specs, G_N_ELEMENTS (a2_specs) },
  { N_("Until when will the device get security updates?"),
    N_("This is the device’s “best before” date for security. Buyers compare it between products before they buy."),
    N_("Security updates until at least 31 December 2030."),
    N_("Supported for a reasonable period after purchase."),
    N_("No date: buyers cannot tell when support ends."),
    a3_specs, G_N_ELEMENTS (a3_specs) },
  { N_("How will owners hear about updates?"),
    N_("Owners need to know when an update arrives, what it fixes, and when support is about to end."),
    N_("We tell you about each update in the app and by email."),
    N_("Notifications may be provided from time to time."),
    N_("Vague: may, from time to time, and no channel."),
    b1_specs, G_N_ELEMENTS (b1_specs) },
  { N_("What happens when security support ends?"),
    N_("Buyers want to know if the device keeps working, stops, or can get more support, so they can plan to replace it."),
    /* Translators: %s is the kind of product, like "camera", "smart plug" or "device". */
    N_("After support ends, the %s keeps working but gets no security fixes. Replace it or keep it on a separate network."),
    N_("EOL devices are not guaranteed."),
    N_("Jargon (EOL) and no advice."),
    b2_specs, G_N_ELEMENTS (b2_specs) },
  { N_("How are updates kept safe?"),
    N_("An update is a way into the device. Buyers, and the people who review products for them, want to know that only real updates get in."),
    /* Translators: %s is the kind of product, like "camera", "smart plug" or "device". */
    N_("The %s checks that each update really comes from us before it installs it."),
    N_("Updates are cryptographically authenticated using industry best practices."),
    N_("Jargon, passive voice, and no plain explanation."),
    b3_specs, G_N_ELEMENTS (b3_specs) },
};

const CandorElementContent *
candor_element_content_get (CandorElementId id)
{
  g_return_val_if_fail (id < CANDOR_N_ELEMENTS, NULL);

  return &contents[id];
}
