/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-bundle-export.h: from a draft and its rendered files to a signed bundle: the
 * completeness gate, the recorded override, and the writer. */
#pragma once

#include <gio/gio.h>

#include "candor-bundle-file.h"
#include "candor-document.h"
#include "candor-signer.h"

G_BEGIN_DECLS

/* The key added to disclosure.json when an incomplete draft is exported anyway. */
#define CANDOR_BUNDLE_OVERRIDE_KEY "export_override"

/**
 * CandorExportOptions:
 * @override_reason: (nullable): export even with gate problems, recording this reason;
 *   %NULL keeps the gate closed
 * @override_by: (nullable): who overrides; %NULL for the user's real name (or login)
 * @now: (nullable): the time recorded for the override; %NULL for now
 * @render_problems: (nullable): of char *, problems the renderers found (a label text cut
 *   short, no QR code), which close the gate like missing elements do
 * @review_override_reason: (nullable): export even though elements are not approved (or
 *   their approval lapsed), recording this reason; %NULL keeps the review gate closed.
 *   @override_reason does not open the review gate, nor this one the completeness gate.
 */
typedef struct
{
  const char *override_reason;
  const char *override_by;
  GDateTime  *now;
  GPtrArray  *render_problems;
  const char *review_override_reason;
} CandorExportOptions;

/**
 * candor_bundle_export_gate:
 * @document: the draft
 *
 * What stops a signed export: every reason an element is not ready
 * (candor_readiness_check_all(): missing answers, blocking problems of the wording checks,
 * empty texts, open blocking readability findings, texts that are hard to read), one
 * translated line each, starting with the element (“A.3 Until when?: …”).
 * Returns: (transfer full): of char *, empty when the draft may be exported
 */
GPtrArray *candor_bundle_export_gate            (CandorDocument            *document);

/**
 * candor_bundle_export_review_gate:
 * @document: the draft
 *
 * The review gate (DESIGN §7): every element that is not approved, or whose approval lapsed,
 * one translated line each (“A.1 …: not approved (status draft)”).
 * Returns: (transfer full): of char *, empty when every element is approved
 */
GPtrArray *candor_bundle_export_review_gate     (CandorDocument            *document);

/**
 * candor_bundle_export_record_override:
 * @disclosure_json: the published disclosure (a JSON object)
 * @problems: of char *, what the gate reported
 *
 * Adds `"export_override": {"reason", "by", "at", "problems"}` to the object and writes it
 * back pretty-printed (two-space indent, a final newline).
 * Returns: (transfer full) (nullable)
 */
GBytes    *candor_bundle_export_record_override (GBytes                    *disclosure_json,
                                                 const char                *reason,
                                                 const char                *by,
                                                 GDateTime                 *at,
                                                 GPtrArray                 *problems,
                                                 GError                   **error);

/**
 * candor_bundle_export:
 * @document: the draft
 * @files: of CandorBundleFile: what the renderers produced (disclosure.json, labels,
 *   index.html); not modified
 * @signer: the signing identity, certificate valid now
 * @options: (nullable): the override, if any
 * @error: %CANDOR_BUNDLE_ERROR_INCOMPLETE listing the gate's problems, or a signing error
 *
 * Runs both gates (completeness, then review), records an override in disclosure.json,
 * then writes the bundle with every timestamp set to the draft's modified time (so the same
 * draft gives the same files).
 *
 * The record is disclosure.json's `export_override`: `reason` (the completeness reason, or the
 * review reason when only the review gate was overridden), `by`, `at`, `problems` (every line
 * either gate reported) and, when the review gate was overridden, `review`: `{"reason",
 * "not_approved": [{"element": "A1", "status": "draft" | "needs-work" | "ready" | "lapsed"}]}`.
 * A review override is also appended to the draft's review log (@document is changed: the
 * caller saves it).
 * Returns: (transfer full) (nullable): the zip; %CANDOR_BUNDLE_ERROR_NOT_APPROVED when the
 *   review gate is closed
 */
GBytes    *candor_bundle_export                 (CandorDocument            *document,
                                                 GPtrArray                 *files,
                                                 CandorSigner              *signer,
                                                 const CandorExportOptions *options,
                                                 GError                   **error);

G_END_DECLS
