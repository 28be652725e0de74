/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-wording-a.c: sentences for the label elements A.1, A.2 and A.3. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "candor-wording-private.h"

#define is(a, b) (g_strcmp0 ((a), (b)) == 0)

/* ---- A.1 ---- */

/* The label says in one sentence what the owner must do. */
static char *
a1_service_label (CandorDocument *document, CandorElement *a1)
{
  const char *how = candor_element_get_answer_string (a1, "service_how");
  g_autofree char *maker = NULL;

  if (is (how, "return"))
    {
      maker = candor_wording_maker (document, FALSE);
      /* Translators: %s is the manufacturer. */
      return g_strdup_printf (_("Send it to %s to get updates."), maker);
    }
  if (is (how, "technician"))
    return g_strdup (_("A technician must install updates."));
  if (is (how, "store"))
    return g_strdup (_("Take it to a store to get updates."));
  return g_strdup (_("Only a repair service can install updates."));
}

static char *
a1_main_sentence (CandorDocument *document, CandorElement *a1)
{
  const char *receives = candor_element_get_answer_string (a1, "receives_updates");
  const char *how = candor_element_get_answer_string (a1, "service_how");
  g_autofree char *product = candor_wording_product (document, TRUE);
  g_autofree char *maker = NULL;
  g_autoptr (GString) text = NULL;

  if (is (receives, "yes"))
    return g_strdup_printf (_("%s gets security updates."), product);
  if (is (receives, "no"))
    return g_strdup_printf (_("%s cannot get security updates."), product);
  if (!is (receives, "service"))
    return NULL;

  text = g_string_new (NULL);
  candor_wording_add (text, g_strdup_printf (_("%s gets security updates only through a repair service."),
                                             product));
  if (is (how, "return"))
    {
      maker = candor_wording_maker (document, FALSE);
      /* Translators: %s is the manufacturer. */
      candor_wording_add (text, g_strdup_printf (_("You send it back to %s to get them."), maker));
    }
  else if (is (how, "technician"))
    candor_wording_add (text, g_strdup (_("A technician visits to install them.")));
  else if (is (how, "store"))
    candor_wording_add (text, g_strdup (_("You take it to a store to get them.")));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

char *
candor_wording_generate_a1 (CandorDocument *document, CandorTextKind kind)
{
  CandorElement *a1 = candor_document_get_element (document, CANDOR_ELEMENT_A1);
  const char *receives = candor_element_get_answer_string (a1, "receives_updates");
  g_autoptr (GString) text = g_string_new (NULL);

  if (kind == CANDOR_TEXT_LABEL && is (receives, "service"))
    candor_wording_add (text, a1_service_label (document, a1));
  else
    candor_wording_add (text, a1_main_sentence (document, a1));
  if (kind == CANDOR_TEXT_LABEL || text->len == 0)
    return g_string_free (g_steal_pointer (&text), FALSE);

  if (is (receives, "yes"))
    candor_wording_add (text, g_strdup (_("Security updates fix weak spots that attackers look for.")));
  else if (is (receives, "service"))
    candor_wording_add (text, g_strdup (_("It cannot install security updates by itself.")));
  else if (is (receives, "no"))
    {
      g_autofree char *reason = candor_wording_user_text (a1, "no_reason");
      g_autofree char *other = candor_wording_user_text (a1, "no_advice_other");

      candor_wording_add (text, g_strdup (_("Nobody will fix weak spots that people find later.")));
      if (reason != NULL)
        /* Translators: %s is the reason, as typed by the manufacturer. */
        candor_wording_add (text, g_strdup_printf (_("The reason: %s."), reason));
      if (candor_element_answer_strv_contains (a1, "no_advice", "replace"))
        candor_wording_add (text, g_strdup (_("Plan to replace it with a device that gets security updates.")));
      if (candor_element_answer_strv_contains (a1, "no_advice", "isolate"))
        candor_wording_add (text, g_strdup (_("Keep it on a separate network, such as a guest network.")));
      if (candor_element_answer_strv_contains (a1, "no_advice", "offline"))
        candor_wording_add (text, g_strdup (_("Do not connect it to the internet.")));
      if (candor_element_answer_strv_contains (a1, "no_advice", "other") && other != NULL)
        /* Translators: %s is advice typed by the manufacturer. */
        candor_wording_add (text, g_strdup_printf (_("What you can do: %s."), other));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* ---- A.2 ---- */

static char *
a2_manual_label (CandorElement *a2)
{
  g_auto (GStrv) how = candor_element_dup_answer_strv (a2, "manual_how");

  if (how != NULL && g_strv_length (how) == 1)
    {
      if (is (how[0], "app"))
        return g_strdup (_("You install updates yourself, using the app."));
      if (is (how[0], "web"))
        return g_strdup (_("You install updates yourself, from a web page."));
      if (is (how[0], "usb"))
        return g_strdup (_("You install updates yourself, from a USB stick."));
      if (is (how[0], "service-visit"))
        return g_strdup (_("A technician installs updates during a service visit."));
    }
  return g_strdup (_("You install updates yourself."));
}

static void
a2_manual_web (CandorElement *a2, GString *text)
{
  g_auto (GStrv) how = candor_element_dup_answer_strv (a2, "manual_how");
  gint64 minutes = candor_element_get_answer_int (a2, "manual_minutes", 0);
  gboolean only_visit = how != NULL && g_strv_length (how) == 1 && is (how[0], "service-visit");

  candor_wording_add (text, a2_manual_label (a2));
  if (how != NULL && g_strv_length (how) > 1)
    {
      if (candor_element_answer_strv_contains (a2, "manual_how", "app"))
        candor_wording_add (text, g_strdup (_("You can install them in the app.")));
      if (candor_element_answer_strv_contains (a2, "manual_how", "web"))
        candor_wording_add (text, g_strdup (_("You can get them from a web page.")));
      if (candor_element_answer_strv_contains (a2, "manual_how", "usb"))
        candor_wording_add (text, g_strdup (_("You can install them from a USB stick.")));
      if (candor_element_answer_strv_contains (a2, "manual_how", "service-visit"))
        candor_wording_add (text, g_strdup (_("A technician can also install them during a service visit.")));
    }

  if (minutes >= 60 && minutes % 60 == 0)
    candor_wording_add (text, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "Installing an update takes about %d hour.",
                                                            "Installing an update takes about %d hours.",
                                                            (gulong) (minutes / 60)),
                                               (int) (minutes / 60)));
  else if (minutes > 0)
    candor_wording_add (text, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "Installing an update takes about %d minute.",
                                                            "Installing an update takes about %d minutes.",
                                                            (gulong) minutes),
                                               (int) minutes));
  if (!only_visit)
    candor_wording_add (text, g_strdup (_("Install each update on the day it comes out.")));
}

static char *
a2_method_sentence (CandorElement *a2, CandorTextKind kind)
{
  const char *method = candor_element_get_answer_string (a2, "method");

  if (is (method, "automatic"))
    return g_strdup (kind == CANDOR_TEXT_LABEL
                     ? _("Updates install automatically.")
                     : _("Updates install automatically. You do not need to do anything."));
  if (is (method, "automatic-default"))
    return g_strdup (kind == CANDOR_TEXT_LABEL
                     ? _("Updates install automatically, but you can turn this off.")
                     : _("Updates install automatically, but you can turn this off. Leave automatic updates on to stay safe."));
  if (is (method, "approve"))
    return g_strdup (kind == CANDOR_TEXT_LABEL
                     ? _("You approve each update before it installs.")
                     : _("You approve each update before it installs. Approve updates quickly to stay safe."));
  if (is (method, "manual") && kind == CANDOR_TEXT_LABEL)
    return a2_manual_label (a2);
  if (is (method, "manual"))
    {
      g_autoptr (GString) text = g_string_new (NULL);
      a2_manual_web (a2, text);
      return g_string_free (g_steal_pointer (&text), FALSE);
    }
  return NULL;
}

/* On the label, one sentence of at most 12 words gives the free time, the price with its
 * currency and how often it is paid: "Updates are free for 2 years, then 2.99 euros per year." */
static char *
a2_included_label (CandorElement *a2)
{
  const char *period = candor_element_get_answer_string (a2, "price_period");
  g_autofree char *price = candor_wording_money (a2, "price");
  gint64 months = candor_element_get_answer_int (a2, "included_months", 0);
  g_autofree char *time = NULL;

  if (months >= 12 && months % 12 == 0)
    /* Translators: a free time, put into "Updates are free for %s, …". */
    time = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d year", "%d years", (gulong) (months / 12)),
                            (int) (months / 12));
  else if (months > 0)
    time = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d month", "%d months", (gulong) months),
                            (int) months);
  else
    time = g_strdup (C_("free time", "a while"));

  if (price != NULL && is (period, "month"))
    /* Translators: %1$s is a time like "2 years", %2$s a price like "2.99 euros". */
    return g_strdup_printf (_("Updates are free for %1$s, then %2$s per month."), time, price);
  if (price != NULL && is (period, "year"))
    return g_strdup_printf (_("Updates are free for %1$s, then %2$s per year."), time, price);
  if (price != NULL)
    return g_strdup_printf (_("Updates are free for %1$s, then they cost %2$s."), time, price);
  /* Translators: %s is a time like "2 years". */
  return g_strdup_printf (_("Updates are free for %s, then you pay for them."), time);
}

static char *
a2_cost_sentence (CandorElement *a2, CandorTextKind kind)
{
  const char *cost = candor_element_get_answer_string (a2, "cost");
  const char *period = candor_element_get_answer_string (a2, "price_period");
  g_autofree char *price = candor_wording_money (a2, "price");
  gint64 months = candor_element_get_answer_int (a2, "included_months", 0);

  if (is (cost, "free"))
    return g_strdup (_("Updates are free."));
  if (is (cost, "included-period") && kind == CANDOR_TEXT_LABEL)
    return a2_included_label (a2);
  if (is (cost, "included-period"))
    {
      if (months >= 12 && months % 12 == 0)
        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "Updates are free for %d year after you buy it.",
                                             "Updates are free for %d years after you buy it.",
                                             (gulong) (months / 12)),
                                (int) (months / 12));
      if (months > 0)
        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "Updates are free for %d month after you buy it.",
                                             "Updates are free for %d months after you buy it.",
                                             (gulong) months),
                                (int) months);
      return g_strdup (_("Updates are free for a limited time."));
    }
  if (is (cost, "subscription"))
    {
      if (price == NULL)
        return g_strdup (_("Updates need a paid subscription."));
      if (is (period, "month"))
        /* Translators: %s is a price like "4.99 euros". */
        return g_strdup_printf (_("Updates need a subscription of %s per month."), price);
      if (is (period, "year"))
        return g_strdup_printf (_("Updates need a subscription of %s per year."), price);
      return g_strdup_printf (_("Updates need a subscription of %s."), price);
    }
  if (is (cost, "per-update"))
    {
      if (price == NULL)
        return g_strdup (_("You pay for each update."));
      return g_strdup_printf (_("Each update costs %s."), price);
    }
  return NULL;
}

/* After a free period: what updates cost then. */
static char *
a2_after_included (CandorElement *a2)
{
  const char *period = candor_element_get_answer_string (a2, "price_period");
  g_autofree char *price = candor_wording_money (a2, "price");

  if (price == NULL)
    return g_strdup (_("After that, updates cost money."));
  if (is (period, "month"))
    return g_strdup_printf (_("After that, updates cost %s per month."), price);
  if (is (period, "year"))
    return g_strdup_printf (_("After that, updates cost %s per year."), price);
  return g_strdup_printf (_("After that, updates cost %s."), price);
}

char *
candor_wording_generate_a2 (CandorDocument *document, CandorTextKind kind)
{
  CandorElement *a2 = candor_document_get_element (document, CANDOR_ELEMENT_A2);
  g_autoptr (GString) text = g_string_new (NULL);

  const char *cost = candor_element_get_answer_string (a2, "cost");

  candor_wording_add (text, a2_method_sentence (a2, kind));
  candor_wording_add (text, a2_cost_sentence (a2, kind));
  if (kind == CANDOR_TEXT_WEB)
    {
      if (is (cost, "included-period"))
        candor_wording_add (text, a2_after_included (a2));
      /* What the buyer loses by not paying: said on the page, where there is room. */
      if (is (cost, "included-period") || is (cost, "subscription"))
        candor_wording_add (text, g_strdup (_("Security updates stop if you do not pay.")));
      if (candor_element_has_answer (a2, "needs_internet"))
        candor_wording_add (text, g_strdup (candor_element_get_answer_boolean (a2, "needs_internet", FALSE)
                                            ? _("Updates need an internet connection.")
                                            : _("Updates do not need an internet connection.")));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* ---- A.3 ---- */

static char *
a3_period_sentence (CandorElement *a3)
{
  gint64 months = candor_element_get_answer_int (a3, "period_months", 0);
  const char *from = candor_element_get_answer_string (a3, "period_from");
  gboolean at_least = candor_element_get_answer_boolean (a3, "at_least", FALSE);
  gboolean years = months >= 12 && months % 12 == 0;
  gulong n = (gulong) (years ? months / 12 : months);

  if (months < 1 || from == NULL)
    return NULL;

  /* Whole sentences for every case, so that translators never see a sentence in pieces. */
  if (is (from, "purchase"))
    return g_strdup_printf (years
                            ? (at_least
                               ? g_dngettext (GETTEXT_PACKAGE,
                                         "Security updates last at least %d year after you buy it.",
                                         "Security updates last at least %d years after you buy it.", n)
                               : g_dngettext (GETTEXT_PACKAGE,
                                         "Security updates last %d year after you buy it.",
                                         "Security updates last %d years after you buy it.", n))
                            : (at_least
                               ? g_dngettext (GETTEXT_PACKAGE,
                                         "Security updates last at least %d month after you buy it.",
                                         "Security updates last at least %d months after you buy it.", n)
                               : g_dngettext (GETTEXT_PACKAGE,
                                         "Security updates last %d month after you buy it.",
                                         "Security updates last %d months after you buy it.", n)),
                            (int) n);
  else if (is (from, "registration"))
    return g_strdup_printf (years
                            ? (at_least
                               ? g_dngettext (GETTEXT_PACKAGE,
                                         "Security updates last at least %d year after you register it.",
                                         "Security updates last at least %d years after you register it.", n)
                               : g_dngettext (GETTEXT_PACKAGE,
                                         "Security updates last %d year after you register it.",
                                         "Security updates last %d years after you register it.", n))
                            : (at_least
                               ? g_dngettext (GETTEXT_PACKAGE,
                                         "Security updates last at least %d month after you register it.",
                                         "Security updates last at least %d months after you register it.", n)
                               : g_dngettext (GETTEXT_PACKAGE,
                                         "Security updates last %d month after you register it.",
                                         "Security updates last %d months after you register it.", n)),
                            (int) n);
  else if (is (from, "first-sale"))
    return g_strdup_printf (years
                            ? (at_least
                               ? g_dngettext (GETTEXT_PACKAGE,
                                         "Security updates last at least %d year after sales start.",
                                         "Security updates last at least %d years after sales start.", n)
                               : g_dngettext (GETTEXT_PACKAGE,
                                         "Security updates last %d year after sales start.",
                                         "Security updates last %d years after sales start.", n))
                            : (at_least
                               ? g_dngettext (GETTEXT_PACKAGE,
                                         "Security updates last at least %d month after sales start.",
                                         "Security updates last at least %d months after sales start.", n)
                               : g_dngettext (GETTEXT_PACKAGE,
                                         "Security updates last %d month after sales start.",
                                         "Security updates last %d months after sales start.", n)),
                            (int) n);
  else if (is (from, "end-of-sale"))
    return g_strdup_printf (years
                            ? (at_least
                               ? g_dngettext (GETTEXT_PACKAGE,
                                         "Security updates last at least %d year after sales end.",
                                         "Security updates last at least %d years after sales end.", n)
                               : g_dngettext (GETTEXT_PACKAGE,
                                         "Security updates last %d year after sales end.",
                                         "Security updates last %d years after sales end.", n))
                            : (at_least
                               ? g_dngettext (GETTEXT_PACKAGE,
                                         "Security updates last at least %d month after sales end.",
                                         "Security updates last at least %d months after sales end.", n)
                               : g_dngettext (GETTEXT_PACKAGE,
                                         "Security updates last %d month after sales end.",
                                         "Security updates last %d months after sales end.", n)),
                            (int) n);
  return NULL;
}

static void
a3_unknown (CandorDocument *document, CandorElement *a3, CandorTextKind kind, GString *text)
{
  g_autofree char *reason = candor_wording_user_text (a3, "unknown_reason");
  g_autofree char *known_by = candor_wording_format_date (candor_element_get_answer_string (a3, "known_by"));
  g_autofree char *maker = candor_wording_maker (document, TRUE);

  /* On the label one sentence: the announcement date says that the end is not known yet. */
  if (kind == CANDOR_TEXT_LABEL && known_by != NULL)
    {
      /* Translators: %1$s is the manufacturer, %2$s a date like "June 2026". */
      candor_wording_add (text, g_strdup_printf (_("%1$s will announce the end date by %2$s."), maker, known_by));
      return;
    }
  /* Translators: %s is the manufacturer. */
  candor_wording_add (text, g_strdup_printf (kind == CANDOR_TEXT_LABEL
                                             ? _("%s has not set an end date yet.")
                                             : _("%s has not set an end date for security updates yet."),
                                             maker));
  if (kind == CANDOR_TEXT_WEB && reason != NULL)
    candor_wording_add (text, g_strdup_printf (_("The reason: %s."), reason));
  /* Right after the sentence that names the manufacturer, "It" rather than the name again. */
  if (known_by != NULL && (kind == CANDOR_TEXT_LABEL || reason == NULL))
    /* Translators: "It" is the manufacturer, named in the sentence before; %s is a date. */
    candor_wording_add (text, g_strdup_printf (_("It will announce the end date by %s."), known_by));
  else if (known_by != NULL)
    candor_wording_add (text, g_strdup_printf (_("%1$s will announce the end date by %2$s."), maker, known_by));
}

/* The label sentence for a known end: buyers read a date faster than a period. */
static char *
a3_label_date_sentence (const char *end_text, gboolean exact)
{
  /* Translators: %s is a date like "31 December 2029" or "December 2029". */
  return g_strdup_printf (exact ? _("Security updates continue until %s.")
                                : _("Security updates continue until at least %s."),
                          end_text);
}

char *
candor_wording_generate_a3 (CandorDocument *document, CandorTextKind kind)
{
  CandorElement *a3 = candor_document_get_element (document, CANDOR_ELEMENT_A3);
  const char *end_kind = candor_element_get_answer_string (a3, "end_kind");
  gboolean at_least = candor_element_get_answer_boolean (a3, "at_least", FALSE);
  gboolean label = kind == CANDOR_TEXT_LABEL;
  g_autoptr (GString) text = g_string_new (NULL);
  g_autofree char *product = candor_wording_product (document, TRUE);
  g_autofree char *maker = candor_wording_maker (document, TRUE);
  CandorPartialDate end;
  gboolean exact = FALSE;
  gboolean have_end = candor_wording_a3_end_date (a3, &end, &exact);
  g_autofree char *end_text = have_end ? candor_partial_date_format (&end) : NULL;
  gboolean after_date = FALSE;

  if (is (end_kind, "date") && end_text != NULL)
    {
      after_date = TRUE;
      if (label)
        candor_wording_add (text, a3_label_date_sentence (end_text, !at_least));
      else if (at_least)
        /* Translators: %1$s is the product, %2$s a date like "31 December 2029". */
        candor_wording_add (text, g_strdup_printf (_("%1$s gets security updates until at least %2$s."),
                                                   product, end_text));
      else
        candor_wording_add (text, g_strdup_printf (_("%1$s gets security updates until %2$s."),
                                                   product, end_text));
      if (!label)
        /* Translators: %s is the manufacturer. */
        candor_wording_add (text, g_strdup_printf (at_least
                                                   ? _("%s can move this date later, but not earlier.")
                                                   : _("%s stops making security updates for it after that date."),
                                                   maker));
    }
  else if (is (end_kind, "period"))
    {
      g_autofree char *period = a3_period_sentence (a3);

      after_date = period != NULL;
      /* The label shows the earliest end as a date; the web page also says how it is counted. */
      if (label && period != NULL && end_text != NULL)
        candor_wording_add (text, a3_label_date_sentence (end_text, exact));
      else if (period != NULL)
        {
          candor_wording_add (text, g_steal_pointer (&period));
          if (end_text != NULL)
            candor_wording_add (text, g_strdup_printf (exact
                                                       ? _("Updates continue until %s.")
                                                       : _("Updates continue until at least %s."),
                                                       end_text));
        }
    }
  else if (is (end_kind, "none"))
    {
      if (label)
        candor_wording_add (text, g_strdup (_("Security updates have no planned end date.")));
      else
        candor_wording_add (text, g_strdup_printf (_("%s has no planned end date for security updates."),
                                                   product));
      if (!label)
        candor_wording_add (text, g_strdup (_("This is not a promise of updates forever.")));
    }
  else if (is (end_kind, "unknown"))
    a3_unknown (document, a3, kind, text);

  if (text->len > 0)
    candor_wording_add (text, candor_wording_stops_sentence (document, kind, after_date));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* ---- short answers for the label rows ---- */

static char *
a2_short_cost (CandorElement *a2)
{
  const char *cost = candor_element_get_answer_string (a2, "cost");
  const char *period = candor_element_get_answer_string (a2, "price_period");
  g_autofree char *price = candor_wording_money (a2, "price");
  gint64 months = candor_element_get_answer_int (a2, "included_months", 0);

  if (is (cost, "free"))
    return g_strdup (C_("short answer", "free"));
  if (is (cost, "included-period"))
    {
      g_autofree char *free_part = NULL;

      if (months >= 12 && months % 12 == 0)
        free_part = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "free for %d year", "free for %d years",
                                                  (gulong) (months / 12)), (int) (months / 12));
      else if (months > 0)
        free_part = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "free for %d month", "free for %d months",
                                                  (gulong) months), (int) months);
      else
        free_part = g_strdup (C_("short answer", "free for a limited time"));

      /* The row says what comes after the free time: the price is what the buyer pays for. */
      if (price != NULL && is (period, "month"))
        /* Translators: %1$s is "free for 2 years", %2$s a price like "2.99 euros". */
        return g_strdup_printf (C_("short answer", "%1$s, then %2$s per month"), free_part, price);
      if (price != NULL && is (period, "year"))
        return g_strdup_printf (C_("short answer", "%1$s, then %2$s per year"), free_part, price);
      if (price != NULL)
        return g_strdup_printf (C_("short answer", "%1$s, then %2$s"), free_part, price);
      /* Translators: %s is "free for 2 years". */
      return g_strdup_printf (C_("short answer", "%s, then paid"), free_part);
    }
  if (is (cost, "subscription"))
    {
      if (price != NULL && is (period, "month"))
        return g_strdup_printf (C_("short answer", "%s per month"), price);
      if (price != NULL && is (period, "year"))
        return g_strdup_printf (C_("short answer", "%s per year"), price);
      if (price != NULL)
        /* Translators: %s is a price like "10 Swiss francs". */
        return g_strdup_printf (C_("short answer", "subscription of %s"), price);
      return g_strdup (C_("short answer", "paid subscription"));
    }
  if (is (cost, "per-update"))
    {
      if (price != NULL)
        return g_strdup_printf (C_("short answer", "%s per update"), price);
      return g_strdup (C_("short answer", "paid per update"));
    }
  return NULL;
}

static const char *
a2_short_method (CandorElement *a2)
{
  const char *method = candor_element_get_answer_string (a2, "method");

  if (is (method, "automatic"))
    return C_("short answer", "Automatic");
  if (is (method, "automatic-default"))
    return C_("short answer", "Automatic by default");
  if (is (method, "approve"))
    return C_("short answer", "You approve each one");
  if (is (method, "manual"))
    return C_("short answer", "You install them");
  return NULL;
}

static char *
a3_short_period (CandorElement *a3)
{
  gint64 months = candor_element_get_answer_int (a3, "period_months", 0);
  const char *from = candor_element_get_answer_string (a3, "period_from");
  gboolean at_least = candor_element_get_answer_boolean (a3, "at_least", FALSE);
  gboolean years = months >= 12 && months % 12 == 0;
  gulong n = (gulong) (years ? months / 12 : months);

  if (months < 1)
    return NULL;
  if (is (from, "purchase"))
    return g_strdup_printf (years
                            ? (at_least
                               ? g_dngettext (GETTEXT_PACKAGE, "At least %d year after purchase", "At least %d years after purchase", n)
                               : g_dngettext (GETTEXT_PACKAGE, "%d year after purchase", "%d years after purchase", n))
                            : (at_least
                               ? g_dngettext (GETTEXT_PACKAGE, "At least %d month after purchase", "At least %d months after purchase", n)
                               : g_dngettext (GETTEXT_PACKAGE, "%d month after purchase", "%d months after purchase", n)),
                            (int) n);
  else if (is (from, "registration"))
    return g_strdup_printf (years
                            ? (at_least
                               ? g_dngettext (GETTEXT_PACKAGE, "At least %d year after registration", "At least %d years after registration", n)
                               : g_dngettext (GETTEXT_PACKAGE, "%d year after registration", "%d years after registration", n))
                            : (at_least
                               ? g_dngettext (GETTEXT_PACKAGE, "At least %d month after registration", "At least %d months after registration", n)
                               : g_dngettext (GETTEXT_PACKAGE, "%d month after registration", "%d months after registration", n)),
                            (int) n);
  else if (is (from, "first-sale"))
    return g_strdup_printf (years
                            ? (at_least
                               ? g_dngettext (GETTEXT_PACKAGE, "At least %d year after first sale", "At least %d years after first sale", n)
                               : g_dngettext (GETTEXT_PACKAGE, "%d year after first sale", "%d years after first sale", n))
                            : (at_least
                               ? g_dngettext (GETTEXT_PACKAGE, "At least %d month after first sale", "At least %d months after first sale", n)
                               : g_dngettext (GETTEXT_PACKAGE, "%d month after first sale", "%d months after first sale", n)),
                            (int) n);
  else if (is (from, "end-of-sale"))
    return g_strdup_printf (years
                            ? (at_least
                               ? g_dngettext (GETTEXT_PACKAGE, "At least %d year after sales end", "At least %d years after sales end", n)
                               : g_dngettext (GETTEXT_PACKAGE, "%d year after sales end", "%d years after sales end", n))
                            : (at_least
                               ? g_dngettext (GETTEXT_PACKAGE, "At least %d month after sales end", "At least %d months after sales end", n)
                               : g_dngettext (GETTEXT_PACKAGE, "%d month after sales end", "%d months after sales end", n)),
                            (int) n);
  return NULL;
}

char *
candor_wording_short_a (CandorDocument *document, CandorElementId id)
{
  CandorElement *element = candor_document_get_element (document, id);

  if (id == CANDOR_ELEMENT_A1)
    {
      const char *receives = candor_element_get_answer_string (element, "receives_updates");

      if (is (receives, "yes"))
        return g_strdup (C_("short answer", "Yes"));
      if (is (receives, "no"))
        return g_strdup (C_("short answer", "No"));
      if (is (receives, "service"))
        return g_strdup (C_("short answer", "Only through service"));
      return NULL;
    }

  if (id == CANDOR_ELEMENT_A2)
    {
      const char *method = a2_short_method (element);
      g_autofree char *cost = a2_short_cost (element);

      if (method != NULL && cost != NULL)
        /* Translators: a label row: how updates install, then what they cost, e.g.
         * "Automatic, free". */
        return g_strdup_printf (C_("short answer", "%1$s, %2$s"), method, cost);
      if (method != NULL)
        return g_strdup (method);
      if (cost != NULL)
        return candor_wording_capitalize (cost);
      return NULL;
    }

  if (id == CANDOR_ELEMENT_A3)
    {
      const char *end_kind = candor_element_get_answer_string (element, "end_kind");
      const char *from = candor_element_get_answer_string (element, "period_from");
      gboolean at_least = candor_element_get_answer_boolean (element, "at_least", FALSE);
      CandorPartialDate end;
      gboolean exact = FALSE;
      g_autofree char *end_text = NULL;

      if (candor_wording_a3_end_date (element, &end, &exact))
        end_text = candor_partial_date_format (&end);

      if (is (end_kind, "none"))
        return g_strdup (C_("short answer", "No planned end"));
      if (is (end_kind, "unknown"))
        return g_strdup (C_("short answer", "Not known yet"));
      if (is (end_kind, "date") && end_text != NULL)
        return g_strdup_printf (at_least ? C_("short answer", "At least until %s")
                                         : C_("short answer", "Until %s"), end_text);
      if (is (end_kind, "period"))
        {
          /* A date the buyer can read beats a period whose start they cannot know. */
          if (end_text != NULL && (is (from, "first-sale") || is (from, "end-of-sale")))
            return g_strdup_printf (exact ? C_("short answer", "Until %s")
                                          : C_("short answer", "At least until %s"), end_text);
          return a3_short_period (element);
        }
      return NULL;
    }
  g_return_val_if_reached (NULL);
}
