/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-identity-dialog.h: creating a signing identity: organisation, e-mail, validity and
 * the passphrase that encrypts its key. */
#pragma once

#include <adwaita.h>

#include "candor-identity.h"

G_BEGIN_DECLS

#define CANDOR_TYPE_IDENTITY_DIALOG (candor_identity_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CandorIdentityDialog, candor_identity_dialog, CANDOR, IDENTITY_DIALOG, AdwWindow)

/*
 * Signals:
 *   "created" (CandorIdentity *identity, const char *passphrase): the identity was made and
 *     stored; the dialog closes right after
 *
 * Actions: identity.create (enabled once every field is filled and the passphrases match),
 *   identity.choose-import (picks a PKCS #12 file to import instead)
 */

/* @store_dir: (nullable): where identities live; NULL for candor_identity_get_default_dir() */
CandorIdentityDialog *candor_identity_dialog_new  (GtkWindow            *parent,
                                                   const char           *store_dir);
/* Fills the form (for tests, or to propose values); NULL leaves a field as it is. */
void                  candor_identity_dialog_fill (CandorIdentityDialog *self,
                                                   const char           *organisation,
                                                   const char           *email,
                                                   guint                 validity_years,
                                                   const char           *passphrase);
/* Proposes a validity (whole years) that covers @support_end, the last day of security
 * updates of the draft being signed, plus a margin, and says so under the field. */
void                  candor_identity_dialog_set_support_end (CandorIdentityDialog *self,
                                                              const GDate          *support_end);
/* Imports @pkcs12 (protected by @password) instead of creating a key; NULL goes back to
 * creating one. */
void                  candor_identity_dialog_set_import_file (CandorIdentityDialog *self,
                                                              GFile                *pkcs12,
                                                              const char           *password);
/* The last error shown in the dialog, or NULL. */
const char           *candor_identity_dialog_get_error (CandorIdentityDialog *self);

G_END_DECLS
