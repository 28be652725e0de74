/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-web-page.c: the web page: structure, escaping, reproducibility, and (with Node and
 * Chromium) html-validate and axe-core. */
#include <glib/gstdio.h>
#include <string.h>

#include "candor-web-page.h"
#include "candor-wording.h"
#include "render-test-util.h"

static char *
generate (const char *draft)
{
  g_autoptr(CandorDocument) document = render_test_load (draft);

  return candor_web_page_generate (document);
}

static guint
count (const char *haystack, const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

static void
test_structure (void)
{
  g_autoptr(CandorDocument) document = render_test_load ("smart-camera.candor");
  g_autofree char *html = candor_web_page_generate (document);

  g_assert_true (g_str_has_prefix (html, "<!DOCTYPE html>\n<html lang=\"en\" dir=\"ltr\">"));
  g_assert_nonnull (strstr (html, "<title>Security updates: Lumen Cam 2</title>"));
  /* One heading per element, in plain words, plus the summary. */
  for (guint i = 0; i < CANDOR_N_ELEMENTS; i++)
    {
      g_autofree char *heading = g_strdup_printf ("-title\">%s</h2>", candor_element_id_get_title (i));
      g_autofree char *web = g_markup_escape_text (candor_element_get_text (candor_document_get_element (document, i), CANDOR_TEXT_WEB), -1);

      g_assert_nonnull (strstr (html, heading));
      /* The web text itself (its first sentence, before any date markup). */
      web[20] = '\0';
      g_assert_nonnull (strstr (html, web));
    }
  g_assert_cmpuint (count (html, "<h1"), ==, 1);
  /* Dates marked up, in the answers and in the texts. */
  g_assert_nonnull (strstr (html, "<time datetime=\"2030-12-31\">31 December 2030</time>"));
  g_assert_nonnull (strstr (html, "<time datetime=\"2026-11-20\">"));
  /* The machine-readable form and how to check the files. */
  g_assert_nonnull (strstr (html, "<a href=\"disclosure.json\">"));
  g_assert_nonnull (strstr (html, "sha256sum -c SHA256SUMS"));
  g_assert_nonnull (strstr (html, "openssl cms -verify -binary -inform DER -in SHA256SUMS.p7s -content SHA256SUMS -CAfile"));
  /* Self-contained: styles inline, dark mode and print, no scripts, nothing fetched. */
  g_assert_nonnull (strstr (html, "prefers-color-scheme: dark"));
  g_assert_nonnull (strstr (html, "@media print"));
  g_assert_null (strstr (html, "<script"));
  g_assert_null (strstr (html, "<link"));
  g_assert_null (strstr (html, "src="));
  g_assert_null (strstr (html, "url("));
  g_assert_null (strstr (html, "@import"));
  g_assert_nonnull (strstr (html, "default-src 'none'"));

  /* Language and direction follow the product. */
  candor_document_set_language (document, "he");
  g_free (html);
  html = candor_web_page_generate (document);
  g_assert_true (g_str_has_prefix (html, "<!DOCTYPE html>\n<html lang=\"he\" dir=\"rtl\">"));
}

static void
test_escaping (void)
{
  g_autofree char *html = generate ("stress.candor");
  const char *body = strstr (html, "<body>");

  g_assert_nonnull (body);
  /* Hostile strings from every field appear only as text. */
  g_assert_null (strstr (html, "<script"));
  g_assert_null (strstr (html, "<img"));
  g_assert_null (strstr (html, "<b>"));
  g_assert_null (strstr (body, "<h1>injected"));
  g_assert_cmpuint (count (html, "<h1"), ==, 1);
  g_assert_nonnull (strstr (body, "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"));
  g_assert_nonnull (strstr (body, "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"));
  g_assert_nonnull (strstr (body, "&amp;lt;already escaped&amp;gt;"));
  /* Unicode passes through untouched. */
  g_assert_nonnull (strstr (body, "防犯カメラ كاميرا מצלמה"));
  g_assert_nonnull (strstr (body, "Ünïcødé"));
  /* The review never reaches the page. */
  g_assert_null (strstr (html, "SECRET-REVIEW-COMMENT"));
  g_assert_null (strstr (html, "Mallory"));

  /* Control characters and broken UTF-8 cannot break the markup either. */
  {
    g_autoptr(CandorDocument) document = render_test_load ("smart-camera.candor");
    g_autofree char *out = NULL;

    candor_document_set_product_name (document, "Cam\x01\x1b[31m\t2");
    out = candor_web_page_generate (document);
    g_assert_true (g_utf8_validate (out, -1, NULL));
    g_assert_null (strchr (out, '\x01'));
    g_assert_null (strchr (out, '\x1b'));
  }
}

/* Each text of the user's is isolated from the page's own words: dir="auto" on its element
 * (which isolates it, HTML's rule for dir) for the name, the manufacturer, each model, each
 * answer and paragraph, and U+2068 … U+2069 around the name in <title>, which takes no
 * markup (where directions can mix: a right-to-left name or page; a Latin name on an English
 * page is left as it is). A right-to-left name then cannot reorder "Security updates:" or
 * "Models:". */
static void
test_bidi_isolation (void)
{
  g_autoptr(CandorDocument) document = render_test_load ("smart-camera.candor");
  const char *models[] = { "\xd7\x90-1", "\xd7\x91-2", NULL };
  g_autofree char *html = NULL;

  candor_document_set_product_name (document, "\xd7\x9e\xd7\xa6\xd7\x9c\xd7\x9e\xd7\x94 3");
  candor_document_set_manufacturer (document, "\xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d 7");
  candor_document_set_models (document, models);
  html = candor_web_page_generate (document);

  g_assert_nonnull (strstr (html, "<title>Security updates: \xe2\x81\xa8\xd7\x9e\xd7\xa6\xd7\x9c\xd7\x9e\xd7\x94 3\xe2\x81\xa9</title>"));
  g_assert_nonnull (strstr (html, "<h1 dir=\"auto\">\xd7\x9e\xd7\xa6\xd7\x9c\xd7\x9e\xd7\x94 3</h1>"));
  g_assert_nonnull (strstr (html, "Manufacturer: <span dir=\"auto\">\xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d 7</span>"));
  g_assert_nonnull (strstr (html, "Models: <span class=\"model\" dir=\"auto\">\xd7\x90-1</span>, "
                                  "<span class=\"model\" dir=\"auto\">\xd7\x91-2</span>"));
  g_assert_cmpuint (count (html, "<dd dir=\"auto\">"), ==, CANDOR_N_ELEMENTS);
  g_assert_cmpuint (count (html, "<p dir=\"auto\">"), >=, 6);

  /* a Latin name in an Arabic page is isolated too */
  g_clear_pointer (&html, g_free);
  candor_document_set_product_name (document, "Lumen Cam 2");
  candor_document_set_language (document, "ar");
  html = candor_web_page_generate (document);
  g_assert_nonnull (strstr (html, "\xe2\x81\xa8Lumen Cam 2\xe2\x81\xa9</title>"));
}

static void
test_reproducible (void)
{
  g_autofree char *a = generate ("stress.candor");
  g_autofree char *b = generate ("stress.candor");

  g_assert_cmpstr (a, ==, b);
}

static void
test_validators (void)
{
  const char *node = g_getenv ("CANDOR_NODE");
  const char *drafts[] = { "smart-camera.candor", "stress.candor", "rtl-arabic.candor",
                           "cjk-japanese.candor" };
  g_autofree char *script = g_build_filename (g_getenv ("CANDOR_SOURCE_ROOT"), "tests", "render",
                                              "check-web.mjs", NULL);
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *out = NULL;
  int status;

  if (node == NULL || *node == '\0' || !g_file_test ("/usr/bin/chromium", G_FILE_TEST_EXISTS))
    {
      g_test_skip ("needs Node.js and /usr/bin/chromium");
      return;
    }
  g_ptr_array_add (argv, g_strdup (node));
  g_ptr_array_add (argv, g_strdup (script));
  for (guint i = 0; i < G_N_ELEMENTS (drafts); i++)
    {
      g_autoptr(CandorDocument) document = render_test_load (drafts[i]);
      g_autoptr(GBytes) html = candor_web_page_generate_bytes (document);

      g_ptr_array_add (argv, render_test_write_temp (html, ".html"));
    }
  g_ptr_array_add (argv, NULL);
  status = render_test_run ((const char * const *) argv->pdata, &out);
  g_test_message ("%s", out);
  for (guint i = 2; i < argv->len - 1; i++)
    g_unlink (g_ptr_array_index (argv, i));
  g_assert_cmpint (status, ==, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/candor/render/web/structure", test_structure);
  g_test_add_func ("/candor/render/web/escaping", test_escaping);
  g_test_add_func ("/candor/render/web/bidi-isolation", test_bidi_isolation);
  g_test_add_func ("/candor/render/web/reproducible", test_reproducible);
  g_test_add_func ("/candor/render/web/validators", test_validators);
  return g_test_run ();
}
