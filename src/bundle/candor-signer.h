/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-signer.h: a private key (file or PKCS #11 token) with its certificate chain, able
 * to make the detached CMS signature of a bundle. */
#pragma once

#include <gio/gio.h>

#include "candor-certificate.h"

G_BEGIN_DECLS

#define CANDOR_TYPE_SIGNER (candor_signer_get_type ())
G_DECLARE_FINAL_TYPE (CandorSigner, candor_signer, CANDOR, SIGNER, GObject)

/**
 * candor_signer_new_from_pem:
 * @key: the private key, PEM or DER: PKCS #8 (encrypted or not), PKCS #1 or SEC 1
 * @passphrase: (nullable): decrypts @key; never stored
 * @chain: the certificate chain, PEM, the signer's certificate first
 * @error: %CANDOR_BUNDLE_ERROR_PASSPHRASE for a wrong or missing passphrase,
 *   %CANDOR_BUNDLE_ERROR_IDENTITY when the key does not belong to the certificate
 *
 * Returns: (transfer full) (nullable): the signer
 */
CandorSigner      *candor_signer_new_from_pem      (GBytes        *key,
                                                    const char    *passphrase,
                                                    GBytes        *chain,
                                                    GError       **error);

/**
 * candor_signer_new_from_pkcs12:
 * @pkcs12: a PKCS #12 file (DER or PEM) holding one key and its certificate chain
 * @passphrase: (nullable): the file's password
 *
 * Returns: (transfer full) (nullable): the signer
 */
CandorSigner      *candor_signer_new_from_pkcs12   (GBytes        *pkcs12,
                                                    const char    *passphrase,
                                                    GError       **error);

/**
 * candor_signer_new_from_pkcs11:
 * @uri: a PKCS #11 URI of the private key ("pkcs11:token=…;object=…;type=private")
 * @pin: (nullable): the token's user PIN, kept (wiped on finalize) because the token may
 *   ask for it again when signing
 * @chain: (nullable): the certificate chain, PEM; when %NULL the certificate is read from
 *   the token, from the object with the same URI and type=cert
 *
 * Returns: (transfer full) (nullable): the signer
 */
CandorSigner      *candor_signer_new_from_pkcs11   (const char    *uri,
                                                    const char    *pin,
                                                    GBytes        *chain,
                                                    GError       **error);

/* The signer's own certificate (first of the chain). Owned by the signer. */
CandorCertificate *candor_signer_get_certificate   (CandorSigner  *self);
/* The whole chain as PEM, the content of signer.pem. Owned by the signer. */
GBytes            *candor_signer_get_chain_pem     (CandorSigner  *self);

/**
 * candor_signer_check_validity:
 * @now: (nullable): the moment of signing; %NULL for the current time
 *
 * Refuses an expired or not-yet-valid signer certificate (or chain certificate), with a
 * message naming the dates. Call before signing (candor_bundle_write() does).
 */
gboolean           candor_signer_check_validity    (CandorSigner  *self,
                                                    GDateTime     *now,
                                                    GError       **error);

/**
 * candor_signer_sign:
 * @data: the content to sign (SHA256SUMS)
 *
 * The detached CMS (PKCS #7) SignedData over @data, DER: SHA-256, signed attributes
 * including the signing time, the chain included. Does not check validity. May be called
 * from several threads (signatures are made one at a time).
 * Returns: (transfer full) (nullable): the signature
 */
GBytes            *candor_signer_sign              (CandorSigner  *self,
                                                    GBytes        *data,
                                                    GError       **error);

G_END_DECLS
