/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-export-dialog.h: exporting a signed bundle: templates and formats, the signing
 * identity and its certificate, the destination, the completeness gate, progress, and what
 * was written with the commands that check it. */
#pragma once

#include <adwaita.h>

#include "candor-document.h"

G_BEGIN_DECLS

#define CANDOR_TYPE_EXPORT_DIALOG (candor_export_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CandorExportDialog, candor_export_dialog, CANDOR, EXPORT_DIALOG, AdwWindow)

/* The two commands shown on the result page (DESIGN §6). */
#define CANDOR_EXPORT_SUMS_COMMAND "sha256sum -c SHA256SUMS"
#define CANDOR_EXPORT_CMS_COMMAND  "openssl cms -verify -binary -inform DER -in SHA256SUMS.p7s " \
                                   "-content SHA256SUMS -CAfile signer.pem -purpose any"

/*
 * Actions:
 *   export.export         sign and write (enabled when the form is complete, the certificate
 *                         is valid, and the gate is open or overridden with a reason)
 *   export.new-identity   opens the identity dialog
 *   export.read-token     reads the certificate of the token key (logs in with the PIN)
 *   export.choose-destination
 *   export.copy-command   (string) copies a command to the clipboard
 *
 * Signals:
 *   "exported" (GFile *bundle): written and verified
 *
 * The page shown is the "visible-page" property: "settings", "progress" or "result".
 */

/* @identity_dir: (nullable): the identity store; NULL for the default */
CandorExportDialog *candor_export_dialog_new              (GtkWindow          *parent,
                                                           CandorDocument     *document,
                                                           const char         *identity_dir);
void                candor_export_dialog_set_destination  (CandorExportDialog *self,
                                                           GFile              *file);
GFile              *candor_export_dialog_get_destination  (CandorExportDialog *self);
/* Selects a stored identity by name; FALSE if there is none of that name. */
gboolean            candor_export_dialog_select_identity  (CandorExportDialog *self,
                                                           const char         *name);
/* Signs with the key at @uri on a PKCS #11 token (the passphrase is its PIN) instead of a
 * stored identity; NULL goes back to stored identities. Then activate export.read-token. */
void                candor_export_dialog_use_token        (CandorExportDialog *self,
                                                           const char         *uri);
void                candor_export_dialog_set_passphrase   (CandorExportDialog *self,
                                                           const char         *passphrase);
/* Export despite the gate's problems, for @reason; NULL keeps the gate closed. */
void                candor_export_dialog_set_override     (CandorExportDialog *self,
                                                           const char         *reason);
/* Chooses the label templates and formats (NULL-terminated ids: "compact", "pdf", …). */
void                candor_export_dialog_set_outputs      (CandorExportDialog *self,
                                                           const char * const *templates,
                                                           const char * const *formats);
/* What the gate reports (of char *), as listed in the dialog. */
GPtrArray          *candor_export_dialog_get_gate_problems (CandorExportDialog *self);
/* Why the Export button is off, or NULL when it is on. */
const char         *candor_export_dialog_get_blocker      (CandorExportDialog *self);
const char         *candor_export_dialog_get_visible_page (CandorExportDialog *self);
/* The files the result page lists (of char *). */
GPtrArray          *candor_export_dialog_get_result_files (CandorExportDialog *self);

G_END_DECLS
