/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-identity.h: signing identities kept on disk: an encrypted private key (PKCS #8,
 * mode 0600) and its certificate chain, one folder per identity. */
#pragma once

#include <gio/gio.h>

#include "candor-certificate.h"
#include "candor-signer.h"

G_BEGIN_DECLS

#define CANDOR_TYPE_IDENTITY (candor_identity_get_type ())
G_DECLARE_FINAL_TYPE (CandorIdentity, candor_identity, CANDOR, IDENTITY, GObject)

/* File names inside an identity's folder. */
#define CANDOR_IDENTITY_KEY_FILE  "key.pem"   /* encrypted PKCS #8 */
#define CANDOR_IDENTITY_CERT_FILE "cert.pem"  /* chain, signer first */

/**
 * candor_identity_get_default_dir:
 *
 * g_get_user_data_dir()/io.github.candor_app.Candor/identities
 * Returns: (transfer full)
 */
char           *candor_identity_get_default_dir   (void);

/**
 * candor_identity_create:
 * @dir: (nullable): the store; %NULL for the default
 * @name: the identity's folder name: letters, digits, “.”, “_” and “-”
 * @organisation: the certificate's organisation and common name
 * @email: the contact address (subject e-mail and subject alternative name)
 * @not_before: (nullable): start of validity; %NULL for now
 * @validity_days: 1 to 36500
 * @passphrase: encrypts the key at rest (PKCS #8, PBES2 AES-256); not empty, never stored
 *
 * Makes an ECDSA P-256 key and a self-signed certificate for code signing (key usage
 * digitalSignature, extended key usage codeSigning) and stores them. Refuses to overwrite
 * an existing identity.
 * Returns: (transfer full) (nullable): the new identity
 */
CandorIdentity *candor_identity_create            (const char    *dir,
                                                   const char    *name,
                                                   const char    *organisation,
                                                   const char    *email,
                                                   GDateTime     *not_before,
                                                   guint          validity_days,
                                                   const char    *passphrase,
                                                   GError       **error);

/**
 * candor_identity_import_pem:
 * @key: the organisation's private key (PEM or DER)
 * @key_passphrase: (nullable): decrypts @key
 * @chain: its certificate chain, PEM, signer first
 * @passphrase: encrypts the stored copy of the key
 *
 * Stores an identity the organisation provides; checks that key and certificate match.
 * Returns: (transfer full) (nullable)
 */
CandorIdentity *candor_identity_import_pem        (const char    *dir,
                                                   const char    *name,
                                                   GBytes        *key,
                                                   const char    *key_passphrase,
                                                   GBytes        *chain,
                                                   const char    *passphrase,
                                                   GError       **error);

/* Same from a PKCS #12 file protected by @pkcs12_passphrase. */
CandorIdentity *candor_identity_import_pkcs12     (const char    *dir,
                                                   const char    *name,
                                                   GBytes        *pkcs12,
                                                   const char    *pkcs12_passphrase,
                                                   const char    *passphrase,
                                                   GError       **error);

/**
 * candor_identity_open:
 * @dir: (nullable): the store; %NULL for the default
 * @name: an identity name, or a path to an identity folder (containing a “/”)
 *
 * Reads the certificate only; the key stays encrypted until candor_identity_unlock().
 * Returns: (transfer full) (nullable)
 */
CandorIdentity *candor_identity_open              (const char    *dir,
                                                   const char    *name,
                                                   GError       **error);

/* Every readable identity of the store, sorted by name. Returns: (transfer full): of
 * CandorIdentity; empty when the store does not exist. */
GPtrArray      *candor_identity_list              (const char    *dir);

const char     *candor_identity_get_name          (CandorIdentity *self);
const char     *candor_identity_get_path          (CandorIdentity *self);
CandorCertificate *candor_identity_get_certificate (CandorIdentity *self);

/**
 * candor_identity_unlock:
 * @passphrase: the passphrase given at creation or import (the app may keep it in the
 *   desktop keyring); never logged
 *
 * Returns: (transfer full) (nullable): a signer; %CANDOR_BUNDLE_ERROR_PASSPHRASE when the
 *   passphrase is wrong
 */
CandorSigner   *candor_identity_unlock            (CandorIdentity *self,
                                                   const char     *passphrase,
                                                   GError        **error);

/* A warning when a key file may be read by other users (mode wider than 0600), else NULL. */
char           *candor_key_file_mode_warning      (const char     *path);
char           *candor_identity_key_mode_warning  (CandorIdentity *self);

G_END_DECLS
