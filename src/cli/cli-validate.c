/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cli-validate.c: "candor-cli validate DRAFT": check a draft against the file format. */
#include "config.h"

#include <glib/gi18n.h>

#include "candor-format.h"
#include "cli-commands.h"

int
cli_validate (int argc, char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("DRAFT — check a draft against the file format"));
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  const char *path;
  gint64 version = CANDOR_FORMAT_VERSION;

  g_option_context_set_description (context,
    _("Prints one line per problem, each naming the JSON path (e.g. $.elements.A3.end_date) or the line "
      "and column. Exit status: 0 valid, 1 invalid, 2 usage error."));
  if (!cli_parse (context, &argc, &argv))
    return CLI_EXIT_USAGE;
  if (argc != 2)
    return cli_usage_error ("validate", _("expected exactly one DRAFT"));

  path = argv[1];
  file = g_file_new_for_commandline_arg (path);
  bytes = candor_format_read_file (file, NULL, &error);
  if (bytes == NULL)
    {
      g_printerr ("%s: %s\n", path, error->message);
      return CLI_EXIT_FAILED;
    }

  problems = candor_format_check_bytes_version (bytes, &version);
  for (guint i = 0; i < problems->len; i++)
    g_printerr ("%s: %s\n", path, (const char *) problems->pdata[i]);
  if (problems->len > 0)
    return CLI_EXIT_FAILED;

  /* The schema describes the current version; an older draft is valid as Candor reads it. */
  if (version < CANDOR_FORMAT_VERSION)
    g_print (_("%s: valid Candor draft in the older format version %" G_GINT64_FORMAT
               " (read as version %d, which the schema describes; saving it writes version %d)\n"),
             path, version, CANDOR_FORMAT_VERSION, CANDOR_FORMAT_VERSION);
  else
    g_print (_("%s: valid Candor draft\n"), path);
  return CLI_EXIT_OK;
}
