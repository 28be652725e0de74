/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-certificate.c: an X.509 certificate's user-facing facts (GnuTLS). */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "candor-bundle-private.h"

#define MAX_CHAIN 16

struct _CandorCertificate
{
  GObject parent_instance;

  guint8 digest[32];
  gboolean has_digest;
  gnutls_x509_crt_t crt;
  char *subject;
  char *issuer;
  char *fingerprint;
  GDateTime *not_before;
  GDateTime *not_after;
};

G_DEFINE_FINAL_TYPE (CandorCertificate, candor_certificate, G_TYPE_OBJECT)

static void
candor_certificate_finalize (GObject *object)
{
  CandorCertificate *self = CANDOR_CERTIFICATE (object);

  g_clear_pointer (&self->crt, gnutls_x509_crt_deinit);
  g_free (self->subject);
  g_free (self->issuer);
  g_free (self->fingerprint);
  g_clear_pointer (&self->not_before, g_date_time_unref);
  g_clear_pointer (&self->not_after, g_date_time_unref);

  G_OBJECT_CLASS (candor_certificate_parent_class)->finalize (object);
}

static void
candor_certificate_class_init (CandorCertificateClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = candor_certificate_finalize;
}

static void
candor_certificate_init (CandorCertificate *self)
{
}

gboolean
_candor_gnutls_error (GError **error, int code, int gnutls_code, const char *context)
{
  g_set_error (error, CANDOR_BUNDLE_ERROR, code, "%s: %s", context, gnutls_strerror (gnutls_code));
  return FALSE;
}

void
_candor_secret_free (char *secret)
{
  if (secret == NULL)
    return;
  /* volatile so the compiler cannot drop the wipe of memory about to be freed */
  for (volatile char *p = secret; *p != '\0'; p++)
    *p = '\0';
  g_free (secret);
}

static char *
dn_string (gnutls_x509_crt_t crt, gboolean issuer)
{
  gnutls_datum_t dn = { NULL, 0 };
  char *result;
  int ret;

  ret = issuer ? gnutls_x509_crt_get_issuer_dn3 (crt, &dn, 0) : gnutls_x509_crt_get_dn3 (crt, &dn, 0);
  if (ret < 0)
    return g_strdup ("");
  result = g_strndup ((const char *) dn.data, dn.size);
  gnutls_free (dn.data);
  return result;
}

static GDateTime *
date_from_time (time_t t)
{
  GDateTime *when = (t == (time_t) -1) ? NULL : g_date_time_new_from_unix_utc (t);

  return when != NULL ? when : g_date_time_new_from_unix_utc (0);
}

CandorCertificate *
_candor_certificate_new_take (gnutls_x509_crt_t crt)
{
  CandorCertificate *self = g_object_new (CANDOR_TYPE_CERTIFICATE, NULL);
  guint8 digest[32];
  size_t size = sizeof digest;
  GString *fp = g_string_new (NULL);

  self->crt = crt;
  self->subject = dn_string (crt, FALSE);
  self->issuer = dn_string (crt, TRUE);
  if (gnutls_x509_crt_get_fingerprint (crt, GNUTLS_DIG_SHA256, digest, &size) == 0 && size == sizeof digest)
    {
      for (gsize i = 0; i < size; i++)
        g_string_append_printf (fp, i ? ":%02X" : "%02X", digest[i]);
      memcpy (self->digest, digest, sizeof digest);
      self->has_digest = TRUE;
    }
  self->fingerprint = g_string_free (fp, FALSE);
  self->not_before = date_from_time (gnutls_x509_crt_get_activation_time (crt));
  self->not_after = date_from_time (gnutls_x509_crt_get_expiration_time (crt));
  return self;
}

gnutls_x509_crt_t
_candor_certificate_get_crt (CandorCertificate *self)
{
  return self->crt;
}

/* Puts the signer first, then its issuer, and so on, so that an organisation's chain may
 * be given in any order (GnuTLS's own sorting assumes the first certificate is the leaf).
 * The signer is the one that issued none of the others. */
static void
order_chain (gnutls_x509_crt_t *crts, unsigned int n)
{
  for (unsigned int i = 0; i < n; i++)
    {
      gboolean issues_another = FALSE;

      for (unsigned int j = 0; j < n && !issues_another; j++)
        issues_another = j != i && gnutls_x509_crt_check_issuer (crts[j], crts[i]);
      if (!issues_another)
        {
          gnutls_x509_crt_t leaf = crts[i];

          memmove (crts + 1, crts, i * sizeof *crts);
          crts[0] = leaf;
          break;
        }
    }
  /* then each certificate's issuer right after it */
  for (unsigned int i = 0; i + 1 < n; i++)
    for (unsigned int j = i + 1; j < n; j++)
      if (gnutls_x509_crt_check_issuer (crts[i], crts[j]) && !gnutls_x509_crt_check_issuer (crts[i], crts[i]))
        {
          gnutls_x509_crt_t issuer = crts[j];

          memmove (crts + i + 2, crts + i + 1, (j - i - 1) * sizeof *crts);
          crts[i + 1] = issuer;
          break;
        }
}

GPtrArray *
_candor_certificate_list_from_pem (GBytes *pem, const char *what, GError **error)
{
  gnutls_x509_crt_t crts[MAX_CHAIN];
  unsigned int n = MAX_CHAIN;
  gsize size;
  gnutls_datum_t datum;
  GPtrArray *list;
  int ret;

  datum.data = (unsigned char *) g_bytes_get_data (pem, &size);
  datum.size = size;
  if (size == 0 || datum.data == NULL || memmem (datum.data, size, "-----BEGIN", 10) == NULL)
    {
      g_set_error (error, CANDOR_BUNDLE_ERROR, CANDOR_BUNDLE_ERROR_BAD_CERTIFICATE,
                   _("%s: no PEM certificate found"), what);
      return NULL;
    }
  ret = gnutls_x509_crt_list_import (crts, &n, &datum, GNUTLS_X509_FMT_PEM, 0);
  if (ret < 0 || n == 0)
    {
      g_set_error (error, CANDOR_BUNDLE_ERROR, CANDOR_BUNDLE_ERROR_BAD_CERTIFICATE,
                   _("%s: cannot read the certificate chain (%s)"), what,
                   ret < 0 ? gnutls_strerror (ret) : _("empty"));
      return NULL;
    }
  list = g_ptr_array_new_with_free_func (g_object_unref);
  order_chain (crts, n);
  for (unsigned int i = 0; i < n; i++)
    g_ptr_array_add (list, _candor_certificate_new_take (crts[i]));
  return list;
}

CandorCertificate *
candor_certificate_new_from_pem (GBytes *pem, GError **error)
{
  g_autoptr(GPtrArray) list = NULL;

  g_return_val_if_fail (pem != NULL, NULL);

  list = _candor_certificate_list_from_pem (pem, _("certificate"), error);
  if (list == NULL)
    return NULL;
  return g_object_ref (g_ptr_array_index (list, 0));
}

const char *
candor_certificate_get_subject (CandorCertificate *self)
{
  g_return_val_if_fail (CANDOR_IS_CERTIFICATE (self), NULL);
  return self->subject;
}

const char *
candor_certificate_get_issuer (CandorCertificate *self)
{
  g_return_val_if_fail (CANDOR_IS_CERTIFICATE (self), NULL);
  return self->issuer;
}

const char *
candor_certificate_get_fingerprint (CandorCertificate *self)
{
  g_return_val_if_fail (CANDOR_IS_CERTIFICATE (self), NULL);
  return self->fingerprint;
}

gboolean
candor_fingerprint_parse (const char *text, guint8 digest[32], GError **error)
{
  g_autofree char *copy = NULL;
  const char *p;
  guint n = 0;

  g_return_val_if_fail (text != NULL, FALSE);

  copy = g_strstrip (g_strdup (text));
  p = copy;
  if (g_ascii_strncasecmp (p, "SHA256:", 7) == 0)
    p += 7;
  else if (g_ascii_strncasecmp (p, "SHA256 Fingerprint=", 19) == 0)
    p += 19;
  while (*p != '\0')
    {
      int high = g_ascii_xdigit_value (p[0]);
      int low = high >= 0 ? g_ascii_xdigit_value (p[1]) : -1;

      if (high < 0 || low < 0 || n == 32)
        break;
      digest[n++] = (guint8) (high << 4 | low);
      p += 2;
      if (*p == ':' && n < 32)
        p++;
    }
  if (*p != '\0' || n != 32)
    {
      g_set_error (error, CANDOR_BUNDLE_ERROR, CANDOR_BUNDLE_ERROR_FAILED,
                   _("“%s” is not a SHA-256 fingerprint: expected 64 hexadecimal digits, "
                     "optionally in pairs separated by colons (e.g. SHA256:AB:CD:…)"), text);
      return FALSE;
    }
  return TRUE;
}

gboolean
candor_certificate_has_fingerprint (CandorCertificate *self, const guint8 digest[32])
{
  g_return_val_if_fail (CANDOR_IS_CERTIFICATE (self), FALSE);
  g_return_val_if_fail (digest != NULL, FALSE);
  return self->has_digest && memcmp (self->digest, digest, sizeof self->digest) == 0;
}

GDateTime *
candor_certificate_get_not_before (CandorCertificate *self)
{
  g_return_val_if_fail (CANDOR_IS_CERTIFICATE (self), NULL);
  return self->not_before;
}

GDateTime *
candor_certificate_get_not_after (CandorCertificate *self)
{
  g_return_val_if_fail (CANDOR_IS_CERTIFICATE (self), NULL);
  return self->not_after;
}

gboolean
candor_certificate_is_self_signed (CandorCertificate *self)
{
  g_return_val_if_fail (CANDOR_IS_CERTIFICATE (self), FALSE);
  return gnutls_x509_crt_check_issuer (self->crt, self->crt) != 0;
}

/* Extended key usages that allow signing a bundle: code signing, e-mail protection (S/MIME
 * is CMS too) and "any". */
static gboolean
purpose_allows_signing (const char *oid)
{
  return strcmp (oid, GNUTLS_KP_CODE_SIGNING) == 0 || strcmp (oid, GNUTLS_KP_EMAIL_PROTECTION) == 0 ||
         strcmp (oid, GNUTLS_KP_ANY) == 0;
}

gboolean
candor_certificate_check_signing_policy (CandorCertificate *self, GError **error)
{
  unsigned int bits = 0, usage = 0;
  int algorithm, ret;
  gboolean has_purpose = FALSE, signing_purpose = FALSE;

  g_return_val_if_fail (CANDOR_IS_CERTIFICATE (self), FALSE);

  algorithm = gnutls_x509_crt_get_pk_algorithm (self->crt, &bits);
  if (algorithm == GNUTLS_PK_RSA && bits < 2048)
    {
      g_set_error (error, CANDOR_BUNDLE_ERROR, CANDOR_BUNDLE_ERROR_BAD_CERTIFICATE,
                   _("the certificate “%s” has an RSA key of %u bits; Candor accepts RSA keys of at "
                     "least 2048 bits (or ECDSA P-256)"), self->subject, bits);
      return FALSE;
    }

  ret = gnutls_x509_crt_get_key_usage (self->crt, &usage, NULL);
  if (ret >= 0 && (usage & (GNUTLS_KEY_DIGITAL_SIGNATURE | GNUTLS_KEY_NON_REPUDIATION)) == 0)
    {
      g_set_error (error, CANDOR_BUNDLE_ERROR, CANDOR_BUNDLE_ERROR_BAD_CERTIFICATE,
                   _("the certificate “%s” may not be used for signatures (its key usage allows "
                     "neither digitalSignature nor nonRepudiation)"), self->subject);
      return FALSE;
    }

  for (unsigned int i = 0; i < 64; i++)
    {
      char oid[128];
      size_t size = sizeof oid;

      ret = gnutls_x509_crt_get_key_purpose_oid (self->crt, i, oid, &size, NULL);
      if (ret < 0)
        break;
      has_purpose = TRUE;
      signing_purpose = signing_purpose || purpose_allows_signing (oid);
    }
  if (has_purpose && !signing_purpose)
    {
      g_set_error (error, CANDOR_BUNDLE_ERROR, CANDOR_BUNDLE_ERROR_BAD_CERTIFICATE,
                   _("the certificate “%s” may not be used to sign bundles (its extended key usage "
                     "names neither code signing, e-mail protection nor any purpose)"), self->subject);
      return FALSE;
    }
  return TRUE;
}

gboolean
candor_certificate_check_valid_at (CandorCertificate *self, GDateTime *when, GError **error)
{
  g_return_val_if_fail (CANDOR_IS_CERTIFICATE (self), FALSE);
  g_return_val_if_fail (when != NULL, FALSE);

  if (g_date_time_compare (when, self->not_before) < 0)
    {
      g_autofree char *from = g_date_time_format_iso8601 (self->not_before);
      g_set_error (error, CANDOR_BUNDLE_ERROR, CANDOR_BUNDLE_ERROR_NOT_YET_VALID,
                   _("the certificate “%s” is not valid before %s"), self->subject, from);
      return FALSE;
    }
  if (g_date_time_compare (when, self->not_after) > 0)
    {
      g_autofree char *to = g_date_time_format_iso8601 (self->not_after);
      g_set_error (error, CANDOR_BUNDLE_ERROR, CANDOR_BUNDLE_ERROR_EXPIRED,
                   _("the certificate “%s” expired on %s"), self->subject, to);
      return FALSE;
    }
  return TRUE;
}

char *
candor_certificate_dup_pem (CandorCertificate *self)
{
  gnutls_datum_t out = { NULL, 0 };
  char *pem;

  g_return_val_if_fail (CANDOR_IS_CERTIFICATE (self), NULL);

  if (gnutls_x509_crt_export2 (self->crt, GNUTLS_X509_FMT_PEM, &out) < 0)
    return g_strdup ("");
  pem = g_strndup ((const char *) out.data, out.size);
  gnutls_free (out.data);
  return pem;
}

char *
candor_certificate_describe (CandorCertificate *self)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  g_return_val_if_fail (CANDOR_IS_CERTIFICATE (self), NULL);

  from = g_date_time_format (self->not_before, "%Y-%m-%d %H:%M:%S UTC");
  to = g_date_time_format (self->not_after, "%Y-%m-%d %H:%M:%S UTC");
  return g_strdup_printf ("%s %s\n%s %s\n%s %s\n%s %s – %s\n",
                          _("Subject:"), self->subject,
                          _("Issuer:"), self->issuer,
                          _("SHA-256 fingerprint:"), self->fingerprint,
                          _("Valid:"), from, to);
}
