/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-wording-util.c: dates, money, names and sentence helpers for the wording. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "candor-wording-private.h"

static gboolean
all_digits (const char *text, gsize len)
{
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isdigit (text[i]))
      return FALSE;
  return TRUE;
}


int
candor_partial_date_to_julian (const CandorPartialDate *date, gboolean as_end)
{
  int day = date->day;
  g_autoptr (GDate) gdate = NULL;

  if (day == 0)
    day = as_end ? g_date_get_days_in_month ((GDateMonth) date->month, (GDateYear) date->year) : 1;
  gdate = g_date_new_dmy ((GDateDay) day, (GDateMonth) date->month, (GDateYear) date->year);
  return (int) g_date_get_julian (gdate);
}

static const char *const month_names[12] = {
  NC_("month name", "January"),
  NC_("month name", "February"),
  NC_("month name", "March"),
  NC_("month name", "April"),
  NC_("month name", "May"),
  NC_("month name", "June"),
  NC_("month name", "July"),
  NC_("month name", "August"),
  NC_("month name", "September"),
  NC_("month name", "October"),
  NC_("month name", "November"),
  NC_("month name", "December"),
};

char *
candor_partial_date_format (const CandorPartialDate *date)
{
  const char *month = g_dpgettext2 (GETTEXT_PACKAGE, "month name", month_names[date->month - 1]);

  if (date->day > 0)
    /* Translators: a date written out in full, e.g. "31 December 2029". %1$d is the day,
     * %2$s the month name and %3$d the year. Never use a numeric month. */
    return g_strdup_printf (C_("date", "%1$d %2$s %3$d"), date->day, month, date->year);
  /* Translators: a month written out, e.g. "December 2029". %1$s is the month name, %2$d the
   * year. */
  return g_strdup_printf (C_("date", "%1$s %2$d"), month, date->year);
}

/**
 * candor_wording_format_date:
 * @partial_date: "YYYY-MM" or "YYYY-MM-DD"
 *
 * Writes a date out unambiguously: "31 December 2029" or "December 2029".
 *
 * Returns: (transfer full) (nullable): NULL if @partial_date is not a valid date
 */
char *
candor_wording_format_date (const char *partial_date)
{
  CandorPartialDate date;

  if (!candor_partial_date_parse (partial_date, &date))
    return NULL;
  return candor_partial_date_format (&date);
}

gboolean
candor_wording_a3_end_date (CandorElement *a3, CandorPartialDate *out, gboolean *exact)
{
  const char *kind = candor_element_get_answer_string (a3, "end_kind");
  gboolean at_least = candor_element_get_answer_boolean (a3, "at_least", FALSE);
  CandorPartialDate start;
  gint64 months;
  const char *from;

  if (g_strcmp0 (kind, "date") == 0)
    {
      *exact = !at_least;
      return candor_partial_date_parse (candor_element_get_answer_string (a3, "end_date"), out);
    }
  if (g_strcmp0 (kind, "period") != 0)
    return FALSE;

  months = candor_element_get_answer_int (a3, "period_months", 0);
  from = candor_element_get_answer_string (a3, "period_from");
  if (months < 1 || months > 1200 || from == NULL)
    return FALSE;

  /* The clock can start no earlier than the first sale: purchase, registration and the end
   * of sale all come after it, so the first sale gives the earliest possible end. */
  if (g_str_equal (from, "end-of-sale") &&
      candor_partial_date_parse (candor_element_get_answer_string (a3, "end_of_sale_date"), &start))
    *exact = !at_least;
  else if (candor_partial_date_parse (candor_element_get_answer_string (a3, "first_sale_date"),
                                      &start))
    *exact = g_str_equal (from, "first-sale") && !at_least;
  else
    return FALSE;

  *out = candor_partial_date_add_months (&start, (int) months);
  return TRUE;
}

static char *
dup_trimmed (const char *text)
{
  char *copy = g_strstrip (g_strdup (text != NULL ? text : ""));

  if (*copy == '\0')
    g_clear_pointer (&copy, g_free);
  return copy;
}

/* Legal forms that add nothing for a buyer and put a full stop inside the sentence. */
static const char *const legal_forms[] = {
  "Ltd.", "Ltd", "Limited", "Inc.", "Inc", "LLC", "L.L.C.", "GmbH", "AG", "Corp.", "Corp",
  "Corporation", "Co.", "plc", "PLC", "S.A.", "SA", "S.A.S.", "SAS", "B.V.", "BV", "N.V.", "NV",
  "Oy", "AB", "ApS", "A/S", "S.r.l.", "S.p.A.", "K.K.", "Pty", "Pty.", "Sp. z o.o.",
};

/* "Lumen Home Ltd." → "Lumen Home". */
static char *
maker_short_name (const char *manufacturer)
{
  char *name = dup_trimmed (manufacturer);
  gboolean changed = TRUE;

  while (name != NULL && changed)
    {
      gsize len = strlen (name);

      changed = FALSE;
      for (guint i = 0; i < G_N_ELEMENTS (legal_forms); i++)
        {
          gsize form_len = strlen (legal_forms[i]);

          if (len > form_len + 1 && g_str_has_suffix (name, legal_forms[i]) &&
              (name[len - form_len - 1] == ' ' || name[len - form_len - 1] == ','))
            {
              name[len - form_len] = '\0';
              /* Drop the space and a comma before the legal form ("Acme, Inc."). */
              g_strchomp (name);
              len = strlen (name);
              if (len > 0 && name[len - 1] == ',')
                name[len - 1] = '\0';
              g_strchomp (name);
              changed = TRUE;
              break;
            }
        }
    }
  if (name != NULL && *name == '\0')
    g_clear_pointer (&name, g_free);
  return name;
}

/* TRUE when @name already carries the brand: it starts with the maker's name or with its
 * first word ("Lumen Cam 2" by "Lumen Home"). */
static gboolean
name_has_brand (const char *name, const char *maker)
{
  g_autofree char *name_fold = g_utf8_casefold (name, -1);
  g_autofree char *maker_fold = g_utf8_casefold (maker, -1);
  g_auto (GStrv) maker_words = g_strsplit (maker_fold, " ", 2);
  g_auto (GStrv) name_words = g_strsplit (name_fold, " ", -1);

  if (g_str_has_prefix (name_fold, maker_fold))
    return TRUE;
  for (guint i = 0; name_words[i] != NULL; i++)
    if (maker_words[0] != NULL && *maker_words[0] != '\0' &&
        g_str_equal (name_words[i], maker_words[0]))
      return TRUE;
  return FALSE;
}

char *
candor_wording_maker (CandorDocument *document, gboolean sentence_start)
{
  char *maker = maker_short_name (candor_document_get_manufacturer (document));

  if (maker != NULL)
    return maker;
  /* Translators: stands for the manufacturer when its name is not given. */
  return g_strdup (sentence_start ? _("The maker") : _("the maker"));
}

char *
candor_wording_product (CandorDocument *document, gboolean sentence_start)
{
  g_autofree char *name = dup_trimmed (candor_document_get_product_name (document));
  g_autofree char *maker = maker_short_name (candor_document_get_manufacturer (document));
  g_autofree char *full = NULL;

  if (name == NULL)
    return g_strdup (sentence_start ? _("This device") : _("this device"));

  if (maker != NULL && !name_has_brand (name, maker))
    /* Translators: the manufacturer and the product name, e.g. "Acme Cam 2". */
    full = g_strdup_printf (C_("product", "%1$s %2$s"), maker, name);
  if (full == NULL)
    full = g_steal_pointer (&name);

  if (sentence_start)
    /* Translators: the product as the subject at the start of a sentence, e.g.
     * "The Acme Cam 2" in "The Acme Cam 2 gets security updates." */
    return g_strdup_printf (C_("product", "The %s"), full);
  /* Translators: the product inside a sentence, e.g. "the Acme Cam 2". */
  return g_strdup_printf (C_("product", "the %s"), full);
}

static const char *
string_member (JsonObject *object, const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static gboolean
valid_amount (const char *amount)
{
  gsize len = amount != NULL ? strlen (amount) : 0;
  const char *dot;
  gsize whole;

  if (len == 0)
    return FALSE;
  dot = strchr (amount, '.');
  whole = dot != NULL ? (gsize) (dot - amount) : len;
  if (whole < 1 || whole > 9 || !all_digits (amount, whole))
    return FALSE;
  if (dot != NULL)
    {
      gsize frac = len - whole - 1;
      if (frac < 1 || frac > 2 || !all_digits (dot + 1, frac))
        return FALSE;
    }
  return TRUE;
}

/* The plural form for an amount: whole amounts count as themselves, amounts with cents as
 * many ("1.50 euros"). */
static gulong
amount_count (const char *amount)
{
  const char *dot = strchr (amount, '.');
  guint64 whole = g_ascii_strtoull (amount, NULL, 10);

  if (dot != NULL && g_ascii_strtoull (dot + 1, NULL, 10) != 0)
    return 2;
  return (gulong) whole;
}

/* Buyers read "4.99 euros" more easily than "4.99 EUR": the currencies most labels use are
 * written out, any other keeps its ISO 4217 code. */
static char *
format_money (const char *amount, const char *currency)
{
  gulong n = amount_count (amount);

  if (g_str_equal (currency, "EUR"))
    /* Translators: prices; %s is the amount, always written with a full stop before the
     * cents (4.99), so that it reads the same in every country. */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s euro", "%s euros", n), amount);
  if (g_str_equal (currency, "USD"))
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s US dollar", "%s US dollars", n), amount);
  if (g_str_equal (currency, "GBP"))
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s pound", "%s pounds", n), amount);
  if (g_str_equal (currency, "CHF"))
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s Swiss franc", "%s Swiss francs", n), amount);
  if (g_str_equal (currency, "CAD"))
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s Canadian dollar", "%s Canadian dollars", n), amount);
  if (g_str_equal (currency, "AUD"))
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s Australian dollar", "%s Australian dollars", n), amount);
  if (g_str_equal (currency, "JPY"))
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s yen", "%s yen", n), amount);
  if (g_str_equal (currency, "SEK"))
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s Swedish krona", "%s Swedish kronor", n), amount);
  if (g_str_equal (currency, "NOK"))
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s Norwegian krone", "%s Norwegian kroner", n), amount);
  if (g_str_equal (currency, "DKK"))
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s Danish krone", "%s Danish kroner", n), amount);
  /* Translators: a price in a currency without a name here, e.g. "4.99 PLN": %1$s is the
   * amount, %2$s the three-letter currency code. */
  return g_strdup_printf (C_("money", "%1$s %2$s"), amount, currency);
}

char *
candor_wording_money (CandorElement *element, const char *key)
{
  JsonObject *json = candor_element_get_json (element);
  JsonNode *node;
  JsonObject *money;
  const char *amount;
  const char *currency;
  g_autofree char *shown = NULL;

  if (json == NULL)
    return NULL;
  node = json_object_get_member (json, key);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  money = json_node_get_object (node);
  amount = string_member (money, "amount");
  currency = string_member (money, "currency");
  if (!valid_amount (amount) || currency == NULL || strlen (currency) != 3 ||
      !g_ascii_isupper (currency[0]) || !g_ascii_isupper (currency[1]) ||
      !g_ascii_isupper (currency[2]))
    return NULL;

  /* "4.5" reads as a price only as "4.50". The decimal point is kept whatever the locale:
   * the amount is a fact from the draft, not a number to reformat. */
  if (strchr (amount, '.') != NULL && strlen (strchr (amount, '.')) == 2)
    shown = g_strconcat (amount, "0", NULL);
  else
    shown = g_strdup (amount);

  return format_money (shown, currency);
}

char *
candor_wording_user_text (CandorElement *element, const char *key)
{
  char *text = dup_trimmed (candor_element_get_answer_string (element, key));
  gsize len;

  if (text == NULL)
    return NULL;
  /* The sentence around the text brings its own full stop: "Call us!" would end "!."
   * otherwise. An abbreviation at the end ("etc.") gets its point back from the sentence. */
  len = strlen (text);
  while (len > 0 && strchr (".!?", text[len - 1]) != NULL)
    text[--len] = '\0';
  g_strchomp (text);
  if (*text == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

void
candor_wording_add (GString *text, char *sentence)
{
  if (sentence == NULL || *sentence == '\0')
    {
      g_free (sentence);
      return;
    }
  if (text->len > 0)
    g_string_append_c (text, ' ');
  g_string_append (text, sentence);
  g_free (sentence);
}

char *
candor_wording_join_list (GPtrArray *items)
{
  g_autoptr (GString) head = g_string_new (NULL);

  if (items->len == 0)
    return g_strdup ("");
  if (items->len == 1)
    return g_strdup (g_ptr_array_index (items, 0));

  for (guint i = 0; i + 1 < items->len; i++)
    {
      if (i > 0)
        /* Translators: separates the items of a list, as in "in the app, by email and …". */
        g_string_append (head, C_("list", ", "));
      g_string_append (head, g_ptr_array_index (items, i));
    }
  /* Translators: joins the start of a list and its last item: "in the app, by email and on
   * the web page". */
  return g_strdup_printf (C_("list", "%1$s and %2$s"), head->str,
                          (const char *) g_ptr_array_index (items, items->len - 1));
}

char *
candor_wording_capitalize (const char *text)
{
  gunichar first;
  char buf[8] = { 0 };

  if (text == NULL || *text == '\0')
    return g_strdup ("");
  first = g_unichar_totitle (g_utf8_get_char (text));
  g_unichar_to_utf8 (first, buf);
  return g_strconcat (buf, g_utf8_next_char (text), NULL);
}

gboolean
candor_wording_has_answers (CandorElement *element)
{
  JsonObject *json = candor_element_get_json (element);
  g_autoptr (GList) members = NULL;

  if (json == NULL)
    return FALSE;
  members = json_object_get_members (json);
  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *key = l->data;
      JsonNode *node = json_object_get_member (json, key);

      if (g_str_equal (key, "label_text") || g_str_equal (key, "web_text") ||
          g_str_equal (key, "label_edited") || g_str_equal (key, "web_edited"))
        continue;
      if (JSON_NODE_HOLDS_ARRAY (node) && json_array_get_length (json_node_get_array (node)) == 0)
        continue;
      if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING &&
          *json_node_get_string (node) == '\0')
        continue;
      if (JSON_NODE_HOLDS_NULL (node))
        continue;
      return TRUE;
    }
  return FALSE;
}

gboolean
candor_wording_not_applicable (CandorDocument *document, CandorElementId id)
{
  CandorElement *a1 = candor_document_get_element (document, CANDOR_ELEMENT_A1);

  return id != CANDOR_ELEMENT_A1 &&
         g_strcmp0 (candor_element_get_answer_string (a1, "receives_updates"), "no") == 0 &&
         !candor_wording_has_answers (candor_document_get_element (document, id));
}

char *
candor_wording_stops_sentence (CandorDocument *document, CandorTextKind kind, gboolean after_date)
{
  CandorElement *b2 = candor_document_get_element (document, CANDOR_ELEMENT_B2);
  g_autofree char *product = NULL;

  if (g_strcmp0 (candor_element_get_answer_string (b2, "after_end"), "stops") != 0)
    return NULL;
  /* On the box, "the device" is clear and short. */
  if (kind == CANDOR_TEXT_LABEL)
    return g_strdup (after_date ? _("Then the device stops working.")
                                : _("When security updates end, the device stops working."));
  product = candor_wording_product (document, FALSE);
  return g_strdup_printf (_("When security updates end, %s stops working."), product);
}
