/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-bundle-writer.h: writing a signed disclosure bundle (DESIGN §6) from its files. */
#pragma once

#include <gio/gio.h>

#include "candor-bundle-file.h"
#include "candor-signer.h"

G_BEGIN_DECLS

/**
 * candor_bundle_write:
 * @files: of CandorBundleFile: disclosure.json, the labels, index.html (any safe names
 *   except the three reserved ones)
 * @mtime: the timestamp of every entry (the draft's modified time), for reproducibility
 * @signer: signs SHA256SUMS; its certificate must be valid now
 * @error: %CANDOR_BUNDLE_ERROR_EXPIRED / _NOT_YET_VALID for an unusable certificate
 *
 * Adds signer.pem, SHA256SUMS (every file but itself and the signature) and
 * SHA256SUMS.p7s, and zips them: the given files sorted by name, then SHA256SUMS,
 * SHA256SUMS.p7s and signer.pem. Two calls with the same input differ only in
 * SHA256SUMS.p7s (its signing time and signature).
 * Returns: (transfer full) (nullable): the zip
 */
GBytes *candor_bundle_write          (GPtrArray     *files,
                                      GDateTime     *mtime,
                                      CandorSigner  *signer,
                                      GError       **error);

/**
 * candor_bundle_assemble:
 *
 * The last step of candor_bundle_write() without signing or checks: zips @files plus the
 * given SHA256SUMS, signature and signer chain. For tools and tests that build bundles
 * from their own parts. Returns: (transfer full) (nullable)
 */
GBytes *candor_bundle_assemble       (GPtrArray     *files,
                                      GBytes        *sums,
                                      GBytes        *signature,
                                      GBytes        *signer_pem,
                                      gint64         mtime,
                                      GError       **error);

/**
 * candor_bundle_slug:
 *
 * A file-name-safe form of a product name: lower-case ASCII letters and digits joined by
 * “-” (“Acme SmartCam 2 Pro” → “acme-smartcam-2-pro”); “untitled” when nothing is left.
 * Returns: (transfer full)
 */
char   *candor_bundle_slug           (const char    *product_name);

/* "<slug>-disclosure.zip". Returns: (transfer full) */
char   *candor_bundle_file_name      (const char    *product_name);

G_END_DECLS
