/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-bundle-verify.h: checking a signed bundle: zip safety, SHA256SUMS, the CMS
 * signature, the certificate's validity at signing time and, optionally, its trust anchor. */
#pragma once

#include <gio/gio.h>

#include "candor-bundle-file.h"
#include "candor-certificate.h"

G_BEGIN_DECLS

#define CANDOR_TYPE_BUNDLE_VERIFICATION (candor_bundle_verification_get_type ())
G_DECLARE_FINAL_TYPE (CandorBundleVerification, candor_bundle_verification, CANDOR, BUNDLE_VERIFICATION, GObject)

/**
 * CandorFileCheck:
 * @CANDOR_FILE_CHECK_OK: matches SHA256SUMS (or, for SHA256SUMS and its signature, the
 *   signature verified)
 * @CANDOR_FILE_CHECK_CHANGED: does not match
 * @CANDOR_FILE_CHECK_MISSING: listed in SHA256SUMS but absent
 * @CANDOR_FILE_CHECK_UNLISTED: present but not listed
 * @CANDOR_FILE_CHECK_NOT_CHECKED: an earlier check failed before this file was reached
 */
typedef enum
{
  CANDOR_FILE_CHECK_OK,
  CANDOR_FILE_CHECK_CHANGED,
  CANDOR_FILE_CHECK_MISSING,
  CANDOR_FILE_CHECK_UNLISTED,
  CANDOR_FILE_CHECK_NOT_CHECKED,
} CandorFileCheck;

/**
 * candor_bundle_verify:
 * @zip: the bundle
 * @ca_pem: (nullable): trust anchors (PEM); when given the signer must chain to one
 * @ca_label: (nullable): how to name @ca_pem in messages (its file name)
 *
 * Runs every check, in memory (nothing is unpacked to disk), and stops at the first
 * failure. Never fails itself: the outcome is in the result.
 * Returns: (transfer full): the result
 */
CandorBundleVerification *candor_bundle_verify          (GBytes       *zip,
                                                         GBytes       *ca_pem,
                                                         const char   *ca_label);

/* Reads @bundle (refusing files over the size limit) and @ca, then verifies. Returns NULL
 * only when a file cannot be read. Blocking; use the async variant in the app. */
CandorBundleVerification *candor_bundle_verify_file     (GFile        *bundle,
                                                         GFile        *ca,
                                                         GCancellable *cancellable,
                                                         GError      **error);
void                      candor_bundle_verify_file_async  (GFile              *bundle,
                                                            GFile              *ca,
                                                            GCancellable       *cancellable,
                                                            GAsyncReadyCallback callback,
                                                            gpointer            user_data);
CandorBundleVerification *candor_bundle_verify_file_finish (GAsyncResult       *result,
                                                            GError            **error);

/* TRUE only when every check passed. */
gboolean            candor_bundle_verification_get_passed      (CandorBundleVerification *self);
/* The first failed check (domain CANDOR_BUNDLE_ERROR; the message starts with the file it
 * concerns), or NULL when all passed. */
const GError       *candor_bundle_verification_get_error       (CandorBundleVerification *self);
/* The bundle file the failure concerns, or NULL (e.g. a damaged zip). */
const char         *candor_bundle_verification_get_failed_file (CandorBundleVerification *self);
/* The certificate of signer.pem, once read (nullable). */
CandorCertificate  *candor_bundle_verification_get_signer      (CandorBundleVerification *self);
/* The signing time claimed in the signature (nullable). */
GDateTime          *candor_bundle_verification_get_signing_time (CandorBundleVerification *self);
/* TRUE when a trust anchor was given and the signer chains to it. */
gboolean            candor_bundle_verification_get_trusted     (CandorBundleVerification *self);

/* The files of the bundle in zip order, then any listed but missing ones. */
guint               candor_bundle_verification_get_n_files     (CandorBundleVerification *self);
const char         *candor_bundle_verification_get_file_name   (CandorBundleVerification *self,
                                                                guint                     index);
CandorFileCheck     candor_bundle_verification_get_file_check  (CandorBundleVerification *self,
                                                                guint                     index);
/* A file's content (e.g. disclosure.json to show after a passed check), or NULL. */
GBytes             *candor_bundle_verification_lookup_file     (CandorBundleVerification *self,
                                                                const char               *name);

G_END_DECLS
