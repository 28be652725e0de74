/* SPDX-License-Identifier: GPL-3.0-or-later */
/* make-identity.c: test helper (not installed) that creates a signing identity for scripts:
 *   make-identity [--dir DIR] NAME ORGANISATION EMAIL DAYS
 * The passphrase comes from the environment variable CANDOR_PASSPHRASE, never an argument.
 * Prints the certificate summary; exit 0 on success, 1 on error, 2 on usage error. */
#include <locale.h>
#include <stdlib.h>

#include "candor-bundle.h"

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CandorIdentity) identity = NULL;
  g_autofree char *about = NULL;
  const char *dir = NULL;
  const char *passphrase = g_getenv ("CANDOR_PASSPHRASE");
  int first = 1;

  setlocale (LC_ALL, "");
  if (argc > 2 && g_str_equal (argv[1], "--dir"))
    {
      dir = argv[2];
      first = 3;
    }
  if (argc - first != 4 || passphrase == NULL)
    {
      g_printerr ("usage: CANDOR_PASSPHRASE=… make-identity [--dir DIR] NAME ORGANISATION EMAIL DAYS\n");
      return 2;
    }
  identity = candor_identity_create (dir, argv[first], argv[first + 1], argv[first + 2], NULL,
                                     (guint) strtoul (argv[first + 3], NULL, 10), passphrase, &error);
  if (identity == NULL)
    {
      g_printerr ("make-identity: %s\n", error->message);
      return 1;
    }
  about = candor_certificate_describe (candor_identity_get_certificate (identity));
  g_print ("%s\n%s", candor_identity_get_path (identity), about);
  return 0;
}
