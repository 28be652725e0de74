/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-bundle-verify.c: verification: tampering, swapped signers, expired and untrusted
 * certificates, and malformed zips that must be refused without touching the disk. */
#include <archive.h>
#include <archive_entry.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "bundle-test-util.h"

typedef struct
{
  char *dir;
  CandorSigner *signer;
  GBytes *zip;
} Fixture;

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  f->dir = test_tmpdir_new ();
  f->signer = test_signer_new (f->dir, "acme");
  f->zip = test_sample_bundle (f->signer);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  g_bytes_unref (f->zip);
  g_object_unref (f->signer);
  test_tmpdir_free (f->dir);
}

/* Verifies and checks the failure: code, the file named, and that the message starts with it. */
static void
assert_fails (GBytes *zip, GBytes *ca, int code, const char *file)
{
  g_autoptr(CandorBundleVerification) result = candor_bundle_verify (zip, ca, "ca.pem");
  const GError *error = candor_bundle_verification_get_error (result);

  g_assert_false (candor_bundle_verification_get_passed (result));
  g_assert_nonnull (error);
  if (error->code != code || g_strcmp0 (candor_bundle_verification_get_failed_file (result), file) != 0)
    g_printerr ("unexpected failure: %d %s\n", error->code, error->message);
  g_assert_error ((GError *) error, CANDOR_BUNDLE_ERROR, code);
  g_assert_cmpstr (candor_bundle_verification_get_failed_file (result), ==, file);
  if (file != NULL)
    g_assert_true (g_str_has_prefix (error->message, file));
}

static void
test_verify_good (Fixture *f, gconstpointer data)
{
  g_autoptr(CandorBundleVerification) result = candor_bundle_verify (f->zip, NULL, NULL);
  CandorCertificate *mine = candor_signer_get_certificate (f->signer);

  g_assert_true (candor_bundle_verification_get_passed (result));
  g_assert_null (candor_bundle_verification_get_error (result));
  g_assert_false (candor_bundle_verification_get_trusted (result));
  g_assert_cmpstr (candor_certificate_get_fingerprint (candor_bundle_verification_get_signer (result)), ==,
                   candor_certificate_get_fingerprint (mine));
  g_assert_nonnull (candor_bundle_verification_get_signing_time (result));
  g_assert_cmpuint (candor_bundle_verification_get_n_files (result), ==, 8);
  for (guint i = 0; i < 8; i++)
    g_assert_cmpint (candor_bundle_verification_get_file_check (result, i), ==, CANDOR_FILE_CHECK_OK);
  g_assert_nonnull (candor_bundle_verification_lookup_file (result, "disclosure.json"));
  test_assert_interop (f->zip);
}

typedef struct
{
  const char *name;
  gsize offset;
  guint8 mask;
} Flip;

static void
flip_byte (GPtrArray *files, gpointer user_data)
{
  Flip *flip = user_data;
  CandorBundleFile *file = candor_bundle_file_list_find (files, flip->name);
  gsize size;
  guint8 *data = g_bytes_unref_to_data (g_steal_pointer (&file->bytes), &size);

  g_assert_cmpuint (flip->offset, <, size);
  data[flip->offset] ^= flip->mask;
  file->bytes = g_bytes_new_take (data, size);
}

/* Replaces a file's bytes with @user_data (a GBytes). */
static void
replace_p7s (GPtrArray *files, gpointer user_data)
{
  CandorBundleFile *file = candor_bundle_file_list_find (files, CANDOR_BUNDLE_SIGNATURE);

  g_bytes_unref (file->bytes);
  file->bytes = g_bytes_ref (user_data);
}

static GBytes *
lookup (GBytes *zip, const char *name);

/* Encodings of the same signature that are not DER, which a bit flip cannot make: the outer
 * length in a longer form than needed, a byte after the structure, and the SignedData's
 * length padded the same way. GnuTLS reads the padded ones, so candor-cms-check.c must refuse
 * them as not well-formed; the trailing byte GnuTLS refuses itself. Never verified. */
static void
test_verify_cms_not_der (Fixture *f, gconstpointer data)
{
  g_autoptr(GBytes) p7s = lookup (f->zip, CANDOR_BUNDLE_SIGNATURE);
  gsize size;
  const guint8 *der = g_bytes_get_data (p7s, &size);
  guint outer, inner_at;

  /* ContentInfo: 30 82 hi lo, then 06 09 <signedData>, then a0 82 hi lo, then 30 82 hi lo */
  g_assert_cmpuint (size, >, 300);
  g_assert_cmpuint (der[0], ==, 0x30);
  g_assert_cmpuint (der[1], ==, 0x82);
  outer = (der[2] << 8) | der[3];
  g_assert_cmpuint (outer + 4, ==, size);
  inner_at = 4 + 11 + 4;
  g_assert_cmpuint (der[4 + 11], ==, 0xa0);
  g_assert_cmpuint (der[inner_at], ==, 0x30);
  g_assert_cmpuint (der[inner_at + 1], ==, 0x82);

  for (guint variant = 0; variant < 3; variant++)
    {
      g_autoptr(GByteArray) edited = g_byte_array_new ();
      g_autoptr(GBytes) bad = NULL;
      g_autoptr(GBytes) zip = NULL;
      g_autoptr(CandorBundleVerification) result = NULL;
      const GError *error;

      switch (variant)
        {
        case 0: /* 30 83 00 hi lo: the same length, one byte longer */
          g_byte_array_append (edited, (const guint8 *) "\x30\x83\x00", 3);
          g_byte_array_append (edited, der + 2, size - 2);
          break;
        case 1: /* a byte after the ContentInfo */
          g_byte_array_append (edited, der, size);
          g_byte_array_append (edited, (const guint8 *) "\x00", 1);
          break;
        default: /* the SignedData's length as 83 00 hi lo; the lengths around it grow by one */
          {
            guint wrapper = (der[4 + 11 + 2] << 8) | der[4 + 11 + 3];
            guint8 head[4] = { 0x30, 0x82, (outer + 1) >> 8, (outer + 1) & 0xff };
            guint8 wrap[4] = { 0xa0, 0x82, (wrapper + 1) >> 8, (wrapper + 1) & 0xff };

            g_byte_array_append (edited, head, 4);
            g_byte_array_append (edited, der + 4, 11);
            g_byte_array_append (edited, wrap, 4);
            g_byte_array_append (edited, (const guint8 *) "\x30\x83\x00", 3);
            g_byte_array_append (edited, der + inner_at + 2, size - inner_at - 2);
          }
          break;
        }
      bad = g_byte_array_free_to_bytes (g_steal_pointer (&edited));
      zip = test_edit_bundle (f->zip, replace_p7s, bad);
      result = candor_bundle_verify (zip, NULL, NULL);
      g_assert_false (candor_bundle_verification_get_passed (result));
      g_assert_cmpstr (candor_bundle_verification_get_failed_file (result), ==, CANDOR_BUNDLE_SIGNATURE);
      error = candor_bundle_verification_get_error (result);
      g_test_message ("variant %u: %s", variant, error->message);
      /* GnuTLS takes the padded lengths, so the strict check must catch those */
      if (variant != 1)
        g_assert_nonnull (strstr (error->message, "not a well-formed detached CMS signature"));
      else
        g_assert_true (strstr (error->message, "not a well-formed detached CMS signature") != NULL
                       || strstr (error->message, "not a readable CMS") != NULL);
    }
}

static GBytes *
lookup (GBytes *zip, const char *name)
{
  g_autoptr(GPtrArray) files = candor_bundle_zip_read (zip, NULL);

  return g_bytes_ref (candor_bundle_file_list_find (files, name)->bytes);
}

static gsize
file_size (GBytes *zip, const char *name)
{
  g_autoptr(GPtrArray) files = candor_bundle_zip_read (zip, NULL);

  return g_bytes_get_size (candor_bundle_file_list_find (files, name)->bytes);
}

/* Every byte of every file, flipped one at a time, must make verification fail and name that
 * file (the three signature files exhaustively; the content files at a few offsets). */
static void
test_verify_tamper_every_byte (Fixture *f, gconstpointer data)
{
  const char *names[] = { "disclosure.json", "index.html", "label-compact.pdf", "label-compact.png",
                          "label-compact.svg", CANDOR_BUNDLE_SUMS, CANDOR_BUNDLE_SIGNATURE, CANDOR_BUNDLE_SIGNER };
  const guint8 masks[] = { 0x01, 0x80 };

  for (guint n = 0; n < G_N_ELEMENTS (names); n++)
    {
      gsize size = file_size (f->zip, names[n]);
      gboolean exhaustive = g_str_has_prefix (names[n], "SHA256SUMS") || strcmp (names[n], CANDOR_BUNDLE_SIGNER) == 0;

      for (gsize offset = 0; offset < size; offset += exhaustive ? 1 : MAX (size / 5, 1))
        for (guint m = 0; m < G_N_ELEMENTS (masks); m++)
          {
            Flip flip = { names[n], offset, masks[m] };
            g_autoptr(GBytes) tampered = test_edit_bundle (f->zip, flip_byte, &flip);
            g_autoptr(CandorBundleVerification) result = candor_bundle_verify (tampered, NULL, NULL);

            if (candor_bundle_verification_get_passed (result) ||
                g_strcmp0 (candor_bundle_verification_get_failed_file (result), names[n]) != 0)
              {
                g_autoptr(GBytes) original = lookup (f->zip, names[n]);
                g_file_set_contents ("/tmp/candor-flip-original", g_bytes_get_data (original, NULL), g_bytes_get_size (original), NULL);
              g_error ("flipping byte %" G_GSIZE_FORMAT " of %s with 0x%02x: %s", offset, names[n],
                       masks[m], candor_bundle_verification_get_passed (result)
                       ? "still verifies" : candor_bundle_verification_get_error (result)->message);
              }
            g_assert_true (g_str_has_prefix (candor_bundle_verification_get_error (result)->message, names[n]));
          }
    }
}

static void
add_file (GPtrArray *files, gpointer user_data)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static ("extra\n", 6);

  g_ptr_array_add (files, candor_bundle_file_new (user_data, bytes));
}

static void
remove_file (GPtrArray *files, gpointer user_data)
{
  g_ptr_array_remove (files, candor_bundle_file_list_find (files, user_data));
}

static void
replace_file (GPtrArray *files, gpointer user_data)
{
  CandorBundleFile *replacement = user_data;
  CandorBundleFile *file = candor_bundle_file_list_find (files, replacement->name);

  g_bytes_unref (file->bytes);
  file->bytes = g_bytes_ref (replacement->bytes);
}

static void
test_verify_added_removed (Fixture *f, gconstpointer data)
{
  g_autoptr(GBytes) added = test_edit_bundle (f->zip, add_file, (gpointer) "label-extra.svg");
  g_autoptr(GBytes) removed = test_edit_bundle (f->zip, remove_file, (gpointer) "index.html");
  g_autoptr(GBytes) no_sums = test_edit_bundle (f->zip, remove_file, (gpointer) CANDOR_BUNDLE_SUMS);
  g_autoptr(GBytes) no_pem = test_edit_bundle (f->zip, remove_file, (gpointer) CANDOR_BUNDLE_SIGNER);

  assert_fails (added, NULL, CANDOR_BUNDLE_ERROR_UNLISTED_FILE, "label-extra.svg");
  assert_fails (removed, NULL, CANDOR_BUNDLE_ERROR_MISSING_FILE, "index.html");
  assert_fails (no_sums, NULL, CANDOR_BUNDLE_ERROR_MISSING_FILE, CANDOR_BUNDLE_SUMS);
  assert_fails (no_pem, NULL, CANDOR_BUNDLE_ERROR_MISSING_FILE, CANDOR_BUNDLE_SIGNER);
}

static void
test_verify_other_signer (Fixture *f, gconstpointer data)
{
  g_autoptr(CandorSigner) other = test_signer_new (f->dir, "other");
  g_autoptr(GBytes) other_pem = candor_signer_get_chain_pem (other) ? g_bytes_ref (candor_signer_get_chain_pem (other)) : NULL;
  g_autoptr(GBytes) sums = lookup (f->zip, CANDOR_BUNDLE_SUMS);
  g_autoptr(GBytes) other_sig = NULL;
  g_autoptr(GBytes) swapped_pem = NULL;
  g_autoptr(GBytes) swapped_sig = NULL;
  g_autoptr(GError) error = NULL;
  CandorBundleFile pem_file = { (char *) CANDOR_BUNDLE_SIGNER, other_pem };
  CandorBundleFile sig_file = { (char *) CANDOR_BUNDLE_SIGNATURE, NULL };

  /* signer.pem replaced by another identity's certificate */
  swapped_pem = test_edit_bundle (f->zip, replace_file, &pem_file);
  assert_fails (swapped_pem, NULL, CANDOR_BUNDLE_ERROR_SIGNER_REPLACED, CANDOR_BUNDLE_SIGNER);

  /* the same SHA256SUMS signed by another key */
  other_sig = candor_signer_sign (other, sums, &error);
  g_assert_no_error (error);
  sig_file.bytes = other_sig;
  swapped_sig = test_edit_bundle (f->zip, replace_file, &sig_file);
  assert_fails (swapped_sig, NULL, CANDOR_BUNDLE_ERROR_OTHER_KEY, CANDOR_BUNDLE_SIGNATURE);
}

/* A key that claims the right certificate but is not its key. */
static void
test_verify_forged_key (Fixture *f, gconstpointer data)
{
  g_autoptr(CandorIdentity) other = test_identity_new (f->dir, "forger", NULL, 30);
  g_autofree char *key_path = g_build_filename (candor_identity_get_path (other), CANDOR_IDENTITY_KEY_FILE, NULL);
  g_autoptr(GMappedFile) key = g_mapped_file_new (key_path, FALSE, NULL);
  g_autoptr(GBytes) key_bytes = g_mapped_file_get_bytes (key);
  g_autoptr(GError) error = NULL;
  g_autoptr(CandorSigner) forged = candor_signer_new_from_pem (key_bytes, TEST_PASSPHRASE,
                                                              candor_signer_get_chain_pem (f->signer), &error);

  /* the library refuses to pair a key with a certificate it does not belong to */
  g_assert_error (error, CANDOR_BUNDLE_ERROR, CANDOR_BUNDLE_ERROR_IDENTITY);
  g_assert_null (forged);
}

static void
test_verify_expired (Fixture *f, gconstpointer data)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) long_ago = g_date_time_add_days (now, -400);
  g_autoptr(CandorIdentity) old = test_identity_new (f->dir, "expired", long_ago, 30);
  g_autoptr(GError) error = NULL;
  g_autoptr(CandorSigner) signer = candor_identity_unlock (old, TEST_PASSPHRASE, &error);
  g_autoptr(GPtrArray) files = test_sample_files ();
  g_autoptr(GPtrArray) listed = test_sample_files ();
  g_autoptr(GBytes) sums = NULL;
  g_autoptr(GBytes) sig = NULL;
  g_autoptr(GBytes) zip = NULL;

  g_assert_no_error (error);
  /* the writer refuses outright */
  g_assert_null (candor_bundle_write (files, now, signer, &error));
  g_assert_error (error, CANDOR_BUNDLE_ERROR, CANDOR_BUNDLE_ERROR_EXPIRED);
  g_clear_error (&error);

  /* a bundle put together by hand with that certificate is refused by verify */
  g_ptr_array_add (listed, candor_bundle_file_new (CANDOR_BUNDLE_SIGNER, candor_signer_get_chain_pem (signer)));
  sums = candor_sha256sums_build (listed);
  sig = candor_signer_sign (signer, sums, &error);
  g_assert_no_error (error);
  zip = candor_bundle_assemble (files, sums, sig, candor_signer_get_chain_pem (signer), 1772366400, &error);
  g_assert_no_error (error);
  assert_fails (zip, NULL, CANDOR_BUNDLE_ERROR_EXPIRED, CANDOR_BUNDLE_SIGNER);
}

static void
test_verify_ca (Fixture *f, gconstpointer data)
{
  g_autoptr(CandorSigner) other = test_signer_new (f->dir, "unrelated");
  g_autoptr(CandorBundleVerification) result = candor_bundle_verify (f->zip, candor_signer_get_chain_pem (f->signer), "acme.pem");
  g_autoptr(GBytes) junk = g_bytes_new_static ("not a certificate\n", 18);

  g_assert_true (candor_bundle_verification_get_passed (result));
  g_assert_true (candor_bundle_verification_get_trusted (result));
  assert_fails (f->zip, candor_signer_get_chain_pem (other), CANDOR_BUNDLE_ERROR_UNTRUSTED, CANDOR_BUNDLE_SIGNER);
  assert_fails (f->zip, junk, CANDOR_BUNDLE_ERROR_BAD_CERTIFICATE, NULL);
}

/* Zips written directly with libarchive, to hold what Candor would never write. */
typedef struct
{
  const char *name;
  int type;           /* AE_IFREG, AE_IFLNK, AE_IFDIR */
  const char *content;
  const char *link;
  gsize repeat;       /* content size in MiB of zeros when > 0 */
} RawEntry;

static la_ssize_t
append_cb (struct archive *a, void *user_data, const void *buffer, size_t length)
{
  g_byte_array_append (user_data, buffer, length);
  return (la_ssize_t) length;
}

static GBytes *
raw_zip (const RawEntry *entries, guint n)
{
  GByteArray *out = g_byte_array_new ();
  struct archive *a = archive_write_new ();

  archive_write_set_format_zip (a);
  archive_write_set_bytes_in_last_block (a, 1);
  g_assert_cmpint (archive_write_open (a, out, NULL, append_cb, NULL), ==, ARCHIVE_OK);
  for (guint i = 0; i < n; i++)
    {
      struct archive_entry *entry = archive_entry_new ();
      gsize size = entries[i].repeat > 0 ? entries[i].repeat * 1024 * 1024
                   : entries[i].content != NULL ? strlen (entries[i].content) : 0;

      archive_entry_set_pathname (entry, entries[i].name);
      archive_entry_set_filetype (entry, entries[i].type);
      archive_entry_set_perm (entry, 0644);
      if (entries[i].link != NULL)
        archive_entry_set_symlink (entry, entries[i].link);
      if (entries[i].type == AE_IFREG)
        archive_entry_set_size (entry, (la_int64_t) size);
      g_assert_cmpint (archive_write_header (a, entry), ==, ARCHIVE_OK);
      if (entries[i].repeat > 0)
        {
          g_autofree guint8 *zeros = g_malloc0 (1024 * 1024);
          for (gsize m = 0; m < entries[i].repeat; m++)
            archive_write_data (a, zeros, 1024 * 1024);
        }
      else if (size > 0)
        archive_write_data (a, entries[i].content, size);
      archive_entry_free (entry);
    }
  archive_write_close (a);
  archive_write_free (a);
  return g_byte_array_free_to_bytes (out);
}

/* Patches the uncompressed size of every entry, in its local header and the central directory,
 * so both claim 2 GiB. */
static GBytes *
declare_huge (GBytes *zip)
{
  gsize size = g_bytes_get_size (zip);
  guint8 *data = g_memdup2 (g_bytes_get_data (zip, NULL), size);

  for (gsize i = 0; i + 46 < size; i++)
    {
      gsize at = memcmp (data + i, "PK\x01\x02", 4) == 0 ? i + 24
                 : memcmp (data + i, "PK\x03\x04", 4) == 0 ? i + 22 : 0;

      if (at != 0)
        {
          data[at] = 0xf0; data[at + 1] = 0xff; data[at + 2] = 0xff; data[at + 3] = 0x7f;
        }
    }
  return g_bytes_new_take (data, size);
}

static void
assert_refused_in_empty_dir (GBytes *zip, int code)
{
  char *dir = test_tmpdir_new ();
  char *zip_dir = test_tmpdir_new ();
  g_autofree char *cwd = g_get_current_dir ();
  g_autoptr(GDir) handle = NULL;
  g_autofree char *zip_path = g_build_filename (zip_dir, "malformed.zip", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *cli = test_cli_path ();
  const char *argv[] = { cli, "verify", zip_path, NULL };

  /* in the library, then the command, both working in an empty folder */
  g_assert_cmpint (g_chdir (dir), ==, 0);
  assert_fails (zip, NULL, code, NULL);
  g_assert_cmpint (g_chdir (cwd), ==, 0);
  g_assert_true (g_file_set_contents (zip_path, g_bytes_get_data (zip, NULL), g_bytes_get_size (zip), NULL));
  g_assert_cmpint (test_run (argv, dir, &out, &err), ==, 1);
  g_assert_nonnull (strstr (err, "FAILED"));

  /* nothing was unpacked: the working folder is still empty, no file escaped */
  handle = g_dir_open (dir, 0, NULL);
  g_assert_null (g_dir_read_name (handle));
  g_assert_false (g_file_test ("/tmp/candor-escaped.txt", G_FILE_TEST_EXISTS));
  test_tmpdir_free (dir);
  test_tmpdir_free (zip_dir);
}

static void
test_verify_malformed (void)
{
  const RawEntry traversal[] = { { "../candor-escaped.txt", AE_IFREG, "x" } };
  const RawEntry absolute[] = { { "/tmp/candor-escaped.txt", AE_IFREG, "x" } };
  const RawEntry nested[] = { { "sub/index.html", AE_IFREG, "x" } };
  const RawEntry symlink[] = { { "index.html", AE_IFLNK, NULL, "/etc/passwd" } };
  const RawEntry folder[] = { { "labels/", AE_IFDIR } };
  const RawEntry duplicate[] = { { "index.html", AE_IFREG, "a" }, { "index.html", AE_IFREG, "b" } };
  const RawEntry case_dup[] = { { "index.html", AE_IFREG, "a" }, { "INDEX.html", AE_IFREG, "b" } };
  const RawEntry bomb[] = { { "disclosure.json", AE_IFREG, NULL, NULL, 80 } };
  const RawEntry total[] = { { "a", AE_IFREG, NULL, NULL, 20 }, { "b", AE_IFREG, NULL, NULL, 20 },
                             { "c", AE_IFREG, NULL, NULL, 20 }, { "d", AE_IFREG, NULL, NULL, 20 } };
  const RawEntry small[] = { { "disclosure.json", AE_IFREG, "{}" } };
  g_autoptr(GBytes) z_traversal = raw_zip (traversal, 1);
  g_autoptr(GBytes) z_absolute = raw_zip (absolute, 1);
  g_autoptr(GBytes) z_nested = raw_zip (nested, 1);
  g_autoptr(GBytes) z_symlink = raw_zip (symlink, 1);
  g_autoptr(GBytes) z_folder = raw_zip (folder, 1);
  g_autoptr(GBytes) z_duplicate = raw_zip (duplicate, 2);
  g_autoptr(GBytes) z_case_dup = raw_zip (case_dup, 2);
  g_autoptr(GBytes) z_bomb = raw_zip (bomb, 1);
  g_autoptr(GBytes) z_total = raw_zip (total, 4);
  g_autoptr(GBytes) z_small = raw_zip (small, 1);
  g_autoptr(GBytes) z_huge = declare_huge (z_small);
  g_autoptr(GBytes) z_empty = g_bytes_new_static ("", 0);
  g_autoptr(GBytes) z_text = g_bytes_new_static ("this is not a zip file at all, just text\n", 41);

  /* a zip bomb really is small on disk */
  g_assert_cmpuint (g_bytes_get_size (z_bomb), <, 1024 * 1024);

  assert_refused_in_empty_dir (z_traversal, CANDOR_BUNDLE_ERROR_MALFORMED);
  assert_refused_in_empty_dir (z_absolute, CANDOR_BUNDLE_ERROR_MALFORMED);
  assert_refused_in_empty_dir (z_nested, CANDOR_BUNDLE_ERROR_MALFORMED);
  assert_refused_in_empty_dir (z_symlink, CANDOR_BUNDLE_ERROR_MALFORMED);
  assert_refused_in_empty_dir (z_folder, CANDOR_BUNDLE_ERROR_MALFORMED);
  assert_refused_in_empty_dir (z_duplicate, CANDOR_BUNDLE_ERROR_MALFORMED);
  assert_refused_in_empty_dir (z_case_dup, CANDOR_BUNDLE_ERROR_MALFORMED);
  assert_refused_in_empty_dir (z_bomb, CANDOR_BUNDLE_ERROR_TOO_LARGE);
  assert_refused_in_empty_dir (z_total, CANDOR_BUNDLE_ERROR_TOO_LARGE);
  assert_refused_in_empty_dir (z_huge, CANDOR_BUNDLE_ERROR_TOO_LARGE);
  assert_refused_in_empty_dir (z_empty, CANDOR_BUNDLE_ERROR_MALFORMED);
  assert_refused_in_empty_dir (z_text, CANDOR_BUNDLE_ERROR_MALFORMED);
}

static void
test_verify_truncated (Fixture *f, gconstpointer data)
{
  gsize size = g_bytes_get_size (f->zip);
  const gsize cuts[] = { 1, 10, 22, 100, size / 2, size - 1 };

  for (guint i = 0; i < G_N_ELEMENTS (cuts); i++)
    {
      g_autoptr(GBytes) cut = g_bytes_new_from_bytes (f->zip, 0, size - cuts[i]);
      g_autoptr(CandorBundleVerification) result = candor_bundle_verify (cut, NULL, NULL);

      g_assert_false (candor_bundle_verification_get_passed (result));
      g_assert_error ((GError *) candor_bundle_verification_get_error (result),
                      CANDOR_BUNDLE_ERROR, CANDOR_BUNDLE_ERROR_MALFORMED);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/candor/bundle/verify/good", test_verify_good);
  ADD ("/candor/bundle/verify/tamper-every-byte", test_verify_tamper_every_byte);
  ADD ("/candor/bundle/verify/cms-not-der", test_verify_cms_not_der);
  ADD ("/candor/bundle/verify/added-removed", test_verify_added_removed);
  ADD ("/candor/bundle/verify/other-signer", test_verify_other_signer);
  ADD ("/candor/bundle/verify/forged-key", test_verify_forged_key);
  ADD ("/candor/bundle/verify/expired", test_verify_expired);
  ADD ("/candor/bundle/verify/ca", test_verify_ca);
  ADD ("/candor/bundle/verify/truncated", test_verify_truncated);
#undef ADD
  g_test_add_func ("/candor/bundle/verify/malformed", test_verify_malformed);

  return g_test_run ();
}
