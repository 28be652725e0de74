/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-error.c: the error domain shared by the core library, and the plain sentence a person
 * reads for a load, save or validation error (the message itself stays the technical detail). */
#include "config.h"

#include <locale.h>
#include <string.h>

#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "candor-element-id.h"
#include "candor-error.h"

G_DEFINE_QUARK (candor-error-quark, candor_error)

/* The two halves of the message of a save the loader refused (candor-format.c), kept here so
 * that candor_error_dup_summary() knows it. */
const char *
_candor_error_not_saved_prefix (void)
{
  return _("Not saved, because the file could not be opened again: ");
}

const char *
_candor_error_not_saved_suffix (void)
{
  return _(". Your work is kept in the window and in the autosave copy.");
}

/* What each key of the draft is called in words. Translatable UI text, so kept here with N_()
 * rather than in a data file; the keys are those of data/schema/candor-draft.schema.json. */
static const struct { const char *key; const char *words; } field_words[] = {
  /* product */
  { "manufacturer", N_("manufacturer") },
  { "name", N_("product name") },
  { "models", N_("model numbers") },
  { "model", N_("model number") },   /* format version 0 */
  { "category", N_("product category") },
  { "url", N_("web address") },
  { "language", N_("language") },
  /* every element */
  { "label_text", N_("label text") },
  { "web_text", N_("web text") },
  { "label_edited", N_("note of whether the label text was edited") },
  { "web_edited", N_("note of whether the web text was edited") },
  /* A.1 */
  { "receives_updates", N_("“gets security updates” answer") },
  { "service_how", N_("“how the service updates it” answer") },
  { "no_reason", N_("reason it cannot be updated") },
  { "no_advice", N_("advice for owners") },
  { "no_advice_other", N_("other advice for owners") },
  /* A.2 */
  { "method", N_("way updates are installed") },
  { "manual_how", N_("“how owners install updates” answer") },
  { "manual_minutes", N_("minutes an update takes") },
  { "needs_internet", N_("“needs the internet” answer") },
  { "cost", N_("cost of updates") },
  { "included_months", N_("months of free updates") },
  { "price", N_("price") },
  { "amount", N_("price") },
  { "currency", N_("currency") },
  { "price_period", N_("period the price is for") },
  /* A.3 */
  { "end_kind", N_("kind of end of support") },
  { "end_date", N_("end date") },
  { "at_least", N_("“at least until” answer") },
  { "period_months", N_("support period") },
  { "period_from", N_("start of the support period") },
  { "first_sale_date", N_("date of first sale") },
  { "end_of_sale_date", N_("date sales end") },
  { "unknown_reason", N_("reason the end is not known") },
  { "known_by", N_("date the end will be known") },
  /* B.1 */
  { "channels", N_("ways owners are told") },
  { "tells_what_fixed", N_("“tells what was fixed” answer") },
  { "schedule", N_("update schedule") },
  { "schedule_other", N_("other update schedule") },
  { "warns_before_end", N_("“warns before support ends” answer") },
  /* B.2 */
  { "after_end", N_("“after support ends” answer") },
  { "lost_functions", N_("functions that stop working") },
  { "extension_how", N_("“how support is extended” answer") },
  { "extension_price", N_("price of extended support") },
  { "extension_period", N_("period of extended support") },
  { "handover_party", N_("who takes over support") },
  { "other", N_("other answer") },
  { "advice", N_("advice for owners") },
  /* B.3 */
  { "measures", N_("ways updates are protected") },
  { "standards", N_("standards followed") },
  { "free_text", N_("further details") },
  /* review and metadata */
  { "comments", N_("comments") },
  { "dismissals", N_("dismissed findings") },
  { "status", N_("status") },
  { "approved_by", N_("name of the approver") },
  { "approved_at", N_("time of the approval") },
  { "approved_digest", N_("record of what was approved") },
  { "author", N_("author") },
  { "authors", N_("authors") },
  { "created", N_("date it was made") },
  { "modified", N_("date of the last change") },
  { "generator", N_("name of the program that wrote it") },
  { "body", N_("text") },
  { "quote", N_("quoted words") },
  { "reason", N_("reason") },
  { "replies", N_("replies") },
};

static const char *
words_for_key (const char *key)
{
  for (guint i = 0; i < G_N_ELEMENTS (field_words); i++)
    if (g_str_equal (field_words[i].key, key))
      return g_dgettext (GETTEXT_PACKAGE, field_words[i].words);
  return NULL;
}

/* A key the table does not know, written as words ("end_of_life" → "end of life"). */
static char *
dup_words (const char *key)
{
  const char *words = words_for_key (key);

  return words != NULL ? g_strdup (words) : g_strdelimit (g_strdup (key), "_-", ' ');
}

/* "20017" → "20,017" in the user's locale (a comma where the locale has no separator). */
static char *
group_digits (const char *digits)
{
  const char *sep = localeconv ()->thousands_sep;
  gsize n = strlen (digits);
  GString *out = g_string_new (NULL);

  if (sep == NULL || sep[0] == '\0')
    sep = ",";
  for (gsize i = 0; i < n; i++)
    {
      if (i > 0 && (n - i) % 3 == 0 && g_ascii_isdigit (digits[i]))
        g_string_append (out, sep);
      g_string_append_c (out, digits[i]);
    }
  return g_string_free (out, FALSE);
}

/* Splits "$.elements.A1.channels[2].x" into its parts ("elements", "A1", "channels", "[2]",
 * "x"); NULL when @path is not a JSON path. */
static GPtrArray *
split_path (const char *path)
{
  GPtrArray *parts = g_ptr_array_new_with_free_func (g_free);
  const char *p = path + 1;

  if (!g_str_has_prefix (path, "$"))
    {
      g_ptr_array_unref (parts);
      return NULL;
    }
  while (*p != '\0')
    {
      const char *end;

      if (*p == '.')
        {
          p++;
          end = p + strcspn (p, ".[");
        }
      else if (*p == '[')
        end = strchr (p, ']') != NULL ? strchr (p, ']') + 1 : p + strlen (p);
      else
        break;
      if (end == p)
        break;
      g_ptr_array_add (parts, g_strndup (p, end - p));
      p = end;
    }
  return parts;
}

static gboolean
index_of (const char *part,
          guint      *index)
{
  guint64 n;

  if (part[0] != '[' || !g_ascii_isdigit (part[1]))
    return FALSE;
  n = g_ascii_strtoull (part + 1, NULL, 10);
  *index = (guint) MIN (n, G_MAXUINT - 1) + 1;   /* people count from 1 */
  return TRUE;
}

/* "the web text of step A.1 “Can it get security updates?”": the thing at @path, in words. */
static char *
dup_subject (const char *path)
{
  g_autoptr(GPtrArray) parts = split_path (path);
  g_autofree char *field = NULL;
  CandorElementId id;
  const char *section;
  guint at = 0, item = 0;
  gboolean element = FALSE;

  if (parts == NULL || parts->len == 0)
    return g_strdup (_("part of the file"));
  section = parts->pdata[0];

  /* $.elements.A1…, $.review.elements.A1… */
  if (g_str_equal (section, "elements") && parts->len >= 2 &&
      candor_element_id_from_key (parts->pdata[1], &id))
    element = TRUE, at = 2;
  else if (g_str_equal (section, "review") && parts->len >= 3 &&
           g_str_equal (parts->pdata[1], "elements") &&
           candor_element_id_from_key (parts->pdata[2], &id))
    element = TRUE, at = 3;
  else
    at = 1;

  /* The last named key (a money amount is the price it belongs to), and an item number. */
  for (guint i = at; i < parts->len; i++)
    {
      const char *part = parts->pdata[i];

      if (index_of (part, &item))
        continue;
      if (g_str_equal (part, "amount") && field != NULL)
        continue;
      g_free (field);
      field = dup_words (part);
      item = 0;
    }

  if (element)
    {
      const char *display = candor_element_id_to_display (id);
      const char *title = candor_element_id_get_title (id);

      if (g_str_equal (section, "review"))
        {
          if (field == NULL)
            return g_strdup_printf (_("the review of step %s “%s”"), display, title);
          return g_strdup_printf (_("the %s in the review of step %s “%s”"), field, display, title);
        }
      if (field == NULL)
        return g_strdup_printf (_("step %s “%s”"), display, title);
      if (item > 0)
        /* Translators: e.g. "entry 2 of the ways owners are told of step B.1 “…”" */
        return g_strdup_printf (_("entry %u of the %s of step %s “%s”"), item, field, display, title);
      return g_strdup_printf (_("the %s of step %s “%s”"), field, display, title);
    }

  if (g_str_equal (section, "product"))
    {
      if (field == NULL)
        return g_strdup (_("the product information"));
      if (item > 0)
        return g_strdup_printf (_("entry %u of the %s"), item, field);
      return g_strdup_printf (_("the %s"), field);
    }
  if (g_str_equal (section, "review"))
    {
      const char *list = parts->len >= 2 ? parts->pdata[1] : NULL;
      guint n = 0;

      if (parts->len >= 3 && g_str_equal (list, "comments") && index_of (parts->pdata[2], &n))
        return field != NULL && parts->len > 3
                 ? g_strdup_printf (_("the %s of comment %u in the review"), field, n)
                 : g_strdup_printf (_("comment %u in the review"), n);
      if (parts->len >= 3 && g_str_equal (list, "dismissals") && index_of (parts->pdata[2], &n))
        return g_strdup_printf (_("dismissed finding %u in the review"), n);
      return g_strdup (_("the review"));
    }
  if (g_str_equal (section, "metadata"))
    {
      if (field == NULL)
        return g_strdup (_("the file’s details"));
      if (item > 0)
        return g_strdup_printf (_("entry %u of the %s in the file’s details"), item, field);
      return g_strdup_printf (_("the %s in the file’s details"), field);
    }
  if (g_str_equal (section, "elements"))
    return g_strdup (_("the steps"));
  if (g_str_equal (section, "version"))
    return g_strdup (_("the format version"));
  return field != NULL ? g_strdup_printf (_("the %s"), field) : g_strdup (_("part of the file"));
}

static char *
capitalise (char *sentence)
{
  gunichar first = g_utf8_get_char (sentence);
  char upper[8];
  int n;

  if (!g_unichar_islower (first))
    return sentence;
  n = g_unichar_to_utf8 (g_unichar_totitle (first), upper);
  {
    char *rest = g_utf8_next_char (sentence);
    char *out = g_strdup_printf ("%.*s%s", n, upper, rest);
    g_free (sentence);
    return out;
  }
}

/* Matches @text against the regular expression @pattern; the groups are returned in @groups
 * (free with g_strfreev). */
static gboolean
match (const char *pattern,
       const char *text,
       GStrv      *groups)
{
  g_autoptr(GRegex) regex = g_regex_new (pattern, 0, 0, NULL);
  g_autoptr(GMatchInfo) info = NULL;

  g_assert (regex != NULL);
  if (!g_regex_match (regex, text, 0, &info))
    return FALSE;
  if (groups != NULL)
    *groups = g_match_info_fetch_all (info);
  return TRUE;
}

/* A regular expression for all that the printf @format prints, each conversion a group. */
static char *
format_to_regex (const char *format)
{
  GString *regex = g_string_new ("^");
  const char *p = format;

  while (*p != '\0')
    {
      if (p[0] == '%' && p[1] == '%')
        {
          g_string_append_c (regex, '%');
          p += 2;
        }
      else if (p[0] == '%')
        {
          const char *q = p + 1;

          q += strspn (q, "0123456789.-+ #'");
          q += strspn (q, "hlLqjzt");
          if (*q == 's')
            g_string_append (regex, "(.*?)");
          else if (*q == 'c')
            g_string_append (regex, "(.)");
          else if (*q == 'x' || *q == 'X')
            g_string_append (regex, "([0-9A-Fa-f]+)");
          else
            g_string_append (regex, "(-?[0-9]+)");
          p = *q != '\0' ? q + 1 : q;
        }
      else
        {
          gsize n = strcspn (p, "%");
          g_autofree char *escaped = g_regex_escape_string (p, (int) n);

          g_string_append (regex, escaped);
          p += n;
        }
    }
  g_string_append_c (regex, '$');
  return g_string_free (regex, FALSE);
}

/* Whether @text is what the (translated) printf @format prints; its values in @groups. The
 * formats are the loader's own (candor-format.c, candor-schema.c, candor-json-strict.c), so
 * this follows them in every language. */
static gboolean
match_format (const char *format,
              const char *text,
              GStrv      *groups)
{
  g_autofree char *regex = format_to_regex (format);

  return match (regex, text, groups);
}

/* "the file is too large for a draft (…)" and such, as the loader writes them. */
#define MSG_TOO_LONG        _("text is too long (%ld characters; at most %" G_GINT64_FORMAT ")")
#define MSG_EMPTY_TEXT      _("text must not be empty")
#define MSG_INVISIBLE       _("character %ld is an invisible formatting character (U+%04X), " \
                              "which would make the label read differently from what it says; " \
                              "remove it")
#define MSG_MISSING_KEY     _("missing required key “%s”")
#define MSG_TWICE           _("%s is listed twice")
#define MSG_TOO_MANY        _("too many items (%u; at most %" G_GINT64_FORMAT ")")
#define MSG_TOO_FEW         _("too few items (%u; at least %" G_GINT64_FORMAT ")")
#define MSG_ONE_OF          _("expected one of %s (found %s)")
#define MSG_RANGE           _("expected a number from %" G_GINT64_FORMAT " to %" G_GINT64_FORMAT \
                              " (found %" G_GINT64_FORMAT ")")
#define MSG_AT_LEAST        _("expected a number of at least %" G_GINT64_FORMAT " (found %" G_GINT64_FORMAT ")")
#define MSG_AT_MOST         _("expected a number of at most %" G_GINT64_FORMAT " (found %" G_GINT64_FORMAT ")")
#define MSG_EXPECTED_FOUND  _("expected %s (found %s)")
#define MSG_EXPECTED        _("expected %s")
#define MSG_AT_LINE         _("line %u, column %u: %s")

/* What a schema says a value should look like ("x-candor-expected" in
 * data/schema/candor-draft.schema.json, or the name of a type), as a sentence about @subject. */
static char *
dup_expected_sentence (const char *subject,
                       const char *expected)
{
  g_auto(GStrv) g = NULL;

  if (g_str_equal (expected, _("true or false")))
    return g_strdup_printf (_("%s is not a yes-or-no answer."), subject);
  if (g_str_equal (expected, _("a text in quotes")))
    return g_strdup_printf (_("%s should be a text."), subject);
  if (g_str_equal (expected, _("a list [ … ]")))
    return g_strdup_printf (_("%s should be a list."), subject);
  if (g_str_equal (expected, _("a whole number")))
    return g_strdup_printf (_("%s is not a whole number."), subject);
  if (g_str_equal (expected, _("a number")))
    return g_strdup_printf (_("%s is not a number."), subject);
  /* The schema's own descriptions (English, as the file format is). */
  if (match ("^a date and time", expected, NULL))
    return g_strdup_printf (_("%s is not a real date and time."), subject);
  if (match ("^a date", expected, NULL))
    return g_strdup_printf (_("%s is not a real date."), subject);
  if (match ("^an amount like ([0-9.]+)", expected, &g))
    return g_strdup_printf (_("%s is not an amount such as %s."), subject, g[1]);
  if (match ("^a language tag like ([A-Za-z-]+) or ([A-Za-z-]+)", expected, &g))
    return g_strdup_printf (_("%s is not a language code such as %s or %s."), subject, g[1], g[2]);
  if (match ("^sha256:", expected, NULL))
    return g_strdup_printf (_("%s is damaged."), subject);
  return g_strdup_printf (_("Candor cannot read %s."), subject);
}

/* The problem at a path ("text is too long (20017 characters; at most 20000)") as a sentence
 * about @subject. A message none of the loader's formats match still gives a plain, if less
 * precise, sentence. */
static char *
dup_problem_sentence (const char *subject,
                      const char *detail)
{
  g_auto(GStrv) g = NULL;

  if (match_format (MSG_TOO_LONG, detail, &g))
    {
      g_autofree char *found = group_digits (g[1]);
      g_autofree char *limit = group_digits (g[2]);
      /* Translators: "The web text of step A.1 “…” is too long (20,017 characters; at most 20,000)." */
      return g_strdup_printf (_("%s is too long (%s characters; at most %s)."), subject, found, limit);
    }
  if (match_format (MSG_EMPTY_TEXT, detail, NULL))
    return g_strdup_printf (_("%s is empty."), subject);
  if (match_format (MSG_INVISIBLE, detail, &g))
    return g_strdup_printf (_("%s holds an invisible formatting character (character %s), which "
                              "would make the label read differently from what it says."),
                            subject, g[1]);
  if (match_format (MSG_MISSING_KEY, detail, &g))
    {
      g_autofree char *what = dup_words (g[1]);
      return g_strdup_printf (_("%s has no %s."), subject, what);
    }
  if (match_format (MSG_TWICE, detail, &g))
    return g_strdup_printf (_("In %s, %s is listed twice."), subject, g[1]);
  if (match_format (MSG_TOO_MANY, detail, &g))
    return g_strdup_printf (_("There are too many entries in %s (%s; at most %s)."), subject, g[1], g[2]);
  if (match_format (MSG_TOO_FEW, detail, &g))
    return g_strdup_printf (_("There are too few entries in %s (%s; at least %s)."), subject, g[1], g[2]);
  if (match_format (MSG_ONE_OF, detail, &g))
    {
      gsize n = strlen (g[2]);

      /* A text that is not one of the choices is named; another kind of value is not. */
      if (n >= 2 && g[2][0] == '"' && g[2][n - 1] == '"')
        {
          g_autofree char *found = g_strndup (g[2] + 1, n - 2);
          return g_strdup_printf (_("%s is “%s”, which is not one of the choices Candor offers."),
                                  subject, found);
        }
      return g_strdup_printf (_("%s is not one of the choices Candor offers."), subject);
    }
  if (match_format (MSG_RANGE, detail, &g))
    return g_strdup_printf (_("%s must be a number from %s to %s, not %s."), subject, g[1], g[2], g[3]);
  if (match_format (MSG_AT_LEAST, detail, NULL) || match_format (MSG_AT_MOST, detail, NULL))
    return g_strdup_printf (_("%s is out of range."), subject);
  if (match_format (MSG_EXPECTED_FOUND, detail, &g) || match_format (MSG_EXPECTED, detail, &g))
    return dup_expected_sentence (subject, g[1]);
  return g_strdup_printf (_("Candor cannot read %s."), subject);
}

/* "$.path: problem", maybe with " (and N more problems)" after it: the path, the problem and
 * how many more there are. */
static gboolean
split_problem (const char  *message,
               char       **path,
               char       **problem,
               guint       *more)
{
  g_auto(GStrv) g = NULL;
  g_autofree char *first = NULL;

  *more = 0;
  /* The count, as candor-format.c writes it, in the plural forms most languages use. */
  for (guint n = 1; n <= 5 && first == NULL; n += n < 2 ? 1 : 3)
    {
      g_auto(GStrv) m = NULL;
      const char *format = g_dngettext (GETTEXT_PACKAGE, "%s (and %u more problem)",
                                        "%s (and %u more problems)", n);

      if (match_format (format, message, &m))
        {
          first = g_strdup (m[1]);
          *more = (guint) g_ascii_strtoull (m[2], NULL, 10);
        }
    }
  if (!match ("^(\\$[^ :]*): (.*)$", first != NULL ? first : message, &g))
    return FALSE;
  *path = g_strdup (g[1]);
  *problem = g_strdup (g[2]);
  return TRUE;
}

/* An INVALID message, as a sentence. */
static char *
dup_invalid_sentence (const char *message)
{
  g_auto(GStrv) g = NULL;
  g_autofree char *path = NULL;
  g_autofree char *detail = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *sentence = NULL;
  guint more = 0;

  if (!split_problem (message, &path, &detail, &more))
    {
      /* Numbers the loader refuses before any path is known ("-0", 2^64). */
      if (match_format (MSG_AT_LINE, message, &g) &&
          (match_format (_("“-0” is not a number a draft uses; write 0"), g[3], NULL) ||
           match_format (_("the number %s is too large for a draft"), g[3], NULL)))
        return g_strdup (_("A number in this file is written in a way Candor does not read."));
      return g_strdup (_("Something in this file is not in the form Candor reads."));
    }

  if (g_str_equal (path, "$.version"))
    {
      g_autofree char *missing = g_strdup_printf ("$.version: %s", detail);
      sentence = g_strdup (match_format (_("$.version: missing (expected a whole number such as %d)"), missing, NULL)
                             ? _("This file does not say which version of the Candor format it uses.")
                             : _("The format version of this file is not one Candor knows."));
    }
  else
    {
      /* "channels[2]: "app" is listed twice" is about the list, not its third entry. */
      if (match_format (MSG_TWICE, detail, NULL) && g_str_has_suffix (path, "]") && strrchr (path, '[') != NULL)
        *strrchr (path, '[') = '\0';
      subject = dup_subject (path);
      sentence = capitalise (dup_problem_sentence (subject, detail));
    }
  if (more > 0)
    {
      g_autofree char *tail = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "There is %u more problem.",
                                                            "There are %u more problems.", more),
                                               more);
      char *both = g_strdup_printf ("%s %s", sentence, tail);
      g_free (sentence);
      sentence = both;
    }
  return g_steal_pointer (&sentence);
}

static char *
dup_candor_sentence (int         code,
                     const char *message)
{
  g_auto(GStrv) g = NULL;

  switch (code)
    {
    case CANDOR_ERROR_PARSE:
      if (match_format (_("the file is empty"), message, NULL))
        return g_strdup (_("This file is empty: it holds no disclosure."));
      if (match_format (_("line %u, column %u: the file contains a NUL byte (byte %" G_GSIZE_FORMAT "); "
                          "it is not a text file"), message, NULL) ||
          match_format (_("line %u, column %u: the file is not valid UTF-8 text (byte %" G_GSIZE_FORMAT ")"),
                        message, NULL))
        return g_strdup (_("This file is not a Candor disclosure: it is not a text file."));
      if (match_format (_("line %u, column %u: the key “%s” appears twice in the same object"), message, NULL))
        return g_strdup (_("This disclosure is damaged: it gives one of its entries twice."));
      return g_strdup (_("This file is not a Candor disclosure, or it is damaged."));
    case CANDOR_ERROR_NOT_A_DRAFT:
      return g_strdup (_("This file is not a Candor disclosure."));
    case CANDOR_ERROR_VERSION_TOO_NEW:
      return g_strdup (_("This disclosure was made by a newer version of Candor. Update Candor to open it."));
    case CANDOR_ERROR_TOO_LARGE:
      if (match_format (_("the file is too large for a draft (%" G_GSIZE_FORMAT " MiB; at most %d MiB)"),
                        message, &g))
        return g_strdup_printf (_("This file is too large to be a Candor disclosure (%s MiB; at most %s MiB)."),
                                g[1], g[2]);
      /* Nested too deeply, or too many values. */
      return g_strdup (_("This file is too complex to be a Candor disclosure."));
    case CANDOR_ERROR_INVALID:
      return dup_invalid_sentence (message);
    case CANDOR_ERROR_FAILED:
    default:
      return g_strdup (message);
    }
}

/**
 * candor_error_dup_summary:
 * @error: an error from loading, saving, recovering or validating a draft
 *
 * The plain sentence shown first to a person: what is wrong, naming the step and the field in
 * words ("The web text of step A.1 “…” is too long (20,017 characters; at most 20,000)."),
 * without JSON paths or parser words. @error's message stays the technical detail to show
 * under it; the command line prints that message (DESIGN §8: it names the JSON path).
 *
 * A draft the loader refused while saving ("Not saved, because …") gives "Not saved: " and the
 * sentence for the refusal. Errors of other domains (files, disks) are already plain and come
 * back as their message.
 *
 * Returns: (transfer full): a sentence ending in a full stop
 */
char *
candor_error_dup_summary (const GError *error)
{
  const char *prefix = _candor_error_not_saved_prefix ();

  g_return_val_if_fail (error != NULL, NULL);

  if (error->domain == CANDOR_ERROR && g_str_has_prefix (error->message, prefix))
    {
      g_autofree char *inner = g_strdup (error->message + strlen (prefix));
      g_autofree char *sentence = NULL;
      const char *kept = _candor_error_not_saved_suffix ();

      if (g_str_has_suffix (inner, kept))
        inner[strlen (inner) - strlen (kept)] = '\0';
      sentence = dup_candor_sentence (g_str_has_prefix (inner, "$") ? CANDOR_ERROR_INVALID
                                                                   : CANDOR_ERROR_PARSE, inner);
      /* Translators: "%s" is a sentence, e.g. "The web text of step A.1 “…” is too long (…)." */
      return g_strdup_printf (_("Not saved: %s Your work is kept in the window and in the autosave copy."),
                              sentence);
    }
  if (error->domain == CANDOR_ERROR)
    return dup_candor_sentence (error->code, error->message);
  return g_strdup (error->message);
}
