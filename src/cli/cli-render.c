/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cli-render.c: "candor-cli render DRAFT": write the label, the web page and disclosure.json. */
#include "config.h"

#include <glib/gi18n.h>

#include "candor-format.h"
#include "candor-label.h"
#include "candor-published.h"
#include "candor-render-error.h"
#include "candor-web-page.h"
#include "candor-wording.h"
#include "cli-commands.h"

static gboolean
write_bytes (const char *path, GBytes *bytes, GError **error)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);

  return candor_format_write_atomically (file, bytes, NULL, error);
}

static int
render_label (CandorDocument *document, const char *path, const char *template_id,
              const char *size_id)
{
  g_autoptr(CandorLabel) label = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  CandorLabelFormat format;
  GPtrArray *problems;

  if (!candor_label_format_from_filename (path, &format, &error))
    return cli_usage_error ("render", "%s", error->message);
  label = candor_label_new (document, template_id, size_id, &error);
  if (label == NULL)
    return cli_usage_error ("render", "%s", error->message);

  /* Every problem, not just the first: a script run should show all there is to fix. */
  problems = candor_label_get_problems (label);
  for (guint i = 0; i < problems->len; i++)
    {
      CandorLabelProblem *problem = g_ptr_array_index (problems, i);

      g_printerr ("%s: %s\n", path, problem->message);
    }
  if (problems->len > 0)
    return CLI_EXIT_FAILED;

  bytes = candor_label_render (label, format, &error);
  if (bytes == NULL || !write_bytes (path, bytes, &error))
    {
      g_printerr ("%s: %s\n", path, error->message);
      return CLI_EXIT_FAILED;
    }
  return CLI_EXIT_OK;
}

int
cli_render (int argc, char **argv)
{
  g_autofree char *label_path = NULL;
  g_autofree char *template_id = NULL;
  g_autofree char *size_id = NULL;
  g_autofree char *web_path = NULL;
  g_autofree char *json_path = NULL;
  const GOptionEntry entries[] = {
    { "label", 0, 0, G_OPTION_ARG_FILENAME, &label_path,
      N_("Write the packaging label (.pdf, .svg or .png at 300 dpi)"), N_("FILE") },
    { "template", 0, 0, G_OPTION_ARG_STRING, &template_id,
      N_("Label template: compact (A.1–A.3) or full (all six); default compact"), N_("T") },
    { "size", 0, 0, G_OPTION_ARG_STRING, &size_id,
      N_("Label size: compact has small (50×70 mm) and medium (60×90 mm), full has medium "
         "(80×120 mm) and large (100×150 mm); default the template’s first"), N_("S") },
    { "web", 0, 0, G_OPTION_ARG_FILENAME, &web_path, N_("Write the web page (HTML)"), N_("FILE") },
    { "json", 0, 0, G_OPTION_ARG_FILENAME, &json_path,
      N_("Write the published disclosure.json"), N_("FILE") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("DRAFT — write the label, web page and disclosure.json"));
  g_autoptr(GFile) file = NULL;
  g_autoptr(CandorDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  int status = CLI_EXIT_OK;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_description (context,
    _("Nothing is written for a label with problems (a text too long for the label, a missing or "
      "invalid web address): each is printed instead. Exit status: 0 success, 1 invalid draft or a "
      "problem, 2 usage error."));
  if (!cli_parse (context, &argc, &argv))
    return CLI_EXIT_USAGE;
  if (argc != 2)
    return cli_usage_error ("render", _("expected exactly one DRAFT"));
  if (label_path == NULL && web_path == NULL && json_path == NULL)
    return cli_usage_error ("render", _("nothing to write: give --label, --web or --json"));
  if ((template_id != NULL || size_id != NULL) && label_path == NULL)
    return cli_usage_error ("render", _("--template and --size need --label"));

  file = g_file_new_for_commandline_arg (argv[1]);
  document = candor_format_load_file (file, NULL, &error);
  if (document == NULL)
    {
      g_printerr ("%s: %s\n", argv[1], error->message);
      return CLI_EXIT_FAILED;
    }
  /* Generated texts follow the answers as they are now, not as they were when saved. */
  candor_wording_refresh_generated (document);

  if (label_path != NULL)
    {
      status = render_label (document, label_path, template_id != NULL ? template_id : "compact",
                             size_id);
      if (status == CLI_EXIT_USAGE)
        return status;
    }
  if (web_path != NULL)
    {
      g_autoptr(GBytes) html = candor_web_page_generate_bytes (document);

      if (!write_bytes (web_path, html, &error))
        {
          g_printerr ("%s: %s\n", web_path, error->message);
          g_clear_error (&error);
          status = CLI_EXIT_FAILED;
        }
    }
  if (json_path != NULL)
    {
      g_autoptr(GBytes) json = candor_published_serialize (document);

      if (!write_bytes (json_path, json, &error))
        {
          g_printerr ("%s: %s\n", json_path, error->message);
          status = CLI_EXIT_FAILED;
        }
    }
  return status;
}
