/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-bundle-error.h: the error domain of signed bundles, identities and verification. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CANDOR_BUNDLE_ERROR (candor_bundle_error_quark ())

/**
 * CandorBundleError:
 * @CANDOR_BUNDLE_ERROR_MALFORMED: the zip is damaged or unsafe (paths, links, duplicates)
 * @CANDOR_BUNDLE_ERROR_TOO_LARGE: an entry, or the bundle, exceeds a safety limit
 * @CANDOR_BUNDLE_ERROR_MISSING_FILE: a file listed in SHA256SUMS (or a required file) is absent
 * @CANDOR_BUNDLE_ERROR_UNLISTED_FILE: a file is present but not listed in SHA256SUMS
 * @CANDOR_BUNDLE_ERROR_CHECKSUM: a file does not match its SHA-256 in SHA256SUMS
 * @CANDOR_BUNDLE_ERROR_SUMS_CHANGED: SHA256SUMS was changed after it was signed
 * @CANDOR_BUNDLE_ERROR_BAD_SIGNATURE: SHA256SUMS.p7s is damaged or does not verify
 * @CANDOR_BUNDLE_ERROR_OTHER_KEY: the signature was made by another key than signer.pem's
 * @CANDOR_BUNDLE_ERROR_SIGNER_REPLACED: signer.pem is not the certificate the bundle was signed with
 * @CANDOR_BUNDLE_ERROR_BAD_CERTIFICATE: signer.pem cannot be read or its chain is broken
 * @CANDOR_BUNDLE_ERROR_EXPIRED: the certificate had expired (at signing, or now when signing)
 * @CANDOR_BUNDLE_ERROR_NOT_YET_VALID: the certificate was not yet valid
 * @CANDOR_BUNDLE_ERROR_UNTRUSTED: the certificate does not chain to the given trust anchor
 * @CANDOR_BUNDLE_ERROR_INCOMPLETE: the draft has missing elements or blocking findings
 * @CANDOR_BUNDLE_ERROR_IDENTITY: a signing identity or key cannot be created, read or used
 * @CANDOR_BUNDLE_ERROR_PASSPHRASE: the passphrase or PIN is wrong or missing
 * @CANDOR_BUNDLE_ERROR_FAILED: anything else
 * @CANDOR_BUNDLE_ERROR_NOT_APPROVED: an element of the draft is not approved, or its approval
 *   lapsed (the review gate of a signed export)
 */
typedef enum
{
  CANDOR_BUNDLE_ERROR_MALFORMED,
  CANDOR_BUNDLE_ERROR_TOO_LARGE,
  CANDOR_BUNDLE_ERROR_MISSING_FILE,
  CANDOR_BUNDLE_ERROR_UNLISTED_FILE,
  CANDOR_BUNDLE_ERROR_CHECKSUM,
  CANDOR_BUNDLE_ERROR_SUMS_CHANGED,
  CANDOR_BUNDLE_ERROR_BAD_SIGNATURE,
  CANDOR_BUNDLE_ERROR_OTHER_KEY,
  CANDOR_BUNDLE_ERROR_SIGNER_REPLACED,
  CANDOR_BUNDLE_ERROR_BAD_CERTIFICATE,
  CANDOR_BUNDLE_ERROR_EXPIRED,
  CANDOR_BUNDLE_ERROR_NOT_YET_VALID,
  CANDOR_BUNDLE_ERROR_UNTRUSTED,
  CANDOR_BUNDLE_ERROR_INCOMPLETE,
  CANDOR_BUNDLE_ERROR_IDENTITY,
  CANDOR_BUNDLE_ERROR_PASSPHRASE,
  CANDOR_BUNDLE_ERROR_FAILED,
  CANDOR_BUNDLE_ERROR_NOT_APPROVED,
} CandorBundleError;

GQuark candor_bundle_error_quark (void);

G_END_DECLS
