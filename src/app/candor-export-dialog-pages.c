/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-export-dialog-pages.c: the export dialog's three pages, built once: the form
 * (templates, formats, signing identity, destination, gate), progress, and the result. */

#include "config.h"

#include <glib/gi18n.h>

#include "candor-export-dialog-private.h"
#include "candor-label-template.h"

/* Selectable subtitles (to copy a fingerprint) need libadwaita 1.3. */
static void
set_subtitle_selectable (AdwActionRow *row)
{
#if ADW_CHECK_VERSION (1, 3, 0)
  adw_action_row_set_subtitle_selectable (row, TRUE);
#endif
}

static AdwActionRow *
info_row (AdwPreferencesGroup *group,
          const char          *title)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  set_subtitle_selectable (ADW_ACTION_ROW (row));
  gtk_widget_add_css_class (row, "property");
  adw_preferences_group_add (group, row);
  return ADW_ACTION_ROW (row);
}

static GtkCheckButton *
check_row (CandorExportDialog  *self,
           AdwPreferencesGroup *group,
           const char          *title,
           const char          *subtitle)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  g_signal_connect_object (check, "toggled", G_CALLBACK (candor_export_dialog_refresh_gate), self, G_CONNECT_SWAPPED);
  adw_preferences_group_add (group, row);
  return GTK_CHECK_BUTTON (check);
}

static GtkWidget *
command_row (const char *title,
             const char *command)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *copy = gtk_button_new_from_icon_name ("edit-copy-symbolic");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), command);
  set_subtitle_selectable (ADW_ACTION_ROW (row));
  gtk_widget_add_css_class (row, "monospace");
  gtk_widget_set_valign (copy, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (copy, "flat");
  gtk_widget_set_tooltip_text (copy, _("Copy"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (copy), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Copy the command"), -1);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (copy), "s", command);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (copy), "export.copy-command");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), copy);
  return row;
}

GtkWidget *
candor_export_dialog_build_settings (CandorExportDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *page = adw_preferences_page_new ();
  AdwPreferencesGroup *labels = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  AdwPreferencesGroup *formats = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  AdwPreferencesGroup *signing = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  AdwPreferencesGroup *destination = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  const char * const *ids = candor_label_template_list_ids ();
  const char *format_names[] = { N_("PDF"), N_("SVG"), N_("PNG") };
  const char *format_notes[] = { N_("Vector, for the printer"), N_("Vector, for packaging design tools"),
                                 N_("300 dpi picture") };
  GtkWidget *new_button, *choose_button, *override_row;

  adw_preferences_group_set_title (labels, _("Label Templates"));
  for (guint i = 0; ids[i] != NULL; i++)
    {
      const CandorLabelTemplate *tmpl = candor_label_template_lookup (ids[i], NULL);
      const CandorLabelSize *size = candor_label_template_lookup_size (tmpl, NULL, NULL);
      g_autofree char *size_name = candor_label_size_dup_display_name (size);

      g_ptr_array_add (self->template_checks,
                       check_row (self, labels, candor_label_template_get_name (tmpl), size_name));
    }
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), labels);

  adw_preferences_group_set_title (formats, _("Label Formats"));
  for (guint i = 0; i < G_N_ELEMENTS (self->format_checks); i++)
    self->format_checks[i] = check_row (self, formats, _(format_names[i]), _(format_notes[i]));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), formats);

  adw_preferences_group_set_title (signing, _("Signing Identity"));
  adw_preferences_group_set_description (signing,
    _("Check the certificate before you sign: buyers and web teams will see it."));
  new_button = gtk_button_new_with_mnemonic (_("_New…"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (new_button), "export.new-identity");
  gtk_widget_add_css_class (new_button, "flat");
  adw_preferences_group_set_header_suffix (signing, new_button);
  self->identity_names = gtk_string_list_new (NULL);
  {
    g_autoptr(GtkStringList) sources = gtk_string_list_new (NULL);

    gtk_string_list_append (sources, _("Stored identity"));
    gtk_string_list_append (sources, _("Token (PKCS #11)"));
    self->source_row = ADW_COMBO_ROW (adw_combo_row_new ());
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->source_row), _("Sign with"));
    adw_combo_row_set_model (self->source_row, G_LIST_MODEL (sources));
    g_signal_connect_object (self->source_row, "notify::selected",
                             G_CALLBACK (candor_export_dialog_source_changed), self, G_CONNECT_SWAPPED);
    adw_preferences_group_add (signing, GTK_WIDGET (self->source_row));
  }
  {
    GtkWidget *read = gtk_button_new_with_mnemonic (_("_Read Certificate"));

    self->token_row = ADW_ENTRY_ROW (adw_entry_row_new ());
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->token_row),
                                   _("Key URI (pkcs11:token=…;object=…)"));
    gtk_widget_set_valign (read, GTK_ALIGN_CENTER);
    gtk_actionable_set_action_name (GTK_ACTIONABLE (read), "export.read-token");
    adw_entry_row_add_suffix (self->token_row, read);
    g_signal_connect_object (self->token_row, "changed",
                             G_CALLBACK (candor_export_dialog_source_changed), self, G_CONNECT_SWAPPED);
    gtk_widget_set_visible (GTK_WIDGET (self->token_row), FALSE);
    adw_preferences_group_add (signing, GTK_WIDGET (self->token_row));
  }
  self->identity_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->identity_row), _("Identity"));
  adw_combo_row_set_model (self->identity_row, G_LIST_MODEL (self->identity_names));
  g_signal_connect_object (self->identity_row, "notify::selected", G_CALLBACK (candor_export_dialog_identity_changed),
                           self, G_CONNECT_SWAPPED);
  adw_preferences_group_add (signing, GTK_WIDGET (self->identity_row));
  self->subject_row = info_row (signing, _("Subject"));
  self->issuer_row = info_row (signing, _("Issuer"));
  self->fingerprint_row = info_row (signing, _("SHA-256 fingerprint"));
  self->validity_row = info_row (signing, _("Valid"));
  self->passphrase_row = ADW_PASSWORD_ENTRY_ROW (adw_password_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->passphrase_row), _("Passphrase"));
  g_signal_connect_object (self->passphrase_row, "changed", G_CALLBACK (candor_export_dialog_update_state), self,
                           G_CONNECT_SWAPPED);
  adw_preferences_group_add (signing, GTK_WIDGET (self->passphrase_row));
  {
    GtkWidget *row = adw_action_row_new ();

    self->remember_switch = GTK_SWITCH (gtk_switch_new ());
    gtk_widget_set_valign (GTK_WIDGET (self->remember_switch), GTK_ALIGN_CENTER);
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Remember in the keyring"));
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (self->remember_switch));
    adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), GTK_WIDGET (self->remember_switch));
    self->remember_row = row;
#ifndef CANDOR_HAVE_LIBSECRET
    gtk_widget_set_visible (row, FALSE);
#endif
    adw_preferences_group_add (signing, row);
  }
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), signing);

  adw_preferences_group_set_title (destination, _("Destination"));
  self->destination_row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->destination_row), _("Bundle"));
  adw_action_row_set_subtitle (self->destination_row, _("Not chosen yet"));
  choose_button = gtk_button_new_with_mnemonic (_("_Choose…"));
  gtk_widget_set_valign (choose_button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (choose_button), "export.choose-destination");
  adw_action_row_add_suffix (self->destination_row, choose_button);
  adw_preferences_group_add (destination, GTK_WIDGET (self->destination_row));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), destination);

  self->gate_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->gate_group, _("Ready to Sign?"));
  adw_preferences_group_set_description (self->gate_group,
    _("A signed bundle should be complete. Exporting anyway records who, when and why in disclosure.json."));
  override_row = adw_action_row_new ();
  self->override_switch = GTK_SWITCH (gtk_switch_new ());
  g_object_set_data (G_OBJECT (self->override_switch), "row", override_row);
  gtk_widget_set_valign (GTK_WIDGET (self->override_switch), GTK_ALIGN_CENTER);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (override_row), _("Export Anyway"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (override_row), GTK_WIDGET (self->override_switch));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (override_row), GTK_WIDGET (self->override_switch));
  g_signal_connect_object (self->override_switch, "notify::active", G_CALLBACK (candor_export_dialog_update_state), self,
                           G_CONNECT_SWAPPED);
  self->reason_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->reason_row), _("Reason"));
  g_signal_connect_object (self->reason_row, "changed", G_CALLBACK (candor_export_dialog_update_state), self,
                           G_CONNECT_SWAPPED);
  adw_preferences_group_add (self->gate_group, override_row);
  adw_preferences_group_add (self->gate_group, GTK_WIDGET (self->reason_row));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), self->gate_group);

  self->blocker_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->blocker_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->blocker_label), "dim-label");
  gtk_widget_set_margin_top (GTK_WIDGET (self->blocker_label), 6);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->blocker_label), 6);
  gtk_widget_set_margin_start (GTK_WIDGET (self->blocker_label), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->blocker_label), 12);

  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (box), page);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->blocker_label));
  return box;
}

GtkWidget *
candor_export_dialog_build_progress (CandorExportDialog *self)
{
  GtkWidget *status = adw_status_page_new ();
  GtkWidget *spinner = gtk_spinner_new ();

  adw_status_page_set_title (ADW_STATUS_PAGE (status), _("Exporting"));
  gtk_spinner_set_spinning (GTK_SPINNER (spinner), TRUE);
  gtk_widget_set_size_request (spinner, 32, 32);
  self->progress_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_accessible_update_property (GTK_ACCESSIBLE (spinner), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Exporting"), -1);
  {
    GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

    gtk_box_append (GTK_BOX (box), spinner);
    gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->progress_label));
    adw_status_page_set_child (ADW_STATUS_PAGE (status), box);
  }
  return status;
}

GtkWidget *
candor_export_dialog_build_result (CandorExportDialog *self)
{
  GtkWidget *status = adw_status_page_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  AdwPreferencesGroup *check = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  GtkWidget *clamp = adw_clamp_new ();

  self->result_status = ADW_STATUS_PAGE (status);
  gtk_widget_add_css_class (status, "compact");
  adw_status_page_set_icon_name (self->result_status, "emblem-ok-symbolic");
  adw_status_page_set_title (self->result_status, _("Bundle Written and Verified"));


  adw_preferences_group_set_title (check, _("Check It Yourself"));
  adw_preferences_group_set_description (check,
    _("Anyone can verify the bundle without Candor: unpack it and run these in its folder. "
      "Use your organisation’s CA file instead of signer.pem to check who signed."));
  adw_preferences_group_add (check, command_row (_("Every file is unchanged"), CANDOR_EXPORT_SUMS_COMMAND));
  adw_preferences_group_add (check, command_row (_("The list of files is signed"), CANDOR_EXPORT_CMS_COMMAND));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (check));

  self->files_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->files_group, _("Files in the Bundle"));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->files_group));

  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  adw_status_page_set_child (self->result_status, clamp);
  return status;
}

