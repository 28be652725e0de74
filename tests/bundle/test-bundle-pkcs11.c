/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-bundle-pkcs11.c: signing with keys on a PKCS #11 token (SoftHSM2): an imported key, a
 * key generated on the token with its certificate stored there, wrong PINs, and the
 * command line; every bundle is checked with openssl. */
#include <gnutls/x509.h>
#include <glib/gstdio.h>
#include <string.h>

#include "bundle-test-util.h"
#include "candor-format.h"

#define PIN "246810"
#define TOKEN "candor-test"

static char *token_dir;

static gboolean
have_softhsm (void)
{
  g_autofree char *util = g_find_program_in_path ("softhsm2-util");
  g_autofree char *p11tool = g_find_program_in_path ("p11tool");

  return util != NULL && p11tool != NULL;
}

/* A private SoftHSM2 configuration and token, set up before GnuTLS loads PKCS #11 modules. */
static void
setup_token (void)
{
  g_autofree char *conf = g_build_filename (token_dir, "softhsm2.conf", NULL);
  g_autofree char *tokens = g_build_filename (token_dir, "tokens", NULL);
  g_autofree char *text = g_strdup_printf ("directories.tokendir = %s\nobjectstore.backend = file\nlog.level = ERROR\n", tokens);
  const char *init[] = { "softhsm2-util", "--init-token", "--free", "--label", TOKEN,
                         "--pin", PIN, "--so-pin", "13579", NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (g_mkdir_with_parents (tokens, 0700), ==, 0);
  g_assert_true (g_file_set_contents (conf, text, -1, NULL));
  g_setenv ("SOFTHSM2_CONF", conf, TRUE);
  if (test_run (init, NULL, &out, &err) != 0)
    g_error ("softhsm2-util --init-token: %s%s", out, err);
}

static GBytes *
plain_key_of (CandorIdentity *identity)
{
  g_autofree char *path = g_build_filename (candor_identity_get_path (identity), CANDOR_IDENTITY_KEY_FILE, NULL);
  g_autofree char *pem = NULL;
  gsize length;
  gnutls_x509_privkey_t key;
  gnutls_datum_t in, out = { NULL, 0 };
  GBytes *result;

  g_assert_true (g_file_get_contents (path, &pem, &length, NULL));
  in.data = (unsigned char *) pem;
  in.size = length;
  gnutls_x509_privkey_init (&key);
  g_assert_cmpint (gnutls_x509_privkey_import2 (key, &in, GNUTLS_X509_FMT_PEM, TEST_PASSPHRASE, 0), ==, 0);
  g_assert_cmpint (gnutls_x509_privkey_export2_pkcs8 (key, GNUTLS_X509_FMT_PEM, NULL, GNUTLS_PKCS_PLAIN, &out), ==, 0);
  result = g_bytes_new (out.data, out.size);
  gnutls_free (out.data);
  gnutls_x509_privkey_deinit (key);
  return result;
}

static void
check_bundle (CandorSigner *signer)
{
  g_autoptr(GBytes) zip = test_sample_bundle (signer);
  g_autoptr(CandorBundleVerification) result = candor_bundle_verify (zip, NULL, NULL);

  g_assert_true (candor_bundle_verification_get_passed (result));
  test_assert_interop (zip);
}

static void
test_pkcs11_imported_key (void)
{
  g_autofree char *dir = g_build_filename (token_dir, "ids", NULL);
  g_autoptr(CandorIdentity) identity = test_identity_new (dir, "hsm", NULL, 365);
  g_autoptr(GBytes) key = plain_key_of (identity);
  g_autofree char *key_path = g_build_filename (token_dir, "plain-key.pem", NULL);
  g_autofree char *cert_path = g_build_filename (candor_identity_get_path (identity), CANDOR_IDENTITY_CERT_FILE, NULL);
  const char *import[] = { "softhsm2-util", "--import", key_path, "--token", TOKEN, "--label", "signer",
                           "--id", "01", "--pin", PIN, NULL };
  const char *uri = "pkcs11:token=" TOKEN ";object=signer;type=private";
  g_autofree char *chain = NULL;
  g_autoptr(GBytes) chain_bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CandorSigner) signer = NULL;
  g_autofree char *out = NULL, *err = NULL;

  g_assert_true (g_file_set_contents (key_path, g_bytes_get_data (key, NULL), g_bytes_get_size (key), NULL));
  if (test_run (import, NULL, &out, &err) != 0)
    g_error ("softhsm2-util --import: %s%s", out, err);
  g_unlink (key_path);
  g_assert_true (g_file_get_contents (cert_path, &chain, NULL, NULL));
  chain_bytes = g_bytes_new (chain, strlen (chain));

  /* a wrong PIN is reported as such, and not retried */
  g_assert_null (candor_signer_new_from_pkcs11 (uri, "000000", chain_bytes, &error));
  g_assert_error (error, CANDOR_BUNDLE_ERROR, CANDOR_BUNDLE_ERROR_PASSPHRASE);
  g_clear_error (&error);
  /* not a URI */
  g_assert_null (candor_signer_new_from_pkcs11 ("token=x", PIN, chain_bytes, &error));
  g_assert_error (error, CANDOR_BUNDLE_ERROR, CANDOR_BUNDLE_ERROR_IDENTITY);
  g_clear_error (&error);

  signer = candor_signer_new_from_pkcs11 (uri, PIN, chain_bytes, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (candor_certificate_get_fingerprint (candor_signer_get_certificate (signer)), ==,
                   candor_certificate_get_fingerprint (candor_identity_get_certificate (identity)));
  check_bundle (signer);
}

/* A key generated on the token, its certificate made by certtool with that key and stored on
 * the token too: the signer finds the certificate by itself. */
static void
test_pkcs11_generated_key (void)
{
  g_autofree char *template = g_build_filename (token_dir, "cert.cfg", NULL);
  g_autofree char *cert_path = g_build_filename (token_dir, "token-cert.pem", NULL);
  const char *key_uri = "pkcs11:token=" TOKEN ";object=generated;type=private";
  const char *generate[] = { "p11tool", "--generate-privkey=ecdsa", "--curve=secp256r1", "--label=generated",
                             "--id=02", "--login", "--set-pin=" PIN, "pkcs11:token=" TOKEN, NULL };
  const char *certtool[] = { "certtool", "--generate-self-signed", "--load-privkey", key_uri,
                             "--template", template, "--outfile", cert_path, NULL };
  const char *store[] = { "p11tool", "--write", "--load-certificate", cert_path, "--label=generated",
                          "--id=02", "--login", "--set-pin=" PIN, "pkcs11:token=" TOKEN, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(CandorSigner) signer = NULL;
  g_autofree char *out = NULL, *err = NULL;

  g_assert_true (g_file_set_contents (template,
                                      "organization = \"Token Org\"\ncn = \"Token Org\"\nexpiration_days = 30\n"
                                      "signing_key\ncode_signing_key\n", -1, NULL));
  if (test_run (generate, NULL, &out, &err) != 0)
    g_error ("p11tool --generate-privkey: %s%s", out, err);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_setenv ("GNUTLS_PIN", PIN, TRUE);
  if (test_run (certtool, NULL, &out, &err) != 0)
    g_error ("certtool: %s%s", out, err);
  g_unsetenv ("GNUTLS_PIN");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  if (test_run (store, NULL, &out, &err) != 0)
    g_error ("p11tool --write: %s%s", out, err);

  signer = candor_signer_new_from_pkcs11 (key_uri, PIN, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (candor_certificate_get_subject (candor_signer_get_certificate (signer)), "Token Org"));
  check_bundle (signer);
}

/* candor-cli export --pkcs11, the PIN from a file descriptor. */
static void
test_pkcs11_cli (void)
{
  g_autofree char *cli = test_cli_path ();
  g_autofree char *example = test_source_path ("data/examples/smart-camera.candor");
  g_autofree char *draft = g_build_filename (token_dir, "approved.candor", NULL);
  g_autofree char *zip = g_build_filename (token_dir, "cli.zip", NULL);
  const char *uri = "pkcs11:token=" TOKEN ";object=generated;type=private";
  g_autofree char *pin_path = g_build_filename (token_dir, "pin", NULL);
  g_autofree char *command = NULL;
  g_autofree char *out = NULL, *err = NULL;
  const char *verify[] = { cli, "verify", zip, NULL };

  g_assert_true (g_file_set_contents (pin_path, PIN "\n", -1, NULL));
  /* a signed export needs every element approved */
  {
    g_autoptr(GFile) source = g_file_new_for_path (example);
    g_autoptr(GFile) target = g_file_new_for_path (draft);
    g_autoptr(GError) error = NULL;
    g_autoptr(CandorDocument) document = candor_format_load_file (source, NULL, &error);

    g_assert_no_error (error);
    test_approve_all (document);
    g_assert_true (candor_format_save_file (document, target, NULL, &error));
    g_assert_no_error (error);
  }
  command = g_strdup_printf ("'%s' export '%s' -o '%s' --pkcs11 '%s' --passphrase-fd 3 --format svg 3<'%s'",
                             cli, draft, zip, uri, pin_path);
  {
    const char *argv[] = { "/bin/sh", "-c", command, NULL };
    int status = test_run (argv, NULL, &out, &err);

    if (status != 0)
      g_error ("export --pkcs11: %s%s", out, err);
  }
  g_assert_nonnull (strstr (err, "Token Org"));
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (test_run (verify, NULL, &out, NULL), ==, 0);
  {
    g_autoptr(GMappedFile) mapped = g_mapped_file_new (zip, FALSE, NULL);
    g_autoptr(GBytes) bytes = g_mapped_file_get_bytes (mapped);
    test_assert_interop (bytes);
  }
}

int
main (int argc, char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);

  if (!have_softhsm ())
    {
      g_test_skip ("softhsm2-util or p11tool not installed");
      return g_test_run ();
    }
  token_dir = test_tmpdir_new ();
  setup_token ();

  /* in order: the CLI test uses the key generated before it */
  g_test_add_func ("/candor/bundle/pkcs11/imported-key", test_pkcs11_imported_key);
  g_test_add_func ("/candor/bundle/pkcs11/generated-key", test_pkcs11_generated_key);
  g_test_add_func ("/candor/bundle/pkcs11/cli", test_pkcs11_cli);

  status = g_test_run ();
  test_tmpdir_free (token_dir);
  return status;
}
