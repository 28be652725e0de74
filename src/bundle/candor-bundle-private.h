/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-bundle-private.h: helpers shared inside src/bundle (GnuTLS glue). */
#pragma once

#include <gnutls/gnutls.h>
#include <gnutls/x509.h>
#include <gnutls/abstract.h>

#include "candor-bundle-error.h"
#include "candor-certificate.h"
#include "candor-signer.h"

G_BEGIN_DECLS

/* Takes ownership of @crt. */
CandorCertificate *_candor_certificate_new_take      (gnutls_x509_crt_t  crt);
gnutls_x509_crt_t  _candor_certificate_get_crt       (CandorCertificate *self);

/* Parses every PEM certificate in @pem (at most 16). Returns: (transfer full): of
 * CandorCertificate, or NULL with @error set when there is none or one is unreadable. */
GPtrArray         *_candor_certificate_list_from_pem (GBytes            *pem,
                                                      const char        *what,
                                                      GError           **error);

/* Sets @error from a GnuTLS error code with a leading context, returns FALSE. */
gboolean           _candor_gnutls_error              (GError           **error,
                                                      int                code,
                                                      int                gnutls_code,
                                                      const char        *context);

/* Overwrites then frees a secret string. */
void               _candor_secret_free               (char              *secret);

/* Reads a PEM or DER private key, decrypting it with @passphrase if needed. */
gboolean           _candor_private_key_import        (GBytes                *key,
                                                      const char            *passphrase,
                                                      gnutls_x509_privkey_t *out,
                                                      GError               **error);
/* Reads a PKCS #12 file: the key and its chain (of CandorCertificate, signer first). */
gboolean           _candor_pkcs12_import             (GBytes                *pkcs12,
                                                      const char            *passphrase,
                                                      gnutls_x509_privkey_t *out_key,
                                                      GPtrArray            **out_chain,
                                                      GError               **error);
/* A signer from @xkey (copied) and @chain (taken); checks that they belong together. */
CandorSigner      *_candor_signer_new_x509           (gnutls_x509_privkey_t  xkey,
                                                      GPtrArray             *chain,
                                                      GError               **error);

/* Refuses a SHA256SUMS.p7s whose unsigned parts differ from the one shape Candor writes
 * (and any standard CMS signer would): see candor-cms-check.c. */
gboolean           _candor_cms_check_structure       (GBytes                *der,
                                                      GError               **error);

/* Refuses @text (named @what in the message) when it holds a control, bidi or other
 * invisible format character, naming the character and its position. */
gboolean           _candor_identity_check_visible    (const char            *what,
                                                      const char            *text,
                                                      GError               **error);

G_DEFINE_AUTO_CLEANUP_FREE_FUNC (gnutls_x509_crt_t, gnutls_x509_crt_deinit, NULL)
G_DEFINE_AUTO_CLEANUP_FREE_FUNC (gnutls_x509_privkey_t, gnutls_x509_privkey_deinit, NULL)
G_DEFINE_AUTO_CLEANUP_FREE_FUNC (gnutls_privkey_t, gnutls_privkey_deinit, NULL)

G_END_DECLS
