/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-export-dialog.c: exporting a signed bundle: templates and formats, the signing
 * identity and its certificate, the destination, the completeness gate, progress, and what
 * was written with the commands that check it. */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#ifdef CANDOR_HAVE_LIBSECRET
#include <libsecret/secret.h>
#endif

#include "candor-bundle-error.h"
#include "candor-bundle-export.h"
#include "candor-bundle-render.h"
#include "candor-bundle-verify.h"
#include "candor-bundle-writer.h"
#include "candor-export-dialog-private.h"
#include "candor-review.h"
#include "candor-review.h"
#include "candor-export-job.h"
#include "candor-file-chooser.h"
#include "candor-format.h"
#include "candor-identity-dialog.h"
#include "candor-identity-validity.h"
#include "candor-wording.h"
#include "candor-identity.h"
#include "candor-label.h"
#include "candor-label-template.h"

static const char * const format_ids[] = { "pdf", "svg", "png", NULL };

G_DEFINE_FINAL_TYPE (CandorExportDialog, candor_export_dialog, ADW_TYPE_WINDOW)

enum {
  EXPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

#ifdef CANDOR_HAVE_LIBSECRET
static const SecretSchema passphrase_schema = {
  "io.github.candor_app.Candor.SigningIdentity", SECRET_SCHEMA_NONE,
  { { "identity", SECRET_SCHEMA_ATTRIBUTE_STRING }, { NULL, 0 } },
};

/* Without a session bus there is no keyring; asking would autolaunch a bus. */
static gboolean
keyring_available (void)
{
  return g_getenv ("DBUS_SESSION_BUS_ADDRESS") != NULL;
}
#endif

static CandorIdentity *
current_identity (CandorExportDialog *self)
{
  guint index = adw_combo_row_get_selected (self->identity_row);

  return index < self->identities->len ? g_ptr_array_index (self->identities, index) : NULL;
}

static GStrv
checked_ids (GPtrArray          *checks,
             const char * const *ids)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < checks->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (checks, i)))
      g_strv_builder_add (builder, ids[i]);
  return g_strv_builder_end (builder);
}

static GStrv
selected_templates (CandorExportDialog *self)
{
  return checked_ids (self->template_checks, candor_label_template_list_ids ());
}

static GStrv
selected_formats (CandorExportDialog *self)
{
  g_autoptr(GPtrArray) checks = g_ptr_array_new ();

  for (guint i = 0; i < G_N_ELEMENTS (self->format_checks); i++)
    g_ptr_array_add (checks, self->format_checks[i]);
  return checked_ids (checks, format_ids);
}

/* ---- what keeps Export off ---------------------------------------------------------- */

static void
set_blocker (CandorExportDialog *self,
             const char         *blocker)
{
  g_free (self->blocker);
  self->blocker = g_strdup (blocker);
  gtk_label_set_text (self->blocker_label, blocker != NULL ? blocker : "");
  gtk_widget_set_visible (GTK_WIDGET (self->blocker_label), blocker != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.export", blocker == NULL);
}

void
candor_export_dialog_update_state (CandorExportDialog *self)
{
  g_auto(GStrv) templates = selected_templates (self);
  g_auto(GStrv) formats = selected_formats (self);
  g_autofree char *reason = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->reason_row))));
  gboolean overriding = gtk_switch_get_active (self->override_switch);

  gtk_widget_set_sensitive (GTK_WIDGET (self->reason_row), overriding);
  if (self->busy)
    set_blocker (self, _("Exporting…"));
  else if (templates[0] == NULL)
    set_blocker (self, _("Choose at least one label template."));
  else if (formats[0] == NULL)
    set_blocker (self, _("Choose at least one label format."));
  else if (candor_export_dialog_uses_token (self) &&
           gtk_editable_get_text (GTK_EDITABLE (self->token_row))[0] == '\0')
    set_blocker (self, _("Enter the PKCS #11 URI of the signing key on the token."));
  else if (candor_export_dialog_uses_token (self) && self->token_cert == NULL)
    set_blocker (self, _("Enter the token PIN, then read the certificate from the token."));
  else if (!candor_export_dialog_uses_token (self) && current_identity (self) == NULL)
    set_blocker (self, _("Create a signing identity first."));
  else if (!self->certificate_ok)
    set_blocker (self, _("This certificate cannot sign now: create or choose another identity."));
  else if (gtk_editable_get_text (GTK_EDITABLE (self->passphrase_row))[0] == '\0')
    set_blocker (self, _("Enter the passphrase of the signing identity."));
  else if (self->destination == NULL)
    set_blocker (self, _("Choose where to save the bundle."));
  else if (self->gate_problems->len > 0 && !overriding)
    set_blocker (self, _("The draft is not ready to sign: fix the problems listed, or export anyway with a reason."));
  else if (self->gate_problems->len > 0 && reason[0] == '\0')
    set_blocker (self, _("Say why you export an incomplete draft; the reason is recorded in the bundle."));
  else
    set_blocker (self, NULL);
}

/* ---- the gate --------------------------------------------------------------------------- */

void
candor_export_dialog_refresh_gate (CandorExportDialog *self)
{
  g_auto(GStrv) templates = selected_templates (self);
  g_autoptr(GPtrArray) problems = candor_bundle_export_gate (self->document);
  g_autoptr(GPtrArray) review_problems = candor_bundle_export_review_gate (self->document);

  self->n_label_problems = 0;
  /* Texts cut short or a missing QR code close the gate too (the export would report them
   * only after rendering); a label is quick to lay out. */
  for (guint i = 0; templates[i] != NULL; i++)
    {
      g_autoptr(CandorLabel) label = candor_label_new (self->document, templates[i], NULL, NULL);
      GPtrArray *label_problems = label != NULL ? candor_label_get_problems (label) : NULL;

      for (guint j = 0; label_problems != NULL && j < label_problems->len; j++)
        {
          const CandorLabelProblem *problem = g_ptr_array_index (label_problems, j);

          g_ptr_array_add (problems, g_strdup (problem->message));
          self->n_label_problems++;
        }
    }

  /* Elements not approved (or changed since) close the gate too; the same override opens it,
   * and is recorded in the review log. */
  self->n_review_problems = review_problems->len;
  for (guint i = 0; i < review_problems->len; i++)
    g_ptr_array_add (problems, g_strdup (g_ptr_array_index (review_problems, i)));

  for (guint i = 0; i < self->gate_rows->len; i++)
    adw_preferences_group_remove (self->gate_group, g_ptr_array_index (self->gate_rows, i));
  g_ptr_array_set_size (self->gate_rows, 0);
  g_ptr_array_unref (self->gate_problems);
  self->gate_problems = g_steal_pointer (&problems);

  if (self->gate_problems->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Every element is complete"));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("emblem-ok-symbolic"));
      adw_preferences_group_add (self->gate_group, row);
      g_ptr_array_add (self->gate_rows, row);
    }
  for (guint i = 0; i < self->gate_problems->len; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      gtk_widget_add_css_class (icon, "warning");
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), g_ptr_array_index (self->gate_problems, i));
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      adw_preferences_group_add (self->gate_group, row);
      g_ptr_array_add (self->gate_rows, row);
    }
  gtk_widget_set_visible (g_object_get_data (G_OBJECT (self->override_switch), "row"),
                          self->gate_problems->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->reason_row), self->gate_problems->len > 0);
  candor_export_dialog_update_state (self);
}

/* ---- identities and certificates ------------------------------------------------------ */

static char *
format_date (GDateTime *when)
{
  return when != NULL ? g_date_time_format (when, "%Y-%m-%d %H:%M UTC") : g_strdup ("—");
}

#ifdef CANDOR_HAVE_LIBSECRET
static void
on_passphrase_looked_up (GObject      *source,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  CandorExportDialog *self = user_data;
  g_autoptr(GError) error = NULL;
  char *secret = secret_password_lookup_finish (result, &error);

  if (secret != NULL)
    {
      if (gtk_editable_get_text (GTK_EDITABLE (self->passphrase_row))[0] == '\0')
        gtk_editable_set_text (GTK_EDITABLE (self->passphrase_row), secret);
      gtk_switch_set_active (self->remember_switch, TRUE);
      secret_password_free (secret);
    }
  g_object_unref (self);
}
#endif

gboolean
candor_export_dialog_uses_token (CandorExportDialog *self)
{
  return adw_combo_row_get_selected (self->source_row) == 1;
}

void
candor_export_dialog_show_certificate (CandorExportDialog *self)
{
  CandorIdentity *identity = current_identity (self);
  CandorCertificate *cert = candor_export_dialog_uses_token (self) ? self->token_cert
                          : identity != NULL ? candor_identity_get_certificate (identity) : NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GError) error = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *validity = NULL;

  self->certificate_ok = cert != NULL && candor_certificate_check_valid_at (cert, now, &error);
  adw_action_row_set_subtitle (self->subject_row, cert != NULL ? candor_certificate_get_subject (cert) : "—");
  adw_action_row_set_subtitle (self->issuer_row, cert != NULL ? candor_certificate_get_issuer (cert) : "—");
  adw_action_row_set_subtitle (self->fingerprint_row, cert != NULL ? candor_certificate_get_fingerprint (cert) : "—");
  from = format_date (cert != NULL ? candor_certificate_get_not_before (cert) : NULL);
  to = format_date (cert != NULL ? candor_certificate_get_not_after (cert) : NULL);
  /* Translators: certificate validity, "2026-01-01 00:00 UTC to 2029-01-01 00:00 UTC" */
  validity = g_strdup_printf (_("%s to %s"), from, to);
  if (error != NULL)
    {
      g_autofree char *with_error = g_strdup_printf ("%s\n%s", validity, error->message);

      adw_action_row_set_subtitle (self->validity_row, with_error);
      gtk_widget_add_css_class (GTK_WIDGET (self->validity_row), "error");
    }
  else
    {
      g_autofree char *expiry = cert != NULL && self->document != NULL
                                ? candor_certificate_support_end_warning (cert, self->document) : NULL;
      g_autofree char *with_warning = expiry != NULL ? g_strdup_printf ("%s\n%s", validity, expiry) : NULL;

      /* Signing still works: a warning, not an error. */
      adw_action_row_set_subtitle (self->validity_row, with_warning != NULL ? with_warning : validity);
      gtk_widget_remove_css_class (GTK_WIDGET (self->validity_row), "error");
      if (expiry != NULL)
        gtk_widget_add_css_class (GTK_WIDGET (self->validity_row), "warning");
      else
        gtk_widget_remove_css_class (GTK_WIDGET (self->validity_row), "warning");
    }

  candor_export_dialog_update_state (self);
}

/* Another stored identity: its own passphrase, perhaps from the keyring. */
void
candor_export_dialog_identity_changed (CandorExportDialog *self)
{
  CandorIdentity *identity = current_identity (self);

  gtk_editable_set_text (GTK_EDITABLE (self->passphrase_row), "");
#ifdef CANDOR_HAVE_LIBSECRET
  if (identity != NULL && !candor_export_dialog_uses_token (self) && keyring_available ())
    secret_password_lookup (&passphrase_schema, self->cancellable, on_passphrase_looked_up,
                            g_object_ref (self), "identity", candor_identity_get_path (identity),
                            NULL);
#endif
  candor_export_dialog_show_certificate (self);
}

/* Stored identity or token, or another token URI: the certificate must be read again. */
void
candor_export_dialog_source_changed (CandorExportDialog *self)
{
  gboolean token = candor_export_dialog_uses_token (self);

  g_clear_object (&self->token_cert);
  gtk_widget_set_visible (GTK_WIDGET (self->identity_row), !token);
  gtk_widget_set_visible (GTK_WIDGET (self->token_row), token);
#ifdef CANDOR_HAVE_LIBSECRET
  gtk_widget_set_visible (self->remember_row, !token);
#endif
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->passphrase_row),
                                 token ? _("Token PIN") : _("Passphrase"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.new-identity", !token);
  candor_export_dialog_show_certificate (self);
}

static void
read_token_thread (GTask        *task,
                   gpointer      source,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  char **uri_and_pin = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(CandorSigner) signer = candor_signer_new_from_pkcs11 (uri_and_pin[0], uri_and_pin[1],
                                                                  NULL, &error);

  if (signer == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, g_object_ref (candor_signer_get_certificate (signer)), g_object_unref);
}

static void
on_token_read (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  CandorExportDialog *self = CANDOR_EXPORT_DIALOG (source);
  g_autoptr(GError) error = NULL;
  CandorCertificate *cert = g_task_propagate_pointer (G_TASK (result), &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->busy = FALSE;
  g_clear_object (&self->token_cert);
  self->token_cert = cert;
  candor_export_dialog_show_certificate (self);
  if (cert == NULL)
    set_blocker (self, error->message);
}

static void
wipe_strv (char **strv)
{
  for (guint i = 0; strv[i] != NULL; i++)
    memset (strv[i], 0, strlen (strv[i]));
  g_strfreev (strv);
}

/* Reading the certificate logs in to the token (with the PIN): off the main thread. */
static void
read_token_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  CandorExportDialog *self = CANDOR_EXPORT_DIALOG (widget);
  g_autoptr(GTask) task = NULL;
  char **uri_and_pin = g_new0 (char *, 3);

  if (self->busy)
    {
      g_strfreev (uri_and_pin);
      return;
    }
  uri_and_pin[0] = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->token_row))));
  uri_and_pin[1] = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->passphrase_row)));
  self->busy = TRUE;
  set_blocker (self, _("Reading the certificate from the token…"));
  task = g_task_new (self, self->cancellable, on_token_read, NULL);
  g_task_set_source_tag (task, read_token_action);
  g_task_set_task_data (task, uri_and_pin, (GDestroyNotify) wipe_strv);
  g_task_run_in_thread (task, read_token_thread);
}

static void
load_identities (CandorExportDialog *self,
                 const char         *select)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  guint selected = 0;

  g_ptr_array_unref (self->identities);
  self->identities = candor_identity_list (self->identity_dir);
  for (guint i = 0; i < self->identities->len; i++)
    {
      const char *name = candor_identity_get_name (g_ptr_array_index (self->identities, i));

      g_ptr_array_add (names, (gpointer) name);
      if (g_strcmp0 (name, select) == 0)
        selected = i;
    }
  if (self->identities->len == 0)
    g_ptr_array_add (names, (gpointer) _("No identity yet"));
  g_ptr_array_add (names, NULL);
  gtk_string_list_splice (self->identity_names, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->identity_names)),
                          (const char * const *) names->pdata);
  adw_combo_row_set_selected (self->identity_row, selected);
  candor_export_dialog_identity_changed (self);
}

static void
on_identity_created (CandorExportDialog *self,
                     CandorIdentity     *identity,
                     const char         *passphrase)
{
  load_identities (self, candor_identity_get_name (identity));
  gtk_editable_set_text (GTK_EDITABLE (self->passphrase_row), passphrase);
}

static void
new_identity_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  CandorExportDialog *self = CANDOR_EXPORT_DIALOG (widget);
  CandorIdentityDialog *dialog = candor_identity_dialog_new (GTK_WINDOW (self), self->identity_dir);
  const char *manufacturer = candor_document_get_manufacturer (self->document);

  if (manufacturer != NULL && manufacturer[0] != '\0')
    candor_identity_dialog_fill (dialog, manufacturer, NULL, 0, NULL);
  /* Valid past the end of security updates this draft promises, not a fixed three years. */
  {
    GDate end;

    if (candor_wording_support_end (self->document, &end))
      candor_identity_dialog_set_support_end (dialog, &end);
  }
  g_signal_connect_object (dialog, "created", G_CALLBACK (on_identity_created), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- destination ---------------------------------------------------------------------- */

static void
on_destination_chosen (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(CandorExportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = candor_file_chooser_finish (result, &error);

  if (file != NULL)
    candor_export_dialog_set_destination (self, file);
  else if (error != NULL)
    set_blocker (self, error->message);
}

static void
choose_destination_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  CandorExportDialog *self = CANDOR_EXPORT_DIALOG (widget);
  g_autofree char *name = candor_bundle_file_name (candor_document_get_product_name (self->document));
  g_autoptr(GFile) folder = self->destination != NULL ? g_file_get_parent (self->destination) : NULL;

  candor_file_chooser_save_async (GTK_WINDOW (self), name, folder, self->cancellable,
                                  on_destination_chosen, g_object_ref (self));
}

/* ---- the export itself ---------------------------------------------------------------- */

static void
on_stage (GObject    *source,
          const char *stage)
{
  gtk_label_set_text (CANDOR_EXPORT_DIALOG (source)->progress_label, stage);
}

static void
copy_command_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), g_variant_get_string (parameter, NULL));
}

static void
show_result (CandorExportDialog *self,
             CandorExportJob          *job)
{
  g_autofree char *path = g_file_get_parse_name (job->destination);

  g_ptr_array_unref (self->result_files);
  self->result_files = g_ptr_array_ref (job->written);
  adw_status_page_set_description (self->result_status, path);

  for (guint i = 0; i < self->file_rows->len; i++)
    adw_preferences_group_remove (self->files_group, g_ptr_array_index (self->file_rows, i));
  g_ptr_array_set_size (self->file_rows, 0);
  for (guint i = 0; i < job->written->len; i++)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), g_ptr_array_index (job->written, i));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("emblem-ok-symbolic"));
      adw_preferences_group_add (self->files_group, row);
      g_ptr_array_add (self->file_rows, row);
    }
  gtk_stack_set_visible_child_name (self->stack, "result");
}

static void
on_exported (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  CandorExportDialog *self = CANDOR_EXPORT_DIALOG (source);
  CandorExportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      self->busy = FALSE;
      gtk_stack_set_visible_child_name (self->stack, "settings");
      candor_export_dialog_refresh_gate (self);
      /* The reason stays on screen, under the form, until something changes. */
      set_blocker (self, error->message);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.export", TRUE);
      return;
    }
  self->busy = FALSE;
  /* The worker exported a copy: the override of the review gate goes into this document's
   * review log as well (who, when, why, what was not approved), like any other change. */
  if (job->override_reason != NULL && self->n_review_problems > 0)
    {
      const char *real = g_get_real_name ();
      const char *by = real != NULL && *real != '\0' && strcmp (real, "Unknown") != 0 ? real : g_get_user_name ();
      JsonArray *recorded = candor_review_record_export_override (candor_review_get_for_document (self->document),
                                                                  by, job->override_reason, NULL, NULL);

      g_clear_pointer (&recorded, json_array_unref);
    }
  candor_export_dialog_update_state (self);

#ifdef CANDOR_HAVE_LIBSECRET
  if (job->identity != NULL && keyring_available ())
    {
      g_autofree char *label = g_strdup_printf (_("Candor signing identity “%s”"),
                                                candor_identity_get_name (job->identity));

      if (gtk_switch_get_active (self->remember_switch))
        secret_password_store (&passphrase_schema, SECRET_COLLECTION_DEFAULT, label,
                               job->passphrase, NULL, NULL, NULL,
                               "identity", candor_identity_get_path (job->identity), NULL);
      else
        secret_password_clear (&passphrase_schema, NULL, NULL, NULL,
                               "identity", candor_identity_get_path (job->identity), NULL);
    }
#endif

  show_result (self, job);
  g_signal_emit (self, signals[EXPORTED], 0, job->destination);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CandorExportDialog *self = CANDOR_EXPORT_DIALOG (widget);
  g_autoptr(GTask) task = NULL;
  CandorExportJob *job;

  candor_export_dialog_update_state (self);
  if (self->blocker != NULL || self->busy)
    return;

  job = g_new0 (CandorExportJob, 1);
  job->draft = candor_format_serialize (self->document);
  if (candor_export_dialog_uses_token (self))
    job->pkcs11_uri = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->token_row))));
  else
    job->identity = g_object_ref (current_identity (self));
  job->passphrase = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->passphrase_row)));
  job->templates = selected_templates (self);
  job->formats = selected_formats (self);
  if (gtk_switch_get_active (self->override_switch))
    job->override_reason = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->reason_row))));
  job->destination = g_object_ref (self->destination);
  job->stage_func = on_stage;

  self->busy = TRUE;
  gtk_label_set_text (self->progress_label, _("Preparing…"));
  gtk_stack_set_visible_child_name (self->stack, "progress");
  candor_export_dialog_update_state (self);

  task = g_task_new (self, self->cancellable, on_exported, NULL);
  g_task_set_source_tag (task, export_action);
  g_task_set_task_data (task, job, (GDestroyNotify) candor_export_job_free);
  candor_export_job_run_in_thread (task);
}

/* ---- public API ----------------------------------------------------------------------- */

CandorExportDialog *
candor_export_dialog_new (GtkWindow      *parent,
                          CandorDocument *document,
                          const char     *identity_dir)
{
  CandorExportDialog *self;

  g_return_val_if_fail (CANDOR_IS_DOCUMENT (document), NULL);

  self = g_object_new (CANDOR_TYPE_EXPORT_DIALOG, "transient-for", parent, "modal", TRUE, NULL);
  self->document = g_object_ref (document);
  self->identity_dir = g_strdup (identity_dir);
  load_identities (self, NULL);
  candor_export_dialog_refresh_gate (self);
  return self;
}

void
candor_export_dialog_set_destination (CandorExportDialog *self,
                                      GFile              *file)
{
  g_return_if_fail (CANDOR_IS_EXPORT_DIALOG (self));

  if (g_set_object (&self->destination, file))
    {
      g_autofree char *path = file != NULL ? g_file_get_parse_name (file) : NULL;

      adw_action_row_set_subtitle (self->destination_row, path != NULL ? path : _("Not chosen yet"));
      candor_export_dialog_update_state (self);
    }
}

GFile *
candor_export_dialog_get_destination (CandorExportDialog *self)
{
  g_return_val_if_fail (CANDOR_IS_EXPORT_DIALOG (self), NULL);
  return self->destination;
}

gboolean
candor_export_dialog_select_identity (CandorExportDialog *self,
                                      const char         *name)
{
  g_return_val_if_fail (CANDOR_IS_EXPORT_DIALOG (self), FALSE);

  load_identities (self, name);
  return current_identity (self) != NULL &&
         g_strcmp0 (candor_identity_get_name (current_identity (self)), name) == 0;
}

void
candor_export_dialog_use_token (CandorExportDialog *self,
                                const char         *uri)
{
  g_return_if_fail (CANDOR_IS_EXPORT_DIALOG (self));

  if (uri != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->token_row), uri);
  adw_combo_row_set_selected (self->source_row, uri != NULL ? 1 : 0);
  candor_export_dialog_source_changed (self);
}

void
candor_export_dialog_set_passphrase (CandorExportDialog *self,
                                     const char         *passphrase)
{
  g_return_if_fail (CANDOR_IS_EXPORT_DIALOG (self));
  gtk_editable_set_text (GTK_EDITABLE (self->passphrase_row), passphrase != NULL ? passphrase : "");
}

void
candor_export_dialog_set_override (CandorExportDialog *self,
                                   const char         *reason)
{
  g_return_if_fail (CANDOR_IS_EXPORT_DIALOG (self));
  gtk_editable_set_text (GTK_EDITABLE (self->reason_row), reason != NULL ? reason : "");
  gtk_switch_set_active (self->override_switch, reason != NULL);
}

void
candor_export_dialog_set_outputs (CandorExportDialog *self,
                                  const char * const *templates,
                                  const char * const *formats)
{
  const char * const *ids = candor_label_template_list_ids ();

  g_return_if_fail (CANDOR_IS_EXPORT_DIALOG (self));

  for (guint i = 0; i < self->template_checks->len; i++)
    gtk_check_button_set_active (g_ptr_array_index (self->template_checks, i),
                                 templates == NULL || g_strv_contains (templates, ids[i]));
  for (guint i = 0; i < G_N_ELEMENTS (self->format_checks); i++)
    gtk_check_button_set_active (self->format_checks[i],
                                 formats == NULL || g_strv_contains (formats, format_ids[i]));
}

GPtrArray *
candor_export_dialog_get_gate_problems (CandorExportDialog *self)
{
  g_return_val_if_fail (CANDOR_IS_EXPORT_DIALOG (self), NULL);
  return self->gate_problems;
}

const char *
candor_export_dialog_get_blocker (CandorExportDialog *self)
{
  g_return_val_if_fail (CANDOR_IS_EXPORT_DIALOG (self), NULL);
  return self->blocker;
}

const char *
candor_export_dialog_get_visible_page (CandorExportDialog *self)
{
  g_return_val_if_fail (CANDOR_IS_EXPORT_DIALOG (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

GPtrArray *
candor_export_dialog_get_result_files (CandorExportDialog *self)
{
  g_return_val_if_fail (CANDOR_IS_EXPORT_DIALOG (self), NULL);
  return self->result_files;
}

/* ---- construction --------------------------------------------------------------------- */

static void
candor_export_dialog_dispose (GObject *object)
{
  CandorExportDialog *self = CANDOR_EXPORT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->document);
  g_clear_object (&self->destination);
  g_clear_object (&self->token_cert);
  G_OBJECT_CLASS (candor_export_dialog_parent_class)->dispose (object);
}

static void
candor_export_dialog_finalize (GObject *object)
{
  CandorExportDialog *self = CANDOR_EXPORT_DIALOG (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->identity_names);
  g_ptr_array_unref (self->identities);
  g_ptr_array_unref (self->gate_problems);
  g_ptr_array_unref (self->gate_rows);
  g_ptr_array_unref (self->result_files);
  g_ptr_array_unref (self->file_rows);
  g_ptr_array_unref (self->template_checks);
  g_free (self->identity_dir);
  g_free (self->blocker);
  G_OBJECT_CLASS (candor_export_dialog_parent_class)->finalize (object);
}

static void
candor_export_dialog_class_init (CandorExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = candor_export_dialog_dispose;
  object_class->finalize = candor_export_dialog_finalize;

  signals[EXPORTED] = g_signal_new ("exported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                    NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_FILE);

  gtk_widget_class_install_action (widget_class, "export.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "export.new-identity", NULL, new_identity_action);
  gtk_widget_class_install_action (widget_class, "export.read-token", NULL, read_token_action);
  gtk_widget_class_install_action (widget_class, "export.choose-destination", NULL,
                                   choose_destination_action);
  gtk_widget_class_install_action (widget_class, "export.copy-command", "s", copy_command_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
on_page_changed (CandorExportDialog *self)
{
  const char *page = gtk_stack_get_visible_child_name (self->stack);
  gboolean settings = g_strcmp0 (page, "settings") == 0;

  gtk_widget_set_visible (self->export_button, settings);
  gtk_window_set_title (GTK_WINDOW (self), g_strcmp0 (page, "result") == 0 ? _("Bundle Exported")
                                                                            : _("Export Signed Bundle"));
}

static void
candor_export_dialog_init (CandorExportDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Close"));

  self->cancellable = g_cancellable_new ();
  self->identities = g_ptr_array_new_with_free_func (g_object_unref);
  self->gate_problems = g_ptr_array_new_with_free_func (g_free);
  self->gate_rows = g_ptr_array_new ();
  self->result_files = g_ptr_array_new_with_free_func (g_free);
  self->file_rows = g_ptr_array_new ();
  self->template_checks = g_ptr_array_new ();

  gtk_window_set_default_size (GTK_WINDOW (self), 560, 720);
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "window.close");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  self->export_button = gtk_button_new_with_mnemonic (_("_Sign and Export"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->export_button), "export.export");
  gtk_widget_add_css_class (self->export_button, "suggested-action");
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->export_button);
  gtk_box_append (GTK_BOX (box), header);

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);
  gtk_stack_add_named (self->stack, candor_export_dialog_build_settings (self), "settings");
  gtk_stack_add_named (self->stack, candor_export_dialog_build_progress (self), "progress");
  gtk_stack_add_named (self->stack, candor_export_dialog_build_result (self), "result");
  g_signal_connect_object (self->stack, "notify::visible-child", G_CALLBACK (on_page_changed), self,
                           G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->stack));
  adw_window_set_content (ADW_WINDOW (self), box);
  on_page_changed (self);
}
