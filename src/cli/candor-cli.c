/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-cli.c: entry point of candor-cli; dispatches to one file per sub-command. */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "candor-text-safe.h"
#include "cli-commands.h"

typedef struct
{
  const char *name;
  int (*run) (int argc, char **argv);
  const char *synopsis;
} CliCommand;

static const CliCommand commands[] = {
  { "validate", cli_validate, N_("validate DRAFT                 check a draft against the format") },
  { "check", cli_check, N_("check [--json] DRAFT           readability and completeness per element") },
  { "readability", cli_readability, N_("readability [--json] < TEXT    metrics and findings for plain text") },
  { "syllables", cli_syllables, N_("syllables < WORDS              one word per line in, WORD<TAB>COUNT out") },
  { "render", cli_render, N_("render DRAFT [--label FILE] [--template T] [--size S] [--web FILE] [--json FILE]") },
  { "export", cli_export, N_("export DRAFT... -o OUT [signing options]   write signed bundles") },
  { "verify", cli_verify, N_("verify BUNDLE.zip [--ca FILE.pem] [--fingerprint SHA256:HEX]   check a bundle's files and signature") },
  { "review", cli_review, N_("review list|comment|approve|… DRAFT …   comments, statuses and approvals (see “review --help”)") },
  { "identity", cli_identity, N_("identity new|list|show|export-cert ...   signing identities") },
};

/* Everything candor-cli prints through g_print() and g_printerr() may quote a file
 * (certificate subjects, zip entry names, draft text in messages): one filter on the way
 * out escapes control and bidi characters and invalid UTF-8, so that no file can drive the
 * terminal, whichever message it reaches. */
static void
print_safe (FILE *stream, const char *string)
{
  g_autofree char *safe = candor_text_safe (string, -1, CANDOR_TEXT_SAFE_KEEP_NEWLINES);
  const char *charset;

  if (!g_get_charset (&charset))
    {
      g_autofree char *converted = g_convert_with_fallback (safe, -1, charset, "UTF-8", "?",
                                                            NULL, NULL, NULL);
      if (converted != NULL)
        {
          fputs (converted, stream);
          fflush (stream);
          return;
        }
    }
  fputs (safe, stream);
  fflush (stream);
}

static void
print_stdout (const char *string)
{
  print_safe (stdout, string);
}

static void
print_stderr (const char *string)
{
  print_safe (stderr, string);
}

static void
print_help (FILE *out)
{
  fprintf (out, "%s\n\n", _("Usage: candor-cli COMMAND [OPTIONS…]"));
  fprintf (out, "%s\n", _("Security update disclosures for connected devices."));
  fprintf (out, "\n%s\n", _("Commands:"));
  for (gsize i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (out, "  %s\n", _(commands[i].synopsis));
  fprintf (out, "\n%s\n", _("Run “candor-cli COMMAND --help” for a command’s options."));
  fprintf (out, "%s\n", _("Exit status: 0 success, 1 invalid input or failed check, 2 usage error."));
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_set_prgname ("candor-cli");
  g_set_print_handler (print_stdout);
  g_set_printerr_handler (print_stderr);

  if (argc < 2)
    {
      print_help (stderr);
      return CLI_EXIT_USAGE;
    }

  if (strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0 || strcmp (argv[1], "help") == 0)
    {
      print_help (stdout);
      return CLI_EXIT_OK;
    }
  if (strcmp (argv[1], "--version") == 0)
    {
      printf ("candor-cli %s\n", PACKAGE_VERSION);
      return CLI_EXIT_OK;
    }

  for (gsize i = 0; i < G_N_ELEMENTS (commands); i++)
    if (strcmp (argv[1], commands[i].name) == 0)
      return commands[i].run (argc - 1, argv + 1);

  g_printerr (_("candor-cli: unknown command “%s”\n"), argv[1]);
  print_help (stderr);
  return CLI_EXIT_USAGE;
}
