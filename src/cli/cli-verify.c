/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cli-verify.c: "candor-cli verify BUNDLE.zip [--ca FILE.pem] [--fingerprint SHA256:…]": check a
 * signed bundle, and optionally who signed it. */
#include "config.h"

#include <glib/gi18n.h>

#include "candor-bundle-verify.h"
#include "cli-commands.h"

static const char *
check_label (CandorFileCheck check)
{
  switch (check)
    {
    case CANDOR_FILE_CHECK_OK:
      return _("OK");
    case CANDOR_FILE_CHECK_CHANGED:
      return _("CHANGED");
    case CANDOR_FILE_CHECK_MISSING:
      return _("MISSING");
    case CANDOR_FILE_CHECK_UNLISTED:
      return _("UNLISTED");
    case CANDOR_FILE_CHECK_NOT_CHECKED:
    default:
      return _("NOT CHECKED");
    }
}

int
cli_verify (int argc, char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("BUNDLE.zip — check a bundle’s files and signature"));
  g_autofree char *ca_path = NULL;
  g_autofree char *pin_text = NULL;
  guint8 pin[32];
  gboolean pinned = FALSE;
  g_autoptr(GFile) bundle = NULL;
  g_autoptr(GFile) ca = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CandorBundleVerification) result = NULL;
  CandorCertificate *signer;
  const GError *failure;
  gboolean pin_matches;
  const GOptionEntry entries[] = {
    { "ca", 0, 0, G_OPTION_ARG_FILENAME, &ca_path,
      N_("Require the signer to chain to a trust anchor in FILE.pem"), N_("FILE.pem") },
    { "fingerprint", 0, 0, G_OPTION_ARG_STRING, &pin_text,
      N_("Require the signer’s certificate to have this SHA-256 fingerprint"), N_("SHA256:HEX") },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_description (context,
    _("Checks, without unpacking anything to disk: the zip is well formed and small enough, its "
      "index agrees exactly with its local headers, every "
      "file is listed in SHA256SUMS with a matching hash and none is unlisted, the CMS signature "
      "verifies over SHA256SUMS with the certificate in signer.pem, which was valid when it "
      "signed, and (with --ca) chains to the trust anchor. Without --ca or --fingerprint the "
      "signer's name is only what the bundle claims: anyone can make a certificate with any "
      "name. --fingerprint pins the signer without a CA: the SHA-256 of the signer "
      "certificate's DER, as `openssl x509 -noout -fingerprint -sha256` prints it (64 hex "
      "digits, with or without colons, either case, optionally after SHA256:). Prints the signer and one line per file; text "
      "from the bundle is printed with control and bidi characters escaped (\\x1b, \\u202e). "
      "Exit status: 0 all checks passed, 1 a check failed (named on stderr), 2 usage error "
      "(including a malformed fingerprint)."));
  if (!cli_parse (context, &argc, &argv))
    return CLI_EXIT_USAGE;
  if (argc != 2)
    return cli_usage_error ("verify", _("expected exactly one BUNDLE.zip"));
  if (pin_text != NULL)
    {
      if (!candor_fingerprint_parse (pin_text, pin, &error))
        return cli_usage_error ("verify", "--fingerprint: %s", error->message);
      pinned = TRUE;
    }

  bundle = g_file_new_for_commandline_arg (argv[1]);
  if (ca_path != NULL)
    ca = g_file_new_for_commandline_arg (ca_path);
  result = candor_bundle_verify_file (bundle, ca, NULL, &error);
  if (result == NULL)
    {
      g_printerr ("candor-cli verify: %s\n", error->message);
      return CLI_EXIT_FAILED;
    }

  signer = candor_bundle_verification_get_signer (result);
  failure = candor_bundle_verification_get_error (result);
  pin_matches = signer != NULL && pinned && candor_certificate_has_fingerprint (signer, pin);
  if (signer != NULL)
    {
      /* Say, on the line of the name, whether anything vouches for it. */
      if (failure == NULL && candor_bundle_verification_get_trusted (result))
        g_print (_("Signer: %s (checked: chains to the trust anchor in %s)\n"),
                 candor_certificate_get_subject (signer), ca_path);
      else if (failure == NULL && pin_matches)
        g_print (_("Signer: %s (checked: its certificate has the fingerprint given with --fingerprint)\n"),
                 candor_certificate_get_subject (signer));
      else if (ca_path == NULL && !pinned)
        g_print (_("Signer: %s (claimed by the bundle, not checked: no --ca or --fingerprint given)\n"),
                 candor_certificate_get_subject (signer));
      else
        g_print (_("Signer: %s (claimed by the bundle, not checked: verification failed)\n"),
                 candor_certificate_get_subject (signer));
      g_print (_("SHA-256 fingerprint: %s\n"), candor_certificate_get_fingerprint (signer));
    }
  if (candor_bundle_verification_get_signing_time (result) != NULL)
    {
      g_autofree char *when = g_date_time_format (candor_bundle_verification_get_signing_time (result),
                                                  "%Y-%m-%d %H:%M:%S UTC");
      g_print (_("Signed: %s\n"), when);
    }
  for (guint i = 0; i < candor_bundle_verification_get_n_files (result); i++)
    g_print ("%-11s %s\n", check_label (candor_bundle_verification_get_file_check (result, i)),
             candor_bundle_verification_get_file_name (result, i));

  if (failure != NULL)
    {
      g_printerr (_("candor-cli verify: FAILED: %s\n"), failure->message);
      return CLI_EXIT_FAILED;
    }
  if (pinned && !pin_matches)
    {
      g_printerr (_("candor-cli verify: FAILED: %s: the signer’s certificate does not have the "
                    "fingerprint given with --fingerprint (it has %s)\n"),
                  "signer.pem", signer != NULL ? candor_certificate_get_fingerprint (signer) : "?");
      return CLI_EXIT_FAILED;
    }
  if (candor_bundle_verification_get_trusted (result))
    g_print (_("Trust: the signer chains to %s\n"), ca_path);
  else if (!pinned)
    g_print (_("Trust: not checked (give --ca FILE.pem or --fingerprint SHA256:… to check the signer)\n"));
  if (pinned)
    g_print (_("Pinned: the signer’s certificate has the fingerprint given with --fingerprint\n"));
  g_print (_("Verified: every file and the signature check out.\n"));
  return CLI_EXIT_OK;
}
