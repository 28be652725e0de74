/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-a11y.h: accessible names that libadwaita 1.2 / GTK 4.8 do not pass on by themselves. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Names the text field inside @row after the row's title (AdwEntryRow 1.2 leaves it
 * unnamed, so a screen reader announced only "text"). Call after the title is set. */
void candor_a11y_name_entry_row   (AdwEntryRow   *row);

/* Names the toggle button inside @button, which is what takes the keyboard focus (GTK 4.8
 * keeps the name on the outer widget only). */
void candor_a11y_name_menu_button (GtkMenuButton *button,
                                   const char    *name);

G_END_DECLS
