/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-start-page.h: what a window shows before a disclosure is open. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CANDOR_TYPE_START_PAGE (candor_start_page_get_type ())
G_DECLARE_FINAL_TYPE (CandorStartPage, candor_start_page, CANDOR, START_PAGE, GtkWidget)

/* Recent files are read from GtkRecentManager (MIME type application/x-candor); each row
 * activates "win.open-uri" with the file's URI. */
GtkWidget *candor_start_page_new           (void);
guint      candor_start_page_get_n_recent  (CandorStartPage *self);

G_END_DECLS
