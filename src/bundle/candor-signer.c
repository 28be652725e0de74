/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-signer.c: private key + certificate chain, making detached CMS signatures (GnuTLS). */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <gnutls/pkcs11.h>
#include <gnutls/pkcs12.h>
#include <gnutls/pkcs7.h>
#include <string.h>

#include "candor-bundle-private.h"
#include "candor-signer.h"

struct _CandorSigner
{
  GObject parent_instance;

  gnutls_privkey_t key;
  GPtrArray *chain;      /* of CandorCertificate, signer first */
  GBytes *chain_pem;
  char *pin;             /* PKCS #11 only; wiped on finalize */
  GMutex lock;           /* one signature at a time: tokens have one session */
};

G_DEFINE_FINAL_TYPE (CandorSigner, candor_signer, G_TYPE_OBJECT)

static void
candor_signer_finalize (GObject *object)
{
  CandorSigner *self = CANDOR_SIGNER (object);

  g_clear_pointer (&self->key, gnutls_privkey_deinit);
  g_clear_pointer (&self->chain, g_ptr_array_unref);
  g_clear_pointer (&self->chain_pem, g_bytes_unref);
  g_clear_pointer (&self->pin, _candor_secret_free);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (candor_signer_parent_class)->finalize (object);
}

static void
candor_signer_class_init (CandorSignerClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = candor_signer_finalize;
}

static void
candor_signer_init (CandorSigner *self)
{
  g_mutex_init (&self->lock);
}

static void
set_chain (CandorSigner *self, GPtrArray *chain)
{
  GString *pem = g_string_new (NULL);

  self->chain = chain;
  for (guint i = 0; i < chain->len; i++)
    {
      g_autofree char *one = candor_certificate_dup_pem (g_ptr_array_index (chain, i));
      g_string_append (pem, one);
    }
  self->chain_pem = g_string_free_to_bytes (pem);
}

/* The key must belong to the certificate, or every bundle signed would fail to verify. */
static gboolean
check_key_matches (CandorSigner *self, GError **error)
{
  gnutls_pubkey_t pub = NULL;
  guint8 id_key[64], id_crt[64];
  size_t n_key = sizeof id_key, n_crt = sizeof id_crt;
  gnutls_x509_crt_t crt = _candor_certificate_get_crt (g_ptr_array_index (self->chain, 0));
  gboolean ok = FALSE;

  if (gnutls_pubkey_init (&pub) == 0 &&
      gnutls_pubkey_import_privkey (pub, self->key, 0, 0) == 0 &&
      gnutls_pubkey_get_key_id (pub, GNUTLS_KEYID_USE_SHA256, id_key, &n_key) == 0 &&
      gnutls_x509_crt_get_key_id (crt, GNUTLS_KEYID_USE_SHA256, id_crt, &n_crt) == 0)
    ok = n_key == n_crt && memcmp (id_key, id_crt, n_key) == 0;
  if (pub != NULL)
    gnutls_pubkey_deinit (pub);
  if (!ok)
    g_set_error (error, CANDOR_BUNDLE_ERROR, CANDOR_BUNDLE_ERROR_IDENTITY,
                 _("The private key does not belong to the certificate “%s”"),
                 candor_certificate_get_subject (g_ptr_array_index (self->chain, 0)));
  return ok;
}

static CandorSigner *
signer_from_x509_key (gnutls_x509_privkey_t xkey, GPtrArray *chain, GError **error)
{
  g_autoptr(CandorSigner) self = g_object_new (CANDOR_TYPE_SIGNER, NULL);
  int ret;

  set_chain (self, chain);
  if ((ret = gnutls_privkey_init (&self->key)) < 0 ||
      (ret = gnutls_privkey_import_x509 (self->key, xkey, GNUTLS_PRIVKEY_IMPORT_COPY)) < 0)
    {
      _candor_gnutls_error (error, CANDOR_BUNDLE_ERROR_IDENTITY, ret, _("Cannot use the private key"));
      return NULL;
    }
  if (!check_key_matches (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

gboolean
_candor_private_key_import (GBytes                *key,
                            const char            *passphrase,
                            gnutls_x509_privkey_t *out,
                            GError               **error)
{
  g_auto(gnutls_x509_privkey_t) xkey = NULL;
  gnutls_datum_t datum;
  gsize size;
  int ret;

  datum.data = (unsigned char *) g_bytes_get_data (key, &size);
  datum.size = size;
  gnutls_x509_privkey_init (&xkey);
  ret = gnutls_x509_privkey_import2 (xkey, &datum, GNUTLS_X509_FMT_PEM, passphrase, 0);
  if (ret < 0 && ret != GNUTLS_E_DECRYPTION_FAILED)
    ret = gnutls_x509_privkey_import2 (xkey, &datum, GNUTLS_X509_FMT_DER, passphrase, 0);
  if (ret == GNUTLS_E_DECRYPTION_FAILED)
    {
      g_set_error_literal (error, CANDOR_BUNDLE_ERROR, CANDOR_BUNDLE_ERROR_PASSPHRASE,
                           passphrase == NULL || *passphrase == '\0'
                           ? _("The private key is encrypted: give its passphrase")
                           : _("Wrong passphrase for the private key"));
      return FALSE;
    }
  if (ret < 0)
    return _candor_gnutls_error (error, CANDOR_BUNDLE_ERROR_IDENTITY, ret,
                                 _("Cannot read the private key"));
  *out = g_steal_pointer (&xkey);
  return TRUE;
}

CandorSigner *
_candor_signer_new_x509 (gnutls_x509_privkey_t xkey, GPtrArray *chain, GError **error)
{
  return signer_from_x509_key (xkey, chain, error);
}

CandorSigner *
candor_signer_new_from_pem (GBytes *key, const char *passphrase, GBytes *chain, GError **error)
{
  g_auto(gnutls_x509_privkey_t) xkey = NULL;
  g_autoptr(GPtrArray) certs = NULL;

  g_return_val_if_fail (key != NULL, NULL);
  g_return_val_if_fail (chain != NULL, NULL);

  certs = _candor_certificate_list_from_pem (chain, _("the certificate chain"), error);
  if (certs == NULL)
    return NULL;
  if (!_candor_private_key_import (key, passphrase, &xkey, error))
    return NULL;
  return signer_from_x509_key (xkey, g_steal_pointer (&certs), error);
}

gboolean
_candor_pkcs12_import (GBytes                *pkcs12,
                       const char            *passphrase,
                       gnutls_x509_privkey_t *out_key,
                       GPtrArray            **out_chain,
                       GError               **error)
{
  gnutls_pkcs12_t p12 = NULL;
  gnutls_x509_privkey_t xkey = NULL;
  gnutls_x509_crt_t *chain = NULL, *extra = NULL;
  unsigned int n_chain = 0, n_extra = 0;
  gnutls_datum_t datum;
  gboolean ok = FALSE;
  GPtrArray *certs;
  gsize size;
  int ret;

  datum.data = (unsigned char *) g_bytes_get_data (pkcs12, &size);
  datum.size = size;
  gnutls_pkcs12_init (&p12);
  ret = gnutls_pkcs12_import (p12, &datum, GNUTLS_X509_FMT_DER, 0);
  if (ret < 0)
    ret = gnutls_pkcs12_import (p12, &datum, GNUTLS_X509_FMT_PEM, 0);
  if (ret < 0)
    {
      _candor_gnutls_error (error, CANDOR_BUNDLE_ERROR_IDENTITY, ret, _("Cannot read the PKCS #12 file"));
      goto out;
    }
  if (gnutls_pkcs12_verify_mac (p12, passphrase != NULL ? passphrase : "") < 0)
    {
      g_set_error_literal (error, CANDOR_BUNDLE_ERROR, CANDOR_BUNDLE_ERROR_PASSPHRASE,
                           _("Wrong password for the PKCS #12 file"));
      goto out;
    }
  ret = gnutls_pkcs12_simple_parse (p12, passphrase != NULL ? passphrase : "", &xkey,
                                    &chain, &n_chain, &extra, &n_extra, NULL, 0);
  if (ret < 0 || xkey == NULL || n_chain == 0)
    {
      _candor_gnutls_error (error, CANDOR_BUNDLE_ERROR_IDENTITY,
                            ret < 0 ? ret : GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE,
                            _("The PKCS #12 file has no key with its certificate"));
      goto out;
    }

  certs = g_ptr_array_new_with_free_func (g_object_unref);
  for (unsigned int i = 0; i < n_chain; i++)
    g_ptr_array_add (certs, _candor_certificate_new_take (g_steal_pointer (&chain[i])));
  /* Extra certificates (unrelated to the key) are left out: signer.pem is the signer's
   * own chain. */
  *out_key = g_steal_pointer (&xkey);
  *out_chain = certs;
  ok = TRUE;

out:
  for (unsigned int i = 0; i < n_chain; i++)
    if (chain[i] != NULL)
      gnutls_x509_crt_deinit (chain[i]);
  for (unsigned int i = 0; i < n_extra; i++)
    if (extra[i] != NULL)
      gnutls_x509_crt_deinit (extra[i]);
  gnutls_free (chain);
  gnutls_free (extra);
  if (xkey != NULL)
    gnutls_x509_privkey_deinit (xkey);
  gnutls_pkcs12_deinit (p12);
  return ok;
}

CandorSigner *
candor_signer_new_from_pkcs12 (GBytes *pkcs12, const char *passphrase, GError **error)
{
  g_auto(gnutls_x509_privkey_t) xkey = NULL;
  GPtrArray *certs = NULL;

  g_return_val_if_fail (pkcs12 != NULL, NULL);

  if (!_candor_pkcs12_import (pkcs12, passphrase, &xkey, &certs, error))
    return NULL;
  return signer_from_x509_key (xkey, certs, error);
}

static int
pin_callback (void *user_data, int attempt, const char *token_url, const char *token_label,
              unsigned int flags, char *pin, size_t pin_max)
{
  CandorSigner *self = user_data;

  /* Never retry a wrong PIN automatically: tokens lock after a few failures. */
  if (self->pin == NULL || attempt > 0 || (flags & GNUTLS_PIN_WRONG) != 0)
    return -1;
  if (strlen (self->pin) + 1 > pin_max)
    return -1;
  strcpy (pin, self->pin);
  return 0;
}

static char *
certificate_uri_for (const char *key_uri)
{
  g_auto(GStrv) parts = g_strsplit (key_uri, ";", -1);
  GString *uri = g_string_new (NULL);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (g_str_has_prefix (parts[i], "type=") || g_str_has_prefix (parts[i], "pin-"))
        continue;
      if (uri->len > 0)
        g_string_append_c (uri, ';');
      g_string_append (uri, parts[i]);
    }
  g_string_append (uri, ";type=cert");
  return g_string_free (uri, FALSE);
}

CandorSigner *
candor_signer_new_from_pkcs11 (const char *uri, const char *pin, GBytes *chain, GError **error)
{
  g_autoptr(CandorSigner) self = NULL;
  g_autoptr(GPtrArray) certs = NULL;
  int ret;

  g_return_val_if_fail (uri != NULL, NULL);

  if (!g_str_has_prefix (uri, "pkcs11:"))
    {
      g_set_error (error, CANDOR_BUNDLE_ERROR, CANDOR_BUNDLE_ERROR_IDENTITY,
                   _("“%s” is not a PKCS #11 URI (it must start with “pkcs11:”)"), uri);
      return NULL;
    }

  self = g_object_new (CANDOR_TYPE_SIGNER, NULL);
  self->pin = g_strdup (pin);

  if (chain != NULL)
    {
      certs = _candor_certificate_list_from_pem (chain, _("the certificate chain"), error);
      if (certs == NULL)
        return NULL;
    }
  else
    {
      g_autofree char *cert_uri = certificate_uri_for (uri);
      gnutls_x509_crt_t crt = NULL;

      gnutls_x509_crt_init (&crt);
      gnutls_x509_crt_set_pin_function (crt, pin_callback, self);
      ret = gnutls_x509_crt_import_url (crt, cert_uri, 0);
      if (ret < 0)
        {
          gnutls_x509_crt_deinit (crt);
          _candor_gnutls_error (error, CANDOR_BUNDLE_ERROR_IDENTITY, ret,
                                _("No certificate on the token for this key: give it with --cert"));
          return NULL;
        }
      certs = g_ptr_array_new_with_free_func (g_object_unref);
      g_ptr_array_add (certs, _candor_certificate_new_take (crt));
    }
  set_chain (self, g_steal_pointer (&certs));

  gnutls_privkey_init (&self->key);
  gnutls_privkey_set_pin_function (self->key, pin_callback, self);
  ret = gnutls_privkey_import_url (self->key, uri, 0);
  if (ret == GNUTLS_E_PKCS11_PIN_ERROR || ret == GNUTLS_E_PKCS11_USER_ERROR)
    {
      g_set_error_literal (error, CANDOR_BUNDLE_ERROR, CANDOR_BUNDLE_ERROR_PASSPHRASE,
                           _("Wrong or missing PIN for the token"));
      return NULL;
    }
  if (ret < 0)
    {
      g_set_error (error, CANDOR_BUNDLE_ERROR, CANDOR_BUNDLE_ERROR_IDENTITY,
                   _("Cannot use the key “%s” on the token: %s"), uri, gnutls_strerror (ret));
      return NULL;
    }
  if (!check_key_matches (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

CandorCertificate *
candor_signer_get_certificate (CandorSigner *self)
{
  g_return_val_if_fail (CANDOR_IS_SIGNER (self), NULL);
  return g_ptr_array_index (self->chain, 0);
}

GBytes *
candor_signer_get_chain_pem (CandorSigner *self)
{
  g_return_val_if_fail (CANDOR_IS_SIGNER (self), NULL);
  return self->chain_pem;
}

gboolean
candor_signer_check_validity (CandorSigner *self, GDateTime *now, GError **error)
{
  g_autoptr(GDateTime) current = NULL;

  g_return_val_if_fail (CANDOR_IS_SIGNER (self), FALSE);

  if (now == NULL)
    now = current = g_date_time_new_now_utc ();
  if (self->chain->len > 0
      && !candor_certificate_check_signing_policy (g_ptr_array_index (self->chain, 0), error))
    return FALSE;
  for (guint i = 0; i < self->chain->len; i++)
    if (!candor_certificate_check_valid_at (g_ptr_array_index (self->chain, i), now, error))
      return FALSE;
  return TRUE;
}

GBytes *
candor_signer_sign (CandorSigner *self, GBytes *data, GError **error)
{
  gnutls_pkcs7_t p7 = NULL;
  gnutls_datum_t content, out = { NULL, 0 };
  GBytes *result = NULL;
  gsize size;
  int ret;

  g_return_val_if_fail (CANDOR_IS_SIGNER (self), NULL);
  g_return_val_if_fail (data != NULL, NULL);

  content.data = (unsigned char *) g_bytes_get_data (data, &size);
  content.size = size;
  if ((ret = gnutls_pkcs7_init (&p7)) < 0)
    goto fail;
  g_mutex_lock (&self->lock);
  ret = gnutls_pkcs7_sign (p7, _candor_certificate_get_crt (g_ptr_array_index (self->chain, 0)),
                           self->key, &content, NULL, NULL, GNUTLS_DIG_SHA256,
                           GNUTLS_PKCS7_INCLUDE_TIME | GNUTLS_PKCS7_INCLUDE_CERT);
  g_mutex_unlock (&self->lock);
  if (ret < 0)
    goto fail;
  for (guint i = 1; i < self->chain->len; i++)
    if ((ret = gnutls_pkcs7_set_crt (p7, _candor_certificate_get_crt (g_ptr_array_index (self->chain, i)))) < 0)
      goto fail;
  if ((ret = gnutls_pkcs7_export2 (p7, GNUTLS_X509_FMT_DER, &out)) < 0)
    goto fail;
  result = g_bytes_new (out.data, out.size);
  gnutls_free (out.data);
  gnutls_pkcs7_deinit (p7);
  return result;

fail:
  if (p7 != NULL)
    gnutls_pkcs7_deinit (p7);
  if (ret == GNUTLS_E_PKCS11_PIN_ERROR || ret == GNUTLS_E_PKCS11_USER_ERROR)
    g_set_error_literal (error, CANDOR_BUNDLE_ERROR, CANDOR_BUNDLE_ERROR_PASSPHRASE,
                         _("Wrong or missing PIN for the token"));
  else
    _candor_gnutls_error (error, CANDOR_BUNDLE_ERROR_FAILED, ret, _("Cannot sign SHA256SUMS"));
  return NULL;
}
