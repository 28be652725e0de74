/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-certificate.h: an X.509 certificate as shown to the user before signing or after
 * verifying: subject, issuer, SHA-256 fingerprint and validity. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define CANDOR_TYPE_CERTIFICATE (candor_certificate_get_type ())
G_DECLARE_FINAL_TYPE (CandorCertificate, candor_certificate, CANDOR, CERTIFICATE, GObject)

/**
 * candor_certificate_new_from_pem:
 * @pem: one or more PEM certificates; the first one is read
 * @error: set when @pem holds no readable certificate
 *
 * Returns: (transfer full) (nullable): the first certificate of @pem
 */
CandorCertificate *candor_certificate_new_from_pem     (GBytes            *pem,
                                                        GError           **error);

/* RFC 4514 distinguished names, e.g. "CN=Example Ltd,O=Example Ltd". */
const char        *candor_certificate_get_subject      (CandorCertificate *self);
const char        *candor_certificate_get_issuer       (CandorCertificate *self);
/* SHA-256 of the DER certificate, upper-case hex pairs separated by colons (as openssl
 * x509 -fingerprint -sha256 prints it). */
const char        *candor_certificate_get_fingerprint  (CandorCertificate *self);
GDateTime         *candor_certificate_get_not_before   (CandorCertificate *self);
GDateTime         *candor_certificate_get_not_after    (CandorCertificate *self);
gboolean           candor_certificate_is_self_signed   (CandorCertificate *self);

/**
 * candor_certificate_check_signing_policy:
 *
 * Candor's policy for the signer's own certificate, applied when signing and when verifying:
 * an RSA key has at least 2048 bits; a key usage, if present, allows digitalSignature or
 * nonRepudiation; an extended key usage, if present, names code signing, e-mail protection
 * or any purpose. Fails with %CANDOR_BUNDLE_ERROR_BAD_CERTIFICATE, saying which rule.
 */
gboolean           candor_certificate_check_signing_policy (CandorCertificate *self,
                                                            GError           **error);

/**
 * candor_certificate_check_valid_at:
 * @when: the moment to check
 *
 * Fails with %CANDOR_BUNDLE_ERROR_EXPIRED or %CANDOR_BUNDLE_ERROR_NOT_YET_VALID, naming
 * the dates, when @when is outside the certificate's validity.
 */
gboolean           candor_certificate_check_valid_at   (CandorCertificate *self,
                                                        GDateTime         *when,
                                                        GError           **error);

/**
 * candor_fingerprint_parse:
 * @text: a SHA-256 fingerprint: 64 hex digits, plain or in colon-separated pairs, either
 *   case, optionally after "SHA256:" or "sha256 Fingerprint=" (as openssl x509
 *   -fingerprint -sha256 prints it)
 * @digest: (out caller-allocates): the 32 bytes
 * @error: %CANDOR_BUNDLE_ERROR_FAILED naming what is wrong with @text
 */
gboolean           candor_fingerprint_parse            (const char        *text,
                                                        guint8             digest[32],
                                                        GError           **error);

/* TRUE when the SHA-256 of the certificate's DER is @digest. */
gboolean           candor_certificate_has_fingerprint  (CandorCertificate *self,
                                                        const guint8       digest[32]);

/* The certificate as one PEM block. Returns: (transfer full) */
char              *candor_certificate_dup_pem          (CandorCertificate *self);

/* Several lines "Subject: …\nIssuer: …\nSHA-256 fingerprint: …\nValid: … to …\n", the
 * summary shown before signing. Returns: (transfer full) */
char              *candor_certificate_describe         (CandorCertificate *self);

G_END_DECLS
