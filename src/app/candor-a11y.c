/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-a11y.c: accessible names that libadwaita 1.2 / GTK 4.8 do not pass on by themselves. */

#include "config.h"

#include "candor-a11y.h"

void
candor_a11y_name_entry_row (AdwEntryRow *row)
{
  GtkEditable *text;

  g_return_if_fail (ADW_IS_ENTRY_ROW (row));

  text = gtk_editable_get_delegate (GTK_EDITABLE (row));
  if (text != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (text),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                                    -1);
}

void
candor_a11y_name_menu_button (GtkMenuButton *button,
                              const char    *name)
{
  GtkWidget *toggle;

  g_return_if_fail (GTK_IS_MENU_BUTTON (button));
  g_return_if_fail (name != NULL);

  toggle = gtk_widget_get_first_child (GTK_WIDGET (button));
  if (GTK_IS_TOGGLE_BUTTON (toggle))
    gtk_accessible_update_property (GTK_ACCESSIBLE (toggle),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                    -1);
}
