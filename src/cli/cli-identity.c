/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cli-identity.c: "candor-cli identity new|list|show|export-cert": the signing identities that
 * candor-cli export --identity and the app sign with. */
#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "candor-format.h"
#include "candor-identity-validity.h"
#include "candor-identity.h"
#include "candor-wording.h"
#include "cli-commands.h"

#define MAX_PASSPHRASE 4096

static void
wipe_free (char *secret)
{
  if (secret == NULL)
    return;
  for (volatile char *p = secret; *p != '\0'; p++)
    *p = '\0';
  g_free (secret);
}

/* The passphrase never comes from argv, where other users could read it. */
static char *
read_passphrase (int fd, const char *env, GError **error)
{
  if (fd >= 0)
    {
      GString *text = g_string_new (NULL);
      char buffer[256];
      ssize_t n;

      while ((n = read (fd, buffer, sizeof buffer)) != 0)
        {
          if (n < 0 && errno == EINTR)
            continue;
          if (n < 0 || text->len + (gsize) n > MAX_PASSPHRASE)
            {
              memset (text->str, 0, text->len);
              g_string_free (text, TRUE);
              g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                           _("Cannot read the passphrase from file descriptor %d"), fd);
              return NULL;
            }
          g_string_append_len (text, buffer, n);
        }
      memset (buffer, 0, sizeof buffer);
      close (fd);
      if (text->len > 0 && text->str[text->len - 1] == '\n')
        g_string_truncate (text, text->len - 1);
      if (text->len > 0 && text->str[text->len - 1] == '\r')
        g_string_truncate (text, text->len - 1);
      return g_string_free (text, FALSE);
    }
  if (env != NULL)
    {
      const char *value = g_getenv (env);
      char *copy;

      if (value == NULL)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                       _("The environment variable %s is not set"), env);
          return NULL;
        }
      copy = g_strdup (value);
      g_unsetenv (env);
      return copy;
    }
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       _("Give the passphrase that encrypts the key with --passphrase-fd or --passphrase-env"));
  return NULL;
}

static char *
format_time (GDateTime *when)
{
  return when != NULL ? g_date_time_format (when, "%Y-%m-%d %H:%M:%S UTC") : g_strdup ("—");
}

static int
identity_new (int argc, char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("NAME — make a signing identity (self-signed)"));
  g_autofree char *dir = NULL;
  g_autofree char *organisation = NULL;
  g_autofree char *email = NULL;
  g_autofree char *draft = NULL;
  g_autofree char *env = NULL;
  int fd = -1;
  int days = 0;
  char *passphrase = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CandorIdentity) identity = NULL;
  g_autofree char *description = NULL;
  guint validity;
  const GOptionEntry entries[] = {
    { "organisation", 0, 0, G_OPTION_ARG_STRING, &organisation,
      N_("The organisation that signs (the certificate's name)"), N_("ORG") },
    { "email", 0, 0, G_OPTION_ARG_STRING, &email, N_("Its contact e-mail address"), N_("EMAIL") },
    { "for", 0, 0, G_OPTION_ARG_FILENAME, &draft,
      N_("Be valid until the end of security updates of DRAFT, and a year more"), N_("DRAFT") },
    { "days", 0, 0, G_OPTION_ARG_INT, &days, N_("Be valid for N days instead"), N_("N") },
    { "dir", 0, 0, G_OPTION_ARG_FILENAME, &dir, N_("The identity store (default: the app's)"), N_("DIR") },
    { "passphrase-fd", 0, 0, G_OPTION_ARG_INT, &fd, N_("Read the passphrase that encrypts the key from file descriptor N"), N_("N") },
    { "passphrase-env", 0, 0, G_OPTION_ARG_STRING, &env, N_("Read it from the environment variable VAR"), N_("VAR") },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_description (context,
    _("Makes an ECDSA P-256 key, encrypted at rest with the passphrase, and a self-signed code "
      "signing certificate. It is valid for three years, or with --for DRAFT until a year after "
      "the end of security updates the draft gives (at least three years), so that every "
      "disclosure for the product can still be signed until support ends. Exit status: 0 made, "
      "1 refused (the message says why), 2 usage error."));
  if (!cli_parse (context, &argc, &argv))
    return CLI_EXIT_USAGE;
  if (argc != 2)
    return cli_usage_error ("identity new", _("expected exactly one NAME"));
  if (organisation == NULL || email == NULL)
    return cli_usage_error ("identity new", _("--organisation and --email are required"));
  if (draft != NULL && days != 0)
    return cli_usage_error ("identity new", _("give --for or --days, not both"));
  if (days < 0 || days > CANDOR_IDENTITY_MAX_VALIDITY_DAYS)
    return cli_usage_error ("identity new", _("--days must be between 1 and %d"), CANDOR_IDENTITY_MAX_VALIDITY_DAYS);

  validity = days > 0 ? (guint) days : CANDOR_IDENTITY_DEFAULT_VALIDITY_DAYS;
  if (draft != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (draft);
      g_autoptr(CandorDocument) document = candor_format_load_file (file, NULL, &error);
      GDate end;

      if (document == NULL)
        {
          g_printerr ("candor-cli identity new: %s\n", error->message);
          return CLI_EXIT_FAILED;
        }
      validity = candor_identity_validity_days_for_document (NULL, document);
      if (!candor_wording_support_end (document, &end))
        g_printerr (_("%s gives no end date for security updates: the identity is valid for %u days.\n"),
                    draft, validity);
    }

  passphrase = read_passphrase (fd, env, &error);
  if (passphrase == NULL)
    {
      g_printerr ("candor-cli identity new: %s\n", error->message);
      return CLI_EXIT_USAGE;
    }
  identity = candor_identity_create (dir, argv[1], organisation, email, NULL, validity, passphrase, &error);
  wipe_free (passphrase);
  if (identity == NULL)
    {
      g_printerr ("candor-cli identity new: %s\n", error->message);
      return CLI_EXIT_FAILED;
    }
  description = candor_certificate_describe (candor_identity_get_certificate (identity));
  g_print (_("Made the identity “%s” in %s:\n%s"), candor_identity_get_name (identity),
           candor_identity_get_path (identity), description);
  return CLI_EXIT_OK;
}

static int
identity_list (int argc, char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("— the stored signing identities"));
  g_autofree char *dir = NULL;
  g_autoptr(GPtrArray) identities = NULL;
  const GOptionEntry entries[] = {
    { "dir", 0, 0, G_OPTION_ARG_FILENAME, &dir, N_("The identity store (default: the app's)"), N_("DIR") },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_description (context, _("One line per identity: its name, who it names and "
                                               "until when it is valid."));
  if (!cli_parse (context, &argc, &argv))
    return CLI_EXIT_USAGE;
  if (argc != 1)
    return cli_usage_error ("identity list", _("expected no arguments"));
  identities = candor_identity_list (dir);
  for (guint i = 0; i < identities->len; i++)
    {
      CandorIdentity *identity = g_ptr_array_index (identities, i);
      CandorCertificate *cert = candor_identity_get_certificate (identity);
      g_autofree char *until = format_time (candor_certificate_get_not_after (cert));

      g_print ("%s\t%s\t%s\n", candor_identity_get_name (identity), candor_certificate_get_subject (cert), until);
    }
  return CLI_EXIT_OK;
}

static int
identity_show_or_export (int argc, char **argv, gboolean export_cert)
{
  g_autoptr(GOptionContext) context =
    g_option_context_new (export_cert ? _("NAME — write an identity's certificate chain (PEM)")
                                      : _("NAME — an identity's certificate"));
  g_autofree char *dir = NULL;
  g_autofree char *output = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CandorIdentity) identity = NULL;
  const GOptionEntry show_entries[] = {
    { "dir", 0, 0, G_OPTION_ARG_FILENAME, &dir, N_("The identity store (default: the app's)"), N_("DIR") },
    { NULL }
  };
  const GOptionEntry export_entries[] = {
    { "dir", 0, 0, G_OPTION_ARG_FILENAME, &dir, N_("The identity store (default: the app's)"), N_("DIR") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write to FILE instead of standard output"), N_("FILE") },
    { NULL }
  };
  const char *command = export_cert ? "identity export-cert" : "identity show";

  g_option_context_add_main_entries (context, export_cert ? export_entries : show_entries, GETTEXT_PACKAGE);
  if (!cli_parse (context, &argc, &argv))
    return CLI_EXIT_USAGE;
  if (argc != 2)
    return cli_usage_error (command, _("expected exactly one NAME"));
  identity = candor_identity_open (dir, argv[1], &error);
  if (identity == NULL)
    {
      g_printerr ("candor-cli %s: %s\n", command, error->message);
      return CLI_EXIT_FAILED;
    }
  if (!export_cert)
    {
      g_autofree char *description = candor_certificate_describe (candor_identity_get_certificate (identity));

      g_print ("%s", description);
      return CLI_EXIT_OK;
    }
  {
    g_autofree char *path = g_build_filename (candor_identity_get_path (identity), CANDOR_IDENTITY_CERT_FILE, NULL);
    g_autofree char *pem = NULL;
    gsize length;

    if (!g_file_get_contents (path, &pem, &length, &error) ||
        (output != NULL && !g_file_set_contents (output, pem, (gssize) length, &error)))
      {
        g_printerr ("candor-cli %s: %s\n", command, error->message);
        return CLI_EXIT_FAILED;
      }
    if (output == NULL)
      fwrite (pem, 1, length, stdout);
  }
  return CLI_EXIT_OK;
}

int
cli_identity (int argc, char **argv)
{
  const char *sub = argc >= 2 ? argv[1] : NULL;

  if (g_strcmp0 (sub, "new") == 0)
    return identity_new (argc - 1, argv + 1);
  if (g_strcmp0 (sub, "list") == 0)
    return identity_list (argc - 1, argv + 1);
  if (g_strcmp0 (sub, "show") == 0)
    return identity_show_or_export (argc - 1, argv + 1, FALSE);
  if (g_strcmp0 (sub, "export-cert") == 0)
    return identity_show_or_export (argc - 1, argv + 1, TRUE);
  if (sub == NULL || g_str_equal (sub, "--help") || g_str_equal (sub, "-h"))
    {
      g_print ("%s\n", _("Usage: candor-cli identity new|list|show|export-cert [OPTIONS…]"));
      return sub == NULL ? CLI_EXIT_USAGE : CLI_EXIT_OK;
    }
  return cli_usage_error ("identity", _("unknown sub-command “%s”: use new, list, show or export-cert"), sub);
}
