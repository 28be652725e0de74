/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-render-util.c: helpers shared by the label, web page and disclosure.json renderers. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "candor-render-error.h"
#include "candor-render-resources.h"
#include "candor-render-util.h"
#include "candor-wording.h"

GBytes *
candor_render_lookup_data (const char *name)
{
  g_autofree char *path = g_strconcat ("/io/github/candor_app/Candor/render/", name, NULL);
  g_autoptr(GError) error = NULL;
  GBytes *bytes;

  /* Looked up on our own resource (not the global table): a resource in a static library is
   * only linked in when something references it. */
  bytes = g_resource_lookup_data (candor_render_get_resource (), path,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (bytes == NULL)
    g_error ("Missing built-in resource %s: %s", path, error->message);
  return bytes;
}

char *
candor_render_short_answer (CandorDocument *document, CandorElementId id)
{
  return candor_wording_short_answer (document, id);
}

char *
candor_render_format_date (const char *partial_date)
{
  return partial_date != NULL ? candor_wording_format_date (partial_date) : NULL;
}

const char *
candor_render_row_name (CandorElementId id)
{
  static const char *names[CANDOR_N_ELEMENTS] = {
    N_("Gets security updates"),
    N_("Installation and cost"),
    N_("Updates provided"),
    N_("How you are told"),
    N_("After support ends"),
    N_("How updates are protected"),
  };

  g_return_val_if_fail (id < CANDOR_N_ELEMENTS, NULL);
  return _(names[id]);
}

gboolean
candor_render_language_is_rtl (const char *language)
{
  static const char *rtl[] = { "ar", "arc", "ckb", "dv", "fa", "he", "iw", "ks", "ku", "ps",
                               "sd", "syr", "ug", "ur", "yi" };
  gsize len;

  if (language == NULL)
    return FALSE;
  len = strcspn (language, "-_");
  for (gsize i = 0; i < G_N_ELEMENTS (rtl); i++)
    if (strlen (rtl[i]) == len && g_ascii_strncasecmp (language, rtl[i], len) == 0)
      return TRUE;
  return FALSE;
}

gboolean
candor_render_check_url (const char *url, GError **error)
{
  g_autoptr(GUri) uri = NULL;
  const char *scheme;

  if (url == NULL || *url == '\0')
    {
      g_set_error_literal (error, CANDOR_RENDER_ERROR, CANDOR_RENDER_ERROR_NO_URL,
                           _("The disclosure has no web address, so there is no QR code. Add "
                             "the address of the disclosure page on the product page."));
      return FALSE;
    }
  for (const char *p = url; *p != '\0'; p++)
    if ((guchar) *p <= ' ' || *p == 0x7f)
      {
        g_set_error_literal (error, CANDOR_RENDER_ERROR, CANDOR_RENDER_ERROR_INVALID_URL,
                             _("The web address contains spaces or control characters. Enter "
                               "a full address like https://example.com/security."));
        return FALSE;
      }
  uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  scheme = uri != NULL ? g_uri_get_scheme (uri) : NULL;
  if (scheme == NULL
      || (g_ascii_strcasecmp (scheme, "https") != 0 && g_ascii_strcasecmp (scheme, "http") != 0)
      || g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0')
    {
      g_set_error (error, CANDOR_RENDER_ERROR, CANDOR_RENDER_ERROR_INVALID_URL,
                   _("“%s” is not a web address. Enter a full address starting with https://, "
                     "like https://example.com/security."),
                   url);
      return FALSE;
    }
  return TRUE;
}

char *
candor_render_document_date (CandorDocument *document)
{
  GDateTime *when = candor_document_get_modified (document);
  g_autoptr(GDateTime) utc = NULL;

  if (when == NULL)
    when = candor_document_get_created (document);
  if (when == NULL)
    return g_strdup ("1970-01-01T00:00:00Z");
  utc = g_date_time_to_utc (when);
  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

char *
candor_render_isolate (const char *text)
{
  if (text == NULL || *text == '\0')
    return g_strdup ("");
  return g_strconcat ("\xe2\x81\xa8", text, "\xe2\x81\xa9", NULL);
}

/* Letters of the right-to-left scripts (Hebrew, Arabic, Syriac, Thaana, N'Ko, Samaritan,
 * Mandaic and their presentation forms; the historic ones past U+10800). */
static gboolean
is_rtl_letter (gunichar c)
{
  return (c >= 0x0590 && c <= 0x08FF) || (c >= 0xFB1D && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFF)
         || (c >= 0x10800 && c <= 0x10FFF) || (c >= 0x1E800 && c <= 0x1EFFF);
}

char *
candor_render_isolate_if_mixed (const char *text, gboolean rtl_context)
{
  if (text == NULL)
    return g_strdup ("");
  if (!rtl_context)
    {
      const char *p;

      for (p = text; *p != '\0' && !is_rtl_letter (g_utf8_get_char (p)); p = g_utf8_next_char (p))
        ;
      if (*p == '\0')
        return g_strdup (text);
    }
  return candor_render_isolate (text);
}
