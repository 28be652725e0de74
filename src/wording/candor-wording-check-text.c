/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-wording-check-text.c: hand-edited A.1, A.2 and A.3 texts compared with the answers
 * (can it be updated, the price, and until when). */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "candor-wording-private.h"

#define is(a, b) (g_strcmp0 ((a), (b)) == 0)

/* Texts edited by hand are not regenerated, so a box could say the opposite of the answers.
 * These checks look for the few plain statements a buyer relies on ("cannot be updated",
 * "until 2030", "indefinitely") and compare them with the answers. They read English, like
 * the A.2 checks: the words are matched in the text's own language, which is English for
 * every generated text; a date's year is matched in any language. */

static void
add_issue (GPtrArray       *issues,
           const char      *rule,
           CandorElementId  id,
           CandorTextKind   kind,
           char            *message)
{
  CandorIssue *issue = g_new0 (CandorIssue, 1);

  issue->rule = g_strdup (rule);
  issue->severity = CANDOR_SEVERITY_BLOCKING;
  issue->elements[issue->n_elements++] = id;
  issue->key = g_strdup (kind == CANDOR_TEXT_LABEL ? "label_text" : "web_text");
  issue->message = message;
  g_ptr_array_add (issues, issue);
}

static GRegex *
compile_once (GRegex **regex, const char *pattern)
{
  if (g_once_init_enter (regex))
    g_once_init_leave (regex, g_regex_new (pattern, G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL));
  return *regex;
}

/* ---- A.1: can it be updated? ---- */

/* "It cannot be updated", "does not get security updates", "gets no updates", "never
 * receives updates". */
static GRegex *
says_no_updates_regex (void)
{
  static GRegex *regex;

  return compile_once (&regex,
    "\\b(?:(?:cannot|can\\s*not|can['’]t|does\\s+not|doesn['’]t|will\\s+not|won['’]t|is\\s+not|isn['’]t|never|no\\s+longer)"
    "\\s+(?:be\\s+updated|updated|(?:get|gets|receive|receives)\\b[^.!?]{0,30}?\\bupdates?\\b)"
    "|(?:gets|receives|get|receive)\\s+no\\b[^.!?]{0,20}?\\bupdates?\\b"
    "|\\bno\\s+(?:security\\s+|software\\s+)?updates?\\s+(?:are|is|will\\s+be)\\s+"
    "(?:provided|available|offered|planned|released|made)\\b"
    "|\\bnot\\s+updatable\\b)");
}

/* A negation qualified by how or when ("cannot install updates by itself", "does not get
 * updates after 2030") does not say the device cannot be updated at all. */
static GRegex *
qualified_regex (void)
{
  static GRegex *regex;

  return compile_once (&regex,
    "\\b(?:automatic|automatically|on\\s+(?:its|their)\\s+own|by\\s+(?:it|them)sel(?:f|ves)|"
    "unless|until|after|when|once|from|beyond|without|except)\\b");
}

/* The product as the subject of a sentence that says it gets updates: "The Acme Cam 2 gets
 * security updates", "It receives updates", "This camera can be updated". Anchored at the
 * start of the sentence, so that advice such as "replace it with a device that gets
 * updates" is not read as a claim about this one. */
static GRegex *
says_updates_regex (void)
{
  static GRegex *regex;

  return compile_once (&regex,
    "^\\W*(?:it|this\\s+\\w+|the\\s+[^\\s.!?]+(?:\\s+[^\\s.!?]+){0,4}?)\\s+"
    "(?:gets|receives|will\\s+(?:get|receive|be\\s+updated)|is\\s+updated|can\\s+(?:get|receive|be\\s+updated))\\b"
    "(?![^.!?]*\\b(?:no|not|never|n['’]t)\\b)");
}

/* Calls @func for each sentence of @text (split after . ! ? and line ends). */
static GRegex *
sentence_split_regex (void)
{
  static GRegex *regex;

  if (g_once_init_enter (&regex))
    g_once_init_leave (&regex, g_regex_new ("(?<=[.!?])\\s+|\\n+", G_REGEX_OPTIMIZE, 0, NULL));
  return regex;
}

static gboolean
any_sentence (const char *text, gboolean (*func) (const char *sentence))
{
  g_auto (GStrv) sentences = g_regex_split (sentence_split_regex (), text, 0);

  for (guint i = 0; sentences[i] != NULL; i++)
    if (*sentences[i] != '\0' && func (sentences[i]))
      return TRUE;
  return FALSE;
}

static gboolean
sentence_says_no_updates (const char *sentence)
{
  g_autoptr (GMatchInfo) match = NULL;
  int end = 0;

  if (!g_regex_match (says_no_updates_regex (), sentence, 0, &match))
    return FALSE;
  g_match_info_fetch_pos (match, 0, NULL, &end);
  return !g_regex_match (qualified_regex (), sentence + end, 0, NULL);
}

static gboolean
sentence_says_updates (const char *sentence)
{
  return g_regex_match (says_updates_regex (), sentence, 0, NULL);
}

static void
check_edited_a1 (CandorDocument *document, GPtrArray *issues)
{
  CandorElement *a1 = candor_document_get_element (document, CANDOR_ELEMENT_A1);
  const char *receives = candor_element_get_answer_string (a1, "receives_updates");
  gboolean can = is (receives, "yes") || is (receives, "service");

  if (!can && !is (receives, "no"))
    return;
  for (CandorTextKind kind = CANDOR_TEXT_LABEL; kind < CANDOR_N_TEXT_KINDS; kind++)
    {
      const char *text = candor_element_get_text (a1, kind);
      gboolean label = kind == CANDOR_TEXT_LABEL;

      if (!candor_element_get_text_edited (a1, kind) || text == NULL || *text == '\0')
        continue;
      if (can && any_sentence (text, sentence_says_no_updates))
        add_issue (issues, "a1-text-says-cannot-update-but-can", CANDOR_ELEMENT_A1, kind,
                   g_strdup (label
                             ? _("The label text says the device cannot get updates, but the answers say it can. Change the label text, or use “Update from Answers”.")
                             : _("The web text says the device cannot get updates, but the answers say it can. Change the web text, or use “Update from Answers”.")));
      if (!can && any_sentence (text, sentence_says_updates))
        add_issue (issues, "a1-text-says-updates-but-cannot", CANDOR_ELEMENT_A1, kind,
                   g_strdup (label
                             ? _("The label text says the device gets updates, but the answers say it cannot get security updates. Change the label text, or use “Update from Answers”.")
                             : _("The web text says the device gets updates, but the answers say it cannot get security updates. Change the web text, or use “Update from Answers”.")));
    }
}

/* ---- A.3: until when? ---- */

/* "31 December 2030", "December 31, 2030", "Dec. 2030", "2030-12-31", "2030-12", "2030". */
static GRegex *
date_regex (void)
{
  static GRegex *regex;

  return compile_once (&regex,
    "\\b(?<iy>(?:19|20|21)\\d\\d)-(?<im>0[1-9]|1[0-2])(?:-(?<id>[0-3]\\d))?\\b"
    "|(?:\\b(?<d1>[0-3]?\\d)(?:st|nd|rd|th)?\\s+(?:of\\s+)?)?"
    "\\b(?<m>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    "sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?"
    "(?:\\s+(?<d2>[0-3]?\\d)(?:st|nd|rd|th)?,?)?\\s+(?<y>(?:19|20|21)\\d\\d)\\b"
    "|(?<!\\d[-./])\\b(?<by>(?:19|20|21)\\d\\d)\\b(?![-./]\\d)");
}

/* "indefinitely", "forever", "no end date", "for the life of the device". */
static GRegex *
says_no_end_regex (void)
{
  static GRegex *regex;

  return compile_once (&regex,
    "\\b(?:indefinitely|forever|for\\s+ever|for\\s+life|lifetime|for\\s+the\\s+(?:whole\\s+)?life\\s+of|"
    "no\\s+(?:planned\\s+|fixed\\s+|set\\s+)?end(?:\\s+date)?|never\\s+(?:end|ends|stop|stops)|"
    "without\\s+(?:an\\s+)?end(?:\\s+date)?|unlimited|permanently)\\b");
}

static int
month_from_name (const char *name)
{
  static const char *const prefixes[] = { "jan", "feb", "mar", "apr", "may", "jun",
                                          "jul", "aug", "sep", "oct", "nov", "dec" };
  g_autofree char *folded = g_utf8_casefold (name, -1);

  for (int i = 0; i < 12; i++)
    if (g_str_has_prefix (folded, prefixes[i]))
      return i + 1;
  return 0;
}

static int
fetch_int (GMatchInfo *match, const char *name)
{
  g_autofree char *text = g_match_info_fetch_named (match, name);

  return text != NULL && *text != '\0' ? (int) g_ascii_strtoll (text, NULL, 10) : 0;
}

/* A date named in a text, as far as it goes (month and day 0 when not given). */
static void
match_to_date (GMatchInfo *match, CandorPartialDate *date)
{
  g_autofree char *month = g_match_info_fetch_named (match, "m");

  date->year = fetch_int (match, "iy");
  date->month = fetch_int (match, "im");
  date->day = fetch_int (match, "id");
  if (date->year == 0)
    {
      date->year = fetch_int (match, "y");
      date->month = month != NULL && *month != '\0' ? month_from_name (month) : 0;
      date->day = MAX (fetch_int (match, "d1"), fetch_int (match, "d2"));
    }
  if (date->year == 0)
    date->year = fetch_int (match, "by");
}

/* TRUE when @named (from a text) can be @date: same year, and the same month and day as far
 * as both give them. */
static gboolean
same_date (const CandorPartialDate *named, const CandorPartialDate *date)
{
  return named->year == date->year &&
         (named->month == 0 || date->month == 0 || named->month == date->month) &&
         (named->day == 0 || date->day == 0 || named->day == date->day);
}

/* Dates the answers give besides the end (first sale, end of sale, when the end will be
 * known): a text may name them without contradicting anything. */
static gboolean
other_answered_date (CandorElement *a3, const CandorPartialDate *named)
{
  const char *keys[] = { "first_sale_date", "end_of_sale_date", "known_by" };

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      CandorPartialDate date;

      if (candor_partial_date_parse (candor_element_get_answer_string (a3, keys[i]), &date) &&
          same_date (named, &date))
        return TRUE;
    }
  return FALSE;
}

/* @text with the product's name, its maker and its model numbers blanked out: "Cam 2024"
 * or model "RT-2100" is not a year. */
static char *
without_names (CandorDocument *document, const char *text)
{
  const char * const *models = candor_document_get_models (document);
  const char *names[] = { candor_document_get_product_name (document),
                          candor_document_get_manufacturer (document) };
  GString *out = g_string_new (text);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (names[i] != NULL && *names[i] != '\0')
      g_string_replace (out, names[i], "_", 0);
  for (guint i = 0; models != NULL && models[i] != NULL; i++)
    if (*models[i] != '\0')
      g_string_replace (out, models[i], "_", 0);
  return g_string_free (out, FALSE);
}

/* Looks at the dates @text names: sets @names_end when one of them is @end (may be NULL) and
 * returns the first that is neither @end nor another answered date, formatted, or NULL. */
/* TRUE when @named (month and day 0 when not given) is not before @end. */
static gboolean
not_before (const CandorPartialDate *named, const CandorPartialDate *end)
{
  if (named->year != end->year || named->month == 0 || end->month == 0)
    return named->year >= end->year;
  if (named->month != end->month || named->day == 0 || end->day == 0)
    return named->month >= end->month;
  return named->day >= end->day;
}

/* @later_ok: the answers give only the earliest end (a period from purchase or registration),
 * so a later date is an end some buyers get, not a contradiction. */
static char *
text_dates (CandorDocument          *document,
            const char              *original,
            const CandorPartialDate *end,
            gboolean                 later_ok,
            gboolean                *names_end)
{
  CandorElement *a3 = candor_document_get_element (document, CANDOR_ELEMENT_A3);
  g_autofree char *text = without_names (document, original);
  g_autoptr (GMatchInfo) match = NULL;
  g_autofree char *other = NULL;

  *names_end = FALSE;
  g_regex_match (date_regex (), text, 0, &match);
  for (; g_match_info_matches (match); g_match_info_next (match, NULL))
    {
      CandorPartialDate named = { 0, 0, 0 };

      match_to_date (match, &named);
      if (named.year == 0)
        continue;
      if (end != NULL && (same_date (&named, end) || (later_ok && not_before (&named, end))))
        *names_end = TRUE;
      else if (other == NULL && !other_answered_date (a3, &named))
        other = g_match_info_fetch (match, 0);
    }
  return g_steal_pointer (&other);
}

static void
check_edited_a3 (CandorDocument *document, GPtrArray *issues)
{
  CandorElement *a3 = candor_document_get_element (document, CANDOR_ELEMENT_A3);
  const char *end_kind = candor_element_get_answer_string (a3, "end_kind");
  CandorPartialDate end;
  gboolean exact = FALSE;
  gboolean have_end = candor_wording_a3_end_date (a3, &end, &exact);
  g_autofree char *end_text = have_end ? candor_partial_date_format (&end) : NULL;
  gboolean no_end = is (end_kind, "none") || is (end_kind, "unknown");
  /* Counted from each buyer's purchase or registration: the answers give the earliest end. */
  const char *from = candor_element_get_answer_string (a3, "period_from");
  gboolean per_buyer = is (end_kind, "period") && (is (from, "purchase") || is (from, "registration"));

  if (!have_end && !no_end)
    return;
  for (CandorTextKind kind = CANDOR_TEXT_LABEL; kind < CANDOR_N_TEXT_KINDS; kind++)
    {
      const char *text = candor_element_get_text (a3, kind);
      gboolean label = kind == CANDOR_TEXT_LABEL;
      gboolean names_end = FALSE;
      g_autofree char *other = NULL;

      if (!candor_element_get_text_edited (a3, kind) || text == NULL || *text == '\0')
        continue;
      other = text_dates (document, text, have_end ? &end : NULL, per_buyer, &names_end);

      if (have_end && other != NULL && !names_end)
        /* Translators: %1$s is a date as typed in the text, %2$s the end date of the answers. */
        add_issue (issues, "a3-text-date-differs", CANDOR_ELEMENT_A3, kind,
                   g_strdup_printf (label
                                    ? _("The label text names “%1$s”, but the answers give %2$s as the end of security updates. Change the label text, or use “Update from Answers”.")
                                    : _("The web text names “%1$s”, but the answers give %2$s as the end of security updates. Change the web text, or use “Update from Answers”."),
                                    other, end_text));
      if (have_end && g_regex_match (says_no_end_regex (), text, 0, NULL))
        add_issue (issues, "a3-text-says-no-end-but-date", CANDOR_ELEMENT_A3, kind,
                   g_strdup_printf (label
                                    ? _("The label text says security updates have no end, but the answers give %s as their end. Change the label text, or use “Update from Answers”.")
                                    : _("The web text says security updates have no end, but the answers give %s as their end. Change the web text, or use “Update from Answers”."),
                                    end_text));
      if (no_end && other != NULL)
        add_issue (issues, "a3-text-gives-date-but-no-end", CANDOR_ELEMENT_A3, kind,
                   g_strdup_printf (is (end_kind, "none")
                                    ? (label
                                       ? _("The label text names “%s”, but the answers say security updates have no planned end. Change the label text, or use “Update from Answers”.")
                                       : _("The web text names “%s”, but the answers say security updates have no planned end. Change the web text, or use “Update from Answers”."))
                                    : (label
                                       ? _("The label text names “%s”, but the answers say the end date is not known yet. Change the label text, or use “Update from Answers”.")
                                       : _("The web text names “%s”, but the answers say the end date is not known yet. Change the web text, or use “Update from Answers”.")),
                                    other));
    }
}

/* ---- A.2: what it costs ---- */

/* A price: an amount with a currency before or after it ("2.99 euros", "€2.99", "EUR 2,99"). */
static GRegex *
price_regex (void)
{
  static GRegex *regex;

  return compile_once (&regex,
    "(?:[€$£¥]|\\b(?:EUR|USD|GBP|CHF|PLN|SEK|NOK|DKK|CAD|AUD|NZD|JPY|CNY|INR|BRL|MXN|KRW|CZK|HUF|RON|ZAR|SGD|HKD|TRY)\\s?)(?<a1>\\d+(?:[.,]\\d{1,2})?)\\b"
    "|\\b(?<a2>\\d+(?:[.,]\\d{1,2})?)\\s?(?:€|\\b(?:(?:US|Swiss|Canadian|Australian|New\\s+Zealand|Hong\\s+Kong)\\s+)?"
    "(?:euros?|dollars?|pounds?|francs?|cents?|pence|kronor|krone|zł|złoty|yen|"
    "EUR|USD|GBP|CHF|PLN|SEK|NOK|DKK|CAD|AUD|NZD|JPY|CNY|INR|BRL|MXN|KRW|CZK|HUF|RON|ZAR|SGD|HKD|TRY)\\b)");
}

/* "free for 2 years", "free at first, then …": words that limit "free" in time. */
static GRegex *
free_limited_regex (void)
{
  static GRegex *regex;

  return compile_once (&regex,
    "\\b(?:then|after|afterwards|later|until|first|included|trial|for\\s+(?:the\\s+first\\s+)?\\d+|"
    "for\\s+(?:one|two|three|four|five|six|seven|eight|nine|ten|twelve|eighteen|twenty-four)\\b)");
}

static GRegex *
says_free_regex (void)
{
  static GRegex *regex;

  return compile_once (&regex,
    "\\b(?:free|no\\s+cost|no\\s+charge|without\\s+charge|nothing\\s+to\\s+pay)\\b");
}

/* Cents from "2.99", "2,99", "2.5" or "30"; -1 when it is not an amount. */
static gint64
to_cents (const char *amount)
{
  g_autofree char *copy = g_strdup (amount);
  char *end = NULL;
  char *sep;
  gint64 whole, cents = 0;

  if (copy == NULL || !g_ascii_isdigit (*copy))
    return -1;
  if ((sep = strpbrk (copy, ".,")) != NULL)
    {
      gsize digits = strlen (sep + 1);

      *sep = '\0';
      if (digits < 1 || digits > 2)
        return -1;
      cents = g_ascii_strtoll (sep + 1, &end, 10);
      if (*end != '\0')
        return -1;
      if (digits == 1)
        cents *= 10;
    }
  whole = g_ascii_strtoll (copy, &end, 10);
  if (*end != '\0' || whole > G_MAXINT64 / 200)
    return -1;
  return whole * 100 + cents;
}

static void
check_edited_a2_price (CandorDocument *document, GPtrArray *issues)
{
  CandorElement *a2 = candor_document_get_element (document, CANDOR_ELEMENT_A2);
  const char *cost = candor_element_get_answer_string (a2, "cost");
  g_autofree char *price = candor_wording_money (a2, "price");
  gint64 answered = -1;

  if (!is (cost, "subscription") && !is (cost, "per-update") && !is (cost, "included-period"))
    return;
  if (price != NULL)
    {
      JsonObject *money = json_object_get_object_member (candor_element_get_json (a2), "price");
      answered = to_cents (json_object_get_string_member_with_default (money, "amount", NULL));
    }

  for (CandorTextKind kind = CANDOR_TEXT_LABEL; kind < CANDOR_N_TEXT_KINDS; kind++)
    {
      const char *text = candor_element_get_text (a2, kind);
      gboolean label = kind == CANDOR_TEXT_LABEL;
      g_autoptr (GMatchInfo) match = NULL;
      g_autofree char *other = NULL;
      gboolean names_price = FALSE, names_answered = FALSE;

      if (!candor_element_get_text_edited (a2, kind) || text == NULL || *text == '\0')
        continue;

      g_regex_match (price_regex (), text, 0, &match);
      for (; g_match_info_matches (match); g_match_info_next (match, NULL))
        {
          g_autofree char *a1 = g_match_info_fetch_named (match, "a1");
          g_autofree char *a2_amount = g_match_info_fetch_named (match, "a2");
          gint64 cents = to_cents (a1 != NULL && *a1 != '\0' ? a1 : a2_amount);

          names_price = TRUE;
          if (cents == answered)
            names_answered = TRUE;
          else if (other == NULL)
            other = g_match_info_fetch (match, 0);
        }
      if (answered >= 0 && other != NULL && !names_answered)
        /* Translators: %1$s is a price as typed in the text, %2$s the price of the answers. */
        add_issue (issues, "a2-text-price-differs", CANDOR_ELEMENT_A2, kind,
                   g_strdup_printf (label
                                    ? _("The label text names the price “%1$s”, but the answers say %2$s. Change the label text, or use “Update from Answers”.")
                                    : _("The web text names the price “%1$s”, but the answers say %2$s. Change the web text, or use “Update from Answers”."),
                                    other, price));

      /* Free for a while, then paid: a text that only says "free" hides the price. (The
       * other paid costs are checked in candor-wording-check.c.) */
      if (is (cost, "included-period") && !names_price &&
          g_regex_match (says_free_regex (), text, 0, NULL) &&
          !g_regex_match (free_limited_regex (), text, 0, NULL))
        add_issue (issues, "a2-text-says-free-but-paid", CANDOR_ELEMENT_A2, kind,
                   g_strdup (label
                             ? _("The label text says updates are free, but the answers say they are free only for a time, then paid. Change the label text, or use “Update from Answers”.")
                             : _("The web text says updates are free, but the answers say they are free only for a time, then paid. Change the web text, or use “Update from Answers”.")));
    }
}

/**
 * candor_wording_check_edited_texts:
 * @document: the draft
 * @issues: (element-type CandorIssue): where blocking issues are added
 *
 * Compares the A.1, A.2 and A.3 texts typed by hand with the answers: "cannot be updated"
 * against whether the device gets updates, a price against the answered price (and "free"
 * against a free period that ends), and the dates or "no end" a text names against the end
 * of security updates. Generated texts are not looked at: they are regenerated from the answers.
 */
void
candor_wording_check_edited_texts (CandorDocument *document, GPtrArray *issues)
{
  check_edited_a1 (document, issues);
  check_edited_a2_price (document, issues);
  check_edited_a3 (document, issues);
}
