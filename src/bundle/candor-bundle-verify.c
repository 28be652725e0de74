/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-bundle-verify.c: the checks behind `candor-cli verify` and the app's bundle view. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <gnutls/crypto.h>
#include <gnutls/pkcs7.h>
#include <string.h>

#include "candor-bundle-private.h"
#include "candor-bundle-verify.h"

#define OID_MESSAGE_DIGEST "1.2.840.113549.1.9.4"

typedef struct
{
  char *name;
  CandorFileCheck check;
} FileEntry;

struct _CandorBundleVerification
{
  GObject parent_instance;

  GError *error;
  char *failed_file;
  CandorCertificate *signer;
  GDateTime *signing_time;
  gboolean trusted;
  GPtrArray *files;     /* CandorBundleFile, zip order */
  GArray *entries;      /* FileEntry */
};

G_DEFINE_FINAL_TYPE (CandorBundleVerification, candor_bundle_verification, G_TYPE_OBJECT)

static void
clear_entry (gpointer data)
{
  g_free (((FileEntry *) data)->name);
}

static void
candor_bundle_verification_finalize (GObject *object)
{
  CandorBundleVerification *self = CANDOR_BUNDLE_VERIFICATION (object);

  g_clear_error (&self->error);
  g_free (self->failed_file);
  g_clear_object (&self->signer);
  g_clear_pointer (&self->signing_time, g_date_time_unref);
  g_clear_pointer (&self->files, g_ptr_array_unref);
  g_clear_pointer (&self->entries, g_array_unref);

  G_OBJECT_CLASS (candor_bundle_verification_parent_class)->finalize (object);
}

static void
candor_bundle_verification_class_init (CandorBundleVerificationClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = candor_bundle_verification_finalize;
}

static void
candor_bundle_verification_init (CandorBundleVerification *self)
{
  self->entries = g_array_new (FALSE, TRUE, sizeof (FileEntry));
  g_array_set_clear_func (self->entries, clear_entry);
}

/* Records the first failure; the message always starts with the file it is about. */
static gboolean G_GNUC_PRINTF (4, 5)
failed (CandorBundleVerification *self, int code, const char *file, const char *format, ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  if (file != NULL)
    self->error = g_error_new (CANDOR_BUNDLE_ERROR, code, "%s: %s", file, message);
  else
    self->error = g_error_new_literal (CANDOR_BUNDLE_ERROR, code, message);
  self->failed_file = g_strdup (file);
  return FALSE;
}

static FileEntry *
entry_for (CandorBundleVerification *self, const char *name)
{
  for (guint i = 0; i < self->entries->len; i++)
    {
      FileEntry *entry = &g_array_index (self->entries, FileEntry, i);

      if (strcmp (entry->name, name) == 0)
        return entry;
    }
  return NULL;
}

static void
set_check (CandorBundleVerification *self, const char *name, CandorFileCheck check)
{
  FileEntry *entry = entry_for (self, name);

  if (entry != NULL)
    entry->check = check;
}

static void
add_entry (CandorBundleVerification *self, const char *name, CandorFileCheck check)
{
  FileEntry entry = { g_strdup (name), check };

  g_array_append_val (self->entries, entry);
}

/* Does SignerInfo name this certificate (issuer and serial, or subject key id)? */
static gboolean
names_signer (gnutls_pkcs7_signature_info_st *info, gnutls_x509_crt_t crt)
{
  if (info->issuer_dn.data != NULL)
    {
      gnutls_datum_t dn = { NULL, 0 };
      guint8 serial[128];
      size_t serial_size = sizeof serial;
      gboolean same;

      if (gnutls_x509_crt_get_raw_issuer_dn (crt, &dn) < 0)
        return FALSE;
      same = dn.size == info->issuer_dn.size && memcmp (dn.data, info->issuer_dn.data, dn.size) == 0;
      gnutls_free (dn.data);
      return same && gnutls_x509_crt_get_serial (crt, serial, &serial_size) == 0 &&
             serial_size == info->signer_serial.size &&
             memcmp (serial, info->signer_serial.data, serial_size) == 0;
    }
  if (info->issuer_keyid.data != NULL)
    {
      guint8 id[64];
      size_t id_size = sizeof id;
      unsigned int critical;

      return gnutls_x509_crt_get_subject_key_id (crt, id, &id_size, &critical) == 0 &&
             id_size == info->issuer_keyid.size && memcmp (id, info->issuer_keyid.data, id_size) == 0;
    }
  return FALSE;
}

/* Does the messageDigest attribute hold the digest of @content? */
static gboolean
digest_attribute_matches (gnutls_pkcs7_signature_info_st *info, GBytes *content)
{
  gnutls_digest_algorithm_t hash = gnutls_sign_get_hash_algorithm (info->algo);
  guint8 digest[64];
  gsize size;
  gconstpointer data = g_bytes_get_data (content, &size);
  gboolean matches = FALSE;

  if (hash == GNUTLS_DIG_UNKNOWN || gnutls_hash_get_len (hash) > sizeof digest ||
      gnutls_hash_fast (hash, data, size, digest) < 0)
    return FALSE;
  for (unsigned int i = 0; ; i++)
    {
      char *oid = NULL;
      gnutls_datum_t value = { NULL, 0 };

      if (gnutls_pkcs7_get_attr (info->signed_attrs, i, &oid, &value,
                                 GNUTLS_PKCS7_ATTR_ENCODE_OCTET_STRING) < 0)
        break;
      if (strcmp (oid, OID_MESSAGE_DIGEST) == 0)
        matches = value.size == gnutls_hash_get_len (hash) && memcmp (value.data, digest, value.size) == 0;
      gnutls_free (value.data);
      /* the OID belongs to the attribute list */
    }
  return matches;
}

/* Compares every file with SHA256SUMS; remembers the outcome per file. */
static gboolean
compare_with_sums (CandorBundleVerification *self, GHashTable *sums)
{
  gboolean consistent = TRUE;
  GHashTableIter iter;
  gpointer name;

  for (guint i = 0; i < self->files->len; i++)
    {
      CandorBundleFile *file = g_ptr_array_index (self->files, i);
      const char *expected;
      CandorFileCheck check;

      if (strcmp (file->name, CANDOR_BUNDLE_SUMS) == 0 || strcmp (file->name, CANDOR_BUNDLE_SIGNATURE) == 0)
        {
          add_entry (self, file->name, CANDOR_FILE_CHECK_NOT_CHECKED);
          continue;
        }
      expected = g_hash_table_lookup (sums, file->name);
      if (expected == NULL)
        check = CANDOR_FILE_CHECK_UNLISTED;
      else
        {
          gsize size;
          gconstpointer data = g_bytes_get_data (file->bytes, &size);
          g_autofree char *actual = g_compute_checksum_for_data (G_CHECKSUM_SHA256, data, size);

          check = strcmp (actual, expected) == 0 ? CANDOR_FILE_CHECK_OK : CANDOR_FILE_CHECK_CHANGED;
        }
      consistent &= check == CANDOR_FILE_CHECK_OK;
      add_entry (self, file->name, check);
    }

  g_hash_table_iter_init (&iter, sums);
  while (g_hash_table_iter_next (&iter, &name, NULL))
    if (candor_bundle_file_list_find (self->files, name) == NULL)
      {
        add_entry (self, name, CANDOR_FILE_CHECK_MISSING);
        consistent = FALSE;
      }
  return consistent;
}

/* The certificates inside the signature are not signed: each must be one of signer.pem's,
 * byte for byte, or a verifier using them (openssl does) could see another signer. */
/* Every line starts with 64 lower-case hex digits and two spaces, as sha256sum writes them. */
static gboolean
sums_as_written (GBytes *sums)
{
  gsize size;
  const char *text = g_bytes_get_data (sums, &size);
  const char *end = text + size;

  for (const char *line = text; line < end;)
    {
      const char *nl = memchr (line, '\n', end - line);

      if (nl == NULL || nl - line < 67 || line[64] != ' ' || line[65] != ' ')
        return FALSE;
      for (int i = 0; i < 64; i++)
        if (!g_ascii_isdigit (line[i]) && !(line[i] >= 'a' && line[i] <= 'f'))
          return FALSE;
      line = nl + 1;
    }
  return TRUE;
}

static gboolean
check_embedded_certificates (CandorBundleVerification *self, gnutls_pkcs7_t p7, GPtrArray *chain)
{
  int count = gnutls_pkcs7_get_crt_count (p7);

  for (int i = 0; i < count; i++)
    {
      gnutls_datum_t embedded = { NULL, 0 };
      gboolean found = FALSE;

      if (gnutls_pkcs7_get_crt_raw2 (p7, i, &embedded) < 0)
        return failed (self, CANDOR_BUNDLE_ERROR_BAD_SIGNATURE, CANDOR_BUNDLE_SIGNATURE,
                       _("a certificate inside the signature cannot be read"));
      for (guint j = 0; j < chain->len && !found; j++)
        {
          gnutls_datum_t mine = { NULL, 0 };

          if (gnutls_x509_crt_export2 (_candor_certificate_get_crt (g_ptr_array_index (chain, j)),
                                       GNUTLS_X509_FMT_DER, &mine) == 0)
            found = mine.size == embedded.size && memcmp (mine.data, embedded.data, mine.size) == 0;
          gnutls_free (mine.data);
        }
      gnutls_free (embedded.data);
      if (!found)
        {
          FileEntry *pem_entry = entry_for (self, CANDOR_BUNDLE_SIGNER);

          if (pem_entry == NULL || pem_entry->check != CANDOR_FILE_CHECK_OK)
            return failed (self, CANDOR_BUNDLE_ERROR_SIGNER_REPLACED, CANDOR_BUNDLE_SIGNER,
                           _("replaced: it is not the certificate this bundle was signed with"));
          return failed (self, CANDOR_BUNDLE_ERROR_BAD_SIGNATURE, CANDOR_BUNDLE_SIGNATURE,
                         _("it carries a certificate that is not in %s"), CANDOR_BUNDLE_SIGNER);
        }
    }
  return TRUE;
}

static gboolean
check_signature (CandorBundleVerification *self,
                 gnutls_pkcs7_t            p7,
                 GPtrArray                *chain,
                 GBytes                   *sums,
                 gboolean                  sums_consistent)
{
  gnutls_pkcs7_signature_info_st info;
  gnutls_x509_crt_t crt = _candor_certificate_get_crt (g_ptr_array_index (chain, 0));
  FileEntry *pem_entry = entry_for (self, CANDOR_BUNDLE_SIGNER);
  gboolean pem_changed = pem_entry == NULL || pem_entry->check != CANDOR_FILE_CHECK_OK;
  gnutls_datum_t content;
  gsize size;
  int ret;

  if (gnutls_pkcs7_get_signature_count (p7) != 1 || gnutls_pkcs7_get_signature_info (p7, 0, &info) < 0)
    return failed (self, CANDOR_BUNDLE_ERROR_BAD_SIGNATURE, CANDOR_BUNDLE_SIGNATURE,
                   _("it must hold exactly one readable signature"));

  if (!names_signer (&info, crt))
    {
      gnutls_pkcs7_signature_info_deinit (&info);
      if (pem_changed)
        return failed (self, CANDOR_BUNDLE_ERROR_SIGNER_REPLACED, CANDOR_BUNDLE_SIGNER,
                       _("replaced: it is not the certificate this bundle was signed with"));
      return failed (self, CANDOR_BUNDLE_ERROR_OTHER_KEY, CANDOR_BUNDLE_SIGNATURE,
                     _("signed by another key than the certificate in %s"), CANDOR_BUNDLE_SIGNER);
    }

  if (!check_embedded_certificates (self, p7, chain))
    {
      gnutls_pkcs7_signature_info_deinit (&info);
      return FALSE;
    }

  content.data = (unsigned char *) g_bytes_get_data (sums, &size);
  content.size = size;
  /* Validity is checked against the signing time below, not against today. */
  ret = gnutls_pkcs7_verify_direct (p7, crt, 0, &content,
                                    GNUTLS_VERIFY_DISABLE_TIME_CHECKS | GNUTLS_VERIFY_DISABLE_TRUSTED_TIME_CHECKS);
  if (ret < 0)
    {
      gboolean digest_ok = digest_attribute_matches (&info, sums);

      gnutls_pkcs7_signature_info_deinit (&info);
      /* SHA256SUMS and the digest signed in SHA256SUMS.p7s disagree: the one that still
       * agrees with the files is the original. */
      if (!digest_ok)
        {
          if (!sums_consistent)
            return failed (self, CANDOR_BUNDLE_ERROR_SUMS_CHANGED, CANDOR_BUNDLE_SUMS,
                           _("changed after it was signed: the signature does not match it"));
          return failed (self, CANDOR_BUNDLE_ERROR_BAD_SIGNATURE, CANDOR_BUNDLE_SIGNATURE,
                         _("the signature is damaged: it does not match %s"), CANDOR_BUNDLE_SUMS);
        }
      /* SHA256SUMS is the signed one: if it no longer lists this signer.pem, the certificate changed. */
      if (pem_changed)
        return failed (self, CANDOR_BUNDLE_ERROR_CHECKSUM, CANDOR_BUNDLE_SIGNER,
                       _("changed after signing: the signature does not verify with it"));
      return failed (self, CANDOR_BUNDLE_ERROR_BAD_SIGNATURE, CANDOR_BUNDLE_SIGNATURE,
                     _("the signature is damaged or was not made by the key in %s (%s)"),
                     CANDOR_BUNDLE_SIGNER, gnutls_strerror (ret));
    }

  if (info.signing_time != (time_t) -1)
    self->signing_time = g_date_time_new_from_unix_utc (info.signing_time);
  gnutls_pkcs7_signature_info_deinit (&info);
  if (self->signing_time == NULL)
    return failed (self, CANDOR_BUNDLE_ERROR_BAD_SIGNATURE, CANDOR_BUNDLE_SIGNATURE,
                   _("the signature has no signing time"));
  set_check (self, CANDOR_BUNDLE_SUMS, CANDOR_FILE_CHECK_OK);
  set_check (self, CANDOR_BUNDLE_SIGNATURE, CANDOR_FILE_CHECK_OK);
  return TRUE;
}

static gboolean
check_validity (CandorBundleVerification *self, GPtrArray *chain)
{
  g_autofree char *signed_at = g_date_time_format_iso8601 (self->signing_time);

  if (chain->len > 0)
    {
      g_autoptr(GError) policy_error = NULL;

      if (!candor_certificate_check_signing_policy (g_ptr_array_index (chain, 0), &policy_error))
        return failed (self, policy_error->code, CANDOR_BUNDLE_SIGNER, "%s", policy_error->message);
    }
  for (guint i = 0; i < chain->len; i++)
    {
      CandorCertificate *cert = g_ptr_array_index (chain, i);
      g_autoptr(GError) error = NULL;

      if (!candor_certificate_check_valid_at (cert, self->signing_time, &error))
        {
          g_autofree char *from = g_date_time_format_iso8601 (candor_certificate_get_not_before (cert));
          g_autofree char *to = g_date_time_format_iso8601 (candor_certificate_get_not_after (cert));

          if (error->code == CANDOR_BUNDLE_ERROR_EXPIRED)
            return failed (self, error->code, CANDOR_BUNDLE_SIGNER,
                           _("the certificate “%s” had expired when the bundle was signed (signed %s, valid until %s)"),
                           candor_certificate_get_subject (cert), signed_at, to);
          return failed (self, error->code, CANDOR_BUNDLE_SIGNER,
                         _("the certificate “%s” was not yet valid when the bundle was signed (signed %s, valid from %s)"),
                         candor_certificate_get_subject (cert), signed_at, from);
        }
    }
  return TRUE;
}

static gboolean
check_trust (CandorBundleVerification *self, GPtrArray *chain, GBytes *ca_pem, const char *ca_label)
{
  gnutls_x509_trust_list_t tl = NULL;
  gnutls_x509_crt_t crts[16];
  gnutls_datum_t ca;
  unsigned int status = 0;
  gsize size;
  int ret;

  if (ca_label == NULL)
    ca_label = _("the trust anchor");
  ca.data = (unsigned char *) g_bytes_get_data (ca_pem, &size);
  ca.size = size;
  gnutls_x509_trust_list_init (&tl, 0);
  ret = gnutls_x509_trust_list_add_trust_mem (tl, &ca, NULL, GNUTLS_X509_FMT_PEM, 0, 0);
  if (ret <= 0)
    {
      gnutls_x509_trust_list_deinit (tl, 1);
      return failed (self, CANDOR_BUNDLE_ERROR_BAD_CERTIFICATE, NULL,
                     _("%s: no trust anchor certificate could be read"), ca_label);
    }
  for (guint i = 0; i < chain->len && i < G_N_ELEMENTS (crts); i++)
    crts[i] = _candor_certificate_get_crt (g_ptr_array_index (chain, i));
  ret = gnutls_x509_trust_list_verify_crt2 (tl, crts, MIN (chain->len, G_N_ELEMENTS (crts)), NULL, 0,
                                            GNUTLS_VERIFY_DISABLE_TIME_CHECKS |
                                            GNUTLS_VERIFY_DISABLE_TRUSTED_TIME_CHECKS,
                                            &status, NULL);
  gnutls_x509_trust_list_deinit (tl, 1);
  if (ret < 0 || status != 0)
    {
      gnutls_datum_t reason = { NULL, 0 };
      g_autofree char *why = NULL;

      if (ret >= 0 && gnutls_certificate_verification_status_print (status, GNUTLS_CRT_X509, &reason, 0) >= 0)
        why = g_strndup ((const char *) reason.data, reason.size);
      gnutls_free (reason.data);
      return failed (self, CANDOR_BUNDLE_ERROR_UNTRUSTED, CANDOR_BUNDLE_SIGNER,
                     _("the certificate does not chain to the trust anchor in %s (%s)"), ca_label,
                     why != NULL ? why : gnutls_strerror (ret));
    }
  self->trusted = TRUE;
  return TRUE;
}

/* The first file that disagrees with SHA256SUMS, in zip order, then missing ones. */
static gboolean
check_files (CandorBundleVerification *self)
{
  for (guint i = 0; i < self->entries->len; i++)
    {
      FileEntry *entry = &g_array_index (self->entries, FileEntry, i);

      switch (entry->check)
        {
        case CANDOR_FILE_CHECK_MISSING:
          return failed (self, CANDOR_BUNDLE_ERROR_MISSING_FILE, entry->name,
                         _("listed in %s but missing from the bundle"), CANDOR_BUNDLE_SUMS);
        case CANDOR_FILE_CHECK_UNLISTED:
          return failed (self, CANDOR_BUNDLE_ERROR_UNLISTED_FILE, entry->name,
                         _("not listed in %s: added after signing"), CANDOR_BUNDLE_SUMS);
        case CANDOR_FILE_CHECK_CHANGED:
          return failed (self, CANDOR_BUNDLE_ERROR_CHECKSUM, entry->name,
                         _("does not match its SHA-256 in %s: changed after signing"), CANDOR_BUNDLE_SUMS);
        case CANDOR_FILE_CHECK_OK:
        case CANDOR_FILE_CHECK_NOT_CHECKED:
        default:
          break;
        }
    }
  return TRUE;
}

static gboolean
run_checks (CandorBundleVerification *self, GBytes *zip, GBytes *ca_pem, const char *ca_label)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) chain = NULL;
  g_autoptr(GHashTable) sums = NULL;
  CandorBundleFile *sums_file, *sig_file, *pem_file;
  gnutls_pkcs7_t p7 = NULL;
  gnutls_datum_t der;
  gboolean ok, consistent;
  gsize size;
  const char *required[] = { CANDOR_BUNDLE_SUMS, CANDOR_BUNDLE_SIGNATURE, CANDOR_BUNDLE_SIGNER };

  self->files = candor_bundle_zip_read (zip, &error);
  if (self->files == NULL)
    {
      self->error = g_steal_pointer (&error);
      return FALSE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (required); i++)
    if (candor_bundle_file_list_find (self->files, required[i]) == NULL)
      return failed (self, CANDOR_BUNDLE_ERROR_MISSING_FILE, required[i],
                     _("missing: every bundle has %s, %s and %s"),
                     CANDOR_BUNDLE_SUMS, CANDOR_BUNDLE_SIGNATURE, CANDOR_BUNDLE_SIGNER);
  sums_file = candor_bundle_file_list_find (self->files, CANDOR_BUNDLE_SUMS);
  sig_file = candor_bundle_file_list_find (self->files, CANDOR_BUNDLE_SIGNATURE);
  pem_file = candor_bundle_file_list_find (self->files, CANDOR_BUNDLE_SIGNER);

  chain = _candor_certificate_list_from_pem (pem_file->bytes, CANDOR_BUNDLE_SIGNER, &error);
  if (chain == NULL)
    {
      self->failed_file = g_strdup (CANDOR_BUNDLE_SIGNER);
      self->error = g_steal_pointer (&error);
      return FALSE;
    }
  self->signer = g_object_ref (g_ptr_array_index (chain, 0));

  sums = candor_sha256sums_parse (sums_file->bytes, &error);
  if (sums == NULL)
    {
      self->failed_file = g_strdup (CANDOR_BUNDLE_SUMS);
      self->error = g_steal_pointer (&error);
      return FALSE;
    }
  /* Whether SHA256SUMS is still as Candor wrote it for these files: the same digests, and the
   * same bytes for them (lower-case hex, two spaces), since a reader that accepts "A" for "a"
   * would otherwise take an edited SHA256SUMS for the signed one and blame the signature. */
  consistent = compare_with_sums (self, sums) && sums_as_written (sums_file->bytes);

  der.data = (unsigned char *) g_bytes_get_data (sig_file->bytes, &size);
  der.size = size;
  gnutls_pkcs7_init (&p7);
  if (size == 0 || gnutls_pkcs7_import (p7, &der, GNUTLS_X509_FMT_DER) < 0)
    {
      gnutls_pkcs7_deinit (p7);
      return failed (self, CANDOR_BUNDLE_ERROR_BAD_SIGNATURE, CANDOR_BUNDLE_SIGNATURE,
                     _("not a readable CMS (PKCS #7) signature in DER form"));
    }
  if (!_candor_cms_check_structure (sig_file->bytes, &error))
    {
      gnutls_pkcs7_deinit (p7);
      self->failed_file = g_strdup (CANDOR_BUNDLE_SIGNATURE);
      self->error = g_steal_pointer (&error);
      return FALSE;
    }
  ok = check_signature (self, p7, chain, sums_file->bytes, consistent);
  gnutls_pkcs7_deinit (p7);

  return ok &&
         check_validity (self, chain) &&
         (ca_pem == NULL || check_trust (self, chain, ca_pem, ca_label)) &&
         check_files (self);
}

CandorBundleVerification *
candor_bundle_verify (GBytes *zip, GBytes *ca_pem, const char *ca_label)
{
  CandorBundleVerification *self;

  g_return_val_if_fail (zip != NULL, NULL);

  self = g_object_new (CANDOR_TYPE_BUNDLE_VERIFICATION, NULL);
  run_checks (self, zip, ca_pem, ca_label);
  g_assert (self->error == NULL || !candor_bundle_verification_get_passed (self));
  return self;
}

static GBytes *
load_bounded (GFile *file, GCancellable *cancellable, GError **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, cancellable, error);
  if (info == NULL)
    return NULL;
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR ||
      g_file_info_get_size (info) > CANDOR_BUNDLE_MAX_ZIP_SIZE)
    {
      g_autofree char *name = g_file_get_parse_name (file);
      g_set_error (error, CANDOR_BUNDLE_ERROR, CANDOR_BUNDLE_ERROR_TOO_LARGE,
                   _("%s: not a regular file of at most 64 MiB"), name);
      return NULL;
    }
  if (!g_file_load_contents (file, cancellable, &contents, &length, NULL, error))
    return NULL;
  return g_bytes_new_take (g_steal_pointer (&contents), length);
}

CandorBundleVerification *
candor_bundle_verify_file (GFile *bundle, GFile *ca, GCancellable *cancellable, GError **error)
{
  g_autoptr(GBytes) zip = NULL;
  g_autoptr(GBytes) ca_pem = NULL;
  g_autofree char *ca_label = NULL;

  g_return_val_if_fail (G_IS_FILE (bundle), NULL);

  zip = load_bounded (bundle, cancellable, error);
  if (zip == NULL)
    return NULL;
  if (ca != NULL)
    {
      ca_pem = load_bounded (ca, cancellable, error);
      if (ca_pem == NULL)
        return NULL;
      ca_label = g_file_get_basename (ca);
    }
  return candor_bundle_verify (zip, ca_pem, ca_label);
}

static void
verify_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  GFile **files = task_data;
  GError *error = NULL;
  CandorBundleVerification *result = candor_bundle_verify_file (files[0], files[1], cancellable, &error);

  if (result == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, g_object_unref);
}

static void
free_files (gpointer data)
{
  GFile **files = data;

  g_clear_object (&files[0]);
  g_clear_object (&files[1]);
  g_free (files);
}

void
candor_bundle_verify_file_async (GFile              *bundle,
                                 GFile              *ca,
                                 GCancellable       *cancellable,
                                 GAsyncReadyCallback callback,
                                 gpointer            user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  GFile **files = g_new0 (GFile *, 2);

  files[0] = g_object_ref (bundle);
  files[1] = ca != NULL ? g_object_ref (ca) : NULL;
  g_task_set_source_tag (task, candor_bundle_verify_file_async);
  g_task_set_task_data (task, files, free_files);
  g_task_run_in_thread (task, verify_thread);
}

CandorBundleVerification *
candor_bundle_verify_file_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

gboolean
candor_bundle_verification_get_passed (CandorBundleVerification *self)
{
  g_return_val_if_fail (CANDOR_IS_BUNDLE_VERIFICATION (self), FALSE);
  return self->error == NULL && self->files != NULL && self->signing_time != NULL;
}

const GError *
candor_bundle_verification_get_error (CandorBundleVerification *self)
{
  g_return_val_if_fail (CANDOR_IS_BUNDLE_VERIFICATION (self), NULL);
  return self->error;
}

const char *
candor_bundle_verification_get_failed_file (CandorBundleVerification *self)
{
  g_return_val_if_fail (CANDOR_IS_BUNDLE_VERIFICATION (self), NULL);
  return self->failed_file;
}

CandorCertificate *
candor_bundle_verification_get_signer (CandorBundleVerification *self)
{
  g_return_val_if_fail (CANDOR_IS_BUNDLE_VERIFICATION (self), NULL);
  return self->signer;
}

GDateTime *
candor_bundle_verification_get_signing_time (CandorBundleVerification *self)
{
  g_return_val_if_fail (CANDOR_IS_BUNDLE_VERIFICATION (self), NULL);
  return self->signing_time;
}

gboolean
candor_bundle_verification_get_trusted (CandorBundleVerification *self)
{
  g_return_val_if_fail (CANDOR_IS_BUNDLE_VERIFICATION (self), FALSE);
  return self->trusted;
}

guint
candor_bundle_verification_get_n_files (CandorBundleVerification *self)
{
  g_return_val_if_fail (CANDOR_IS_BUNDLE_VERIFICATION (self), 0);
  return self->entries->len;
}

const char *
candor_bundle_verification_get_file_name (CandorBundleVerification *self, guint index)
{
  g_return_val_if_fail (CANDOR_IS_BUNDLE_VERIFICATION (self), NULL);
  g_return_val_if_fail (index < self->entries->len, NULL);
  return g_array_index (self->entries, FileEntry, index).name;
}

CandorFileCheck
candor_bundle_verification_get_file_check (CandorBundleVerification *self, guint index)
{
  g_return_val_if_fail (CANDOR_IS_BUNDLE_VERIFICATION (self), CANDOR_FILE_CHECK_NOT_CHECKED);
  g_return_val_if_fail (index < self->entries->len, CANDOR_FILE_CHECK_NOT_CHECKED);
  return g_array_index (self->entries, FileEntry, index).check;
}

GBytes *
candor_bundle_verification_lookup_file (CandorBundleVerification *self, const char *name)
{
  CandorBundleFile *file;

  g_return_val_if_fail (CANDOR_IS_BUNDLE_VERIFICATION (self), NULL);
  if (self->files == NULL)
    return NULL;
  file = candor_bundle_file_list_find (self->files, name);
  return file != NULL ? file->bytes : NULL;
}
