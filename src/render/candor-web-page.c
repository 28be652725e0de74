/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-web-page.c: the disclosure as one self-contained, accessible HTML page. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "candor-render-util.h"
#include "candor-web-page.h"

#define MAX_TITLE_CHARS 70

/* A date the answers give, and how the texts write it out. */
typedef struct
{
  char *iso;     /* "2029-12" or "2029-12-31" */
  char *display; /* "December 2029" */
} KnownDate;

typedef struct
{
  GString   *out;
  KnownDate  dates[8];
  guint      n_dates;
} Page;

static void
append_escaped_len (GString *out, const char *text, gssize length)
{
  const char *end = length < 0 ? text + strlen (text) : text + length;

  for (const char *p = text; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      switch (c)
        {
        case '&': g_string_append (out, "&amp;"); break;
        case '<': g_string_append (out, "&lt;"); break;
        case '>': g_string_append (out, "&gt;"); break;
        case '"': g_string_append (out, "&quot;"); break;
        case '\'': g_string_append (out, "&#39;"); break;
        default:
          /* Control characters are not allowed in HTML: drop them (tabs become spaces). */
          if (c == '\t')
            g_string_append_c (out, ' ');
          else if (c < 0x20 || (c >= 0x7f && c < 0xa0))
            ;
          else
            g_string_append_len (out, p, g_utf8_next_char (p) - p);
        }
    }
}

static void
append_escaped (GString *out, const char *text)
{
  g_autofree char *valid = NULL;

  if (text == NULL)
    return;
  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);
  append_escaped_len (out, text, -1);
}

static gboolean
is_iso_date_at (const char *p, gsize *length)
{
  /* YYYY-MM-DD or YYYY-MM, not inside a longer run of digits. */
  for (int i = 0; i < 7; i++)
    if (i == 4 ? p[i] != '-' : !g_ascii_isdigit (p[i]))
      return FALSE;
  if (p[7] == '-' && g_ascii_isdigit (p[8]) && g_ascii_isdigit (p[9]) && !g_ascii_isdigit (p[10]))
    {
      *length = 10;
      return TRUE;
    }
  if (g_ascii_isdigit (p[7]))
    return FALSE;
  *length = 7;
  return TRUE;
}

/* Escapes @text, marking up every date it mentions as <time datetime="…">. */
static void
append_text_with_dates (Page *page, const char *text)
{
  g_autofree char *valid = NULL;
  const char *p;
  const char *run;

  if (text == NULL)
    return;
  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);

  run = p = text;
  while (*p != '\0')
    {
      const char *iso = NULL;
      gsize length = 0;

      for (guint i = 0; i < page->n_dates; i++)
        {
          gsize len = strlen (page->dates[i].display);

          if (len > length && strncmp (p, page->dates[i].display, len) == 0)
            iso = page->dates[i].iso, length = len;
        }
      if (iso == NULL && (p == text || !g_ascii_isdigit (p[-1])) && is_iso_date_at (p, &length))
        iso = p;

      if (iso == NULL)
        {
          p = g_utf8_next_char (p);
          continue;
        }
      append_escaped_len (page->out, run, p - run);
      g_string_append (page->out, "<time datetime=\"");
      if (iso == p)
        g_string_append_len (page->out, p, (gssize) length);
      else
        append_escaped (page->out, iso);
      g_string_append (page->out, "\">");
      append_escaped_len (page->out, p, (gssize) length);
      g_string_append (page->out, "</time>");
      run = p = p + length;
    }
  append_escaped_len (page->out, run, p - run);
}

static void
collect_dates (Page *page, CandorDocument *document)
{
  static const char *keys[] = { "end_date", "first_sale_date", "end_of_sale_date", "known_by" };
  CandorElement *a3 = candor_document_get_element (document, CANDOR_ELEMENT_A3);

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      const char *iso = candor_element_get_answer_string (a3, keys[i]);
      char *display = candor_render_format_date (iso);

      if (display == NULL)
        continue;
      page->dates[page->n_dates].iso = g_strdup (iso);
      page->dates[page->n_dates].display = display;
      page->n_dates++;
    }
}

/* Paragraphs are separated by blank lines; a single line break stays a line break. */
static void
append_paragraphs (Page *page, const char *text)
{
  g_auto(GStrv) paragraphs = g_regex_split_simple ("\\n[ \\t]*\\n\\s*", text, 0, 0);

  for (guint i = 0; paragraphs[i] != NULL; i++)
    {
      g_auto(GStrv) lines = NULL;
      g_autofree char *stripped = g_strstrip (g_strdup (paragraphs[i]));

      if (*stripped == '\0')
        continue;
      lines = g_strsplit (stripped, "\n", -1);
      g_string_append (page->out, "<p dir=\"auto\">");
      for (guint j = 0; lines[j] != NULL; j++)
        {
          if (j > 0)
            g_string_append (page->out, "<br>\n");
          append_text_with_dates (page, lines[j]);
        }
      g_string_append (page->out, "</p>\n");
    }
}

static void
append_head (Page *page, CandorDocument *document, const char *language)
{
  g_autofree char *title = candor_document_dup_title (document);
  static GBytes *css = NULL;
  GString *out = page->out;

  /* Looked up once: the page is regenerated on every keystroke. */
  if (g_once_init_enter (&css))
    g_once_init_leave (&css, candor_render_lookup_data ("web-page.css"));

  g_string_append (out, "<!DOCTYPE html>\n<html lang=\"");
  append_escaped (out, language);
  g_string_append_printf (out, "\" dir=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n",
                          candor_render_language_is_rtl (language) ? "rtl" : "ltr");
  g_string_append (out, "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
  /* Defence in depth: even if something slipped through escaping, nothing may load or run. */
  g_string_append (out, "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src "
                        "'none'; style-src 'unsafe-inline'; img-src data:\">\n");
  g_string_append (out, "<meta name=\"color-scheme\" content=\"light dark\">\n");
  g_string_append (out, "<meta name=\"generator\" content=\"Candor " PACKAGE_VERSION "\">\n");
  g_string_append (out, "<title>");
  /* TRANSLATORS: web page title; %s is the product name */
  {
    /* The name is isolated where directions can mix: <title> takes no markup, so U+2068 …
     * U+2069 do what dir="auto" does in the body. */
    g_autofree char *isolated = candor_render_isolate_if_mixed (title, candor_render_language_is_rtl (language));
    g_autofree char *full = g_strdup_printf (_("Security updates: %s"), isolated);
    g_autoptr(GString) escaped = g_string_new (NULL);

    /* Browsers and search results cut long titles anyway, so cut it ourselves, at a
     * character, counting the title as written in the page (validators do). */
    for (const char *p = full; *p != '\0'; p = g_utf8_next_char (p))
      {
        gsize before = escaped->len;

        append_escaped_len (escaped, p, g_utf8_next_char (p) - p);
        glong length = g_utf8_strlen (escaped->str, -1);

        if (length > MAX_TITLE_CHARS
            || (length > MAX_TITLE_CHARS - 1 && *(g_utf8_next_char (p)) != '\0'))
          {
            g_string_truncate (escaped, before);
            g_string_append (escaped, "…");
            /* closing the isolate the cut may have left open */
            if (strstr (escaped->str, "\xe2\x81\xa8") != NULL)
              g_string_append (escaped, "\xe2\x81\xa9");
            break;
          }
      }
    g_string_append (out, escaped->str);
  }
  g_string_append (out, "</title>\n<style>\n");
  g_string_append_len (out, g_bytes_get_data (css, NULL), (gssize) g_bytes_get_size (css));
  g_string_append (out, "</style>\n</head>\n");
}

static void
append_header (Page *page, CandorDocument *document)
{
  const char * const *models = candor_document_get_models (document);
  const char *manufacturer = candor_document_get_manufacturer (document);
  g_autofree char *title = candor_document_dup_title (document);
  GString *out = page->out;
  guint n_models = models != NULL ? g_strv_length ((char **) models) : 0;

  g_string_append (out, "<header>\n<p class=\"kicker\">");
  append_escaped (out, _("Security updates"));
  g_string_append (out, "</p>\n<h1 dir=\"auto\">");
  append_escaped (out, title);
  g_string_append (out, "</h1>\n");
  if (manufacturer != NULL && *manufacturer != '\0')
    {
      g_string_append (out, "<p class=\"meta\">");
      append_escaped (out, _("Manufacturer:"));
      g_string_append (out, " <span dir=\"auto\">");
      append_escaped (out, manufacturer);
      g_string_append (out, "</span></p>\n");
    }
  if (n_models > 0)
    {
      g_string_append (out, "<p class=\"meta\">");
      append_escaped (out, g_dngettext (GETTEXT_PACKAGE, "Model:", "Models:", n_models));
      for (guint i = 0; i < n_models; i++)
        {
          g_string_append (out, i == 0 ? " <span class=\"model\" dir=\"auto\">"
                                       : ", <span class=\"model\" dir=\"auto\">");
          append_escaped (out, models[i]);
          g_string_append (out, "</span>");
        }
      g_string_append (out, "</p>\n");
    }
  g_string_append (out, "</header>\n");
}

static void
append_summary (Page *page, CandorDocument *document)
{
  GString *out = page->out;

  g_string_append (out, "<section class=\"facts\" aria-labelledby=\"summary\">\n<h2 id=\"summary\">");
  append_escaped (out, _("At a glance"));
  g_string_append (out, "</h2>\n<dl>\n");
  for (guint i = 0; i < CANDOR_N_ELEMENTS; i++)
    {
      g_autofree char *answer = candor_render_short_answer (document, i);

      g_string_append (out, "<div><dt>");
      append_escaped (out, candor_render_row_name (i));
      g_string_append (out, "</dt><dd dir=\"auto\">");
      append_text_with_dates (page, answer != NULL ? answer : _("Not stated"));
      g_string_append (out, "</dd></div>\n");
    }
  g_string_append (out, "</dl>\n</section>\n");
}

static void
append_element (Page *page, CandorDocument *document, CandorElementId id)
{
  CandorElement *element = candor_document_get_element (document, id);
  const char *text = candor_element_get_text (element, CANDOR_TEXT_WEB);
  const char *key = candor_element_id_to_key (id);
  GString *out = page->out;

  if (text == NULL || *text == '\0')
    text = candor_element_get_text (element, CANDOR_TEXT_LABEL);
  g_string_append_printf (out, "<section id=\"%s\" aria-labelledby=\"%s-title\">\n"
                               "<h2 id=\"%s-title\">", key, key, key);
  append_escaped (out, candor_element_id_get_title (id));
  g_string_append (out, "</h2>\n");
  if (text != NULL && *text != '\0')
    append_paragraphs (page, text);
  else
    {
      g_string_append (out, "<p class=\"missing\">");
      append_escaped (out, _("The manufacturer has not given this information."));
      g_string_append (out, "</p>\n");
    }
  g_string_append (out, "</section>\n");
}

static void
append_footer (Page *page, CandorDocument *document)
{
  GDateTime *modified = candor_document_get_modified (document);
  GString *out = page->out;

  g_string_append (out, "<footer>\n<h2 id=\"check\">");
  append_escaped (out, _("Check these files"));
  g_string_append (out, "</h2>\n<p>");
  append_escaped (out, _("The same facts are published in machine-readable form as"));
  g_string_append (out, " <a href=\"" CANDOR_WEB_PAGE_JSON_NAME "\">" CANDOR_WEB_PAGE_JSON_NAME
                        "</a>. ");
  append_escaped (out, _("The files come with a list of checksums (SHA256SUMS) signed by the "
                         "manufacturer. To check that no file was changed and who signed the "
                         "list, run these commands in the folder that holds the files, with "
                         "the manufacturer’s certificate that you trust saved as trusted.pem:"));
  /* Commands read left to right whatever the page direction. */
  g_string_append (out, "</p>\n<pre dir=\"ltr\"><code>sha256sum -c SHA256SUMS\n"
                        "openssl cms -verify -binary -inform DER -in SHA256SUMS.p7s "
                        "-content SHA256SUMS -CAfile trusted.pem</code></pre>\n");
  if (modified != NULL)
    {
      g_autoptr(GDateTime) utc = g_date_time_to_utc (modified);
      g_autofree char *iso = g_date_time_format (utc, "%Y-%m-%d");
      g_autofree char *display = candor_render_format_date (iso);

      g_string_append (out, "<p>");
      append_escaped (out, _("Last updated:"));
      g_string_append_printf (out, " <time datetime=\"%s\">", iso);
      append_escaped (out, display != NULL ? display : iso);
      g_string_append (out, "</time></p>\n");
    }
  g_string_append (out, "</footer>\n");
}

char *
candor_web_page_generate (CandorDocument *document)
{
  const char *language;
  Page page = { 0 };

  g_return_val_if_fail (CANDOR_IS_DOCUMENT (document), NULL);

  language = candor_document_get_language (document);
  if (language == NULL || *language == '\0')
    language = "en";

  page.out = g_string_sized_new (16384);
  collect_dates (&page, document);
  append_head (&page, document, language);
  g_string_append (page.out, "<body>\n");
  append_header (&page, document);
  g_string_append (page.out, "<main>\n");
  append_summary (&page, document);
  for (guint i = 0; i < CANDOR_N_ELEMENTS; i++)
    append_element (&page, document, i);
  g_string_append (page.out, "</main>\n");
  append_footer (&page, document);
  g_string_append (page.out, "</body>\n</html>\n");

  for (guint i = 0; i < page.n_dates; i++)
    {
      g_free (page.dates[i].iso);
      g_free (page.dates[i].display);
    }
  return g_string_free (page.out, FALSE);
}

GBytes *
candor_web_page_generate_bytes (CandorDocument *document)
{
  char *html = candor_web_page_generate (document);

  return g_bytes_new_take (html, strlen (html));
}
