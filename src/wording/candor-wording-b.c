/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-wording-b.c: sentences for the web elements B.1, B.2 and B.3. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "candor-wording-private.h"

#define is(a, b) (g_strcmp0 ((a), (b)) == 0)

static const char *const channel_order[] = { "app", "device", "email", "sms", "push", "web" };

/* ---- B.1 ---- */

/* The way an owner hears about updates, as it reads after "in these ways:". */
static const char *
channel_phrase (const char *channel)
{
  if (is (channel, "app"))
    return C_("update channel", "in its app");
  if (is (channel, "device"))
    return C_("update channel", "on the device");
  if (is (channel, "email"))
    return C_("update channel", "by email");
  if (is (channel, "sms"))
    return C_("update channel", "by text message");
  if (is (channel, "push"))
    return C_("update channel", "with a phone alert");
  if (is (channel, "web"))
    return C_("update channel", "on its website");
  return NULL;
}

/* The whole sentence for a single channel. */
static char *
channel_sentence (const char *channel, const char *maker)
{
  /* Translators: in these sentences %s is the manufacturer, e.g. "Acme tells you about
   * updates in its app." */
  if (is (channel, "app"))
    return g_strdup_printf (_("%s tells you about updates in its app."), maker);
  if (is (channel, "device"))
    return g_strdup_printf (_("%s tells you about updates on the device."), maker);
  if (is (channel, "email"))
    return g_strdup_printf (_("%s tells you about updates by email."), maker);
  if (is (channel, "sms"))
    return g_strdup_printf (_("%s tells you about updates by text message."), maker);
  if (is (channel, "push"))
    return g_strdup_printf (_("%s tells you about updates with an alert on your phone."), maker);
  if (is (channel, "web"))
    return g_strdup_printf (_("%s tells you about updates on its website."), maker);
  return NULL;
}

static char *
b1_channels_sentence (CandorDocument *document, CandorElement *b1, CandorTextKind kind)
{
  g_autofree char *maker = candor_wording_maker (document, TRUE);
  g_autoptr (GPtrArray) phrases = g_ptr_array_new ();
  const char *single = NULL;
  g_autofree char *list = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (channel_order); i++)
    if (candor_element_answer_strv_contains (b1, "channels", channel_order[i]))
      {
        g_ptr_array_add (phrases, (gpointer) channel_phrase (channel_order[i]));
        single = channel_order[i];
      }

  if (phrases->len == 0)
    {
      if (candor_element_answer_strv_contains (b1, "channels", "none"))
        return g_strdup_printf (_("%s does not tell you about updates."), maker);
      return NULL;
    }
  if (phrases->len == 1)
    return channel_sentence (single, maker);
  /* Two ways are named on the label when the sentence stays short (at most 12 words);
   * a longer list does not fit, and the label's row already names every way. */
  if (kind == CANDOR_TEXT_LABEL)
    {
      if (phrases->len == 2)
        {
          g_autofree char *pair = candor_wording_join_list (phrases);
          /* Translators: %1$s is the manufacturer, %2$s two ways like "in its app and by email". */
          g_autofree char *sentence = g_strdup_printf (_("%1$s tells you about updates %2$s."), maker, pair);
          g_auto (GStrv) words = g_strsplit_set (sentence, " ", -1);

          if (g_strv_length (words) <= 12)
            return g_steal_pointer (&sentence);
        }
      return g_strdup_printf (_("%s tells you about updates in several ways."), maker);
    }
  /* Keep sentences short: three ways in the first, the rest in a second one. */
  if (phrases->len > 3)
    {
      g_autoptr (GPtrArray) rest = g_ptr_array_new ();
      g_autofree char *rest_list = NULL;

      for (guint i = 3; i < phrases->len; i++)
        g_ptr_array_add (rest, g_ptr_array_index (phrases, i));
      g_ptr_array_set_size (phrases, 3);
      list = candor_wording_join_list (phrases);
      rest_list = candor_wording_join_list (rest);
      /* Translators: %1$s is the manufacturer, %2$s a list of ways like "in its app, on the
       * device and by email", %3$s the other ways. */
      return g_strdup_printf (_("%1$s tells you about updates in these ways: %2$s. It also tells you %3$s."),
                              maker, list, rest_list);
    }
  list = candor_wording_join_list (phrases);
  /* Translators: %1$s is the manufacturer, %2$s a list like "in its app, by email and on its
   * website". */
  return g_strdup_printf (_("%1$s tells you about updates in these ways: %2$s."), maker, list);
}

/* @maker is NULL once the manufacturer was named in the sentence before: the name is given
 * once, then "It", so that a paragraph does not repeat it in every sentence. */
static char *
b1_schedule_sentence (CandorElement *b1, const char *maker)
{
  const char *schedule = candor_element_get_answer_string (b1, "schedule");
  g_autofree char *other = candor_wording_user_text (b1, "schedule_other");

  if (is (schedule, "as-needed") && maker == NULL)
    /* Translators: "It" is the manufacturer, named in the sentence before. */
    return g_strdup (_("It sends an update whenever it finds a security problem."));
  if (is (schedule, "as-needed"))
    /* Translators: %s is the manufacturer. */
    return g_strdup_printf (_("%s sends an update whenever it finds a security problem."), maker);
  if (is (schedule, "monthly"))
    return g_strdup (_("Updates come out every month."));
  if (is (schedule, "quarterly"))
    return g_strdup (_("Updates come out every three months."));
  if (is (schedule, "other") && other != NULL)
    /* Translators: %s is the schedule as typed by the manufacturer. */
    return g_strdup_printf (_("When updates come out: %s."), other);
  return NULL;
}

char *
candor_wording_generate_b1 (CandorDocument *document, CandorTextKind kind)
{
  CandorElement *b1 = candor_document_get_element (document, CANDOR_ELEMENT_B1);
  g_autoptr (GString) text = g_string_new (NULL);
  g_autofree char *maker = candor_wording_maker (document, TRUE);

  gboolean named;

  candor_wording_add (text, b1_channels_sentence (document, b1, kind));
  /* The label tells how owners hear; when updates come is for the web page, unless it is
   * all there is. */
  if (kind == CANDOR_TEXT_LABEL && text->len > 0)
    return g_string_free (g_steal_pointer (&text), FALSE);
  /* Every channel sentence starts with the manufacturer's name. */
  named = text->len > 0;
  {
    g_autofree char *schedule = b1_schedule_sentence (b1, named ? NULL : maker);

    /* "It" only right after a sentence about the manufacturer: "Updates come out every
     * month." in between, and the name comes again. */
    if (schedule != NULL)
      named = is (candor_element_get_answer_string (b1, "schedule"), "as-needed");
    candor_wording_add (text, g_steal_pointer (&schedule));
  }
  if (kind == CANDOR_TEXT_LABEL)
    return g_string_free (g_steal_pointer (&text), FALSE);

  /* The manufacturer is named once in a row of sentences about it; after that "It". */
  if (candor_element_has_answer (b1, "tells_what_fixed"))
    {
      gboolean tells = candor_element_get_answer_boolean (b1, "tells_what_fixed", FALSE);

      if (named)
        /* Translators: "It" is the manufacturer, named in a sentence before. */
        candor_wording_add (text, g_strdup (tells ? _("It tells you what each update fixes.")
                                                  : _("It does not say what each update fixes.")));
      else
        candor_wording_add (text, g_strdup_printf (tells ? _("%s tells you what each update fixes.")
                                                         : _("%s does not say what each update fixes."),
                                                   maker));
      named = TRUE;
    }
  if (candor_element_has_answer (b1, "warns_before_end"))
    {
      gboolean warns = candor_element_get_answer_boolean (b1, "warns_before_end", FALSE);
      gboolean also = candor_element_get_answer_boolean (b1, "tells_what_fixed", FALSE);

      if (named && warns && also)
        /* Translators: "It" is the manufacturer, after "It tells you what each update fixes." */
        candor_wording_add (text, g_strdup (_("It also tells you before security updates end.")));
      else if (named)
        /* Translators: "It" is the manufacturer, named in a sentence before. */
        candor_wording_add (text, g_strdup (warns ? _("It tells you before security updates end.")
                                                  : _("It does not warn you before security updates end.")));
      else
        candor_wording_add (text, g_strdup_printf (warns ? _("%s tells you before security updates end.")
                                                         : _("%s does not warn you before security updates end."),
                                                   maker));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* ---- B.2 ---- */

static char *
b2_main_sentence (CandorDocument *document, CandorElement *b2)
{
  const char *after = candor_element_get_answer_string (b2, "after_end");
  g_autofree char *product = candor_wording_product (document, FALSE);
  g_autofree char *product_start = candor_wording_product (document, TRUE);
  g_autofree char *maker = candor_wording_maker (document, FALSE);
  g_autofree char *lost = candor_wording_user_text (b2, "lost_functions");
  g_autofree char *party = candor_wording_user_text (b2, "handover_party");
  g_autofree char *other = candor_wording_user_text (b2, "other");

  if (is (after, "keeps-working"))
    /* Translators: %s is the product at the start of a sentence, e.g. "The Acme Cam 2". */
    return g_strdup_printf (_("%s keeps working after security updates end."), product_start);
  if (is (after, "loses-functions"))
    {
      if (lost != NULL)
        /* Translators: %s lists the functions, as typed by the manufacturer. */
        return g_strdup_printf (_("When security updates end, some functions stop working: %s."), lost);
      return g_strdup (_("When security updates end, some functions stop working."));
    }
  if (is (after, "stops"))
    return g_strdup_printf (_("When security updates end, %s stops working."), product);
  if (is (after, "paid-extension"))
    return g_strdup (_("When security updates end, you can pay to keep getting them."));
  if (is (after, "handover"))
    {
      if (party != NULL)
        /* Translators: %1$s is the manufacturer, %2$s the company that takes over. */
        return g_strdup_printf (_("When %1$s stops, %2$s takes over security updates."), maker, party);
      return g_strdup_printf (_("When %s stops, another company takes over security updates."),
                              maker);
    }
  if (is (after, "other") && other != NULL)
    return g_strdup_printf (_("What happens when security updates end: %s."), other);
  return NULL;
}

char *
candor_wording_generate_b2 (CandorDocument *document, CandorTextKind kind)
{
  CandorElement *b2 = candor_document_get_element (document, CANDOR_ELEMENT_B2);
  const char *after = candor_element_get_answer_string (b2, "after_end");
  g_autoptr (GString) text = g_string_new (NULL);
  g_autofree char *advice = candor_wording_user_text (b2, "advice");

  candor_wording_add (text, b2_main_sentence (document, b2));
  if (kind == CANDOR_TEXT_LABEL)
    return g_string_free (g_steal_pointer (&text), FALSE);

  if (is (after, "keeps-working"))
    candor_wording_add (text, g_strdup (_("It gets no more security fixes, so it becomes less safe over time.")));
  else if (is (after, "stops"))
    candor_wording_add (text, g_strdup (_("You will need to replace it.")));
  else if (is (after, "paid-extension"))
    {
      g_autofree char *how = candor_wording_user_text (b2, "extension_how");
      g_autofree char *price = candor_wording_money (b2, "extension_price");
      const char *period = candor_element_get_answer_string (b2, "extension_period");

      if (how != NULL)
        /* Translators: %s says how to buy extended support, as typed by the manufacturer. */
        candor_wording_add (text, g_strdup_printf (_("How to get them: %s."), how));
      if (price != NULL && is (period, "month"))
        /* Translators: %s is a price like "4.99 euros". */
        candor_wording_add (text, g_strdup_printf (_("This costs %s per month."), price));
      else if (price != NULL && is (period, "year"))
        candor_wording_add (text, g_strdup_printf (_("This costs %s per year."), price));
      else if (price != NULL && is (period, "once"))
        candor_wording_add (text, g_strdup_printf (_("This costs %s, paid once."), price));
      else if (price != NULL)
        candor_wording_add (text, g_strdup_printf (_("This costs %s."), price));
    }
  if (advice != NULL && text->len > 0)
    /* Translators: %s is advice typed by the manufacturer. */
    candor_wording_add (text, g_strdup_printf (_("Advice for owners: %s."), advice));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* ---- B.3 ---- */

static const char *const measure_order[] = { "signed", "encrypted", "tested", "recovery", "independent-testing" };
static const char *const standard_order[] = {
  "etsi-en-303-645", "iec-62443-4-2", "nistir-8259a", "uptane", "tuf", "ietf-suit"
};

static char *
measure_sentence (const char *measure, const char *maker, CandorTextKind kind)
{
  gboolean label = kind == CANDOR_TEXT_LABEL;

  if (is (measure, "signed"))
    return g_strdup (label ? _("The device checks that each update is real.")
                           : _("Every update has a digital signature. The device checks it before installing, so it rejects fake updates."));
  if (is (measure, "encrypted"))
    return g_strdup (label ? _("Updates travel over an encrypted connection.")
                           : _("Updates travel over an encrypted connection. Others cannot read or change them on the way."));
  if (is (measure, "tested"))
    /* Translators: %s is the manufacturer. */
    return g_strdup_printf (label ? _("%s tests each update before release.")
                                  : _("%s tests each update before releasing it."), maker);
  if (is (measure, "recovery"))
    return g_strdup (label ? _("The device recovers if an update fails.")
                           : _("If an update fails, the device goes back to its last working version."));
  if (is (measure, "independent-testing"))
    return g_strdup (label ? _("Outside experts test its security.")
                           : _("Outside security experts check the device for weak spots."));
  return NULL;
}

/* One plain line per standard, for buyers who have never heard of it. */
static const char *
standard_sentence (const char *standard)
{
  if (is (standard, "etsi-en-303-645"))
    return _("The European Telecommunications Standards Institute (ETSI) wrote ETSI EN 303 645. It sets basic security rules for smart devices at home.");
  if (is (standard, "iec-62443-4-2"))
    return _("The International Electrotechnical Commission (IEC) wrote IEC 62443-4-2. It sets security rules for devices in factories and plants.");
  if (is (standard, "nistir-8259a"))
    return _("The US National Institute of Standards and Technology (NIST) wrote NIST IR 8259A. It lists basic security features for connected devices.");
  if (is (standard, "uptane"))
    return _("Uptane is a design for delivering updates safely, first made for cars.");
  if (is (standard, "tuf"))
    return _("The Update Framework (TUF) is a design that keeps updates safe, even if someone steals a signing key.");
  if (is (standard, "ietf-suit"))
    return _("The Internet Engineering Task Force (IETF) wrote SUIT (Software Updates for Internet of Things). It is a standard for safely updating small devices.");
  return NULL;
}

static const char *
standard_name (const char *standard)
{
  if (is (standard, "etsi-en-303-645"))
    return "ETSI EN 303 645";
  if (is (standard, "iec-62443-4-2"))
    return "IEC 62443-4-2";
  if (is (standard, "nistir-8259a"))
    return "NIST IR 8259A";
  if (is (standard, "uptane"))
    return "Uptane";
  if (is (standard, "tuf"))
    return "TUF";
  if (is (standard, "ietf-suit"))
    return "IETF SUIT";
  return NULL;
}

static guint
count_standards (CandorElement *b3)
{
  guint n = 0;

  for (guint i = 0; i < G_N_ELEMENTS (standard_order); i++)
    if (candor_element_answer_strv_contains (b3, "standards", standard_order[i]))
      n++;
  return n;
}

char *
candor_wording_generate_b3 (CandorDocument *document, CandorTextKind kind)
{
  CandorElement *b3 = candor_document_get_element (document, CANDOR_ELEMENT_B3);
  g_autoptr (GString) text = g_string_new (NULL);
  g_autofree char *maker = candor_wording_maker (document, TRUE);
  g_autofree char *free_text = candor_wording_user_text (b3, "free_text");
  guint n_standards = count_standards (b3);
  guint n_measures = 0;
  gboolean last_names_maker = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (measure_order); i++)
    {
      if (!candor_element_answer_strv_contains (b3, "measures", measure_order[i]))
        continue;
      /* The label row lists every measure; its text explains the first in a sentence. */
      if (kind == CANDOR_TEXT_LABEL && n_measures == 1)
        break;
      candor_wording_add (text, measure_sentence (measure_order[i], maker, kind));
      last_names_maker = is (measure_order[i], "tested");
      n_measures++;
    }

  if (kind == CANDOR_TEXT_LABEL)
    {
      if (n_measures == 0 && n_standards > 0)
        /* Translators: %s is the manufacturer, %d the number of standards. */
        candor_wording_add (text, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                "%s follows %d security standard.",
                                                                "%s follows %d security standards.",
                                                                n_standards),
                                                   maker, (int) n_standards));
      else if (n_measures == 0 && free_text != NULL)
        candor_wording_add (text, g_strdup_printf ("%s.", free_text));
      return g_string_free (g_steal_pointer (&text), FALSE);
    }

  if (n_standards > 0 && last_names_maker)
    /* Translators: "It" is the manufacturer, named in the sentence before ("Acme tests each
     * update before releasing it."). */
    candor_wording_add (text, g_strdup (g_dngettext (GETTEXT_PACKAGE,
                                                     "It also follows this security standard.",
                                                     "It also follows these security standards.",
                                                     n_standards)));
  else if (n_standards > 0)
    candor_wording_add (text, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "%s follows this security standard.",
                                                            "%s follows these security standards.",
                                                            n_standards),
                                               maker));
  if (n_standards > 0)
    {
      for (guint i = 0; i < G_N_ELEMENTS (standard_order); i++)
        if (candor_element_answer_strv_contains (b3, "standards", standard_order[i]))
          candor_wording_add (text, g_strdup (standard_sentence (standard_order[i])));
    }
  if (free_text != NULL)
    candor_wording_add (text, g_strdup_printf ("%s.", free_text));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* ---- short answers ---- */

static char *
short_list (GPtrArray *items)
{
  g_autoptr (GString) joined = g_string_new (NULL);

  if (items->len == 0)
    return NULL;
  for (guint i = 0; i < items->len; i++)
    {
      if (i > 0)
        g_string_append (joined, C_("list", ", "));
      g_string_append (joined, g_ptr_array_index (items, i));
    }
  return candor_wording_capitalize (joined->str);
}

char *
candor_wording_short_b (CandorDocument *document, CandorElementId id)
{
  CandorElement *element = candor_document_get_element (document, id);
  g_autoptr (GPtrArray) items = g_ptr_array_new ();

  if (id == CANDOR_ELEMENT_B1)
    {
      static const char *const names[] = {
        NC_("short answer", "app"), NC_("short answer", "device"), NC_("short answer", "email"),
        NC_("short answer", "text message"), NC_("short answer", "phone alert"),
        NC_("short answer", "website"),
      };
      for (guint i = 0; i < G_N_ELEMENTS (channel_order); i++)
        if (candor_element_answer_strv_contains (element, "channels", channel_order[i]))
          g_ptr_array_add (items, (gpointer) g_dpgettext2 (GETTEXT_PACKAGE, "short answer", names[i]));
      if (items->len == 0 && candor_element_answer_strv_contains (element, "channels", "none"))
        return g_strdup (C_("short answer", "Not told"));
      return short_list (items);
    }

  if (id == CANDOR_ELEMENT_B2)
    {
      const char *after = candor_element_get_answer_string (element, "after_end");
      g_autofree char *party = candor_wording_user_text (element, "handover_party");

      if (is (after, "keeps-working"))
        return g_strdup (C_("short answer", "Keeps working without fixes"));
      if (is (after, "loses-functions"))
        return g_strdup (C_("short answer", "Some functions stop"));
      if (is (after, "stops"))
        return g_strdup (C_("short answer", "Stops working"));
      if (is (after, "paid-extension"))
        return g_strdup (C_("short answer", "Paid extended support"));
      if (is (after, "handover") && party != NULL)
        /* Translators: %s is the company that takes over security updates. */
        return g_strdup_printf (C_("short answer", "%s takes over"), party);
      if (is (after, "handover"))
        return g_strdup (C_("short answer", "Another company takes over"));
      if (is (after, "other"))
        return g_strdup (C_("short answer", "See the web page"));
      return NULL;
    }

  if (id == CANDOR_ELEMENT_B3)
    {
      static const char *const names[] = {
        NC_("short answer", "signed"), NC_("short answer", "encrypted"),
        NC_("short answer", "tested"), NC_("short answer", "safe recovery"),
        NC_("short answer", "independent testing"),
      };
      for (guint i = 0; i < G_N_ELEMENTS (measure_order); i++)
        if (candor_element_answer_strv_contains (element, "measures", measure_order[i]))
          g_ptr_array_add (items, (gpointer) g_dpgettext2 (GETTEXT_PACKAGE, "short answer", names[i]));
      if (items->len == 0)
        for (guint i = 0; i < G_N_ELEMENTS (standard_order); i++)
          if (candor_element_answer_strv_contains (element, "standards", standard_order[i]))
            g_ptr_array_add (items, (gpointer) standard_name (standard_order[i]));
      if (items->len == 0 && candor_wording_has_answers (element))
        return g_strdup (C_("short answer", "See the web page"));
      return short_list (items);
    }
  g_return_val_if_reached (NULL);
}
