/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-bundle-signer.c: what verify says about the signer: hostile certificate text is
 * printed escaped, an unchecked signer is called claimed, and --fingerprint pins one. */
#include <gnutls/gnutls.h>
#include <gnutls/x509.h>
#include <string.h>

#include "bundle-test-util.h"

/* ESC [2J (clear screen), BEL, CR, a right-to-left override and two bytes that are not UTF-8 */
static const char evil_name[] = "Evil\x1b[2J\x07\rSigner: Lumen Devices Ltd \xe2\x80\xae" "dtL\xff\xc3";
static const char evil_escaped[] = "Evil\\x1b[2J\\x07\\x0dSigner: Lumen Devices Ltd \\u202edtL\\xff\\xc3";

typedef struct
{
  char *dir;
  char *cli;
} Fixture;

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  f->dir = test_tmpdir_new ();
  f->cli = test_cli_path ();
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  g_free (f->cli);
  test_tmpdir_free (f->dir);
}

static int
cli (Fixture *f, char **out, char **err, ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  va_list args;
  const char *arg;

  g_ptr_array_add (argv, f->cli);
  va_start (args, err);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  return test_run ((const char * const *) argv->pdata, f->dir, out, err);
}

static GBytes *
datum_to_bytes (gnutls_datum_t *datum)
{
  GBytes *bytes = g_bytes_new (datum->data, datum->size);

  gnutls_free (datum->data);
  return bytes;
}

/* A signer whose self-signed certificate has @organisation (any bytes) as its O and CN,
 * written as a raw UTF8String so that nothing on the way cleans it. */
static CandorSigner *
signer_with_raw_name (const char *organisation)
{
  gnutls_x509_privkey_t key;
  gnutls_x509_crt_t crt;
  gnutls_datum_t key_pem = { NULL, 0 }, crt_pem = { NULL, 0 };
  g_autoptr(GBytes) key_bytes = NULL;
  g_autoptr(GBytes) crt_bytes = NULL;
  g_autoptr(GError) error = NULL;
  gsize length = strlen (organisation);
  g_autofree guint8 *der = g_malloc (length + 2);
  guint8 serial[8] = { 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x01 };
  time_t now = time (NULL);
  CandorSigner *signer;

  g_assert_cmpuint (length, <, 128);
  der[0] = 0x0c;   /* UTF8String, short length */
  der[1] = (guint8) length;
  memcpy (der + 2, organisation, length);

  g_assert_cmpint (gnutls_x509_privkey_init (&key), ==, 0);
  g_assert_cmpint (gnutls_x509_privkey_generate (key, GNUTLS_PK_ECDSA,
                                                 GNUTLS_CURVE_TO_BITS (GNUTLS_ECC_CURVE_SECP256R1), 0), ==, 0);
  g_assert_cmpint (gnutls_x509_crt_init (&crt), ==, 0);
  g_assert_cmpint (gnutls_x509_crt_set_version (crt, 3), ==, 0);
  g_assert_cmpint (gnutls_x509_crt_set_serial (crt, serial, sizeof serial), ==, 0);
  g_assert_cmpint (gnutls_x509_crt_set_dn_by_oid (crt, GNUTLS_OID_X520_ORGANIZATION_NAME, 1, der, length + 2), ==, 0);
  g_assert_cmpint (gnutls_x509_crt_set_dn_by_oid (crt, GNUTLS_OID_X520_COMMON_NAME, 1, der, length + 2), ==, 0);
  g_assert_cmpint (gnutls_x509_crt_set_issuer_dn_by_oid (crt, GNUTLS_OID_X520_ORGANIZATION_NAME, 1, der, length + 2), ==, 0);
  g_assert_cmpint (gnutls_x509_crt_set_issuer_dn_by_oid (crt, GNUTLS_OID_X520_COMMON_NAME, 1, der, length + 2), ==, 0);
  g_assert_cmpint (gnutls_x509_crt_set_activation_time (crt, now - 3600), ==, 0);
  g_assert_cmpint (gnutls_x509_crt_set_expiration_time (crt, now + 86400 * 30), ==, 0);
  g_assert_cmpint (gnutls_x509_crt_set_key (crt, key), ==, 0);
  g_assert_cmpint (gnutls_x509_crt_set_key_usage (crt, GNUTLS_KEY_DIGITAL_SIGNATURE), ==, 0);
  g_assert_cmpint (gnutls_x509_crt_sign2 (crt, crt, key, GNUTLS_DIG_SHA256, 0), ==, 0);
  g_assert_cmpint (gnutls_x509_privkey_export2_pkcs8 (key, GNUTLS_X509_FMT_PEM, NULL, GNUTLS_PKCS_PLAIN, &key_pem), ==, 0);
  g_assert_cmpint (gnutls_x509_crt_export2 (crt, GNUTLS_X509_FMT_PEM, &crt_pem), ==, 0);
  gnutls_x509_crt_deinit (crt);
  gnutls_x509_privkey_deinit (key);

  key_bytes = datum_to_bytes (&key_pem);
  crt_bytes = datum_to_bytes (&crt_pem);
  signer = candor_signer_new_from_pem (key_bytes, NULL, crt_bytes, &error);
  g_assert_no_error (error);
  return signer;
}

static char *
write_zip (Fixture *f, const char *name, GBytes *zip)
{
  char *path = g_build_filename (f->dir, name, NULL);

  g_assert_true (g_file_set_contents (path, g_bytes_get_data (zip, NULL), g_bytes_get_size (zip), NULL));
  return path;
}

/* Nothing a terminal would act on: valid UTF-8, no C0/C1/DEL but newline, no bidi controls. */
static void
assert_terminal_safe (const char *what, const char *text)
{
  const char *p;

  if (!g_utf8_validate (text, -1, NULL))
    g_error ("%s is not valid UTF-8: %s", what, text);
  for (p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if ((c < 0x20 && c != '\n') || (c >= 0x7f && c <= 0x9f) || c == 0x202e || c == 0x202a ||
          (c >= 0x2066 && c <= 0x2069) || c == 0x200e || c == 0x200f || c == 0x061c)
        g_error ("%s holds U+%04X raw: %s", what, c, text);
    }
}

static void
add_entry (GPtrArray *files, gpointer user_data)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static ("x", 1);

  g_ptr_array_add (files, candor_bundle_file_new (user_data, bytes));
}

static void
change_json (GPtrArray *files, gpointer user_data)
{
  CandorBundleFile *file = candor_bundle_file_list_find (files, "disclosure.json");

  g_bytes_unref (file->bytes);
  file->bytes = g_bytes_new_static ("{}\n", 3);
}

static void
test_escaped_subject (Fixture *f, gconstpointer data)
{
  g_autoptr(CandorSigner) signer = signer_with_raw_name (evil_name);
  g_autoptr(GBytes) zip = test_sample_bundle (signer);
  g_autoptr(GBytes) changed = test_edit_bundle (zip, change_json, NULL);
  g_autoptr(GBytes) control = test_edit_bundle (zip, add_entry, (gpointer) "run\x1b]0;owned\x07.sh");
  g_autoptr(GBytes) bidi = test_edit_bundle (zip, add_entry, (gpointer) "label\xe2\x80\xaegnp.sh");
  g_autofree char *good = write_zip (f, "evil.zip", zip);
  g_autofree char *changed_path = write_zip (f, "evil-changed.zip", changed);
  g_autofree char *control_path = write_zip (f, "evil-control.zip", control);
  g_autofree char *bidi_path = write_zip (f, "evil-bidi.zip", bidi);
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *expected = g_strdup_printf ("Signer: CN=%s", evil_escaped);

  /* the subject really is hostile (GnuTLS hands it over as it is) */
  g_assert_nonnull (strchr (candor_certificate_get_subject (candor_signer_get_certificate (signer)), '\x1b'));

  /* success: the name is escaped, and said to be claimed on its own line */
  g_assert_cmpint (cli (f, &out, &err, "verify", good, NULL), ==, 0);
  assert_terminal_safe ("stdout", out);
  assert_terminal_safe ("stderr", err);
  g_assert_nonnull (strstr (out, expected));
  g_assert_nonnull (strstr (out, "(claimed by the bundle, not checked: no --ca or --fingerprint given)\n"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* failure: the name is escaped just the same */
  g_assert_cmpint (cli (f, &out, &err, "verify", changed_path, NULL), ==, 1);
  assert_terminal_safe ("stdout", out);
  assert_terminal_safe ("stderr", err);
  g_assert_nonnull (strstr (out, expected));
  g_assert_nonnull (strstr (out, "(claimed by the bundle, not checked: no --ca or --fingerprint given)\n"));
  g_assert_nonnull (strstr (err, "FAILED: disclosure.json"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* failure on hostile entry names: whichever check names them, they arrive escaped */
  g_assert_cmpint (cli (f, &out, &err, "verify", control_path, NULL), ==, 1);
  assert_terminal_safe ("stdout", out);
  assert_terminal_safe ("stderr", err);
  g_assert_nonnull (strstr (err, "run\\x1b]0;owned\\x07.sh"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (cli (f, &out, &err, "verify", bidi_path, NULL), ==, 1);
  assert_terminal_safe ("stdout", out);
  assert_terminal_safe ("stderr", err);
  g_assert_nonnull (strstr (err, "label\\u202egnp.sh"));
}

static void
test_escaped_draft_text (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_build_filename (f->dir, "hostile.candor", NULL);
  g_autofree char *out = NULL, *err = NULL;
  int status;

  /* not JSON: whatever part of it the parser's message quotes must reach the terminal escaped */
  g_assert_true (g_file_set_contents (path, "{\"format\": \x1b[2J\x07\xe2\x80\xae\xff}\n", -1, NULL));
  status = cli (f, &out, &err, "validate", path, NULL);
  g_assert_cmpint (status, ==, 1);
  assert_terminal_safe ("stdout", out);
  assert_terminal_safe ("stderr", err);
  g_assert_nonnull (strstr (err, "hostile.candor"));
}

/* openssl's own idea of the certificate's fingerprint. */
static char *
openssl_fingerprint (Fixture *f, CandorSigner *signer)
{
  g_autofree char *pem_path = g_build_filename (f->dir, "signer-cert.pem", NULL);
  GBytes *pem = candor_signer_get_chain_pem (signer);
  const char *argv[] = { "openssl", "x509", "-noout", "-fingerprint", "-sha256", "-in", pem_path, NULL };
  g_autofree char *out = NULL;
  char *eq;

  g_assert_true (g_file_set_contents (pem_path, g_bytes_get_data (pem, NULL), g_bytes_get_size (pem), NULL));
  g_assert_cmpint (test_run (argv, NULL, &out, NULL), ==, 0);
  /* "sha256 Fingerprint=AB:CD:…" (OpenSSL 3) or "SHA256 Fingerprint=…" */
  eq = strchr (out, '=');
  g_assert_nonnull (eq);
  return g_strdup (g_strstrip (eq + 1));
}

static void
test_fingerprint_pin (Fixture *f, gconstpointer data)
{
  g_autoptr(CandorSigner) signer = test_signer_new (f->dir, "pinned");
  g_autoptr(CandorSigner) other = test_signer_new (f->dir, "other");
  g_autoptr(GBytes) zip = test_sample_bundle (signer);
  g_autofree char *path = write_zip (f, "pinned.zip", zip);
  g_autofree char *fp = openssl_fingerprint (f, signer);
  g_autofree char *other_fp = openssl_fingerprint (f, other);
  g_autofree char *pin = g_strconcat ("SHA256:", fp, NULL);
  g_autofree char *lower = g_ascii_strdown (fp, -1);
  g_autoptr(GString) plain = g_string_new (NULL);
  g_autofree char *other_pin = g_strconcat ("SHA256:", other_fp, NULL);
  g_autofree char *out = NULL, *err = NULL;

  for (const char *p = fp; *p != '\0'; p++)
    if (*p != ':')
      g_string_append_c (plain, *p);
  g_assert_cmpuint (plain->len, ==, 64);
  /* Candor's fingerprint is openssl's */
  g_assert_cmpstr (candor_certificate_get_fingerprint (candor_signer_get_certificate (signer)), ==, fp);

  g_assert_cmpint (cli (f, &out, &err, "verify", path, "--fingerprint", pin, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Signer: "));
  g_assert_nonnull (strstr (out, "CN=Example Devices Ltd (checked: its certificate has the fingerprint given with --fingerprint)\n"));
  g_assert_nonnull (strstr (out, "Pinned: "));
  g_assert_null (strstr (out, "claimed"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  /* plain hex, lower case, and openssl's whole line are the same pin */
  g_assert_cmpint (cli (f, NULL, NULL, "verify", path, "--fingerprint", plain->str, NULL), ==, 0);
  g_assert_cmpint (cli (f, NULL, NULL, "verify", path, "--fingerprint", lower, NULL), ==, 0);
  {
    g_autofree char *line = g_strconcat ("sha256 Fingerprint=", lower, NULL);
    g_assert_cmpint (cli (f, NULL, NULL, "verify", path, "--fingerprint", line, NULL), ==, 0);
  }

  /* another signer's fingerprint: the bundle verifies, the pin does not */
  g_assert_cmpint (cli (f, &out, &err, "verify", path, "--fingerprint", other_pin, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "FAILED: signer.pem: the signer’s certificate does not have the fingerprint"));
  g_assert_nonnull (strstr (err, fp));
  g_assert_null (strstr (out, "Verified"));
  g_assert_null (strstr (out, "(checked"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* malformed pins are usage errors */
  {
    g_autofree char *short_pin = g_strndup (plain->str, 62);
    g_autofree char *long_pin = g_strconcat (plain->str, "00", NULL);
    g_autofree char *bad_digit = g_strdup (plain->str);
    const char *bad[] = { "", "SHA256:", short_pin, long_pin, bad_digit, "SHA1:AB", NULL };

    bad_digit[10] = 'g';
    for (guint i = 0; bad[i] != NULL; i++)
      {
        g_clear_pointer (&err, g_free);
        g_assert_cmpint (cli (f, NULL, &err, "verify", path, "--fingerprint", bad[i], NULL), ==, 2);
        g_assert_nonnull (strstr (err, "is not a SHA-256 fingerprint"));
      }
  }
}

static void
test_fingerprint_parse (void)
{
  guint8 digest[32];
  g_autoptr(GError) error = NULL;

  g_assert_true (candor_fingerprint_parse ("  SHA256:00:01:02:03:04:05:06:07:08:09:0A:0B:0C:0D:0E:0F:"
                                           "10:11:12:13:14:15:16:17:18:19:1a:1b:1c:1d:1e:ff ", digest, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (digest[0], ==, 0);
  g_assert_cmpuint (digest[10], ==, 0x0a);
  g_assert_cmpuint (digest[31], ==, 0xff);
  g_assert_false (candor_fingerprint_parse ("00:01", digest, &error));
  g_assert_error (error, CANDOR_BUNDLE_ERROR, CANDOR_BUNDLE_ERROR_FAILED);
  g_clear_error (&error);
  /* a trailing colon is not a pair */
  g_assert_false (candor_fingerprint_parse ("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f:",
                                            digest, &error));
  g_clear_error (&error);
  g_assert_true (candor_fingerprint_parse ("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f",
                                           digest, &error));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/candor/bundle/signer/escaped-subject", test_escaped_subject);
  ADD ("/candor/bundle/signer/escaped-draft-text", test_escaped_draft_text);
  ADD ("/candor/bundle/signer/fingerprint-pin", test_fingerprint_pin);
  g_test_add_func ("/candor/bundle/signer/fingerprint-parse", test_fingerprint_parse);
#undef ADD
  return g_test_run ();
}
