/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cli-review.c: placeholder; this command lands with its issue. */
#include "cli-commands.h"

int
cli_review (int argc, char **argv)
{
  g_printerr ("candor-cli %s: not available in this build yet\n", argv[0]);
  return CLI_EXIT_USAGE;
}
