/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-export-dialog-private.h: the export dialog's state, shared by its logic
 * (candor-export-dialog.c) and its pages (candor-export-dialog-pages.c). */
#pragma once

#include "candor-certificate.h"
#include "candor-export-dialog.h"

G_BEGIN_DECLS

struct _CandorExportDialog
{
  AdwWindow            parent_instance;

  CandorDocument      *document;
  char                *identity_dir;
  GCancellable        *cancellable;
  GPtrArray           *identities;     /* of CandorIdentity */
  GFile               *destination;
  GPtrArray           *gate_problems;  /* of char *: the draft's, then the labels' */
  guint                n_label_problems;
  guint                n_review_problems;   /* of gate_problems: elements not approved */
  GPtrArray           *result_files;   /* of char * */
  char                *blocker;
  gboolean             certificate_ok;
  gboolean             busy;

  GtkStack            *stack;
  GtkWidget           *export_button;
  GtkLabel            *blocker_label;
  GPtrArray           *template_checks; /* of GtkCheckButton, in template id order */
  GtkCheckButton      *format_checks[3];
  AdwComboRow         *source_row;     /* a stored identity, or a token key */
  AdwComboRow         *identity_row;
  AdwEntryRow         *token_row;
  GtkWidget           *remember_row;
  CandorCertificate   *token_cert;     /* read from the token with the PIN, or NULL */
  GtkStringList       *identity_names;
  AdwActionRow        *subject_row;
  AdwActionRow        *issuer_row;
  AdwActionRow        *fingerprint_row;
  AdwActionRow        *validity_row;
  AdwPasswordEntryRow *passphrase_row;
  GtkSwitch           *remember_switch;
  AdwActionRow        *destination_row;
  AdwPreferencesGroup *gate_group;
  GPtrArray           *gate_rows;
  GtkSwitch           *override_switch;
  AdwEntryRow         *reason_row;
  GtkLabel            *progress_label;
  AdwStatusPage       *result_status;
  AdwPreferencesGroup *files_group;
  GPtrArray           *file_rows;
};

/* candor-export-dialog.c */
void       candor_export_dialog_refresh_gate      (CandorExportDialog *self);
void       candor_export_dialog_update_state      (CandorExportDialog *self);
void       candor_export_dialog_show_certificate  (CandorExportDialog *self);
void       candor_export_dialog_identity_changed  (CandorExportDialog *self);
void       candor_export_dialog_source_changed    (CandorExportDialog *self);
gboolean   candor_export_dialog_uses_token        (CandorExportDialog *self);

/* candor-export-dialog-pages.c */
GtkWidget *candor_export_dialog_build_settings    (CandorExportDialog *self);
GtkWidget *candor_export_dialog_build_progress    (CandorExportDialog *self);
GtkWidget *candor_export_dialog_build_result      (CandorExportDialog *self);

G_END_DECLS
