/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cli-commands.h: the sub-commands of candor-cli, one file each. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Exit statuses (DESIGN §8). */
#define CLI_EXIT_OK      0
#define CLI_EXIT_FAILED  1  /* invalid input or failed check */
#define CLI_EXIT_USAGE   2

/* Each command gets argv with argv[0] = the command name ("validate"), and returns an exit
 * status. Messages go to stderr, results to stdout. */
int cli_validate     (int argc, char **argv);
int cli_check        (int argc, char **argv);
int cli_readability  (int argc, char **argv);
int cli_syllables    (int argc, char **argv);
int cli_render       (int argc, char **argv);
int cli_export       (int argc, char **argv);
int cli_verify       (int argc, char **argv);
int cli_review       (int argc, char **argv);
int cli_identity     (int argc, char **argv);

/* Shared helpers (candor-cli.c). */
int  cli_usage_error (const char *command, const char *format, ...) G_GNUC_PRINTF (2, 3);
/* Parses options with GOptionContext; on failure prints the error and returns FALSE. */
gboolean cli_parse   (GOptionContext *context, int *argc, char ***argv);

G_END_DECLS
