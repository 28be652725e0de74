/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-export-job.h: one export, run in a worker thread: unlock the key, draw the labels
 * and the page, sign, write the bundle and check what was written. */
#pragma once

#include <gio/gio.h>

#include "candor-identity.h"

G_BEGIN_DECLS

/* Called in the main context with the stage the worker reached ("Signing…"). */
typedef void (*CandorExportStageFunc) (GObject    *source,
                                       const char *stage);

/**
 * CandorExportJob:
 * @draft: the draft, serialized: the worker reads its own copy, never the window's document
 * @identity: (nullable): sign with this stored identity, unlocked with @passphrase
 * @pkcs11_uri: (nullable): or with this key on a token, @passphrase being its PIN
 * @written: the bundle's files once written and checked (of char *)
 */
typedef struct
{
  GBytes                *draft;
  CandorIdentity        *identity;
  char                  *pkcs11_uri;
  char                  *passphrase;
  GStrv                  templates;
  GStrv                  formats;
  char                  *override_reason;
  GFile                 *destination;
  CandorExportStageFunc  stage_func;
  GPtrArray             *written;
} CandorExportJob;

void candor_export_job_free          (CandorExportJob *job);
/* Runs @job (the task data of @task, whose source object gets the stages) in a thread;
 * the task returns TRUE or the first error. */
void candor_export_job_run_in_thread (GTask           *task);

G_END_DECLS
