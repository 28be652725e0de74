/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-wording-check.c: missing answers, contradictions and rules the answers may break. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "candor-wording-private.h"

#define is(a, b) (g_strcmp0 ((a), (b)) == 0)
#define NONE CANDOR_N_ELEMENTS

/* Rules that mean "a required answer is not given": they make the element MISSING rather
 * than NEEDS_WORK. */
static const char *const missing_rules[] = {
  "a1-missing", "a2-method-missing", "a2-cost-missing", "a2-price-missing",
  "a2-included-months-missing", "a3-end-missing", "a3-date-missing", "a3-period-missing",
  "b1-channels-missing", "b2-after-end-missing", "b2-other-missing", "b3-measures-missing",
};

/* The EU Cyber Resilience Act expects a support period of normally at least five years. */
#define MIN_SUPPORT_MONTHS 60

void
candor_issue_free (CandorIssue *issue)
{
  if (issue == NULL)
    return;
  g_free (issue->rule);
  g_free (issue->key);
  g_free (issue->message);
  g_free (issue);
}

/* Adds an issue about @first (and @second unless NONE); takes @message. */
static void
add (GPtrArray       *issues,
     const char      *rule,
     CandorSeverity   severity,
     CandorElementId  first,
     CandorElementId  second,
     const char      *key,
     char            *message)
{
  CandorIssue *issue = g_new0 (CandorIssue, 1);

  issue->rule = g_strdup (rule);
  issue->severity = severity;
  issue->elements[issue->n_elements++] = first;
  if (second != NONE)
    issue->elements[issue->n_elements++] = second;
  issue->key = g_strdup (key);
  issue->message = message;
  g_ptr_array_add (issues, issue);
}

/* A.1 "cannot get updates": the other elements need no answers then. */
static gboolean
a1_says_no (CandorDocument *document)
{
  CandorElement *a1 = candor_document_get_element (document, CANDOR_ELEMENT_A1);

  return is (candor_element_get_answer_string (a1, "receives_updates"), "no");
}

static gboolean
has_string (CandorElement *element, const char *key)
{
  g_autofree char *text = candor_wording_user_text (element, key);
  return text != NULL;
}

static gboolean
has_strv (CandorElement *element, const char *key)
{
  g_auto (GStrv) values = candor_element_dup_answer_strv (element, key);
  return values != NULL && values[0] != NULL;
}

static gboolean
has_money (CandorElement *element, const char *key)
{
  g_autofree char *money = candor_wording_money (element, key);
  return money != NULL;
}

static void
check_a1 (CandorDocument *document, GPtrArray *issues)
{
  CandorElement *a1 = candor_document_get_element (document, CANDOR_ELEMENT_A1);
  CandorElement *a2 = candor_document_get_element (document, CANDOR_ELEMENT_A2);
  CandorElement *a3 = candor_document_get_element (document, CANDOR_ELEMENT_A3);
  const char *receives = candor_element_get_answer_string (a1, "receives_updates");
  const char *method = candor_element_get_answer_string (a2, "method");
  const char *end_kind = candor_element_get_answer_string (a3, "end_kind");

  if (receives == NULL)
    {
      add (issues, "a1-missing", CANDOR_SEVERITY_BLOCKING, CANDOR_ELEMENT_A1, NONE, "receives_updates",
           g_strdup (_("Say whether the device can get security updates.")));
      return;
    }

  if (is (receives, "service"))
    {
      if (!has_string (a1, "service_how"))
        add (issues, "a1-service-how-missing", CANDOR_SEVERITY_WARNING, CANDOR_ELEMENT_A1, NONE,
             "service_how",
             g_strdup (_("Say how the service works: send the device back, a technician visit, or a store.")));
      if (is (method, "automatic") || is (method, "automatic-default"))
        add (issues, "a1-service-but-automatic", CANDOR_SEVERITY_WARNING, CANDOR_ELEMENT_A1,
             CANDOR_ELEMENT_A2, "method",
             g_strdup (_("A.1 says updates come only through a service, but A.2 says they install automatically. Change one of the two answers.")));
      return;
    }
  if (!is (receives, "no"))
    return;

  if (!has_string (a1, "no_reason"))
    add (issues, "a1-no-reason-missing", CANDOR_SEVERITY_WARNING, CANDOR_ELEMENT_A1, NONE, "no_reason",
         g_strdup (_("Say why the device cannot get security updates. Buyers trust a plain reason.")));
  if (!has_strv (a1, "no_advice"))
    add (issues, "a1-no-advice-missing", CANDOR_SEVERITY_WARNING, CANDOR_ELEMENT_A1, NONE, "no_advice",
         g_strdup (_("Tell buyers what to do instead, for example replace the device or keep it off the internet.")));

  if (is (method, "automatic") || is (method, "automatic-default"))
    add (issues, "a1-no-updates-but-automatic", CANDOR_SEVERITY_BLOCKING, CANDOR_ELEMENT_A1,
         CANDOR_ELEMENT_A2, "method",
         g_strdup (_("A.1 says the device cannot get security updates, but A.2 says updates install automatically. Correct A.1, or remove the update method in A.2.")));
  else if (method != NULL)
    add (issues, "a1-no-updates-but-method", CANDOR_SEVERITY_BLOCKING, CANDOR_ELEMENT_A1,
         CANDOR_ELEMENT_A2, "method",
         g_strdup (_("A.1 says the device cannot get security updates, but A.2 says how to install them. Correct A.1, or remove the update method in A.2.")));

  if (candor_element_get_answer_string (a2, "cost") != NULL)
    add (issues, "a1-no-updates-but-cost", CANDOR_SEVERITY_BLOCKING, CANDOR_ELEMENT_A1,
         CANDOR_ELEMENT_A2, "cost",
         g_strdup (_("A.1 says the device cannot get security updates, but A.2 gives a cost for them. Correct A.1, or remove the cost in A.2.")));

  if (is (end_kind, "date") || is (end_kind, "period"))
    add (issues, "a1-no-updates-but-end-date", CANDOR_SEVERITY_BLOCKING, CANDOR_ELEMENT_A1,
         CANDOR_ELEMENT_A3, "end_kind",
         g_strdup (_("A.1 says the device cannot get security updates, but A.3 gives an end date for them. Correct A.1, or remove the end date in A.3.")));
}

static void
check_a2 (CandorDocument *document, GPtrArray *issues)
{
  CandorElement *a2 = candor_document_get_element (document, CANDOR_ELEMENT_A2);
  const char *method = candor_element_get_answer_string (a2, "method");
  const char *cost = candor_element_get_answer_string (a2, "cost");
  gboolean required = !a1_says_no (document);

  if (method == NULL && required)
    add (issues, "a2-method-missing", CANDOR_SEVERITY_BLOCKING, CANDOR_ELEMENT_A2, NONE, "method",
         g_strdup (_("Say how updates get installed: automatically, after the owner approves, or by the owner.")));
  if (cost == NULL && required)
    add (issues, "a2-cost-missing", CANDOR_SEVERITY_BLOCKING, CANDOR_ELEMENT_A2, NONE, "cost",
         g_strdup (_("Say what security updates cost the owner, even if they are free.")));

  if (is (method, "manual") && !has_strv (a2, "manual_how"))
    add (issues, "a2-manual-without-how", CANDOR_SEVERITY_BLOCKING, CANDOR_ELEMENT_A2, NONE, "manual_how",
         g_strdup (_("Owners install updates themselves, but the answers do not say how. Choose the app, a web page, a USB stick or a service visit.")));

  if ((is (cost, "subscription") || is (cost, "per-update")) && !has_money (a2, "price"))
    add (issues, "a2-price-missing", CANDOR_SEVERITY_BLOCKING, CANDOR_ELEMENT_A2, NONE, "price",
         g_strdup (_("Updates cost money, but no price is given. Enter the price and its currency.")));
  /* After the free time the buyer pays: the box must say how much. */
  if (is (cost, "included-period") && !has_money (a2, "price"))
    add (issues, "a2-price-missing", CANDOR_SEVERITY_BLOCKING, CANDOR_ELEMENT_A2, NONE, "price",
         g_strdup (_("Updates cost money after the free time, but no price is given. Enter the price and its currency.")));
  if (is (cost, "subscription") && has_money (a2, "price") &&
      candor_element_get_answer_string (a2, "price_period") == NULL)
    add (issues, "a2-subscription-period-missing", CANDOR_SEVERITY_WARNING, CANDOR_ELEMENT_A2, NONE,
         "price_period", g_strdup (_("Say whether the subscription price is per month or per year.")));
  if (is (cost, "included-period") && has_money (a2, "price") &&
      candor_element_get_answer_string (a2, "price_period") == NULL)
    add (issues, "a2-subscription-period-missing", CANDOR_SEVERITY_WARNING, CANDOR_ELEMENT_A2, NONE,
         "price_period", g_strdup (_("Say whether the price after the free time is per month or per year.")));
  if (is (cost, "included-period") && candor_element_get_answer_int (a2, "included_months", 0) < 1)
    add (issues, "a2-included-months-missing", CANDOR_SEVERITY_BLOCKING, CANDOR_ELEMENT_A2, NONE,
         "included_months", g_strdup (_("Updates are free for a while: say for how many months.")));
  if (is (cost, "free") && has_money (a2, "price"))
    add (issues, "a2-free-with-price", CANDOR_SEVERITY_BLOCKING, CANDOR_ELEMENT_A2, NONE, "price",
         g_strdup (_("Updates are marked free, but a price is also given. Remove the price, or choose the subscription or per-update cost.")));
}

static void
check_a3_dates (CandorElement *a3, const GDate *today, GPtrArray *issues)
{
  const char *end_kind = candor_element_get_answer_string (a3, "end_kind");
  const char *from = candor_element_get_answer_string (a3, "period_from");
  gint64 months = candor_element_get_answer_int (a3, "period_months", 0);
  CandorPartialDate end, first_sale, limit;
  gboolean exact = FALSE;
  gboolean have_end = candor_wording_a3_end_date (a3, &end, &exact);
  gboolean have_first_sale = candor_partial_date_parse (candor_element_get_answer_string (a3, "first_sale_date"),
                                                        &first_sale);
  const char *key = is (end_kind, "period") ? "period_months" : "end_date";
  int today_julian = (int) g_date_get_julian (today);

  if (is (end_kind, "period") && months >= 1 && from != NULL && !have_end)
    {
      gboolean absolute = is (from, "first-sale") || is (from, "end-of-sale");
      add (issues, "a3-period-without-date",
           absolute ? CANDOR_SEVERITY_BLOCKING : CANDOR_SEVERITY_WARNING, CANDOR_ELEMENT_A3, NONE,
           "first_sale_date",
           g_strdup (absolute
                     ? _("Buyers cannot tell when this period starts. Enter the date the product first went on sale (or stops being sold), so the end date can be shown.")
                     : _("Enter the date the product first went on sale, so the earliest end date can be shown to buyers.")));
    }

  if (is (end_kind, "date") && have_end && !have_first_sale)
    add (issues, "a3-first-sale-missing", CANDOR_SEVERITY_INFO, CANDOR_ELEMENT_A3, NONE, "first_sale_date",
         g_strdup (_("Enter the date the product first went on sale, so Candor can check the EU rule of at least five years of support.")));

  /* The EU rule counts from when the product is first sold. */
  if (have_end && have_first_sale)
    {
      limit = candor_partial_date_add_months (&first_sale, MIN_SUPPORT_MONTHS);
      if (candor_partial_date_to_julian (&end, TRUE) <
          candor_partial_date_to_julian (&limit, FALSE))
        {
          g_autofree char *start_text = candor_partial_date_format (&first_sale);
          g_autofree char *end_text = candor_partial_date_format (&end);
          add (issues, "a3-under-five-years", CANDOR_SEVERITY_WARNING, CANDOR_ELEMENT_A3, NONE, key,
               /* Translators: %1$s and %2$s are dates like "March 2025". */
               g_strdup_printf (_("Security updates end less than five years after the first sale (%1$s to %2$s). The EU Cyber Resilience Act expects at least five years of support, unless the product is normally used for a shorter time. Check the date, or keep a record of why a shorter period is right."),
                                start_text, end_text));
        }
    }
  else if (is (end_kind, "period") && months >= 1 && months < MIN_SUPPORT_MONTHS && !is (from, "end-of-sale"))
    add (issues, "a3-under-five-years", CANDOR_SEVERITY_WARNING, CANDOR_ELEMENT_A3, NONE, key,
         g_strdup (_("The support period is shorter than five years. The EU Cyber Resilience Act expects at least five years of support, unless the product is normally used for a shorter time. Check the period, or keep a record of why a shorter one is right.")));

  /* Only a fixed end can lie in the past: a period from purchase starts again for every buyer. */
  if (have_end && (exact || is (end_kind, "date")) &&
      candor_partial_date_to_julian (&end, TRUE) < today_julian)
    add (issues, "a3-date-in-past", CANDOR_SEVERITY_BLOCKING, CANDOR_ELEMENT_A3, NONE, key,
         g_strdup (_("The end of security updates is already in the past. Correct the date, or change A.1 if the device no longer gets updates.")));
}

static void
check_a3 (CandorDocument *document, const GDate *today, GPtrArray *issues)
{
  CandorElement *a3 = candor_document_get_element (document, CANDOR_ELEMENT_A3);
  const char *end_kind = candor_element_get_answer_string (a3, "end_kind");
  CandorPartialDate known_by;

  if (end_kind == NULL)
    {
      if (!a1_says_no (document))
        add (issues, "a3-end-missing", CANDOR_SEVERITY_BLOCKING, CANDOR_ELEMENT_A3, NONE, "end_kind",
             g_strdup (_("Say until when the device gets security updates: a date, a period, no planned end, or not known yet.")));
      return;
    }

  if (is (end_kind, "date") &&
      !candor_partial_date_parse (candor_element_get_answer_string (a3, "end_date"), NULL))
    add (issues, "a3-date-missing", CANDOR_SEVERITY_BLOCKING, CANDOR_ELEMENT_A3, NONE, "end_date",
         g_strdup (_("Enter the end date: at least the month and the year.")));
  if (is (end_kind, "period") &&
      (candor_element_get_answer_int (a3, "period_months", 0) < 1 ||
       candor_element_get_answer_string (a3, "period_from") == NULL))
    add (issues, "a3-period-missing", CANDOR_SEVERITY_BLOCKING, CANDOR_ELEMENT_A3, NONE,
         candor_element_get_answer_int (a3, "period_months", 0) < 1 ? "period_months" : "period_from",
         g_strdup (_("Enter how long support lasts and when that time starts, for example 5 years from the first sale.")));

  if (is (end_kind, "unknown"))
    {
      if (!has_string (a3, "unknown_reason"))
        add (issues, "a3-unknown-without-reason", CANDOR_SEVERITY_BLOCKING, CANDOR_ELEMENT_A3, NONE,
             "unknown_reason",
             g_strdup (_("The end date is not known yet: tell buyers why, in one plain sentence.")));
      if (!candor_partial_date_parse (candor_element_get_answer_string (a3, "known_by"), &known_by))
        add (issues, "a3-unknown-without-known-by", CANDOR_SEVERITY_WARNING, CANDOR_ELEMENT_A3, NONE,
             "known_by", g_strdup (_("Say by when the end date will be known.")));
      else if (candor_partial_date_to_julian (&known_by, TRUE) < (int) g_date_get_julian (today))
        add (issues, "a3-known-by-in-past", CANDOR_SEVERITY_WARNING, CANDOR_ELEMENT_A3, NONE,
             "known_by",
             g_strdup (_("The date by which the end date would be known has passed. Enter the end date now, or a new date.")));
    }

  check_a3_dates (a3, today, issues);
}

static void
check_b (CandorDocument *document, GPtrArray *issues)
{
  CandorElement *b1 = candor_document_get_element (document, CANDOR_ELEMENT_B1);
  CandorElement *b2 = candor_document_get_element (document, CANDOR_ELEMENT_B2);
  CandorElement *b3 = candor_document_get_element (document, CANDOR_ELEMENT_B3);
  gboolean no_updates = a1_says_no (document);
  g_auto (GStrv) channels = candor_element_dup_answer_strv (b1, "channels");
  guint n_channels = channels != NULL ? g_strv_length (channels) : 0;
  gboolean says_none = candor_element_answer_strv_contains (b1, "channels", "none");
  const char *after = candor_element_get_answer_string (b2, "after_end");

  /* B.1 */
  if (n_channels == 0 && !no_updates)
    add (issues, "b1-channels-missing", CANDOR_SEVERITY_BLOCKING, CANDOR_ELEMENT_B1, NONE, "channels",
         g_strdup (_("Say how owners hear about updates: in the app, on the device, by email, or another way. Choose none if they are not told.")));
  if (says_none && n_channels > 1)
    add (issues, "b1-none-with-channels", CANDOR_SEVERITY_BLOCKING, CANDOR_ELEMENT_B1, NONE, "channels",
         g_strdup (_("“Owners are not told” is chosen together with ways of telling them. Choose one or the other.")));
  else if (says_none &&
           (candor_element_get_answer_boolean (b1, "tells_what_fixed", FALSE) ||
            candor_element_get_answer_boolean (b1, "warns_before_end", FALSE)))
    add (issues, "b1-none-but-tells-owners", CANDOR_SEVERITY_WARNING, CANDOR_ELEMENT_B1, NONE, "channels",
         g_strdup (_("Owners are not told about updates, yet the answers say they learn what updates fix or when support ends. Say how they are told.")));
  if (is (candor_element_get_answer_string (b1, "schedule"), "other") && !has_string (b1, "schedule_other"))
    add (issues, "b1-schedule-other-missing", CANDOR_SEVERITY_WARNING, CANDOR_ELEMENT_B1, NONE,
         "schedule_other", g_strdup (_("Describe when updates come out.")));

  /* B.2 */
  if (after == NULL && !no_updates)
    add (issues, "b2-after-end-missing", CANDOR_SEVERITY_BLOCKING, CANDOR_ELEMENT_B2, NONE, "after_end",
         g_strdup (_("Say what happens to the device when security updates end.")));
  if (is (after, "other") && !has_string (b2, "other"))
    add (issues, "b2-other-missing", CANDOR_SEVERITY_BLOCKING, CANDOR_ELEMENT_B2, NONE, "other",
         g_strdup (_("Describe what happens when security updates end.")));
  if (is (after, "loses-functions") && !has_string (b2, "lost_functions"))
    add (issues, "b2-lost-functions-missing", CANDOR_SEVERITY_WARNING, CANDOR_ELEMENT_B2, NONE,
         "lost_functions", g_strdup (_("Name the functions that stop working.")));
  if (is (after, "handover") && !has_string (b2, "handover_party"))
    add (issues, "b2-handover-party-missing", CANDOR_SEVERITY_WARNING, CANDOR_ELEMENT_B2, NONE,
         "handover_party", g_strdup (_("Name the company that takes over security updates.")));
  if (is (after, "paid-extension") && !has_string (b2, "extension_how") && !has_money (b2, "extension_price"))
    add (issues, "b2-extension-details-missing", CANDOR_SEVERITY_WARNING, CANDOR_ELEMENT_B2, NONE,
         "extension_how", g_strdup (_("Say how owners buy extended support, and what it costs.")));

  /* B.3 */
  if (!has_strv (b3, "measures") && !has_strv (b3, "standards") && !has_string (b3, "free_text") &&
      !no_updates)
    add (issues, "b3-measures-missing", CANDOR_SEVERITY_BLOCKING, CANDOR_ELEMENT_B3, NONE, "measures",
         g_strdup (_("Say how updates are protected, for example signed updates or an encrypted connection.")));
}

/* The label text as the buyer will see it: what the user wrote, or else the proposal. */
static char *
effective_label (CandorDocument *document, CandorElementId id)
{
  CandorElement *element = candor_document_get_element (document, id);
  const char *text = candor_element_get_text (element, CANDOR_TEXT_LABEL);

  if (text != NULL && *text != '\0')
    return g_strdup (text);
  return candor_wording_generate (document, id, CANDOR_TEXT_LABEL);
}

static gboolean
label_says_it_stops (CandorDocument *document)
{
  g_autofree char *sentence = candor_wording_stops_sentence (document, CANDOR_TEXT_LABEL, TRUE);
  /* Translators: words that tell a reader the device stops working, separated by "|". The
   * check looks for any of them in the label texts of A.1 to A.3. */
  g_auto (GStrv) words = g_strsplit (C_("stop words", "stop|stops|stopped|no longer work|cease|ceases|shut down|shuts down|will not work|won't work"), "|", -1);

  for (CandorElementId id = CANDOR_ELEMENT_A1; id <= CANDOR_ELEMENT_A3; id++)
    {
      g_autofree char *label = effective_label (document, id);
      g_autofree char *folded = g_utf8_casefold (label, -1);

      if (sentence != NULL && strstr (label, sentence) != NULL)
        return TRUE;
      for (guint i = 0; words[i] != NULL; i++)
        {
          g_autofree char *word = g_utf8_casefold (words[i], -1);
          if (*word != '\0' && strstr (folded, word) != NULL)
            return TRUE;
        }
    }
  return FALSE;
}

/* Compiled once: checks run on every keystroke. */
static GRegex *
expires_regex (void)
{
  static GRegex *regex;

  if (g_once_init_enter (&regex))
    g_once_init_leave (&regex, g_regex_new ("\\bexpir(e|es|ed|ing|y|ies|ation|ations)\\b",
                                            G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL));
  return regex;
}

static GRegex *
says_free_regex (void)
{
  static GRegex *regex;

  if (g_once_init_enter (&regex))
    g_once_init_leave (&regex, g_regex_new (
      "\\b(free|no cost|no charge|without charge|nothing to pay|no subscription|"
      "(do not|don't|don’t) (need|have to pay for|pay for) a subscription)\\b",
      G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL));
  return regex;
}

static GRegex *
says_automatic_regex (void)
{
  static GRegex *regex;

  if (g_once_init_enter (&regex))
    g_once_init_leave (&regex, g_regex_new ("\\b(automatic|automatically|on (its|their) own|by (it|them)sel(f|ves))\\b",
                                            G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL));
  return regex;
}

/* Texts typed by hand are not regenerated from the answers: compare them with the answers
 * for the facts a buyer pays for or relies on, so that a box cannot say the opposite. */
static void
check_edited_a2 (CandorDocument *document, GPtrArray *issues)
{
  CandorElement *a2 = candor_document_get_element (document, CANDOR_ELEMENT_A2);
  const char *cost = candor_element_get_answer_string (a2, "cost");
  const char *method = candor_element_get_answer_string (a2, "method");
  gboolean paid = is (cost, "subscription") || is (cost, "per-update");

  for (CandorTextKind kind = CANDOR_TEXT_LABEL; kind < CANDOR_N_TEXT_KINDS; kind++)
    {
      const char *text = candor_element_get_text (a2, kind);
      const char *key = kind == CANDOR_TEXT_LABEL ? "label_text" : "web_text";

      if (!candor_element_get_text_edited (a2, kind) || text == NULL || *text == '\0')
        continue;
      if (paid && g_regex_match (says_free_regex (), text, 0, NULL))
        add (issues, "a2-text-says-free-but-paid", CANDOR_SEVERITY_BLOCKING, CANDOR_ELEMENT_A2, NONE, key,
             g_strdup (kind == CANDOR_TEXT_LABEL
                                ? _("The label text says updates are free, but the answers say owners pay for them. Change the label text, or use “Update from Answers”.")
                                : _("The web text says updates are free, but the answers say owners pay for them. Change the web text, or use “Update from Answers”.")));
      if (is (method, "manual") && g_regex_match (says_automatic_regex (), text, 0, NULL))
        add (issues, "a2-text-says-automatic-but-manual", CANDOR_SEVERITY_BLOCKING, CANDOR_ELEMENT_A2, NONE, key,
             g_strdup (kind == CANDOR_TEXT_LABEL
                         ? _("The label text says updates install automatically, but the answers say the owner installs them. Change the label text, or use “Update from Answers”.")
                         : _("The web text says updates install automatically, but the answers say the owner installs them. Change the web text, or use “Update from Answers”.")));
    }
}

static void
check_texts (CandorDocument *document, GPtrArray *issues)
{
  GRegex *expires = expires_regex ();

  check_edited_a2 (document, issues);
  candor_wording_check_edited_texts (document, issues);

  for (CandorElementId id = CANDOR_ELEMENT_A1; id < CANDOR_N_ELEMENTS; id++)
    for (CandorTextKind kind = CANDOR_TEXT_LABEL; kind < CANDOR_N_TEXT_KINDS; kind++)
      {
        CandorElement *element = candor_document_get_element (document, id);
        const char *text = candor_element_get_text (element, kind);

        if (text != NULL && g_regex_match (expires, text, 0, NULL))
          add (issues, "expires-wording", CANDOR_SEVERITY_WARNING, id, NONE,
               kind == CANDOR_TEXT_LABEL ? "label_text" : "web_text",
               g_strdup (_("Avoid “expires” for the end of security updates: buyers read it as the device stopping. Write “security updates end” or “gets security updates until”.")));
      }

  if (is (candor_element_get_answer_string (candor_document_get_element (document, CANDOR_ELEMENT_B2), "after_end"), "stops") &&
      !label_says_it_stops (document))
    add (issues, "b2-stops-not-on-label", CANDOR_SEVERITY_BLOCKING, CANDOR_ELEMENT_B2, CANDOR_ELEMENT_A3,
         "label_text",
         g_strdup (_("The device stops working when security updates end, but the label does not say so. Buyers must see this before they buy: say it in the A.3 label text.")));
}

static int
compare_issues (gconstpointer a, gconstpointer b)
{
  const CandorIssue *ia = *(CandorIssue *const *) a;
  const CandorIssue *ib = *(CandorIssue *const *) b;

  return (int) ia->elements[0] - (int) ib->elements[0];
}

/**
 * candor_wording_check_at:
 * @document: the draft
 * @today: the date to compare end dates with
 *
 * Like candor_wording_check(), with a fixed "today" so results can be reproduced.
 *
 * Returns: (transfer full) (element-type CandorIssue): the issues, in element order
 */
GPtrArray *
candor_wording_check_at (CandorDocument *document, const GDate *today)
{
  GPtrArray *issues = g_ptr_array_new_with_free_func ((GDestroyNotify) candor_issue_free);

  g_return_val_if_fail (CANDOR_IS_DOCUMENT (document), issues);
  g_return_val_if_fail (today != NULL && g_date_valid (today), issues);

  check_a1 (document, issues);
  check_a2 (document, issues);
  check_a3 (document, today, issues);
  check_b (document, issues);
  check_texts (document, issues);
  /* A stable sort (guaranteed by GLib): issues of one element keep their rule order. */
  g_ptr_array_sort (issues, compare_issues);
  return issues;
}

/**
 * candor_wording_check:
 * @document: the draft
 *
 * Every problem in the answers: missing answers (blocking), contradictions between elements,
 * and rules such as the EU five-year minimum. Each issue has a stable rule id.
 *
 * Returns: (transfer full) (element-type CandorIssue): the issues, in element order
 */
GPtrArray *
candor_wording_check (CandorDocument *document)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autoptr (GDate) today = g_date_new_dmy ((GDateDay) g_date_time_get_day_of_month (now),
                                            (GDateMonth) g_date_time_get_month (now),
                                            (GDateYear) g_date_time_get_year (now));

  return candor_wording_check_at (document, today);
}

static gboolean
is_missing_rule (const char *rule)
{
  for (guint i = 0; i < G_N_ELEMENTS (missing_rules); i++)
    if (g_str_equal (rule, missing_rules[i]))
      return TRUE;
  return FALSE;
}

/**
 * candor_wording_status_from_issues:
 * @issues: (element-type CandorIssue): from candor_wording_check()
 * @id: the element
 *
 * MISSING when a required answer of @id is not given, NEEDS_WORK when a blocking problem
 * involves @id, READY otherwise. Warnings and notes do not change the status.
 */
CandorElementStatus
candor_wording_status_from_issues (GPtrArray *issues, CandorElementId id)
{
  CandorElementStatus status = CANDOR_ELEMENT_STATUS_READY;

  g_return_val_if_fail (issues != NULL, CANDOR_ELEMENT_STATUS_MISSING);
  g_return_val_if_fail (id < CANDOR_N_ELEMENTS, CANDOR_ELEMENT_STATUS_MISSING);

  for (guint i = 0; i < issues->len; i++)
    {
      CandorIssue *issue = g_ptr_array_index (issues, i);

      if (issue->severity != CANDOR_SEVERITY_BLOCKING)
        continue;
      if (issue->elements[0] == id && is_missing_rule (issue->rule))
        return CANDOR_ELEMENT_STATUS_MISSING;
      for (guint j = 0; j < issue->n_elements; j++)
        if (issue->elements[j] == id)
          status = CANDOR_ELEMENT_STATUS_NEEDS_WORK;
    }
  return status;
}

/**
 * candor_wording_element_status:
 * @document: the draft
 * @id: the element
 *
 * The status of @id: see candor_wording_status_from_issues().
 */
CandorElementStatus
candor_wording_element_status (CandorDocument *document, CandorElementId id)
{
  g_autoptr (GPtrArray) issues = NULL;

  g_return_val_if_fail (CANDOR_IS_DOCUMENT (document), CANDOR_ELEMENT_STATUS_MISSING);
  g_return_val_if_fail (id < CANDOR_N_ELEMENTS, CANDOR_ELEMENT_STATUS_MISSING);

  issues = candor_wording_check (document);
  return candor_wording_status_from_issues (issues, id);
}
