/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cli-readability.c: placeholder; this command lands with its issue. */
#include "cli-commands.h"

int
cli_readability (int argc, char **argv)
{
  g_printerr ("candor-cli %s: not available in this build yet\n", argv[0]);
  return CLI_EXIT_USAGE;
}

int
cli_syllables (int argc, char **argv)
{
  g_printerr ("candor-cli %s: not available in this build yet\n", argv[0]);
  return CLI_EXIT_USAGE;
}
