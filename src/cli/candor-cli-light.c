/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-cli-light.c: the candor-cli program users run. It runs the text commands
 * (readability, syllables) itself and hands every other command, --help and --version to
 * candor-cli-full (candor-cli.c), unchanged.
 *
 * Why two programs: the full one links cairo, Pango, GnuTLS, libarchive and their 60 shared
 * libraries, and loading them costs about 25 ms of CPU per process, before main(). The text
 * commands need only GLib and the readability engine, and scripts run them once per text
 * (build-aux/bench-readability.sh measures the whole process against GNU style). */
#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>
#include <unistd.h>

#include "cli-commands.h"

/* The full program: next to this one in the build tree (and in relocated installs), else
 * where it is installed. */
static char *
find_full (void)
{
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);

  if (self != NULL)
    {
      g_autofree char *dir = g_path_get_dirname (self);
      char *sibling = g_build_filename (dir, "candor-cli-full", NULL);
      if (g_file_test (sibling, G_FILE_TEST_IS_EXECUTABLE))
        return sibling;
      g_free (sibling);
    }
  return g_strdup (CANDOR_CLI_FULL);
}

int
main (int argc, char **argv)
{
  g_autofree char *full = NULL;

  if (argc >= 2 && (strcmp (argv[1], "readability") == 0 || strcmp (argv[1], "syllables") == 0))
    {
      setlocale (LC_ALL, "");
      bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      textdomain (GETTEXT_PACKAGE);
      g_set_prgname ("candor-cli");
      if (strcmp (argv[1], "readability") == 0)
        return cli_readability (argc - 1, argv + 1);
      return cli_syllables (argc - 1, argv + 1);
    }

  full = find_full ();
  execv (full, argv);
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_printerr (_("candor-cli: cannot run %s: %s (the installation is incomplete)\n"), full, g_strerror (errno));
  return CLI_EXIT_FAILED;
}
