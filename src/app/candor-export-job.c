/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-export-job.c: one export, run in a worker thread: unlock the key, draw the labels
 * and the page, sign, write the bundle and check what was written. */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "candor-bundle-export.h"
#include "candor-bundle-render.h"
#include "candor-bundle-verify.h"
#include "candor-export-job.h"
#include "candor-format.h"

void
candor_export_job_free (CandorExportJob *job)
{
  g_bytes_unref (job->draft);
  g_clear_object (&job->identity);
  g_free (job->pkcs11_uri);
  if (job->passphrase != NULL)
    memset (job->passphrase, 0, strlen (job->passphrase));
  g_free (job->passphrase);
  g_strfreev (job->templates);
  g_strfreev (job->formats);
  g_free (job->override_reason);
  g_object_unref (job->destination);
  g_clear_pointer (&job->written, g_ptr_array_unref);
  g_free (job);
}

typedef struct
{
  GObject               *source;
  CandorExportStageFunc  func;
  char                  *stage;
} Stage;

static gboolean
show_stage (gpointer data)
{
  Stage *stage = data;

  stage->func (stage->source, stage->stage);
  g_object_unref (stage->source);
  g_free (stage->stage);
  g_free (stage);
  return G_SOURCE_REMOVE;
}

static void
report_stage (GTask      *task,
              const char *text)
{
  CandorExportJob *job = g_task_get_task_data (task);
  Stage *stage;

  if (job->stage_func == NULL)
    return;
  stage = g_new0 (Stage, 1);
  stage->source = g_object_ref (g_task_get_source_object (task));
  stage->func = job->stage_func;
  stage->stage = g_strdup (text);
  g_idle_add (show_stage, stage);
}

/* Worker thread: unlocking the key, rendering, signing and writing all take time. It works
 * on its own copy of the draft, so the window's document is never shared across threads. */
static void
export_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  CandorExportJob *job = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(CandorDocument) document = NULL;
  g_autoptr(CandorSigner) signer = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GBytes) zip = NULL;
  g_autoptr(CandorBundleVerification) check = NULL;
  CandorExportOptions options = { 0, };

  report_stage (task, _("Unlocking the signing key…"));
  if (job->pkcs11_uri != NULL)
    signer = candor_signer_new_from_pkcs11 (job->pkcs11_uri, job->passphrase, NULL, &error);
  else
    signer = candor_identity_unlock (job->identity, job->passphrase, &error);
  if (signer == NULL || !candor_signer_check_validity (signer, NULL, &error))
    goto failed;

  report_stage (task, _("Drawing the labels and the web page…"));
  document = candor_format_load_bytes (job->draft, &error);
  if (document == NULL)
    goto failed;
  files = candor_bundle_render_files (document, (const char * const *) job->templates,
                                      (const char * const *) job->formats, problems, &error);
  if (files == NULL)
    goto failed;

  report_stage (task, _("Signing…"));
  options.override_reason = job->override_reason;
  /* The dialog's one "Export Anyway" reason covers both gates; it lists both. */
  options.review_override_reason = job->override_reason;
  options.render_problems = problems;
  zip = candor_bundle_export (document, files, signer, &options, &error);
  if (zip == NULL)
    goto failed;

  report_stage (task, _("Writing the bundle…"));
  if (!candor_format_write_atomically (job->destination, zip, cancellable, &error))
    goto failed;

  /* Check what was written, the way a release engineer will. */
  report_stage (task, _("Checking the bundle…"));
  check = candor_bundle_verify (zip, NULL, NULL);
  if (!candor_bundle_verification_get_passed (check))
    {
      error = g_error_copy (candor_bundle_verification_get_error (check));
      goto failed;
    }
  job->written = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < candor_bundle_verification_get_n_files (check); i++)
    g_ptr_array_add (job->written, g_strdup (candor_bundle_verification_get_file_name (check, i)));
  g_task_return_boolean (task, TRUE);
  return;

failed:
  g_task_return_error (task, g_steal_pointer (&error));
}

void
candor_export_job_run_in_thread (GTask *task)
{
  g_return_if_fail (G_IS_TASK (task));
  g_return_if_fail (g_task_get_task_data (task) != NULL);

  g_task_run_in_thread (task, export_thread);
}

