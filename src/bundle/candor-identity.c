/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-identity.c: signing identities on disk: create (ECDSA P-256, self-signed), import
 * (PEM, PKCS #12), list, open and unlock. */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <gnutls/crypto.h>
#include <string.h>

#include "candor-bundle-private.h"
#include "candor-identity.h"
#include "candor-text-safe.h"

#define MAX_VALIDITY_DAYS 36500

struct _CandorIdentity
{
  GObject parent_instance;

  char *name;
  char *path;
  CandorCertificate *certificate;
};

G_DEFINE_FINAL_TYPE (CandorIdentity, candor_identity, G_TYPE_OBJECT)

static void
candor_identity_finalize (GObject *object)
{
  CandorIdentity *self = CANDOR_IDENTITY (object);

  g_free (self->name);
  g_free (self->path);
  g_clear_object (&self->certificate);

  G_OBJECT_CLASS (candor_identity_parent_class)->finalize (object);
}

static void
candor_identity_class_init (CandorIdentityClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = candor_identity_finalize;
}

static void
candor_identity_init (CandorIdentity *self)
{
}

char *
candor_identity_get_default_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), APP_ID, "identities", NULL);
}

static gboolean
check_name (const char *name, GError **error)
{
  gboolean ok = name != NULL && *name != '\0' && *name != '.' && strlen (name) <= 64;

  for (const char *p = name; ok && *p != '\0'; p++)
    ok = g_ascii_isalnum (*p) || *p == '.' || *p == '_' || *p == '-';
  if (!ok)
    g_set_error (error, CANDOR_BUNDLE_ERROR, CANDOR_BUNDLE_ERROR_IDENTITY,
                 _("“%s” is not a valid identity name: use letters, digits, “.”, “_” and “-”"),
                 name != NULL ? name : "");
  return ok;
}

static char *
identity_path (const char *dir, const char *name)
{
  g_autofree char *store = dir != NULL ? g_strdup (dir) : candor_identity_get_default_dir ();

  return g_build_filename (store, name, NULL);
}

/* Writes a new identity folder: refuses to replace one, key first with mode 0600. */
static CandorIdentity *
store_identity (const char             *dir,
                const char             *name,
                gnutls_x509_privkey_t   xkey,
                GBytes                 *chain_pem,
                const char             *passphrase,
                GError                **error)
{
  g_autofree char *path = identity_path (dir, name);
  g_autofree char *parent = g_path_get_dirname (path);
  g_autofree char *key_file = g_build_filename (path, CANDOR_IDENTITY_KEY_FILE, NULL);
  g_autofree char *cert_file = g_build_filename (path, CANDOR_IDENTITY_CERT_FILE, NULL);
  gnutls_datum_t out = { NULL, 0 };
  gboolean ok;
  gsize size;
  const char *pem;
  int ret;

  if (passphrase == NULL || *passphrase == '\0')
    {
      g_set_error_literal (error, CANDOR_BUNDLE_ERROR, CANDOR_BUNDLE_ERROR_PASSPHRASE,
                           _("A passphrase is needed to encrypt the private key"));
      return NULL;
    }
  if (g_mkdir_with_parents (parent, 0700) != 0 || g_mkdir (path, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, CANDOR_BUNDLE_ERROR, CANDOR_BUNDLE_ERROR_IDENTITY,
                   saved == EEXIST ? _("The identity “%s” already exists in %s")
                                   : _("Cannot create the identity “%s” in %s"),
                   name, parent);
      return NULL;
    }

  ret = gnutls_x509_privkey_export2_pkcs8 (xkey, GNUTLS_X509_FMT_PEM, passphrase,
                                           GNUTLS_PKCS_PBES2_AES_256, &out);
  if (ret < 0)
    {
      g_rmdir (path);
      _candor_gnutls_error (error, CANDOR_BUNDLE_ERROR_IDENTITY, ret, _("Cannot encrypt the private key"));
      return NULL;
    }
  ok = g_file_set_contents_full (key_file, (const char *) out.data, out.size,
                                 G_FILE_SET_CONTENTS_CONSISTENT, 0600, error);
  gnutls_free (out.data);
  pem = g_bytes_get_data (chain_pem, &size);
  if (ok)
    ok = g_file_set_contents_full (cert_file, pem, size, G_FILE_SET_CONTENTS_CONSISTENT, 0644, error);
  if (!ok)
    {
      g_unlink (key_file);
      g_unlink (cert_file);
      g_rmdir (path);
      return NULL;
    }
  return candor_identity_open (NULL, path, error);
}

gboolean
_candor_identity_check_visible (const char *what, const char *text, GError **error)
{
  glong offset;
  gunichar found;

  if (!candor_text_find_invisible (text, &offset, &found))
    return TRUE;
  /* Such a name could clear a terminal or read differently from what it says (bidi),
   * wherever the certificate is shown. */
  g_set_error (error, CANDOR_BUNDLE_ERROR, CANDOR_BUNDLE_ERROR_IDENTITY,
               _("%s contains an invisible or control character (U+%04X at character %ld): "
                 "remove it; names may hold only visible characters and spaces"),
               what, (guint) found, offset + 1);
  return FALSE;
}

static gboolean
set_random_serial (gnutls_x509_crt_t crt)
{
  guint8 serial[16];

  if (gnutls_rnd (GNUTLS_RND_NONCE, serial, sizeof serial) < 0)
    return FALSE;
  serial[0] &= 0x7f; /* positive */
  serial[0] |= 0x01; /* no leading zero byte to strip */
  return gnutls_x509_crt_set_serial (crt, serial, sizeof serial) == 0;
}

CandorIdentity *
candor_identity_create (const char  *dir,
                        const char  *name,
                        const char  *organisation,
                        const char  *email,
                        GDateTime   *not_before,
                        guint        validity_days,
                        const char  *passphrase,
                        GError     **error)
{
  g_auto(gnutls_x509_privkey_t) xkey = NULL;
  g_auto(gnutls_x509_crt_t) crt = NULL;
  g_autoptr(GPtrArray) chain = NULL;
  g_autoptr(GBytes) chain_pem = NULL;
  g_autofree char *pem = NULL;
  guint8 key_id[64];
  size_t key_id_size = sizeof key_id;
  gint64 start;
  int ret;

  if (!check_name (name, error))
    return NULL;
  if (organisation == NULL || !g_utf8_validate (organisation, -1, NULL) ||
      strspn (organisation, " \t") == strlen (organisation) || strlen (organisation) > 64)
    {
      g_set_error_literal (error, CANDOR_BUNDLE_ERROR, CANDOR_BUNDLE_ERROR_IDENTITY,
                           _("Give the organisation’s name (at most 64 characters)"));
      return NULL;
    }
  if (!_candor_identity_check_visible (_("The organisation’s name"), organisation, error))
    return NULL;
  if (email == NULL || strchr (email, '@') == NULL || strchr (email, ' ') != NULL || strlen (email) > 128 ||
      !g_utf8_validate (email, -1, NULL) || candor_text_find_invisible (email, NULL, NULL))
    {
      g_set_error (error, CANDOR_BUNDLE_ERROR, CANDOR_BUNDLE_ERROR_IDENTITY,
                   _("“%s” is not an e-mail address"), email != NULL ? email : "");
      return NULL;
    }
  if (validity_days < 1 || validity_days > MAX_VALIDITY_DAYS)
    {
      g_set_error (error, CANDOR_BUNDLE_ERROR, CANDOR_BUNDLE_ERROR_IDENTITY,
                   _("The validity must be between 1 and %d days"), MAX_VALIDITY_DAYS);
      return NULL;
    }
  start = not_before != NULL ? g_date_time_to_unix (not_before) : g_get_real_time () / G_USEC_PER_SEC;

  gnutls_x509_privkey_init (&xkey);
  gnutls_x509_crt_init (&crt);
  if ((ret = gnutls_x509_privkey_generate2 (xkey, GNUTLS_PK_ECDSA,
                                            GNUTLS_CURVE_TO_BITS (GNUTLS_ECC_CURVE_SECP256R1),
                                            0, NULL, 0)) < 0 ||
      (ret = gnutls_x509_crt_set_version (crt, 3)) < 0 ||
      (ret = gnutls_x509_crt_set_key (crt, xkey)) < 0 ||
      (ret = gnutls_x509_crt_set_dn_by_oid (crt, GNUTLS_OID_X520_COMMON_NAME, 0,
                                            organisation, strlen (organisation))) < 0 ||
      (ret = gnutls_x509_crt_set_dn_by_oid (crt, GNUTLS_OID_X520_ORGANIZATION_NAME, 0,
                                            organisation, strlen (organisation))) < 0 ||
      (ret = gnutls_x509_crt_set_dn_by_oid (crt, GNUTLS_OID_PKCS9_EMAIL, 0,
                                            email, strlen (email))) < 0 ||
      (ret = gnutls_x509_crt_set_subject_alt_name (crt, GNUTLS_SAN_RFC822NAME, email,
                                                   strlen (email), GNUTLS_FSAN_SET)) < 0 ||
      (ret = gnutls_x509_crt_set_activation_time (crt, (time_t) start)) < 0 ||
      (ret = gnutls_x509_crt_set_expiration_time (crt, (time_t) (start + (gint64) validity_days * 86400))) < 0 ||
      (ret = gnutls_x509_crt_set_basic_constraints (crt, 0, -1)) < 0 ||
      (ret = gnutls_x509_crt_set_key_usage (crt, GNUTLS_KEY_DIGITAL_SIGNATURE)) < 0 ||
      (ret = gnutls_x509_crt_set_key_purpose_oid (crt, GNUTLS_KP_CODE_SIGNING, 1)) < 0 ||
      (ret = gnutls_x509_crt_get_key_id (crt, GNUTLS_KEYID_USE_SHA1, key_id, &key_id_size)) < 0 ||
      (ret = gnutls_x509_crt_set_subject_key_id (crt, key_id, key_id_size)) < 0 ||
      (ret = set_random_serial (crt) ? 0 : GNUTLS_E_RANDOM_FAILED) < 0 ||
      (ret = gnutls_x509_crt_sign2 (crt, crt, xkey, GNUTLS_DIG_SHA256, 0)) < 0)
    {
      _candor_gnutls_error (error, CANDOR_BUNDLE_ERROR_IDENTITY, ret, _("Cannot create the certificate"));
      return NULL;
    }

  chain = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (chain, _candor_certificate_new_take (g_steal_pointer (&crt)));
  pem = candor_certificate_dup_pem (g_ptr_array_index (chain, 0));
  chain_pem = g_bytes_new (pem, strlen (pem));
  return store_identity (dir, name, xkey, chain_pem, passphrase, error);
}

CandorIdentity *
candor_identity_import_pem (const char  *dir,
                            const char  *name,
                            GBytes      *key,
                            const char  *key_passphrase,
                            GBytes      *chain,
                            const char  *passphrase,
                            GError     **error)
{
  g_auto(gnutls_x509_privkey_t) xkey = NULL;
  g_autoptr(GPtrArray) certs = NULL;
  g_autoptr(CandorSigner) signer = NULL;

  g_return_val_if_fail (key != NULL && chain != NULL, NULL);

  if (!check_name (name, error))
    return NULL;
  certs = _candor_certificate_list_from_pem (chain, _("the certificate chain"), error);
  if (certs == NULL || !_candor_private_key_import (key, key_passphrase, &xkey, error))
    return NULL;
  signer = _candor_signer_new_x509 (xkey, g_steal_pointer (&certs), error);
  if (signer == NULL)
    return NULL;
  return store_identity (dir, name, xkey, candor_signer_get_chain_pem (signer), passphrase, error);
}

CandorIdentity *
candor_identity_import_pkcs12 (const char  *dir,
                               const char  *name,
                               GBytes      *pkcs12,
                               const char  *pkcs12_passphrase,
                               const char  *passphrase,
                               GError     **error)
{
  g_auto(gnutls_x509_privkey_t) xkey = NULL;
  g_autoptr(CandorSigner) signer = NULL;
  GPtrArray *certs = NULL;

  g_return_val_if_fail (pkcs12 != NULL, NULL);

  if (!check_name (name, error))
    return NULL;
  if (!_candor_pkcs12_import (pkcs12, pkcs12_passphrase, &xkey, &certs, error))
    return NULL;
  signer = _candor_signer_new_x509 (xkey, certs, error);
  if (signer == NULL)
    return NULL;
  return store_identity (dir, name, xkey, candor_signer_get_chain_pem (signer), passphrase, error);
}

CandorIdentity *
candor_identity_open (const char *dir, const char *name, GError **error)
{
  g_autoptr(CandorIdentity) self = NULL;
  g_autofree char *cert_file = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize length;

  g_return_val_if_fail (name != NULL, NULL);

  self = g_object_new (CANDOR_TYPE_IDENTITY, NULL);
  if (strchr (name, G_DIR_SEPARATOR) != NULL)
    {
      self->path = g_canonicalize_filename (name, NULL);
      self->name = g_path_get_basename (self->path);
    }
  else
    {
      if (!check_name (name, error))
        return NULL;
      self->path = identity_path (dir, name);
      self->name = g_strdup (name);
    }

  cert_file = g_build_filename (self->path, CANDOR_IDENTITY_CERT_FILE, NULL);
  if (!g_file_get_contents (cert_file, &contents, &length, &local_error))
    {
      g_set_error (error, CANDOR_BUNDLE_ERROR, CANDOR_BUNDLE_ERROR_IDENTITY,
                   _("No signing identity “%s”: %s"), self->name, local_error->message);
      return NULL;
    }
  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  self->certificate = candor_certificate_new_from_pem (bytes, error);
  if (self->certificate == NULL)
    return NULL;
  return g_steal_pointer (&self);
}

static int
compare_by_name (gconstpointer a, gconstpointer b)
{
  return g_strcmp0 ((*(CandorIdentity **) a)->name, (*(CandorIdentity **) b)->name);
}

GPtrArray *
candor_identity_list (const char *dir)
{
  g_autofree char *store = dir != NULL ? g_strdup (dir) : candor_identity_get_default_dir ();
  GPtrArray *list = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GDir) handle = g_dir_open (store, 0, NULL);
  const char *entry;

  if (handle == NULL)
    return list;
  while ((entry = g_dir_read_name (handle)) != NULL)
    {
      CandorIdentity *identity = candor_identity_open (store, entry, NULL);

      if (identity != NULL)
        g_ptr_array_add (list, identity);
    }
  g_ptr_array_sort (list, compare_by_name);
  return list;
}

const char *
candor_identity_get_name (CandorIdentity *self)
{
  g_return_val_if_fail (CANDOR_IS_IDENTITY (self), NULL);
  return self->name;
}

const char *
candor_identity_get_path (CandorIdentity *self)
{
  g_return_val_if_fail (CANDOR_IS_IDENTITY (self), NULL);
  return self->path;
}

CandorCertificate *
candor_identity_get_certificate (CandorIdentity *self)
{
  g_return_val_if_fail (CANDOR_IS_IDENTITY (self), NULL);
  return self->certificate;
}

CandorSigner *
candor_identity_unlock (CandorIdentity *self, const char *passphrase, GError **error)
{
  g_autofree char *key_file = NULL;
  g_autofree char *cert_file = NULL;
  g_autoptr(GMappedFile) key = NULL;
  g_autoptr(GBytes) key_bytes = NULL;
  g_autofree char *chain = NULL;
  g_autoptr(GBytes) chain_bytes = NULL;
  gsize length;

  g_return_val_if_fail (CANDOR_IS_IDENTITY (self), NULL);

  key_file = g_build_filename (self->path, CANDOR_IDENTITY_KEY_FILE, NULL);
  cert_file = g_build_filename (self->path, CANDOR_IDENTITY_CERT_FILE, NULL);
  key = g_mapped_file_new (key_file, FALSE, error);
  if (key == NULL || !g_file_get_contents (cert_file, &chain, &length, error))
    return NULL;
  key_bytes = g_mapped_file_get_bytes (key);
  chain_bytes = g_bytes_new_take (g_steal_pointer (&chain), length);
  return candor_signer_new_from_pem (key_bytes, passphrase, chain_bytes, error);
}

/**
 * candor_key_file_mode_warning:
 * @path: a file holding a private key (encrypted or not)
 *
 * Candor writes keys with mode 0600; a key file that others on the machine may read (its
 * mode widened by hand, or copied with a loose umask) still works, but the owner should know.
 * Returns: (transfer full) (nullable): a warning to show, or NULL when only the owner can read it
 */
char *
candor_key_file_mode_warning (const char *path)
{
  GStatBuf st;
  g_autofree char *shown = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  if (g_stat (path, &st) != 0 || (st.st_mode & 077) == 0)
    return NULL;
  shown = g_filename_display_name (path);
  return g_strdup_printf (_("the key file %s can be read by other users of this computer (mode %04o); "
                            "make it private with: chmod 600 %s"),
                          shown, (unsigned) (st.st_mode & 07777), shown);
}

/**
 * candor_identity_key_mode_warning:
 *
 * candor_key_file_mode_warning() for the identity's key file.
 * Returns: (transfer full) (nullable)
 */
char *
candor_identity_key_mode_warning (CandorIdentity *self)
{
  g_autofree char *key_file = NULL;

  g_return_val_if_fail (CANDOR_IS_IDENTITY (self), NULL);

  key_file = g_build_filename (self->path, CANDOR_IDENTITY_KEY_FILE, NULL);
  return candor_key_file_mode_warning (key_file);
}
