/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-bundle-writer.c: SHA256SUMS as sha256sum writes it, the zip layout, reproducibility,
 * interop with sha256sum and openssl, and that no private key material gets into a bundle. */
#include <archive.h>
#include <archive_entry.h>
#include <glib/gstdio.h>
#include <gnutls/abstract.h>
#include <gnutls/x509.h>
#include <string.h>
#include <time.h>

#include "bundle-test-util.h"

static void
test_sums_match_sha256sum (void)
{
  char *dir = test_tmpdir_new ();
  g_autoptr(GPtrArray) files = test_sample_files ();
  g_autoptr(GBytes) sums = candor_sha256sums_build (files);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  /* sha256sum lists in argument order: give it the names in byte order */
  const char *argv[] = { "sha256sum", "disclosure.json", "index.html", "label-compact.pdf",
                         "label-compact.png", "label-compact.svg", NULL };

  test_write_files (dir, files);
  g_assert_cmpint (test_run (argv, dir, &out, &err), ==, 0);
  g_assert_cmpstr (g_bytes_get_data (sums, NULL) ? out : NULL, ==, out);
  g_assert_cmpmem (g_bytes_get_data (sums, NULL), g_bytes_get_size (sums), out, strlen (out));
  test_tmpdir_free (dir);
}

#define LINE_A "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef  a\n"
#define TWICE LINE_A LINE_A

static void
test_sums_parse (void)
{
  const char *good = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef  index.html\n"
                     "0123456789ABCDEF0123456789abcdef0123456789abcdef0123456789abcdef *label.png\n";
  const char *bad[] = {
    "",
    "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef  index.html",       /* no newline */
    "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcde  index.html\n",      /* 63 digits */
    "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdeg  index.html\n",     /* not hex */
    "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef index.html\n",      /* one space */
    "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef  ../index.html\n",  /* traversal */
    "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef  a/b.html\n",       /* not at root */
    "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef  index.html\r\n",   /* CRLF */
    TWICE,                                                                                /* twice */
  };
  g_autoptr(GBytes) good_bytes = g_bytes_new_static (good, strlen (good));
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) table = candor_sha256sums_parse (good_bytes, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (table), ==, 2);
  g_assert_cmpstr (g_hash_table_lookup (table, "label.png"), ==,
                   "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (bad[i], strlen (bad[i]));
      g_autoptr(GHashTable) none = candor_sha256sums_parse (bytes, &error);

      g_assert_null (none);
      g_assert_error (error, CANDOR_BUNDLE_ERROR, CANDOR_BUNDLE_ERROR_MALFORMED);
      g_assert_true (g_str_has_prefix (error->message, "SHA256SUMS"));
      g_clear_error (&error);
    }
}

/* Reads entry headers with libarchive: names in order, modes, owners, times. */
static void
test_write_layout (void)
{
  char *dir = test_tmpdir_new ();
  g_autoptr(CandorSigner) signer = test_signer_new (dir, "layout");
  g_autoptr(GBytes) zip = test_sample_bundle (signer);
  const char *expected[] = { "disclosure.json", "index.html", "label-compact.pdf", "label-compact.png",
                             "label-compact.svg", "SHA256SUMS", "SHA256SUMS.p7s", "signer.pem" };
  struct archive *a = archive_read_new ();
  struct archive_entry *entry;
  g_autoptr(GDateTime) mtime = g_date_time_new_utc (2026, 3, 1, 12, 0, 0);
  guint n = 0;

  archive_read_support_format_zip_seekable (a);
  g_assert_cmpint (archive_read_open_memory (a, g_bytes_get_data (zip, NULL), g_bytes_get_size (zip)), ==, ARCHIVE_OK);
  while (archive_read_next_header (a, &entry) == ARCHIVE_OK)
    {
      g_assert_cmpuint (n, <, G_N_ELEMENTS (expected));
      g_assert_cmpstr (archive_entry_pathname (entry), ==, expected[n]);
      g_assert_cmpint (archive_entry_filetype (entry), ==, AE_IFREG);
      g_assert_cmpint (archive_entry_perm (entry), ==, 0644);
      g_assert_cmpint (archive_entry_uid (entry), ==, 0);
      g_assert_cmpint (archive_entry_gid (entry), ==, 0);
      g_assert_null (archive_entry_uname (entry));
      g_assert_null (archive_entry_gname (entry));
      g_assert_cmpint (archive_entry_mtime (entry), ==, g_date_time_to_unix (mtime));
      n++;
    }
  archive_read_free (a);
  g_assert_cmpuint (n, ==, G_N_ELEMENTS (expected));

  /* SHA256SUMS lists every file but itself and its signature, signer.pem included */
  {
    g_autoptr(GPtrArray) files = candor_bundle_zip_read (zip, NULL);
    GBytes *sums = candor_bundle_file_list_find (files, CANDOR_BUNDLE_SUMS)->bytes;
    g_autoptr(GHashTable) table = candor_sha256sums_parse (sums, NULL);

    g_assert_cmpuint (g_hash_table_size (table), ==, 6);
    g_assert_true (g_hash_table_contains (table, CANDOR_BUNDLE_SIGNER));
    g_assert_false (g_hash_table_contains (table, CANDOR_BUNDLE_SIGNATURE));
  }
  test_assert_interop (zip);
  test_tmpdir_free (dir);
}

/* Two exports differ only in SHA256SUMS.p7s: every other entry is identical, and with the
 * same signature the zips are byte-identical. */
static void
test_write_reproducible (void)
{
  char *dir = test_tmpdir_new ();
  g_autoptr(CandorSigner) signer = test_signer_new (dir, "repro");
  g_autoptr(GBytes) first = test_sample_bundle (signer);
  g_autoptr(GBytes) second = test_sample_bundle (signer);
  g_autoptr(GPtrArray) a = candor_bundle_zip_read (first, NULL);
  g_autoptr(GPtrArray) b = candor_bundle_zip_read (second, NULL);
  g_autoptr(GPtrArray) content = test_sample_files ();
  g_autoptr(GBytes) rebuilt = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    {
      CandorBundleFile *fa = g_ptr_array_index (a, i);
      CandorBundleFile *fb = g_ptr_array_index (b, i);

      g_assert_cmpstr (fa->name, ==, fb->name);
      if (strcmp (fa->name, CANDOR_BUNDLE_SIGNATURE) == 0)
        g_assert_false (g_bytes_equal (fa->bytes, fb->bytes)); /* ECDSA is randomised */
      else
        g_assert_true (g_bytes_equal (fa->bytes, fb->bytes));
    }
  g_assert_false (g_bytes_equal (first, second));

  rebuilt = candor_bundle_assemble (content, candor_bundle_file_list_find (b, CANDOR_BUNDLE_SUMS)->bytes,
                                    candor_bundle_file_list_find (a, CANDOR_BUNDLE_SIGNATURE)->bytes,
                                    candor_bundle_file_list_find (b, CANDOR_BUNDLE_SIGNER)->bytes,
                                    g_date_time_to_unix (g_date_time_new_utc (2026, 3, 1, 12, 0, 0)), &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (rebuilt, first));
  test_tmpdir_free (dir);
}

/* The zip is the same in every time zone (MS-DOS times are written in UTC). */
static void
test_write_time_zones (void)
{
  g_autoptr(GPtrArray) files = test_sample_files ();
  g_autoptr(GBytes) sig = g_bytes_new_static ("sig", 3);
  g_autoptr(GBytes) pem = g_bytes_new_static ("pem", 3);
  g_autoptr(GBytes) sums = candor_sha256sums_build (files);
  const char *zones[] = { "UTC", "America/New_York", "Asia/Kolkata", "Pacific/Auckland" };
  g_autoptr(GBytes) first = NULL;
  const char *saved = g_getenv ("TZ");
  g_autofree char *old = g_strdup (saved);

  for (guint i = 0; i < G_N_ELEMENTS (zones); i++)
    {
      g_autoptr(GBytes) zip = NULL;
      g_autoptr(GError) error = NULL;

      g_setenv ("TZ", zones[i], TRUE);
      tzset ();
      zip = candor_bundle_assemble (files, sums, sig, pem, 1772366400 /* 2026-03-01 12:00 UTC */, &error);
      g_assert_no_error (error);
      if (first == NULL)
        first = g_bytes_ref (zip);
      else
        g_assert_true (g_bytes_equal (first, zip));
    }
  if (old != NULL)
    g_setenv ("TZ", old, TRUE);
  else
    g_unsetenv ("TZ");
  tzset ();

  /* and the time a zip tool shows is that UTC time: 12:00:00 on 2026-03-01 */
  {
    gsize size;
    const guint8 *data = g_bytes_get_data (first, &size);

    g_assert_cmpmem (data, 4, "PK\x03\x04", 4);
    g_assert_cmpuint (data[10] | (data[11] << 8), ==, (12 << 11));
    g_assert_cmpuint (data[12] | (data[13] << 8), ==, ((2026 - 1980) << 9) | (3 << 5) | 1);
  }
}

static void
test_write_refuses_bad_names (void)
{
  char *dir = test_tmpdir_new ();
  g_autoptr(CandorSigner) signer = test_signer_new (dir, "names");
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  const char *names[] = { "SHA256SUMS", "signer.pem", "../escape.html", "/abs.html", "dir/x.html", "" };
  g_autoptr(GBytes) bytes = g_bytes_new_static ("x", 1);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(GPtrArray) files = test_sample_files ();
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) zip = NULL;

      g_ptr_array_add (files, candor_bundle_file_new (names[i], bytes));
      zip = candor_bundle_write (files, now, signer, &error);
      g_assert_null (zip);
      g_assert_nonnull (error);
    }
  test_tmpdir_free (dir);
}

static void
test_write_validity (void)
{
  char *dir = test_tmpdir_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) later = g_date_time_add_days (now, 10);
  g_autoptr(CandorIdentity) future = test_identity_new (dir, "future", later, 30);
  g_autoptr(CandorSigner) signer = candor_identity_unlock (future, TEST_PASSPHRASE, NULL);
  g_autoptr(GPtrArray) files = test_sample_files ();
  g_autoptr(GError) error = NULL;

  g_assert_null (candor_bundle_write (files, now, signer, &error));
  g_assert_error (error, CANDOR_BUNDLE_ERROR, CANDOR_BUNDLE_ERROR_NOT_YET_VALID);
  test_tmpdir_free (dir);
}

static void
test_slug (void)
{
  const struct { const char *in, *out; } cases[] = {
    { "Lumen Cam 2", "lumen-cam-2" },
    { "  Acme SmartCam™ Pro!  ", "acme-smartcam-tm-pro" },
    { "Caméra Élégante", "camera-elegante" },
    { "", "untitled" },
    { "///", "untitled" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *slug = candor_bundle_slug (cases[i].in);
      g_assert_cmpstr (slug, ==, cases[i].out);
    }
  {
    g_autofree char *name = candor_bundle_file_name ("Lumen Cam 2");
    g_assert_cmpstr (name, ==, "lumen-cam-2-disclosure.zip");
  }
}

/* The private key (its PKCS #8 form, its raw scalar, its PEM text) and the passphrase
 * appear nowhere in a bundle; the stored key is encrypted and private to the user. */
static void
test_write_no_private_key (void)
{
  char *dir = test_tmpdir_new ();
  g_autoptr(CandorIdentity) identity = test_identity_new (dir, "secret", NULL, 365);
  g_autoptr(CandorSigner) signer = candor_identity_unlock (identity, TEST_PASSPHRASE, NULL);
  g_autoptr(GBytes) zip = test_sample_bundle (signer);
  g_autoptr(GPtrArray) files = candor_bundle_zip_read (zip, NULL);
  g_autofree char *key_path = g_build_filename (candor_identity_get_path (identity), CANDOR_IDENTITY_KEY_FILE, NULL);
  g_autofree char *key_pem = NULL;
  gsize key_len;
  gnutls_x509_privkey_t key;
  gnutls_datum_t in, der = { NULL, 0 }, k = { NULL, 0 }, x = { NULL, 0 }, y = { NULL, 0 };
  gnutls_ecc_curve_t curve;
  GStatBuf st;

  g_assert_true (g_file_get_contents (key_path, &key_pem, &key_len, NULL));
  g_assert_true (g_str_has_prefix (key_pem, "-----BEGIN ENCRYPTED PRIVATE KEY-----\n"));
  g_assert_cmpint (g_stat (key_path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (g_stat (candor_identity_get_path (identity), &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);

  in.data = (unsigned char *) key_pem;
  in.size = key_len;
  gnutls_x509_privkey_init (&key);
  /* without the passphrase the key cannot be read */
  g_assert_cmpint (gnutls_x509_privkey_import2 (key, &in, GNUTLS_X509_FMT_PEM, "", 0), <, 0);
  g_assert_cmpint (gnutls_x509_privkey_import2 (key, &in, GNUTLS_X509_FMT_PEM, TEST_PASSPHRASE, 0), ==, 0);
  g_assert_cmpint (gnutls_x509_privkey_export2_pkcs8 (key, GNUTLS_X509_FMT_DER, NULL, GNUTLS_PKCS_PLAIN, &der), ==, 0);
  g_assert_cmpint (gnutls_x509_privkey_export_ecc_raw (key, &curve, &x, &y, &k), ==, 0);
  g_assert_cmpint (curve, ==, GNUTLS_ECC_CURVE_SECP256R1);
  g_assert_cmpuint (k.size, >=, 32);

  for (guint i = 0; i <= files->len; i++)
    {
      GBytes *haystack = i < files->len ? ((CandorBundleFile *) g_ptr_array_index (files, i))->bytes : zip;

      g_assert_false (test_bytes_contain (haystack, der.data, der.size));
      /* the last 32 bytes: the scalar without a possible leading zero */
      g_assert_false (test_bytes_contain (haystack, k.data + k.size - 32, 32));
      g_assert_false (test_bytes_contain (haystack, key_pem + 38, 64));
      g_assert_false (test_bytes_contain (haystack, TEST_PASSPHRASE, strlen (TEST_PASSPHRASE)));
    }
  /* and the plain key is not in the key file either */
  {
    g_autoptr(GBytes) stored = g_bytes_new (key_pem, key_len);
    g_assert_false (test_bytes_contain (stored, k.data + k.size - 32, 32));
  }
  gnutls_free (der.data);
  gnutls_free (k.data);
  gnutls_free (x.data);
  gnutls_free (y.data);
  gnutls_x509_privkey_deinit (key);
  test_tmpdir_free (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/candor/bundle/sums/match-sha256sum", test_sums_match_sha256sum);
  g_test_add_func ("/candor/bundle/sums/parse", test_sums_parse);
  g_test_add_func ("/candor/bundle/write/layout", test_write_layout);
  g_test_add_func ("/candor/bundle/write/reproducible", test_write_reproducible);
  g_test_add_func ("/candor/bundle/write/bad-names", test_write_refuses_bad_names);
  g_test_add_func ("/candor/bundle/write/time-zones", test_write_time_zones);
  g_test_add_func ("/candor/bundle/write/validity", test_write_validity);
  g_test_add_func ("/candor/bundle/write/slug", test_slug);
  g_test_add_func ("/candor/bundle/write/no-private-key", test_write_no_private_key);

  return g_test_run ();
}
