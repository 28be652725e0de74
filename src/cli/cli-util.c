/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cli-util.c: helpers every candor-cli command shares (both executables, see meson.build). */
#include "config.h"

#include <glib/gi18n.h>

#include "cli-commands.h"

int
cli_usage_error (const char *command, const char *format, ...)
{
  va_list args;
  g_autofree char *message = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_printerr ("candor-cli %s: %s\n", command, message);
  g_printerr (_("Try “candor-cli %s --help”.\n"), command);
  return CLI_EXIT_USAGE;
}

gboolean
cli_parse (GOptionContext *context, int *argc, char ***argv)
{
  g_autoptr(GError) error = NULL;

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      cli_usage_error ((*argv)[0], "%s", error->message);
      return FALSE;
    }
  return TRUE;
}
