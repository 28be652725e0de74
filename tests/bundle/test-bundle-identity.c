/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-bundle-identity.c: creating, listing, importing (PEM, PKCS #12, RSA) and unlocking
 * signing identities; the certificate Candor makes. */
#include <gnutls/x509.h>
#include <string.h>

#include "bundle-test-util.h"
#include "candor-format.h"
#include "candor-identity-validity.h"

static gnutls_x509_crt_t
load_crt (CandorIdentity *identity)
{
  g_autofree char *pem = candor_certificate_dup_pem (candor_identity_get_certificate (identity));
  gnutls_datum_t datum = { (unsigned char *) pem, strlen (pem) };
  gnutls_x509_crt_t crt;

  gnutls_x509_crt_init (&crt);
  g_assert_cmpint (gnutls_x509_crt_import (crt, &datum, GNUTLS_X509_FMT_PEM), ==, 0);
  return crt;
}

static void
test_identity_create (void)
{
  char *dir = test_tmpdir_new ();
  g_autoptr(CandorIdentity) identity = test_identity_new (dir, "acme", NULL, 730);
  CandorCertificate *cert = candor_identity_get_certificate (identity);
  gnutls_x509_crt_t crt = load_crt (identity);
  unsigned int usage = 0, critical = 0, bits = 0;
  char oid[128];
  size_t oid_size = sizeof oid;
  gint64 days;
  g_autofree char *about = candor_certificate_describe (cert);

  g_assert_nonnull (strstr (candor_certificate_get_subject (cert), "O=Example Devices Ltd"));
  g_assert_nonnull (strstr (candor_certificate_get_subject (cert), "security@example.com"));
  g_assert_cmpstr (candor_certificate_get_subject (cert), ==, candor_certificate_get_issuer (cert));
  g_assert_true (candor_certificate_is_self_signed (cert));
  g_assert_true (g_regex_match_simple ("^([0-9A-F]{2}:){31}[0-9A-F]{2}$", candor_certificate_get_fingerprint (cert), 0, 0));
  days = g_date_time_difference (candor_certificate_get_not_after (cert), candor_certificate_get_not_before (cert)) / G_TIME_SPAN_DAY;
  g_assert_cmpint (days, ==, 730);
  g_assert_nonnull (strstr (about, candor_certificate_get_fingerprint (cert)));

  /* ECDSA P-256, digitalSignature, code signing */
  g_assert_cmpint (gnutls_x509_crt_get_pk_algorithm (crt, &bits), ==, GNUTLS_PK_ECDSA);
  g_assert_cmpuint (bits, ==, 256);
  g_assert_cmpint (gnutls_x509_crt_get_key_usage (crt, &usage, &critical), >=, 0);
  g_assert_cmpuint (usage, ==, GNUTLS_KEY_DIGITAL_SIGNATURE);
  g_assert_cmpint (gnutls_x509_crt_get_key_purpose_oid (crt, 0, oid, &oid_size, NULL), ==, 0);
  g_assert_cmpstr (oid, ==, GNUTLS_KP_CODE_SIGNING);
  gnutls_x509_crt_deinit (crt);

  /* openssl agrees */
  {
    g_autofree char *pem_path = g_build_filename (candor_identity_get_path (identity), CANDOR_IDENTITY_CERT_FILE, NULL);
    const char *argv[] = { "openssl", "x509", "-in", pem_path, "-noout", "-ext", "extendedKeyUsage,keyUsage", NULL };
    g_autofree char *out = NULL;

    g_assert_cmpint (test_run (argv, NULL, &out, NULL), ==, 0);
    g_assert_nonnull (strstr (out, "Code Signing"));
    g_assert_nonnull (strstr (out, "Digital Signature"));
  }
  test_tmpdir_free (dir);
}

static void
test_identity_errors (void)
{
  char *dir = test_tmpdir_new ();
  g_autoptr(CandorIdentity) identity = test_identity_new (dir, "acme", NULL, 30);
  g_autoptr(GError) error = NULL;
  struct { const char *name, *org, *email; guint days; const char *pass; int code; } bad[] = {
    { "acme", "Org", "a@b.c", 30, "pw", CANDOR_BUNDLE_ERROR_IDENTITY },       /* exists */
    { "../evil", "Org", "a@b.c", 30, "pw", CANDOR_BUNDLE_ERROR_IDENTITY },    /* bad name */
    { "ok1", "", "a@b.c", 30, "pw", CANDOR_BUNDLE_ERROR_IDENTITY },           /* no organisation */
    { "ok2", "Org", "no-at-sign", 30, "pw", CANDOR_BUNDLE_ERROR_IDENTITY },   /* bad e-mail */
    { "ok3", "Org", "a@b.c", 0, "pw", CANDOR_BUNDLE_ERROR_IDENTITY },         /* no validity */
    { "ok4", "Org", "a@b.c", 30, "", CANDOR_BUNDLE_ERROR_PASSPHRASE },        /* no passphrase */
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(CandorIdentity) none = candor_identity_create (dir, bad[i].name, bad[i].org, bad[i].email,
                                                               NULL, bad[i].days, bad[i].pass, &error);
      g_assert_null (none);
      g_assert_error (error, CANDOR_BUNDLE_ERROR, bad[i].code);
      g_clear_error (&error);
    }

  /* a wrong passphrase is told apart from other problems */
  g_assert_null (candor_identity_unlock (identity, "wrong", &error));
  g_assert_error (error, CANDOR_BUNDLE_ERROR, CANDOR_BUNDLE_ERROR_PASSPHRASE);
  g_clear_error (&error);
  g_assert_null (candor_identity_open (dir, "missing", &error));
  g_assert_error (error, CANDOR_BUNDLE_ERROR, CANDOR_BUNDLE_ERROR_IDENTITY);
  test_tmpdir_free (dir);
}

/* Control, bidi and other invisible characters in a name would reach every terminal and
 * label that shows the certificate: refused, naming the character and where it is. */
static void
test_identity_invisible_name (void)
{
  char *dir = test_tmpdir_new ();
  const struct { const char *organisation; const char *email; const char *expected; } cases[] = {
    { "Evil\x1b[2J Ltd", "a@example.com", "U+001B at character 5" },
    { "Bell\x07", "a@example.com", "U+0007 at character 5" },
    { "Lumen\rDevices", "a@example.com", "U+000D at character 6" },
    { "Tab\tLtd", "a@example.com", "U+0009 at character 4" },
    { "Lumen \xe2\x80\xae" "dtL", "a@example.com", "U+202E at character 7" },
    { "Lumen\xe2\x81\xa6" "x", "a@example.com", "U+2066 at character 6" },
    { "Zero\xe2\x80\x8bwidth", "a@example.com", "U+200B at character 5" },
    { "C1\xc2\x9b", "a@example.com", "U+009B at character 3" },
    { "Lumen Devices Ltd", "a\x1b@example.com", "is not an e-mail address" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CandorIdentity) identity = candor_identity_create (dir, "evil", cases[i].organisation,
                                                                   cases[i].email, NULL, 30,
                                                                   TEST_PASSPHRASE, &error);

      g_assert_null (identity);
      g_assert_error (error, CANDOR_BUNDLE_ERROR, CANDOR_BUNDLE_ERROR_IDENTITY);
      if (strstr (error->message, cases[i].expected) == NULL)
        g_error ("case %u: expected “%s” in: %s", i, cases[i].expected, error->message);
    }
  /* visible text in any script is fine */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(CandorIdentity) identity = candor_identity_create (dir, "ok", "株式会社ルーメン — Lumen Café",
                                                                 "a@example.com", NULL, 30,
                                                                 TEST_PASSPHRASE, &error);
    g_assert_no_error (error);
    g_assert_nonnull (identity);
  }
  test_tmpdir_free (dir);
}

static void
test_identity_list (void)
{
  char *dir = test_tmpdir_new ();
  g_autoptr(CandorIdentity) b = test_identity_new (dir, "beta", NULL, 30);
  g_autoptr(CandorIdentity) a = test_identity_new (dir, "alpha", NULL, 30);
  g_autoptr(GPtrArray) list = candor_identity_list (dir);
  g_autofree char *missing = g_build_filename (dir, "nowhere", NULL);
  g_autoptr(GPtrArray) empty = candor_identity_list (missing);

  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpstr (candor_identity_get_name (a), ==, "alpha");
  g_assert_cmpstr (candor_identity_get_name (b), ==, "beta");
  g_assert_cmpstr (candor_identity_get_name (g_ptr_array_index (list, 0)), ==, "alpha");
  g_assert_cmpstr (candor_identity_get_name (g_ptr_array_index (list, 1)), ==, "beta");
  g_assert_cmpuint (empty->len, ==, 0);
  test_tmpdir_free (dir);
}

/* The default store follows XDG_DATA_HOME. */
static void
test_identity_default_dir (void)
{
  g_autofree char *dir = candor_identity_get_default_dir ();
  g_autofree char *expected = g_build_filename (g_get_user_data_dir (), "io.github.candor_app.Candor", "identities", NULL);

  g_assert_cmpstr (dir, ==, expected);
}

static GBytes *
read_bytes (const char *dir, const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return g_bytes_new_take (g_steal_pointer (&contents), length);
}

static void
sign_and_check (CandorSigner *signer)
{
  g_autoptr(GBytes) zip = test_sample_bundle (signer);
  g_autoptr(CandorBundleVerification) result = candor_bundle_verify (zip, NULL, NULL);

  g_assert_true (candor_bundle_verification_get_passed (result));
  test_assert_interop (zip);
}

/* An organisation's key and certificate made with openssl: PEM, PKCS #12, and RSA. */
static void
test_identity_import (void)
{
  char *dir = test_tmpdir_new ();
  const char *req_ec[] = { "openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256",
                           "-keyout", "org-key.pem", "-out", "org-cert.pem", "-days", "30",
                           "-subj", "/O=Org Inc/CN=Org Inc", "-passout", "pass:orgpass", NULL };
  const char *req_rsa[] = { "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes",
                            "-keyout", "rsa-key.pem", "-out", "rsa-cert.pem", "-days", "30",
                            "-subj", "/O=Rsa Org/CN=Rsa Org", NULL };
  const char *p12[] = { "openssl", "pkcs12", "-export", "-inkey", "org-key.pem", "-in", "org-cert.pem",
                        "-passin", "pass:orgpass", "-out", "org.p12", "-passout", "pass:p12pass", NULL };
  g_autoptr(GBytes) key = NULL, cert = NULL, rsa_key = NULL, rsa_cert = NULL, pkcs12 = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CandorIdentity) from_pem = NULL, from_p12 = NULL, from_rsa = NULL;
  g_autoptr(CandorSigner) signer = NULL;

  g_assert_cmpint (test_run (req_ec, dir, NULL, NULL), ==, 0);
  g_assert_cmpint (test_run (req_rsa, dir, NULL, NULL), ==, 0);
  g_assert_cmpint (test_run (p12, dir, NULL, NULL), ==, 0);
  key = read_bytes (dir, "org-key.pem");
  cert = read_bytes (dir, "org-cert.pem");
  rsa_key = read_bytes (dir, "rsa-key.pem");
  rsa_cert = read_bytes (dir, "rsa-cert.pem");
  pkcs12 = read_bytes (dir, "org.p12");

  /* PEM, encrypted with the organisation's passphrase, stored under ours */
  g_assert_null (candor_identity_import_pem (dir, "org", key, "bad", cert, TEST_PASSPHRASE, &error));
  g_assert_error (error, CANDOR_BUNDLE_ERROR, CANDOR_BUNDLE_ERROR_PASSPHRASE);
  g_clear_error (&error);
  from_pem = candor_identity_import_pem (dir, "org", key, "orgpass", cert, TEST_PASSPHRASE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (candor_certificate_get_subject (candor_identity_get_certificate (from_pem)), "Org Inc"));
  g_assert_null (candor_identity_unlock (from_pem, "orgpass", &error));
  g_assert_error (error, CANDOR_BUNDLE_ERROR, CANDOR_BUNDLE_ERROR_PASSPHRASE);
  g_clear_error (&error);
  signer = candor_identity_unlock (from_pem, TEST_PASSPHRASE, &error);
  g_assert_no_error (error);
  sign_and_check (signer);
  g_clear_object (&signer);

  /* a key with someone else's certificate is refused */
  g_assert_null (candor_identity_import_pem (dir, "mixed", rsa_key, NULL, cert, TEST_PASSPHRASE, &error));
  g_assert_error (error, CANDOR_BUNDLE_ERROR, CANDOR_BUNDLE_ERROR_IDENTITY);
  g_clear_error (&error);

  /* PKCS #12 */
  g_assert_null (candor_identity_import_pkcs12 (dir, "p12", pkcs12, "wrong", TEST_PASSPHRASE, &error));
  g_assert_error (error, CANDOR_BUNDLE_ERROR, CANDOR_BUNDLE_ERROR_PASSPHRASE);
  g_clear_error (&error);
  from_p12 = candor_identity_import_pkcs12 (dir, "p12", pkcs12, "p12pass", TEST_PASSPHRASE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (candor_certificate_get_fingerprint (candor_identity_get_certificate (from_p12)), ==,
                   candor_certificate_get_fingerprint (candor_identity_get_certificate (from_pem)));
  signer = candor_identity_unlock (from_p12, TEST_PASSPHRASE, &error);
  g_assert_no_error (error);
  sign_and_check (signer);
  g_clear_object (&signer);

  /* also straight from the PKCS #12 file, as `export --pkcs12` does */
  signer = candor_signer_new_from_pkcs12 (pkcs12, "p12pass", &error);
  g_assert_no_error (error);
  sign_and_check (signer);
  g_clear_object (&signer);

  /* RSA is accepted */
  from_rsa = candor_identity_import_pem (dir, "rsa", rsa_key, NULL, rsa_cert, TEST_PASSPHRASE, &error);
  g_assert_no_error (error);
  signer = candor_identity_unlock (from_rsa, TEST_PASSPHRASE, &error);
  g_assert_no_error (error);
  sign_and_check (signer);
  test_tmpdir_free (dir);
}

/* An organisation's chain: a leaf signed by its own CA, given CA first. signer.pem holds
 * the chain signer first; verify --ca accepts the CA and refuses another one. */
static void
test_identity_chain (void)
{
  char *dir = test_tmpdir_new ();
  const char *ca[] = { "openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                       "-keyout", "ca-key.pem", "-out", "ca.pem", "-days", "30", "-subj", "/O=Root CA/CN=Root CA",
                       "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign", NULL };
  const char *csr[] = { "openssl", "req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                        "-keyout", "leaf-key.pem", "-out", "leaf.csr", "-subj", "/O=Leaf Org/CN=Leaf Org", NULL };
  const char *sign[] = { "openssl", "x509", "-req", "-in", "leaf.csr", "-CA", "ca.pem", "-CAkey", "ca-key.pem",
                         "-CAcreateserial", "-out", "leaf.pem", "-days", "20", "-extfile", "ext.cnf", NULL };
  const char *other[] = { "openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                          "-keyout", "other-key.pem", "-out", "other.pem", "-days", "30", "-subj", "/CN=Other CA", NULL };
  g_autofree char *ext = g_build_filename (dir, "ext.cnf", NULL);
  g_autoptr(GBytes) key = NULL, leaf = NULL, root = NULL, wrong = NULL, chain = NULL, zip = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CandorIdentity) identity = NULL;
  g_autoptr(CandorSigner) signer = NULL;
  g_autoptr(CandorBundleVerification) trusted = NULL, untrusted = NULL;
  g_autoptr(GString) both = g_string_new (NULL);

  g_assert_true (g_file_set_contents (ext, "keyUsage=critical,digitalSignature\nextendedKeyUsage=codeSigning\n", -1, NULL));
  g_assert_cmpint (test_run (ca, dir, NULL, NULL), ==, 0);
  g_assert_cmpint (test_run (csr, dir, NULL, NULL), ==, 0);
  g_assert_cmpint (test_run (sign, dir, NULL, NULL), ==, 0);
  g_assert_cmpint (test_run (other, dir, NULL, NULL), ==, 0);
  key = read_bytes (dir, "leaf-key.pem");
  leaf = read_bytes (dir, "leaf.pem");
  root = read_bytes (dir, "ca.pem");
  wrong = read_bytes (dir, "other.pem");
  g_string_append_len (both, g_bytes_get_data (root, NULL), g_bytes_get_size (root));
  g_string_append_len (both, g_bytes_get_data (leaf, NULL), g_bytes_get_size (leaf));
  chain = g_bytes_new (both->str, both->len);

  identity = candor_identity_import_pem (dir, "leaf", key, NULL, chain, TEST_PASSPHRASE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (candor_certificate_get_subject (candor_identity_get_certificate (identity)), "Leaf Org"));
  g_assert_nonnull (strstr (candor_certificate_get_issuer (candor_identity_get_certificate (identity)), "Root CA"));
  signer = candor_identity_unlock (identity, TEST_PASSPHRASE, &error);
  g_assert_no_error (error);
  zip = test_sample_bundle (signer);
  test_assert_interop (zip);

  trusted = candor_bundle_verify (zip, root, "ca.pem");
  g_assert_true (candor_bundle_verification_get_passed (trusted));
  g_assert_true (candor_bundle_verification_get_trusted (trusted));
  untrusted = candor_bundle_verify (zip, wrong, "other.pem");
  g_assert_false (candor_bundle_verification_get_passed (untrusted));
  g_assert_error ((GError *) candor_bundle_verification_get_error (untrusted), CANDOR_BUNDLE_ERROR, CANDOR_BUNDLE_ERROR_UNTRUSTED);
  test_tmpdir_free (dir);
}

/* A new identity is valid until a year after the end of security updates of the draft it
 * signs (never less than three years), and export warns about one that ends sooner. */
static CandorDocument *
load_example (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("CANDOR_SOURCE_ROOT") ?: ".", "data", "examples",
                                            "smart-camera.candor", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  CandorDocument *document = candor_format_load_file (file, NULL, &error);

  g_assert_no_error (error);
  return document;
}

static void
test_identity_validity_covers_support_end (void)
{
  g_autoptr(GDateTime) start = g_date_time_new_utc (2026, 12, 4, 10, 0, 0);
  g_autoptr(GDate) end = g_date_new_dmy (31, G_DATE_DECEMBER, 2030);
  g_autoptr(GDate) soon = g_date_new_dmy (30, G_DATE_JUNE, 2027);
  g_autoptr(GDate) far = g_date_new_dmy (1, G_DATE_JANUARY, 2200);
  g_autoptr(CandorDocument) document = load_example ();
  char *dir = test_tmpdir_new ();

  /* 4 December 2026 through 31 December 2030 is 1489 days; a year more. */
  g_assert_cmpuint (candor_identity_validity_days_for (start, end), ==, 1489 + 365);
  g_assert_cmpuint (candor_identity_validity_days_for (start, soon), ==, CANDOR_IDENTITY_DEFAULT_VALIDITY_DAYS);
  g_assert_cmpuint (candor_identity_validity_days_for (start, NULL), ==, 1095);
  g_assert_cmpuint (candor_identity_validity_days_for (start, far), ==, CANDOR_IDENTITY_MAX_VALIDITY_DAYS);
  /* The example promises security updates until at least 31 December 2030. */
  g_assert_cmpuint (candor_identity_validity_days_for_document (start, document), ==, 1489 + 365);

  /* Made with that validity, the certificate lasts past the end: no warning. */
  {
    guint days = candor_identity_validity_days_for_document (NULL, document);
    g_autoptr(CandorIdentity) identity = test_identity_new (dir, "covers", NULL, days);
    CandorCertificate *cert = candor_identity_get_certificate (identity);
    g_autoptr(GDateTime) end_time = g_date_time_new_utc (2030, 12, 31, 23, 59, 59);

    g_assert_cmpint (g_date_time_compare (candor_certificate_get_not_after (cert), end_time), >, 0);
    g_assert_null (candor_certificate_support_end_warning (cert, document));
  }
  /* The old default, three years from 4 December 2026, ends before 31 December 2030. */
  {
    g_autoptr(CandorIdentity) identity = test_identity_new (dir, "three-years", start, 1095);
    g_autofree char *warning = candor_certificate_support_end_warning (candor_identity_get_certificate (identity), document);

    g_assert_cmpstr (warning, ==, "The signing certificate expires on 3 December 2029, before security updates end "
                                  "on 31 December 2030. After that, corrected or updated disclosures for this product "
                                  "cannot be signed with it. Make a signing identity that is valid for longer.");
  }
  /* Ending on the last day itself is too soon too; with no end date there is nothing to cover. */
  {
    g_autoptr(GDateTime) last_day = g_date_time_new_utc (2030, 12, 31, 0, 0, 0);
    g_autoptr(CandorIdentity) identity = test_identity_new (dir, "last-day", start,
                                                            (guint) (g_date_time_difference (last_day, start) / G_TIME_SPAN_DAY) + 1);
    CandorCertificate *cert = candor_identity_get_certificate (identity);
    g_autofree char *warning = candor_certificate_support_end_warning (cert, document);
    CandorElement *a3 = candor_document_get_element (document, CANDOR_ELEMENT_A3);

    g_assert_nonnull (warning);
    candor_element_set_answer_string (a3, "end_kind", "none");
    g_assert_null (candor_certificate_support_end_warning (cert, document));
    g_assert_cmpuint (candor_identity_validity_days_for_document (start, document), ==, 1095);
  }
  test_tmpdir_free (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/candor/bundle/identity/create", test_identity_create);
  g_test_add_func ("/candor/bundle/identity/validity-covers-support-end", test_identity_validity_covers_support_end);
  g_test_add_func ("/candor/bundle/identity/errors", test_identity_errors);
  g_test_add_func ("/candor/bundle/identity/list", test_identity_list);
  g_test_add_func ("/candor/bundle/identity/invisible-name", test_identity_invisible_name);
  g_test_add_func ("/candor/bundle/identity/default-dir", test_identity_default_dir);
  g_test_add_func ("/candor/bundle/identity/import", test_identity_import);
  g_test_add_func ("/candor/bundle/identity/chain", test_identity_chain);

  return g_test_run ();
}
