/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-identity-dialog.c: creating a signing identity: organisation, e-mail, validity and
 * the passphrase that encrypts its key. */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "candor-bundle-writer.h"
#include "candor-identity-dialog.h"
#include "candor-identity-validity.h"
#include "candor-wording.h"
#include "candor-text-safe.h"

struct _CandorIdentityDialog
{
  AdwWindow        parent_instance;

  char            *store_dir;
  GCancellable    *cancellable;
  char            *error_text;
  gboolean         showing_name_problem;
  gboolean         busy;

  AdwEntryRow     *organisation_row;
  AdwEntryRow     *email_row;
  GtkSpinButton   *years_spin;
  AdwActionRow    *years_row;
  AdwPasswordEntryRow *passphrase_row;
  AdwPasswordEntryRow *confirm_row;
  GtkLabel        *error_label;
  GtkSpinner      *spinner;
  AdwActionRow    *import_row;
  AdwPasswordEntryRow *import_password_row;
  GtkWidget       *create_button;

  GFile           *import_file;  /* a PKCS #12 file to import instead of creating a key */
};

G_DEFINE_FINAL_TYPE (CandorIdentityDialog, candor_identity_dialog, ADW_TYPE_WINDOW)

enum {
  CREATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct
{
  char   *dir;
  char   *organisation;
  char   *email;
  guint   days;
  char   *passphrase;
  GBytes *pkcs12;           /* import instead of create, when set */
  char   *pkcs12_password;
  char   *pkcs12_name;
} CreateData;

static void
create_data_free (CreateData *data)
{
  g_free (data->dir);
  g_free (data->organisation);
  g_free (data->email);
  if (data->passphrase != NULL)
    memset (data->passphrase, 0, strlen (data->passphrase));
  g_free (data->passphrase);
  g_clear_pointer (&data->pkcs12, g_bytes_unref);
  if (data->pkcs12_password != NULL)
    memset (data->pkcs12_password, 0, strlen (data->pkcs12_password));
  g_free (data->pkcs12_password);
  g_free (data->pkcs12_name);
  g_free (data);
}

static const char *
text_of (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static gboolean
looks_like_email (const char *text)
{
  const char *at = strchr (text, '@');

  return at != NULL && at != text && strchr (at + 1, '.') != NULL && strchr (text, ' ') == NULL;
}

static void show_error (CandorIdentityDialog *self, const char *message);

/* A message when @text holds a character a name must not have (control, bidi or other
 * invisible format characters), else NULL. */
static char *
invisible_problem (const char *what, const char *text)
{
  glong offset;
  gunichar found;

  if (!candor_text_find_invisible (text, &offset, &found))
    return NULL;
  /* Translators: the first %s is a field, e.g. "The organisation’s name" */
  return g_strdup_printf (_("%s contains an invisible or control character (U+%04X at character %ld): "
                            "remove it; names may hold only visible characters and spaces"),
                          what, (guint) found, offset + 1);
}

static void
update_actions (CandorIdentityDialog *self)
{
  g_autofree char *organisation = g_strstrip (g_strdup (text_of (self->organisation_row)));
  const char *passphrase = text_of (ADW_ENTRY_ROW (self->passphrase_row));
  g_autofree char *problem = NULL;
  gboolean who = self->import_file != NULL ||
                 (organisation[0] != '\0' && looks_like_email (text_of (self->email_row)));
  gboolean ok;

  if (self->import_file == NULL)
    {
      problem = invisible_problem (_("The organisation’s name"), organisation);
      if (problem == NULL)
        problem = invisible_problem (_("The e-mail address"), text_of (self->email_row));
    }
  if (problem != NULL)
    {
      who = FALSE;
      show_error (self, problem);
      gtk_widget_add_css_class (GTK_WIDGET (self->organisation_row), "error");
      self->showing_name_problem = TRUE;
    }
  else if (self->showing_name_problem)
    {
      show_error (self, NULL);
      gtk_widget_remove_css_class (GTK_WIDGET (self->organisation_row), "error");
      self->showing_name_problem = FALSE;
    }
  ok = !self->busy && who && strlen (passphrase) >= 8 &&
       g_strcmp0 (passphrase, text_of (ADW_ENTRY_ROW (self->confirm_row))) == 0;

  gtk_button_set_label (GTK_BUTTON (self->create_button),
                        self->import_file != NULL ? _("_Import") : _("C_reate"));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "identity.create", ok);
}

static void
show_error (CandorIdentityDialog *self,
            const char           *message)
{
  g_free (self->error_text);
  self->error_text = g_strdup (message);
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

/* Runs in a worker thread: key generation and PKCS #8 encryption take a moment. */
static void
create_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  CreateData *data = task_data;
  g_autofree char *base = candor_bundle_slug (data->organisation);
  g_autoptr(GError) error = NULL;
  CandorIdentity *identity = NULL;

  if (data->pkcs12 != NULL)
    {
      g_free (base);
      base = candor_bundle_slug (data->pkcs12_name);
    }

  /* The folder name comes from the organisation; a second identity gets "-2", "-3", … */
  for (guint i = 1; i < 100 && identity == NULL; i++)
    {
      g_autofree char *name = i == 1 ? g_strdup (base) : g_strdup_printf ("%s-%u", base, i);
      g_autofree char *dir = data->dir != NULL ? g_strdup (data->dir)
                                               : candor_identity_get_default_dir ();
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_EXISTS))
        continue;
      if (data->pkcs12 != NULL)
        identity = candor_identity_import_pkcs12 (data->dir, name, data->pkcs12,
                                                  data->pkcs12_password, data->passphrase, &error);
      else
        identity = candor_identity_create (data->dir, name, data->organisation, data->email, NULL,
                                           data->days, data->passphrase, &error);
      if (identity == NULL)
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
    }
  if (identity == NULL)
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_EXISTS,
                             _("Too many identities are named after “%s”; remove some first."),
                             data->organisation);
  else
    g_task_return_pointer (task, identity, g_object_unref);
}

static void
on_created (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  CandorIdentityDialog *self = CANDOR_IDENTITY_DIALOG (source);
  g_autoptr(GError) error = NULL;
  g_autoptr(CandorIdentity) identity = g_task_propagate_pointer (G_TASK (result), &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->busy = FALSE;
  gtk_spinner_stop (self->spinner);
  update_actions (self);
  if (identity == NULL)
    {
      show_error (self, error->message);
      return;
    }
  g_signal_emit (self, signals[CREATED], 0, identity,
                 text_of (ADW_ENTRY_ROW (self->passphrase_row)));
  gtk_window_close (GTK_WINDOW (self));
}

static void
create_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CandorIdentityDialog *self = CANDOR_IDENTITY_DIALOG (widget);
  g_autoptr(GTask) task = NULL;
  CreateData *data = g_new0 (CreateData, 1);

  data->dir = g_strdup (self->store_dir);
  data->organisation = g_strstrip (g_strdup (text_of (self->organisation_row)));
  data->email = g_strstrip (g_strdup (text_of (self->email_row)));
  data->days = (guint) gtk_spin_button_get_value_as_int (self->years_spin) * 365;
  data->passphrase = g_strdup (text_of (ADW_ENTRY_ROW (self->passphrase_row)));
  if (self->import_file != NULL)
    {
      g_autofree char *basename = g_file_get_basename (self->import_file);
      g_autoptr(GError) error = NULL;
      char *dot = strrchr (basename, '.');

      if (dot != NULL)
        *dot = '\0';
      data->pkcs12_name = g_strdup (basename);
      data->pkcs12_password = g_strdup (text_of (ADW_ENTRY_ROW (self->import_password_row)));
      /* A PKCS #12 file is a few kilobytes; anything large is not one. */
      data->pkcs12 = g_file_load_bytes (self->import_file, NULL, NULL, &error);
      if (data->pkcs12 == NULL || g_bytes_get_size (data->pkcs12) > 1024 * 1024)
        {
          show_error (self, error != NULL ? error->message : _("This file is too large to be a PKCS #12 identity."));
          create_data_free (data);
          return;
        }
    }

  self->busy = TRUE;
  show_error (self, NULL);
  gtk_spinner_start (self->spinner);
  update_actions (self);

  task = g_task_new (self, self->cancellable, on_created, NULL);
  g_task_set_source_tag (task, create_action);
  g_task_set_task_data (task, data, (GDestroyNotify) create_data_free);
  g_task_run_in_thread (task, create_thread);
}

CandorIdentityDialog *
candor_identity_dialog_new (GtkWindow  *parent,
                            const char *store_dir)
{
  CandorIdentityDialog *self = g_object_new (CANDOR_TYPE_IDENTITY_DIALOG,
                                             "transient-for", parent,
                                             "modal", TRUE,
                                             NULL);

  self->store_dir = g_strdup (store_dir);
  return self;
}

void
candor_identity_dialog_fill (CandorIdentityDialog *self,
                             const char           *organisation,
                             const char           *email,
                             guint                 validity_years,
                             const char           *passphrase)
{
  g_return_if_fail (CANDOR_IS_IDENTITY_DIALOG (self));

  if (organisation != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->organisation_row), organisation);
  if (email != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->email_row), email);
  if (validity_years > 0)
    gtk_spin_button_set_value (self->years_spin, validity_years);
  if (passphrase != NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->passphrase_row), passphrase);
      gtk_editable_set_text (GTK_EDITABLE (self->confirm_row), passphrase);
    }
  update_actions (self);
}

void
candor_identity_dialog_set_support_end (CandorIdentityDialog *self,
                                        const GDate          *support_end)
{
  guint days;
  g_autofree char *iso = NULL;
  g_autofree char *end_text = NULL;
  g_autofree char *subtitle = NULL;

  g_return_if_fail (CANDOR_IS_IDENTITY_DIALOG (self));
  g_return_if_fail (support_end != NULL && g_date_valid (support_end));

  days = candor_identity_validity_days_for (NULL, support_end);
  /* Whole years, rounded up: the identity never ends before the date it covers. */
  gtk_spin_button_set_value (self->years_spin, (days + 364) / 365);
  iso = g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (support_end), g_date_get_month (support_end),
                         g_date_get_day (support_end));
  end_text = candor_wording_format_date (iso);
  /* Translators: %s is a date like "31 December 2030". */
  subtitle = g_strdup_printf (_("Covers security updates until %s, and a year more"), end_text);
  adw_action_row_set_subtitle (self->years_row, subtitle);
}

void
candor_identity_dialog_set_import_file (CandorIdentityDialog *self,
                                        GFile                *pkcs12,
                                        const char           *password)
{
  g_autofree char *name = NULL;

  g_return_if_fail (CANDOR_IS_IDENTITY_DIALOG (self));

  g_set_object (&self->import_file, pkcs12);
  name = pkcs12 != NULL ? g_file_get_parse_name (pkcs12) : NULL;
  adw_action_row_set_subtitle (self->import_row, name != NULL ? name : _("None: create a new key"));
  if (password != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->import_password_row), password);
  gtk_widget_set_sensitive (GTK_WIDGET (self->organisation_row), pkcs12 == NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->email_row), pkcs12 == NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->years_spin), pkcs12 == NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->import_password_row), pkcs12 != NULL);
  update_actions (self);
}

static void
on_import_chosen (CandorIdentityDialog *self,
                  GFile                *file)
{
  if (file != NULL)
    candor_identity_dialog_set_import_file (self, file, NULL);
}

/* The native file dialog: GtkFileDialog from GTK 4.10, GtkFileChooserNative before. */
#if GTK_CHECK_VERSION (4, 10, 0)
static void
import_dialog_done (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(CandorIdentityDialog) self = user_data;
  g_autoptr(GFile) file = gtk_file_dialog_open_finish (GTK_FILE_DIALOG (source), result, NULL);

  on_import_chosen (self, file);
}
#else
static void
import_native_response (GtkNativeDialog      *native,
                        int                   response,
                        CandorIdentityDialog *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
  on_import_chosen (self, file);
  gtk_native_dialog_destroy (native);
  g_object_unref (native);
  g_object_unref (self);
}
#endif

static void
choose_import_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  CandorIdentityDialog *self = CANDOR_IDENTITY_DIALOG (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("PKCS #12 Identities"));
  gtk_file_filter_add_suffix (filter, "p12");
  gtk_file_filter_add_suffix (filter, "pfx");
#if GTK_CHECK_VERSION (4, 10, 0)
  {
    g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();

    gtk_file_dialog_set_title (dialog, _("Import a Signing Identity"));
    gtk_file_dialog_set_default_filter (dialog, filter);
    gtk_file_dialog_open (dialog, GTK_WINDOW (self), self->cancellable, import_dialog_done,
                          g_object_ref (self));
  }
#else
  {
    GtkFileChooserNative *native =
      gtk_file_chooser_native_new (_("Import a Signing Identity"), GTK_WINDOW (self),
                                   GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), NULL);

    gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
    gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
    g_signal_connect (native, "response", G_CALLBACK (import_native_response), g_object_ref (self));
    gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
  }
#endif
}

const char *
candor_identity_dialog_get_error (CandorIdentityDialog *self)
{
  g_return_val_if_fail (CANDOR_IS_IDENTITY_DIALOG (self), NULL);
  return self->error_text;
}

static void
candor_identity_dialog_dispose (GObject *object)
{
  CandorIdentityDialog *self = CANDOR_IDENTITY_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  G_OBJECT_CLASS (candor_identity_dialog_parent_class)->dispose (object);
}

static void
candor_identity_dialog_finalize (GObject *object)
{
  CandorIdentityDialog *self = CANDOR_IDENTITY_DIALOG (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->import_file);
  g_free (self->store_dir);
  g_free (self->error_text);
  G_OBJECT_CLASS (candor_identity_dialog_parent_class)->finalize (object);
}

static void
candor_identity_dialog_class_init (CandorIdentityDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = candor_identity_dialog_dispose;
  object_class->finalize = candor_identity_dialog_finalize;

  signals[CREATED] = g_signal_new ("created", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 2,
                                   CANDOR_TYPE_IDENTITY, G_TYPE_STRING);

  gtk_widget_class_install_action (widget_class, "identity.create", NULL, create_action);
  gtk_widget_class_install_action (widget_class, "identity.choose-import", NULL, choose_import_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static AdwEntryRow *
add_entry (AdwPreferencesGroup  *group,
           CandorIdentityDialog *self,
           GtkWidget            *row,
           const char           *title)
{
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  g_signal_connect_object (row, "changed", G_CALLBACK (update_actions), self, G_CONNECT_SWAPPED);
  adw_preferences_group_add (group, row);
  return ADW_ENTRY_ROW (row);
}

static void
candor_identity_dialog_init (CandorIdentityDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *create = gtk_button_new_with_mnemonic (_("C_reate"));
  GtkWidget *page = adw_preferences_page_new ();
  AdwPreferencesGroup *who = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  AdwPreferencesGroup *key = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  GtkWidget *years_row = adw_action_row_new ();

  self->cancellable = g_cancellable_new ();
  gtk_window_set_title (GTK_WINDOW (self), _("New Signing Identity"));
  gtk_window_set_default_size (GTK_WINDOW (self), 480, 560);

  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "window.close");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (create), "identity.create");
  gtk_button_set_use_underline (GTK_BUTTON (create), TRUE);
  self->create_button = create;
  gtk_widget_add_css_class (create, "suggested-action");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), create);
  self->spinner = GTK_SPINNER (gtk_spinner_new ());
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), GTK_WIDGET (self->spinner));
  gtk_box_append (GTK_BOX (box), header);

  adw_preferences_group_set_title (who, _("Who Signs"));
  adw_preferences_group_set_description (who,
    _("Buyers and web teams see these in the certificate that signs your bundles."));
  self->organisation_row = add_entry (who, self, adw_entry_row_new (), _("Organisation"));
  self->email_row = add_entry (who, self, adw_entry_row_new (), _("Contact e-mail"));
  /* Up to the longest validity an identity may have (CANDOR_IDENTITY_MAX_VALIDITY_DAYS). */
  self->years_spin = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (1, CANDOR_IDENTITY_MAX_VALIDITY_DAYS / 365, 1));
  gtk_spin_button_set_value (self->years_spin, CANDOR_IDENTITY_DEFAULT_VALIDITY_DAYS / 365);
  self->years_row = ADW_ACTION_ROW (years_row);
  gtk_widget_set_valign (GTK_WIDGET (self->years_spin), GTK_ALIGN_CENTER);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (years_row), _("Valid for (years)"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (years_row), GTK_WIDGET (self->years_spin));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (years_row), GTK_WIDGET (self->years_spin));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->years_spin),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Valid for (years)"), -1);
  adw_preferences_group_add (who, years_row);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), who);

  {
    AdwPreferencesGroup *import = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
    GtkWidget *choose = gtk_button_new_with_mnemonic (_("C_hoose…"));

    adw_preferences_group_set_title (import, _("Or Import the Organisation’s Identity"));
    adw_preferences_group_set_description (import,
      _("A PKCS #12 file (.p12, .pfx) with the key and certificate your organisation issued."));
    self->import_row = ADW_ACTION_ROW (adw_action_row_new ());
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->import_row), _("PKCS #12 file"));
    adw_action_row_set_subtitle (self->import_row, _("None: create a new key"));
    gtk_widget_set_valign (choose, GTK_ALIGN_CENTER);
    gtk_actionable_set_action_name (GTK_ACTIONABLE (choose), "identity.choose-import");
    adw_action_row_add_suffix (self->import_row, choose);
    adw_preferences_group_add (import, GTK_WIDGET (self->import_row));
    self->import_password_row = ADW_PASSWORD_ENTRY_ROW (add_entry (import, self, adw_password_entry_row_new (),
                                                                   _("File password")));
    gtk_widget_set_visible (GTK_WIDGET (self->import_password_row), FALSE);
    adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), import);
  }

  adw_preferences_group_set_title (key, _("Passphrase"));
  adw_preferences_group_set_description (key,
    _("Encrypts the private key on this computer. At least 8 characters. Candor cannot recover it."));
  /* After the import group: the passphrase protects either key. */
  self->passphrase_row = ADW_PASSWORD_ENTRY_ROW (add_entry (key, self, adw_password_entry_row_new (),
                                                            _("Passphrase")));
  self->confirm_row = ADW_PASSWORD_ENTRY_ROW (add_entry (key, self, adw_password_entry_row_new (),
                                                         _("Repeat passphrase")));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), key);

  self->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->error_label, TRUE);
  gtk_label_set_xalign (self->error_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "error");
  gtk_widget_set_margin_start (GTK_WIDGET (self->error_label), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->error_label), 12);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);

  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (box), page);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->error_label));
  adw_window_set_content (ADW_WINDOW (self), box);
  update_actions (self);
}
