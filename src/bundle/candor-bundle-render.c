/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-bundle-render.c: runs the label, web page and disclosure.json renderers for a bundle. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "candor-bundle-error.h"
#include "candor-bundle-file.h"
#include "candor-bundle-render.h"
#include "candor-label.h"
#include "candor-published.h"
#include "candor-web-page.h"

static const char * const all_formats[] = { "pdf", "svg", "png", NULL };

static gboolean
seen_before (const char * const *list, guint index)
{
  for (guint i = 0; i < index; i++)
    if (g_str_equal (list[i], list[index]))
      return TRUE;
  return FALSE;
}

GPtrArray *
candor_bundle_render_files (CandorDocument      *document,
                            const char * const  *templates,
                            const char * const  *formats,
                            GPtrArray           *problems,
                            GError             **error)
{
  g_autoptr(GPtrArray) files = candor_bundle_file_list_new ();
  g_autoptr(GBytes) json = NULL;
  g_autoptr(GBytes) html = NULL;
  CandorLabelFormat parsed[G_N_ELEMENTS (all_formats)];
  guint n_formats = 0;

  g_return_val_if_fail (CANDOR_IS_DOCUMENT (document), NULL);

  if (templates == NULL)
    templates = candor_label_template_list_ids ();
  if (formats == NULL)
    formats = all_formats;
  for (guint i = 0; formats[i] != NULL; i++)
    {
      g_autofree char *probe = g_strconcat ("label.", formats[i], NULL);
      CandorLabelFormat format;
      gboolean seen = FALSE;

      if (!candor_label_format_from_filename (probe, &format, NULL))
        {
          g_set_error (error, CANDOR_BUNDLE_ERROR, CANDOR_BUNDLE_ERROR_FAILED,
                       _("Unknown label format “%s”: use pdf, svg or png"), formats[i]);
          return NULL;
        }
      for (guint j = 0; j < n_formats; j++)
        seen |= parsed[j] == format;
      if (!seen && n_formats < G_N_ELEMENTS (parsed))
        parsed[n_formats++] = format;
    }

  json = candor_published_serialize (document);
  g_ptr_array_add (files, candor_bundle_file_new (CANDOR_WEB_PAGE_JSON_NAME, json));
  html = candor_web_page_generate_bytes (document);
  g_ptr_array_add (files, candor_bundle_file_new ("index.html", html));

  for (guint i = 0; templates[i] != NULL; i++)
    {
      g_autoptr(CandorLabel) label = NULL;
      GPtrArray *label_problems;

      if (seen_before (templates, i))
        continue;
      label = candor_label_new (document, templates[i], NULL, error);
      if (label == NULL)
        return NULL;
      label_problems = candor_label_get_problems (label);
      for (guint j = 0; problems != NULL && j < label_problems->len; j++)
        {
          CandorLabelProblem *problem = g_ptr_array_index (label_problems, j);
          g_ptr_array_add (problems, g_strdup_printf (_("Label “%s”: %s"), templates[i], problem->message));
        }
      for (guint j = 0; j < n_formats; j++)
        {
          g_autofree char *name = g_strdup_printf ("label-%s.%s", templates[i],
                                                   candor_label_format_to_extension (parsed[j]));
          g_autoptr(GBytes) bytes = NULL;

          if (candor_bundle_file_list_find (files, name) != NULL)
            continue;
          bytes = candor_label_render (label, parsed[j], error);
          if (bytes == NULL)
            return NULL;
          g_ptr_array_add (files, candor_bundle_file_new (name, bytes));
        }
    }
  return g_steal_pointer (&files);
}
